"""Rules on the rounds of questions and answers (catalogue rules 25, 26 and 33)."""

from __future__ import annotations

from .. import nl
from ..diagnostics import WAARSCHUWING
from . import Context, rule


@rule("D325")
def nota_op_tijd(ctx: Context) -> None:
    deadline, latest = ctx.dossier.planning.inschrijving, ctx.afgeleid.inlichtingen_uiterlijk
    european = ctx.regime.naam == "europees"
    days = ctx.afgeleid.inlichtingen_dagen
    severity = None if european else WAARSCHUWING  # below the threshold and under SAS: practice [U]
    for i, ronde in enumerate(ctx.dossier.inlichtingen):
        if deadline is not None and latest is not None and ronde.datum > latest.berekend:
            ctx.report("D325", ("inlichtingen", i, "datum"), severity=severity,
                       reden=f"nota van inlichtingen {ronde.ronde} verschijnt op {nl.datum(ronde.datum)}, minder dan {days} dagen "
                             f"voor de inschrijving op {nl.datum(deadline)}")
        elif latest is not None and ronde.datum > latest.datum:
            ctx.report("D325", ("inlichtingen", i, "datum"), severity=WAARSCHUWING,
                       reden=f"nota van inlichtingen {ronde.ronde} verschijnt op de laatste dag, {nl.datum(ronde.datum)}, en dat is "
                             f"{latest.reden}; een termijn die terugrekent wordt niet verlengd, plan de nota uiterlijk op "
                             f"{nl.datum(latest.datum)}")
        if ronde.vragen_uiterlijk is not None and ronde.vragen_uiterlijk >= ronde.datum:
            ctx.report("D325", ("inlichtingen", i, "vragen_uiterlijk"),
                       reden=f"de vragentermijn van ronde {ronde.ronde} sluit op {nl.datum(ronde.vragen_uiterlijk)}, "
                             f"niet vóór de nota van {nl.datum(ronde.datum)}")


@rule("D326")
def wezenlijke_wijziging(ctx: Context) -> None:
    for i, ronde in enumerate(ctx.dossier.inlichtingen):
        if ronde.inschrijftermijn_verlengd:
            continue
        for j, vraag in enumerate(ronde.vragen):
            if vraag.wezenlijk:
                ctx.report("D326", ("inlichtingen", i, "vragen", j, "wezenlijk"), ronde=ronde.ronde, nummer=vraag.nummer)


def known_documents(ctx: Context, before_round: int) -> set[str]:
    """Names a question may refer to: the guide, every annex (title or letter) and earlier notes."""
    names = {"aanbestedingsleidraad", "leidraad"}
    for annex in ctx.afgeleid.bijlagen:
        names.update({annex.titel.lower(), f"bijlage {annex.letter}".lower(), f"bijlage {annex.letter} {annex.titel}".lower()})
    if ctx.dossier.contract:
        names.update(b.titel.lower() for b in ctx.dossier.contract.overige_bijlagen)
    names.update(f"nota van inlichtingen {r.ronde}" for r in ctx.dossier.inlichtingen if r.ronde < before_round)
    return names


@rule("D333")
def nota_correct(ctx: Context) -> None:
    rounds = ctx.dossier.inlichtingen
    expected_number = 1
    party_names = [p.naam for p in ctx.dossier.samenwerking.partijen] if ctx.dossier.samenwerking else []
    for i, ronde in enumerate(rounds):
        if ronde.ronde != i + 1:
            ctx.report("D333", ("inlichtingen", i, "ronde"), reden=f"ronde {ronde.ronde} staat op plaats {i + 1}; rondes nummeren 1, 2, 3, …")
        documents = known_documents(ctx, ronde.ronde)
        for j, vraag in enumerate(ronde.vragen):
            path = ("inlichtingen", i, "vragen", j)
            if vraag.nummer != expected_number:
                ctx.report("D333", path + ("nummer",),
                           reden=f"vraag {vraag.nummer} had nummer {expected_number} moeten hebben (doorlopend over alle rondes)")
            expected_number = vraag.nummer + 1
            if vraag.document.strip().lower() not in documents:
                ctx.report("D333", path + ("document",),
                           reden=f"vraag {vraag.nummer} verwijst naar het onbekende document '{vraag.document}'",
                           hint="gebruik 'Aanbestedingsleidraad', 'Bijlage A' (of de titel van een bijlage) of een eerdere nota van inlichtingen")
            if vraag.antwoord is None:
                ctx.report("D333", path, reden=f"vraag {vraag.nummer} heeft geen antwoord")
            if vraag.leidt_tot_wijziging and vraag.wijziging is None:
                ctx.report("D333", path + ("leidt_tot_wijziging",), reden=f"vraag {vraag.nummer} leidt tot een wijziging, maar 'wijziging' ontbreekt")
            if vraag.wijziging is not None and not vraag.leidt_tot_wijziging:
                ctx.report("D333", path + ("wijziging",), reden=f"vraag {vraag.nummer} noemt een wijziging, maar 'leidt_tot_wijziging' staat niet op true")
            names = party_names + ([vraag.indiener] if vraag.indiener else [])
            text = f"{vraag.vraag} {vraag.antwoord or ''}".lower()
            for name in names:
                if name.lower() in text:
                    ctx.report("D333", path + ("vraag",), reden=f"vraag {vraag.nummer} noemt '{name}'; vragen en antwoorden zijn anoniem",
                               hint="verwijder de naam van de vragensteller")
