"""Which contract annexes a dossier gets, lettered A, B, ... in a fixed order."""

from __future__ import annotations

from dataclasses import dataclass

from ..invoer.model import Dossier


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


def annexes(dossier: Dossier) -> tuple[Annex, ...]:
    chosen = [(slug, titel) for slug, titel, applies in _ANNEXES if applies(dossier)]
    return tuple(Annex(chr(ord("A") + i), slug, titel) for i, (slug, titel) in enumerate(chosen))
