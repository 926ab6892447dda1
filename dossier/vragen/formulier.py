"""The questions form a buyer publishes with the tender documents (.xlsx).

One sheet ``Vragen``: the tender's title and kenmerk at the top, a short instruction, and under
the header (Nr., Document, Paragraaf, Pagina, Vraag) 250 empty rows. The document column offers
the dossier's documents as a list (from a hidden sheet, so a title with a comma stays whole); the
paragraph and page columns are text, so 2.10 stays 2.10. The sheet is protected without a
password: a tenderer fills in the rows but cannot change the header by accident, which keeps the
form readable by ``dossier vragen importeer``.
"""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from .. import nl
from ..afleiding import Afgeleid
from ..invoer.model import Dossier
from .documenten import stukken
from .xlsx import BOLD, as_bytes, moment_of, write

HEADER_ROW = 6
ROWS = 250
HEADERS = ("Nr.", "Document", "Paragraaf", "Pagina", "Vraag")
WIDTHS = (7, 36, 12, 9, 90)
DOCUMENTS_SHEET = "Documenten"
OPEN = Protection(locked=False)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def target_round(d: Dossier) -> int:
    """The round new questions belong to: the last one while it has no questions yet, else the next."""
    if d.inlichtingen and not d.inlichtingen[-1].vragen:
        return d.inlichtingen[-1].ronde
    return (d.inlichtingen[-1].ronde if d.inlichtingen else 0) + 1


def formulier(d: Dossier, afgeleid: Afgeleid) -> bytes:
    """The questions form of the next round of ``d``, as deterministic .xlsx bytes."""
    ronde = target_round(d)
    documents = stukken(d, afgeleid, ronde)
    a = d.aanbesteding
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Vragen"
    existing = next((r for r in d.inlichtingen if r.ronde == ronde), None)
    deadline = f"; stel uw vragen uiterlijk {nl.datum(existing.vragen_uiterlijk)}" if existing and existing.vragen_uiterlijk else ""
    write(ws, 1, 1, f"Vragenformulier: {a.titel}", Font(bold=True, size=14))
    write(ws, 2, 1, f"Kenmerk {a.kenmerk}, {a.aanbestedende_dienst.naam}")
    write(ws, 3, 1, f"Vragen voor nota van inlichtingen {ronde}{deadline}.")
    write(ws, 4, 1, "Eén vraag per rij. Kies het document uit de lijst en noem de paragraaf (bijvoorbeeld 3.2) of de pagina. "
                    "Noem uw organisatie en namen van personen niet: alle vragen worden geanonimiseerd beantwoord in een nota "
                    "van inlichtingen voor alle inschrijvers.")
    for column, (header, width) in enumerate(zip(HEADERS, WIDTHS), 1):
        write(ws, HEADER_ROW, column, header, BOLD)
        ws.cell(HEADER_ROW, column).fill = HEADER_FILL
        ws.column_dimensions[chr(64 + column)].width = width
    first, last = HEADER_ROW + 1, HEADER_ROW + ROWS
    for row in range(first, last + 1):
        for column in range(1, len(HEADERS) + 1):
            cell = ws.cell(row, column)
            cell.protection = OPEN
            if column in (3, 4):
                cell.number_format = "@"  # text: 2.10 stays 2.10
        ws.cell(row, 5).alignment = ws.cell(row, 5).alignment.copy(wrap_text=True, vertical="top")
    _document_list(workbook, ws, [s.tonen for s in documents], first, last)
    ws.freeze_panes = ws.cell(first, 1)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    return as_bytes(workbook, moment_of(d.planning.publicatie or afgeleid.peildatum), f"Vragenformulier {a.kenmerk}")


def _document_list(workbook: Workbook, ws, names: list[str], first: int, last: int) -> None:
    lists = workbook.create_sheet(DOCUMENTS_SHEET)
    for row, name in enumerate(names, 1):
        write(lists, row, 1, name)
    lists.sheet_state = "hidden"
    lists.protection.sheet = True
    validation = DataValidation(type="list", formula1=f"={DOCUMENTS_SHEET}!$A$1:$A${len(names)}", allow_blank=True,
                                showErrorMessage=True, errorStyle="warning", errorTitle="Onbekend document",
                                error="Kies een document uit de lijst.", promptTitle="Document",
                                prompt="Kies het document waarover de vraag gaat.", showInputMessage=True)
    validation.add(f"B{first}:B{last}")
    ws.add_data_validation(validation)
