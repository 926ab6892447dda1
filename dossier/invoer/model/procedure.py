"""The procedure: its kind, phases, selection, dialogue, urgency, subsidy or open-house terms, forum."""

from __future__ import annotations

from typing import Literal

from ..types import Bedrag, Positief, Tekst, Weging
from .basis import Strikt, veld
from .gunning import Scoreniveau

ProcedureSoort = Literal[
    "openbaar",
    "niet-openbaar",
    "sas-procedure",
    "concurrentiegerichte-dialoog",
    "mededingingsprocedure-met-onderhandeling",
    "meervoudig-onderhands",
    "enkelvoudig-onderhands",
    "open-house",
    "subsidietender",
]

# The eleven districts (arrondissementen) of the Dutch courts since 2013; a forum clause names one.
Arrondissement = Literal[
    "Amsterdam", "Den Haag", "Gelderland", "Limburg", "Midden-Nederland", "Noord-Holland", "Noord-Nederland",
    "Oost-Brabant", "Overijssel", "Rotterdam", "Zeeland-West-Brabant",
]


# --- procedure ------------------------------------------------------------------------------


class Fase(Strikt):
    naam: Tekst = veld("Naam van de fase, bijvoorbeeld 'Selectie' of 'Dialoog'")
    omschrijving: Tekst = veld("Wat in deze fase gebeurt")


class Selectiecriterium(Strikt):
    naam: Tekst = veld("Naam van het selectiecriterium, bijvoorbeeld 'Visie op de opdracht'")
    weging: Weging = veld("Weging in procentpunten; de wegingen van alle selectiecriteria tellen op tot 100")
    omschrijving: Tekst | None = veld("Wat bij dit criterium wordt beoordeeld", None)


class Selectie(Strikt):
    aantal: Positief | None = veld(
        "Hoeveel gegadigden ten hoogste doorgaan naar de volgende fase; leeg: iedere gegadigde die aan de eisen voldoet", None
    )
    per_perceel: bool = veld("Geldt het aantal per perceel?", False)
    criteria: list[Selectiecriterium] = veld("De criteria waarop de gegadigden worden gerangschikt, met hun weging", [])
    schaal: list[Scoreniveau] = veld("De mogelijke scores per criterium, elk met wat die score betekent", [])
    bij_gelijke_score: Tekst | None = veld(
        "Wie doorgaat bij een gelijke score op de grens van het aantal, als volledige zin, bijvoorbeeld 'Dan beslist loting "
        "onder toezicht van een notaris.'", None
    )


class Dialoog(Strikt):
    omschrijving: Tekst = veld("Doel en opzet van de dialoog")
    onderwerpen: list[Tekst] = veld("Onderwerpen van de dialoog", [])
    aantal_rondes: Positief | None = veld("Aantal dialoogrondes", None)


class Urgentie(Strikt):
    motivering: Tekst = veld(
        "Waarom een urgente situatie de kortere termijnen van art. 2.74 Aanbestedingswet 2012 rechtvaardigt"
    )


class Subsidie(Strikt):
    plafond: Bedrag | None = veld("Subsidieplafond in euro", None)
    verdeelmethode: Literal["rangschikking", "volgorde-van-binnenkomst", "evenredig"] | None = veld(
        "Hoe het plafond wordt verdeeld (art. 4:26 Awb)", None
    )
    wettelijke_grondslag: Tekst | None = veld("Subsidieverordening of andere wettelijke grondslag", None)
    aanvraagperiode: Tekst | None = veld("Periode waarin aanvragen kunnen worden ingediend", None)
    bestuursorgaan: Tekst | None = veld(
        "Het bestuursorgaan dat op de aanvragen beslist, bijvoorbeeld 'het college van burgemeester en wethouders'", None
    )
    hersteltermijn_dagen: Positief | None = veld(
        "Termijn in dagen waarbinnen een aanvrager een onvolledige aanvraag kan aanvullen (art. 4:5 Awb)", None
    )
    uitvoeringsovereenkomst: bool = veld(
        "Sluit de gemeente naast de beschikking een uitvoeringsovereenkomst met de subsidieontvanger (art. 4:36 Awb)?", False
    )


class Tarief(Strikt):
    omschrijving: Tekst = veld("Product of dienst")
    eenheid: Tekst = veld("Eenheid, bijvoorbeeld 'per uur' of 'per dagdeel'")
    bedrag: Bedrag = veld("Vast tarief in euro")


class OpenHouse(Strikt):
    toetredingsvoorwaarden: list[Tekst] = veld("Vaste voorwaarden waaraan iedere aanbieder voldoet", [])
    tarieven: list[Tarief] = veld("Vaste tarieven", [])
    toetreding_gedurende_looptijd: bool = veld("Kunnen aanbieders tijdens de looptijd toetreden?", False)
    toetredingsmomenten: Tekst | None = veld("Wanneer aanbieders kunnen toetreden", None)


class Procedure(Strikt):
    soort: ProcedureSoort = veld("Soort procedure (eForms BT-105)")
    motivering: Tekst | None = veld("Motivering van de procedurekeuze", None)
    elektronisch_inschrijven: bool = veld("Wordt elektronisch ingeschreven (bijvoorbeeld via TenderNed)?", True)
    stukken_vrij_beschikbaar: bool = veld("Zijn de stukken vrij elektronisch beschikbaar?", True)
    fasen: list[Fase] = veld("Fasen van de procedure (selectie, dialoog, inschrijving)", [])
    selectie: Selectie | None = veld("De selectie van gegadigden: aantal, selectiecriteria met weging en wat bij gelijke score beslist", None)
    dialoog: Dialoog | None = veld("De dialoogfase, als de procedure die heeft", None)
    subsidie: Subsidie | None = veld("Alleen bij een subsidietender", None)
    open_house: OpenHouse | None = veld("Alleen bij open house", None)
    urgentie: Urgentie | None = veld("Alleen bij een naar behoren gemotiveerde urgente situatie: de kortere termijnen van art. 2.74", None)
    gestanddoeningstermijn_dagen: Positief | None = veld("Hoe lang inschrijvers aan hun inschrijving gebonden zijn", None)
    voorbehouden: list[Tekst] = veld("Voorbehouden van de aanbestedende dienst", [])
    klachtenregeling: Tekst | None = veld("Waar en hoe klachten worden ingediend", None)
    arrondissement: Arrondissement | None = veld(
        "Arrondissement van de rechtbank die geschillen over deze procedure beslist (forumkeuze), bijvoorbeeld 'Den Haag'; "
        "bij de voorzieningenrechter van die rechtbank wordt een kort geding tegen de gunningsbeslissing aangebracht",
        None,
    )
