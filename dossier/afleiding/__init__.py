"""Stage 3a, derive: every computed fact of a dossier, once, in one frozen ``Afgeleid``.

The rules, the template context, the summary (``controleer --samenvatting``) and the manifest all
read the same object, so no two places can disagree about a date or an amount. Nothing here is
typed twice by the user: the end date, the window of every extension option, the maximum end
date, the value over the maximum duration, the applicable threshold and regime, the dated terms
and legal vocabulary, and the legal dates (standstill, vervaltermijn, latest note of information,
bid validity, each moved off weekends and public holidays) are all computed from the YAML and the
tables in ``data/``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Mapping

from ..invoer.model import Dossier
from .bijlagen import Annex, annexes
from .kalender import Termijneinde
from .looptijd import Term, Window, add_months, contract_term, period_end
from .regime import (
    NATIONAL_PROCEDURES,
    NOT_PROCUREMENT,
    Regime,
    legal_texts,
    reference_date,
    regime,
    terms_for,
    thresholds_for,
    thresholds_table,
)
from .termijnen import after_award, bid_validity, day_or_none, information_days, information_deadline, urgent
from .waarde import total_value, value_over, yearly_value


@dataclass(frozen=True)
class PerceelWaarde:
    """The estimated value of one lot, per year and over the maximum duration."""

    id: str
    per_jaar: Decimal | None
    totaal: Decimal | None


@dataclass(frozen=True)
class Afgeleid:
    """The derived facts of one dossier; built by ``afleiden`` right after parsing."""

    peildatum: dt.date | None  # publication, else contract start: decides thresholds and terms
    looptijd: Term | None
    waarde_per_jaar: Decimal | None
    totale_waarde: Decimal | None  # over the maximum duration incl. all options
    percelen: tuple[PerceelWaarde, ...]
    regime: Regime
    termijnen: Mapping[str, object]  # the dated row of data/termijnen.yaml in force
    rechtstekst: Mapping[str, object]  # the dated legal vocabulary of data/rechtsteksten.yaml in force
    spoed: bool  # urgency (art. 2.74) shortens the terms of this European procedure
    inlichtingen_dagen: int
    inlichtingen_uiterlijk: Termijneinde | None  # the latest day for the last note of information
    opschortende_termijn: Termijneinde | None
    opschortende_termijn_einde: dt.date | None  # = opschortende_termijn.datum
    vervaltermijn: Termijneinde | None  # the last day to serve a writ against the award decision
    gestanddoening: Termijneinde | None  # the last day tenderers are bound to their tender
    bijlagen: tuple[Annex, ...]
    competitief: bool  # a procurement with a choice between tenderers (not open house or subsidy)

    def perceel(self, perceel_id: str) -> PerceelWaarde | None:
        return next((p for p in self.percelen if p.id == perceel_id), None)


def afleiden(dossier: Dossier) -> Afgeleid:
    """Compute every derived fact of ``dossier``."""
    term = contract_term(dossier)
    months = term.maximale_maanden if term else None
    day = reference_date(dossier)
    value = total_value(dossier, months)
    applicable = regime(dossier, value, day)
    terms = terms_for(day)
    competitive = dossier.procedure.soort not in NOT_PROCUREMENT
    is_urgent = urgent(dossier, applicable)
    days = information_days(terms, applicable, is_urgent)
    standstill = after_award(dossier, terms["opschortende_termijn"], competitive)
    lots = tuple(
        PerceelWaarde(p.id, p.raming.per_jaar if p.raming else None, value_over(p.raming, months)) for p in dossier.percelen
    )
    return Afgeleid(
        peildatum=day,
        looptijd=term,
        waarde_per_jaar=yearly_value(dossier),
        totale_waarde=value,
        percelen=lots,
        regime=applicable,
        termijnen=MappingProxyType(dict(terms)),
        rechtstekst=MappingProxyType(legal_texts(day)),
        spoed=is_urgent,
        inlichtingen_dagen=days,
        inlichtingen_uiterlijk=information_deadline(dossier, days),
        opschortende_termijn=standstill,
        opschortende_termijn_einde=day_or_none(standstill),
        vervaltermijn=after_award(dossier, terms["vervaltermijn"], competitive),
        gestanddoening=bid_validity(dossier),
        bijlagen=annexes(dossier),
        competitief=competitive,
    )


__all__ = [
    "Afgeleid", "Annex", "NATIONAL_PROCEDURES", "NOT_PROCUREMENT", "PerceelWaarde", "Regime", "Term", "Termijneinde", "Window",
    "add_months", "afleiden", "period_end", "thresholds_for", "thresholds_table",
]
