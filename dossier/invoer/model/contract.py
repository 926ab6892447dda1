"""The contract: escalation model, monitoring and evaluation, indexation and other annexes."""

from __future__ import annotations

from typing import Literal

from ..types import Positief, Tekst
from .basis import Strikt, veld

# --- escalatiemodel -------------------------------------------------------------------------


class Termijn(Strikt):
    werkdagen: Positief | None = None
    kalenderdagen: Positief | None = None


class Niveau(Strikt):
    naam: Tekst = veld("Naam van het niveau, bijvoorbeeld 'Contractmanagement'")
    opdrachtgever: Tekst | None = veld("Wie namens de opdrachtgever aan tafel zit", None)
    opdrachtnemer: Tekst | None = veld("Wie namens de opdrachtnemer aan tafel zit", None)
    termijn: Termijn | None = veld("Binnen welke termijn dit niveau tot een oplossing komt", None)
    aanleiding: Tekst | None = veld("Wanneer naar dit niveau wordt opgeschaald", None)


class Mediation(Strikt):
    toegepast: bool
    omschrijving: Tekst | None = None


class Eindforum(Strikt):
    soort: Literal["bevoegde-rechter", "arbitrage", "bindend-advies"]
    instantie: Tekst | None = veld("Welke rechtbank of instantie", None)


class Escalatiemodel(Strikt):
    niveaus: list[Niveau] = veld("Opeenvolgende niveaus van escalatie", [])
    mediation: Mediation | None = None
    eindforum: Eindforum | None = veld("Bindend eindforum: bevoegde rechter, arbitrage of bindend advies", None)
    directe_ontbinding: list[Tekst] = veld("Gronden voor directe ontbinding", [])




# --- monitoring, contract -----------------------------------------------------------------


class Evaluatiemoment(Strikt):
    moment: Tekst = veld("Wanneer, bijvoorbeeld 'na twee jaar' of 'voor elk verlengingsbesluit'")
    omschrijving: Tekst


class MonitoringEnEvaluatie(Strikt):
    rapportagefrequentie: Literal["maand", "kwartaal", "halfjaar", "jaar"] | None = None
    effectrapportage: Tekst | None = None
    dashboard: Tekst | None = None
    ontwikkelagenda: Tekst | None = None
    peer_review: Tekst | None = None
    benchmark: Tekst | None = None
    evaluatiemomenten: list[Evaluatiemoment] = []


class Indexering(Strikt):
    methode: Tekst = veld("Indexcijfer of methode, bijvoorbeeld 'OVA' of 'CBS-cao-lonen'")
    moment: Tekst | None = veld("Wanneer wordt geïndexeerd", None)
    toelichting: Tekst | None = None


class OverigeBijlage(Strikt):
    soort: Literal["programma-van-eisen", "inkoopvoorwaarden", "verwerkersovereenkomst", "overig"]
    titel: Tekst
    omschrijving: Tekst | None = None


class Contract(Strikt):
    verwerkt_persoonsgegevens: bool = veld("Verwerkt de opdrachtnemer persoonsgegevens voor de gemeente?", False)
    overige_bijlagen: list[OverigeBijlage] = veld("Bijlagen die niet uit het dossier worden gegenereerd", [])
    prestatieafspraken: Tekst | None = None
