"""Reading questions from a tenderer's spreadsheet (.xlsx or .csv), which is input from outside.

Everything about the file is checked before it is believed, and every problem is a coded message
with the sheet and the cell:

* the file is read in one go up to 10 MB; an .xlsx is a zip archive whose declared sizes are
  checked before anything is unpacked (a zip bomb never unpacks), and XML with a DOCTYPE or its own
  entities is refused (openpyxl parses through defusedxml as well);
* openpyxl reads it in read-only mode with the formulas as written (``data_only=False``): a formula
  is never evaluated, never taken over as text, and refuses the file (D675);
* rows are streamed and counted: more than ``MAX_ROWS`` rows with content stop the reading at once;
* merged cells, values of the wrong kind, numbers where a paragraph belongs, empty questions and
  text that a spreadsheet would run as a formula each get their own code.

The result is a list of ``Regel``: the values of one question with the cell each came from. What
a tenderer writes in other columns (their name, say) is not kept.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import openpyxl
from openpyxl.utils import get_column_letter

from ..diagnostics import Diagnostic, DossierError, Location, make

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 64 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for parts over 1 MB
MAX_ENTRIES = 1000
MAX_ROWS = 2000
MAX_TEXT = 8000
HEADER_ROWS = 20
MAX_FINDINGS = 100
KOLOMMEN = ("nr", "document", "paragraaf", "pagina", "vraag")
_ALIASES = {
    "nr": {"nr", "nummer", "no", "volgnummer", "vraagnummer", "vraag nr", "#", "id"},
    "document": {"document", "documentnaam", "stuk", "aanbestedingsstuk", "betreft document", "bestand"},
    "paragraaf": {"paragraaf", "par", "§", "hoofdstuk", "hoofdstuk/paragraaf", "paragraaf/artikel", "artikel", "referentie",
                  "verwijzing", "paragraafnummer"},
    "pagina": {"pagina", "blz", "pag", "paginanummer", "pagina's", "bladzijde"},
    "vraag": {"vraag", "vragen", "vraag of opmerking", "vraag/opmerking", "opmerking/vraag", "vraagstelling", "uw vraag",
              "omschrijving vraag"},
}
_LOOKUP = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_FORMULA_START = ("=", "+", "-", "@")
_SHEET_DATA_END = re.compile(rb"</(?:\w+:)?sheetData>")
_MERGE = re.compile(rb"""<(?:\w+:)?mergeCell\s+ref=["']([A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?)["']""")


@dataclass(frozen=True)
class Cel:
    """Where a value came from."""

    bestand: str
    blad: str
    rij: int
    kolom: int

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.kolom)}{self.rij}"

    def waar(self) -> Location:
        return Location(self.bestand, f"{self.blad}!{self.ref}" if self.blad else self.ref, self.rij, self.kolom)


@dataclass
class Regel:
    """One question as the tenderer wrote it, and the cell of every value."""

    bestand: str
    vraag: str
    cellen: dict[str, Cel]
    document: str | None = None
    paragraaf: str | None = None
    pagina: str | None = None


@dataclass
class Gelezen:
    regels: list[Regel] = field(default_factory=list)
    meldingen: list[Diagnostic] = field(default_factory=list)

    @property
    def fouten(self) -> int:
        return sum(d.is_error for d in self.meldingen)


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


def _xlsx(data: bytes, display: str) -> Gelezen:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_zip(archive, display)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
            return _workbook(workbook, archive, display)
    except DossierError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged archive or workbook can fail anywhere in zipfile or openpyxl
        raise DossierError([make("D671", Location(display), reden=f"het bestand is beschadigd of geen Excel-werkmap ({exc.__class__.__name__})")]) from None


def _workbook(workbook: Any, archive: zipfile.ZipFile, display: str) -> Gelezen:
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "iter_rows"):
            continue
        kop = _find_header(((r, _xlsx_values(row)) for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=HEADER_ROWS), 1)))
        if kop is None:
            continue
        result = Gelezen()
        _merged(archive, getattr(sheet, "_worksheet_path", None), kop.rij, display, sheet.title, result)
        rows = ((r, _xlsx_values(row)) for r, row in enumerate(sheet.iter_rows(min_row=kop.rij + 1), kop.rij + 1))
        _rows(rows, kop, display, sheet.title, result)
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
    try:
        parsed = list(_csv_rows(text, delimiter))
    except csv.Error as exc:
        raise DossierError([make("D671", Location(display), reden=f"de CSV klopt niet: {exc}")]) from None
    kop = _find_header(iter(parsed[:HEADER_ROWS]))
    if kop is None:
        raise DossierError([make("D674", Location(display), rijen=HEADER_ROWS)])
    result = Gelezen()
    _rows(iter(parsed[kop.rij:]), kop, display, "", result)
    return result


def _csv_rows(text: str, delimiter: str) -> Iterator[tuple[int, list[tuple[Any, str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, row in enumerate(reader, 1):
        yield number, [(value, "s") if value.strip() else (None, "") for value in row]
        if number > MAX_ROWS + HEADER_ROWS + 1:
            yield number + 1, [("(meer)", "s")]  # enough to trip the row limit without reading the rest
            return


# --- rows -------------------------------------------------------------------------------------


def _normal(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower().rstrip(".:*").strip()


@dataclass(frozen=True)
class Kop:
    """The header row: its number, and per column index the field it holds (None: a column dossier does not use)."""

    rij: int
    kolommen: dict[int, str | None]
    namen: dict[int, str]


def _find_header(rows: Iterator[tuple[int, list[tuple[Any, str]]]]) -> Kop | None:
    """The first row with a 'Vraag' heading."""
    for number, values in rows:
        names = {i + 1: str(v).strip() for i, (v, kind) in enumerate(values) if kind == "s" and str(v).strip()}
        if any(_LOOKUP.get(_normal(n)) == "vraag" for n in names.values()):
            columns: dict[int, str | None] = {}
            for i, name in names.items():
                key = _LOOKUP.get(_normal(name))
                columns[i] = key if key not in columns.values() else None  # a second 'Vraag' column is not used
            return Kop(number, columns, names)
    return None


def _rows(rows: Iterator[tuple[int, list[tuple[Any, str]]]], kop: Kop, display: str, sheet: str, result: Gelezen) -> None:
    result.meldingen.extend(make("D699", Cel(display, sheet, kop.rij, i).waar(), kolom=kop.namen[i])
                            for i, key in kop.kolommen.items() if key is None)
    used = {i: k for i, k in kop.kolommen.items() if k is not None}
    counted = 0
    for number, values in rows:
        if not any(kind for _, kind in values):
            continue
        counted += 1
        if counted > MAX_ROWS:
            result.meldingen.append(make("D673", Cel(display, sheet, number, 1).waar(), maximum=MAX_ROWS))
            return
        _row(number, values, used, display, sheet, result)
        if result.fouten >= MAX_FINDINGS:
            return


def _row(number: int, values: list[tuple[Any, str]], used: dict[int, str], display: str, sheet: str, result: Gelezen) -> None:
    cells = {key: Cel(display, sheet, number, index) for index, key in used.items()}
    found: dict[str, str] = {}
    for index, key in used.items():
        value, kind = values[index - 1] if index - 1 < len(values) else (None, "")
        if kind == "":
            continue
        text = _value(key, value, kind, cells[key], result)
        if text:
            found[key] = text
    if "vraag" not in found:
        named = [k for k in ("document", "paragraaf", "pagina") if k in found]
        if named:
            result.meldingen.append(make("D679", cells["vraag"].waar() if "vraag" in cells else cells[named[0]].waar(),
                                         wat=" en ".join(f"{k} '{found[k]}'" for k in named)))
        return
    result.regels.append(Regel(display, found["vraag"], {k: cells[k] for k in found}, found.get("document"),
                               found.get("paragraaf"), found.get("pagina")))


_EXPECTED = {"vraag": "tekst", "document": "de naam van een document", "paragraaf": "een paragraafnummer als tekst",
             "pagina": "een paginanummer"}
_FOUND = {"n": "het getal {v}", "d": "de datum {v}", "b": "de ja/nee-waarde {v}", "e": "de foutwaarde {v}"}


def _value(key: str, value: Any, kind: str, cell: Cel, result: Gelezen) -> str | None:
    """The text of one cell, or None after reporting why it cannot be used."""
    if kind == "f":
        result.meldingen.append(make("D675", cell.waar(), formule=str(value)[:60]))
        return None
    if key == "nr":
        return None  # the tenderer's own numbering is not kept: the dossier numbers across all rounds
    if key == "paragraaf" and kind == "n":
        text = _number_text(value)
        if isinstance(value, float) and not value.is_integer():
            result.meldingen.append(make("D678", cell.waar(), waarde=text, alternatief=text + "0"))
        return text
    if key == "pagina" and kind == "n" and float(value).is_integer():
        return str(int(value))
    if kind != "s":
        hint = "zet de kolom op 'Tekst' en typ de waarde opnieuw" if kind == "d" else "typ de waarde als tekst"
        result.meldingen.append(make("D677", cell.waar(), kolom=key, verwacht=_EXPECTED[key],
                                     gevonden=_FOUND.get(kind, "{v}").format(v=_show(value)), hint=hint))
        return None
    return _text(str(value), cell, result, key == "vraag")


def _number_text(value: Any) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _show(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    return str(value)


def _text(text: str, cell: Cel, result: Gelezen, multiline: bool) -> str | None:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    invisible = _INVISIBLE.findall(text.replace("\t", " "))
    if invisible:
        text = _INVISIBLE.sub("", text.replace("\t", " "))
        shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in invisible}))
        result.meldingen.append(make("D697", cell.waar(), aantal=len(invisible), tekens=shown))
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines).strip() if multiline else " ".join(line for line in lines if line)
    text = re.sub(r"\n{3,}", "\n\n", text)
    if len(text) > MAX_TEXT:
        result.meldingen.append(make("D680", cell.waar(), lengte=len(text), maximum=MAX_TEXT))
        return None
    if text.startswith(_FORMULA_START):
        result.meldingen.append(make("D681", cell.waar(), teken=text[0]))
    return text or None
