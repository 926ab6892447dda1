"""The procedure: its kind, phases, dialogue, subsidy or open-house terms, and reservations."""

from __future__ import annotations

from typing import Literal

from ..types import Bedrag, Positief, Tekst
from .basis import Strikt, veld

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


# --- procedure ------------------------------------------------------------------------------


class Fase(Strikt):
    naam: Tekst = veld("Naam van de fase, bijvoorbeeld 'Selectie' of 'Dialoog'")
    omschrijving: Tekst = veld("Wat in deze fase gebeurt")


class Dialoog(Strikt):
    omschrijving: Tekst = veld("Doel en opzet van de dialoog")
    onderwerpen: list[Tekst] = veld("Onderwerpen van de dialoog", [])
    aantal_rondes: Positief | None = veld("Aantal dialoogrondes", None)


class Subsidie(Strikt):
    plafond: Bedrag | None = veld("Subsidieplafond in euro", None)
    verdeelmethode: Literal["rangschikking", "volgorde-van-binnenkomst", "evenredig"] | None = veld(
        "Hoe het plafond wordt verdeeld (art. 4:26 Awb)", None
    )
    wettelijke_grondslag: Tekst | None = veld("Subsidieverordening of andere wettelijke grondslag", None)
    aanvraagperiode: Tekst | None = veld("Periode waarin aanvragen kunnen worden ingediend", None)


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
    dialoog: Dialoog | None = veld("De dialoogfase, als de procedure die heeft", None)
    subsidie: Subsidie | None = veld("Alleen bij een subsidietender", None)
    open_house: OpenHouse | None = veld("Alleen bij open house", None)
    gestanddoeningstermijn_dagen: Positief | None = veld("Hoe lang inschrijvers aan hun inschrijving gebonden zijn", None)
    voorbehouden: list[Tekst] = veld("Voorbehouden van de aanbestedende dienst", [])
    klachtenregeling: Tekst | None = veld("Waar en hoe klachten worden ingediend", None)
