"""Exclusion grounds, suitability requirements and cooperation between tenderers."""

from __future__ import annotations

from typing import Literal

from ..types import Aantal, Bedrag, Tekst
from .basis import Strikt, veld

# --- eisen, samenwerking, planning, inlichtingen ------------------------------------------


class Geschiktheidseis(Strikt):
    soort: Literal["beroepsbevoegdheid", "financieel", "technisch"]
    omschrijving: Tekst
    bewijs: Tekst | None = veld("Hoe de inschrijver aantoont dat hij voldoet", None)
    minimale_jaaromzet: Bedrag | None = None
    aantal_referenties: Aantal | None = None


class Eisen(Strikt):
    uea: bool = veld("Wordt het Uniform Europees Aanbestedingsdocument gevraagd?", False)
    uitsluitingsgronden: list[Tekst] = []
    geschiktheidseisen: list[Geschiktheidseis] = []


class Partij(Strikt):
    naam: Tekst
    rol: Literal["penvoerder", "hoofdaannemer", "onderaannemer"]


class Samenwerking(Strikt):
    combinaties_toegestaan: bool = True
    penvoerder_verplicht: bool = False
    hoofdelijke_aansprakelijkheid: bool = True
    onderaanneming_toegestaan: bool = True
    eisen: list[Tekst] = veld("Eisen aan samenwerking, bijvoorbeeld lokale samenwerking", [])
    partijen: list[Partij] = veld("Na gunning: de partijen in het samenwerkingsverband", [])
    toelichting: Tekst | None = None
