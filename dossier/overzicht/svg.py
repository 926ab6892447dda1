"""Small SVG building blocks: escaped text, wrapped labels, a fixed number format, the document shell.

Every figure is a string made here, the same bytes for the same dossier: numbers are rounded to
one decimal, attributes come in the order written, and every value of the dossier passes
``escape`` (it is text in the drawing, never markup). Nothing here measures fonts: label widths
are estimated from the number of characters, generously, so a label never runs into a bar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from .. import nl

# Font stacks: the documents use the serif of the PDF (embedded in Typst); the page the reader's sans.
FONT_DOCUMENT = "Libertinus Serif, Cambria, Georgia, serif"
FONT_PAGE = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"

INK = "#1a1a1a"
MUTED = "#4a4a4a"
HOUSE = "#1F3864"  # the house colour of the documents' headings
LIGHT = "#6B86B8"
GRID = "#d0d0d0"

MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Stijl:
    """How a figure is drawn: its font and colours, and whether it is for a document or the page."""

    font: str
    pagina: bool  # the page: ids must be unique in one HTML file, and the 'today' line is added there
    huis: str = HOUSE  # bars, moments, the final forum: the colour of the documents' headings
    licht: str = LIGHT  # option periods


DOCUMENT = Stijl(FONT_DOCUMENT, False)
PAGINA = Stijl(FONT_PAGE, True)


def num(value: float) -> str:
    """One decimal at most, no trailing zeros: the same text for the same number on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def attrs(**values: object) -> str:
    """``font_size=12, class_="x"`` -> `` font-size="12" class="x"``; None leaves an attribute out."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f" {name}={quoteattr(shown)}")
    return "".join(parts)


def text(x: float, y: float, content: str, **values: object) -> str:
    return f"<text{attrs(x=float(x), y=float(y), **values)}>{escape(content)}</text>"


def rect(x: float, y: float, width: float, height: float, **values: object) -> str:
    return f"<rect{attrs(x=float(x), y=float(y), width=float(max(width, 0.0)), height=float(height), **values)}/>"


def line(x1: float, y1: float, x2: float, y2: float, **values: object) -> str:
    return f"<line{attrs(x1=float(x1), y1=float(y1), x2=float(x2), y2=float(y2), **values)}/>"


def path(d: str, **values: object) -> str:
    return f"<path{attrs(d=d, **values)}/>"


def wrap(content: str, width: float, size: float, max_lines: int = 2) -> list[str]:
    """Words over at most ``max_lines`` lines of ``width`` px; what does not fit ends in an ellipsis."""
    per_line = max(4, int(width / (size * 0.56)))
    lines: list[str] = []
    current = ""
    for word in content.split():
        while len(word) > per_line:  # one endless word: cut it
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}".strip()
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = lines[:max_lines - 1] + [last[: per_line - 1].rstrip() + "…"]
    return lines or [""]


def korte_datum(day: dt.date) -> str:
    """``2019-10-01`` -> ``1 okt 2019``: short enough for a label next to a bar."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def periode(begin: dt.date, einde: dt.date) -> str:
    return f"{nl.datum(begin)} – {nl.datum(einde)}"


def document(naam: str, width: float, height: float, body: list[str], titel: str, beschrijving: str, stijl: Stijl,
             data: dict[str, str] | None = None) -> str:
    """The ``<svg>`` element: a named image (title and description for screen readers) of fixed size."""
    ident = f"fig-{naam}"
    extra = "".join(f" data-{k}={quoteattr(v)}" for k, v in (data or {}).items())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg"{attrs(width=num(width), height=num(height))}'
        f' viewBox="0 0 {num(width)} {num(height)}" role="img" aria-labelledby="{ident}-titel {ident}-beschrijving"'
        f'{attrs(font_family=stijl.font, font_size=12)} fill="{INK}"{extra}>'
        f'<title id="{ident}-titel">{escape(titel)}</title>'
        f'<desc id="{ident}-beschrijving">{escape(beschrijving)}</desc>'
        + "".join(body)
        + "</svg>"
    )
