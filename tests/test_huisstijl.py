"""The house style of a template set: one set of values for Word and PDF, overridable per set."""

from __future__ import annotations

import re
import zipfile

import pytest
from pypdf import PdfReader
from test_sjablonen import _dossier, sets  # noqa: F401 (fixture)

from dossier.diagnostics import DossierError
from dossier.documenten.markdown import md_escape, tabel
from dossier.documenten.sjabloonsets import resolve
from dossier.opdrachten.bouw import build_file


def _set(sets, text: str) -> str:
    own = sets / "eigen"
    own.mkdir()
    (own / "sjabloonset.yaml").write_text(text, "utf-8")
    return "eigen"


def test_a_set_changes_only_what_it_names_and_both_formats_follow(tmp_path, sets):
    name = _set(sets, 'versie: "1.0"\nhuisstijl:\n  kleur_koppen: "8B1A1A"\n  korps: 11\n')
    huisstijl = resolve(name).huisstijl
    assert huisstijl.kleur_koppen == "8B1A1A" and huisstijl.korps == 11 and huisstijl.lettertype == "Liberation Sans"
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": name})), tmp_path / "uit", ["docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    with zipfile.ZipFile(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.docx") as archive:
        styles = archive.read("word/styles.xml").decode()
    heading = re.search(r'w:styleId="Heading1".*?</w:style>', styles, re.S).group(0)
    assert "8B1A1A" in heading
    assert re.search(r'<w:rPrDefault>.*?<w:sz w:val="22"', styles, re.S)
    reader = PdfReader(str(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.pdf"))
    colours = {tuple(round(float(v) * 255) for v in match) for page in reader.pages
               for match in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) scn", page.get_contents().get_data().decode("latin-1"))}
    assert (0x8B, 0x1A, 0x1A) in colours and (0x1F, 0x38, 0x64) not in colours


@pytest.mark.parametrize("text, code, fragment", [
    ('huisstijl:\n  kleur_koppen: rood\n', "D560", "kleur_koppen"),
    ('huisstijl:\n  korps: 40\n', "D560", "korps"),
    ('huisstijl:\n  marges: {boven: 2}\n', "D560", "marges"),
    ('huisstijl:\n  letertype: Arial\n', "D561", "letertype"),
    ('huisstijl: [1, 2]\n', "D560", "huisstijl"),
])
def test_a_wrong_house_style_value_is_a_coded_message(sets, text, code, fragment):
    name = _set(sets, text)
    with pytest.raises(DossierError) as caught:
        resolve(name)
    diagnostic = caught.value.diagnostics[0]
    assert diagnostic.code == code and fragment in diagnostic.to_text()


def test_a_font_without_files_stops_the_build_and_keeps_the_old_output(tmp_path, sets):
    out = tmp_path / "uit"
    assert build_file(str(_dossier(tmp_path)), out, ["docx"], "concept")[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()}
    name = _set(sets, "huisstijl:\n  lettertype: Bestaat Niet Sans\n")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": name})), out, ["docx"], "concept")
    assert code == 1 and findings[0].code == "D563" and "Liberation Sans" in findings[0].to_text()
    assert {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()} == before


def test_a_logo_that_is_not_really_png_or_jpeg_is_refused(tmp_path, sets):
    (sets / "basis" / "huisstijl" / "logo.png").write_text("<svg/>", "utf-8")  # a drawing renamed to .png
    source = _dossier(tmp_path, **{"aanbesteding.logo": "logo.png"})
    code, findings = build_file(str(source), tmp_path / "uit", ["docx"], "concept")
    assert code == 1 and findings[0].code == "D564"


def test_literal_separators_keep_their_spaces():
    assert md_escape(", ") == "\\, "
    assert md_escape("Leiden\n") == "Leiden"  # the final newline of a YAML block scalar
    assert md_escape("een\n  twee") == "een twee"


def test_tabel_widths_follow_content_and_amounts_align_right():
    table = tabel(["Perceel", "Omschrijving", "Raming"], [["P1", "Een lange omschrijving van het perceel", "€ 3.200.000"]])
    separator = table.splitlines()[1].strip("|").split("|")
    assert separator[2].endswith(":") and not separator[0].endswith(":")
    assert len(separator[1]) > len(separator[0]) and sum(len(s) for s in separator) > 72
