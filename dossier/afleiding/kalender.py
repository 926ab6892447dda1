"""Dutch public holidays and the end of a term under the Algemene termijnenwet (Atw).

A legal term that ends on a Saturday, Sunday or public holiday runs on to the next day that is none
of these (art. 1 lid 1 Atw); courts applied this to the standstill period of art. 2.127 Aw 2012. A
term counted back from an event is not extended (art. 1 lid 2 Atw): there the safe reading is the
last working day before it. The holidays are data (``data/feestdagen.yaml``); Easter and the days
that hang on it are computed, so no year has to be typed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .. import nl

_DAY = dt.timedelta(days=1)
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@cache
def _table() -> dict:
    return yaml.safe_load(resources.files("dossier").joinpath("data/feestdagen.yaml").read_text("utf-8"))


def pasen(jaar: int) -> dt.date:
    """Easter Sunday of ``jaar`` in the Gregorian calendar (the anonymous algorithm of Meeus)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own letter)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(jaar, month, day + 1)


def _day_of(rule: dict, jaar: int) -> dt.date | None:
    if not rule.get("van", jaar) <= jaar <= rule.get("tot", jaar):
        return None
    if "pasen" in rule:
        return pasen(jaar) + dt.timedelta(days=rule["pasen"])
    day = dt.date(jaar, rule["maand"], rule["dag"])
    if day.weekday() == 6 and "op_zondag" in rule:
        day += dt.timedelta(days=rule["op_zondag"])
    return day


@cache
def _holidays(jaar: int) -> dict[dt.date, str]:
    """The holidays of ``jaar`` with the days made equal to them (some fall in a neighbouring year)."""
    table = _table()
    named = {rule["naam"]: _day_of(rule, jaar) for rule in table["feestdagen"]}
    days = {day: name for name, day in named.items() if day is not None}
    extra = table["gelijkgesteld"]
    for rule in extra["dagen"]:
        day = _day_of(rule, jaar)
        if day is not None:
            days.setdefault(day, rule["naam"])
    for name in extra["maandag_voor"]:
        day = named.get(name)
        if day is not None and day.weekday() == 1:
            days.setdefault(day - _DAY, f"de maandag vóór {name}")
    for name in extra["vrijdag_na"]:
        day = named.get(name)
        if day is not None and day.weekday() == 3:
            days.setdefault(day + _DAY, f"de vrijdag na {name}")
    if extra.get("tussen_feestdagen"):
        for day in sorted(days):
            between = day + _DAY
            if between.weekday() < 5 and between not in days and between + _DAY in days:
                days[between] = "de werkdag tussen twee feestdagen"
    equal = {rule["naam"] for rule in extra["dagen"]}
    return {day: (f"de {name}" if name in equal else name) for day, name in days.items()}


def vrije_dag(day: dt.date) -> str | None:
    """Why ``day`` is not a working day ('een zondag', 'Tweede Paasdag', ...), or None."""
    if day.weekday() >= 5:
        return f"een {_WEEKDAYS[day.weekday()]}"
    for jaar in (day.year, day.year + 1):  # a bridge day before New Year belongs to the next year
        name = _holidays(jaar).get(day)
        if name:
            return name
    return None


def werkdag_vanaf(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the next working day."""
    while vrije_dag(day):
        day += _DAY
    return day


def werkdag_tot(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the last working day before it."""
    while vrije_dag(day):
        day -= _DAY
    return day


def weekdag(day: dt.date) -> str:
    return _WEEKDAYS[day.weekday()]


@dataclass(frozen=True)
class Termijneinde:
    """The last day of a term: as counted (``berekend``) and as moved off a non-working day (``datum``)."""

    datum: dt.date
    berekend: dt.date
    reden: str | None  # why ``berekend`` is not a working day; None when the two are equal

    @property
    def verschoven(self) -> bool:
        return self.datum != self.berekend

    @property
    def tekst(self) -> str:
        """``2 november 2020``, or ``2 november 2020 (1 november 2020 is een zondag)`` when moved."""
        if not self.verschoven:
            return nl.datum(self.datum)
        return f"{nl.datum(self.datum)} ({nl.datum(self.berekend)} is {self.reden})"


def na(begin: dt.date, dagen: int) -> Termijneinde:
    """A term of ``dagen`` calendar days counted from the day after ``begin``, extended as art. 1 Atw says."""
    counted = begin + dt.timedelta(days=dagen)
    return Termijneinde(werkdag_vanaf(counted), counted, vrije_dag(counted))


def voor(einde: dt.date, dagen: int) -> Termijneinde:
    """The latest day ``dagen`` calendar days before ``einde``, moved back to a working day."""
    counted = einde - dt.timedelta(days=dagen)
    return Termijneinde(werkdag_tot(counted), counted, vrije_dag(counted))
