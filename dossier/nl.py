"""Dutch formatting of dates, amounts and durations (through babel, locale nl_NL).

Used by the documents and by the checker's messages, so a lawyer reads the same notation
everywhere: ``1 juli 2020``, ``€ 7.000.000``, ``vijf jaar, met vier opties tot verlenging van
telkens één jaar``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from .invoer.model import Duur, Looptijd

LOCALE = "nl_NL"
_WORDS = [
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien", "twintig",
]  # fmt: skip


def datum(day: dt.date | None) -> str:
    """``2020-07-01`` -> ``1 juli 2020``."""
    if day is None:
        return "(nog niet bepaald)"
    return format_date(day, format="d MMMM y", locale=LOCALE)


def bedrag(amount: Decimal | int | float | None) -> str:
    """Whole euros without cents (``€ 7.000.000``); cents only where there are any (``€ 52,30``)."""
    if amount is None:
        return "(niet geraamd)"
    value = Decimal(str(amount))
    pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
    return "€ " + format_decimal(value, format=pattern, locale=LOCALE)


def getal(value: Decimal | int | float) -> str:
    return format_decimal(Decimal(str(value)), format="#,##0.##", locale=LOCALE)


def woord(n: int) -> str:
    """Small numbers in words, as Dutch legal text writes them; larger ones as digits."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def duur(value: Duur | int) -> str:
    """``{jaren: 5}`` -> ``vijf jaar``; ``{jaren: 1, maanden: 6}`` -> ``één jaar en zes maanden``."""
    months = value if isinstance(value, int) else value.in_maanden
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{woord(years)} jaar")
    if rest:
        parts.append(f"{woord(rest)} {'maand' if rest == 1 else 'maanden'}")
    return " en ".join(parts) or "nul maanden"


def looptijd_in_woorden(looptijd: Looptijd) -> str:
    """``vijf jaar, met vier opties tot verlenging van telkens één jaar``."""
    if looptijd.duur is None:
        return "(looptijd niet bepaald)"
    text = duur(looptijd.duur)
    options = [o for o in looptijd.verlengingsopties if o.aantal and o.duur]
    if not options:
        return text + ", zonder optie tot verlenging"
    phrases = []
    for optie in options:
        if optie.aantal == 1:
            phrases.append(f"één optie tot verlenging van {duur(optie.duur)}")
        else:
            phrases.append(f"{woord(optie.aantal)} opties tot verlenging van telkens {duur(optie.duur)}")
    return text + ", met " + " en ".join(phrases)


def dagen(n: int) -> str:
    return f"{n} {'dag' if n == 1 else 'dagen'}"
