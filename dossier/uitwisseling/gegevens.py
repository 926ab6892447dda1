"""What both exports read from a dossier, computed once: lots, periods, values, criteria, dates.

OCDS and eForms describe the same facts in two shapes. Everything they share is derived here from
the parsed dossier and its ``Afgeleid`` (never recomputed), so the two exports cannot disagree
about a value or a date. What the dossier does not hold is recorded as ``Ontbrekend`` (the
"nog in te vullen" list), never filled with a guess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from .. import nl
from ..afleiding import Afgeleid
from ..invoer.model import Dossier, Gunningscriteria

def stable_uuid(*parts: str) -> str:
    """A UUID derived from ``parts``: same dossier, same identifier.

    eForms requires the notice and procedure identifiers to have the form of a random (version 4)
    UUID, so the bits come from a SHA-256 of the parts with the version and variant bits set.
    """
    digest = hashlib.sha256("\x1f".join(("dossier",) + parts).encode("utf-8")).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def offset(day: dt.date) -> str:
    """The Dutch UTC offset on ``day`` (summer time from the last Sunday of March to that of October).

    Computed, not read from the system's time-zone database, so the output is the same everywhere.
    """
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return "+02:00" if summer else "+01:00"


@dataclass(frozen=True)
class Ontbrekend:
    """A field the notice needs and the dossier cannot supply: shown as 'nog in te vullen'."""

    veld: str  # eForms field id (or OCDS path)
    wat: str  # Dutch: what to fill in
    pad: tuple = ()  # where in the YAML it would belong, if anywhere


@dataclass(frozen=True)
class Verlenging:
    aantal: int
    maanden: int
    eenzijdig: bool
    aankondiging_maanden: int | None


@dataclass(frozen=True)
class Perceelgegevens:
    """One lot as both exports see it; a dossier without percelen is one lot: the whole tender."""

    nummer: int  # 1-based; eForms LOT-0001
    id: str  # the dossier's own id (P1), or the kenmerk for a tender without lots
    naam: str
    omschrijving: str
    cpv: tuple[str, ...]
    nuts: tuple[str, ...]
    waarde: Decimal | None  # over the maximum duration, incl. all options, excl. VAT
    criteria: Gunningscriteria | None
    pad: tuple  # YAML path of the lot (or of the tender)

    @property
    def eforms_id(self) -> str:
        return f"LOT-{self.nummer:04d}"


@dataclass
class Gegevens:
    """The shared facts of one dossier for the exports."""

    dossier: Dossier
    afgeleid: Afgeleid
    percelen: list[Perceelgegevens]
    verlengingen: list[Verlenging]
    ontbrekend: list[Ontbrekend] = field(default_factory=list)

    def missing(self, veld: str, wat: str, pad: tuple = ()) -> None:
        if all((o.veld, o.wat) != (veld, wat) for o in self.ontbrekend):
            self.ontbrekend.append(Ontbrekend(veld, wat, pad))

    @property
    def verlengingen_totaal(self) -> int:
        return sum(v.aantal for v in self.verlengingen)

    def verlenging_tekst(self) -> str | None:
        """The renewal description (BT-57, OCDS renewal.description), in Dutch, from the options."""
        if not self.verlengingen:
            return None
        parts = []
        for v in self.verlengingen:
            times = "één keer" if v.aantal == 1 else f"{nl.woord(v.aantal)} keer"
            text = f"{times} met {nl.duur(v.maanden)}"
            text += ", eenzijdig door de opdrachtgever" if v.eenzijdig else ", in overleg tussen partijen"
            if v.aankondiging_maanden:
                text += f", aan te kondigen uiterlijk {nl.duur(v.aankondiging_maanden)} voor het einde van de lopende periode"
            parts.append(text)
        term = self.afgeleid.looptijd
        end = f"; uiterlijk tot en met {nl.datum(term.maximale_einddatum)}" if term else ""
        return "De overeenkomst kan worden verlengd: " + "; ".join(parts) + end + "."


def gegevens(dossier: Dossier, afgeleid: Afgeleid) -> Gegevens:
    """Collect the shared facts of ``dossier``."""
    a = dossier.aanbesteding
    lots: list[Perceelgegevens] = []
    if dossier.percelen:
        for i, p in enumerate(dossier.percelen):
            value = afgeleid.perceel(p.id)
            lots.append(Perceelgegevens(
                i + 1, p.id, p.naam, p.omschrijving or p.naam, tuple(p.cpv_codes), tuple(p.nuts_codes or a.nuts_codes),
                value.totaal if value else None, p.gunningscriteria or dossier.gunningscriteria, ("percelen", i),
            ))
    else:
        lots.append(Perceelgegevens(1, a.kenmerk, a.titel, a.omschrijving, tuple(a.cpv_codes), tuple(a.nuts_codes),
                                    afgeleid.totale_waarde, dossier.gunningscriteria, ("aanbesteding",)))
    renewals = [
        Verlenging(o.aantal, o.duur.in_maanden, o.eenzijdig, o.aankondigingstermijn.in_maanden if o.aankondigingstermijn else None)
        for o in dossier.looptijd.verlengingsopties
        if o.aantal and o.duur and o.duur.in_maanden
    ]
    return Gegevens(dossier, afgeleid, lots, renewals)


def publicatiedatum(g: Gegevens) -> dt.date | None:
    """The day the notice is meant to be published; the dossier's planning, else none."""
    return g.dossier.planning.publicatie
