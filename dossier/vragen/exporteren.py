"""An answered round as a spreadsheet, published next to the nota van inlichtingen.

Buyers publish the nota (Word/PDF) and the same questions and answers as a spreadsheet that
tenderers can filter. Sheet one holds every question with its answer; a second sheet lists the
rectificaties of the round with their old and new value. Every text is written as text (see
``xlsx``), so a question that starts with ``=`` stays a question in every spreadsheet program.
"""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.workbook import Workbook

from .. import nl
from ..invoer.model import Dossier, Ronde
from ..invoer.rectificaties import Rectificaties
from .xlsx import BOLD, as_bytes, moment_of, write

HEADER_ROW = 5
QUESTION_HEADERS = ("Nr.", "Document", "Paragraaf", "Vraag", "Antwoord", "Leidt tot wijziging", "Wijziging")
QUESTION_WIDTHS = (7, 28, 12, 60, 60, 12, 50)
CHANGE_HEADERS = ("Vraag", "Onderdeel", "Was", "Wordt")
CHANGE_WIDTHS = (8, 40, 40, 60)


def ronde_xlsx(d: Dossier, ronde: Ronde, rectificaties: Rectificaties | None) -> bytes:
    """Round ``ronde`` of ``d`` (the dossier after all nota's) as deterministic .xlsx bytes."""
    a = d.aanbesteding
    workbook = Workbook()
    ws = workbook.active
    ws.title = f"Nota van inlichtingen {ronde.ronde}"[:31]
    _heading(ws, f"Nota van inlichtingen {ronde.ronde}: {a.titel}", f"Kenmerk {a.kenmerk}, {a.aanbestedende_dienst.naam}, "
             f"{nl.datum(ronde.datum)}")
    rows = [[v.nummer, v.document, v.paragraaf, v.vraag, v.antwoord, "ja" if v.leidt_tot_wijziging else "nee", v.wijziging]
            for v in ronde.vragen]
    _table(ws, QUESTION_HEADERS, QUESTION_WIDTHS, rows)
    changes = rectificaties.van_ronde(ronde.ronde) if rectificaties else []
    if changes:
        sheet = workbook.create_sheet("Rectificaties")
        _heading(sheet, f"Rectificaties in nota van inlichtingen {ronde.ronde}", f"Kenmerk {a.kenmerk}")
        _table(sheet, CHANGE_HEADERS, CHANGE_WIDTHS,
               [[r.nummer, r.onderdeel, r.oud_tekst if r.soort == "gegeven" else "(zie de nota van inlichtingen)", r.nieuw_tekst]
                for r in changes])
    return as_bytes(workbook, moment_of(ronde.datum), f"Nota van inlichtingen {ronde.ronde} {a.kenmerk}")


def _heading(ws, title: str, subtitle: str) -> None:
    write(ws, 1, 1, title, Font(bold=True, size=14))
    write(ws, 2, 1, subtitle)
    write(ws, 3, 1, "Dit overzicht volgt de nota van inlichtingen; bij verschil gaat de nota voor.")


def _table(ws, headers: tuple[str, ...], widths: tuple[int, ...], rows: list[list]) -> None:
    for column, (header, width) in enumerate(zip(headers, widths), 1):
        write(ws, HEADER_ROW, column, header, BOLD)
        ws.column_dimensions[chr(64 + column)].width = width
    for row, values in enumerate(rows, HEADER_ROW + 1):
        for column, value in enumerate(values, 1):
            write(ws, row, column, value, wrap=isinstance(value, str) and len(value) > 40)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{chr(64 + len(headers))}{HEADER_ROW + max(len(rows), 1)}"
