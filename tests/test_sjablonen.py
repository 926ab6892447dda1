"""Template sets per municipality, template errors, and builds that fail without losing anything."""

from __future__ import annotations

import shutil

import docx
import pytest
from helpers import CASES, ROOT, apply_patch, read_yaml, write_case

from dossier.opdrachten.bouw import build_file


@pytest.fixture()
def sets(tmp_path, monkeypatch):
    """A copy of the project's template sets in a temporary folder, used instead of sjablonen/."""
    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", root)
    monkeypatch.setenv("DOSSIER_SJABLONEN", str(root))
    return root


def _dossier(tmp_path, **patch):
    return write_case(tmp_path, "gemeente", apply_patch(read_yaml(CASES / "basis.yaml"), patch))


def _paragraphs(path):
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_municipal_set_overrides_one_block_of_the_base(tmp_path, sets):
    own = sets / "hart-van-brabant"
    (own / "leidraad").mkdir(parents=True)
    (own / "leidraad" / "procedure.md.j2").write_text(
        '{% extends "!basis/leidraad/procedure.md.j2" %}\n'
        "{% block klachten %}\n## Klachtenmeldpunt regio\n\nKlachten meldt u bij het meldpunt van {{ a.aanbestedende_dienst.naam }}.\n{% endblock %}\n",
        "utf-8",
    )
    source = _dossier(tmp_path, **{"aanbesteding.sjabloonset": "hart-van-brabant"})
    code, findings = build_file(str(source), tmp_path / "uit", ["docx"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    text = _paragraphs(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.docx")
    assert "Klachtenmeldpunt regio" in text
    assert "Klachten meldt u bij het meldpunt van Gemeente Voorbeeld." in text
    assert "Klachten, rechtsbescherming en opschortende termijn" not in text
    assert "Gunning" in text  # the rest still comes from the base set


def test_unknown_variable_names_template_and_line_and_keeps_previous_build(tmp_path, sets):
    source = _dossier(tmp_path)
    out = tmp_path / "uit"
    assert build_file(str(source), out, ["docx", "pdf"], "concept")[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()}

    broken = sets / "kapot"
    broken.mkdir()
    (broken / "bijlage-escalatiemodel.md.j2").write_text("# Kop\n\nRegel twee\n{{ d.bestaat_niet }}\n", "utf-8")
    source = _dossier(tmp_path, **{"aanbesteding.sjabloonset": "kapot"})
    code, findings = build_file(str(source), out, ["docx", "pdf"], "concept")
    assert code == 1
    [finding] = findings
    assert finding.code == "D401"
    assert "bijlage-escalatiemodel.md.j2" in finding.message and "regel 4" in finding.message
    assert "bestaat_niet" in finding.message
    after = {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()}
    assert after == before
    assert [p.name for p in out.iterdir()] == ["gemeente"]  # no temporary folders left behind


def test_template_syntax_error_and_missing_set(tmp_path, sets):
    broken = sets / "syntax"
    broken.mkdir()
    (broken / "nota-van-inlichtingen.md.j2").write_text("# Kop\n{% if %}\n", "utf-8")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "syntax"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code == "D402" and "regel 2" in findings[0].message
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "bestaat-niet"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code == "D403" and "basis" in findings[0].hint


def test_sandbox_refuses_python_internals(tmp_path, sets):
    evil = sets / "kwaad"
    evil.mkdir()
    (evil / "bijlage-escalatiemodel.md.j2").write_text("{{ d.__class__.__mro__[1].__subclasses__() }}\n", "utf-8")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "kwaad"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code in ("D401", "D405")


def test_dossier_with_errors_is_not_built_and_previous_output_stays(tmp_path):
    source = _dossier(tmp_path)
    out = tmp_path / "uit"
    assert build_file(str(source), out, ["md"], "concept")[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()}
    source = _dossier(tmp_path, **{"gunningscriteria.criteria[0].weging": 10})
    code, findings = build_file(str(source), out, ["md"], "concept")
    assert code == 1 and any(d.code == "D317" for d in findings)
    assert {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()} == before


def test_leftovers_of_a_killed_build_are_cleaned_or_restored(tmp_path):
    source = _dossier(tmp_path)
    out = tmp_path / "uit"
    (out / ".gemeente.bouw-dead1234").mkdir(parents=True)
    (out / ".gemeente.bouw-dead1234" / "half.docx").write_bytes(b"PK")
    from dossier.uitvoer.write import MARKER, MARKER_TEXT

    (out / ".gemeente.bouw-dead1234" / MARKER).write_bytes(MARKER_TEXT)  # a build marks its folder first
    assert build_file(str(source), out, ["md"], "concept")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["gemeente"]
    # killed between moving the old output aside and moving the new one in: the old one returns
    (out / "gemeente").rename(out / ".gemeente.oud-dead1234")
    from dossier.uitvoer.write import remove_leftovers as _remove_leftovers

    _remove_leftovers(out, "gemeente")
    assert sorted(p.name for p in out.iterdir()) == ["gemeente"]
    assert (out / "gemeente" / "aanbestedingsleidraad.md").exists()


def _png(width: int = 8, height: int = 4) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x1f\x38\x64" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_logo_from_the_house_style_appears_in_word_and_pdf(tmp_path, sets):
    own = sets / "leiden"
    (own / "huisstijl").mkdir(parents=True)
    (own / "huisstijl" / "logo.png").write_bytes(_png())
    source = _dossier(tmp_path, **{"aanbesteding.sjabloonset": "leiden", "aanbesteding.logo": "logo.png"})
    code, findings = build_file(str(source), tmp_path / "uit", ["docx", "pdf"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    import zipfile

    from pypdf import PdfReader

    with zipfile.ZipFile(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.docx") as archive:
        assert any(n.startswith("word/media/") for n in archive.namelist())
    assert len(PdfReader(str(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.pdf")).pages[0].images) == 1


def test_logo_cannot_leave_the_template_folders(tmp_path, sets):
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.logo": "../../etc/passwd"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code == "D209"
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.logo": "ontbreekt.png"})), tmp_path / "u", ["docx"], "concept")
    assert code == 1 and findings[0].code == "D406"
    outside = tmp_path / "geheim.png"
    outside.write_bytes(_png())
    (sets / "basis" / "huisstijl" / "link.png").symlink_to(outside)
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.logo": "link.png"})), tmp_path / "u", ["docx"], "concept")
    assert code == 1 and findings[0].code == "D420"  # a link out of its set


def test_output_name_cannot_be_a_path(tmp_path):
    from dossier.diagnostics import DossierError
    from dossier.opdrachten.bouw import output_name

    assert output_name(ROOT / "voorbeelden" / "leiden.yaml") == "leiden"
    for bad in ("..yaml", ".yaml", "-x.yaml", " spatie.yaml"):
        with pytest.raises(DossierError) as caught:
            output_name(tmp_path / bad)
        assert caught.value.diagnostics[0].code == "D404"


def test_a_font_warning_fails_the_build_and_keeps_previous_output(tmp_path, sets):
    out = tmp_path / "uit"
    assert build_file(str(_dossier(tmp_path)), out, ["pdf"], "concept")[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()}
    own = sets / "lettertype"
    (own / "huisstijl").mkdir(parents=True)
    style = (sets / "basis" / "huisstijl" / "pdf.typ").read_text("utf-8")
    (own / "huisstijl" / "pdf.typ").write_text(style.replace('font: stijl.lettertype', 'font: "Bestaat Niet Sans"'), "utf-8")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "lettertype"})), out, ["pdf"], "concept")
    assert code == 1 and findings[0].code == "D503" and "bestaat niet sans" in findings[0].message.lower()
    assert {p.name: p.read_bytes() for p in (out / "gemeente").iterdir()} == before


def test_region_set_between_municipality_and_base(tmp_path, sets):
    region = sets / "hart-van-brabant"
    (region / "huisstijl").mkdir(parents=True)
    (region / "sjabloonset.yaml").write_text('versie: "2.1"\n', "utf-8")
    (region / "leidraad").mkdir()
    (region / "leidraad" / "procedure.md.j2").write_text(
        '{% extends "!basis/leidraad/procedure.md.j2" %}\n'
        "{% block klachten %}\n## Regionaal klachtenmeldpunt\n\nKlachten meldt u bij de regio.\n{% endblock %}\n", "utf-8")
    town = sets / "gemeente-dongen"
    town.mkdir()
    (town / "sjabloonset.yaml").write_text('versie: "1.0"\nerft_van: hart-van-brabant\n', "utf-8")
    (town / "aanbestedingsleidraad.md.j2").write_text(
        '{% extends "!basis/aanbestedingsleidraad.md.j2" %}\n'
        "{% block samenwerking %}\n# Lokale samenwerking\n\nDongen vraagt samenwerking met lokale verenigingen.\n{% endblock %}\n", "utf-8")
    source = _dossier(tmp_path, **{"aanbesteding.sjabloonset": "gemeente-dongen"})
    code, findings = build_file(str(source), tmp_path / "uit", ["docx"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    text = _paragraphs(tmp_path / "uit" / "gemeente" / "aanbestedingsleidraad.docx")
    assert "Regionaal klachtenmeldpunt" in text and "Lokale samenwerking" in text and "Gunning" in text
    import json

    manifest = json.loads((tmp_path / "uit" / "gemeente" / "manifest.json").read_text("utf-8"))
    assert manifest["sjabloonset"]["keten"] == ["gemeente-dongen", "hart-van-brabant", "basis"]
    assert manifest["sjabloonset"]["versie"] == "gemeente-dongen 1.0, hart-van-brabant 2.1, basis 1.0"


def test_set_chain_that_loops_or_escapes_is_refused(tmp_path, sets):
    (sets / "a").mkdir()
    (sets / "a" / "sjabloonset.yaml").write_text("erft_van: b\n", "utf-8")
    (sets / "b").mkdir()
    (sets / "b" / "sjabloonset.yaml").write_text("erft_van: a\n", "utf-8")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "a"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code == "D407"
    (sets / "b" / "sjabloonset.yaml").write_text("erft_van: ../../etc\n", "utf-8")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "a"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code == "D404"
    (sets / "b" / "sjabloonset.yaml").write_text("!!python/object/apply:os.system ['true']\n", "utf-8")
    code, findings = build_file(str(_dossier(tmp_path, **{"aanbesteding.sjabloonset": "a"})), tmp_path / "u", ["md"], "concept")
    assert code == 1 and findings[0].code == "D112"  # read like a dossier: no tags (issue 22)


def test_override_of_a_block_the_parent_lacks_is_refused_with_where_it_lives(tmp_path, sets):
    """Since the leidraad is split per chapter, 'klachten' lives in leidraad/procedure.md.j2."""
    own = sets / "oud"
    own.mkdir()
    (own / "aanbestedingsleidraad.md.j2").write_text(
        '{% extends "!basis/aanbestedingsleidraad.md.j2" %}\n\n{% block klachten %}\n## Eigen klachten\n{% endblock %}\n', "utf-8")
    source = _dossier(tmp_path, **{"aanbesteding.sjabloonset": "oud"})
    code, findings = build_file(str(source), tmp_path / "uit", ["md"], "concept")
    assert code == 1 and [f.code for f in findings] == ["D408"]
    assert findings[0].location.line == 3 and "klachten" in findings[0].message
    assert "leidraad/procedure.md.j2" in findings[0].hint
    assert not (tmp_path / "uit" / "gemeente").exists()
