"""Rows of a questions spreadsheet, whatever the file format: the header, the values, their cells.

``lezen`` turns an .xlsx or a .csv into rows of (value, kind) pairs; this module finds the header
row (a column 'Vraag' and the columns it knows by their usual names), and turns every row below
it into a ``Regel`` or into coded findings at the cell: a formula, a value of the wrong kind, a
number where a paragraph belongs, an empty question, text too long, invisible control characters,
text that a spreadsheet would run as a formula. What other columns hold is not kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterator

from openpyxl.utils import get_column_letter

from ..diagnostics import Diagnostic, Location, make

MAX_ROWS = 2000
MAX_ALL_ROWS = 50_000  # rows read at all, empty ones included (a sheet can skip to row 1,048,576)
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


# --- rows -------------------------------------------------------------------------------------


def _normal(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower().rstrip(".:*").strip()


@dataclass(frozen=True)
class Kop:
    """The header row: its number, and per column index the field it holds (None: a column dossier does not use)."""

    rij: int
    kolommen: dict[int, str | None]
    namen: dict[int, str]


def find_header(rows: Iterator[tuple[int, list[tuple[Any, str]]]]) -> Kop | None:
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


def read_rows(rows: Iterator[tuple[int, list[tuple[Any, str]]]], kop: Kop, display: str, sheet: str, result: Gelezen) -> None:
    result.meldingen.extend(make("D699", Cel(display, sheet, kop.rij, i).waar(), kolom=kop.namen[i])
                            for i, key in kop.kolommen.items() if key is None)
    used = {i: k for i, k in kop.kolommen.items() if k is not None}
    counted = 0
    for seen, (number, values) in enumerate(rows, 1):
        if seen > MAX_ALL_ROWS:
            result.meldingen.append(make("D673", Cel(display, sheet, number, 1).waar(), aantal=MAX_ALL_ROWS, wat="rijen (ook lege)",
                                         maximum=MAX_ROWS))
            return
        if not any(kind for _, kind in values):
            continue
        counted += 1
        if counted > MAX_ROWS:
            result.meldingen.append(make("D673", Cel(display, sheet, number, 1).waar(), aantal=MAX_ROWS, wat="rijen met inhoud",
                                         maximum=MAX_ROWS))
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
