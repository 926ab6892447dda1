"""Derived facts of a dossier: pure functions, shared by the checker and the documents.

Nothing here is typed twice by the user: the end date, the window of every extension option, the
maximum end date, the value over the maximum duration, the applicable threshold and regime and the
end of the standstill period are all computed from the YAML and the dated tables in ``data/``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

import yaml

from .model import Dossier, Duur, Raming

NOT_PROCUREMENT = ("open-house", "subsidietender")
NATIONAL_PROCEDURES = ("meervoudig-onderhands", "enkelvoudig-onderhands")


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: dt.date, duur: Duur) -> dt.date:
    """Last day of a period of ``duur`` that begins on ``start`` (1 July + 5 years -> 30 June)."""
    return add_months(start, duur.in_maanden) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Window:
    """One extension: the n-th option, its period and the latest day to announce it."""

    nummer: int
    begin: dt.date
    einde: dt.date
    aankondigen_uiterlijk: dt.date | None


@dataclass(frozen=True)
class Term:
    """The contract period with all options."""

    ingangsdatum: dt.date
    einddatum: dt.date
    maximale_einddatum: dt.date
    initiele_maanden: int
    maximale_maanden: int
    opties: tuple[Window, ...]


def contract_term(dossier: Dossier) -> Term | None:
    """The computed period, or None when start or duration is missing (rule D308 reports that)."""
    looptijd = dossier.looptijd
    if looptijd.ingangsdatum is None or looptijd.duur is None or looptijd.duur.in_maanden == 0:
        return None
    end = period_end(looptijd.ingangsdatum, looptijd.duur)
    months = looptijd.duur.in_maanden
    windows: list[Window] = []
    for optie in looptijd.verlengingsopties:
        if optie.duur is None or optie.aantal is None or optie.duur.in_maanden == 0:
            continue
        for _ in range(optie.aantal):
            begin = end + dt.timedelta(days=1)
            notice = add_months(begin, -optie.aankondigingstermijn.in_maanden) if optie.aankondigingstermijn else None
            end = period_end(begin, optie.duur)
            months += optie.duur.in_maanden
            windows.append(Window(len(windows) + 1, begin, end, notice))
    first_end = period_end(looptijd.ingangsdatum, looptijd.duur)
    return Term(looptijd.ingangsdatum, first_end, end, looptijd.duur.in_maanden, months, tuple(windows))


def value_over(raming: Raming | None, months: int | None) -> Decimal | None:
    """The estimated value over ``months``: the stated total, else per year times the years."""
    if raming is None:
        return None
    if raming.totaal is not None:
        return raming.totaal
    if raming.per_jaar is not None and months:
        return (raming.per_jaar * months / 12).quantize(Decimal("1"))
    return None


def total_value(dossier: Dossier, term: Term | None) -> Decimal | None:
    """Value of the whole tender over the maximum duration; lots are added up when they all have one."""
    months = term.maximale_maanden if term else None
    own = value_over(dossier.raming, months)
    if own is not None:
        return own
    lots = [value_over(p.raming, months) for p in dossier.percelen]
    if lots and all(v is not None for v in lots):
        return sum(lots, Decimal(0))
    return None


def yearly_value(dossier: Dossier) -> Decimal | None:
    if dossier.raming and dossier.raming.per_jaar is not None:
        return dossier.raming.per_jaar
    lots = [p.raming.per_jaar if p.raming else None for p in dossier.percelen]
    if lots and all(v is not None for v in lots):
        return sum(lots, Decimal(0))
    return None


# --- dated tables ------------------------------------------------------------------------


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


def regime(dossier: Dossier, term: Term | None) -> Regime:
    value = total_value(dossier, term)
    if dossier.procedure.soort in NOT_PROCUREMENT:
        return Regime("geen-aanbesteding", REGIME_NAMES["geen-aanbesteding"], None, value)
    row = thresholds_for(reference_date(dossier))
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


def standstill_end(dossier: Dossier) -> dt.date | None:
    """Last day of the standstill: the term counts from the day after the award decision is sent."""
    sent = dossier.planning.gunningsbeslissing
    if sent is None:
        return None
    return sent + dt.timedelta(days=terms_for(reference_date(dossier))["opschortende_termijn"])


@dataclass(frozen=True)
class Annex:
    """A contract annex generated from the dossier, lettered in the order below."""

    letter: str
    slug: str
    titel: str


_ANNEXES = (
    ("resultaatafspraken", "Resultaatafspraken", lambda d: d.maatschappelijke_doelen is not None),
    ("escalatiemodel", "Escalatiemodel", lambda d: d.escalatiemodel is not None),
    ("looptijd-en-verlenging", "Looptijd en verlenging", lambda d: True),
    ("percelen-en-raming", "Percelen en raming", lambda d: True),
    ("monitoring-en-evaluatie", "Monitoring en evaluatie", lambda d: d.monitoring_en_evaluatie is not None),
)


def annexes(dossier: Dossier) -> list[Annex]:
    chosen = [(slug, titel) for slug, titel, applies in _ANNEXES if applies(dossier)]
    return [Annex(chr(ord("A") + i), slug, titel) for i, (slug, titel) in enumerate(chosen)]
