"""The contract period: end date, the window of every extension option and the maximum end date.

Nothing here is typed twice by the user: 1 July 2020 + five years ends on 30 June 2025, and each
option begins the day after the previous period ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..invoer.model import Dossier, Duur


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
