"""Questions as data: the form a buyer publishes, tenderers filling it in, the import, the nota, the export."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import ROOT

from dossier import controleer
from dossier.opdrachten.bouw import build_file

LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"
BASIS = ROOT / "tests" / "gevallen" / "basis.yaml"


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", *map(str, args)], capture_output=True, text=True, timeout=120, cwd=ROOT)


def dossier_copy(tmp_path: Path, source: Path = LEIDEN, name: str = "leiden.yaml") -> Path:
    target = tmp_path / name
    target.write_bytes(source.read_bytes())
    return target


def make_form(tmp_path: Path, dossier: Path) -> Path:
    form = tmp_path / "formulier.xlsx"
    done = run("vragen", "formulier", dossier, "--uit", form)
    assert done.returncode == 0, done.stdout + done.stderr
    return form


def fill(form: Path, target: Path, rows: list[tuple]) -> Path:
    """A tenderer fills in the form the way a spreadsheet program stores it."""
    workbook = openpyxl.load_workbook(form)
    sheet = workbook["Vragen"]
    for r, row in enumerate(rows, 7):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c).value = value
    workbook.save(target)
    return target


def new_lines(old: str, new: str) -> list[str]:
    """The lines added to ``old``; fails when anything else changed."""
    matcher = difflib.SequenceMatcher(None, old.splitlines(keepends=True), new.splitlines(keepends=True), autojunk=False)
    added = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, old.splitlines()[i1:i2])
        if tag == "insert":
            added += new.splitlines(keepends=True)[j1:j2]
    return added


def test_form_lists_the_documents_protects_the_header_and_is_deterministic(tmp_path):
    dossier = dossier_copy(tmp_path)
    form = make_form(tmp_path, dossier)
    again = tmp_path / "opnieuw.xlsx"
    assert run("vragen", "formulier", dossier, "--uit", again).returncode == 0
    assert form.read_bytes() == again.read_bytes()
    workbook = openpyxl.load_workbook(form)
    sheet = workbook["Vragen"]
    assert "Sociaal werk Leiden 2020" in sheet["A1"].value and "LEI-SD-2019-014" in sheet["A2"].value
    assert "nota van inlichtingen 2" in sheet["A3"].value
    assert [c.value for c in sheet[6]] == ["Nr.", "Document", "Paragraaf", "Pagina", "Vraag"]
    assert sheet.protection.sheet and sheet["B6"].protection.locked and not sheet["E7"].protection.locked
    assert sheet["C7"].number_format == "@" and sheet["D256"].number_format == "@"
    [validation] = sheet.data_validations.dataValidation
    assert validation.type == "list" and str(validation.sqref) == "B7:B256"
    lists = workbook["Documenten"]
    assert lists.sheet_state == "hidden"
    names = [c.value for c in lists["A"]]
    assert validation.formula1 == f"=Documenten!$A$1:$A${len(names)}"
    assert names[:2] == ["Aanbestedingsleidraad", "Bijlage A: Resultaatafspraken"] and "Nota van inlichtingen 1" in names
    with zipfile.ZipFile(form) as archive:
        assert b"2019-10-01T00:00:00Z" in archive.read("docProps/core.xml")  # the publication date, not today


def test_filled_forms_become_one_anonymous_round_and_a_nota(tmp_path):
    dossier = dossier_copy(tmp_path)
    before = dossier.read_text("utf-8")
    form = make_form(tmp_path, dossier)
    first = fill(form, tmp_path / "vragen-zorggroep-noord.xlsx", [
        (1, "Aanbestedingsleidraad", "3.2", None, "Hoe lang is de overeenkomst geldig?"),
        (2, "Bijlage D: Percelen en raming", "2", 4, "Is de raming inclusief btw?\nGraag met een voorbeeld."),
    ])
    second = tmp_path / "welzijn-plus.csv"
    with second.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["Nr.", "Document", "Paragraaf", "Blz.", "Vraag", "Naam inschrijver"])
        writer.writerow(["A", "bijlage c", "", "", "Wanneer beslist de gemeente over verlenging?", "Welzijn Plus"])
    done = run("vragen", "importeer", dossier, first, second, "--inschrijvers", "Welzijn Plus B.V.")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 vragen toegevoegd aan de nieuwe ronde 2" in done.stdout
    assert "D699 waarschuwing F1: de kolom 'Naam inschrijver'" in done.stdout  # read, warned, not kept
    after = dossier.read_text("utf-8")
    added = "".join(new_lines(before, after))
    for secret in ("Welzijn Plus", "zorggroep", "noord", "indiener"):
        assert secret.lower() not in added.lower()
    assert "nummer: 3\n" in added and "nummer: 5\n" in added and "document: Bijlage D\n" in added and "document: Bijlage C\n" in added
    assert "paragraaf: 2, pagina 4\n" in added and "vraag: |-\n" in added
    # in the order of the documents, not of the files: the CSV's annex C comes between the two questions of the form
    assert added.index("Hoe lang is") < added.index("Wanneer beslist") < added.index("Is de raming")
    # the buyer answers in the YAML and builds the nota
    answered = after.replace("        antwoord:\n", "        antwoord: Zie paragraaf 3.2 van de leidraad.\n")
    answered = re.sub(r"datum: (\S+)  # pas aan.*\n", "datum: 2019-11-15\n", answered)
    dossier.write_text(answered, "utf-8")
    code, findings = build_file(str(dossier), tmp_path / "uit", ["md"], "concept")
    assert code == 0, [d.to_text() for d in findings]
    nota = (tmp_path / "uit" / "leiden" / "nota-van-inlichtingen-2.md").read_text("utf-8")
    assert "Hoe lang is de overeenkomst geldig" in nota and "Wanneer beslist de gemeente over verlenging" in nota
    assert "Welzijn Plus" not in nota and "Zorggroep" not in nota


def test_every_byte_outside_the_new_round_stays(tmp_path):
    """Comments, order, quoting and layout survive: CRLF, a BOM, flow items and comments after the last question."""
    text = BASIS.read_text("utf-8").replace(
        "      - {nummer: 1, document: Aanbestedingsleidraad, vraag: \"Vraag een?\", antwoord: Antwoord een.}\n",
        "      - {nummer: 1, document: Aanbestedingsleidraad, vraag: \"Vraag een?\", antwoord: Antwoord een.}\n"
        "        # een opmerking bij vraag 1 die bij de vraag hoort\n\n"
        "# --- na de rondes: een kopje dat bij het volgende blok hoort ---\n")
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    dossier = tmp_path / "basis.yaml"
    dossier.write_bytes(raw)
    form = make_form(tmp_path, dossier)
    done = run("vragen", "importeer", dossier, fill(form, tmp_path / "v.xlsx", [(1, "Aanbestedingsleidraad", "", None, "Mag het?")]),
               "--ronde", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    new = dossier.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf") and b"\n" not in new.replace(b"\r\n", b"")
    added = new_lines(raw[3:].decode("utf-8"), new[3:].decode("utf-8"))
    assert "".join(added) == ("      - nummer: 2\r\n        document: Aanbestedingsleidraad\r\n        vraag: Mag het?\r\n"
                              "        antwoord:\r\n")
    lines = new[3:].decode("utf-8").split("\r\n")
    at = lines.index("      - nummer: 2")
    assert lines[at - 1].strip().startswith("# een opmerking bij vraag 1") and lines[at + 4] == ""


@pytest.mark.parametrize(("tail", "expected"), [
    ("", "inlichtingen:\n  - ronde: 1\n"),  # no rounds yet: the list is added at the end
    ("inlichtingen:\n  - ronde: 1\n    datum: 2026-02-27\n    vragen: []  # nog leeg\n", "    vragen:  # nog leeg\n      - nummer: 1\n"),
])
def test_a_first_round_or_an_empty_round(tmp_path, tail, expected):
    text = BASIS.read_text("utf-8")
    head = text[: text.index("inlichtingen:")]
    rest = text[text.index("monitoring_en_evaluatie:"):]
    dossier = tmp_path / "basis.yaml"
    dossier.write_text(head + rest + tail, "utf-8")
    form = make_form(tmp_path, dossier)
    done = run("vragen", "importeer", dossier, fill(form, tmp_path / "v.xlsx", [(1, "Aanbestedingsleidraad", "", None, "Mag het?")]))
    assert done.returncode == 0, done.stdout + done.stderr
    after = dossier.read_text("utf-8")
    assert expected in after and after.startswith(head + rest)
    assert controleer(dossier).dossier.inlichtingen[0].vragen[0].vraag == "Mag het?"


def test_only_the_last_or_the_next_round(tmp_path):
    dossier = dossier_copy(tmp_path)
    before = dossier.read_bytes()
    form = make_form(tmp_path, dossier)
    filled = fill(form, tmp_path / "v.xlsx", [(1, "Aanbestedingsleidraad", "", None, "Nog een vraag?")])
    for ronde in ("3", "5"):
        done = run("vragen", "importeer", dossier, filled, "--ronde", ronde)
        assert done.returncode == 2 and "D690 fout" in done.stdout and dossier.read_bytes() == before
    done = run("vragen", "importeer", dossier, filled, "--ronde", "1")
    assert done.returncode == 0
    result = controleer(dossier)
    assert [v.nummer for v in result.dossier.inlichtingen[0].vragen] == [1, 2, 3] and len(result.dossier.inlichtingen) == 1


def test_checks_on_anonymity_doubles_documents_and_paragraphs(tmp_path):
    dossier = dossier_copy(tmp_path)
    form = make_form(tmp_path, dossier)
    filled = fill(form, tmp_path / "Vragen Sociaal werk Leiden - De Buurtkamer.xlsx", [
        (1, "Aanbestedingsleidraad", "9.9", None, "Wij als Stichting Samen willen weten: wat is de planning? Mail a.b@samen.nl of 071-5165165."),
        (2, "Aanbestedingsleidraad", 2.1, None, "Werkt De Buurtkamer mee aan de evaluatie van de resultaten per wijk?"),
        (3, "Bijlage Z", "1", None, "Mag een inschrijver op alle drie de percelen inschrijven?"),
        (4, "Leidraad", "3.2", None, "Werkt de Buurtkamer mee aan de evaluatie van resultaten per wijk?"),
        (5, None, None, None, "Wat betekent de term sociale basis, en hoe werken partijen daarin samen?"),
    ])
    done = run("vragen", "importeer", dossier, filled, "--inschrijvers", "Stichting Samen")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    expected = {
        "D689": "Vragen!C7: Aanbestedingsleidraad heeft geen paragraaf 9.9",
        "D682": "Vragen!E7: de vraag bevat het e-mailadres a.b@samen.nl",
        "D683": "Vragen!E7: de vraag bevat het telefoonnummer 071-5165165",
        "D685": "Vragen!E7: de vraag zegt 'Wij als Stichting Samen'",
        "D678": "Vragen!C8: paragraaf 2.1 is als getal ingevoerd; bedoelde de inschrijver misschien 2.10?",
        "D688": "Vragen!B9: het document 'Bijlage Z' is geen document van deze aanbesteding",
        "D686": "Vragen!E9: deze vraag is gelijk aan vraag 1 uit ronde 1",
        "D687": "Vragen!E10: deze vraag lijkt voor",
        "D655": "Vragen!E11: de vraag noemt geen document",
    }
    for code, text in expected.items():
        assert f"{code} waarschuwing {text}" in out, (code, out)
    assert "D684 waarschuwing Vragen!E8: de vraag noemt 'Buurtkamer', de naam van een inschrijver (uit de bestandsnaam" in out
    assert "D684 waarschuwing Vragen!E7: de vraag noemt 'Stichting Samen'" in out  # found with or without its legal form
    assert "D684 waarschuwing Vragen!E11" not in out  # 'samen' is a word, 'Samen' a name
    assert "Vragen!C9" not in out  # paragraph 1 of an unknown document is not checked
    assert "Buurtkamer" not in dossier.read_text("utf-8").split("ronde: 2")[0]


def test_export_of_an_answered_round_is_text_only_and_deterministic(tmp_path):
    text = LEIDEN.read_text("utf-8").replace(
        "        wijziging: In bijlage D wordt de raming per perceel aangeduid als plafondbedrag.\n",
        "        wijziging: In bijlage D wordt de raming per perceel aangeduid als plafondbedrag.\n"
        "      - nummer: 3\n        document: Aanbestedingsleidraad\n"
        "        vraag: '=HYPERLINK(\"http://example.org/x\",\"klik\")'\n"
        "        antwoord: '@SUM(1+1) is geen antwoord; -1 ook niet'\n"
        "        wijzigingen:\n          - pad: planning.inschrijving\n            nieuw: 2019-12-16\n")
    dossier = tmp_path / "leiden.yaml"
    dossier.write_text(text, "utf-8")
    target = tmp_path / "ronde-1.xlsx"
    done = run("vragen", "exporteer", dossier, "--ronde", "1", "--uit", target)
    assert done.returncode == 0, done.stdout + done.stderr
    again = tmp_path / "opnieuw.xlsx"
    assert run("vragen", "exporteer", dossier, "--ronde", "1", "--uit", again).returncode == 0
    assert target.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(target) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert all(b"<f>" not in sheet and b"<f " not in sheet for sheet in sheets)
    workbook = openpyxl.load_workbook(target)
    sheet = workbook.worksheets[0]
    row = [c for c in sheet[8]]
    assert row[3].value.startswith("=HYPERLINK") and row[3].data_type == "s" and row[3].quotePrefix
    assert row[4].value.startswith("@SUM") and row[4].data_type == "s" and row[4].quotePrefix
    changes = workbook["Rectificaties"]
    assert [c.value for c in changes[6]] == [3, "Uiterste datum van inschrijving", "2 december 2019", "16 december 2019"]
    missing = run("vragen", "exporteer", dossier, "--ronde", "4", "--uit", tmp_path / "x.xlsx")
    assert missing.returncode == 2 and "D695 fout" in missing.stdout and "(wel: 1)" in missing.stdout


def test_output_never_replaces_the_dossier_or_a_folder(tmp_path):
    dossier = dossier_copy(tmp_path)
    before = dossier.read_bytes()
    for target in (dossier, tmp_path, tmp_path / "formulier.docx"):
        done = run("vragen", "formulier", dossier, "--uit", target)
        assert done.returncode == 2 and "D696 fout" in done.stdout
    assert dossier.read_bytes() == before


def test_proposed_date_of_a_new_round(tmp_path):
    """Without --datum a new nota gets the last day for answers (closing date minus the dated term)."""
    dossier = dossier_copy(tmp_path)
    form = make_form(tmp_path, dossier)
    filled = fill(form, tmp_path / "v.xlsx", [(1, "Aanbestedingsleidraad", "", None, "Vraag?")])
    assert run("vragen", "importeer", dossier, filled).returncode == 0
    result = controleer(dossier)
    assert result.dossier.inlichtingen[1].datum == dt.date(2019, 12, 2) - dt.timedelta(days=result.afgeleid.inlichtingen_dagen)
    other = dossier_copy(tmp_path, name="ander.yaml")
    assert run("vragen", "importeer", other, filled, "--datum", "2019-11-20").returncode == 0
    assert controleer(other).dossier.inlichtingen[1].datum == dt.date(2019, 11, 20)
