"""Rules on the estimated value and the regime it decides (catalogue rules 1-7)."""

from __future__ import annotations

from decimal import Decimal

from .. import nl
from ..afleiding import NATIONAL_PROCEDURES, thresholds_for, thresholds_table
from . import Context, rule

EU_PROCEDURES = ("openbaar", "niet-openbaar", "concurrentiegerichte-dialoog", "mededingingsprocedure-met-onderhandeling")
TOLERANCE = Decimal(1)


@rule("D301")
def raming_aanwezig(ctx: Context) -> None:
    d = ctx.dossier
    has_own = d.raming is not None and (d.raming.per_jaar is not None or d.raming.totaal is not None)
    lots_complete = bool(d.percelen) and all(
        p.raming is not None and (p.raming.per_jaar is not None or p.raming.totaal is not None) for p in d.percelen
    )
    if not has_own and not lots_complete:
        ctx.report("D301", ("raming",), wat="de opdracht")
    for i, perceel in enumerate(d.percelen):
        if perceel.raming is None or (perceel.raming.per_jaar is None and perceel.raming.totaal is None):
            ctx.report("D301", ("percelen", i), wat=f"perceel '{perceel.naam}'")


@rule("D302")
def raming_dekt_maximale_looptijd(ctx: Context) -> None:
    if ctx.term is None:
        return
    months = ctx.term.maximale_maanden
    targets = [(("raming",), ctx.dossier.raming)] + [(("percelen", i, "raming"), p.raming) for i, p in enumerate(ctx.dossier.percelen)]
    for path, raming in targets:
        if raming is None or raming.totaal is None or raming.per_jaar is None:
            continue
        expected = raming.per_jaar * months / 12
        if raming.totaal + TOLERANCE < expected:
            ctx.report(
                "D302", path + ("totaal",), totaal=nl.bedrag(raming.totaal), per_jaar=nl.bedrag(raming.per_jaar),
                jaren=nl.duur(months), verwacht=nl.bedrag(expected.quantize(Decimal(1))),
            )


@rule("D303")
def percelen_tellen_op(ctx: Context) -> None:
    d = ctx.dossier
    if not d.percelen or d.raming is None:
        return
    for attr, soort in (("per_jaar", "per jaar"), ("totaal", "over de maximale looptijd")):
        own = getattr(d.raming, attr)
        parts = [getattr(p.raming, attr) if p.raming else None for p in d.percelen]
        if own is None or any(v is None for v in parts):
            continue
        som = sum(parts, Decimal(0))
        if abs(som - own) > TOLERANCE:
            ctx.report("D303", ("raming", attr), som=nl.bedrag(som), totaal=nl.bedrag(own), soort=soort)


@rule("D304")
def regime_past_bij_procedure(ctx: Context) -> None:
    regime, procedure = ctx.regime, ctx.procedure
    wrong = (regime.naam == "europees" and procedure not in EU_PROCEDURES + ("sas-procedure",)) or (
        regime.naam == "verlicht" and procedure in NATIONAL_PROCEDURES
    )
    if not wrong:
        return
    hint = (
        "kies een Europese procedure (openbaar, niet-openbaar, concurrentiegerichte dialoog of mededingingsprocedure met onderhandeling)"
        if regime.naam == "europees"
        else "boven de SAS-drempel is een aankondiging verplicht: kies de SAS-procedure of een Europese procedure"
    )
    ctx.report(
        "D304", ("procedure", "soort"), waarde=nl.bedrag(regime.waarde), regime=regime.omschrijving,
        drempel=nl.bedrag(regime.drempel), procedure=procedure, hint=hint,
    )


@rule("D305")
def drempeltabel_geldig(ctx: Context) -> None:
    if not ctx.competitive:
        return
    day = ctx.afgeleid.peildatum
    if day is None or thresholds_for(day) is not None:
        return
    table = thresholds_table()
    periode = f"{nl.datum(table[0]['geldig_van'])} tot en met {nl.datum(table[-1]['geldig_tot'])}"
    path = ("planning", "publicatie") if ctx.dossier.planning.publicatie else ("looptijd", "ingangsdatum")
    ctx.report("D305", path, datum=nl.datum(day), periode=periode)


@rule("D306")
def sas_alleen_voor_sociale_diensten(ctx: Context) -> None:
    a = ctx.dossier.aanbesteding
    if ctx.procedure != "sas-procedure":
        return
    if a.soort_opdracht != "diensten":
        ctx.report("D306", ("aanbesteding", "soort_opdracht"), reden=f"de opdracht betreft {a.soort_opdracht}")
    elif not a.sociale_en_andere_specifieke_diensten:
        ctx.report("D306", ("procedure", "soort"), reden="de opdracht is niet aangemerkt als sociale en andere specifieke dienst")


@rule("D307")
def sas_aankondigingen(ctx: Context) -> None:
    if ctx.regime.naam != "verlicht":
        return
    p = ctx.dossier.planning
    missing = [name for name, value in (("publicatie", p.publicatie), ("aankondiging_gunning", p.aankondiging_gunning)) if value is None]
    if missing:
        ctx.report("D307", ("planning",), on_key=True, ontbreekt=nl.lijst(missing))


@rule("D340", definitief=True)
def regime_bekend_voor_publicatie(ctx: Context) -> None:
    """A definitive guide needs a known regime; a concept shows a marker instead (issue 18, point 3)."""
    if not ctx.competitive or ctx.regime.naam != "onbekend":
        return
    day = ctx.afgeleid.peildatum
    if day is None:
        reden, path = "er is geen publicatiedatum en geen ingangsdatum", ("planning",)
    elif ctx.regime.waarde is None:
        reden, path = "de raming ontbreekt", ("raming",)
    else:
        reden = f"voor {nl.datum(day)} kent dossier geen drempels"
        path = ("planning", "publicatie") if ctx.dossier.planning.publicatie else ("looptijd", "ingangsdatum")
    ctx.report("D340", path, reden=reden)
