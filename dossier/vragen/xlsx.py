"""Writing spreadsheets that are safe to open and the same bytes every time.

Every text dossier writes into a cell is typed as text, never as a formula, whatever it starts
with; text that starts like a formula (``=``, ``+``, ``-``, ``@``) also gets Excel's quote prefix,
so editing the cell in Excel or LibreOffice keeps it text. openpyxl stamps the current time in the
workbook's properties and on every zip entry; both are replaced by a fixed moment, so the same
dossier gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..uitvoer.ooxml import read_package, write_package

RISKY = ("=", "+", "-", "@", "\t", "\r")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def write(ws: Worksheet, row: int, column: int, value: Any, font: Font | None = None, wrap: bool = False) -> None:
    """One cell: numbers stay numbers, everything else is text that no spreadsheet will run."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        value = str(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        cell.data_type = "s"  # openpyxl makes a formula of any text starting with '='
        if value.startswith(RISKY):
            cell.quotePrefix = True
    else:
        cell.value = value
    if font is not None:
        cell.font = font
    if wrap:
        cell.alignment = WRAP


def as_bytes(workbook: Workbook, moment: dt.datetime, title: str) -> bytes:
    """The workbook as deterministic .xlsx bytes, with ``moment`` as its creation and change date."""
    workbook.properties.creator = "dossier"
    workbook.properties.lastModifiedBy = "dossier"
    workbook.properties.title = title[:255]
    workbook.properties.created = moment
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    names, parts = read_package(buffer.getvalue())
    parts["docProps/core.xml"] = _MODIFIED.sub(lambda m: b"<dcterms:modified" + m.group(1) + b">" + stamp + b"</dcterms:modified>",
                                               parts["docProps/core.xml"])
    return write_package(names, parts)


def moment_of(day: dt.date | None) -> dt.datetime:
    """A fixed moment for a workbook's dates: the dossier's reference date (publication), else 1 January 2000."""
    day = day or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)
