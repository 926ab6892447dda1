"""Rules on the societal goals: the Kwaliteitskompas chain and its links to lots (34, 37, 38)."""

from __future__ import annotations

from collections import Counter

from . import Context, rule


@rule("D334")
def resultaten_meetbaar(ctx: Context) -> None:
    doelen = ctx.dossier.maatschappelijke_doelen
    if doelen is None:
        return
    ids = Counter(r.id for a in doelen.ambities for r in a.resultaten if r.id)
    for i, ambitie in enumerate(doelen.ambities):
        if not ambitie.resultaten:
            ctx.report("D334", ("maatschappelijke_doelen", "ambities", i), reden=f"ambitie '{ambitie.naam}' heeft geen beoogde resultaten")
        for j, resultaat in enumerate(ambitie.resultaten):
            path = ("maatschappelijke_doelen", "ambities", i, "resultaten", j)
            label = resultaat.id or resultaat.omschrijving[:50]
            if resultaat.id and ids[resultaat.id] > 1:
                ctx.report("D334", path + ("id",), reden=f"het resultaatkenmerk '{resultaat.id}' komt {ids[resultaat.id]} keer voor")
            if not resultaat.indicatoren:
                ctx.report("D334", path, reden=f"resultaat '{label}' heeft geen indicator")
            for k, indicator in enumerate(resultaat.indicatoren):
                if indicator.streefwaarde is None:
                    ctx.report("D334", path + ("indicatoren", k), reden=f"indicator '{indicator.naam}' van resultaat '{label}' heeft geen streefwaarde")


@rule("D337")
def perceel_met_doel(ctx: Context) -> None:
    doelen = ctx.dossier.maatschappelijke_doelen
    linked = {pid for a in doelen.ambities for pid in a.percelen} if doelen else set()
    for i, perceel in enumerate(ctx.dossier.percelen):
        if perceel.id not in linked:
            ctx.report("D337", ("percelen", i), perceel=perceel.naam)


@rule("D338")
def verwijzingen_bestaan(ctx: Context) -> None:
    doelen = ctx.dossier.maatschappelijke_doelen
    if doelen is None:
        return
    known = {p.id for p in ctx.dossier.percelen}
    for i, ambitie in enumerate(doelen.ambities):
        for j, pid in enumerate(ambitie.percelen):
            if pid not in known:
                ctx.report("D338", ("maatschappelijke_doelen", "ambities", i, "percelen", j),
                           reden=f"ambitie '{ambitie.naam}' verwijst naar perceel '{pid}', dat niet bestaat",
                           hint=("bekende percelen: " + ", ".join(sorted(known))) if known else "het dossier heeft geen percelen")
