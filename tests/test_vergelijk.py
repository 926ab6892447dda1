"""``dossier vergelijk`` on real edits of the Leiden example: Word redline, PDF redline and summary.

For every edit the issue lists, both versions are built the normal way and the redline is checked
against them: accepting all revisions (applied with lxml, the way Word applies them) gives exactly
the text of the new build, rejecting all gives the old one, and the summary names exactly the
YAML paths that were edited.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from pypdf import PdfReader

from dossier.opdrachten.bouw import build_file
from dossier.opdrachten.vergelijk import compare
from dossier.review.revisies import accepted_texts, body_texts, document_root, rejected_texts

LEIDEN = (ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8")
NEW_VERSION = ('versie: "1.0"', 'versie: "1.1"')
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

PERCEEL = """    cpv_codes: ["85320000-8"]
  - id: P4
    naam: Samen Wonen
    omschrijving: Ondersteuning bij zelfstandig wonen en het beheer van buurtruimtes.
    raming: {per_jaar: 500000}
    plafond: 500000
    cpv_codes: ["85320000-8"]
"""
OPTIES = """  verlengingsopties:
    - aantal: 3
      duur: {jaren: 1}
      eenzijdig: true
      aankondigingstermijn: {maanden: 6}
    - aantal: 1
      duur: {jaren: 1}
      eenzijdig: true
      aankondigingstermijn: {maanden: 3}
"""
ALINEA_A = "Tot 2020 voerden ongeveer veertig organisaties met een eigen subsidie het welzijnswerk in Leiden uit."
ALINEA_B = "De gemeente heeft de subsidierelaties beëindigd en koopt het sociaal werk in bij een beperkt aantal partners."


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def background(first: str, second: str) -> tuple[str, str]:
    """The background of Leiden as two paragraphs, in the given order."""
    start = LEIDEN.index("  achtergrond: >-")
    end = LEIDEN.index("  visie:")
    return LEIDEN[start:end], f"  achtergrond: |-\n    {first}\n\n    {second}\n"


@pytest.fixture()
def sets(tmp_path, monkeypatch):
    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen", root)
    monkeypatch.setenv("DOSSIER_SJABLONEN", str(root))
    own = root / "leiden" / "leidraad"
    own.mkdir(parents=True)
    (own / "procedure.md.j2").write_text(
        '{% extends "!basis/leidraad/procedure.md.j2" %}\n{% block klachten %}\n## Klachten en rechtsbescherming\n\n'
        "Klachten over deze procedure meldt u bij het Klachtenmeldpunt Inkoop Holland Rijnland.\n\n"
        "{{ super() }}\n{% endblock %}\n", "utf-8")
    return root


# name: (old YAML, new YAML, exact changed paths, a word deleted, a word inserted (both shown in the redline))
SCENARIOS = {
    "datum": (LEIDEN, edit(LEIDEN, NEW_VERSION, ("inschrijving: 2019-12-02", "inschrijving: 2019-12-09")),
              {"aanbesteding.versie", "planning.inschrijving"}, None, None),
    "perceel": (LEIDEN, edit(LEIDEN, NEW_VERSION, ("    cpv_codes: [\"85320000-8\"]\nmax_percelen", PERCEEL + "max_percelen"),
                             ("per_jaar: 9500000", "per_jaar: 10000000")),
                {"aanbesteding.versie", "percelen[3]", "raming.per_jaar"}, "9.500.000", "Samen Wonen"),
    "verlengingsoptie": (edit(LEIDEN, (LEIDEN[LEIDEN.index("  verlengingsopties:"):LEIDEN.index("  opzegging:")], OPTIES)),
                         edit(LEIDEN, NEW_VERSION, (LEIDEN[LEIDEN.index("  verlengingsopties:"):LEIDEN.index("  opzegging:")],
                                                    OPTIES[:OPTIES.index("    - aantal: 1")])),
                         {"aanbesteding.versie", "looptijd.verlengingsopties[1]"}, "2029", "2028"),
    "weging": (LEIDEN, edit(LEIDEN, NEW_VERSION, ("      weging: 30\n      omschrijving: Hoe", "      weging: 35\n      omschrijving: Hoe"),
                            ("      weging: 20\n      omschrijving: Hoe de overgang", "      weging: 15\n      omschrijving: Hoe de overgang")),
               {"aanbesteding.versie", "gunningscriteria.criteria[0].weging", "gunningscriteria.criteria[2].weging"}, None, None),
    "sjabloonblok": (LEIDEN, edit(LEIDEN, NEW_VERSION, ("  kenmerk: LEI-SD-2019-014\n", "  kenmerk: LEI-SD-2019-014\n  sjabloonset: leiden\n")),
                     {"aanbesteding.versie", "aanbesteding.sjabloonset"}, None, "Klachtenmeldpunt Inkoop Holland Rijnland"),
    "volgorde": (edit(LEIDEN, background(ALINEA_A, ALINEA_B)), edit(LEIDEN, NEW_VERSION, background(ALINEA_B, ALINEA_A)),
                 {"aanbesteding.versie", "aanbesteding.achtergrond"}, None, None),
}


def _versions(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    (tmp_path / "v10").mkdir()
    (tmp_path / "v11").mkdir()
    a, b = tmp_path / "v10" / "leiden.yaml", tmp_path / "v11" / "leiden.yaml"
    a.write_text(old, "utf-8")
    b.write_text(new, "utf-8")
    return a, b


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_accept_all_gives_the_new_build_and_reject_all_the_old(tmp_path, sets, scenario):
    old_yaml, new_yaml, paths, only_old, only_new = SCENARIOS[scenario]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    for source, out in ((a, "oud"), (b, "nieuw")):
        code, findings = build_file(str(source), tmp_path / out, ["docx"], "concept")
        assert code == 0, [d.to_text() for d in findings]
    formats = ["docx", "pdf"] if scenario in ("perceel", "verlengingsoptie") else ["docx"]
    result = compare(str(a), str(b), tmp_path / "rl", formats)

    assert {v.pad for v in result.samenvatting.velden} == paths
    changed = [d for d in result.samenvatting.documenten if d.status not in ("ongewijzigd", "titelblad")]
    assert changed and result.map is not None
    written = sorted(p.name for p in result.map.iterdir())
    assert written == sorted([f"{d.naam}-wijzigingen.{f}" for d in changed for f in formats]
                             + [".dossier-uitvoer", "manifest.json", "samenvatting.json"])
    for document in result.samenvatting.documenten:
        old_docx = (tmp_path / "oud" / "leiden" / f"{document.naam}.docx").read_bytes()
        new_docx = (tmp_path / "nieuw" / "leiden" / f"{document.naam}.docx").read_bytes()
        if document.status in ("ongewijzigd", "titelblad"):
            assert body_texts(document_root(old_docx)) == body_texts(document_root(new_docx))
            continue
        redline = (result.map / f"{document.naam}-wijzigingen.docx").read_bytes()
        assert accepted_texts(redline) == body_texts(document_root(new_docx)), document.naam
        assert rejected_texts(redline) == body_texts(document_root(old_docx)), document.naam
    leidraad = (result.map / "aanbestedingsleidraad-wijzigingen.docx").read_bytes()
    text = "\n".join(body_texts(document_root(leidraad)))
    for phrase in filter(None, (only_old, only_new)):
        assert phrase in text
    if "pdf" in formats:
        pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(result.map / "aanbestedingsleidraad-wijzigingen.pdf").pages)
        for phrase in filter(None, (only_old, only_new)):
            assert phrase in pdf
        assert "Wijzigingen versie 1.0 → 1.1" in pdf


def _xml(docx: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")


def test_reordered_paragraphs_are_a_native_move(tmp_path):
    old_yaml, new_yaml, *_ = SCENARIOS["volgorde"]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    result = compare(str(a), str(b), tmp_path / "rl", ["docx"])
    xml = _xml((result.map / "aanbestedingsleidraad-wijzigingen.docx").read_bytes())
    assert xml.count("<w:moveFrom ") >= 2 and xml.count("<w:moveTo ") >= 2  # the runs and the paragraph mark
    assert 'w:name="verplaatsing1"' in xml and "<w:moveFromRangeEnd" in xml and "<w:moveToRangeEnd" in xml
    assert "verplaatsing:" not in xml  # the carrier in the author attribute is gone
    [leidraad] = [d for d in result.samenvatting.documenten if d.naam == "aanbestedingsleidraad"]
    assert [s.soort for s in leidraad.comparison.steps if s.soort != "gelijk"] in (
        ["verplaatst-naar", "verplaatst-van"], ["verplaatst-van", "verplaatst-naar"])


def test_table_rows_and_cells_are_marked_as_rows_and_cells(tmp_path):
    old_yaml, new_yaml, *_ = SCENARIOS["perceel"]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    result = compare(str(a), str(b), tmp_path / "rl", ["docx"])
    root = document_root((result.map / "aanbestedingsleidraad-wijzigingen.docx").read_bytes())
    inserted_rows = [tr for tr in root.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}ins") is not None]
    assert inserted_rows and all("P4" in "".join(tr.itertext()) for tr in inserted_rows)
    ids = [el.get(f"{W}id") for el in root.iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))  # pandoc's colliding ids are renumbered
    assert all(el.get(f"{W}author") == "dossier" and el.get(f"{W}date") == "2019-10-01T00:00:00Z" for el in root.iter(f"{W}ins", f"{W}del"))


def test_an_inserted_heading_keeps_its_heading_style_and_number(tmp_path, sets):
    old_yaml, new_yaml, *_ = SCENARIOS["sjabloonblok"]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    result = compare(str(a), str(b), tmp_path / "rl", ["docx"])
    root = document_root((result.map / "aanbestedingsleidraad-wijzigingen.docx").read_bytes())
    body = [p for p in root.iter(f"{W}p") if not any(a.tag == f"{W}sdt" for a in p.iterancestors())]  # not the contents
    [heading] = [p for p in body if "Klachten en rechtsbescherming" in "".join(p.itertext())]
    assert heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading2"
    assert heading.find(f"{W}pPr/{W}rPr/{W}ins") is not None  # the paragraph itself is inserted, not only its words
    [section] = [s for d in result.samenvatting.documenten for s in _sections(d) if "Klachten" in s.titel]
    assert section.nummer.count(".") == 1  # numbered like the build: chapter.section


def _sections(document):
    from dossier.review.samenvatting import sections

    return sections(document.comparison)


def test_same_input_gives_the_same_bytes(tmp_path):
    old_yaml, new_yaml, *_ = SCENARIOS["weging"]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    first = compare(str(a), str(b), tmp_path / "een", ["docx", "pdf"]).map
    second = compare(str(a), str(b), tmp_path / "twee", ["docx", "pdf"]).map
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_build_folders_compare_like_the_dossiers(tmp_path):
    old_yaml, new_yaml, paths, only_old, only_new = SCENARIOS["datum"]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    for source, out in ((a, "oud"), (b, "nieuw")):
        assert build_file(str(source), tmp_path / out, ["docx"], "concept")[0] == 0
    from_yaml = compare(str(a), str(b), tmp_path / "rl-yaml", ["docx"])
    from_folders = compare(str(tmp_path / "oud" / "leiden"), str(tmp_path / "nieuw" / "leiden"), tmp_path / "rl-map", ["docx"])
    assert [(d.naam, d.status) for d in from_folders.samenvatting.documenten] == \
        [(d.naam, d.status) for d in from_yaml.samenvatting.documenten]
    name = "aanbestedingsleidraad-wijzigingen.docx"
    redline = (from_folders.map / name).read_bytes()
    # A drawing read back from Word has no picture file, so it shows its text alternative; the rest is the same.
    drawings = {f.alt for side in (from_yaml.samenvatting.oud, from_yaml.samenvatting.nieuw) for f in side.figuren.values()}

    def text(paragraphs):
        return [p for p in paragraphs if p.strip() and p not in drawings]

    assert text(accepted_texts(redline)) == text(accepted_texts((from_yaml.map / name).read_bytes()))
    assert text(rejected_texts(redline)) == text(rejected_texts((from_yaml.map / name).read_bytes()))
    assert from_folders.samenvatting.velden == []  # a build folder has no YAML to compare


def test_unchanged_documents_are_reported_and_not_written(tmp_path):
    a, b = _versions(tmp_path, LEIDEN, LEIDEN)
    result = compare(str(a), str(b), tmp_path / "rl", ["docx", "pdf"])
    assert result.map is None and not (tmp_path / "rl").exists()
    assert {d.status for d in result.samenvatting.documenten} == {"ongewijzigd"}
    assert "Gewijzigde documenten: geen." in result.samenvatting.to_text()


def _libreoffice_python() -> str | None:
    """A Python with LibreOffice's uno module, when LibreOffice is installed (not needed in CI)."""
    if not shutil.which("soffice"):
        return None
    for python in ("/usr/bin/python3", sys.executable):
        if subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0:
            return python
    return None


def _libreoffice_text(python: str, docx: Path, mode: str, tmp_path: Path) -> list[str]:
    out = tmp_path / f"{docx.stem}-{mode}.txt"
    script = ROOT / "tests" / "libreoffice_revisies.py"
    subprocess.run([python, str(script), str(docx), str(out), mode, str(tmp_path / f"profiel-{mode}")],
                   capture_output=True, timeout=240, check=True)
    lines = out.read_text("utf-8-sig").splitlines()
    return [line for line in lines[lines.index("Inhoudsopgave") + 1:] if line.strip()]  # after the title block


@pytest.mark.skipif(_libreoffice_python() is None, reason="LibreOffice met Python-UNO is niet geïnstalleerd")
def test_libreoffice_accepts_and_rejects_to_the_two_builds(tmp_path):
    """Independent of our own XML walk: LibreOffice's Accept all / Reject all give the two builds' text."""
    python = _libreoffice_python()
    old_yaml = edit(LEIDEN, background(ALINEA_A, ALINEA_B))
    new_yaml = edit(SCENARIOS["perceel"][1], background(ALINEA_B, ALINEA_A),
                    ("      weging: 30\n      omschrijving: Hoe", "      weging: 35\n      omschrijving: Hoe"),
                    ("      weging: 20\n      omschrijving: Hoe de overgang", "      weging: 15\n      omschrijving: Hoe de overgang"))
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    for source, out in ((a, "oud"), (b, "nieuw")):
        assert build_file(str(source), tmp_path / out, ["docx"], "concept")[0] == 0
    result = compare(str(a), str(b), tmp_path / "rl", ["docx"])
    redline = result.map / "aanbestedingsleidraad-wijzigingen.docx"
    assert _libreoffice_text(python, redline, "accept", tmp_path) == \
        _libreoffice_text(python, tmp_path / "nieuw" / "leiden" / "aanbestedingsleidraad.docx", "tekst", tmp_path)
    assert _libreoffice_text(python, redline, "reject", tmp_path) == \
        _libreoffice_text(python, tmp_path / "oud" / "leiden" / "aanbestedingsleidraad.docx", "tekst", tmp_path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is niet geïnstalleerd")
def test_libreoffice_opens_the_redline_and_prints_the_changes(tmp_path):
    old_yaml, new_yaml, *_ = SCENARIOS["perceel"]
    a, b = _versions(tmp_path, old_yaml, new_yaml)
    result = compare(str(a), str(b), tmp_path / "rl", ["docx"])
    profile = (tmp_path / "profiel").as_uri()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"),
                    str(result.map / "aanbestedingsleidraad-wijzigingen.docx")], capture_output=True, timeout=240, check=True)
    pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / "lo" / "aanbestedingsleidraad-wijzigingen.pdf").pages)
    assert "Samen Wonen" in pdf and "9.500.000" in pdf and "10.000.000" in pdf  # inserted and deleted text both shown
