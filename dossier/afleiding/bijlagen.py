"""Which annexes a dossier gets, lettered A, B, ... in a fixed order.

All are contract annexes except the Beoordelingskader: the criteria, weights, scale, price formula and
tie-break on one page, the page tenderers and a judge read first. It comes last, so the letters of the
contract annexes (which notes of information refer to) stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..invoer.model import Dossier


@dataclass(frozen=True)
class Annex:
    """A contract annex generated from the dossier, lettered in the order below."""

    letter: str
    slug: str
    titel: str
    contractbijlage: bool = True  # part of the contract; False for an annex of the guide only


def _has_criteria(d: Dossier) -> bool:
    return d.procedure.soort != "open-house" and (d.gunningscriteria is not None or any(p.gunningscriteria for p in d.percelen))


_ANNEXES = (
    ("resultaatafspraken", "Resultaatafspraken", lambda d: d.maatschappelijke_doelen is not None),
    ("escalatiemodel", "Escalatiemodel", lambda d: d.escalatiemodel is not None),
    ("looptijd-en-verlenging", "Looptijd en verlenging", lambda d: True),
    ("percelen-en-raming", "Percelen en raming", lambda d: True),
    ("monitoring-en-evaluatie", "Monitoring en evaluatie", lambda d: d.monitoring_en_evaluatie is not None),
    ("beoordelingskader", "Beoordelingskader", _has_criteria),
)
_GUIDE_ONLY = ("beoordelingskader",)


def annexes(dossier: Dossier) -> tuple[Annex, ...]:
    chosen = [(slug, titel) for slug, titel, applies in _ANNEXES if applies(dossier)]
    return tuple(Annex(chr(ord("A") + i), slug, titel, slug not in _GUIDE_ONLY) for i, (slug, titel) in enumerate(chosen))
