"""What ``bouw`` adds to its documents for review: block bookmarks, notes, and the provenance in the manifest.

One ``Annotatie`` per build, handed to ``produce`` as ``Hooks``, so Word and PDF keep the build's
path, house style and finishing:

- ``ast``: the Markdown with unit markers (``gemarkeerd``) through pandoc, the markers taken out
  again, every top-level block nested in Divs per template block or file (bookmarks in Word) and the
  notes anchored on their units;
- ``docx_ast`` / ``typst_ast``: the notes as Word comments / as numbered notes in the PDF, whose
  frame Divs are unwrapped (the PDF's text is the build's);
- ``docx``: the block bookmarks moved inside their paragraphs, the styles of comments added.

``manifest`` gives per document what ``herkomst`` and ``review`` read back: every block (set, file,
line, enclosing block, paths), every unit (its block, kind, text and paths), and the YAML line of
every path at the time of the build. A ``definitief`` build has bookmarks and provenance, no notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..afleiding import Afgeleid
from ..diagnostics import Diagnostic
from ..documenten.eenheden import Herkomst, gemarkeerd
from ..documenten.render import Document
from ..invoer.load import LoadedDocument
from ..invoer.model import Dossier
from ..uitvoer.formaten import Hooks, Meta, moment_of
from ..uitvoer.pandoc import markdown_to_ast
from . import opmerkingen
from .ast_herkomst import anchor_note, frame_ids, take_units, wrap_frames
from .beslissingen import beslissingen
from .opmerkingen import Noot, notes_for
from .wordherkomst import finish_review

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def split_path(path: str) -> tuple[str | int, ...]:
    """``looptijd.verlengingsopties[0]`` -> ``("looptijd", "verlengingsopties", 0)``."""
    return tuple(int(index) if index else key for key, index in _PART.findall(path))


def build_notes(status: str, met_uitleg: bool, findings: list[Diagnostic], dossier: Dossier, afgeleid: Afgeleid,
                source: LoadedDocument) -> list[Noot]:
    """The notes of a build: none when definitief; the warnings, and with ``met_uitleg`` the decisions."""
    if status != "concept":
        return []
    return notes_for(findings, beslissingen(dossier, afgeleid, source) if met_uitleg else ())


@dataclass
class Annotatie:
    """The review additions of one build (see the module docstring)."""

    documents: list[Document]
    meta: Meta
    notes: list[Noot] = field(default_factory=list)
    texts: dict[str, dict[int, str]] = field(default_factory=dict)  # per document: unit -> its text in the AST

    def __post_init__(self) -> None:
        self._placed = opmerkingen.place_notes(self.notes, self.documents) if self.notes else {}
        self._date = self.meta.moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def hooks(self) -> Hooks:
        return Hooks(ast=self._ast, docx_ast=lambda ast: opmerkingen.for_word(ast, self.notes, self._date),
                     typst_ast=lambda ast: opmerkingen.for_typst(ast, self.notes), docx=finish_review)

    def _ast(self, document: Document) -> dict[str, Any]:
        epoch = int(moment_of(document, self.meta).timestamp())
        herkomst = document.herkomst
        if herkomst is None:
            return markdown_to_ast(document.markdown, epoch, document.naam)
        ast = markdown_to_ast(gemarkeerd(document.markdown, herkomst), epoch, document.naam)
        places = take_units(ast["blocks"])
        self.texts[document.naam] = {number: place.tekst for number, place in places.items()}
        for unit, note in self._placed.get(document.naam, []):
            if unit in places:
                anchor_note(places[unit], note)
        ast["blocks"] = wrap_frames(ast["blocks"], herkomst, places, frame_ids(herkomst.kaders))
        return ast

    def manifest(self, source: LoadedDocument) -> dict[str, dict[str, Any]]:
        """Per document name: its blocks, units and the YAML lines of their paths (documents written to Word only)."""
        return {d.naam: _entry(d.herkomst, self.texts[d.naam], source)
                for d in self.documents if d.herkomst is not None and d.naam in self.texts}


def _entry(herkomst: Herkomst, texts: dict[int, str], source: LoadedDocument) -> dict[str, Any]:
    ids = frame_ids(herkomst.kaders)
    parents: dict[int, int | None] = {}
    own: dict[int, dict[str, None]] = {}
    units = []
    lines: dict[str, int] = {}
    for number, unit in enumerate(herkomst.eenheden):
        for depth, frame in enumerate(unit.kaders):
            parents.setdefault(frame, unit.kaders[depth - 1] if depth else None)
        direct = [path for path, is_direct in unit.paden if is_direct and not path.startswith("afgeleid")]
        derived = [path for path, is_direct in unit.paden if not is_direct or path.startswith("afgeleid")]
        for path in direct + derived:
            if path and not path.startswith("afgeleid") and path not in lines:
                located = source.locate(split_path(path))
                lines[path] = located.line or 1
        if unit.kaders:
            own.setdefault(unit.kaders[-1], {}).update(dict.fromkeys(direct + derived))
        units.append({"blok": ids[unit.kaders[-1]] if unit.kaders else None, "soort": unit.soort, "niveau": unit.niveau,
                      "tekst": texts.get(number, ""), "paden": direct, "afgeleid": derived})
    blocks = {}
    for index, kader in enumerate(herkomst.kaders):
        parent = parents.get(index)
        blocks[ids[index]] = {"soort": kader.soort, "naam": kader.naam, "set": kader.set, "sjabloon": kader.sjabloon,
                              "regel": kader.regel, "binnen": ids[parent] if parent is not None else None,
                              "paden": list(own.get(index, {}))}
    return {"blokken": blocks, "eenheden": units, "regels": dict(sorted(lines.items()))}


__all__ = ["Annotatie", "build_notes", "split_path"]
