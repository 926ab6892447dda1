"""Rules on rectificaties: significant changes, the closing date they move, and when they appear.

The history comes from ``invoer.rectificaties`` (the dossier before and after each round). The
minimum term after a nota is the dated term for additional information in ``Afgeleid`` (ten days
in the European regime since 1 July 2016, six before; practice elsewhere). Above the European
threshold a missing extension or a late rectificatie is an error, below it a warning, as for D325.
"""

from __future__ import annotations

import datetime as dt

from .. import nl
from ..afleiding import afleiden
from ..diagnostics import WAARSCHUWING
from ..invoer.model import Dossier
from ..invoer.rectificaties import Rectificatie, Rectificaties
from . import Context, rule

CLOSING = ("planning", "inschrijving")
CRITERIA = "de gunningscriteria of hun weging"
EISEN = "de minimumeisen (uitsluiting en geschiktheid)"
PERCELEN = "de percelen"
OMVANG = "de omvang of het voorwerp van de opdracht"
WAARDE = "de geraamde waarde"
_SCOPE_FIELDS = {"omschrijving", "soort_opdracht", "cpv_codes", "raamovereenkomst", "sociale_en_andere_specifieke_diensten"}
_BLOCKS = {"gunning": CRITERIA, "eisen": EISEN}
_NEW_NOTICE = (PERCELEN, OMVANG, EISEN)


def significance(record: Rectificatie) -> str | None:
    """What a change touches, when that makes it significant; None for a change that is not."""
    if record.soort == "tekst":
        return _BLOCKS.get(record.doel)
    path = [p for p in record.pad if isinstance(p, str)]
    if "gunningscriteria" in path:
        return CRITERIA
    if "raming" in path:
        return WAARDE
    if path[0] == "eisen":
        return EISEN
    if path[0] in ("percelen", "max_percelen_per_inschrijver", "motivering_geen_percelen"):
        return PERCELEN
    if path[0] == "looptijd" or (path[0] == "aanbesteding" and len(path) > 1 and path[1] in _SCOPE_FIELDS):
        return OMVANG
    return None


def _rounds(ctx: Context):
    """(position, round, its changes, the dossier before it, the dossier after it) for rounds with changes.

    Only in a procedure with a closing date that tenderers race against (not open house or subsidy).
    """
    history: Rectificaties | None = getattr(ctx.document, "rectificaties", None)
    if history is None or not ctx.competitive:
        return
    final = history.staten[-1]
    for i, ronde in enumerate(final.inlichtingen):
        records = history.van_ronde(ronde.ronde)
        if records:
            yield i, ronde, records, history.staten[i], history.staten[i + 1]


def _severity(ctx: Context) -> str | None:
    return None if ctx.regime.naam == "europees" else WAARSCHUWING


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


@rule("D660")
def wezenlijke_wijziging_verlengd(ctx: Context) -> None:
    days = ctx.afgeleid.inlichtingen_dagen
    for i, ronde, records, before, after in _rounds(ctx):
        touched = [(r, w) for r in records if (w := significance(r))]
        old, new = before.planning.inschrijving, after.planning.inschrijving
        if not touched or old is None or new is None or (new == old and ronde.inschrijftermijn_verlengd):
            continue  # no closing date to extend, or extended by hand before rectificaties existed
        required = max(old, ronde.datum) + dt.timedelta(days=days)
        if new >= required:
            continue
        record = touched[0][0]
        what = _words(sorted({w for _, w in touched}))
        if new <= old:
            eis = (f"verleng de uiterste datum van inschrijving ({nl.datum(old)}) met ten minste {(required - old).days} dagen, "
                   f"tot ten minste {nl.datum(required)}")
            severity = _severity(ctx)
        else:
            eis = (f"de verlenging tot {nl.datum(new)} is korter dan de ondergrens: verleng met nog ten minste "
                   f"{(required - new).days} dagen, tot ten minste {nl.datum(required)}")
            severity = WAARSCHUWING
        ctx.report("D660", record.bron, severity=severity, ronde=ronde.ronde, wat=what, nummer=record.nummer, eis=eis,
                   hint=f"voeg in ronde {ronde.ronde} een wijziging toe: {{pad: planning.inschrijving, nieuw: {required.isoformat()}}}")


@rule("D661")
def nieuwe_aankondiging(ctx: Context) -> None:
    for _, ronde, records, before, after in _rounds(ctx):
        found: dict[str, Rectificatie] = {}
        for record in records:
            what = significance(record)
            if what in _NEW_NOTICE or (what == WAARDE and _regime(before) != _regime(after)):
                found.setdefault(what if what != WAARDE else "de geraamde waarde, zodat een ander regime geldt", record)
        if found:
            record = next(iter(found.values()))
            ctx.report("D661", record.bron, ronde=ronde.ronde, wat=_words(list(found)), nummer=record.nummer)


def _regime(dossier: Dossier) -> str:
    return afleiden(dossier).regime.naam


@rule("D662")
def nieuwe_sluitingsdatum(ctx: Context) -> None:
    days = ctx.afgeleid.inlichtingen_dagen
    final = ctx.dossier.planning.inschrijving
    for _, ronde, records, _, _ in _rounds(ctx):
        for record in records:
            if record.pad != CLOSING or not isinstance(record.nieuw, dt.date) or record.nieuw == final:
                continue  # the closing date that still holds is checked against every nota by D325
            gap = (record.nieuw - ronde.datum).days
            if gap < days:
                ctx.report("D662", record.bron + ("nieuw",), severity=_severity(ctx), ronde=ronde.ronde, nota=nl.datum(ronde.datum),
                           datum=nl.datum(record.nieuw), dagen=gap, minimum=days)


@rule("D663")
def rectificatie_te_laat(ctx: Context) -> None:
    days = ctx.afgeleid.inlichtingen_dagen
    final = ctx.dossier.planning.inschrijving
    for i, ronde, records, before, _ in _rounds(ctx):
        in_force = before.planning.inschrijving
        if in_force is None or in_force == final or any(r.pad == CLOSING for r in records):
            continue  # D325 checks the closing date that still holds; D662 a date this round sets
        latest = in_force - dt.timedelta(days=days)
        if ronde.datum > latest:
            ctx.report("D663", ("inlichtingen", i, "datum"), severity=_severity(ctx), ronde=ronde.ronde, nota=nl.datum(ronde.datum),
                       uiterlijk=nl.datum(latest), minimum=days, inschrijving=nl.datum(in_force))
