"""Where a clause comes from: a section number or a piece of text -> template block, set and YAML fields.

The question is asked of a Word file (the build's own, or one a lawyer returned) and answered from
the build's manifest: a section number is counted over the build's headings as the house style
numbers them; a piece of text is looked up in the Word file (its text with the tracked changes
accepted, and as sent), ignoring case and whitespace, and the paragraph found is matched to its unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .alineas import Alinea, normal
from .verslag import frame_line, section_range, sections

SECTION = re.compile(r"\d+(\.\d+)*\.?")


@dataclass
class Herkomstantwoord:
    """The units that answer the question, with their blocks and the YAML lines of their fields."""

    vraag: str
    document: str
    units: list[dict[str, Any]]
    blocks: dict[str, Any]
    lines: dict[str, int]
    dossier: str
    gevonden: list[int]
    andere: int = 0  # further places where the text occurs

    def _frames(self) -> list[tuple[str, list[str], list[str]]]:
        """(frame id, direct paths, derived) per frame of the answer, in order of first appearance."""
        order: dict[str, tuple[list[str], list[str]]] = {}
        for index in self.gevonden:
            unit = self.units[index]
            direct, derived = order.setdefault(unit.get("blok") or "", ([], []))
            direct += [p for p in unit.get("paden", []) if p not in direct]
            derived += [p for p in unit.get("afgeleid", []) if p not in derived]
        return [(frame, direct, derived) for frame, (direct, derived) in order.items()]

    def _chain(self, frame_id: str) -> list[str]:
        chain, seen = [], set()
        parent = (self.blocks.get(frame_id) or {}).get("binnen")
        while parent and parent not in seen:
            seen.add(parent)
            chain.append(frame_line(parent, self.blocks))
            parent = (self.blocks.get(parent) or {}).get("binnen")
        return chain

    def to_json(self) -> dict[str, Any]:
        numbers = sections(self.units)
        first = self.gevonden[0]
        return {
            "vraag": self.vraag, "document": self.document, "paragraaf": numbers[first][0], "kop": numbers[first][1],
            "eenheden": [{"eenheid": i, "soort": self.units[i].get("soort"), "tekst": self.units[i].get("tekst")} for i in self.gevonden],
            "blokken": [{"id": frame, **(self.blocks.get(frame) or {}), "binnen_keten": self._chain(frame),
                         "gegevens": [{"pad": p, "bestand": self.dossier, "regel": self.lines.get(p)} for p in direct],
                         "afgeleid": derived} for frame, direct, derived in self._frames()],
            "ook_elders": self.andere,
        }

    def to_text(self) -> str:
        numbers = sections(self.units)
        first = self.gevonden[0]
        number, title = numbers[first]
        lines = [f"{self.document}, § {number} {title}".rstrip()]
        if not SECTION.fullmatch(self.vraag):
            lines.append(f"  tekst: {self.units[first].get('tekst', '')[:200]}")
            if self.andere:
                lines.append(f"  (de tekst staat nog {self.andere} keer elders; dit is de eerste plek)")
        for frame, direct, derived in self._frames():
            lines.append(f"  uit {frame_line(frame, self.blocks)}")
            lines += [f"    binnen {link}" for link in self._chain(frame)]
            if direct:
                lines.append(f"    gegevens uit {self.dossier}:")
                lines += [f"      {p} (regel {self.lines[p]})" if p in self.lines else f"      {p}" for p in direct]
            pseudo = [p for p in derived if p.startswith("afgeleid.")]
            if pseudo:
                sources = [p for p in derived if not p.startswith("afgeleid.")]
                shown = [f"{p} (regel {self.lines[p]})" if p in self.lines else p for p in sources]
                lines.append(f"    berekend door dossier: {', '.join(pseudo)}" + (f", uit {', '.join(shown)}" if shown else ""))
            if not direct and not pseudo:
                lines.append("    vaste tekst: leest geen gegevens uit het dossier")
        return "\n".join(lines)


def find_units(question: str, units: list[dict[str, Any]], returned: list[Alinea], placed: dict[int, int]) -> tuple[list[int], int]:
    """The units that answer ``question`` and how many further places the text has (0 for a section)."""
    if SECTION.fullmatch(question.strip()):
        return section_range(units, question.strip()), 0
    wanted = normal(question).casefold()
    if not wanted:
        return [], 0
    hits = [placed[i] for i, r in enumerate(returned) if i in placed and (wanted in r.nieuw.casefold() or wanted in r.oud.casefold())]
    if not hits:
        hits = [i for i, unit in enumerate(units) if wanted in normal(unit.get("tekst", "")).casefold()]
    hits = list(dict.fromkeys(hits))
    return hits[:1], max(0, len(hits) - 1)


__all__ = ["Herkomstantwoord", "find_units"]
