"""Markdown for pandoc from values: values are text, never syntax.

Every ``{{ value }}`` in a template passes ``finalize``, which escapes all ASCII punctuation for
pandoc's Markdown and folds line breaks, so a perceel called ``*Noord* | @x #set`` reaches Word and
PDF literally (pandoc's Typst writer then escapes for Typst). Escaping changes no text: a space is
kept wherever it stands, so a literal separator such as ``{{ ", " }}`` prints as written; only line
breaks (which Markdown would read as structure) fold, and vanish at the ends of a value (the final
newline of a YAML block scalar). Template output that is already Markdown (macros, ``tabel``,
``alineas``) is an ``Md`` (a ``Markup``), which passes unchanged.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import jinja2
from markupsafe import Markup

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"[^\S\xa0]+")  # a no-break space (after "€") stays one
_EDGE_BREAKS = re.compile(r"^\s*\n\s*|\s*\n\s*$")
# A cell that is an amount, number or percentage: right-aligned, so digits line up.
_NUMERIC = re.compile(r"(€\s?)?[-–]?\d[\d.]*(,\d+)?(\s?%)?")


class Md(Markup):
    """Markdown that is already safe to pass to pandoc."""


def md_escape(value: Any) -> str:
    """Plain text -> Markdown that pandoc reads back as exactly that text, on one line."""
    text = _WHITESPACE.sub(" ", _EDGE_BREAKS.sub("", str(value)))
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
    """A pipe table whose column widths follow its content; amount and number columns align right.

    ``breedtes`` is accepted for template sets written when widths were given by hand, and ignored:
    widths come from the text (here by characters; the output stage refines them with the font).
    """
    head = [_cell(h) for h in headers]
    body = [[_cell(v) for v in row] for row in rows]
    columns = list(zip(head, *body))
    minima = [max((len(word) for plain, _ in column for word in plain.split()), default=1) + 2.0 for column in columns]
    maxima = [max(len(plain) for plain, _ in column) + 2.0 for column in columns]
    separator = []
    for width, column in zip(auto_widths(minima, maxima, 100.0), columns):
        values = [plain for plain, _ in column[1:] if plain]
        right = bool(values) and all(_NUMERIC.fullmatch(v) for v in values)
        dashes = "-" * max(3, round(width))
        separator.append(dashes[:-1] + ":" if right else dashes)
    lines = ["| " + " | ".join(markdown for _, markdown in head) + " |", "|" + "|".join(separator) + "|"]
    lines += ["| " + " | ".join(markdown or " " for _, markdown in row) + " |" for row in body]
    return Md("\n".join(lines) + "\n")


def _cell(value: Any) -> tuple[str, str]:
    """One table cell as (plain text, Markdown); a cell is one line without padding."""
    if isinstance(value, Markup):
        markdown = str(value).replace("\n", " ").strip()
        return re.sub(r"\\(.)", r"\1", markdown), markdown
    plain = "" if value is None else _WHITESPACE.sub(" ", str(value)).strip()
    return plain, _PUNCTUATION.sub(r"\\\1", plain)


def auto_widths(minima: list[float], maxima: list[float], total: float) -> list[float]:
    """Column widths that fill ``total``: each at least its minimum (longest word), the rest by content.

    The rule of an automatic table layout: when everything fits on one line, the spare room goes to
    the columns by their content; otherwise each column gets its minimum and a share of the remaining
    room by how much more it would need to fit on one line. Only when the minima alone do not fit
    are they scaled down.
    """
    wanted, least = sum(maxima), sum(minima)
    if wanted <= total:
        return [m + (total - wanted) * m / wanted for m in maxima] if wanted else [total / len(maxima)] * len(maxima)
    if least <= total:
        extra = [mx - mn for mn, mx in zip(minima, maxima)]
        spare = sum(extra)
        return [mn + (total - least) * e / spare if spare else mn for mn, e in zip(minima, extra)]
    return [m * total / least for m in minima]


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
