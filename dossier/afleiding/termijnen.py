"""The legal dates of the procedure, each moved off weekends and public holidays as the law requires.

Every date a tenderer may hold the authority to (the end of the standstill, the last day to serve a
writ, the latest note of information, the end of bid validity) is computed here once; the rules and
the printed documents read these values, so a printed date and a checked date never differ.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

from ..invoer.model import Dossier
from . import kalender
from .kalender import Termijneinde
from .regime import Regime


def urgent(dossier: Dossier, applicable: Regime) -> bool:
    """Urgency (art. 2.74 Aw 2012) shortens terms only in the full European regime."""
    return dossier.procedure.urgentie is not None and applicable.naam == "europees"


def information_days(terms: Mapping[str, object], applicable: Regime, is_urgent: bool) -> int:
    """How many days before the tender deadline the last note of information must be out."""
    if applicable.naam != "europees":
        return int(terms["inlichtingen_overig"])
    return int(terms["inlichtingen_spoed"] if is_urgent else terms["inlichtingen_europees"])


def information_deadline(dossier: Dossier, days: int) -> Termijneinde | None:
    """The latest day for the last note; counted back, so a non-working day moves it earlier (art. 1 lid 2 Atw)."""
    deadline = dossier.planning.inschrijving
    return kalender.voor(deadline, days) if deadline is not None else None


def after_award(dossier: Dossier, days: int, competitive: bool) -> Termijneinde | None:
    """A term counted from the day after the award decision is sent, extended past non-working days."""
    sent = dossier.planning.gunningsbeslissing
    if sent is None or not competitive:
        return None
    return kalender.na(sent, days)


def bid_validity(dossier: Dossier) -> Termijneinde | None:
    """The last day tenderers are bound: the stated number of days after the tender deadline."""
    days, deadline = dossier.procedure.gestanddoeningstermijn_dagen, dossier.planning.inschrijving
    if days is None or deadline is None:
        return None
    return kalender.na(deadline, days)


def day_or_none(end: Termijneinde | None) -> dt.date | None:
    return end.datum if end is not None else None
