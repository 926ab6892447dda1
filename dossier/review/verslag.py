"""The reports of ``review`` and ``herkomst``, as text for a person and as JSON for a tool.

Findings are grouped per clause, in document order, under the section number a reader sees (the
house numbering of headings 1 to 3, counted over the build's headings) and the template block that
wrote the clause. Dates are written the Dutch way; every advice is one line, a template text to
paste follows it, indented, so it can be copied as it stands.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Protocol

from .. import nl
from ..diagnostics import Diagnostic, as_json
from .terug import Bevinding

NUMBERED = 3  # heading levels with a number (as the house style numbers them)


def sections(units: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Per unit: the number and title of the section it stands in (``("3.2", "Planning")``)."""
    counters = [0] * NUMBERED
    current = ("", "")
    found = []
    for unit in units:
        level = unit.get("niveau") or 0
        if unit.get("soort") == "kop" and 1 <= level <= NUMBERED:
            counters[level - 1] += 1
            counters[level:] = [0] * (NUMBERED - level)
            current = (".".join(str(c) for c in counters[:level]), unit.get("tekst", ""))
        elif unit.get("soort") == "kop":
            current = (current[0], unit.get("tekst", ""))
        found.append(current)
    return found


def section_range(units: list[dict[str, Any]], number: str) -> list[int]:
    """The units of section ``number``: its heading up to the next heading of the same or a higher level."""
    numbers = sections(units)
    number = number.rstrip(".")
    start = next((i for i, unit in enumerate(units) if unit.get("soort") == "kop" and numbers[i][0] == number), None)
    if start is None:
        return []
    level = units[start].get("niveau") or 1
    end = next((i for i in range(start + 1, len(units))
                if units[i].get("soort") == "kop" and 1 <= (units[i].get("niveau") or 9) <= level), len(units))
    return list(range(start, end))


def dutch_date(stamp: str) -> str:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", stamp or "")
    if not match:
        return stamp or ""
    try:
        return nl.datum(dt.date(*(int(g) for g in match.groups())))
    except ValueError:
        return stamp


def frame_line(frame_id: str | None, blocks: dict[str, Any]) -> str:
    frame = blocks.get(frame_id or "")
    if frame is None:
        return "buiten de sjabloonblokken (titelblad, inhoudsopgave)"
    kind = {"blok": f"blok `{frame['naam']}`", "macro": f"macro `{frame['naam']}`"}.get(frame["soort"], f"sjabloon `{frame['sjabloon']}`")
    overridden = "" if frame["set"] == "basis" else " (overschrijft de basisset)"
    return f"{kind} uit set `{frame['set']}`, {frame['sjabloon']}:{frame['regel']}{overridden}"


@dataclass
class Reviewverslag:
    """The outcome of ``dossier review``."""

    bestand: str
    document: str
    titel: str
    bouw: str
    units: list[dict[str, Any]]
    blocks: dict[str, Any]
    bevindingen: list[Bevinding]
    meldingen: list[Diagnostic] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        kinds = [f.soort for f in self.bevindingen]
        return {
            "opmerkingen": sum(k in ("opmerking", "antwoord") for k in kinds),
            "bijgehouden": sum(not k.startswith(("opmerking", "antwoord", "rechtstreeks")) for k in kinds),
            "rechtstreeks": sum(k.startswith("rechtstreeks") for k in kinds),
        }

    def to_json(self) -> dict[str, Any]:
        numbers = sections(self.units)
        items = []
        for f in self.bevindingen:
            number, title = numbers[f.eenheid] if f.eenheid is not None else ("", "")
            item = {"soort": f.soort, "paragraaf": number, "kop": title, "blok": f.blok,
                    "herkomst": self.blocks.get(f.blok or ""), "eenheid": f.eenheid, "auteur": f.auteur, "datum": f.datum,
                    "tekst": f.tekst, "oud": f.oud, "nieuw": f.nieuw, "verankerd": f.verankerd, "antwoord_op": f.antwoord_op,
                    "paden": (self.units[f.eenheid].get("paden", []) if f.eenheid is not None else []),
                    "advies": f.advies.to_json() if f.advies else None}
            items.append(item)
        return {"bestand": self.bestand, "document": self.document, "titel": self.titel, "bouw": self.bouw,
                "aantallen": self.counts(), "bevindingen": items}

    def to_text(self) -> str:
        counts = self.counts()
        lines = [f"Review van {self.bestand}: {self.titel} (bouw {self.bouw})",
                 f"{counts['opmerkingen']} opmerkingen, {counts['bijgehouden']} bijgehouden wijzigingen, "
                 f"{counts['rechtstreeks']} wijzigingen zonder bijhouden."]
        numbers = sections(self.units)
        previous: tuple[int | None, str | None] | None = None
        for f in self.bevindingen:
            if (f.eenheid, f.blok) != previous:
                previous = (f.eenheid, f.blok)
                number, title = numbers[f.eenheid] if f.eenheid is not None else ("", "")
                heading = f"§ {number} {title}".strip() if number or title else "Zonder paragraaf"
                lines += ["", f"{heading} — {frame_line(f.blok, self.blocks)}"]
            lines += _finding(f)
        if not self.bevindingen:
            lines.append("Geen opmerkingen en geen wijzigingen gevonden.")
        return "\n".join(lines)


def _quote(text: str, limit: int = 200) -> str:
    text = text if len(text) <= limit else text[:limit - 1] + "…"
    return f"'{text}'"


def _finding(f: Bevinding) -> list[str]:
    who = f" door {f.auteur}" if f.auteur else ""
    when = f", {dutch_date(f.datum)}" if f.datum else ""
    if f.soort in ("opmerking", "antwoord"):
        head = f"  {f.soort} van {f.auteur or 'onbekend'}{when}"
        head += f", bij {_quote(f.verankerd, 120)}" if f.verankerd else ""
        head += f", op '{f.antwoord_op}'" if f.antwoord_op else ""
        lines = [head + ":"] + [f"    {line}" for line in f.tekst.splitlines() or [""]]
    elif f.soort == "vervangen" or (f.oud and f.nieuw):
        lines = [f"  {f.soort}{who}{when}: {_quote(f.oud)} → {_quote(f.nieuw)}"]
    else:
        lines = [f"  {f.soort}{who}{when}" + (f": {_quote(f.oud or f.nieuw)}" if f.oud or f.nieuw else "")]
    if f.advies is not None:
        lines.append(f"    → {f.advies.tekst}")
        if f.advies.plakklaar:
            lines.append(f"      plak in sjablonen/{f.advies.sjabloon}:")
            lines += [f"        {line}" for line in f.advies.plakklaar.splitlines()]
    return lines


class Antwoord(Protocol):
    """What ``review`` and ``herkomst`` answer: a report as text and as JSON."""

    def to_text(self) -> str: ...

    def to_json(self) -> dict[str, Any]: ...


def show(formaat: str, key: str, meldingen: list[Diagnostic], answer: Antwoord | None = None) -> None:
    """Print a command's answer: as JSON ``{"meldingen": [...], key: answer or null}``, or as text
    (the coded findings on stderr, the answer on stdout). ``answer`` is None when the command failed."""
    if formaat == "json":
        body = {"meldingen": json.loads(as_json(meldingen)), key: answer.to_json() if answer is not None else None}
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return
    for d in meldingen:
        print(d.to_text(), file=sys.stderr)
    if answer is not None:
        print(answer.to_text())


__all__ = ["NUMBERED", "Antwoord", "Reviewverslag", "show", "dutch_date", "frame_line", "section_range", "sections"]
