"""Rectificaties change the next version of the documents: guide, nota, summary, Word and PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from helpers import ROOT
from pypdf import PdfReader

from dossier import controleer
from dossier.opdrachten.bouw import build_file

LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"
ANCHOR = "        wijziging: In bijlage D wordt de raming per perceel aangeduid als plafondbedrag.\n"


def with_questions(tmp_path: Path, extra: str, name: str = "leiden.yaml") -> Path:
    """Leiden with more questions in round 1 (``extra`` is YAML at the indentation of a question)."""
    text = LEIDEN.read_text("utf-8")
    assert ANCHOR in text
    path = tmp_path / name
    path.write_text(text.replace(ANCHOR, ANCHOR + extra), "utf-8")
    return path


CLOSING = """      - nummer: 3
        document: Aanbestedingsleidraad
        paragraaf: "3.2"
        vraag: Kan de uiterste datum van inschrijving later?
        antwoord: Ja, de uiterste datum wordt twee weken later.
        wijzigingen:
          - pad: planning.inschrijving
            nieuw: 2019-12-16
"""


def flat(markdown: str) -> str:
    """The .md as pandoc writes it, with table cells and line breaks that do not depend on column widths."""
    markdown = re.sub(r"[ \t]*\|[ \t]*", "|", markdown)
    return re.sub(r"(?<=\S)\n(?=[^\n|#>\-*])", " ", markdown)


def build(path: Path, out: Path, formats: list[str]) -> Path:
    code, findings = build_file(str(path), out, formats, "concept")
    assert code == 0, [d.to_text() for d in findings]
    return out / path.stem


def test_a_new_closing_date_changes_guide_nota_summary_word_and_pdf(tmp_path):
    dossier = with_questions(tmp_path, CLOSING)
    folder = build(dossier, tmp_path / "uit", ["md", "docx", "pdf"])
    guide = (folder / "aanbestedingsleidraad.md").read_text("utf-8")
    assert guide.startswith("*Versie 1.1, gewijzigd bij nota van inlichtingen 1.*")
    assert "|Uiterste datum en tijdstip inschrijving (12.00 uur)|16 december 2019|" in flat(guide)
    assert "2 december 2019" not in guide
    annex = (folder / "bijlage-c-looptijd-en-verlenging.md").read_text("utf-8")
    assert annex.startswith("*Versie 1.1, gewijzigd bij nota van inlichtingen 1.*")
    nota = (folder / "nota-van-inlichtingen-1.md").read_text("utf-8")
    assert "|3|Uiterste datum van inschrijving|2 december 2019|16 december 2019|" in flat(nota)
    assert ("Naar aanleiding van vraag 3 (Aanbestedingsleidraad, paragraaf 3.2): Uiterste datum van inschrijving: "
            "2 december 2019 wordt 16 december 2019.") in flat(nota)
    assert "*Versie" not in nota  # the nota is not a new version of itself
    word = docx.Document(str(folder / "aanbestedingsleidraad.docx"))
    assert word.core_properties.version == "1.1"
    assert any("16 december 2019" in cell.text for table in word.tables for row in table.rows for cell in row.cells)
    pdf = "\n".join(page.extract_text() or "" for page in PdfReader(str(folder / "aanbestedingsleidraad.pdf")).pages[:1])
    assert "Versie" in pdf and "1.1" in pdf
    done = subprocess.run([sys.executable, "build.py", "controleer", str(dossier), "--samenvatting", "--formaat", "json"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    figures = json.loads(done.stdout)["samenvatting"][str(dossier)]
    assert figures["uiterste datum inschrijving"] == "16 december 2019"
    assert figures["versie van de stukken"] == "1.1, gewijzigd bij nota van inlichtingen 1"


def test_a_replaced_block_keeps_its_heading_and_is_never_template_code(tmp_path):
    dossier = with_questions(tmp_path, """      - nummer: 3
        document: Aanbestedingsleidraad
        vraag: Waar meld ik een klacht?
        antwoord: Bij het klachtenmeldpunt van de regio.
        wijzigingen:
          - blok: klachten
            tekst: |
              Klachten meldt u bij het Klachtenmeldpunt Aanbesteden Holland Rijnland, {{ 7 * 7 }} {% include "x" %}.

              ## Kort geding

              - eerst een klacht
              - daarna *een kort geding*
""")
    folder = build(dossier, tmp_path / "uit", ["md"])
    guide = (folder / "aanbestedingsleidraad.md").read_text("utf-8")
    section = guide.split("\n## Klachten\n", 1)[1].split("\n## Rechtsbescherming", 1)[0]
    assert 'Klachtenmeldpunt Aanbesteden Holland Rijnland, {{ 7 \\* 7 }} {% include "x" %}.' in section  # text, not code
    assert "## Kort geding" in section and "- daarna \\*een kort geding\\*" in section and "49" not in section
    assert "klachtenmeldpunt aanbesteden van de gemeente Leiden" not in section  # the old text is gone
    nota = (folder / "nota-van-inlichtingen-1.md").read_text("utf-8")
    assert "de tekst van het onderdeel 'klachten'.** De tekst luidde:" in flat(nota)
    assert "> Klachten over de procedure meldt u schriftelijk bij het klachtenmeldpunt aanbesteden van de gemeente Leiden" in flat(nota)
    assert "> Klachten meldt u bij het Klachtenmeldpunt Aanbesteden Holland Rijnland" in flat(nota)


def test_rounds_apply_in_order_and_each_nota_shows_its_own_step(tmp_path):
    dossier = with_questions(tmp_path, CLOSING)
    text = dossier.read_text("utf-8").replace("\nmonitoring_en_evaluatie:", """  - ronde: 2
    datum: 2019-11-15
    vragen:
      - nummer: 4
        document: Nota van inlichtingen 1
        vraag: Kan het nog een week later?
        antwoord: Ja.
        wijzigingen:
          - pad: planning.inschrijving
            nieuw: 2019-12-23
          - pad: percelen[P2].naam
            nieuw: Jeugd en gezin
""".rstrip("\n") + "\n\nmonitoring_en_evaluatie:", 1)
    dossier.write_text(text, "utf-8")
    result = controleer(dossier)
    assert result.dossier.planning.inschrijving.isoformat() == "2019-12-23" and result.dossier.aanbesteding.versie == "1.2"
    assert result.rectificaties.na_ronde(1).planning.inschrijving.isoformat() == "2019-12-16"
    assert result.rectificaties.staten[0].planning.inschrijving.isoformat() == "2019-12-02"
    codes = {d.code for d in result.diagnostics}
    assert "D661" in codes  # a lot changed: a new announcement may be needed
    folder = build(dossier, tmp_path / "uit", ["md"])
    first = (folder / "nota-van-inlichtingen-1.md").read_text("utf-8")
    second = (folder / "nota-van-inlichtingen-2.md").read_text("utf-8")
    assert "|2 december 2019|16 december 2019|" in flat(first) and "23 december" not in first
    assert "|4|Uiterste datum van inschrijving|16 december 2019|23 december 2019|" in flat(second)
    assert "|4|Naam van het perceel (perceel P2)|Samen Meedoen|Jeugd en gezin|" in flat(second)
    guide = (folder / "aanbestedingsleidraad.md").read_text("utf-8")
    assert guide.startswith("*Versie 1.2, gewijzigd bij de nota's van inlichtingen 1 en 2.*") and "Jeugd en gezin" in guide


def test_a_bad_change_is_a_coded_error_at_its_line(tmp_path):
    cases = {
        "planning.sluitingsdatum": ("D650", "bedoelde u 'inschrijving'?"),
        "percelen[7].naam": ("D651", "de lijst heeft 3 elementen"),
        "inlichtingen[0].datum": ("D652", None),
        "planning.inschrijving.jaar": ("D650", None),
    }
    for pad, (code, hint) in cases.items():
        dossier = with_questions(tmp_path, CLOSING.replace("planning.inschrijving", pad))
        lines = dossier.read_text("utf-8").splitlines()
        [finding] = controleer(dossier).diagnostics
        assert finding.code == code and finding.is_error, (pad, finding.to_text())
        assert lines[finding.location.line - 1].strip() == f"- pad: {pad}"
        assert hint is None or hint in (finding.hint or "") + finding.message
    dossier = with_questions(tmp_path, CLOSING.replace("nieuw: 2019-12-16", "nieuw: 16-12-2019"))
    [finding] = controleer(dossier).diagnostics
    assert finding.code == "D653" and "vraag 3: de nieuwe waarde van planning.inschrijving klopt niet" in finding.message
    assert finding.hint == "schrijf 2019-12-16"
    assert dossier.read_text("utf-8").splitlines()[finding.location.line - 1].strip() == "nieuw: 16-12-2019"
    dossier = with_questions(tmp_path, CLOSING.replace("          - pad: planning.inschrijving\n",
                                                       "          - pad: planning.inschrijving\n            blok: klachten\n"))
    assert [d.code for d in controleer(dossier).diagnostics] == ["D211"]


def test_a_block_no_template_has_refuses_the_build(tmp_path):
    dossier = with_questions(tmp_path, """      - nummer: 3
        document: Aanbestedingsleidraad
        vraag: Wat verandert er?
        antwoord: De klachtenregeling.
        wijzigingen:
          - blok: klachtenregeling
            tekst: Nieuwe tekst.
""")
    code, findings = build_file(str(dossier), tmp_path / "uit", ["md"], "concept")
    assert code == 1 and [d.code for d in findings] == ["D654"]
    assert "klachten" in findings[0].hint and findings[0].location.line is not None
    assert not (tmp_path / "uit" / "leiden").exists()


def test_a_municipal_set_keeps_its_own_block_under_the_rectificatie(tmp_path, monkeypatch):
    """The layer sits on top of the whole chain: the old text the nota quotes is the set's own clause."""
    root = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "sjablonen" / "basis", root / "basis")
    (root / "gemeente-x" / "leidraad").mkdir(parents=True)
    (root / "gemeente-x" / "leidraad" / "procedure.md.j2").write_text(
        '{% extends "!basis/leidraad/procedure.md.j2" %}\n{% block klachten %}\n## Klachten\n\nKlachten gaan naar het meldpunt van gemeente X.\n{% endblock %}\n',
        "utf-8")
    monkeypatch.setenv("DOSSIER_SJABLONEN", str(root))
    dossier = with_questions(tmp_path, """      - nummer: 3
        document: Aanbestedingsleidraad
        vraag: Waar meld ik een klacht?
        antwoord: Bij de regio.
        wijzigingen:
          - blok: klachten
            tekst: Klachten gaan naar het meldpunt van de regio.
""")
    dossier.write_text(dossier.read_text("utf-8").replace("aanbesteding:\n", "aanbesteding:\n  sjabloonset: gemeente-x\n", 1), "utf-8")
    folder = build(dossier, tmp_path / "uit", ["md"])
    guide = (folder / "aanbestedingsleidraad.md").read_text("utf-8")
    assert "## Klachten\n\nKlachten gaan naar het meldpunt van de regio." in guide and "gemeente X" not in guide
    nota = (folder / "nota-van-inlichtingen-1.md").read_text("utf-8")
    assert "> Klachten gaan naar het meldpunt van gemeente X." in nota


def test_the_redline_between_the_versions_before_and_after_the_nota_shows_the_rectificatie(tmp_path):
    """``vergelijk`` of the published dossier and the one with nota 1: the guide's redline carries the new date."""
    from dossier.opdrachten.vergelijk import compare
    from dossier.review.revisies import accepted_texts, rejected_texts

    (tmp_path / "na").mkdir()
    after = with_questions(tmp_path / "na", CLOSING)
    result = compare(str(LEIDEN), str(after), tmp_path / "rl", ["docx"])
    fields = {v.pad for v in result.samenvatting.velden}
    assert {"planning.inschrijving", "aanbesteding.versie"} <= fields
    redline = (result.map / "aanbestedingsleidraad-wijzigingen.docx").read_bytes()
    new_text, old_text = "\n".join(accepted_texts(redline)), "\n".join(rejected_texts(redline))
    assert "16 december 2019" in new_text and "16 december 2019" not in old_text
    assert "2 december 2019" in old_text and "Versie 1.1, gewijzigd bij nota van inlichtingen 1." in new_text
