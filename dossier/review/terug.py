"""A returned Word file against its build: every comment and change, at its clause, with advice.

Three texts meet here: the units of the build (``manifest.json``), the build's own Word file as the
lawyer received it, and the returned file. Both Word files are read the same way (``alineas``), so
they compare paragraph for paragraph; the build's paragraphs are matched to the units by their text.
The returned paragraphs (without their tracked changes) are aligned with the build's: equal runs
first, then similar paragraphs inside a changed run. That alignment needs no bookmark and no content
control, which Word and LibreOffice may lose; a paragraph it cannot place keeps the block bookmark
it stands in, or the place of the paragraph before it. What differs between an aligned pair is an
edit made without tracking; the tracked changes and comments come from the returned file itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .advies import Advies, Adviseur
from .alineas import Alinea, Opmerking, Wijziging, normal
from .opmerkingen import AUTHORS

OURS = {author for author, _ in AUTHORS.values()}
_MAX_PAIRING = 4000  # similarity pairs tried in one changed run; beyond it the run stays unpaired


@dataclass
class Bevinding:
    """One comment or change, where it belongs, and what to do about it."""

    soort: str
    eenheid: int | None
    blok: str | None
    auteur: str = ""
    datum: str = ""
    tekst: str = ""
    oud: str = ""
    nieuw: str = ""
    verankerd: str = ""
    antwoord_op: str | None = None
    advies: Advies | None = None


def pairs(a: list[str], b: list[str]) -> dict[int, int]:
    """Index in ``a`` -> index in ``b``: equal runs, then in each changed run similar texts, in order."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    found: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            found.update(zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace" and (i2 - i1) * (j2 - j1) <= _MAX_PAIRING:
            start = j1
            for i in range(i1, i2):
                scored = [(SequenceMatcher(None, a[i].split(), b[j].split(), autojunk=False).ratio(), -j) for j in range(start, j2)]
                best = max(scored, default=(0.0, 0))
                if best[0] >= 0.5:
                    found[i] = -best[1]
                    start = -best[1] + 1
    return found


def _words(text: str) -> tuple[list[str], list[int]]:
    words, starts, position = [], [], 0
    for word in text.split(" "):
        if word:
            words.append(word)
            starts.append(position)
        position += len(word) + 1
    return words, starts


def direct_edits(built: str, returned: str) -> list[tuple[int, int, str, str]]:
    """(begin, end, old, new) of each word-level difference, positions in ``built``."""
    a, starts_a = _words(built)
    b, _ = _words(returned)
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        begin = starts_a[i1] if i1 < len(a) else len(built)
        end = starts_a[i2 - 1] + len(a[i2 - 1]) if i2 > i1 else begin
        edits.append((begin, end, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return edits


class Terug:
    """The findings of one returned file against one document of its build."""

    def __init__(self, units: list[dict[str, Any]], built: list[Alinea], adviseur: Adviseur) -> None:
        self.units, self.built, self.adviseur = units, built, adviseur
        self.built_unit = pairs([b.oud for b in built], [normal(u.get("tekst", "")) for u in units])
        self.where: dict[str, tuple[int | None, str | None]] = {}  # comment id -> its unit and block

    def matched(self, returned: list[Alinea]) -> dict[int, int]:
        """Returned paragraph -> paragraph of the build (a wholly inserted paragraph has no old text to match)."""
        active = [i for i, r in enumerate(returned) if r.oud or not r.nieuw]
        return {active[i]: b for i, b in pairs([returned[i].oud for i in active], [b.oud for b in self.built]).items()}

    def units_of(self, returned: list[Alinea]) -> dict[int, int]:
        """Returned paragraph -> unit of the build."""
        return {i: self.built_unit[b] for i, b in self.matched(returned).items() if b in self.built_unit}

    def findings(self, returned: list[Alinea], comments: dict[str, Opmerking]) -> list[Bevinding]:
        matched = self.matched(returned)
        found: list[Bevinding] = []
        unit: int | None = None
        block: str | None = None
        seen_built = -1
        for index, record in enumerate(returned):
            b = matched.get(index)
            if b is not None:
                for missing in range(seen_built + 1, b):  # paragraphs of the build that are gone without a trace
                    found += self._deleted(missing)
                seen_built = max(seen_built, b)
                unit = self.built_unit.get(b)
                block = self._block(unit, record, self.built[b])
            elif record.bladwijzers:
                block = record.bladwijzers[-1]
            found += self._record(record, comments, unit, block, b)
        for missing in range(seen_built + 1, len(self.built)):
            found += self._deleted(missing)
        return found + self._unplaced(comments, found)

    def _block(self, unit: int | None, record: Alinea, built: Alinea) -> str | None:
        if unit is not None:
            return self.units[unit].get("blok")
        marks = record.bladwijzers or built.bladwijzers
        return marks[-1] if marks else None

    def _unit(self, unit: int | None) -> dict[str, Any] | None:
        return self.units[unit] if unit is not None else None

    def _deleted(self, b: int) -> list[Bevinding]:
        unit = self.built_unit.get(b)
        text = self.built[b].oud
        if unit is None or not text:
            return []
        block = self.units[unit].get("blok")
        return [Bevinding("rechtstreeks verwijderd", unit, block, oud=text,
                          advies=self._structure(unit, "rij verwijderd") or self.adviseur.advise(self._unit(unit), block, text, 0, len(text), ""))]

    def _record(self, record: Alinea, comments: dict[str, Opmerking], unit: int | None, block: str | None,
                b: int | None) -> list[Bevinding]:
        found: list[Bevinding] = []
        info = self._unit(unit)
        for comment_id in record.opmerkingen:
            self.where[comment_id] = (unit, block)
            comment = comments.get(comment_id)
            if comment is not None and comment.auteur not in OURS:
                found.append(self._comment(comment, comments, info, unit, block, record.oud))
        if b is not None and record.oud != self.built[b].oud:
            for begin, end, old, new in direct_edits(self.built[b].oud, record.oud):
                kind = "rechtstreeks gewijzigd" if old and new else "rechtstreeks ingevoegd" if new else "rechtstreeks verwijderd"
                found.append(Bevinding(kind, unit, block, oud=old, nieuw=new,
                                       advies=self.adviseur.advise(info, block, self.built[b].oud, begin, end, new)))
        elif b is None and record.oud:
            found.append(Bevinding("rechtstreeks ingevoegd", unit, block, nieuw=record.oud,
                                   advies=self.adviseur.template_advice(block, "", 0, 0, record.oud)))
        found += self._changes(record, info, unit, block)
        return found

    def _comment(self, comment: Opmerking, comments: dict[str, Opmerking], info: dict[str, Any] | None, unit: int | None,
                 block: str | None, text: str) -> Bevinding:
        parent = comments.get(comment.antwoord_op or "")
        answered = parent.tekst.split("\n")[0][:160] if parent is not None else None
        end = min(len(text), comment.begin + len(comment.verankerd))
        return Bevinding("antwoord" if parent else "opmerking", unit, block, comment.auteur, comment.datum, comment.tekst,
                         verankerd=comment.verankerd, antwoord_op=answered,
                         advies=self.adviseur.about(info, block, text, comment.begin, end))

    def _changes(self, record: Alinea, info: dict[str, Any] | None, unit: int | None, block: str | None) -> list[Bevinding]:
        found: list[Bevinding] = []
        changes = [c for c in record.wijzigingen if c.soort in ("ingevoegd", "verwijderd", "verplaatst van", "verplaatst naar")]
        index = 0
        while index < len(changes):
            change = changes[index]
            following = changes[index + 1] if index + 1 < len(changes) else None
            if change.soort == "verwijderd" and following is not None and following.soort == "ingevoegd" \
                    and following.auteur == change.auteur and following.begin in (change.eind, change.eind + 1):
                found.append(self._tracked("vervangen", change, info, unit, block, record.oud, change.tekst, following.tekst))
                index += 2
                continue
            old, new = (change.tekst, "") if change.soort in ("verwijderd", "verplaatst van") else ("", change.tekst)
            found.append(self._tracked(change.soort, change, info, unit, block, record.oud, old, new))
            index += 1
        for mark in record.wijzigingen:
            if mark.soort.startswith("rij "):
                found.append(Bevinding(mark.soort, unit, block, mark.auteur, mark.datum, oud=record.oud if "verwijderd" in mark.soort else "",
                                       nieuw=record.nieuw if "ingevoegd" in mark.soort else "", advies=self._structure(unit, mark.soort)))
            elif mark.soort.startswith("alinea ") and not changes:
                found.append(Bevinding(mark.soort, unit, block, mark.auteur, mark.datum))
        return found

    def _tracked(self, kind: str, change: Wijziging, info: dict[str, Any] | None, unit: int | None, block: str | None,
                 text: str, old: str, new: str) -> Bevinding:
        end = change.begin + len(old)
        advice = self.adviseur.advise(info, block, text, change.begin, end, new) if text or new else None
        return Bevinding(kind, unit, block, change.auteur, change.datum, old or new, old, new, advies=advice)

    def _structure(self, unit: int | None, kind: str) -> Advies | None:
        """A whole table row that one list element of the YAML wrote: add or remove that element."""
        info = self._unit(unit)
        elements = sorted({p[:p.index("]") + 1] for p in (info or {}).get("paden", []) if "[" in p}, key=len)
        if not elements:
            return None
        element = elements[0]
        line = self.adviseur.line(element)
        where = f"{self.adviseur.source.file}:{line}" if line else self.adviseur.source.file
        if "verwijderd" in kind:
            return Advies("yaml", f"verwijder `{element}` uit het dossier ({where})", element, line)
        return Advies("yaml", f"voeg een element toe aan `{element.rsplit('[', 1)[0]}` in het dossier ({where})", element, line)

    def _unplaced(self, comments: dict[str, Opmerking], found: list[Bevinding]) -> list[Bevinding]:
        """Replies without a range of their own: with the comment they answer."""
        placed = {(f.auteur, f.datum, f.tekst) for f in found}
        extra = []
        for comment in comments.values():
            parent = comments.get(comment.antwoord_op or "")
            if parent is None or comment.auteur in OURS or (comment.auteur, comment.datum, comment.tekst) in placed:
                continue
            unit, block = self.where.get(parent.id, (None, None))
            extra.append(Bevinding("antwoord", unit, block, comment.auteur, comment.datum, comment.tekst,
                                   antwoord_op=parent.tekst.split("\n")[0][:160]))
        return extra


__all__ = ["Bevinding", "Terug", "direct_edits", "pairs"]
