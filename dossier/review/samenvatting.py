"""The summary of a comparison, first thing a reviewer reads: changed fields, then changed documents.

Per document: whether it changed, how many passages, and in which sections (numbered as in the
build, so "2.4 Percelen" points at the same place in the Word file). The text form and the JSON form
carry the same facts; the JSON is also written next to the redlines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .ast_diff import Comparison
from .marks import plain_text
from .redline import Documentvergelijking, Versie, heading
from .velden import Veldwijziging, short


@dataclass(frozen=True)
class Sectie:
    """A section with changes: its number in the new version ("2.4"), its title, and how many passages."""

    nummer: str
    titel: str
    wijzigingen: int


@dataclass
class Samenvatting:
    oud: Versie
    nieuw: Versie
    velden: list[Veldwijziging]
    documenten: list[Documentvergelijking]
    bestanden: dict[str, list[str]] = field(default_factory=dict)  # file names written per document name
    uitvoer: str | None = None  # the folder they were written to, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "kop": heading(self.oud, self.nieuw),
            "kenmerk": self.nieuw.meta.kenmerk,
            "oud": _side(self.oud),
            "nieuw": _side(self.nieuw),
            "velden": [v.to_json() for v in self.velden],
            "documenten": [
                {"naam": d.naam, "titel": d.titel, "status": d.status, "wijzigingen": _count(d.comparison),
                 "secties": [s.__dict__ for s in sections(d.comparison)], "bestanden": self.bestanden.get(d.naam, []),
                 "titelblad": [{"veld": f, "oud": a, "nieuw": b} for f, a, b in d.titelblad]}
                for d in self.documenten
            ],
            **({"uitvoer": self.uitvoer} if self.uitvoer else {}),
        }

    def to_text(self) -> str:
        lines = [f"{heading(self.oud, self.nieuw)} ({self.nieuw.meta.kenmerk}, {self.nieuw.meta.dossier_titel})",
                 f"  oud:   {self.oud.bron} (versie {self.oud.meta.versie}, {self.oud.datum})",
                 f"  nieuw: {self.nieuw.bron} (versie {self.nieuw.meta.versie}, {self.nieuw.datum})", ""]
        if self.velden:
            lines.append(f"Gewijzigde gegevens ({len(self.velden)}):")
            lines += [f"  {_field_line(v, self.oud.bron, self.nieuw.bron)}" for v in self.velden]
        else:
            lines.append("Gewijzigde gegevens: geen.")
        changed = [d for d in self.documenten if d.status != "ongewijzigd"]
        lines += ["", f"Gewijzigde documenten ({len(changed)} van {len(self.documenten)}):" if changed else "Gewijzigde documenten: geen."]
        for d in changed:
            count = _count(d.comparison)
            what = {"nieuw": "nieuw document", "vervallen": "vervallen document"}.get(d.status, f"{count} {'passage' if count == 1 else 'passages'}")
            if d.status == "titelblad":
                what = "alleen het titelblad (geen wijzigingsdocument)"
            lines.append(f"  {d.naam}: {what}")
            for label, before, after in d.titelblad:
                lines.append(f"    titelblad, {label}: {before or '(leeg)'} → {after or '(leeg)'}")
            for s in sections(d.comparison):
                lines.append(f"    {s.nummer} {s.titel}".rstrip() + f" ({s.wijzigingen})")
            for name in self.bestanden.get(d.naam, []):
                lines.append(f"    -> {name}")
        same = [d.naam for d in self.documenten if d.status == "ongewijzigd"]
        if same:
            lines += ["", f"Ongewijzigd (niet geschreven): {', '.join(same)}"]
        return "\n".join(lines)


def _side(versie: Versie) -> dict[str, Any]:
    return {"bron": versie.bron, "versie": versie.meta.versie, "datum": versie.meta.moment.date().isoformat()}


def _field_line(v: Veldwijziging, old_file: str, new_file: str) -> str:
    where_old = f"{old_file}:{v.regel_oud}" if v.regel_oud else ""
    where_new = f"{new_file}:{v.regel_nieuw}" if v.regel_nieuw else ""
    if v.soort == "toegevoegd":
        return f"{v.pad}: toegevoegd {short(v.nieuw)} ({where_new})"
    if v.soort == "verwijderd":
        return f"{v.pad}: verwijderd {short(v.oud)} ({where_old})"
    return f"{v.pad}: {short(v.oud)} → {short(v.nieuw)} ({where_old}, {where_new})"


def _count(comparison: Comparison | None) -> int:
    """Changed passages: moved blocks count once, at their new place."""
    if comparison is None:
        return 0
    return sum(s.soort not in ("gelijk", "verplaatst-van") for s in comparison.steps)


def sections(comparison: Comparison | None) -> list[Sectie]:
    """The sections with changes, numbered as the new version numbers its headings."""
    if comparison is None:
        return []
    counters: list[int] = []
    current = ("", "")
    found: dict[tuple[str, str], int] = {}
    for step in comparison.steps:
        header = step.new if step.new is not None and step.new.get("t") == "Header" and step.soort != "verplaatst-van" else None
        if header is not None:
            level = header["c"][0]
            counters = (counters + [0] * level)[:level]
            counters[level - 1] += 1
            current = (".".join(str(n) for n in counters), plain_text(header["c"][2]))
        elif step.old is not None and step.old.get("t") == "Header" and step.soort in ("verwijderd", "verplaatst-van"):
            found[("", f"{plain_text(step.old['c'][2])} (vervallen kop)")] = 1
            continue
        if step.soort not in ("gelijk", "verplaatst-van"):
            found[current] = found.get(current, 0) + 1
    return [Sectie(n, t, c) for (n, t), c in found.items()]


def as_json(summary: Samenvatting) -> str:
    return json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["Samenvatting", "Sectie", "as_json", "sections"]
