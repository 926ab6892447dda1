"""Rules on the chosen form: social quality under SAS, open house and subsidietender (19-21)."""

from __future__ import annotations

from .. import nl
from . import Context, rule

SOCIAL_ASPECTS = {
    "continuiteit": "continuïteit",
    "toegankelijkheid": "toegankelijkheid",
    "betrokkenheid-gebruikers": "betrokkenheid van gebruikers",
}


@rule("D319")
def sociale_kwaliteitsaspecten(ctx: Context) -> None:
    a = ctx.dossier.aanbesteding
    if not a.sociale_en_andere_specifieke_diensten or not ctx.competitive:
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
                         ("wettelijke_grondslag", "de wettelijke grondslag")):
        if getattr(subsidie, field) is None:
            ctx.report("D321", ("procedure", "subsidie"), on_key=True, ontbreekt=label)
