"""The regime that applies, from the dated threshold and term tables in ``data/``.

Thresholds and terms change over time, so they are data with a validity period, never constants:
the publication date (else the contract start) decides which row applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

import yaml

from ..invoer.model import Dossier

NOT_PROCUREMENT = ("open-house", "subsidietender")
NATIONAL_PROCEDURES = ("meervoudig-onderhands", "enkelvoudig-onderhands")


def _table(name: str) -> list[dict]:
    text = resources.files("dossier").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.safe_load(text)


@cache
def thresholds_table() -> tuple[dict, ...]:
    return tuple(sorted(_table("drempels.yaml"), key=lambda r: r["geldig_van"]))


@cache
def terms_table() -> tuple[dict, ...]:
    return tuple(sorted(_table("termijnen.yaml"), key=lambda r: r["geldig_van"]))


def reference_date(dossier: Dossier) -> dt.date | None:
    """The day that decides which thresholds and terms apply: publication, else the start."""
    return dossier.planning.publicatie or dossier.looptijd.ingangsdatum


def thresholds_for(day: dt.date | None) -> dict | None:
    if day is None:
        return None
    for row in thresholds_table():
        if row["geldig_van"] <= day <= row["geldig_tot"]:
            return row
    return None


def terms_for(day: dt.date | None) -> dict:
    """The newest row of terms in force on ``day`` (the oldest row for earlier days)."""
    rows = terms_table()
    chosen = rows[0]
    for row in rows:
        if day is not None and row["geldig_van"] <= day:
            chosen = row
    return chosen


@dataclass(frozen=True)
class Regime:
    """Which procurement regime applies, and why."""

    naam: str  # 'europees', 'verlicht', 'nationaal', 'geen-aanbesteding', 'onbekend'
    omschrijving: str
    drempel: Decimal | None
    waarde: Decimal | None


REGIME_NAMES = {
    "europees": "Europese aanbesteding (volledig regime)",
    "verlicht": "verlicht regime voor sociale en andere specifieke diensten",
    "nationaal": "nationaal (onder de Europese drempel)",
    "geen-aanbesteding": "geen overheidsopdracht (geen aanbestedingsplicht)",
    "onbekend": "niet vast te stellen",
}


def regime(dossier: Dossier, value: Decimal | None, day: dt.date | None) -> Regime:
    """The regime for a tender of ``value`` published on ``day``."""
    if dossier.procedure.soort in NOT_PROCUREMENT:
        return Regime("geen-aanbesteding", REGIME_NAMES["geen-aanbesteding"], None, value)
    row = thresholds_for(day)
    if row is None or value is None:
        return Regime("onbekend", REGIME_NAMES["onbekend"], None, value)
    a = dossier.aanbesteding
    if a.sociale_en_andere_specifieke_diensten and a.soort_opdracht == "diensten":
        threshold = Decimal(row["sociale_en_andere_specifieke_diensten"])
        name = "verlicht" if value >= threshold else "nationaal"
    else:
        threshold = Decimal(row[a.soort_opdracht])
        name = "europees" if value >= threshold else "nationaal"
    return Regime(name, REGIME_NAMES[name], threshold, value)


def information_days(terms: dict, applicable: Regime) -> int:
    """How many days before the tender deadline the last note of information must be out."""
    return terms["inlichtingen_europees"] if applicable.naam == "europees" else terms["inlichtingen_overig"]


def standstill_end(dossier: Dossier, terms: dict) -> dt.date | None:
    """Last day of the standstill: the term counts from the day after the award decision is sent."""
    sent = dossier.planning.gunningsbeslissing
    if sent is None:
        return None
    return sent + dt.timedelta(days=terms["opschortende_termijn"])
