"""Rules on the contract period, extension options and framework agreements (rules 8-12)."""

from __future__ import annotations

from .. import nl
from ..diagnostics import WAARSCHUWING
from . import Context, rule
from .gunning import criteria_sets


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
    """Art. 2.140 is part 2 of the Act: an error only in the full European regime (issue 18, point 7)."""
    raam = ctx.dossier.aanbesteding.raamovereenkomst
    if raam is None or ctx.term is None or ctx.regime.naam in ("nationaal", "geen-aanbesteding"):
        return
    if ctx.term.maximale_maanden <= ctx.terms["raamovereenkomst_max_jaren"] * 12:
        return
    if ctx.regime.naam != "europees":
        allowed = f"wat {'bij II B-diensten' if ctx.regime.naam == '2b' else 'in het verlicht regime'} is toegestaan als de duur evenredig is"
        if raam.motivering_looptijd:  # motivated: what is left is the lawyer's judgement of proportionality
            ctx.report("D311", ("aanbesteding", "raamovereenkomst", "motivering_looptijd"), severity=WAARSCHUWING,
                       looptijd=nl.duur(ctx.term.maximale_maanden), reden=allowed,
                       hint="laat de motivering in 'motivering_looptijd' juridisch toetsen op evenredigheid (art. 1.10 Aw 2012, Gids Proportionaliteit)")
        else:
            ctx.report("D311", ("aanbesteding", "raamovereenkomst"), severity=WAARSCHUWING, on_key=True,
                       looptijd=nl.duur(ctx.term.maximale_maanden), reden=allowed,
                       hint="motiveer de duur in 'raamovereenkomst.motivering_looptijd' (art. 1.10 Aw 2012, Gids Proportionaliteit)")
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


@rule("D341")
def raamovereenkomst_partijen(ctx: Context) -> None:
    """How many contractors per lot, how call-offs are placed and who goes on at a tie (issue 18, point 5)."""
    d = ctx.dossier
    raam = d.aanbesteding.raamovereenkomst
    if raam is None:
        for i, perceel in enumerate(d.percelen):
            if perceel.aantal_opdrachtnemers is not None:
                ctx.report("D341", ("percelen", i, "aantal_opdrachtnemers"),
                           reden=f"perceel '{perceel.naam}' noemt een aantal opdrachtnemers, maar de opdracht is geen raamovereenkomst")
        return
    if not ctx.competitive:
        return
    counts = [(p.naam, p.aantal_opdrachtnemers or raam.aantal_partijen) for p in d.percelen] or [(None, raam.aantal_partijen)]
    unknown = [name for name, n in counts if n is None]
    if unknown:
        which = f" voor perceel {', '.join(unknown)}" if d.percelen else ""
        ctx.report("D341", ("aanbesteding", "raamovereenkomst"), on_key=True,
                   reden=f"de raamovereenkomst zegt niet met hoeveel opdrachtnemers zij wordt gesloten{which}",
                   hint="vul 'raamovereenkomst.aantal_partijen' in (bij percelen: per perceel) of 'aantal_opdrachtnemers' per perceel")
    several = any(n and n > 1 for _, n in counts)
    calloff = raam.nadere_opdrachten
    if several and calloff is None:
        ctx.report("D341", ("aanbesteding", "raamovereenkomst"), on_key=True,
                   reden="de raamovereenkomst heeft meer dan één opdrachtnemer, maar zegt niet hoe opdrachten worden verstrekt "
                         "(minicompetitie of verdeelsleutel)", hint="vul 'raamovereenkomst.nadere_opdrachten' in")
    if not several and calloff is not None and calloff.wijze == "minicompetitie" and not unknown:
        ctx.report("D341", ("aanbesteding", "raamovereenkomst", "nadere_opdrachten", "wijze"),
                   reden="een minicompetitie vraagt meer dan één opdrachtnemer")
    tie_break = any(c.bij_gelijke_score for _, c in criteria_sets(ctx))
    if several and not tie_break:
        ctx.report("D341", ("gunningscriteria",), on_key=True,
                   reden="de raamovereenkomst gaat naar meer dan één inschrijver, maar niet bepaald is wie bij een gelijke "
                         "score op de grens van dat aantal doorgaat", hint="vul 'gunningscriteria.bij_gelijke_score' in")
