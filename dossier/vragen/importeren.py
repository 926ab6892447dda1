"""Importing tenderers' questions into the dossier: read every file, check, then add one round.

Several files (one per tenderer) become one anonymous round, numbered on from the last question
of the dossier. Nothing about who asked ends up in the dossier. Any error in any file, or in
placing the questions, means nothing is written; warnings (anonymity, doubles, references) are
shown and the questions go in, for the buyer to edit while answering.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..afleiding import Afgeleid
from ..diagnostics import Diagnostic, DossierError, Location, make, sort_key
from ..invoer.model import Dossier
from ..invoer.rectificaties import Rectificaties
from . import controles
from .documenten import LEIDRAAD, Stuk, match, references, rendered_paragraphs, stukken
from .formulier import target_round
from .lezen import lees
from .rijen import Regel
from .schrijven import write_atomically
from .yamlronde import insert


@dataclass
class Uitkomst:
    """What an import did: the findings, and the round and number of questions when it wrote."""

    meldingen: list[Diagnostic] = field(default_factory=list)
    ronde: int | None = None
    aantal: int = 0
    nieuwe_ronde: bool = False

    @property
    def fouten(self) -> bool:
        return any(d.is_error for d in self.meldingen)


def importeer(path: Path, raw: bytes, d: Dossier, afgeleid: Afgeleid, rectificaties: Rectificaties | None, files: list[Path],
              ronde: int | None, inschrijvers: list[str], datum: dt.date | None) -> Uitkomst:
    """Add the questions of ``files`` to the dossier at ``path`` (its bytes ``raw``, parsed as ``d``)."""
    result = Uitkomst()
    where = Location(str(path))
    target, new = _target(d, ronde, where)
    regels: list[Regel] = []
    for file in files:
        try:
            read = lees(file, str(file))
        except DossierError as exc:
            result.meldingen.extend(exc.diagnostics)
            continue
        result.meldingen.extend(read.meldingen)
        regels.extend(read.regels)
    documents = stukken(d, afgeleid, target)
    found = [match(r.document, documents) if r.document else None for r in regels]
    paragraphs = _paragraphs(d, afgeleid, str(path), rectificaties, result) if regels else None
    tenderers = controles.names(inschrijvers, files, _dossier_words(d))
    earlier = [(f"vraag {v.nummer} uit ronde {r.ronde}", v.vraag) for r in d.inlichtingen for v in r.vragen]
    for regel, stuk in zip(regels, found):
        result.meldingen.extend(controles.anonymity(regel, tenderers))
        result.meldingen.extend(controles.document_and_paragraph(regel, documents, paragraphs, stuk))
    result.meldingen.extend(controles.doubles(regels, earlier))
    if not regels and not result.fouten:
        result.meldingen.append(make("D694", Location(str(files[0])), bestanden=", ".join(f.name for f in files)))
    result.meldingen.sort(key=sort_key)
    if result.fouten:
        return result
    first = max((v.nummer for r in d.inlichtingen for v in r.vragen), default=0) + 1
    ordered = sorted(zip(regels, found), key=lambda pair: _order(pair[0], pair[1], documents))
    vragen = [_question(first + i, regel, stuk) for i, (regel, stuk) in enumerate(ordered)]
    try:
        day = (datum or _proposed_date(d, afgeleid, where)) if new else None
        write_atomically(path, insert(raw, str(path), vragen, target, day))
    except DossierError as exc:  # the findings so far still count: show them with the reason nothing was written
        result.meldingen.extend(exc.diagnostics)
        return result
    result.ronde, result.aantal, result.nieuwe_ronde = target, len(vragen), new
    return result


def _target(d: Dossier, ronde: int | None, where: Location) -> tuple[int, bool]:
    """(round, is it new): the last round while it has no questions, or ``--ronde`` when that is the last or the next."""
    last = d.inlichtingen[-1].ronde if d.inlichtingen else 0
    if ronde is None:
        chosen = target_round(d)
        return chosen, chosen != last
    if ronde == last and last:
        return ronde, False
    if ronde == last + 1:
        return ronde, True
    if 1 <= ronde < last:
        reason = f"ronde {ronde} is niet de laatste ronde ({last}); vragen erbij zetten zou de nummering van latere rondes breken"
    else:
        reason = f"ronde {ronde} bestaat niet en is niet de volgende ronde ({last + 1})"
    raise DossierError([make("D690", where, reden=reason, hint=f"gebruik --ronde {last} of --ronde {last + 1}" if last else "gebruik --ronde 1")])


def _proposed_date(d: Dossier, afgeleid: Afgeleid, where: Location) -> dt.date:
    """The date of a new nota when none is given: the last day for answers, or a week after the previous nota."""
    previous = [day for day in (d.inlichtingen[-1].datum if d.inlichtingen else None, d.planning.publicatie) if day]
    floor = max(previous, default=None)
    if d.planning.inschrijving is not None:
        latest = d.planning.inschrijving - dt.timedelta(days=afgeleid.inlichtingen_dagen)
        if floor is None or latest > floor:
            return latest
    if floor is not None:
        return floor + dt.timedelta(days=7)
    raise DossierError([make("D690", where, reden="het dossier noemt geen publicatie of uiterste datum van inschrijving",
                             hint="geef met --datum de publicatiedatum van de nieuwe nota (JJJJ-MM-DD)")])


def _paragraphs(d: Dossier, afgeleid: Afgeleid, file: str, rectificaties: Rectificaties | None, result: Uitkomst) -> dict[str, list[str]] | None:
    try:
        return rendered_paragraphs(d, afgeleid, file, rectificaties)
    except DossierError as exc:
        result.meldingen.append(make("D698", Location(file), reden=exc.diagnostics[0].message if exc.diagnostics else "onbekend"))
        return None


def _dossier_words(d: Dossier) -> set[str]:
    a = d.aanbesteding
    text = " ".join([a.titel, a.kenmerk, a.aanbestedende_dienst.naam, *a.deelnemende_gemeenten])
    return {w.lower() for w in re.split(r"[\s_.\-()]+", text) if w}


def _order(regel: Regel, stuk: Stuk | None, documents: list[Stuk]) -> tuple:
    """Questions in the order of the documents and their paragraphs, not of the files they came from.

    That is how a nota reads best, and it does not show which questions one tenderer sent together.
    """
    position = documents.index(stuk) if stuk is not None else (0 if not regel.document else len(documents))
    numbers = references(regel.paragraaf or "")
    return position, tuple(int(n) for n in numbers[0].split(".")) if numbers else (10**6,)


def _question(nummer: int, regel: Regel, stuk: Stuk | None) -> dict:
    reference = ", ".join(part for part in (regel.paragraaf, f"pagina {regel.pagina}" if regel.pagina else None) if part)
    vraag = {"nummer": nummer, "document": stuk.naam if stuk else (regel.document or LEIDRAAD)}
    if reference:
        vraag["paragraaf"] = reference
    vraag["vraag"] = regel.vraag
    vraag["antwoord"] = None
    return vraag
