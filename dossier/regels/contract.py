"""Rules on requirements, the guide's parts and the contract (catalogue rules 30-32, 35, 36)."""

from __future__ import annotations

from .. import nl
from ..diagnostics import WAARSCHUWING
from . import Context, rule


@rule("D330")
def uea_gevraagd(ctx: Context) -> None:
    eisen = ctx.dossier.eisen
    if eisen is None or eisen.uea or not ctx.competitive:
        return
    wat = [label for present, label in ((eisen.uitsluitingsgronden, "uitsluitingsgronden"),
                                        (eisen.geschiktheidseisen, "geschiktheidseisen")) if present]
    if wat:
        ctx.report("D330", ("eisen",), on_key=True, wat=" en ".join(wat), verklaring=ctx.afgeleid.rechtstekst["eigen_verklaring"])


@rule("D331")
def eisen_proportioneel(ctx: Context) -> None:
    eisen = ctx.dossier.eisen
    if eisen is None:
        return
    yearly = ctx.afgeleid.waarde_per_jaar
    factor = ctx.terms["omzeteis_max_factor"]
    for i, eis in enumerate(eisen.geschiktheidseisen):
        path = ("eisen", "geschiktheidseisen", i)
        if eis.minimale_jaaromzet is not None and yearly is not None and eis.minimale_jaaromzet > factor * yearly:
            ctx.report("D331", path + ("minimale_jaaromzet",),
                       reden=f"de omzeteis van {nl.bedrag(eis.minimale_jaaromzet)} is meer dan {nl.woord(factor)}maal "
                             f"de geraamde jaarwaarde van {nl.bedrag(yearly)}")
        if eis.aantal_referenties is not None and eis.aantal_referenties > ctx.terms["max_referenties"]:
            ctx.report("D331", path + ("aantal_referenties",),
                       reden=f"er worden {eis.aantal_referenties} referenties gevraagd; meer dan {ctx.terms['max_referenties']} is zelden proportioneel")


def _standard_parts(ctx: Context) -> list[tuple[str, tuple, object]]:
    d = ctx.dossier
    parts = [
        ("achtergrond en visie", ("aanbesteding", "achtergrond"), d.aanbesteding.achtergrond),
        ("achtergrond en visie", ("aanbesteding", "visie"), d.aanbesteding.visie),
        ("communicatie en vragen", ("aanbesteding", "aanbestedende_dienst", "contactpersoon"), d.aanbesteding.aanbestedende_dienst.contactpersoon),
        ("keuze van de procedure", ("procedure", "motivering"), d.procedure.motivering),
        ("klachten en rechtsbescherming", ("procedure", "klachtenregeling"), d.procedure.klachtenregeling),
        ("maatschappelijke doelen", ("maatschappelijke_doelen",), d.maatschappelijke_doelen),
        ("monitoring en evaluatie", ("monitoring_en_evaluatie",), d.monitoring_en_evaluatie),
    ]
    if ctx.procedure != "subsidietender":
        parts.append(("tarieven en indexering", ("indexering",), d.indexering))
    if ctx.competitive:
        parts += [
            ("gestanddoening", ("procedure", "gestanddoeningstermijn_dagen"), d.procedure.gestanddoeningstermijn_dagen),
            ("uitsluitingsgronden en geschiktheid", ("eisen",), d.eisen),
            ("samenwerking en onderaanneming", ("samenwerking",), d.samenwerking),
        ]
    return parts


@rule("D332")
def leidraad_volledig(ctx: Context) -> None:
    for onderdeel, path, value in _standard_parts(ctx):
        if value is None:
            ctx.report("D332", path, on_key=True, onderdeel=onderdeel, veld=".".join(path))


@rule("D335")
def escalatiemodel_volledig(ctx: Context) -> None:
    model = ctx.dossier.escalatiemodel
    if ctx.procedure == "subsidietender":
        return
    if model is None:
        ctx.report("D335", ("escalatiemodel",), severity=WAARSCHUWING, reden="het dossier heeft geen escalatiemodel")
        return
    if model.eindforum is None:
        ctx.report("D335", ("escalatiemodel",), on_key=True,
                   reden="het escalatiemodel eindigt niet bij een bindend forum (bevoegde rechter, arbitrage of bindend advies)")
    elif model.eindforum.soort == "bevoegde-rechter" and model.eindforum.instantie is None:
        ctx.report("D335", ("escalatiemodel", "eindforum"), severity=WAARSCHUWING, reden="het eindforum noemt niet welke rechtbank bevoegd is")
    if len(model.niveaus) < 2:
        ctx.report("D335", ("escalatiemodel", "niveaus"), on_key=True, severity=WAARSCHUWING,
                   reden=f"het escalatiemodel heeft {len(model.niveaus)} niveau(s); gebruikelijk zijn er drie tot vier")
    for i, niveau in enumerate(model.niveaus):
        missing = [label for value, label in ((niveau.opdrachtgever, "wie namens de opdrachtgever"),
                                              (niveau.opdrachtnemer, "wie namens de opdrachtnemer"),
                                              (niveau.termijn, "de termijn")) if value is None]
        if niveau.termijn is not None and niveau.termijn.werkdagen is None and niveau.termijn.kalenderdagen is None:
            missing.append("het aantal dagen van de termijn")
        if missing:
            ctx.report("D335", ("escalatiemodel", "niveaus", i), severity=WAARSCHUWING,
                       reden=f"niveau '{niveau.naam}' mist {nl.lijst(missing)}")


@rule("D336")
def bijlagen_volledig(ctx: Context) -> None:
    contract = ctx.dossier.contract
    present = {b.soort for b in contract.overige_bijlagen} if contract else set()
    needed = []
    if ctx.competitive:
        needed += [("programma-van-eisen", "programma van eisen"), ("inkoopvoorwaarden", "algemene inkoopvoorwaarden")]
    if contract and contract.verwerkt_persoonsgegevens:  # a 'bewerkersovereenkomst' before the AVG
        needed.append(("verwerkersovereenkomst", str(ctx.afgeleid.rechtstekst["verwerkersovereenkomst"]).split(" als bedoeld")[0]))
    missing = [label for soort, label in needed if soort not in present]
    if missing:
        ctx.report("D336", ("contract",), on_key=True, ontbreekt=nl.lijst(missing))
