"""Rules on terms and the order of the planning (catalogue rules 22-24, 27-29)."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from .. import nl
from ..diagnostics import WAARSCHUWING
from . import Context, rule

# The planning in the order it happens; each step that is filled in comes after the previous one.
ORDER = (
    ("publicatie", "publicatie"),
    ("verzoek_tot_deelneming", "verzoek tot deelneming"),
    ("uitnodiging_tot_inschrijving", "uitnodiging tot inschrijving"),
    ("inschrijving", "inschrijving"),
    ("beschikking", "besluit op de aanvragen"),
    ("gunningsbeslissing", "gunningsbeslissing"),
    ("ondertekening", "ondertekening"),
)


@rule("D322")
def termijn_openbaar(ctx: Context) -> None:
    p, proc = ctx.dossier.planning, ctx.dossier.procedure
    if ctx.procedure != "openbaar" or ctx.regime.naam != "europees" or not (p.publicatie and p.inschrijving):
        return
    urgent = ctx.afgeleid.spoed and ctx.terms["openbaar_inschrijving_spoed"] is not None
    if urgent:
        minimum, hint = ctx.terms["openbaar_inschrijving_spoed"], "15 dagen bij urgentie (art. 2.74)"
    else:
        minimum, hint = ctx.terms["openbaar_inschrijving"], "45 dagen"
        if proc.elektronisch_inschrijven:
            minimum -= ctx.terms["korting_elektronisch"]
            hint += " min 5 bij elektronische inschrijving"
        if not proc.stukken_vrij_beschikbaar:
            minimum += ctx.terms["toeslag_niet_vrij_beschikbaar"]
            hint += " plus 5 omdat de stukken niet vrij beschikbaar zijn"
    days = (p.inschrijving - p.publicatie).days
    if days < minimum:
        ctx.report("D322", ("planning", "inschrijving"), publicatie=nl.datum(p.publicatie), inschrijving=nl.datum(p.inschrijving),
                   dagen=days, minimum=minimum, hint=hint)


# Procedures with a request to participate, and whether their tender term is fixed by law.
TWO_STAGE = {"niet-openbaar": True, "mededingingsprocedure-met-onderhandeling": True, "concurrentiegerichte-dialoog": False}


@rule("D323")
def termijnen_twee_fasen(ctx: Context) -> None:
    """Requests 30 days, tenders 40 (-5 electronic), agreed with the candidates (2.74a) or urgent (2.74)."""
    p, proc = ctx.dossier.planning, ctx.dossier.procedure
    if ctx.procedure not in TWO_STAGE or ctx.regime.naam != "europees":
        return
    urgent = ctx.afgeleid.spoed
    request_minimum = ctx.terms["verzoek_spoed"] if urgent else ctx.terms["niet_openbaar_verzoek"]
    if p.publicatie and p.verzoek_tot_deelneming:
        days = (p.verzoek_tot_deelneming - p.publicatie).days
        if days < request_minimum:
            ctx.report("D323", ("planning", "verzoek_tot_deelneming"),
                       reden=f"de termijn voor verzoeken tot deelneming is {days} dagen; minimaal {request_minimum}")
    else:
        ctx.report("D323", ("planning",), on_key=True, reden="de planning mist 'publicatie' of 'verzoek_tot_deelneming'")
    if not TWO_STAGE[ctx.procedure] or p.inschrijftermijn_in_overleg:
        return  # no statutory tender term, or one agreed with every selected candidate (art. 2.74a)
    if p.uitnodiging_tot_inschrijving and p.inschrijving:
        days = (p.inschrijving - p.uitnodiging_tot_inschrijving).days
        if urgent:
            minimum = ctx.terms["niet_openbaar_inschrijving_spoed"]
        else:
            minimum = ctx.terms["niet_openbaar_inschrijving"] - (ctx.terms["korting_elektronisch"] if proc.elektronisch_inschrijven else 0)
        if days < minimum:
            ctx.report("D323", ("planning", "inschrijving"),
                       reden=f"de inschrijftermijn na de uitnodiging is {days} dagen; minimaal {minimum}",
                       hint="een gemeente mag de termijn in overleg met alle geselecteerde gegadigden vaststellen "
                            "('planning.inschrijftermijn_in_overleg: true', art. 2.74a)")
    else:
        ctx.report("D323", ("planning",), on_key=True, reden="de planning mist 'uitnodiging_tot_inschrijving' of 'inschrijving'")


@rule("D324")
def redelijke_termijn(ctx: Context) -> None:
    p = ctx.dossier.planning
    if not ctx.competitive or ctx.regime.naam not in ("verlicht", "2b", "nationaal") or p.inschrijving is None:
        return
    start = p.uitnodiging_tot_inschrijving or p.publicatie
    if start is None:
        return
    days = (p.inschrijving - start).days
    if days < ctx.terms["redelijke_inschrijftermijn"]:
        ctx.report("D324", ("planning", "inschrijving"), dagen=days, minimum=ctx.terms["redelijke_inschrijftermijn"])


@rule("D327")
def opschortende_termijn(ctx: Context) -> None:
    p, end = ctx.dossier.planning, ctx.afgeleid.opschortende_termijn
    if not ctx.regime.boven_drempel or end is None or p.ondertekening is None or p.gunningsbeslissing is None:
        return
    if p.ondertekening > end.datum:
        return
    severity = None if ctx.regime.naam == "europees" else WAARSCHUWING
    ctx.report("D327", ("planning", "ondertekening"), severity=severity, ondertekening=nl.datum(p.ondertekening),
               dagen=(p.ondertekening - p.gunningsbeslissing).days, gunning=nl.datum(p.gunningsbeslissing), einde=end.tekst)


@rule("D328")
def planning_op_volgorde(ctx: Context) -> None:
    p = ctx.dossier.planning
    steps: list[tuple[tuple, str, dt.date]] = [
        (("planning", key), label, getattr(p, key)) for key, label in ORDER if getattr(p, key) is not None
    ]
    start = ctx.dossier.looptijd.ingangsdatum
    if start is not None:
        steps.append((("looptijd", "ingangsdatum"), "ingangsdatum van de overeenkomst", start))
    for (_, before_label, before), (path, label, day) in pairwise(steps):
        too_early = day < before if path[-1] == "ingangsdatum" else day <= before
        if too_early:
            ctx.report("D328", path, later=label, datum_later=nl.datum(day), eerder=before_label, datum_eerder=nl.datum(before))
    if p.aankondiging_gunning and p.gunningsbeslissing and p.aankondiging_gunning < p.gunningsbeslissing:
        ctx.report("D328", ("planning", "aankondiging_gunning"), later="aankondiging gunning", datum_later=nl.datum(p.aankondiging_gunning),
                   eerder="gunningsbeslissing", datum_eerder=nl.datum(p.gunningsbeslissing))
    rounds = ctx.dossier.inlichtingen
    for i, (first, second) in enumerate(pairwise(rounds), start=1):
        if second.datum <= first.datum:
            ctx.report("D328", ("inlichtingen", i, "datum"), later=f"nota van inlichtingen {second.ronde}", datum_later=nl.datum(second.datum),
                       eerder=f"nota van inlichtingen {first.ronde}", datum_eerder=nl.datum(first.datum))
    for i, ronde in enumerate(rounds):
        if p.publicatie and ronde.datum <= p.publicatie:
            ctx.report("D328", ("inlichtingen", i, "datum"), later=f"nota van inlichtingen {ronde.ronde}", datum_later=nl.datum(ronde.datum),
                       eerder="publicatie", datum_eerder=nl.datum(p.publicatie))


@rule("D329")
def gestanddoening(ctx: Context) -> None:
    p, end = ctx.dossier.planning, ctx.afgeleid.gestanddoening
    if end is None or p.ondertekening is None:
        return
    if end.datum < p.ondertekening:
        ctx.report("D329", ("procedure", "gestanddoeningstermijn_dagen"), dagen=ctx.dossier.procedure.gestanddoeningstermijn_dagen,
                   einde=end.tekst, ondertekening=nl.datum(p.ondertekening))
