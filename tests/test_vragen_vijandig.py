"""Hostile spreadsheets: every one gives a coded message with sheet and cell, quickly, and writes nothing.

Each import runs as a user runs it, in a subprocess; the timeout only guards against a hang (how
fast it is, is measured in benchmarks/vragen.py).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import ROOT

from dossier import controleer

LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"
HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Document</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Vraag</t></is></c></row>"
PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>",
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>",
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Vragen" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>",
}
SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def handmade(path: Path, rows: str = "", tail: str = "", prolog: str = "", sheet: bytes | None = None) -> Path:
    """A minimal .xlsx written by hand, so it can be as large or as strange as a test needs."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        body = sheet if sheet is not None else (prolog + SHEET_START + HEADER + rows + "</sheetData>" + tail + "</worksheet>").encode()
        archive.writestr("xl/worksheets/sheet1.xml", body)
    return path


def row(number: int, question: str, document: str = "Aanbestedingsleidraad") -> str:
    return (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{document}</t></is></c>'
            f'<c r="B{number}" t="inlineStr"><is><t>{question}</t></is></c></row>')


def form(tmp_path: Path, dossier: Path, name: str, cells: dict[str, object], merge: str | None = None) -> Path:
    template = tmp_path / "formulier.xlsx"
    if not template.exists():
        done = subprocess.run([sys.executable, "build.py", "vragen", "formulier", str(dossier), "--uit", str(template)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert done.returncode == 0, done.stdout + done.stderr
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Vragen"]
    for ref, value in cells.items():
        sheet[ref] = value
    if merge:
        sheet.merge_cells(merge)
    workbook.save(tmp_path / name)
    return tmp_path / name


def zip_bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
    return path


def build_case(kind: str, tmp_path: Path, dossier: Path) -> Path:
    """The hostile file of each case."""
    if kind == "formule":
        return form(tmp_path, dossier, "v.xlsx", {"B7": "Aanbestedingsleidraad", "E7": '=HYPERLINK("http://example.org/x","klik hier")'})
    if kind == "100000-rijen":
        return handmade(tmp_path / "v.xlsx", "".join(row(n, f"Vraag nummer {n}?") for n in range(2, 100_002)))
    if kind == "3000-rijen":
        return handmade(tmp_path / "v.xlsx", "".join(row(n, f"Vraag nummer {n}?") for n in range(2, 3002)))
    if kind == "rij-een-miljoen":
        return handmade(tmp_path / "v.xlsx", row(1_000_000, "Helemaal onderaan?"))
    if kind == "zipbom":
        return zip_bomb(tmp_path / "v.xlsx", 100)
    if kind == "zipbom-verhouding":
        return zip_bomb(tmp_path / "v.xlsx", 40)
    if kind == "entiteiten":
        prolog = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        return handmade(tmp_path / "v.xlsx", row(2, "&lol2;"), sheet=(prolog + SHEET_START + HEADER + row(2, "&lol2;")
                                                                       + "</sheetData></worksheet>").encode())
    if kind == "samengevoegd":
        return form(tmp_path, dossier, "v.xlsx", {"B7": "Aanbestedingsleidraad", "E7": "Vraag een?", "E8": None}, merge="E7:E8")
    if kind == "samengevoegd-met-de-hand":
        return handmade(tmp_path / "v.xlsx", row(2, "Vraag?"), tail='<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>')
    if kind == "geen-vraagkolom":
        path = tmp_path / "v.csv"
        path.write_text("Onderwerp;Tekst\nPlanning;Wanneer is de gunning?\n", "utf-8")
        return path
    if kind == "verkeerde-soorten":
        return form(tmp_path, dossier, "v.xlsx", {"B7": "Aanbestedingsleidraad", "C7": dt.datetime(2024, 3, 4), "E7": "Vraag?",
                                                  "B8": "Aanbestedingsleidraad", "E8": 42, "B9": True, "E9": "Vraag drie?"})
    if kind == "pdf":
        path = tmp_path / "v.xlsx"
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
        return path
    if kind == "xls":
        path = tmp_path / "v.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
        return path
    if kind == "docx":
        path = tmp_path / "v.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
        return path
    if kind == "afgebroken":
        whole = handmade(tmp_path / "heel.xlsx", row(2, "Vraag?")).read_bytes()
        path = tmp_path / "v.xlsx"
        path.write_bytes(whole[: len(whole) // 2])
        return path
    if kind == "willekeurig":
        path = tmp_path / "v.xlsx"
        path.write_bytes(bytes(range(256)) * 40)
        return path
    if kind == "nul-in-csv":
        path = tmp_path / "v.csv"
        path.write_bytes(b"Document;Vraag\nLeidraad;Vraag\x00?\n")
        return path
    if kind == "lege-vraag":
        return form(tmp_path, dossier, "v.xlsx", {"B7": "Bijlage A: Resultaatafspraken", "C7": "2.1"})
    if kind == "te-lang":
        return form(tmp_path, dossier, "v.xlsx", {"B7": "Aanbestedingsleidraad", "E7": "Waarom? " * 2000})
    if kind == "bestaat-niet":
        return tmp_path / "bestaat-niet.xlsx"
    raise AssertionError(kind)


CASES = [
    ("formule", "D675 fout Vragen!E7: in deze cel staat een formule (=HYPERLINK(", 1),
    ("100000-rijen", "D673 fout Vragen!A10001: meer dan 10000 rijen in het werkblad", 1),
    ("3000-rijen", "D673 fout Vragen!A2002: meer dan 2000 rijen met inhoud", 1),
    ("rij-een-miljoen", "D673 fout Vragen!A50002: meer dan 50000 rijen (ook lege)", 1),
    ("zipbom", "D672 fout: het bestand is te groot of verdacht samengesteld: uitgepakt 100,0 MB", 1),
    ("zipbom-verhouding", "pakt", 1),
    ("entiteiten", "D672 fout: het bestand is te groot of verdacht samengesteld: het deel xl/worksheets/sheet1.xml bevat XML met een DOCTYPE", 1),
    ("samengevoegd", "D676 fout Vragen!E7: de cellen E7:E8 zijn samengevoegd", 1),
    ("samengevoegd-met-de-hand", "D676 fout Vragen!B2: de cellen B2:B3 zijn samengevoegd", 1),
    ("geen-vraagkolom", "D674 fout: in de eerste 20 rijen van geen enkel werkblad staat een kop 'Vraag'", 1),
    ("verkeerde-soorten", "D677 fout Vragen!C7: in de kolom 'paragraaf' verwachtte dossier een paragraafnummer als tekst, maar vond de datum 2024-03-04", 1),
    ("pdf", "D671 fout: dit bestand is geen .xlsx- of .csv-bestand (een PDF-bestand)", 1),
    ("xls", "D671 fout: dit bestand is geen .xlsx- of .csv-bestand (een ouder Excel-bestand (.xls)", 1),
    ("docx", "D671 fout: dit bestand is geen .xlsx- of .csv-bestand (een zip-bestand zonder Excel-werkmap", 1),
    ("afgebroken", "D671 fout: dit bestand is geen .xlsx- of .csv-bestand (het bestand is beschadigd", 1),
    ("willekeurig", "D671 fout", 1),
    ("nul-in-csv", "D671 fout: dit bestand is geen .xlsx- of .csv-bestand (het bevat NUL-tekens", 1),
    ("lege-vraag", "D679 fout Vragen!E7: deze rij noemt document 'Bijlage A: Resultaatafspraken' en paragraaf '2.1', maar de vraag is leeg", 1),
    ("te-lang", "D680 fout Vragen!E7: de tekst in deze cel telt", 1),
    ("bestaat-niet", "D670 fout: het vragenbestand kan niet worden gelezen: het bestand bestaat niet", 2),
]


@pytest.mark.parametrize(("kind", "expected", "code"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_with_a_coded_message_and_nothing_written(tmp_path, kind, expected, code):
    dossier = tmp_path / "leiden.yaml"
    dossier.write_bytes(LEIDEN.read_bytes())
    hostile = build_case(kind, tmp_path, dossier)
    done = subprocess.run([sys.executable, "build.py", "vragen", "importeer", str(dossier), str(hostile)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == code, done.stdout + done.stderr
    assert expected in done.stdout, done.stdout
    assert "Traceback" not in done.stderr and ("niets ingelezen" in done.stderr or "niets geschreven" in done.stderr)
    assert dossier.read_bytes() == LEIDEN.read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".leiden.yaml")]  # no temporary file left


def test_wrong_types_each_get_their_cell(tmp_path):
    dossier = tmp_path / "leiden.yaml"
    dossier.write_bytes(LEIDEN.read_bytes())
    done = subprocess.run([sys.executable, "build.py", "vragen", "importeer", str(dossier), str(build_case("verkeerde-soorten", tmp_path, dossier))],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "D677 fout Vragen!E8: in de kolom 'vraag' verwachtte dossier tekst, maar vond het getal 42" in done.stdout
    assert "D677 fout Vragen!B9: in de kolom 'document' verwachtte dossier de naam van een document, maar vond de ja/nee-waarde WAAR" in done.stdout


def test_text_that_looks_like_a_formula_stays_text_everywhere(tmp_path):
    """In a CSV '=HYPERLINK(...)' is text: it is warned about, kept literally, and never becomes a formula again."""
    dossier = tmp_path / "leiden.yaml"
    dossier.write_bytes(LEIDEN.read_bytes())
    source = tmp_path / "vragen.csv"
    source.write_text('Document;Vraag\nLeidraad;"=HYPERLINK(""http://example.org"",""klik"")"\nLeidraad;@SUM(A1:A9) klopt dat?\n'
                      "Leidraad;+31 is het landnummer?\nLeidraad;-1 als antwoord?\nLeidraad;Een vraag met \u202eomgekeerde\u202c tekst\x07?\n",
                      "utf-8")
    done = subprocess.run([sys.executable, "build.py", "vragen", "importeer", str(dossier), str(source), "--datum", "2019-11-20"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    for cell, sign in (("B2", "="), ("B3", "@"), ("B4", "+"), ("B5", "-")):
        assert f"D681 waarschuwing {cell}: de tekst begint met '{sign}'" in done.stdout
    assert "D697 waarschuwing B6: de tekst bevatte 3 onzichtbare stuurteken(s) (U+0007, U+202C, U+202E)" in done.stdout
    text = dossier.read_text("utf-8")
    questions = [v.vraag for v in controleer(dossier).dossier.inlichtingen[1].vragen]
    assert questions[0] == '=HYPERLINK("http://example.org","klik")' and questions[4] == "Een vraag met omgekeerde tekst?"
    answered = text.replace("        antwoord:\n", "        antwoord: Nee.\n")
    dossier.write_text(answered, "utf-8")
    target = tmp_path / "ronde-2.xlsx"
    done = subprocess.run([sys.executable, "build.py", "vragen", "exporteer", str(dossier), "--ronde", "2", "--uit", str(target)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"HYPERLINK" in sheet
    cells = [c for row in openpyxl.load_workbook(target).worksheets[0].iter_rows(min_row=6) for c in row if c.column == 4]
    assert [c.data_type for c in cells] == ["s"] * 5 and all(c.quotePrefix for c in cells[:4])
