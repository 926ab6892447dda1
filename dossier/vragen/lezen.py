"""Reading questions from a tenderer's spreadsheet (.xlsx or .csv), which is input from outside.

Everything about the file is checked before it is believed, and every problem is a coded message
with the sheet and the cell:

* the file is read in one go up to 10 MB; an .xlsx is a zip archive whose declared sizes are
  checked before anything is unpacked (a zip bomb never unpacks), and XML with a DOCTYPE or its own
  entities is refused (openpyxl parses through defusedxml as well);
* openpyxl reads it in read-only mode with the formulas as written (``data_only=False``): a formula
  is never evaluated, never taken over as text, and refuses the file (D675);
* a sheet that stores more than 10,000 rows is refused before openpyxl parses it; the rest is
  streamed and counted: more than ``MAX_ROWS`` rows with content stop the reading at once;
* merged cells are found in the sheet's XML (read-only openpyxl does not list them).

The rows then go through ``rijen``, which finds the header and checks every value. The result is a
list of ``Regel``: the values of one question with the cell each came from.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ..diagnostics import DossierError, Location, make
from .rijen import HEADER_ROWS, MAX_ROWS, Cel, Gelezen, find_header, read_rows

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 64 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for parts over 1 MB
MAX_ENTRIES = 1000
MAX_COLUMNS = 50  # columns read; the form has five
MAX_ROW_ELEMENTS = 10_000  # rows a sheet may store; Excel stores only rows with content or formatting
EXCEL_ROWS = 1_048_576
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_ROW_NUMBER = re.compile(rb"""\br=["'](\d+)["']""")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SHEET_DATA_END = re.compile(rb"</(?:\w+:)?sheetData>")
_MERGE = re.compile(rb"""<(?:\w+:)?mergeCell\s+ref=["']([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)["']""")


def lees(path: Path, display: str) -> Gelezen:
    """Read one questions file; DossierError for a file that cannot be read at all."""
    data = _read(path, display)
    if data[:4] == b"PK\x03\x04":
        return _xlsx(data, display)
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise DossierError([make("D671", Location(display), reden="een ouder Excel-bestand (.xls) of een met een wachtwoord beveiligd bestand")])
    for magic, what in ((b"%PDF", "een PDF-bestand"), (b"{\\rtf", "een RTF-bestand"), (b"\x89PNG", "een afbeelding")):
        if data.startswith(magic):
            raise DossierError([make("D671", Location(display), reden=what)])
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise DossierError([make("D671", Location(display), reden="het is geen zip-archief, dus geen Excel-werkmap")])
    if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
        raise DossierError([make("D671", Location(display), reden=f"dossier leest .xlsx en .csv, geen {path.suffix or 'bestand zonder extensie'}")])
    return _csv(data, display)


def _read(path: Path, display: str) -> bytes:
    where = Location(display)
    if not path.exists():
        raise DossierError([make("D670", where, reden="het bestand bestaat niet")])
    if path.is_dir():
        raise DossierError([make("D670", where, reden="dit is een map")])
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DossierError([make("D672", where, reden=f"{_mb(size)} MB, meer dan {_mb(MAX_BYTES)} MB")])
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DossierError([make("D670", where, reden=exc.strerror or exc.__class__.__name__)]) from None


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


# --- .xlsx ------------------------------------------------------------------------------------


def _check_zip(archive: zipfile.ZipFile, display: str) -> None:
    where = Location(display)
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise DossierError([make("D672", where, reden=f"het archief telt {len(entries)} delen")])
    total = sum(e.file_size for e in entries)
    if total > MAX_UNPACKED:
        raise DossierError([make("D672", where, reden=f"uitgepakt {_mb(total)} MB, meer dan {_mb(MAX_UNPACKED)} MB (een zipbom?)")])
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise DossierError([make("D671", where, reden="een versleuteld archief")])
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise DossierError([make("D672", where, reden=f"het deel {entry.filename} pakt {entry.file_size // max(entry.compress_size, 1)} keer zo groot uit (een zipbom?)")])
    if "xl/workbook.xml" not in archive.namelist():
        raise DossierError([make("D671", where, reden="een zip-bestand zonder Excel-werkmap (misschien .docx of .ods)")])
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels", ".vml")):
            with archive.open(entry) as part:
                head = part.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise DossierError([make("D672", where, reden=f"het deel {entry.filename} bevat XML met een DOCTYPE of eigen entiteiten")])


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part -> the sheet's name, from the workbook and its relationships (parsed without entities)."""
    try:
        sheets = fromstring(archive.read("xl/workbook.xml"))
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ParseError, DefusedXmlException):
        return {}
    targets = {r.get("Id"): "xl/" + (r.get("Target") or "").removeprefix("/xl/").lstrip("/") for r in rels}
    return {targets.get(s.get(_REL_NS), ""): s.get("name", "") for s in sheets.iter() if s.tag.endswith("}sheet")}


def _count_rows(archive: zipfile.ZipFile, display: str) -> None:
    """More stored rows than a questions form can have: refused before openpyxl parses anything (D673).

    openpyxl reads a sheet without a ``<dimension>`` to its end just to open it, so the bytes are
    counted first, which takes milliseconds.
    """
    names = _sheet_names(archive)
    for entry in archive.infolist():
        if not (entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml")):
            continue
        xml = archive.read(entry.filename)
        for count, match in enumerate(_ROW.finditer(xml), 1):
            if count > MAX_ROW_ELEMENTS:
                number = _ROW_NUMBER.search(xml, match.end(), match.end() + 200)
                cell = Cel(display, names.get(entry.filename, ""), int(number.group(1)) if number else count, 1)
                raise DossierError([make("D673", cell.waar(), aantal=MAX_ROW_ELEMENTS, wat="rijen in het werkblad", maximum=MAX_ROWS)])


def _xlsx(data: bytes, display: str) -> Gelezen:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_zip(archive, display)
        _count_rows(archive, display)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
            try:
                return _workbook(workbook, archive, display)
            finally:
                workbook.close()
    except DossierError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged archive or workbook can fail anywhere in zipfile or openpyxl
        raise DossierError([make("D671", Location(display), reden=f"het bestand is beschadigd of geen Excel-werkmap ({exc.__class__.__name__})")]) from None


def _workbook(workbook: Any, archive: zipfile.ZipFile, display: str) -> Gelezen:
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "iter_rows"):
            continue
        rows = sheet.iter_rows(min_row=1, max_row=HEADER_ROWS, max_col=MAX_COLUMNS)
        kop = find_header(((r, _xlsx_values(row)) for r, row in enumerate(rows, 1)))
        if kop is None:
            continue
        result = Gelezen()
        _merged(archive, getattr(sheet, "_worksheet_path", None), kop.rij, display, sheet.title, result)
        # explicit bounds: without them openpyxl first walks the whole sheet to learn its size
        cells = sheet.iter_rows(min_row=kop.rij + 1, max_row=EXCEL_ROWS, max_col=MAX_COLUMNS)
        rows = ((r, _xlsx_values(row)) for r, row in enumerate(cells, kop.rij + 1))
        read_rows(rows, kop, display, sheet.title, result)
        return result
    raise DossierError([make("D674", Location(display), rijen=HEADER_ROWS)])


def _merged(archive: zipfile.ZipFile, part: str | None, header_row: int, display: str, sheet: str, result: Gelezen) -> None:
    """Merged cells at or below the header: there the rows are questions (read-only openpyxl does not list merges)."""
    if not part:
        return
    xml = archive.read(part.lstrip("/"))
    end = _SHEET_DATA_END.search(xml)
    for match in _MERGE.finditer(xml, end.end() if end else 0):
        ref = match.group(1).decode()
        last = int(re.findall(r"\d+", ref)[-1])
        if last >= header_row:
            first = re.match(r"([A-Z]+)(\d+)", ref)
            cell = Cel(display, sheet, int(first.group(2)), openpyxl.utils.column_index_from_string(first.group(1)))
            result.meldingen.append(make("D676", cell.waar(), bereik=ref))


def _xlsx_values(row: Iterable[Any]) -> list[tuple[Any, str]]:
    """(value, kind) per cell: s text, n number, d date, b yes/no, f formula, e error value, '' empty."""
    values = []
    for cell in row:
        value = getattr(cell, "value", None)
        kind = getattr(cell, "data_type", None)
        if value is None or value == "":
            values.append((None, ""))
        elif kind == "f":
            values.append((str(value), "f"))
        elif kind == "e":
            values.append((str(value), "e"))
        elif isinstance(value, bool):
            values.append((value, "b"))
        elif isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            values.append((value, "d"))
        elif isinstance(value, (int, float)):
            values.append((value, "n"))
        else:
            values.append((str(value), "s"))
    return values


# --- .csv -------------------------------------------------------------------------------------


def _decode(data: bytes, display: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise DossierError([make("D671", Location(display), reden="het bevat NUL-tekens: het is geen tekst")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")  # Excel's "CSV (gescheiden door lijstscheidingsteken)" on Windows
        except UnicodeDecodeError:
            raise DossierError([make("D671", Location(display), reden="de tekens zijn niet te lezen als UTF-8 of Windows-1252")]) from None


def _csv(data: bytes, display: str) -> Gelezen:
    text = _decode(data, display)
    first = text.split("\n", HEADER_ROWS)[:HEADER_ROWS]
    delimiter = max(";,\t", key=lambda d: sum(line.count(d) for line in first))
    rows = _csv_rows(text, delimiter)
    try:
        head = list(itertools.islice(rows, HEADER_ROWS))
        kop = find_header(iter(head))
        if kop is None:
            raise DossierError([make("D674", Location(display), rijen=HEADER_ROWS)])
        result = Gelezen()
        read_rows(itertools.chain(head[kop.rij:], rows), kop, display, "", result)
    except csv.Error as exc:
        raise DossierError([make("D671", Location(display), reden=f"de CSV klopt niet: {exc}")]) from None
    return result


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[tuple[Any, str]]]]:
    """Rows one by one (never all of a large file at once), each value as text."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, row in enumerate(reader, 1):
        yield number, [(value, "s") if value.strip() else (None, "") for value in row]


