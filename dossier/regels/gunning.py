"""Rules on lots and award criteria (catalogue rules 13-18)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .. import nl
from ..invoer.model import Gunningscriteria
from . import Context, rule


def criteria_sets(ctx: Context) -> list[tuple[tuple, Gunningscriteria]]:
    """The tender's own criteria and every lot's own criteria, with their YAML paths."""
    sets = []
    if ctx.dossier.gunningscriteria is not None:
        sets.append((("gunningscriteria",), ctx.dossier.gunningscriteria))
    for i, perceel in enumerate(ctx.dossier.percelen):
        if perceel.gunningscriteria is not None:
            sets.append((("percelen", i, "gunningscriteria"), perceel.gunningscriteria))
    return sets


@rule("D313")
def geen_percelen_gemotiveerd(ctx: Context) -> None:
    if ctx.competitive and not ctx.dossier.percelen and ctx.dossier.motivering_geen_percelen is None:
        ctx.report("D313", ("percelen",), on_key=True)


@rule("D314")
def percelen_uniek_en_volledig(ctx: Context) -> None:
    counts = Counter(p.id for p in ctx.dossier.percelen)
    for i, perceel in enumerate(ctx.dossier.percelen):
        if counts[perceel.id] > 1:
            ctx.report("D314", ("percelen", i, "id"), reden=f"het kenmerk '{perceel.id}' komt {counts[perceel.id]} keer voor")
        if perceel.omschrijving is None:
            ctx.report("D314", ("percelen", i), reden=f"perceel '{perceel.naam}' heeft geen omschrijving van de scope")


@rule("D315")
def maximum_percelen(ctx: Context) -> None:
    maximum = ctx.dossier.max_percelen_per_inschrijver
    if maximum is not None and maximum > len(ctx.dossier.percelen):
        ctx.report("D315", ("max_percelen_per_inschrijver",), maximum=maximum, aantal=len(ctx.dossier.percelen))


@rule("D316")
def laagste_prijs_gemotiveerd(ctx: Context) -> None:
    for path, criteria in criteria_sets(ctx):
        if criteria.basis != "bpkv" and criteria.motivering is None:
            ctx.report("D316", path + ("basis",), basis=criteria.basis)


@rule("D317")
def wegingen_sluiten(ctx: Context) -> None:
    for path, criteria in criteria_sets(ctx):
        if not criteria.criteria:
            continue
        total = sum((c.weging for c in criteria.criteria), Decimal(0))
        if total != 100:
            ctx.report("D317", path + ("criteria",), reden=f"de wegingen tellen op tot {nl.getal(total)} in plaats van 100")
        for i, criterium in enumerate(criteria.criteria):
            if not criterium.subcriteria:
                continue
            sub = sum((s.weging for s in criterium.subcriteria), Decimal(0))
            if sub != criterium.weging:
                ctx.report("D317", path + ("criteria", i, "subcriteria"),
                           reden=f"de subcriteria van '{criterium.naam}' tellen op tot {nl.getal(sub)}, "
                                 f"het criterium weegt {nl.getal(criterium.weging)}")


@rule("D318")
def criteria_volledig(ctx: Context) -> None:
    d = ctx.dossier
    needs_criteria = ctx.competitive or (
        ctx.procedure == "subsidietender" and d.procedure.subsidie is not None and d.procedure.subsidie.verdeelmethode == "rangschikking"
    )
    if ctx.procedure == "open-house":
        return
    sets = criteria_sets(ctx)
    covered = d.gunningscriteria is not None or (d.percelen and all(p.gunningscriteria for p in d.percelen))
    if needs_criteria and not covered:
        ctx.report("D318", ("gunningscriteria",), on_key=True, reden="er zijn geen gunningscriteria voor de opdracht")
    for path, criteria in sets:
        if criteria.basis == "bpkv" and not any(c.soort == "kwaliteit" for c in criteria.criteria):
            ctx.report("D318", path, on_key=True, reden="bij beste prijs-kwaliteitverhouding hoort ten minste één kwaliteitscriterium")
        for i, criterium in enumerate(criteria.criteria):
            if criterium.omschrijving is None:
                ctx.report("D318", path + ("criteria", i), reden=f"criterium '{criterium.naam}' heeft geen omschrijving")
            structured = criterium.prijsformule if criterium.soort != "kwaliteit" else (criterium.schaal or criteria.schaal)
            if criterium.beoordeling is None and criteria.beoordelingsmethodiek is None and not structured:
                ctx.report("D318", path + ("criteria", i), reden=f"criterium '{criterium.naam}' heeft geen beoordelingsmethodiek")
