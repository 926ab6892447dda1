"""Stage 5, render: Jinja2 templates -> one Markdown text per document.

Values are text, never syntax. Every ``{{ value }}`` passes ``finalize``, which escapes all ASCII
punctuation for pandoc's Markdown and folds line breaks, so a perceel called ``*Noord* | @x #set``
reaches Word and PDF literally (pandoc's Typst writer then escapes for Typst). Template output that
is already Markdown (macros, ``tabel``, ``alineas``) is a ``Md`` (a ``Markup``), which passes
unchanged. Autoescape is on only so that macro output is marked; markupsafe's HTML escaping never
applies to a value because ``finalize`` turns every value into ``Md`` first.

Template sets (see ``sjabloonsets``): the dossier's own set is searched first, ``basis`` last, and
``{% extends "!basis/aanbestedingsleidraad.md.j2" %}`` (or ``!<any set in the chain>/...``) lets a
municipality override one block of the very template it replaces.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from . import nl
from .context import document_context
from .derive import Annex, annexes
from .diagnostics import DossierError, Location, make
from .model import Dossier
from .sjabloonsets import chain, template_root
from .veilige_sets import SetLoader

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")


class Md(Markup):
    """Markdown that is already safe to pass to pandoc."""


def md_escape(value: Any) -> str:
    """Plain text -> Markdown that pandoc reads back as exactly that text, on one line."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return _PUNCTUATION.sub(r"\\\1", text)


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        raise jinja2.TemplateRuntimeError("een leeg gegeven (None) zou als tekst in het document komen; gebruik {% if %}")
    return Md(md_escape(value))


def alineas(value: Any) -> Md:
    """Multi-paragraph text: paragraphs stay paragraphs, everything else is escaped."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(value)) if p.strip()]
    return Md("\n\n".join(md_escape(p) for p in paragraphs))


def tabel(headers: Iterable[Any], rows: Iterable[Iterable[Any]], breedtes: Iterable[int] | None = None) -> Md:
    """A pipe table; ``breedtes`` are relative column widths (dashes in the separator line)."""
    headers = list(headers)
    widths = list(breedtes) if breedtes else [1] * len(headers)

    def cell(value: Any) -> str:
        if isinstance(value, Markup):
            return str(value).replace("\n", " ")
        return md_escape(value) if value is not None else ""

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("-" * (4 * w) for w in widths) + "|")
    for row in rows:
        values = [cell(v) for v in row]
        lines.append("| " + " | ".join(v or " " for v in values) + " |")
    return Md("\n".join(lines) + "\n")


def opsomming(items: Iterable[Any]) -> Md:
    """A bullet list of plain values."""
    return Md("\n".join(f"- {md_escape(i)}" for i in items) + "\n")


def _filters() -> dict[str, Any]:
    return {
        "datum": nl.datum,
        "bedrag": nl.bedrag,
        "getal": nl.getal,
        "duur": nl.duur,
        "woord": nl.woord,
        "dagen": nl.dagen,
        "looptijd_in_woorden": nl.looptijd_in_woorden,
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


def make_environment(sjabloonset: str | None) -> SandboxedEnvironment:
    """One environment per template set and root, so compiled templates are reused across dossiers."""
    return _environment(sjabloonset, template_root())


@functools.lru_cache(maxsize=16)
def _environment(sjabloonset: str | None, root: Path) -> SandboxedEnvironment:
    sets = chain(sjabloonset)
    loader = jinja2.ChoiceLoader(
        [SetLoader([str(s.map) for s in sets]),
         jinja2.PrefixLoader({f"!{s.naam}": SetLoader(str(s.map)) for s in sets}, delimiter="/")]
    )
    env = SandboxedEnvironment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_filters())
    env.globals.update(tabel=tabel, md=Md)
    return env


def plan_documents(d: Dossier) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(kind, file stem, template, extra variables) for every document of this dossier."""
    plan: list[tuple[str, str, str, dict[str, Any]]] = [("leidraad", "aanbestedingsleidraad", "aanbestedingsleidraad.md.j2", {})]
    for ronde in d.inlichtingen:
        plan.append(("nota-van-inlichtingen", f"nota-van-inlichtingen-{ronde.ronde}", "nota-van-inlichtingen.md.j2", {"ronde": ronde}))
    for annex in annexes(d):
        plan.append(("bijlage", f"bijlage-{annex.letter.lower()}-{annex.slug}", f"bijlage-{annex.slug}.md.j2", {"deze_bijlage": annex}))
    return plan


def render_documents(d: Dossier, status: str, file: str) -> list[Document]:
    """Render every document; template errors become coded diagnostics naming template and line."""
    env = make_environment(d.aanbesteding.sjabloonset)
    base = document_context(d, status)
    documents = []
    for soort, naam, template_name, extra in plan_documents(d):
        variables = {**base, **extra}
        try:
            template = env.get_template(template_name)
            markdown = template.render(variables)
        except jinja2.TemplateSyntaxError as exc:
            raise DossierError([make("D402", Location(file), sjabloon=exc.name or template_name, regel=exc.lineno, reden=exc.message)]) from None
        except jinja2.TemplateNotFound as exc:
            raise DossierError([make("D403", Location(file), naam=str(exc), beschikbaar=", ".join(str(p) for p in env.loader.list_templates()[:10]))]) from None
        except SecurityError as exc:
            raise DossierError([make("D405", Location(file), sjabloon=template_name, reden=str(exc))]) from None
        except (jinja2.UndefinedError, jinja2.TemplateRuntimeError) as exc:
            where, line = _template_position(exc, template_name)
            raise DossierError([make("D401", Location(file), sjabloon=where, regel=line, reden=_dutch(str(exc)))]) from None
        titel, ondertitel, datum = _titles(d, soort, extra, base)
        documents.append(Document(soort, naam, titel, tidy(markdown), ondertitel, datum))
    return documents


def tidy(markdown: str) -> str:
    """A blank line before every heading and table, never more than one, one newline at the end."""
    markdown = re.sub(r"(?m)(?<!\n\n)^(#{1,6} )", r"\n\1", markdown)
    markdown = re.sub(r"(?m)^([^|\n].*)\n(\|)", r"\1\n\n\2", markdown)
    markdown = re.sub(r"(?m)^(\|.*)\n([^|\n])", r"\1\n\n\2", markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown)
    return markdown.strip() + "\n"


def _titles(d: Dossier, soort: str, extra: dict[str, Any], base: dict[str, Any]) -> tuple[str, str, str]:
    if soort == "leidraad":
        return base["w"].leidraad, d.aanbesteding.titel, nl.datum(d.planning.publicatie) if d.planning.publicatie else ""
    if soort == "nota-van-inlichtingen":
        ronde = extra["ronde"]
        return f"Nota van inlichtingen {ronde.ronde}", d.aanbesteding.titel, nl.datum(ronde.datum)
    annex: Annex = extra["deze_bijlage"]
    return f"Bijlage {annex.letter}: {annex.titel}", d.aanbesteding.titel, ""


def _template_position(exc: BaseException, fallback: str) -> tuple[str, int | str]:
    """The template file and line where a runtime error happened (Jinja rewrites tracebacks)."""
    tb = exc.__traceback__ if exc.__traceback__ else sys.exc_info()[2]
    where: tuple[str, int | str] = (fallback, "?")
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return where


def _dutch(message: str) -> str:
    match = re.match(r"'(.+?)' has no attribute '(.+?)'", message)
    if match:
        return f"het gegeven '{match.group(2)}' bestaat niet"
    match = re.match(r"'(.+?)' is undefined", message)
    if match:
        return f"het gegeven '{match.group(1)}' bestaat niet"
    return message
