"""Stage 4, context: everything a template may print.

Templates get the parsed model as it is (``d``), the computed facts of ``afleiding`` (``looptijd``,
``regime``, ``bijlagen``, the legal dates and the dated legal vocabulary ``recht``…) and the words that
depend on the procedure (an open house has *aanbieders* who *toetreden*; a subsidietender has
*aanvragers*, a *beschikking* instead of a gunningsbeslissing and *bezwaar* instead of a kort geding).
Nothing here formats for Markdown: escaping is the renderer's job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..afleiding import Afgeleid
from ..invoer.model import Dossier, Gunningscriteria, Perceel
from ..invoer.rectificaties import Rectificaties
from .rectificaties import context_for


@dataclass(frozen=True)
class Words:
    """Terms that change with the kind of procedure."""

    leidraad: str
    inschrijver: str
    inschrijvers: str
    inschrijving: str
    inschrijven: str
    inschrijvingen: str
    belangstellenden: str  # who receives a note of information before anyone has tendered
    stukken: str  # the documents of the procedure
    beslissing: str  # the decision that ends the procedure
    overeenkomst: str  # what the chosen party gets
    dienst: str  # who runs the procedure: an aanbestedende dienst only in a procurement


WORDS = {
    "open-house": Words("Leidraad open house", "aanbieder", "aanbieders", "aanmelding", "zich aanmelden", "aanmeldingen",
                        "belangstellende aanbieders", "stukken van de open house", "besluit over de toelating", "overeenkomst", "gemeente"),
    "subsidietender": Words("Leidraad subsidietender", "aanvrager", "aanvragers", "aanvraag", "een aanvraag indienen", "aanvragen",
                            "mogelijke aanvragers", "stukken van de subsidietender", "beschikking", "subsidie", "subsidieverstrekker"),
}
DEFAULT_WORDS = Words("Aanbestedingsleidraad", "inschrijver", "inschrijvers", "inschrijving", "inschrijven", "inschrijvingen",
                      "geïnteresseerde ondernemers", "aanbestedingsstukken", "gunningsbeslissing", "overeenkomst",
                      "aanbestedende dienst")

PROCEDURE_NAMES = {
    "openbaar": "openbare procedure",
    "niet-openbaar": "niet-openbare procedure",
    "sas-procedure": "procedure voor sociale en andere specifieke diensten (verlicht regime)",
    "concurrentiegerichte-dialoog": "concurrentiegerichte dialoog",
    "mededingingsprocedure-met-onderhandeling": "mededingingsprocedure met onderhandeling",
    "meervoudig-onderhands": "meervoudig onderhandse procedure",
    "enkelvoudig-onderhands": "enkelvoudig onderhandse procedure",
    "open-house": "toelatingsprocedure open house, zonder selectie tussen aanbieders",
    "subsidietender": "subsidietender op grond van de Algemene wet bestuursrecht",
}
BASIS_NAMES = {"bpkv": "beste prijs-kwaliteitverhouding", "laagste-prijs": "laagste prijs", "laagste-kosten": "laagste kosten op basis van kosteneffectiviteit"}
FORUM_NAMES = {"bevoegde-rechter": "de bevoegde rechter", "arbitrage": "arbitrage", "bindend-advies": "bindend advies"}
FREQUENCY_NAMES = {"maand": "maandelijks", "kwartaal": "per kwartaal", "halfjaar": "halfjaarlijks", "jaar": "jaarlijks"}
DISTRIBUTION_NAMES = {
    "rangschikking": "rangschikking van de aanvragen naar de mate waarin zij aan de criteria voldoen",
    "volgorde-van-binnenkomst": "volgorde van binnenkomst van volledige aanvragen",
    "evenredig": "evenredige verdeling over de aanvragen die aan de voorwaarden voldoen",
}
ROLE_NAMES = {"penvoerder": "penvoerder", "hoofdaannemer": "hoofdaannemer", "onderaannemer": "onderaannemer"}
CALLOFF_NAMES = {
    "minicompetitie": "na een minicompetitie tussen de opdrachtnemers van het perceel",
    "verdeelsleutel": "volgens een vooraf bekende verdeelsleutel, zonder nieuwe mededinging",
    "volgens-de-voorwaarden": "volgens de voorwaarden van de raamovereenkomst, zonder nieuwe mededinging",
}
# Annexes that are not lettered (contract.overige_bijlagen) in their place in the precedence order.
_UNLETTERED_RANK = {"programma-van-eisen": 0, "overig": 2, "verwerkersovereenkomst": 3, "inkoopvoorwaarden": 4}


@dataclass(frozen=True)
class Milestone:
    omschrijving: str
    datum: dt.date
    pad: str = ""  # the YAML path of the date, or afgeleid.<fact> for a computed one (provenance: see bronnen)


def planning_rows(d: Dossier, afgeleid: Afgeleid) -> list[Milestone]:
    """The planning as one chronological table: fixed steps, NvI rounds and other milestones."""
    p = d.planning
    rows = [
        ("Publicatie van de aankondiging", p.publicatie, "planning.publicatie"),
        ("Uiterste datum verzoek tot deelneming", p.verzoek_tot_deelneming, "planning.verzoek_tot_deelneming"),
        ("Uitnodiging tot inschrijving", p.uitnodiging_tot_inschrijving, "planning.uitnodiging_tot_inschrijving"),
    ]
    for i, ronde in enumerate(d.inlichtingen):
        rows.append((f"Sluiting vragentermijn ronde {ronde.ronde}", ronde.vragen_uiterlijk, f"inlichtingen[{i}].vragen_uiterlijk"))
        rows.append((f"Publicatie nota van inlichtingen {ronde.ronde}", ronde.datum, f"inlichtingen[{i}].datum"))
    words = WORDS.get(d.procedure.soort, DEFAULT_WORDS)
    deadline = {"open-house": "Eerste toetredingsmoment: aanmeldingen uiterlijk (12.00 uur)",
                "subsidietender": "Einde van de aanvraagperiode (12.00 uur)"}.get(d.procedure.soort)
    rows += [
        (deadline or f"Uiterste datum en tijdstip {words.inschrijving} (12.00 uur)", p.inschrijving, "planning.inschrijving"),
        ("Verzending gunningsbeslissing", p.gunningsbeslissing, "planning.gunningsbeslissing"),
        ("Einde opschortende termijn en vervaltermijn", afgeleid.opschortende_termijn_einde, "afgeleid.opschortende_termijn_einde"),
        ("Besluit op de aanvragen (beschikkingen)", p.beschikking, "planning.beschikking"),
        ("Ondertekening overeenkomst", p.ondertekening, "planning.ondertekening"),
        ("Aankondiging van de gegunde opdracht", p.aankondiging_gunning, "planning.aankondiging_gunning"),
        ("Begin van de subsidieperiode" if d.procedure.soort == "subsidietender" else "Ingangsdatum overeenkomst", d.looptijd.ingangsdatum,
         "looptijd.ingangsdatum"),
    ]
    rows += [(m.omschrijving, m.datum, f"planning.overige[{j}]") for j, m in enumerate(p.overige)]
    milestones = [Milestone(text, day, path) for text, day, path in rows if day is not None]
    return sorted(milestones, key=lambda m: m.datum)


def precedence(d: Dossier, afgeleid: Afgeleid) -> list[str]:
    """The documents from highest to lowest rank, each one named; never "in alphabetical order"."""
    subsidy = d.procedure.subsidie if d.procedure.soort == "subsidietender" else None
    order = []
    if subsidy is not None:
        order.append(f"de wettelijke grondslag: {subsidy.wettelijke_grondslag}" if subsidy.wettelijke_grondslag
                     else "de subsidieverordening en het subsidieplafond- en tenderbesluit")
    kader = [a for a in afgeleid.bijlagen if not a.contractbijlage]
    order.append("de nota's van inlichtingen, een latere nota boven een eerdere")
    order.append("deze leidraad" + "".join(f", met bijlage {a.letter} ({a.titel})" for a in kader))
    others = sorted(d.contract.overige_bijlagen if d.contract else [], key=lambda b: _UNLETTERED_RANK[b.soort])
    order += [b.titel for b in others if b.soort == "programma-van-eisen"]
    order += [f"bijlage {a.letter} ({a.titel})" for a in afgeleid.bijlagen if a.contractbijlage]
    order += [b.titel for b in others if b.soort != "programma-van-eisen"]
    return order


def recipients(d: Dossier, day: dt.date | None) -> str:
    """Who receives a note of information published on ``day``: candidates before the invitation to tender.

    Without a day: the phrase for the whole procedure.
    """
    invitation = d.planning.uitnodiging_tot_inschrijving
    if d.procedure.soort in WORDS or (invitation is None and d.procedure.selectie is None):
        return WORDS.get(d.procedure.soort, DEFAULT_WORDS).belangstellenden
    if day is None:
        return "gegadigden (na de uitnodiging tot inschrijving: alle geselecteerde gegadigden)"
    if invitation is None or day < invitation:
        return "gegadigden"
    return "geselecteerde gegadigden"


_WORD = re.compile(r"[a-zà-ÿ0-9]+")


def repeats(free_text: str | None, sentence: str) -> bool:
    """Does one sentence of ``free_text`` already say ``sentence`` (its words all present)?

    The YAML's own explanation often restates a standard sentence; the template then leaves its
    own sentence out instead of printing the same thing twice.
    """
    if not free_text:
        return False
    wanted = set(_WORD.findall(sentence.lower())) - {"de", "het", "een", "is", "en", "van"}
    return any(wanted <= set(_WORD.findall(part.lower())) for part in re.split(r"(?<=[.;!?])\s+", free_text))


def criteria_for(d: Dossier, perceel: Perceel | None = None) -> Gunningscriteria | None:
    if perceel is not None and perceel.gunningscriteria is not None:
        return perceel.gunningscriteria
    return d.gunningscriteria


def document_context(d: Dossier, afgeleid: Afgeleid, status: str, rectificaties: Rectificaties | None = None) -> dict[str, Any]:
    """The variables every template of this dossier sees: the model, the derived facts, the words.

    With ``rectificaties``: also ``gewijzigd`` (the version line) and ``rectificaties`` (the nota's list).
    """
    lots = [
        {"perceel": p, "per_jaar": waarde.per_jaar, "totaal": waarde.totaal,
         "criteria": criteria_for(d, p), "eigen_criteria": p.gunningscriteria is not None,
         "ambities": [a for a in (d.maatschappelijke_doelen.ambities if d.maatschappelijke_doelen else []) if p.id in a.percelen]}
        for p, waarde in zip(d.percelen, afgeleid.percelen)
    ]
    return {
        "d": d,
        "a": d.aanbesteding,
        "dienst": d.aanbesteding.aanbestedende_dienst,
        "status": status,
        "w": WORDS.get(d.procedure.soort, DEFAULT_WORDS),
        "procedure_naam": PROCEDURE_NAMES[d.procedure.soort],
        "afgeleid": afgeleid,
        "competitief": afgeleid.competitief,
        "looptijd": afgeleid.looptijd,
        "regime": afgeleid.regime,
        "totale_waarde": afgeleid.totale_waarde,
        "waarde_per_jaar": afgeleid.waarde_per_jaar,
        "opschortende_termijn_einde": afgeleid.opschortende_termijn_einde,
        "opschortende_termijn": afgeleid.opschortende_termijn,
        "vervaltermijn": afgeleid.vervaltermijn,
        "gestanddoening": afgeleid.gestanddoening,
        "inlichtingen_uiterlijk": afgeleid.inlichtingen_uiterlijk,
        "spoed": afgeleid.spoed,
        "recht": afgeleid.rechtstekst,
        "termijnen": afgeleid.termijnen,
        "inlichtingen_dagen": afgeleid.inlichtingen_dagen,
        "rangorde": precedence(d, afgeleid),
        "ontvangers": lambda day=None: recipients(d, day),
        "herhaalt": repeats,
        "percelen": lots,
        "bijlagen": list(afgeleid.bijlagen),
        "bijlage": {a.slug: a for a in afgeleid.bijlagen},
        "planning": planning_rows(d, afgeleid),
        "namen": {
            "basis": BASIS_NAMES, "forum": FORUM_NAMES, "frequentie": FREQUENCY_NAMES,
            "verdeling": DISTRIBUTION_NAMES, "rol": ROLE_NAMES, "nadere_opdrachten": CALLOFF_NAMES,
        },
        **context_for(rectificaties, d.aanbesteding.versie),
    }
