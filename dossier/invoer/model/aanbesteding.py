"""The tender itself: the contracting authority, the scope and the kind of contract."""

from __future__ import annotations

from typing import Literal

from ..types import Bedrag, Bestandsnaam, CpvCode, KvkNummer, Naam, NutsCode, Positief, Tekst
from .basis import Strikt, veld

Kwaliteitsaspect = Literal[
    "kwaliteit",
    "continuiteit",
    "toegankelijkheid",
    "betaalbaarheid",
    "beschikbaarheid",
    "volledigheid",
    "specifieke-behoeften",
    "betrokkenheid-gebruikers",
    "innovatie",
]


class Contactpersoon(Strikt):
    naam: Tekst = veld("Naam van de contactpersoon")
    functie: Tekst | None = veld("Functie", None)
    email: Tekst | None = veld("E-mailadres", None)
    telefoon: Tekst | None = veld("Telefoonnummer", None)


class AanbestedendeDienst(Strikt):
    naam: Tekst = veld("Naam van de aanbestedende dienst, bijvoorbeeld 'Gemeente Leiden'")
    adres: Tekst | None = veld("Straat en huisnummer", None)
    postcode: Tekst | None = veld("Postcode", None)
    plaats: Tekst | None = veld("Plaats", None)
    website: Tekst | None = veld("Website", None)
    contactpersoon: Contactpersoon | None = veld("Het enige aanspreekpunt tijdens de procedure", None)
    kvk_nummer: KvkNummer | None = veld("KvK-nummer van de aanbestedende dienst (eForms BT-501)", None)
    nuts_code: NutsCode | None = veld("NUTS-3-code van de vestiging, bijvoorbeeld NL363 (eForms BT-507)", None)


class NadereOpdrachten(Strikt):
    wijze: Literal["minicompetitie", "verdeelsleutel", "volgens-de-voorwaarden"] = veld(
        "Hoe opdrachten onder de raamovereenkomst worden verstrekt: na een minicompetitie tussen de opdrachtnemers, "
        "volgens een vooraf bekende verdeelsleutel, of (bij één opdrachtnemer) volgens de voorwaarden van de raamovereenkomst"
    )
    omschrijving: Tekst = veld("De regels voor het verstrekken: criteria van de minicompetitie of de verdeelsleutel")


class Raamovereenkomst(Strikt):
    maximale_waarde: Bedrag | None = veld("Maximale waarde van de raamovereenkomst (excl. btw)", None)
    motivering_looptijd: Tekst | None = veld("Rechtvaardiging van een looptijd langer dan vier jaar", None)
    aantal_partijen: Positief | None = veld(
        "Met hoeveel opdrachtnemers de raamovereenkomst wordt gesloten; bij percelen: per perceel "
        "(een perceel kan een eigen 'aantal_opdrachtnemers' noemen)", None
    )
    nadere_opdrachten: NadereOpdrachten | None = veld("Hoe opdrachten onder de raamovereenkomst worden verstrekt", None)


class Aanbesteding(Strikt):
    titel: Tekst = veld("Titel van de aanbesteding")
    kenmerk: Tekst = veld("Kenmerk (zaaknummer of TenderNed-kenmerk)")
    versie: Tekst = veld("Versie van de stukken, bijvoorbeeld '1.0'", "1.0")
    omschrijving: Tekst = veld("Scope: wat wordt ingekocht (eForms BT-24)")
    achtergrond: Tekst | None = veld("Achtergrond van de opdracht", None)
    visie: Tekst | None = veld("Visie van de gemeente(n) op het sociaal domein", None)
    financiering: Tekst | None = veld("Hoe de opdracht wordt gefinancierd (budget, bekostiging)", None)
    aanbestedende_dienst: AanbestedendeDienst
    deelnemende_gemeenten: list[Tekst] = veld("Bij een regionale aanbesteding: de deelnemende gemeenten", [])
    soort_opdracht: Literal["diensten", "leveringen", "werken"] = veld("Soort opdracht")
    sociale_en_andere_specifieke_diensten: bool = veld(
        "Valt de opdracht onder sociale en andere specifieke diensten (bijlage XIV, verlicht regime)?", False
    )
    cpv_codes: list[CpvCode] = veld("CPV-codes (eForms BT-262)", [])
    nuts_codes: list[NutsCode] = veld(
        "NUTS-3-codes van de plaats van uitvoering, bijvoorbeeld [NL363] (eForms BT-5071); een perceel kan eigen codes hebben", []
    )
    raamovereenkomst: Raamovereenkomst | None = veld("Alleen bij een raamovereenkomst", None)
    kwaliteitsaspecten: list[Kwaliteitsaspect] = veld("Sociale kwaliteitsaspecten die de opdracht borgt", [])
    sjabloonset: Naam | None = veld("Eigen sjabloonset van de gemeente of regio in sjablonen/", None)
    logo: Bestandsnaam | None = veld("Logo in de map huisstijl/ van de sjabloonset, bijvoorbeeld logo.png", None)




class Begrip(Strikt):
    term: Tekst
    betekenis: Tekst
