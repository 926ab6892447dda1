"""Where a lawyer's change belongs: in the dossier (a value changed) or in the template set (fixed text changed).

A changed piece of text belongs to the dossier when it lies inside a value the unit printed from
the YAML: each path the unit read is looked up in the dossier and rendered the ways the templates
print it (``1 juli 2020``, ``€ 3.200.000``, ``drie``, the text itself); the advice names the field,
its line and the new value as the YAML writes it. A number or date the checker computed
(``afgeleid``) is changed where it is computed from. Anything else is fixed text of the template
block that wrote the unit: the advice says which set to put an override in, and gives the block
with the change applied, ready to paste.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .. import nl
from ..documenten.sjabloonsets import BASE_SET, Sjabloonset
from ..invoer.load import LoadedDocument
from ..invoer.model import Dossier, Duur
from .annotatie import split_path
from .sjabloonbron import Sjabloonbron

_MONTHS = {nl.datum(dt.date(2001, m, 1)).split()[1]: m for m in range(1, 13)}
_DATE = re.compile(r"^(\d{1,2}) (\w+) (\d{4})$")


@dataclass(frozen=True)
class Advies:
    """What to change, and where: ``waar`` is yaml, afgeleid, sjabloon or geen."""

    waar: str
    tekst: str
    pad: str | None = None
    regel: int | None = None
    oud: str | None = None
    nieuw: str | None = None
    sjabloon: str | None = None  # the template file to put the text in
    plakklaar: str | None = None  # the template text with the change, ready to paste

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def value_at(dossier: Dossier, path: str) -> Any:
    value: Any = dossier
    for part in split_path(path):
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = getattr(value, part, None) if isinstance(value, BaseModel) else None
        if value is None:
            return None
    return value


def renderings(value: Any) -> list[str]:
    """The ways a template prints ``value``, longest first."""
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, dt.date):
        found = [nl.datum(value), value.isoformat()]
    elif isinstance(value, (int, Decimal, float)):
        found = [nl.bedrag(value), nl.getal(value), str(value)]
        if isinstance(value, int) and nl.woord(value) != str(value):
            found.append(nl.woord(value))
    elif isinstance(value, str):
        found = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value)] + [" ".join(value.split())]
    elif isinstance(value, Duur):
        found = [nl.duur(value)]
    else:
        return []
    return sorted({f for f in found if f}, key=len, reverse=True)


def yaml_value(old: Any, new_text: str) -> str:
    """The new value as it goes into the YAML: a date as 2020-08-01, an amount as a number, else the text."""
    text = new_text.strip()
    if isinstance(old, dt.date):
        match = _DATE.match(text)
        if match and match.group(2) in _MONTHS:
            try:
                return dt.date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1))).isoformat()
            except ValueError:
                pass
    if isinstance(old, (int, Decimal, float)) and not isinstance(old, bool):
        digits = re.sub(r"[€\s.]", "", text).replace(",", ".")
        if re.fullmatch(r"-?\d+(\.\d+)?", digits):
            return digits
        words = {nl.woord(n): str(n) for n in range(0, 21)}
        if text in words:
            return words[text]
    return text


class Adviseur:
    """Advice for changes in the documents of one dossier."""

    def __init__(self, dossier: Dossier, source: LoadedDocument, sjabloonset: Sjabloonset | None, blocks: dict[str, Any],
                 lines: dict[str, int], eigen_set: str) -> None:
        self.dossier, self.source, self.blocks, self.lines = dossier, source, blocks, lines
        self.templates = Sjabloonbron(sjabloonset) if sjabloonset is not None else None
        self.eigen_set = eigen_set
        # a name for the municipality's own set, when it has none yet: from the contracting authority
        self.proposed_set = re.sub(r"[^a-z0-9]+", "-", dossier.aanbesteding.aanbestedende_dienst.naam.lower()).strip("-")[:60] or "eigen-set"

    def line(self, path: str) -> int | None:
        located = self.source.locate(split_path(path))
        return located.line or self.lines.get(path)

    def value_change(self, unit: dict[str, Any] | None, text: str, begin: int, end: int) -> tuple[str, int, int] | None:
        """The path whose printed value the span [begin, end) of ``text`` touches, and where the value stands."""
        best: tuple[int, str, int, int] | None = None
        for path in (unit or {}).get("paden", []):
            for shown in renderings(value_at(self.dossier, path)):
                for match in re.finditer(re.escape(shown), text):
                    inside = match.start() < end and begin < match.end() if end > begin else match.start() < begin < match.end()
                    if inside and (best is None or len(shown) > best[0]):
                        best = (len(shown), path, match.start(), match.end())
        return best[1:] if best else None

    def advise(self, unit: dict[str, Any] | None, block: str | None, text: str, begin: int, end: int, replacement: str) -> Advies:
        """Advice for replacing ``text[begin:end]`` (the unit's text as built) by ``replacement``."""
        found = self.value_change(unit, text, begin, end)
        if found is not None:
            path, start, stop = found
            new_text = text[:begin] + replacement + text[end:]
            old_shown = text[start:stop]
            new_shown = new_text[min(start, begin):max(stop, end) + len(replacement) - (end - begin)]
            old_value = value_at(self.dossier, path)
            line = self.line(path)
            where = f"{self.source.file}:{line}" if line else self.source.file
            if isinstance(old_value, str):  # a text: say which words change, the whole new text is in ``nieuw``
                words = f"'{text[begin:end]}' wordt '{replacement}'" if text[begin:end] and replacement else \
                    f"'{text[begin:end]}' vervalt" if text[begin:end] else f"'{replacement}' erbij"
                return Advies("yaml", f"wijzig de tekst van `{path}` in {where}: {words}", path, line, old_shown, new_shown)
            new_value = yaml_value(old_value, new_shown)
            return Advies("yaml", f"wijzig `{path}` in {where}: '{old_shown}' wordt '{new_shown}' (in het dossier: {new_value})",
                          path, line, old_shown, new_value)
        changed = text[begin:end]
        derived = [p for p in (unit or {}).get("afgeleid", []) if p.startswith("afgeleid.")]
        if derived and re.search(r"\d", changed + replacement):
            sources = [p for p in (unit or {}).get("afgeleid", []) if not p.startswith("afgeleid.")]
            shown = ", ".join(f"`{p}` ({self.source.file}:{self.line(p)})" for p in sources[:4]) or "de gegevens waaruit het volgt"
            return Advies("afgeleid", f"'{changed or replacement}' berekent dossier ({', '.join(derived)}); wijzig {shown}",
                          oud=changed, nieuw=replacement)
        return self.template_advice(block, text, begin, end, replacement)

    def template_advice(self, block: str | None, text: str, begin: int, end: int, replacement: str) -> Advies:
        frame = self.blocks.get(block or "")
        if frame is None:
            return Advies("geen", "niet te herleiden tot een sjabloonblok (titelblad of inhoudsopgave); pas de tekst zelf aan",
                          oud=text[begin:end], nieuw=replacement)
        own = self.eigen_set if self.eigen_set != BASE_SET else self.proposed_set
        origin = f"nu uit set `{frame['set']}`, {frame['sjabloon']}:{frame['regel']}"
        where = (f"in de set van de gemeente (`{own}`)" if self.eigen_set != BASE_SET else
                 f"in een eigen sjabloonset van de gemeente, bijvoorbeeld `{own}` (sjablonen/{own}/ met 'erft_van: basis' in "
                 f"sjabloonset.yaml, en 'sjabloonset: {own}' in het dossier)")
        host = self._enclosing_block(block) if frame["soort"] == "macro" else None
        if frame["soort"] == "blok":
            action = f"overschrijf blok `{frame['naam']}` {where}"
        elif host is not None:
            action = (f"overschrijf blok `{host['naam']}` {where}, met de tekst van macro `{frame['naam']}` "
                      f"({frame['sjabloon']}:{frame['regel']}) aangepast")
        else:
            action = f"zet een eigen `{frame['sjabloon']}` {where}: een kopie van die van set `{frame['set']}` met deze wijziging"
        paste = self.templates.changed(frame, text, begin, end, replacement, own, host) if self.templates else None
        target = host or frame
        if paste is None:
            action += "; de zin staat niet letterlijk in het sjabloon, pas hem met de hand aan"
        return Advies("sjabloon", f"vaste tekst: {action}; {origin}", oud=text[begin:end], nieuw=replacement,
                      sjabloon=f"{own}/{target['sjabloon']}", plakklaar=paste)

    def _enclosing_block(self, frame_id: str | None) -> dict[str, Any] | None:
        seen: set[str] = set()
        current = (self.blocks.get(frame_id or "") or {}).get("binnen")
        while current and current not in seen:
            seen.add(current)
            frame = self.blocks.get(current) or {}
            if frame.get("soort") == "blok":
                return frame
            current = frame.get("binnen")
        return None

    def about(self, unit: dict[str, Any] | None, block: str | None, text: str, begin: int, end: int) -> Advies:
        """What a comment is about: a value of the dossier, or fixed text of a block."""
        found = self.value_change(unit, text, begin, max(end, begin + 1))
        if found is not None:
            path = found[0]
            return Advies("yaml", f"betreft het gegeven `{path}` ({self.source.file}:{self.line(path)})", path, self.line(path))
        fields = (unit or {}).get("paden", [])
        if (unit or {}).get("soort") == "rij" and fields:  # a row shows one record of the dossier: name its fields
            line = self.line(fields[0])
            shown = ", ".join(f"`{p}`" for p in fields[:4])
            return Advies("yaml", f"betreft de tabelrij met {shown} ({self.source.file}:{line})", fields[0], line)
        frame = self.blocks.get(block or "")
        if frame is None:
            return Advies("geen", "betreft tekst buiten de sjabloonblokken")
        kind = {"blok": f"blok `{frame['naam']}`", "macro": f"macro `{frame['naam']}`"}.get(frame["soort"], f"sjabloon `{frame['sjabloon']}`")
        return Advies("sjabloon", f"betreft vaste tekst van {kind} (set `{frame['set']}`, {frame['sjabloon']}:{frame['regel']})")


__all__ = ["Advies", "Adviseur", "renderings", "value_at", "yaml_value"]
