"""Stage 4, context: everything a template may print.

Templates get the parsed model as it is (``d``), the computed facts of ``afleiding`` (``looptijd``,
``regime``, ``bijlagen``…) and the words that depend on the procedure (an open house has *aanbieders* who
*toetreden*, a subsidietender has *aanvragers*). Nothing here formats for Markdown: escaping is the
renderer's job.
"""

from __future__ import annotations

import datetime as dt
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


WORDS = {
    "open-house": Words("Leidraad open house", "aanbieder", "aanbieders", "aanmelding", "zich aanmelden"),
    "subsidietender": Words("Leidraad subsidietender", "aanvrager", "aanvragers", "aanvraag", "een aanvraag indienen"),
}
DEFAULT_WORDS = Words("Aanbestedingsleidraad", "inschrijver", "inschrijvers", "inschrijving", "inschrijven")

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


@dataclass(frozen=True)
class Milestone:
    omschrijving: str
    datum: dt.date


def planning_rows(d: Dossier, afgeleid: Afgeleid) -> list[Milestone]:
    """The planning as one chronological table: fixed steps, NvI rounds and other milestones."""
    p = d.planning
    rows = [
        ("Publicatie van de aankondiging", p.publicatie),
        ("Uiterste datum verzoek tot deelneming", p.verzoek_tot_deelneming),
        ("Uitnodiging tot inschrijving", p.uitnodiging_tot_inschrijving),
    ]
    for ronde in d.inlichtingen:
        rows.append((f"Sluiting vragentermijn ronde {ronde.ronde}", ronde.vragen_uiterlijk))
        rows.append((f"Publicatie nota van inlichtingen {ronde.ronde}", ronde.datum))
    words = WORDS.get(d.procedure.soort, DEFAULT_WORDS)
    rows += [
        (f"Uiterste datum en tijdstip {words.inschrijving} (12.00 uur)", p.inschrijving),
        ("Verzending gunningsbeslissing", p.gunningsbeslissing),
        ("Einde opschortende termijn", afgeleid.opschortende_termijn_einde),
        ("Ondertekening overeenkomst", p.ondertekening),
        ("Aankondiging van de gegunde opdracht", p.aankondiging_gunning),
        ("Ingangsdatum overeenkomst", d.looptijd.ingangsdatum),
    ]
    rows += [(m.omschrijving, m.datum) for m in p.overige]
    milestones = [Milestone(text, day) for text, day in rows if day is not None]
    return sorted(milestones, key=lambda m: m.datum)


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
        "termijnen": afgeleid.termijnen,
        "inlichtingen_dagen": afgeleid.inlichtingen_dagen,
        "percelen": lots,
        "bijlagen": list(afgeleid.bijlagen),
        "bijlage": {a.slug: a for a in afgeleid.bijlagen},
        "planning": planning_rows(d, afgeleid),
        "namen": {
            "basis": BASIS_NAMES, "forum": FORUM_NAMES, "frequentie": FREQUENCY_NAMES,
            "verdeling": DISTRIBUTION_NAMES, "rol": ROLE_NAMES,
        },
        **context_for(rectificaties, d.aanbesteding.versie),
    }
