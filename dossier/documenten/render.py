"""Stage 5, render: Jinja2 templates -> one Markdown text per document.

Values are text, never syntax: see ``markdown`` for the escaping every ``{{ value }}`` gets.
Autoescape is on only so that macro output is marked; markupsafe's HTML escaping never applies to
a value because ``finalize`` turns every value into ``Md`` first.

Template sets (see ``sjabloonsets``): the dossier's own set is searched first, ``basis`` last, and
``{% extends "!basis/leidraad/procedure.md.j2" %}`` (or ``!<any set in the chain>/...``) lets a
municipality override one block of the very template it replaces.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .. import nl
from ..afleiding import Afgeleid, Annex
from ..diagnostics import DossierError, Location, make
from ..invoer.model import Dossier
from ..invoer.rectificaties import Rectificaties
from .blokken import check_overrides
from .context import document_context
from .figuren import Figuur, figuur
from .markdown import Md, alineas, finalize, opsomming, tabel, tidy
from .rectificaties import OVERLAY, overlay
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


@functools.lru_cache(maxsize=16)
def environment(keten: tuple[TemplateSet, ...], laag: tuple[tuple[str, str], ...] = ()) -> SandboxedEnvironment:
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
    env = SandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals.update(tabel=tabel, md=Md, figuur=figuur)
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
    """Render every document; template errors become coded diagnostics naming template and line.

    ``figuren``: the drawings a template may place with ``{{ figuur("naam") }}`` (none: it places nothing).
    ``rectificaties``: the changes of the nota's (``d`` is then the version after the last one).
    """
    env = environment(sjabloonset.keten)
    wrong = check_overrides(env, sjabloonset.keten)
    if wrong:
        raise DossierError(list(wrong))
    if rectificaties is not None:
        env = environment(sjabloonset.keten, overlay(env, list(rectificaties.lijst)))
    base = {**document_context(d, afgeleid, status, rectificaties), "figuren": dict(figuren or {})}
    documents = []
    plan = plan_documents(d, afgeleid)
    for soort, naam, template_name, extra in sorted(plan, key=lambda p: p[0] == "nota-van-inlichtingen"):  # a nota quotes replaced texts
        if rectificaties is not None and soort == "nota-van-inlichtingen":
            extra = {**extra, "d": rectificaties.na_ronde(extra["ronde"].ronde)}  # each nota as the dossier stood then
        variables = {**base, **extra}
        try:
            template = env.get_template(template_name)
            markdown = template.render(variables)
            if base["gewijzigd"] and soort != "nota-van-inlichtingen":
                markdown = env.get_template("gewijzigd.md.j2").render(variables) + "\n" + markdown
        except jinja2.TemplateSyntaxError as exc:
            raise DossierError([make("D402", Location(file), sjabloon=exc.name or template_name, regel=exc.lineno, reden=exc.message)]) from None
        except jinja2.TemplateNotFound as exc:
            raise DossierError([make("D403", Location(file), naam=str(exc), beschikbaar=", ".join(str(p) for p in env.loader.list_templates()[:10]))]) from None
        except SecurityError as exc:
            raise DossierError([make("D405", Location(file), sjabloon=template_name, reden=str(exc))]) from None
        except (jinja2.UndefinedError, jinja2.TemplateRuntimeError) as exc:
            where, line = _template_position(exc, template_name, sjabloonset.keten)
            raise DossierError([make("D401", Location(file), sjabloon=where, regel=line, reden=_dutch(str(exc)))]) from None
        titel, ondertitel, datum = _titles(d, soort, extra, base)
        dag = extra["ronde"].datum if soort == "nota-van-inlichtingen" else d.planning.publicatie if soort == "leidraad" else None
        documents.append(Document(soort, naam, titel, tidy(markdown), ondertitel, datum, dag))
    order = [p[1] for p in plan]
    return sorted(documents, key=lambda doc: order.index(doc.naam))


def _titles(d: Dossier, soort: str, extra: dict[str, Any], base: dict[str, Any]) -> tuple[str, str, str]:
    if soort == "leidraad":
        return base["w"].leidraad, d.aanbesteding.titel, nl.datum(d.planning.publicatie) if d.planning.publicatie else ""
    if soort == "nota-van-inlichtingen":
        ronde = extra["ronde"]
        return f"Nota van inlichtingen {ronde.ronde}", d.aanbesteding.titel, nl.datum(ronde.datum)
    annex: Annex = extra["deze_bijlage"]
    return f"Bijlage {annex.letter}: {annex.titel}", d.aanbesteding.titel, ""


def _template_position(exc: BaseException, fallback: str, keten: tuple[TemplateSet, ...]) -> tuple[str, int | str]:
    """The template (``set/path``) and line where a runtime error happened (Jinja rewrites tracebacks)."""
    tb = exc.__traceback__ if exc.__traceback__ else sys.exc_info()[2]
    where: tuple[str, int | str] = (fallback, "?")
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = (_display_name(Path(filename), keten), tb.tb_lineno)
        tb = tb.tb_next
    return where


def _display_name(path: Path, keten: tuple[TemplateSet, ...]) -> str:
    for template_set in keten:
        if path.is_relative_to(template_set.map):
            return f"{template_set.naam}/{path.relative_to(template_set.map).as_posix()}"
    return path.name


def _dutch(message: str) -> str:
    match = re.match(r"'(.+?)' has no attribute '(.+?)'", message)
    if match:
        return f"het gegeven '{match.group(2)}' bestaat niet"
    match = re.match(r"'(.+?)' is undefined", message)
    if match:
        return f"het gegeven '{match.group(1)}' bestaat niet"
    return message
