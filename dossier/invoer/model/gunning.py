"""Estimated value, lots and award criteria."""

from __future__ import annotations

from typing import Literal

from ..types import Bedrag, CpvCode, Id, NutsCode, Tekst, Weging
from .basis import Strikt, veld

# --- raming, percelen, gunning -----------------------------------------------------------


class Raming(Strikt):
    per_jaar: Bedrag | None = veld("Geraamde waarde per jaar, excl. btw", None)
    totaal: Bedrag | None = veld("Geraamde waarde over de maximale looptijd incl. opties, excl. btw", None)
    toelichting: Tekst | None = veld("Toelichting op de raming", None)


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


class Gunningscriteria(Strikt):
    basis: Literal["bpkv", "laagste-prijs", "laagste-kosten"] = veld(
        "Gunningsgrondslag: beste prijs-kwaliteitverhouding (bpkv), laagste prijs of laagste kosten"
    )
    motivering: Tekst | None = veld("Motivering, verplicht bij laagste prijs of kosten", None)
    beoordelingsmethodiek: Tekst | None = veld("Algemene beschrijving van de beoordeling", None)
    criteria: list[Criterium] = veld("De gunningscriteria met weging", [])


class Perceel(Strikt):
    id: Id = veld("Kenmerk van het perceel, bijvoorbeeld P1 (eForms BT-137)")
    naam: Tekst = veld("Naam van het perceel (eForms BT-21)")
    omschrijving: Tekst | None = veld("Scope van het perceel (eForms BT-24)", None)
    raming: Raming | None = veld("Raming van dit perceel", None)
    gunningscriteria: Gunningscriteria | None = veld("Eigen gunningscriteria; anders gelden die van de opdracht", None)
    cpv_codes: list[CpvCode] = veld("CPV-codes van dit perceel; de eerste is de hoofdcode (eForms BT-262, BT-263)", [])
    nuts_codes: list[NutsCode] = veld("NUTS-3-codes van de plaats van uitvoering van dit perceel (eForms BT-5071); anders die van de opdracht", [])
