"""Rules on the contract period, extension options and framework agreements (rules 8-12)."""

from __future__ import annotations

from .. import nl
from ..diagnostics import WAARSCHUWING
from . import Context, rule


@rule("D308")
def looptijd_eindig(ctx: Context) -> None:
    looptijd = ctx.dossier.looptijd
    missing = []
    if looptijd.ingangsdatum is None:
        missing.append("een ingangsdatum")
    if looptijd.duur is None or looptijd.duur.in_maanden == 0:
        missing.append("een duur van meer dan nul maanden")
    if missing:
        ctx.report("D308", ("looptijd",), on_key=True, ontbreekt=" en ".join(missing))


@rule("D309")
def verlengingsopties_volledig(ctx: Context) -> None:
    for i, optie in enumerate(ctx.dossier.looptijd.verlengingsopties):
        missing = []
        if optie.aantal is None:
            missing.append("het aantal ('aantal')")
        if optie.duur is None or optie.duur.in_maanden == 0:
            missing.append("de duur per verlenging ('duur')")
        if optie.aankondigingstermijn is None:
            missing.append("de aankondigingstermijn ('aankondigingstermijn')")
        if missing:
            ctx.report("D309", ("looptijd", "verlengingsopties", i), nummer=i + 1, ontbreekt=nl.lijst(missing))


@rule("D310")
def looptijd_gemotiveerd(ctx: Context) -> None:
    if ctx.term is not None and ctx.dossier.looptijd.motivering is None:
        ctx.report("D310", ("looptijd",), on_key=True, looptijd=nl.duur(ctx.term.maximale_maanden))


@rule("D311")
def raamovereenkomst_vier_jaar(ctx: Context) -> None:
    raam = ctx.dossier.aanbesteding.raamovereenkomst
    if raam is None or ctx.term is None:
        return
    if ctx.term.maximale_maanden <= ctx.terms["raamovereenkomst_max_jaren"] * 12:
        return
    if raam.motivering_looptijd:
        ctx.report("D311", ("aanbesteding", "raamovereenkomst", "motivering_looptijd"), severity=WAARSCHUWING,
                   looptijd=nl.duur(ctx.term.maximale_maanden), reden="de rechtvaardiging verdient juridische toetsing",
                   hint="laat de rechtvaardiging in 'motivering_looptijd' juridisch toetsen")
    else:
        ctx.report("D311", ("aanbesteding", "raamovereenkomst"), on_key=True,
                   looptijd=nl.duur(ctx.term.maximale_maanden), reden="zonder rechtvaardiging")


@rule("D312")
def raamovereenkomst_maximale_waarde(ctx: Context) -> None:
    raam = ctx.dossier.aanbesteding.raamovereenkomst
    if raam is not None and raam.maximale_waarde is None:
        ctx.report("D312", ("aanbesteding", "raamovereenkomst"), on_key=True)
