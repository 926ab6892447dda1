"""Units of a rendered document, each with the frame that wrote it and the YAML paths it read.

A unit is what a lawyer points at: a heading, a paragraph, a list item or a table row. They are
found in the final Markdown line by line, the way pandoc reads the Markdown this package writes
(headings, pipe tables, lists, paragraphs separated by blank lines). The markers of ``herkomst``
(counted in non-whitespace characters) then give each unit:

- its frames: the blocks and template files open where the unit begins (innermost last);
- its paths: the reads made just before or inside it (a read for a condition lands on the text it
  decides, a read for a table row on that row).

``gemarkeerd`` writes the Markdown with an empty span ``[]{#dossier-e<n>}`` at the start of every
unit's text, for pandoc: the span survives into the AST at exactly that unit and changes nothing
else (it has no text), so the output stage can find each unit in the AST and remove the span again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .herkomst import ENTER, EXIT, READS, Kader

SPAN_PREFIX = "dossier-e"
_HEADING = re.compile(r"^(#{1,6})\s+")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s+)")
_SEPARATOR = re.compile(r"^\|[\s:|-]+\|?\s*$")
_FENCE = re.compile(r"^\s*(```|~~~|:::)")


@dataclass(frozen=True)
class Eenheid:
    """One unit: kind (kop, alinea, item, rij), first line in the Markdown, frames and paths."""

    soort: str
    regel: int  # 0-based line of the Markdown where the unit begins
    kolom: int  # where its text begins on that line (after '## ', '- ', '| ')
    kaders: tuple[int, ...]  # indexes into Herkomst.kaders, outermost first
    paden: tuple[tuple[str, bool], ...]  # (YAML path, read directly) in reading order, no repeats
    niveau: int = 0  # a heading's level
    eind: int = 0  # its last line


@dataclass(frozen=True)
class Herkomst:
    """The provenance of one rendered document."""

    kaders: tuple[Kader, ...]
    eenheden: tuple[Eenheid, ...]


def _cut(lines: list[str]) -> list[list[int | str]]:
    """[kind, first line, last line, column, level] of every unit; the column is where its text begins."""
    units: list[list[int | str]] = []
    in_paragraph = in_table = False
    fence: str | None = None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if fence is not None:  # inside code: no units
            fence = None if stripped.startswith(fence) else fence
            continue
        if not stripped:
            in_paragraph = in_table = False
            continue
        opening = _FENCE.match(line)
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if in_paragraph and not (item and units[-1][0] == "item"):
            units[-1][2] = number  # a continuation line
        elif opening:
            fence = None if opening.group(1) == ":::" else opening.group(1)
        elif heading:
            units.append(["kop", number, number, heading.end(), len(heading.group(1))])
        elif stripped.startswith("|") and (in_table or not in_paragraph):
            in_table = True
            if not _SEPARATOR.match(stripped):
                column = line.index("|") + 1
                units.append(["rij", number, number, column + (line[column:column + 1] == " "), 0])
        elif item:
            units.append(["item", number, number, item.end(), 0])
            in_paragraph = True
        elif not (stripped.startswith("![") or line.startswith("    ")):  # a figure is its own paragraph; code
            units.append(["alinea", number, number, len(line) - len(line.lstrip()), 0])
            in_paragraph = True
    return units


def units_of(markdown: str, positions: list[tuple[int, int]], events: list[tuple[str, object]]) -> Herkomst:
    """The units of ``markdown`` with their frames and paths, from the markers ``take_markers`` found (in order)."""
    lines = markdown.split("\n")
    starts = [0]  # non-whitespace characters before each line
    for line in lines:
        starts.append(starts[-1] + sum(1 for c in line if not c.isspace()))
    cut = _cut(lines)
    unit_starts = [starts[int(unit[1])] for unit in cut]
    unit_ends = [starts[int(unit[2]) + 1] for unit in cut]
    kaders: list[Kader] = []
    stack: list[int] = []
    stacks: list[tuple[int, ...]] = []
    reads: list[list[tuple[str, bool]]] = [[] for _ in cut]
    at = 0
    for index, start in enumerate(unit_starts + [starts[-1] + 1]):  # the last round takes every event left
        while at < len(positions) and positions[at][0] <= start:
            position, event = positions[at]
            kind, payload = events[event]
            if kind == ENTER:
                stack.append(len(kaders))
                kaders.append(payload)  # type: ignore[arg-type]
            elif kind == EXIT and stack:
                stack.pop()
            elif kind == READS and cut:
                reads[_owner(unit_starts, unit_ends, position)].extend(payload)  # type: ignore[arg-type]
            at += 1
        if index < len(cut):
            stacks.append(tuple(stack))
    used = sorted({frame for stack in stacks for frame in stack})  # frames that wrote no unit are left out
    number = {old: new for new, old in enumerate(used)}
    units = tuple(
        Eenheid(str(kind), int(first), int(column), tuple(number[f] for f in stacks[i]), tuple(dict.fromkeys(reads[i])), int(level),
                int(last))
        for i, (kind, first, last, column, level) in enumerate(cut)
    )
    return Herkomst(tuple(kaders[old] for old in used), units)


def _owner(unit_starts: list[int], unit_ends: list[int], position: int) -> int:
    """The unit that holds the character at ``position``, else the next one, else the last."""
    index = bisect.bisect_right(unit_starts, position) - 1
    if index >= 0 and position < unit_ends[index]:
        return index
    return min(index + 1, len(unit_starts) - 1)


def gemarkeerd(markdown: str, herkomst: Herkomst) -> str:
    """The Markdown with an empty span ``[]{#dossier-e<n>}`` where the text of unit ``n`` begins."""
    lines = markdown.split("\n")
    for number, unit in sorted(enumerate(herkomst.eenheden), key=lambda item: (item[1].regel, -item[1].kolom), reverse=True):
        line = lines[unit.regel]
        lines[unit.regel] = f"{line[:unit.kolom]}[]{{#{SPAN_PREFIX}{number}}}{line[unit.kolom:]}"
    return "\n".join(lines)


__all__ = ["SPAN_PREFIX", "Eenheid", "Herkomst", "gemarkeerd", "units_of"]
