"""Checker warnings (and with ``--met-uitleg`` its decisions) as notes in a concept: where, and how they read.

A note belongs at the unit (heading, paragraph, item, table row) that was rendered from the YAML
path it is about. Every unit knows the paths it read (``documenten.eenheden``); the best unit is the
first that read the note's path itself or a field inside it; a decision also looks for its value as
printed (an end date, an amount). Such a note goes into every document where it fits that well;
otherwise it goes to the one unit that read the nearest enclosing field, and one that fits nowhere
to the start of the first document, so no warning is ever left out of the concept.

In Word a note is a comment (pandoc's ``comment-start``/``comment-end`` spans, author ``dossier``,
the document's own date: the same input gives the same file). In the PDF it is a numbered note at
the foot of the page, its number after the text (or, for a heading, in the margin beside it, so the
table of contents stays clean).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..diagnostics import Diagnostic
from ..documenten.render import Document
from .ast_herkomst import FRAME_CLASS, NOTE_CLASS
from .beslissingen import Beslissing
from .marks import Node

AUTHORS = {"controle": ("dossier (controle)", "DC"), "uitleg": ("dossier (uitleg)", "DU")}
_NOTE_STYLE = 'numbering: "[1]"'
_COLOUR = 'rgb("#9b1c1c")'


@dataclass(frozen=True)
class Noot:
    """One note: the message, what it is about (paths, best first; printed values) and who wrote it."""

    melding: Diagnostic
    paden: tuple[str, ...]
    waarden: tuple[str, ...] = ()
    soort: str = "controle"  # controle (a warning) or uitleg (a decision)

    def lines(self) -> list[str]:
        m = self.melding
        lines = [f"{m.code} {m.severity}: {m.message}"]
        if m.hint:
            lines.append(f"Hint: {m.hint}")
        if m.grondslag:
            lines.append(f"Grondslag: {m.grondslag}")
        where = Path(m.location.file).name + (f":{m.location.line}" if m.location.line else "")  # never a local folder
        lines.append(where + (f" ({m.location.path})" if m.location.path else ""))
        return lines


def notes_for(warnings: Iterable[Diagnostic], decisions: Iterable[Beslissing] = ()) -> list[Noot]:
    notes = [Noot(w, (w.location.path,) if w.location.path else ()) for w in warnings if not w.is_error]
    notes += [Noot(b.melding, b.paden, b.waarden, "uitleg") for b in decisions]
    return notes


def _covers(outer: str, inner: str) -> bool:
    return inner == outer or inner.startswith(outer + ".") or inner.startswith(outer + "[")


def _score(note: Noot, paths: tuple[tuple[str, bool], ...], text: str) -> tuple | None:
    """How well a unit fits a note; None: not at all. Higher is better."""
    best: tuple | None = None
    for rank, target in enumerate(note.paden):
        for path, direct in paths:
            if _covers(target, path):  # the unit read the note's field, or a field inside it
                key = (2, -rank, 0, direct)
            elif target and _covers(path, target):  # the unit read a field around it: the nearer the better
                key = (1, -rank, len(path), direct)
            else:
                continue
            best = key if best is None or key > best else best
    printed = any(value and value in text for value in note.waarden)
    if best is None and not printed:
        return None
    category = best[0] if best else 0
    return (printed and category > 0, printed, category, *(best[1:] if best else (0, 0, False)))


def _strong(key: tuple) -> bool:
    """The unit printed the note's value, or read its field (or one inside it) itself, not through a derived fact."""
    return bool(key[1]) or (key[2] == 2 and bool(key[5]))


def unit_texts(document: Document) -> list[str]:
    """The text of each unit as the Markdown shows it, escapes removed: enough to find a printed value."""
    if document.herkomst is None:
        return []
    lines = document.markdown.split("\n")
    return [re.sub(r"\\(.)", r"\1", " ".join([lines[unit.regel][unit.kolom:], *lines[unit.regel + 1:unit.eind + 1]]))
            for unit in document.herkomst.eenheden]


def place_notes(notes: list[Noot], documents: list[Document]) -> dict[str, list[tuple[int, int]]]:
    """Per document: (unit, note) pairs, in note order."""
    placed: dict[str, list[tuple[int, int]]] = {d.naam: [] for d in documents}
    with_units = [d for d in documents if d.herkomst is not None and d.herkomst.eenheden]
    texts = {d.naam: unit_texts(d) for d in with_units}
    for number, note in enumerate(notes):
        best: dict[str, tuple[tuple, int]] = {}
        for document in with_units:
            scored = [(s, -i) for i, unit in enumerate(document.herkomst.eenheden)  # type: ignore[union-attr]
                      if (s := _score(note, unit.paden, texts[document.naam][i])) is not None]
            if scored:
                key, unit = max(scored)
                best[document.naam] = (key, -unit)
        strong = [name for name, (key, _) in best.items() if _strong(key)]
        if strong:  # every document where the note fits well
            for name in strong:
                placed[name].append((best[name][1], number))
        elif best:  # else only the best of the weak fits: the nearest enclosing field
            name = max(best, key=lambda n: best[n][0])
            placed[name].append((best[name][1], number))
        elif with_units:  # else the start of the first document: a note is never left out
            placed[with_units[0].naam].append((0, number))
    return placed


def _inlines(lines: list[str]) -> list[Node]:
    """Plain text as inlines: words, spaces and line breaks; never read as Markdown."""
    out: list[Node] = []
    for number, line in enumerate(lines):
        if number:
            out.append({"t": "LineBreak"})
        for index, word in enumerate(line.split()):
            if index:
                out.append({"t": "Space"})
            out.append({"t": "Str", "c": word})
    return out


def _note_of(node: Any) -> tuple[int, str] | None:
    if isinstance(node, dict) and node.get("t") == "Span" and NOTE_CLASS in node["c"][0][1]:
        attributes = dict(node["c"][0][2])
        return int(attributes["noot"]), attributes["deel"]
    return None


def _map_inlines(node: Any, replace) -> Any:
    """``node`` with every placeholder replaced by ``replace(note, part)`` (a list of inlines)."""
    if isinstance(node, list):
        out: list[Any] = []
        for item in node:
            found = _note_of(item)
            out.extend(replace(*found) if found else [_map_inlines(item, replace)])
        return out
    if isinstance(node, dict) and isinstance(node.get("c"), list):
        return {**node, "c": _map_inlines(node["c"], replace)}
    return node


def for_word(ast: dict[str, Any], notes: list[Noot], date: str) -> dict[str, Any]:
    """Placeholders -> Word comments (ids by order of appearance); frame Divs stay: they are the bookmarks."""
    ids: dict[int, int] = {}

    def replace(note: int, part: str) -> list[Node]:
        if part == "begin":
            ids[note] = len(ids)
            author, initials = AUTHORS[notes[note].soort]
            attributes = [["id", str(ids[note])], ["author", author], ["date", date], ["initials", initials]]
            return [{"t": "Span", "c": [["", ["comment-start"], attributes], _inlines(notes[note].lines())]}]
        return [{"t": "Span", "c": [["", ["comment-end"], [["id", str(ids[note])]]], []]}]

    return {**ast, "blocks": _map_inlines(ast["blocks"], replace)}


def _footnote(note: Noot, margin: bool) -> list[Node]:
    opening = f"#place(dx: -2.4em, footnote({_NOTE_STYLE}, text(fill: {_COLOUR})[" if margin else \
        f"#footnote({_NOTE_STYLE}, text(fill: {_COLOUR})["
    return [{"t": "RawInline", "c": ["typst", opening]}, *_inlines(note.lines()),
            {"t": "RawInline", "c": ["typst", "]))" if margin else "])"]}]


def for_typst(ast: dict[str, Any], notes: list[Noot]) -> dict[str, Any]:
    """Frame Divs unwrapped (the PDF is the build's); placeholders -> numbered notes."""
    return {**ast, "blocks": _typst_blocks(ast["blocks"], notes)}


def _typst_blocks(blocks: list[Node], notes: list[Noot]) -> list[Node]:
    out: list[Node] = []
    for block in blocks:
        if block.get("t") == "Div" and FRAME_CLASS in block["c"][0][1]:
            out.extend(_typst_blocks(block["c"][1], notes))
        elif block.get("t") == "Header":
            margin: list[int] = []

            def collect(note: int, part: str) -> list[Node]:
                if part == "einde":
                    margin.append(note)
                return []

            out.append(_map_inlines(block, collect))
            out += [{"t": "Plain", "c": _footnote(notes[note], margin=True)} for note in margin]
        else:
            out.append(_map_inlines(block, lambda note, part: _footnote(notes[note], margin=False) if part == "einde" else []))
    return out


__all__ = ["AUTHORS", "Noot", "for_typst", "for_word", "notes_for", "place_notes", "unit_texts"]
