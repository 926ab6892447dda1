"""Rules on the chosen form: social quality under SAS, open house, subsidietender, and what each
procedure may contain (19-21; issue 18: partners, procurement-only fields, forum, urgency)."""

from __future__ import annotations

from typing import Any, Callable

from .. import nl
from ..invoer.model import Dossier
from . import Context, rule

SOCIAL_ASPECTS = {
    "continuiteit": "continuïteit",
    "toegankelijkheid": "toegankelijkheid",
    "betrokkenheid-gebruikers": "betrokkenheid van gebruikers",
}


@rule("D319")
def sociale_kwaliteitsaspecten(ctx: Context) -> None:
    a = ctx.dossier.aanbesteding
    if not a.sociale_en_andere_specifieke_diensten or not ctx.competitive or not ctx.afgeleid.rechtstekst["sas"]:
        return
    missing = [label for key, label in SOCIAL_ASPECTS.items() if key not in a.kwaliteitsaspecten]
    if missing:
        path = ("aanbesteding", "kwaliteitsaspecten") if a.kwaliteitsaspecten else ("aanbesteding",)
        ctx.report("D319", path, on_key=True, ontbreekt=nl.lijst(missing))


@rule("D320")
def open_house_zonder_rangschikking(ctx: Context) -> None:
    if ctx.procedure != "open-house":
        return
    d = ctx.dossier
    if d.gunningscriteria is not None:
        ctx.report("D320", ("gunningscriteria",), on_key=True, reden="gunningscriteria passen niet bij open house; er wordt niet gerangschikt")
    for i, perceel in enumerate(d.percelen):
        if perceel.gunningscriteria is not None:
            ctx.report("D320", ("percelen", i, "gunningscriteria"), on_key=True, reden=f"perceel '{perceel.naam}' heeft gunningscriteria")
    house = d.procedure.open_house
    if house is None:
        ctx.report("D320", ("procedure",), on_key=True, reden="het blok 'open_house' met voorwaarden en tarieven ontbreekt")
        return
    if not house.toetredingsvoorwaarden:
        ctx.report("D320", ("procedure", "open_house"), on_key=True, reden="er zijn geen vaste toetredingsvoorwaarden")
    if not house.tarieven:
        ctx.report("D320", ("procedure", "open_house"), on_key=True, reden="er zijn geen vaste tarieven")
    if not house.toetreding_gedurende_looptijd:
        ctx.report("D320", ("procedure", "open_house", "toetreding_gedurende_looptijd"),
                   reden="toetreding staat niet open gedurende de looptijd")


@rule("D321")
def subsidietender_volledig(ctx: Context) -> None:
    if ctx.procedure != "subsidietender":
        return
    subsidie = ctx.dossier.procedure.subsidie
    if subsidie is None:
        ctx.report("D321", ("procedure",), on_key=True, ontbreekt="het blok 'subsidie' (plafond, verdeelmethode, wettelijke grondslag)")
        return
    for field, label in (("plafond", "het subsidieplafond"), ("verdeelmethode", "de verdeelmethode"),
                         ("wettelijke_grondslag", "de wettelijke grondslag"), ("bestuursorgaan", "het bestuursorgaan dat beslist")):
        if getattr(subsidie, field) is None:
            ctx.report("D321", ("procedure", "subsidie"), on_key=True, ontbreekt=label)


@rule("D339")
def geen_partners_in_leidraad(ctx: Context) -> None:
    """Naming one consortium's members in a competitive guide shows the outcome (issue 18, point 4)."""
    samenwerking = ctx.dossier.samenwerking
    if samenwerking is None or not samenwerking.partijen or not ctx.competitive or ctx.procedure == "enkelvoudig-onderhands":
        return
    ctx.report("D339", ("samenwerking", "partijen"), on_key=True, aantal=len(samenwerking.partijen))


# Fields that promise a procedure the dossier does not have: (path, why, value getter) per kind.
Field = tuple[tuple[str, ...], str, Callable[[Dossier], Any]]
_PROCUREMENT_ONLY: tuple[Field, ...] = (
    (("planning", "gunningsbeslissing"), "er is geen gunningsbeslissing en geen opschortende termijn", lambda d: d.planning.gunningsbeslissing),
    (("planning", "aankondiging_gunning"), "er wordt geen opdracht gegund", lambda d: d.planning.aankondiging_gunning),
    (("procedure", "gestanddoeningstermijn_dagen"), "er is geen inschrijving om gestand te doen", lambda d: d.procedure.gestanddoeningstermijn_dagen),
    (("procedure", "selectie"), "er worden geen gegadigden geselecteerd", lambda d: d.procedure.selectie),
    (("procedure", "urgentie"), "de termijnen van de Aanbestedingswet gelden niet", lambda d: d.procedure.urgentie),
    (("planning", "inschrijftermijn_in_overleg"), "de termijnen van de Aanbestedingswet gelden niet", lambda d: d.planning.inschrijftermijn_in_overleg or None),
    (("aanbesteding", "raamovereenkomst"), "er wordt geen raamovereenkomst gegund", lambda d: d.aanbesteding.raamovereenkomst),
)
_NOT_FOR: dict[str, tuple[Field, ...]] = {
    "subsidietender": _PROCUREMENT_ONLY + (
        (("procedure", "arrondissement"), "tegen een beschikking staan bezwaar en beroep open, geen kort geding", lambda d: d.procedure.arrondissement),
        (("planning", "ondertekening"), "er wordt alleen getekend als er een uitvoeringsovereenkomst is ('subsidie.uitvoeringsovereenkomst')",
         lambda d: d.planning.ondertekening if not (d.procedure.subsidie and d.procedure.subsidie.uitvoeringsovereenkomst) else None),
        (("procedure", "open_house"), "dit gegeven hoort bij open house", lambda d: d.procedure.open_house),
    ),
    "open-house": _PROCUREMENT_ONLY + (
        (("planning", "beschikking"), "dit gegeven hoort bij een subsidietender", lambda d: d.planning.beschikking),
        (("procedure", "subsidie"), "dit gegeven hoort bij een subsidietender", lambda d: d.procedure.subsidie),
    ),
}
_NOT_FOR_PROCUREMENT: tuple[Field, ...] = (
    (("planning", "beschikking"), "dit gegeven hoort bij een subsidietender", lambda d: d.planning.beschikking),
    (("procedure", "subsidie"), "dit gegeven hoort bij een subsidietender", lambda d: d.procedure.subsidie),
    (("procedure", "open_house"), "dit gegeven hoort bij open house", lambda d: d.procedure.open_house),
)
_KIND = {"subsidietender": "een subsidietender", "open-house": "open house"}


@rule("D342")
def velden_passen_bij_procedure(ctx: Context) -> None:
    """A subsidietender is no procurement: refuse fields that would print one (issue 18, point 6)."""
    fields = _NOT_FOR.get(ctx.procedure, _NOT_FOR_PROCUREMENT)
    kind = _KIND.get(ctx.procedure, "een aanbesteding")
    for path, why, value in fields:
        if value(ctx.dossier) is not None:
            ctx.report("D342", path, on_key=True, veld=".".join(path), procedure=kind, reden=why)


@rule("D348")
def forum_voor_de_procedure(ctx: Context) -> None:
    if ctx.competitive and ctx.procedure != "enkelvoudig-onderhands" and ctx.dossier.procedure.arrondissement is None:
        ctx.report("D348", ("procedure",), on_key=True)


URGENCY_PROCEDURES = ("openbaar", "niet-openbaar", "mededingingsprocedure-met-onderhandeling")


@rule("D349")
def urgentie(ctx: Context) -> None:
    if ctx.dossier.procedure.urgentie is None or not ctx.competitive:
        return
    path = ("procedure", "urgentie")
    if ctx.regime.naam != "europees" or ctx.procedure not in URGENCY_PROCEDURES:
        ctx.report("D349", path, on_key=True,
                   reden="urgentie verkort alleen de wettelijke termijnen van de openbare en niet-openbare procedure en de "
                         f"mededingingsprocedure met onderhandeling in het Europese regime; hier ({ctx.regime.omschrijving}) heeft zij geen betekenis")
    elif ctx.procedure == "openbaar" and ctx.terms["openbaar_inschrijving_spoed"] is None:
        ctx.report("D349", path, on_key=True, reden="vóór 1 juli 2016 kende de openbare procedure geen verkorting bij urgentie")
