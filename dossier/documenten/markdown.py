"""Markdown for pandoc from values: values are text, never syntax.

Every ``{{ value }}`` in a template passes ``finalize``, which escapes all ASCII punctuation for
pandoc's Markdown and folds line breaks, so a perceel called ``*Noord* | @x #set`` reaches Word and
PDF literally (pandoc's Typst writer then escapes for Typst). Template output that is already
Markdown (macros, ``tabel``, ``alineas``) is an ``Md`` (a ``Markup``), which passes unchanged.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import jinja2
from markupsafe import Markup

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"[^\S\xa0]+")  # a no-break space (after "€") stays one


class Md(Markup):
    """Markdown that is already safe to pass to pandoc."""


def md_escape(value: Any) -> str:
    """Plain text -> Markdown that pandoc reads back as exactly that text, on one line."""
    text = _WHITESPACE.sub(" ", str(value)).strip()
    return _PUNCTUATION.sub(r"\\\1", text)


def finalize(value: Any) -> Any:
    """Jinja's ``finalize``: every printed value becomes escaped Markdown."""
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


def tidy(markdown: str) -> str:
    """A blank line before every heading and table, never more than one, one newline at the end."""
    markdown = re.sub(r"(?m)(?<!\n\n)^(#{1,6} )", r"\n\1", markdown)
    markdown = re.sub(r"(?m)^([^|\n].*)\n(\|)", r"\1\n\n\2", markdown)
    markdown = re.sub(r"(?m)^(\|.*)\n([^|\n])", r"\1\n\n\2", markdown)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown)
    return markdown.strip() + "\n"
