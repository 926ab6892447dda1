"""Rectificaties: the structured changes of the nota's of inlichtingen, applied in order.

An answer may carry ``wijzigingen``: ``{pad: planning.inschrijving, nieuw: 2020-01-15}`` changes a
field, ``{blok: klachten, tekst: ...}`` the fixed text of a template block. ``toepassen`` applies the
changes of every round, in the order of the rounds, to the plain data of the file and validates
the result again against the schema after each round, so the documents are built from the
*effective* dossier: the version after the last nota. Each round with changes raises the version
of the documents ("1.0" -> "1.1").

What comes back:

* the effective ``Dossier`` (a question with changes reads as ``leidt_tot_wijziging`` with, when
  its ``wijziging`` text is absent, a generated sentence per change);
* a ``GeldendDocument``: the loaded file with the effective data, whose positions point at the
  line of the change for every changed field, so every later finding (a rule on the new closing
  date, say) names the line where the new value is written;
* ``Rectificaties``: every change with its old and new value, and the dossier after each round
  (for the nota of that round, and to compare versions).

Block names are checked when the documents are rendered (``documenten``): only the template set
knows its blocks.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..diagnostics import Diagnostic, DossierError, Location, make
from .load import LoadedDocument, format_path
from .model import Dossier
from .parse import parse_dossier
from .paden import MISSING, PadFout, Path_, as_text, get, put, resolve


@dataclass(frozen=True)
class Rectificatie:
    """One change of one answer, with what it replaced."""

    ronde: int
    nummer: int  # the question
    soort: str  # "gegeven" (a field) or "tekst" (a template block)
    doel: str  # the path as written, or the block name
    onderdeel: str  # Dutch name of what changes
    oud: Any  # plain value before this round; None when absent, and for a block
    nieuw: Any  # plain value, or the block's new text
    oud_tekst: str | None  # as a lawyer reads it; None for a block (known after rendering)
    nieuw_tekst: str
    sectie: str  # first key of the path (planning, percelen, ...) or "blok"
    pad: Path_  # resolved path in the data; () for a block
    bron: Path_  # where the change is written: ("inlichtingen", i, "vragen", j, "wijzigingen", k)
    waar: Location


@dataclass(frozen=True)
class Rectificaties:
    """Every applied change, and the dossier before the first and after each round."""

    lijst: tuple[Rectificatie, ...]
    staten: tuple[Dossier, ...]  # staten[0]: as published; staten[i + 1]: after the round at position i
    gewijzigd_bij: tuple[int, ...]  # the rounds with changes, in order

    def van_ronde(self, ronde: int) -> list[Rectificatie]:
        return [r for r in self.lijst if r.ronde == ronde]

    def na_ronde(self, ronde: int) -> Dossier:
        """The dossier as it stood after nota ``ronde`` (the published one for a round before the first)."""
        done = [i for i, r in enumerate(self.staten[-1].inlichtingen) if r.ronde <= ronde]
        return self.staten[max(done) + 1] if done else self.staten[0]

    def blokteksten(self) -> dict[str, str]:
        """Block name -> its current text (the last round that changed it wins)."""
        return {r.doel: r.nieuw for r in self.lijst if r.soort == "tekst"}


@dataclass
class GeldendDocument(LoadedDocument):
    """The loaded file with the effective data; positions of changed fields point at their change."""

    rectificaties: Rectificaties | None = field(default=None, compare=False)


def heeft_wijzigingen(dossier: Dossier) -> bool:
    return any(v.wijzigingen for r in dossier.inlichtingen for v in r.vragen)


def toepassen(document: LoadedDocument, dossier: Dossier) -> tuple[LoadedDocument, Dossier, Rectificaties | None]:
    """Apply the changes of every round; raise DossierError (D650-D653) at the line of a bad change.

    A dossier without structured changes comes back as it is, so its documents stay byte-identical.
    """
    if not heeft_wijzigingen(dossier):
        return document, dossier, None
    data = copy.deepcopy(document.data)
    view = GeldendDocument(document.file, data, document.sha256, dict(document.positions), dict(document.key_positions),
                           list(document.warnings))
    states = [dossier]
    records: list[Rectificatie] = []
    changed_rounds: list[int] = []
    for i, ronde in enumerate(dossier.inlichtingen):
        applied = _apply_round(view, document, i, ronde.ronde, ronde.vragen)
        if applied:
            changed_rounds.append(ronde.ronde)
            if not any(r.pad == ("aanbesteding", "versie") for r in applied):
                aanbesteding = data["aanbesteding"]
                aanbesteding["versie"] = raise_version(str(aanbesteding.get("versie", "1.0")))
            for j, vraag in enumerate(ronde.vragen):
                if vraag.wijzigingen:
                    _describe_question(data["inlichtingen"][i]["vragen"][j], [r for r in applied if r.nummer == vraag.nummer])
        records.extend(applied)
        states.append(_validate(view, applied) if applied else states[-1])
    history = Rectificaties(tuple(records), tuple(states), tuple(changed_rounds))
    return replace(view, rectificaties=history), states[-1], history


def raise_version(versie: str) -> str:
    """``1.0`` -> ``1.1``, ``2.9`` -> ``2.10``; a version without a minor number gets ``.1``."""
    match = re.fullmatch(r"(.*\.)(\d+)", versie)
    return f"{match.group(1)}{int(match.group(2)) + 1}" if match else f"{versie}.1"


def _apply_round(view: GeldendDocument, original: LoadedDocument, i: int, ronde: int, vragen: list) -> list[Rectificatie]:
    records, errors = [], []
    for j, vraag in enumerate(vragen):
        for k, wijziging in enumerate(vraag.wijzigingen):
            source: Path_ = ("inlichtingen", i, "vragen", j, "wijzigingen", k)
            where = original.locate(source)
            if wijziging.blok is not None:
                records.append(Rectificatie(ronde, vraag.nummer, "tekst", wijziging.blok, f"Tekst van '{wijziging.blok}'", None,
                                            wijziging.tekst, None, wijziging.tekst or "", "blok", (), source, where))
                continue
            try:
                doel = resolve(wijziging.pad or "", view.data)
            except PadFout as exc:
                errors.append(make(exc.code, original.locate(source + ("pad",)), nummer=vraag.nummer, pad=wijziging.pad,
                                   reden=exc.reden, hint=exc.hint))
                continue
            old = copy.deepcopy(get(view.data, doel.pad))
            old = None if old is MISSING else old
            new = copy.deepcopy(get(original.data, source + ("nieuw",)))
            put(view.data, doel.pad, new)
            _point_at_change(view, original, doel.pad, source + ("nieuw",))
            records.append(Rectificatie(ronde, vraag.nummer, "gegeven", wijziging.pad or "", doel.onderdeel, old, new,
                                        as_text(old, doel.soort), as_text(new, doel.soort), doel.sectie, doel.pad, source, where))
    if errors:
        raise DossierError(errors)
    return records


def _point_at_change(view: GeldendDocument, original: LoadedDocument, target: Path_, source: Path_) -> None:
    """Positions of ``target`` and everything below it now come from the change at ``source``."""
    for table, origin in ((view.positions, original.positions), (view.key_positions, original.key_positions)):
        for path in [p for p in table if p[: len(target)] == target]:
            del table[path]
        for path, position in origin.items():
            if path[: len(source)] == source:
                table[target + path[len(source):]] = position
    if source in original.key_positions:
        view.key_positions[target] = original.key_positions[source]


def _validate(view: GeldendDocument, applied: list[Rectificatie]) -> Dossier:
    """The dossier after one round; a schema error inside a changed field becomes D653 at the change."""
    try:
        return parse_dossier(view)
    except DossierError as exc:
        raise DossierError([_at_change(d, applied) for d in exc.diagnostics]) from None


def _at_change(finding: Diagnostic, applied: list[Rectificatie]) -> Diagnostic:
    for record in applied:
        if record.soort != "gegeven":
            continue
        target = format_path(record.pad)
        path = finding.location.path
        if path == target or path.startswith((target + ".", target + "[")):
            where = Location(finding.location.file, format_path(record.bron + ("nieuw",)), finding.location.line, finding.location.col)
            return make("D653", where, nummer=record.nummer, pad=record.doel, reden=finding.message, hint=finding.hint)
    return finding


def _describe_question(vraag: dict[str, Any], records: list[Rectificatie]) -> None:
    """A question with changes is a question that leads to a change; without its own text, say what changes."""
    vraag["leidt_tot_wijziging"] = True
    if not vraag.get("wijziging"):
        vraag["wijziging"] = " ".join(_sentence(r) for r in records)


def _sentence(record: Rectificatie) -> str:
    if record.soort == "tekst":
        return f"De tekst van het onderdeel '{record.doel}' wordt vervangen door de tekst in de lijst van rectificaties."
    if record.oud is None:
        return f"{record.onderdeel}: wordt {record.nieuw_tekst}."
    return f"{record.onderdeel}: {record.oud_tekst} wordt {record.nieuw_tekst}."
