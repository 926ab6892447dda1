"""Dutch formatting of dates, amounts, lists and durations (through babel, locale nl_NL).

Used by the documents and by the checker's messages, so a lawyer reads the same notation
everywhere: ``1 juli 2020``, ``€ 7.000.000``, ``a, b en c``, ``vijf jaar, met vier opties tot
verlenging van telkens één jaar``. Amounts use the locale's own currency pattern, which puts a
no-break space after the euro sign, so "€" never ends a line apart from its number.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

if TYPE_CHECKING:  # only for annotations: the command line imports this module without the model
    from .invoer.model import Duur, Looptijd

LOCALE = "nl_NL"
_CURRENCY = Locale.parse(LOCALE).currency_formats["standard"].pattern  # "¤\xa0#,##0.00;¤\xa0-#,##0.00"
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
    pattern = _CURRENCY.replace(".00", "") if value == value.to_integral_value() else _CURRENCY
    return format_currency(value, "EUR", format=pattern, currency_digits=False, locale=LOCALE)


def lijst(items: Iterable[object], of: bool = False) -> str:
    """``a, b en c`` (or ``a, b of c``): how Dutch prose joins a list, for messages and templates."""
    return format_list([str(i) for i in items], style="or" if of else "standard", locale=LOCALE)


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
