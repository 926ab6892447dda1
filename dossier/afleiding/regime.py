"""The regime that applies, from the dated threshold, term and legal-text tables in ``data/``.

Thresholds, terms and even the names of legal instruments change over time, so they are data with a
validity period, never constants: the publication date (else the contract start) decides which row
applies. Before 1 July 2016 social services were "II B-diensten" with the ordinary services
threshold; that is regime ``2b``, not the later light regime.
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


@cache
def legal_texts_table() -> dict[str, tuple[dict, ...]]:
    return {key: tuple(sorted(rows, key=lambda r: r["geldig_van"])) for key, rows in _table("rechtsteksten.yaml").items()}


def _newest_row(rows: tuple[dict, ...], day: dt.date | None) -> dict:
    """The newest row in force on ``day``; the oldest row for earlier days, the newest for no day."""
    if day is None:
        return rows[-1]
    chosen = rows[0]
    for row in rows:
        if row["geldig_van"] <= day:
            chosen = row
    return chosen


def legal_texts(day: dt.date | None) -> dict[str, object]:
    """The legal vocabulary in force on ``day``: {'eigen_verklaring': 'Eigen Verklaring', ...}."""
    return {key: _newest_row(rows, day)["waarde"] for key, rows in legal_texts_table().items()}


def thresholds_for(day: dt.date | None) -> dict | None:
    if day is None:
        return None
    for row in thresholds_table():
        if row["geldig_van"] <= day <= row["geldig_tot"]:
            return row
    return None


def terms_for(day: dt.date | None) -> dict:
    """The newest row of terms in force on ``day`` (the oldest row for earlier days or no day)."""
    return _newest_row(terms_table(), day) if day is not None else terms_table()[0]


@dataclass(frozen=True)
class Regime:
    """Which procurement regime applies, and why."""

    naam: str  # 'europees', 'verlicht', '2b', 'nationaal', 'geen-aanbesteding', 'onbekend'
    omschrijving: str
    drempel: Decimal | None
    waarde: Decimal | None

    @property
    def boven_drempel(self) -> bool:
        """A regime above a European threshold: the award decision has a standstill period."""
        return self.naam in ("europees", "verlicht", "2b")


REGIME_NAMES = {
    "europees": "Europese aanbesteding (volledig regime)",
    "verlicht": "verlicht regime voor sociale en andere specifieke diensten",
    "2b": "II B-diensten (regels van vóór 1 juli 2016)",
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
        sas = row["sociale_en_andere_specifieke_diensten"]
        threshold = Decimal(sas if sas is not None else row["diensten"])
        name = ("verlicht" if sas is not None else "2b") if value >= threshold else "nationaal"
    else:
        threshold = Decimal(row[a.soort_opdracht])
        name = "europees" if value >= threshold else "nationaal"
    return Regime(name, REGIME_NAMES[name], threshold, value)
