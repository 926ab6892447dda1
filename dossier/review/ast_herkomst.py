"""The units of a document in pandoc's AST: found by their marker spans, grouped into frames, given notes.

``documenten.eenheden.gemarkeerd`` puts an empty span ``[]{#dossier-e<n>}`` where the text of unit
``n`` begins. Here the spans are found and removed again (so the AST is the build's own), and:

- every top-level block is wrapped in nested Divs, one per frame (template block or file) it came
  from, with the frame's id: pandoc's Word writer makes each Div id a bookmark, so a Word file knows
  which template block wrote which text (``b_klachten``; ``t_...`` for a template file);
- a note (a checker warning, a decision) can be anchored on a unit: an empty placeholder span at the
  start and one at the end of the unit's text (for a row: its first and last cell). Placeholders
  have no text, so the table widths measured later are the build's; the Word and PDF passes turn
  them into a comment or a numbered note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from ..documenten.eenheden import SPAN_PREFIX, Herkomst
from ..documenten.herkomst import Kader
from .marks import Node, plain_text

NOTE_CLASS = "dossier-noot"
FRAME_CLASS = "dossier-kader"
_ID = re.compile(rf"^{SPAN_PREFIX}(\d+)$")
_INLINE_BLOCKS = ("Para", "Plain", "Header")


@dataclass
class Plek:
    """Where a unit is in the AST: its top-level block, the inlines of its text, and its table row."""

    top: int
    inlines: list[Node]
    row: list[Any] | None = None

    @property
    def tekst(self) -> str:
        if self.row is not None:
            return plain_text([block for cell in self.row[1] for block in cell[4]])
        return plain_text(self.inlines)


def frame_ids(kaders: tuple[Kader, ...]) -> list[str]:
    """A bookmark name per frame: ``b_<block>``, ``m_<macro>`` or ``t_<template>``, at most 40 characters, unique."""
    seen: set[str] = set()
    names = []
    for kader in kaders:
        stem = kader.naam.rsplit("/", 1)[-1].removesuffix(".j2").removesuffix(".md")
        base = {"blok": "b_", "macro": "m_"}.get(kader.soort, "t_") + re.sub(r"[^A-Za-z0-9_]", "_", stem)[:34]
        name, number = base, 1
        while name in seen:
            number += 1
            name = f"{base}_{number}"
        seen.add(name)
        names.append(name)
    return names


def take_units(blocks: list[Node]) -> dict[int, Plek]:
    """Remove every unit marker from ``blocks`` (in place); returns where each unit is."""
    found: dict[int, Plek] = {}
    for top, block in enumerate(blocks):
        _walk(block, top, None, found)
    return found


def _walk(node: Any, top: int, row: list[Any] | None, found: dict[int, Plek]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, top, row, found)
        return
    if not isinstance(node, dict):
        return
    kind, content = node.get("t"), node.get("c")
    if kind in _INLINE_BLOCKS:
        inlines = content[2] if kind == "Header" else content
        for index in range(len(inlines) - 1, -1, -1):
            number = _marker(inlines[index])
            if number is not None:
                del inlines[index]
                found[number] = Plek(top, inlines, row)
        _walk(inlines, top, row, found)
    elif kind == "Table":
        _, caption, _, head, bodies, foot = content
        _walk(caption[1], top, row, found)
        for table_row in [*head[1], *(r for body in bodies for r in body[2] + body[3]), *foot[1]]:
            for cell in table_row[1]:
                _walk(cell[4], top, table_row, found)
                cell[4][:] = [b for b in cell[4] if not (b.get("t") == "Plain" and not b["c"])]  # a marker alone
    elif isinstance(content, list):
        _walk(content, top, row, found)


def _marker(node: Any) -> int | None:
    if isinstance(node, dict) and node.get("t") == "Span" and not node["c"][1]:
        match = _ID.match(node["c"][0][0])
        if match:
            return int(match.group(1))
    return None


def wrap_frames(blocks: list[Node], herkomst: Herkomst, places: dict[int, Plek], ids: list[str]) -> list[Node]:
    """``blocks`` nested in one Div per frame (bookmark), by the frames of the first unit in each block."""
    chains: list[tuple[int, ...] | None] = [None] * len(blocks)
    for number, place in sorted(places.items(), key=lambda item: item[0], reverse=True):
        chains[place.top] = herkomst.eenheden[number].kaders
    previous: tuple[int, ...] = next((c for c in chains if c is not None), ())
    for index, chain in enumerate(chains):  # a block without units (a figure) belongs with the block before it
        previous = chain if chain is not None else previous
        chains[index] = previous
    used: set[int] = set()
    return _nest(blocks, chains, 0, ids, used)  # type: ignore[arg-type]


def _nest(blocks: list[Node], chains: list[tuple[int, ...]], depth: int, ids: list[str], used: set[int]) -> list[Node]:
    out: list[Node] = []
    index = 0
    while index < len(blocks):
        chain = chains[index]
        if len(chain) <= depth:
            out.append(blocks[index])
            index += 1
            continue
        frame = chain[depth]
        end = index
        while end < len(blocks) and len(chains[end]) > depth and chains[end][depth] == frame:
            end += 1
        inner = _nest(blocks[index:end], chains[index:end], depth + 1, ids, used)
        if frame in used:  # a frame interrupted by another: one bookmark only, at its first part
            out.extend(inner)
        else:
            used.add(frame)
            out.append({"t": "Div", "c": [[ids[frame], [FRAME_CLASS], []], inner]})
        index = end
    return out


def placeholder(note: int, part: str) -> Node:
    return {"t": "Span", "c": [["", [NOTE_CLASS], [["noot", str(note)], ["deel", part]]], []]}


def anchor_note(place: Plek, note: int) -> None:
    """Placeholders at the start and end of the unit's text (a row: from its first cell to its last)."""
    if place.row is None:
        place.inlines.insert(0, placeholder(note, "begin"))
        place.inlines.append(placeholder(note, "einde"))
        return
    cells = place.row[1]
    _cell_inlines(cells[0], first=True).insert(0, placeholder(note, "begin"))
    _cell_inlines(cells[-1], first=False).append(placeholder(note, "einde"))


def _cell_inlines(cell: list[Any], first: bool) -> list[Node]:
    blocks = cell[4]
    candidates = [b for b in blocks if b.get("t") in ("Para", "Plain")]
    if not candidates:
        blocks.append({"t": "Plain", "c": []})
        return blocks[-1]["c"]
    return (candidates[0] if first else candidates[-1])["c"]


def notes_in(node: Any) -> Iterator[tuple[int, str]]:
    """(note, part) of every placeholder, in document order."""
    if isinstance(node, list):
        for item in node:
            yield from notes_in(item)
    elif isinstance(node, dict):
        if node.get("t") == "Span" and NOTE_CLASS in node["c"][0][1]:
            attributes = dict(node["c"][0][2])
            yield int(attributes["noot"]), attributes["deel"]
        elif isinstance(node.get("c"), list):
            yield from notes_in(node["c"])


__all__ = ["FRAME_CLASS", "NOTE_CLASS", "Plek", "anchor_note", "frame_ids", "notes_in", "placeholder", "take_units", "wrap_frames"]
