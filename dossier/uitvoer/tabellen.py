"""Table column widths from content, measured with the house font, set once in pandoc's AST.

Both writers (docx and Typst) read the same AST, so both formats get the same widths: every column
at least as wide as its longest word at the table text size (bold in the header row), the table as
wide as the text block, and the room that is left shared out by how much text each column holds.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..documenten.huisstijl import Huisstijl
from ..documenten.markdown import auto_widths
from .lettertypen import Lettertype
from .stijlen import CELL_MARGIN_PT

_SPACES = ("Space", "SoftBreak", "LineBreak")


def set_table_widths(ast: dict[str, Any], huisstijl: Huisstijl, font: Lettertype) -> None:
    """Give every table of ``ast`` (in place) relative column widths that add up to the text width."""
    total = huisstijl.tekstbreedte_cm / 2.54 * 72
    for table in _tables(ast["blocks"]):
        colspecs = table[2]
        minima = [0.0] * len(colspecs)
        maxima = [0.0] * len(colspecs)
        for row, header in _rows(table):
            for column, cell in _cells(row):
                if column >= len(colspecs):
                    continue
                words = list(_words(cell[4], header))
                line = sum(font.widest_word(word, huisstijl.korps_tabel, bold) for word, bold in words)
                line += font.gewoon.width(" ", huisstijl.korps_tabel) * max(0, len(words) - 1)
                widest = max((font.widest_word(word, huisstijl.korps_tabel, bold) for word, bold in words), default=0.0)
                minima[column] = max(minima[column], widest + column_padding())
                maxima[column] = max(maxima[column], line + column_padding())
        widths = auto_widths(minima, maxima, total)
        table[2] = [[spec[0], {"t": "ColWidth", "c": round(width / total, 4)}] for spec, width in zip(colspecs, widths)]


def column_padding() -> float:
    """Cell padding left and right plus one point, so a word that just fits never wraps."""
    return 2 * CELL_MARGIN_PT[1] + 1.0


def _tables(blocks: list[Any]) -> Iterator[list[Any]]:
    for block in blocks:
        if not isinstance(block, dict):
            continue
        if block.get("t") == "Table":
            yield block["c"]
        elif block.get("t") in ("Div", "BlockQuote"):
            yield from _tables(block["c"][-1])


def _rows(table: list[Any]) -> Iterator[tuple[list[Any], bool]]:
    head, bodies, foot = table[3], table[4], table[5]
    for row in head[1]:
        yield row, True
    for body in bodies:
        for row in body[2] + body[3]:
            yield row, False
    for row in foot[1]:
        yield row, False


def _cells(row: list[Any]) -> Iterator[tuple[int, list[Any]]]:
    column = 0
    for cell in row[1]:
        yield column, cell
        column += cell[3]  # colspan


def _words(node: Any, bold: bool) -> Iterator[tuple[str, bool]]:
    """The words of a cell's blocks, each with whether it is set in bold."""
    if isinstance(node, list):
        for item in node:
            yield from _words(item, bold)
    elif isinstance(node, dict):
        kind = node.get("t")
        if kind == "Str":
            yield node["c"], bold
        elif kind == "Code":
            yield from ((word, bold) for word in node["c"][1].split())
        elif kind not in _SPACES and "c" in node:
            yield from _words(node["c"], bold or kind == "Strong")
