"""Societal outcomes (maatschappelijke doelen): ambition -> result -> indicator (Kwaliteitskompas)."""

from __future__ import annotations

from ..types import Id, Meetwaarde, Tekst
from .basis import Strikt, veld

# --- maatschappelijke doelen ---------------------------------------------------------------


class Indicator(Strikt):
    naam: Tekst
    definitie: Tekst | None = None
    bron: Tekst | None = veld("Waar de gegevens vandaan komen", None)
    nulmeting: Meetwaarde | None = None
    streefwaarde: Meetwaarde | None = None
    frequentie: Tekst | None = veld("Hoe vaak wordt gemeten", None)


class Resultaat(Strikt):
    id: Id | None = None
    omschrijving: Tekst = veld("Beoogd maatschappelijk resultaat")
    indicatoren: list[Indicator] = []


class Ambitie(Strikt):
    id: Id
    naam: Tekst
    omschrijving: Tekst | None = None
    percelen: list[Id] = veld("Percelen die bijdragen aan deze ambitie", [])
    resultaten: list[Resultaat] = []


class MaatschappelijkeDoelen(Strikt):
    toelichting: Tekst | None = None
    ambities: list[Ambitie] = []
