"""What the overview page shows, gathered from the model, ``Afgeleid`` and the findings: never recomputed.

Every text here is a plain value; the page template escapes it. Only the explanations of the
message catalogue are Markdown (written by the project, rendered by ``tekst``); a value of the
dossier is never read as Markdown or HTML, just as in the documents, where it is escaped too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Mapping, Sequence

from .. import nl
from ..afleiding import Afgeleid, thresholds_for
from ..diagnostics import Diagnostic, catalogue
from ..documenten.context import BASIS_NAMES, PROCEDURE_NAMES, criteria_for
from ..documenten.render import Document, plan_documents
from ..invoer.model import Dossier
from . import tekst

KINDS = {"docx": "Word", "pdf": "PDF", "md": "Markdown"}


@dataclass(frozen=True)
class Cijfer:
    term: str
    waarde: str
    toelichting: str = ""


@dataclass(frozen=True)
class Criteriumregel:
    naam: str
    soort: str
    weging: float
    weging_tekst: str
    sub: bool = False


@dataclass(frozen=True)
class Perceelblok:
    kop: str
    per_jaar: str | None
    totaal: str | None
    omschrijving: tuple[str, ...]  # paragraphs
    grondslag: str | None
    criteria: tuple[Criteriumregel, ...]


@dataclass(frozen=True)
class Bestand:
    naam: str
    soort: str
    sha256: str


@dataclass(frozen=True)
class Documentregel:
    titel: str
    soort: str
    bestanden: tuple[Bestand, ...]


@dataclass(frozen=True)
class Meldingregel:
    code: str
    ernst: str
    titel: str
    bericht: str
    plaats: str
    hint: str | None
    grondslag: str | None
    uitleg: str  # HTML, from the catalogue's Markdown


def paragraphs(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").split("\n\n") if p.strip())


def kerncijfers(d: Dossier, afgeleid: Afgeleid, documents: int) -> list[Cijfer]:
    """The figures a team checks first: value, regime and its thresholds, end date, numbers of things."""
    regime, term = afgeleid.regime, afgeleid.looptijd
    row = thresholds_for(afgeleid.peildatum)
    basis = "publicatiedatum" if d.planning.publicatie else "ingangsdatum"
    used = (f"drempels geldig van {nl.datum(row['geldig_van'])} tot en met {nl.datum(row['geldig_tot'])}"
            f" (peildatum {nl.datum(afgeleid.peildatum)}, de {basis})") if row and afgeleid.peildatum else "geen drempeltabel voor deze datum"
    threshold = nl.bedrag(regime.drempel) if regime.drempel is not None else "niet van toepassing"
    per_year = f"{nl.bedrag(afgeleid.waarde_per_jaar)} per jaar" if afgeleid.waarde_per_jaar is not None else ""
    return [
        Cijfer("Totale waarde incl. opties", nl.bedrag(afgeleid.totale_waarde), per_year),
        Cijfer("Regime", regime.omschrijving, f"drempel {threshold}; {used}" if regime.naam != "geen-aanbesteding" else ""),
        Cijfer("Maximale einddatum", nl.datum(term.maximale_einddatum) if term else "niet bepaald",
               nl.looptijd_in_woorden(d.looptijd) if term else ""),
        Cijfer("Procedure", PROCEDURE_NAMES[d.procedure.soort]),
        Cijfer("Percelen", str(len(d.percelen)), "" if d.percelen else "de opdracht is niet in percelen verdeeld"),
        Cijfer("Vragenrondes", str(len(d.inlichtingen))),
        Cijfer("Documenten", str(documents)),
    ]


def _criteria(d: Dossier, perceel=None) -> tuple[str | None, tuple[Criteriumregel, ...]]:
    found = criteria_for(d, perceel)
    if found is None:
        return None, ()
    rows = []
    for c in found.criteria:
        rows.append(Criteriumregel(c.naam, c.soort, float(c.weging), f"{nl.getal(c.weging)}%"))
        rows.extend(Criteriumregel(s.naam, "subcriterium", float(s.weging), f"{nl.getal(s.weging)}%", True) for s in c.subcriteria)
    return BASIS_NAMES[found.basis], tuple(rows)


def percelen(d: Dossier, afgeleid: Afgeleid) -> list[Perceelblok]:
    """Each lot with its value and award criteria; without lots, the tender's own criteria as one block."""
    blocks = []
    for p, value in zip(d.percelen, afgeleid.percelen):
        basis, rows = _criteria(d, p)
        blocks.append(Perceelblok(f"{p.id}: {p.naam}", nl.bedrag(value.per_jaar) if value.per_jaar is not None else None,
                                  nl.bedrag(value.totaal) if value.totaal is not None else None, paragraphs(p.omschrijving), basis, rows))
    if not blocks:
        basis, rows = _criteria(d)
        if rows or basis:
            blocks.append(Perceelblok("De hele opdracht", None, None, (), basis, rows))
    return blocks


def meldingen(findings: Sequence[Diagnostic]) -> list[Meldingregel]:
    entries = catalogue()
    rows = []
    for f in findings:
        entry = entries.get(f.code)
        where = [f"regel {f.location.line}" + (f", kolom {f.location.col}" if f.location.col else "")] if f.location.line else []
        if f.location.path:
            where.append(f.location.path)
        rows.append(Meldingregel(f.code, f.severity, entry.titel if entry else f.code, f.message, " · ".join(where),
                                 f.hint, f.grondslag, tekst.markdown_html(entry.uitleg) if entry else ""))
    return rows


def documenten(documents: Sequence[Document], files: Mapping[str, bytes]) -> list[Documentregel]:
    """The built documents with their files and hashes, in the order of the build."""
    rows = []
    for document in documents:
        own = sorted((n for n in files if n.rsplit(".", 1)[0] == document.naam), key=lambda n: list(KINDS).index(n.rsplit(".", 1)[1]))
        rows.append(Documentregel(document.titel, document.soort, tuple(
            Bestand(n, KINDS[n.rsplit(".", 1)[1]], hashlib.sha256(files[n]).hexdigest()) for n in own)))
    return rows


def geplande_documenten(d: Dossier, afgeleid: Afgeleid) -> list[Documentregel]:
    """Without a build: the documents ``bouw`` would make, by file name."""
    return [Documentregel(naam, soort, ()) for soort, naam, _template, _extra in plan_documents(d, afgeleid)]
