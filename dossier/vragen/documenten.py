"""The documents a question can be about, and the paragraph numbers each of them has.

The names are the ones the checker accepts for ``document`` (D333): ``Aanbestedingsleidraad``,
``Bijlage A`` (the form lists it as ``Bijlage A: Resultaatafspraken``), the title of another annex,
and an earlier ``Nota van inlichtingen N``. A name a tenderer typed is matched loosely (case,
colons, dashes) and stored in its canonical spelling.

Paragraph numbers come from the documents as dossier renders them now: every heading is numbered
``1``, ``1.1``, ``1.1.1`` in Word and PDF, so counting the Markdown headings gives the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..afleiding import Afgeleid
from ..documenten.context import DEFAULT_WORDS, WORDS
from ..documenten.render import render_documents
from ..documenten.sjabloonsets import resolve
from ..invoer.model import Dossier
from ..invoer.rectificaties import Rectificaties

LEIDRAAD = "Aanbestedingsleidraad"
_HEADING = re.compile(r"(#{1,6}) \S")
_FENCE = re.compile(r"(```|~~~)")
_NUMBER = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True)
class Stuk:
    """A document a question may name: the canonical name, what the form shows, the rendered file it is."""

    naam: str
    tonen: str
    bestand: str | None  # file stem of the rendered document, for the paragraph check
    varianten: frozenset[str]


def _key(text: str) -> str:
    return re.sub(r"[\s:–—\-_.,]+", " ", text).strip().lower()


def stukken(d: Dossier, afgeleid: Afgeleid, before_round: int) -> list[Stuk]:
    """The documents of this tender that a question in round ``before_round`` can refer to."""
    words = WORDS.get(d.procedure.soort, DEFAULT_WORDS)
    found = [Stuk(LEIDRAAD, words.leidraad, "aanbestedingsleidraad",
                  frozenset(map(_key, {LEIDRAAD, "leidraad", words.leidraad, "al"})))]
    for annex in afgeleid.bijlagen:
        name = f"Bijlage {annex.letter}"
        found.append(Stuk(name, f"{name}: {annex.titel}", f"bijlage-{annex.letter.lower()}-{annex.slug}",
                          frozenset(map(_key, {name, f"{name} {annex.titel}", annex.titel}))))
    if d.contract:
        for other in d.contract.overige_bijlagen:
            found.append(Stuk(other.titel, other.titel, None, frozenset({_key(other.titel)})))
    for ronde in d.inlichtingen:
        if ronde.ronde < before_round:
            name = f"Nota van inlichtingen {ronde.ronde}"
            found.append(Stuk(name, name, None, frozenset({_key(name), _key(f"nvi {ronde.ronde}")})))
    return found


def match(text: str, documents: list[Stuk]) -> Stuk | None:
    key = _key(text)
    return next((s for s in documents if key in s.varianten), None)


def paragraph_numbers(markdown: str) -> list[str]:
    """The number of every heading, in order: ``1``, ``1.1``, ``2``... as Word and PDF print them."""
    counters: list[int] = []
    numbers, fenced = [], False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        heading = _HEADING.match(line)
        if fenced or not heading or line.rstrip().endswith(("{-}", "{.unnumbered}")):
            continue
        level = len(heading.group(1))
        counters = (counters + [0] * level)[:level]
        counters[-1] += 1
        numbers.append(".".join(str(c) for c in counters))
    return numbers


def rendered_paragraphs(d: Dossier, afgeleid: Afgeleid, file: str, rectificaties: Rectificaties | None) -> dict[str, list[str]]:
    """File stem -> paragraph numbers of the documents as they are built now (raises DossierError)."""
    sjabloonset = resolve(d.aanbesteding.sjabloonset, d.aanbesteding.logo)
    documents = render_documents(d, afgeleid, sjabloonset, "concept", file, None, rectificaties)
    return {doc.naam: paragraph_numbers(doc.markdown) for doc in documents}


def references(text: str) -> list[str]:
    """The paragraph numbers a reference names: '§ 3.2 en 4.1' -> ['3.2', '4.1']; 'pagina 12' names none."""
    text = re.split(r",?\s*(?:pagina|blz|pag)\b", text, maxsplit=1, flags=re.IGNORECASE)[0]
    return _NUMBER.findall(text)
