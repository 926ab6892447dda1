"""The estimated value: per year and over the maximum duration, including all options.

The value that decides the regime is excl. VAT over the whole duration including every extension
(art. 2.14-2.15 Aw 2012); lots are added up.
"""

from __future__ import annotations

from decimal import Decimal

from ..invoer.model import Dossier, Raming


def value_over(raming: Raming | None, months: int | None) -> Decimal | None:
    """The estimated value over ``months``: the stated total, else per year times the years."""
    if raming is None:
        return None
    if raming.totaal is not None:
        return raming.totaal
    if raming.per_jaar is not None and months:
        return (raming.per_jaar * months / 12).quantize(Decimal("1"))
    return None


def total_value(dossier: Dossier, months: int | None) -> Decimal | None:
    """Value of the whole tender over ``months``; lots are added up when they all have one."""
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
