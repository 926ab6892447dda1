"""Estimated value, lots and award criteria with a transparent scoring method.

A tenderer (and a judge) must be able to compute a score before the tender: what each score on the
scale means, which formula turns a price into points, against which reference and ceiling, and
whether the price is fixed when only quality counts.
"""

from __future__ import annotations

from typing import Literal

from ..types import Aantal, Bedrag, CpvCode, Id, NutsCode, Positief, Tekst, Weging
from .basis import Strikt, veld

# --- raming, percelen, gunning -----------------------------------------------------------


class Raming(Strikt):
    per_jaar: Bedrag | None = veld("Geraamde waarde per jaar, excl. btw", None)
    totaal: Bedrag | None = veld("Geraamde waarde over de maximale looptijd incl. opties, excl. btw", None)
    toelichting: Tekst | None = veld("Toelichting op de raming", None)


class Scoreniveau(Strikt):
    score: Aantal = veld("De score, bijvoorbeeld 0, 2, 4, 6, 8 of 10")
    omschrijving: Tekst = veld("Wanneer een inschrijving deze score krijgt (de beschrijving van het niveau)")


class Prijsformule(Strikt):
    methode: Literal["relatief-laagste-prijs", "lineair-referentie-plafond", "eigen-formule"] = veld(
        "Hoe een prijs punten wordt: ten opzichte van de laagste prijs, lineair tussen referentieprijs en plafond, "
        "of een eigen formule"
    )
    prijs: Tekst | None = veld("Welke prijs telt, bijvoorbeeld 'de totale jaarprijs exclusief btw'", None)
    referentie: Bedrag | None = veld("Referentieprijs: een prijs gelijk aan of lager dan dit bedrag krijgt de maximale score", None)
    plafond: Bedrag | None = veld(
        "Plafondbedrag: een hogere prijs is ongeldig, een prijs gelijk aan het plafond krijgt nul punten; "
        "bij percelen met elk een eigen plafond: 'plafond' per perceel", None
    )
    formule: Tekst | None = veld("Bij 'eigen-formule': de formule, met elke grootheid benoemd", None)


class VastePrijs(Strikt):
    bedrag: Bedrag | None = veld("Het vaste bedrag of budget in euro, exclusief btw", None)
    eenheid: Tekst | None = veld("Waar het bedrag voor geldt, bijvoorbeeld 'per jaar'", None)
    omschrijving: Tekst | None = veld("Toelichting, bijvoorbeeld vaste tarieven in een bijlage", None)


class Subcriterium(Strikt):
    naam: Tekst
    weging: Weging
    omschrijving: Tekst | None = None


class Criterium(Strikt):
    naam: Tekst = veld("Naam van het criterium (eForms BT-734)")
    soort: Literal["kwaliteit", "prijs", "kosten"] = veld("Soort criterium (eForms BT-539)", "kwaliteit")
    weging: Weging = veld("Weging in procentpunten (eForms BT-541)")
    omschrijving: Tekst | None = veld("Wat wordt beoordeeld (eForms BT-540)", None)
    beoordeling: Tekst | None = veld("Hoe het criterium wordt beoordeeld (beoordelingsmethodiek)", None)
    subcriteria: list[Subcriterium] = veld("Subcriteria; hun wegingen tellen op tot die van dit criterium", [])
    schaal: list[Scoreniveau] = veld("Eigen beoordelingsschaal van dit criterium; anders geldt de schaal van de gunningscriteria", [])
    prijsformule: Prijsformule | None = veld("Bij een prijs- of kostencriterium: de formule die de prijs in punten omzet", None)


class Gunningscriteria(Strikt):
    basis: Literal["bpkv", "laagste-prijs", "laagste-kosten"] = veld(
        "Gunningsgrondslag: beste prijs-kwaliteitverhouding (bpkv), laagste prijs of laagste kosten"
    )
    motivering: Tekst | None = veld("Motivering, verplicht bij laagste prijs of kosten", None)
    beoordelingsmethodiek: Tekst | None = veld("Algemene beschrijving van de beoordeling", None)
    criteria: list[Criterium] = veld("De gunningscriteria met weging", [])
    schaal: list[Scoreniveau] = veld("De beoordelingsschaal van de kwaliteitscriteria: elke score met wat die betekent", [])
    vaste_prijs: VastePrijs | None = veld(
        "Bij gunning op alleen kwaliteit: de vaste prijs of het vaste budget waarop alle inschrijvers inschrijven", None
    )
    bij_gelijke_score: Tekst | None = veld(
        "Wat beslist bij een gelijke totaalscore, als volledige zin, bijvoorbeeld 'De inschrijver met de hoogste score op het "
        "zwaarst wegende criterium gaat voor; is ook die gelijk, dan beslist loting onder toezicht van een notaris.'", None
    )


class Perceel(Strikt):
    id: Id = veld("Kenmerk van het perceel, bijvoorbeeld P1 (eForms BT-137)")
    naam: Tekst = veld("Naam van het perceel (eForms BT-21)")
    omschrijving: Tekst | None = veld("Scope van het perceel (eForms BT-24)", None)
    raming: Raming | None = veld("Raming van dit perceel", None)
    gunningscriteria: Gunningscriteria | None = veld("Eigen gunningscriteria; anders gelden die van de opdracht", None)
    plafond: Bedrag | None = veld("Plafondbedrag van dit perceel (de hoogste geldige prijs), exclusief btw", None)
    aantal_opdrachtnemers: Positief | None = veld(
        "Bij een raamovereenkomst: met hoeveel opdrachtnemers dit perceel wordt gesloten, als dat afwijkt van "
        "'raamovereenkomst.aantal_partijen'", None
    )
    cpv_codes: list[CpvCode] = veld("CPV-codes van dit perceel; de eerste is de hoofdcode (eForms BT-262, BT-263)", [])
    nuts_codes: list[NutsCode] = veld("NUTS-3-codes van de plaats van uitvoering van dit perceel (eForms BT-5071); anders die van de opdracht", [])
