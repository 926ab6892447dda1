"""Stage 5, render: Jinja2 templates -> one Markdown text per document.

Values are text, never syntax: see ``markdown`` for the escaping every ``{{ value }}`` gets.
Autoescape is on only so that macro output is marked; markupsafe's HTML escaping never applies to
a value because ``finalize`` turns every value into ``Md`` first.

Template sets (see ``sjabloonsets``): the dossier's own set is searched first, ``basis`` last, and
``{% extends "!basis/leidraad/procedure.md.j2" %}`` (or ``!<any set in the chain>/...``) lets a
municipality override one block of the very template it replaces.

Sets come from elsewhere, so rendering runs in a worker process under a deadline and a memory cap
(``grenzen``), in Jinja's immutable sandbox (a template cannot change the dossier; it collects table
rows in ``rijen()``), with '**' and '*' capped; every failure is a coded message with template and
line (``sjabloonfouten``).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any, Mapping

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .. import grenzen, nl
from ..afleiding import Afgeleid, Annex
from ..diagnostics import DossierError, Location
from ..invoer.model import Dossier
from ..invoer.rectificaties import Rectificaties
from .blokken import check_overrides
from .bronnen import origins
from .context import document_context
from .eenheden import Herkomst, units_of
from .figuren import Figuur, figuur
from .herkomst import Kadermarkering, Leesspoor, Spoor, render_traced, take_markers
from .markdown import Md, Rijen, alineas, finalize, opsomming, tabel, tidy
from .rectificaties import OVERLAY, overlay
from .sjabloonfouten import TeGroot, template_error
from .sjabloonsets import Sjabloonset, TemplateSet
from .veilige_sets import SetLoader

FILTERS = {
    "datum": nl.datum,
    "bedrag": nl.bedrag,
    "getal": nl.getal,
    "duur": nl.duur,
    "woord": nl.woord,
    "dagen": nl.dagen,
    "looptijd_in_woorden": nl.looptijd_in_woorden,
    "lijst": nl.lijst,
    "alineas": alineas,
    "opsomming": opsomming,
}


@dataclass(frozen=True)
class Document:
    """One document to produce: its kind, file stem, title and the Markdown that goes to pandoc."""

    soort: str  # leidraad, nota-van-inlichtingen, bijlage
    naam: str
    titel: str
    markdown: str
    ondertitel: str
    datum: str
    dag: dt.date | None = None  # the document's own date (publication, date of the nota); None for annexes
    herkomst: Herkomst | None = None  # which block and which YAML paths wrote each unit (see eenheden)


MAX_BITS = 16_384  # a number of about 5,000 digits: more than any amount or date needs
MAX_LENGTE = 5_000_000  # characters or items one '*' may make
MAX_UITVOER = 64 * 1024 * 1024  # characters of Markdown all documents of one dossier may have


class Omgeving(Leesspoor, ImmutableSandboxedEnvironment):
    """The sandbox for template sets: nothing of the model can change, '**' and '*' cannot explode.

    ``Leesspoor`` lets a render record what it reads (provenance, see ``herkomst``).

    Intercepting the two operators also keeps Jinja from folding ``9 ** (9 ** 9)`` while it
    compiles a template, where no limit could name the line.
    """

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _integers(left, right) and abs(left) > 1 and right > 0 and right * abs(left).bit_length() > MAX_BITS:
            raise TeGroot(f"{left} ** {right} geeft een getal van meer dan 5.000 cijfers")
        if operator == "*":
            for reeks, aantal in ((left, right), (right, left)):
                if isinstance(reeks, (str, list, tuple)) and _integers(aantal) and len(reeks) * aantal > MAX_LENGTE:
                    raise TeGroot(f"'*' zou {len(reeks) * aantal:,} tekens of elementen maken".replace(",", "."))
        return super().call_binop(context, operator, left, right)


def _integers(*values: Any) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


@functools.lru_cache(maxsize=16)
def environment(keten: tuple[TemplateSet, ...], laag: tuple[tuple[str, str], ...] = ()) -> Omgeving:
    """One environment per chain of sets, so compiled templates are reused across dossiers.

    ``laag``: in-memory templates in front of the chain (the block texts of rectificaties), which
    reach the unchanged chain as ``!~/<name>``.
    """
    prefixes = {f"!{s.naam}": SetLoader(str(s.map)) for s in keten}
    if laag:
        prefixes[OVERLAY] = SetLoader([str(s.map) for s in keten])
    loader = jinja2.ChoiceLoader(
        [*([jinja2.DictLoader(dict(laag))] if laag else []), SetLoader([str(s.map) for s in keten]),
         jinja2.PrefixLoader(prefixes, delimiter="/")]
    )
    env = Omgeving(
        loader=loader,
        extensions=[Kadermarkering],
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals.update(tabel=tabel, md=Md, rijen=Rijen, figuur=figuur)
    return env


def plan_documents(d: Dossier, afgeleid: Afgeleid) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(kind, file stem, template, extra variables) for every document of this dossier."""
    plan: list[tuple[str, str, str, dict[str, Any]]] = [("leidraad", "aanbestedingsleidraad", "aanbestedingsleidraad.md.j2", {})]
    for ronde in d.inlichtingen:
        plan.append(("nota-van-inlichtingen", f"nota-van-inlichtingen-{ronde.ronde}", "nota-van-inlichtingen.md.j2", {"ronde": ronde}))
    for annex in afgeleid.bijlagen:
        plan.append(("bijlage", f"bijlage-{annex.letter.lower()}-{annex.slug}", f"bijlage-{annex.slug}.md.j2", {"deze_bijlage": annex}))
    return plan


def render_documents(d: Dossier, afgeleid: Afgeleid, sjabloonset: Sjabloonset, status: str, file: str,
                     figuren: Mapping[str, Figuur] | None = None, rectificaties: Rectificaties | None = None) -> list[Document]:
    """Every document's Markdown, rendered in a worker process under the template limits (``grenzen``).

    ``figuren``: the drawings a template may place with ``{{ figuur("naam") }}`` (none: it places nothing).
    ``rectificaties``: the changes of the nota's (``d`` is then the version after the last one).
    """
    return grenzen.uitvoeren(_render_all, d, afgeleid, sjabloonset, status, file, dict(figuren or {}), rectificaties, grens=grenzen.SJABLONEN,
                             wat=f"het invullen van de sjablonen van sjabloonset '{sjabloonset.naam}'", waar=Location(file))


def _render_all(d: Dossier, afgeleid: Afgeleid, sjabloonset: Sjabloonset, status: str, file: str,
                figuren: dict[str, Figuur], rectificaties: Rectificaties | None) -> list[Document]:
    """Runs in the worker: every failure of a template becomes a coded diagnostic naming template and line."""
    env = environment(sjabloonset.keten)
    template_name = "?"
    try:
        wrong = check_overrides(env, sjabloonset.keten)
        if wrong:
            raise DossierError(list(wrong))
        if rectificaties is not None:
            env = environment(sjabloonset.keten, overlay(env, list(rectificaties.lijst)))
        base = {**document_context(d, afgeleid, status, rectificaties), "figuren": figuren}
        sources = origins(d, afgeleid, base)
        documents, total = [], 0
        plan = plan_documents(d, afgeleid)
        for soort, naam, template_name, extra in sorted(plan, key=lambda p: p[0] == "nota-van-inlichtingen"):  # a nota quotes replaced texts
            if rectificaties is not None and soort == "nota-van-inlichtingen":
                extra = {**extra, "d": rectificaties.na_ronde(extra["ronde"].ronde)}  # each nota as the dossier stood then
            variables = {**base, **extra}
            spoor = Spoor(sources, sjabloonset.keten)
            traced = render_traced(env.get_template(template_name), variables, spoor)
            if base["gewijzigd"] and soort != "nota-van-inlichtingen":  # the changes notice is traced like the rest
                traced = render_traced(env.get_template("gewijzigd.md.j2"), variables, spoor) + "\n" + traced
            markdown, positions = take_markers(traced)
            total += len(markdown)
            if total > MAX_UITVOER:
                raise TeGroot("de documenten worden samen langer dan 64 MB tekst")
            titel, ondertitel, datum = _titles(d, soort, extra, base)
            dag = extra["ronde"].datum if soort == "nota-van-inlichtingen" else d.planning.publicatie if soort == "leidraad" else None
            markdown = tidy(markdown)
            documents.append(Document(soort, naam, titel, markdown, ondertitel, datum, dag, units_of(markdown, positions, spoor.events)))
        order = [p[1] for p in plan]
        return sorted(documents, key=lambda doc: order.index(doc.naam))
    except DossierError:
        raise
    except Exception as exc:  # a template's mistake, whatever Python calls it (mapped in one place)
        raise template_error(exc, template_name, sjabloonset.keten, file) from None


def _titles(d: Dossier, soort: str, extra: dict[str, Any], base: dict[str, Any]) -> tuple[str, str, str]:
    if soort == "leidraad":
        return base["w"].leidraad, d.aanbesteding.titel, nl.datum(d.planning.publicatie) if d.planning.publicatie else ""
    if soort == "nota-van-inlichtingen":
        ronde = extra["ronde"]
        return f"Nota van inlichtingen {ronde.ronde}", d.aanbesteding.titel, nl.datum(ronde.datum)
    annex: Annex = extra["deze_bijlage"]
    return f"Bijlage {annex.letter}: {annex.titel}", d.aanbesteding.titel, ""
