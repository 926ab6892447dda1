"""Rules on a transparent selection and scoring method (issue rules D343-D347).

A tenderer must be able to work out his score before he tenders: which criteria rank the candidates
for a shortlist, what each score on the scale means, which formula turns a price into points and
against which ceiling, and which price is fixed when only quality counts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .. import nl
from ..invoer.model import Gunningscriteria
from . import Context, rule
from .gunning import criteria_sets

# A phase text that limits the number of candidates: "ten hoogste tien", "de vijf best scorende".
LIMIT = re.compile(r"\b(ten hoogste|maximaal|hooguit|best(e)? scorende|hoogst scorende)\b", re.IGNORECASE)
PRICE_KINDS = ("prijs", "kosten")


def _total(weights) -> Decimal:
    return sum(weights, Decimal(0))


@rule("D343")
def selectie_transparant(ctx: Context) -> None:
    if not ctx.competitive:
        return
    procedure = ctx.dossier.procedure
    selectie = procedure.selectie
    if selectie is None:
        for i, fase in enumerate(procedure.fasen):
            if "selectie" in fase.naam.lower() and LIMIT.search(fase.omschrijving):
                ctx.report("D343", ("procedure", "fasen", i, "omschrijving"),
                           reden=f"de fase '{fase.naam}' beperkt het aantal gegadigden, maar het dossier heeft geen "
                                 "'procedure.selectie' met selectiecriteria, weging en een regel bij gelijke score")
        return
    if selectie.aantal is None:
        return  # every candidate that meets the requirements goes on: nothing is ranked
    path = ("procedure", "selectie")
    limit = f"ten hoogste {nl.woord(selectie.aantal)} gegadigden{' per perceel' if selectie.per_perceel else ''}"
    if not selectie.criteria:
        ctx.report("D343", path, on_key=True, reden=f"er gaan {limit} door, maar er zijn geen selectiecriteria")
    elif (total := _total(c.weging for c in selectie.criteria)) != 100:
        ctx.report("D343", path + ("criteria",), reden=f"de wegingen van de selectiecriteria tellen op tot {nl.getal(total)} in plaats van 100")
    if selectie.bij_gelijke_score is None:
        ctx.report("D343", path, on_key=True, reden=f"er gaan {limit} door, maar niet bepaald is wie doorgaat bij een gelijke score")


def _price_criteria(criteria: Gunningscriteria):
    return [(i, c) for i, c in enumerate(criteria.criteria) if c.soort in PRICE_KINDS and c.weging > 0]


@rule("D344")
def prijsformule(ctx: Context) -> None:
    if not ctx.competitive:
        return
    for path, criteria in criteria_sets(ctx):
        if criteria.basis != "bpkv":
            continue
        for i, criterium in _price_criteria(criteria):
            formule, where = criterium.prijsformule, path + ("criteria", i)
            if formule is None:
                ctx.report("D344", where, reden=f"prijscriterium '{criterium.naam}' heeft geen prijsformule")
            elif formule.methode == "eigen-formule" and formule.formule is None:
                ctx.report("D344", where + ("prijsformule",), reden=f"de eigen prijsformule van '{criterium.naam}' noemt de formule niet")
            elif formule.methode == "lineair-referentie-plafond" and formule.referentie is None:
                ctx.report("D344", where + ("prijsformule",), reden=f"de lineaire prijsformule van '{criterium.naam}' noemt geen referentieprijs")


def _ceiling_known(ctx: Context, own: Decimal | None) -> bool:
    d = ctx.dossier
    lots = bool(d.percelen) and all(p.plafond is not None for p in d.percelen)
    subsidy = d.procedure.subsidie is not None and d.procedure.subsidie.plafond is not None
    return own is not None or lots or subsidy


@rule("D345")
def plafond_met_bedrag(ctx: Context) -> None:
    for path, criteria in criteria_sets(ctx):
        for i, criterium in enumerate(criteria.criteria):
            formule = criterium.prijsformule
            own = formule.plafond if formule else None
            texts = [criterium.omschrijving, criterium.beoordeling] + ([formule.prijs, formule.formule] if formule else [])
            uses_ceiling = (formule is not None and formule.methode == "lineair-referentie-plafond") or any(
                t and "plafond" in t.lower() for t in texts
            )
            if uses_ceiling and not _ceiling_known(ctx, own):
                ctx.report("D345", path + ("criteria", i),
                           reden=f"criterium '{criterium.naam}' rekent met een plafond, maar het dossier noemt geen plafondbedrag")
        text = criteria.beoordelingsmethodiek or ""
        if "plafond" in text.lower() and not _ceiling_known(ctx, None):
            ctx.report("D345", path + ("beoordelingsmethodiek",),
                       reden="de beoordelingsmethodiek noemt een plafond, maar het dossier noemt geen plafondbedrag")


@rule("D346")
def vaste_prijs(ctx: Context) -> None:
    if not ctx.competitive:
        return
    for path, criteria in criteria_sets(ctx):
        fixed, priced = criteria.vaste_prijs, bool(_price_criteria(criteria))
        if criteria.basis == "bpkv" and criteria.criteria and not priced and fixed is None:
            ctx.report("D346", path + ("criteria",), on_key=True,
                       reden="alle weging ligt op kwaliteit, maar het dossier zegt niet welke prijs of welk budget vastligt")
        if fixed is not None and priced:
            ctx.report("D346", path + ("vaste_prijs",), on_key=True,
                       reden="er is een vaste prijs en ook een prijscriterium; kies één van beide")
        elif fixed is not None and fixed.bedrag is None and fixed.omschrijving is None:
            ctx.report("D346", path + ("vaste_prijs",), on_key=True, reden="de vaste prijs noemt geen bedrag en geen omschrijving")


def _scale_problem(scale) -> str | None:
    if len(scale) < 2:
        return "heeft een schaal met minder dan twee scores"
    scores = [s.score for s in scale]
    if len(set(scores)) != len(scores):
        return "heeft een schaal waarin een score twee keer voorkomt"
    return None


@rule("D347")
def beoordelingsschaal(ctx: Context) -> None:
    for path, criteria in criteria_sets(ctx):
        if criteria.schaal and (problem := _scale_problem(criteria.schaal)):
            ctx.report("D347", path + ("schaal",), reden=f"de gunningscriteria: {problem}")
        for i, criterium in enumerate(criteria.criteria):
            if criterium.soort != "kwaliteit" or criterium.weging == 0:
                continue
            scale = criterium.schaal or criteria.schaal
            if not scale:
                ctx.report("D347", path + ("criteria", i),
                           reden=f"criterium '{criterium.naam}' heeft geen beoordelingsschaal met een omschrijving per score")
            elif criterium.schaal and (problem := _scale_problem(criterium.schaal)):
                ctx.report("D347", path + ("criteria", i, "schaal"), reden=f"criterium '{criterium.naam}' {problem}")
    selectie = ctx.dossier.procedure.selectie
    if selectie is not None and selectie.criteria:
        problem = _scale_problem(selectie.schaal) if selectie.schaal else "heeft geen beoordelingsschaal met een omschrijving per score"
        if problem:
            ctx.report("D347", ("procedure", "selectie"), on_key=True, reden=f"de selectie {problem}")
