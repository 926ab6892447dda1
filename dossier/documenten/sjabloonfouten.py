"""Every way a template can fail, as one coded message naming the template and its line.

Rendering runs in a worker (``grenzen``); whatever Python raises there while a template runs is
turned into a diagnostic here, in one table, so no failure of a set ends as an internal error:

- syntax (D402), an unknown value (D401), something the sandbox forbids (D405);
- an include or import of a template that no set of the chain has (D444);
- the worker's time is up (D440) or its memory cap is reached (D441) in a template loop;
- a macro that calls itself without end (D442);
- a number or text too large to make or to print, a range over the sandbox's limit, and any other
  error of Python inside a template, such as a division by zero (D443).

Jinja rewrites tracebacks so that frames of a template carry the template's file name and line;
the innermost such frame is where the template went wrong.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jinja2
from jinja2.sandbox import SecurityError

from .. import grenzen
from ..diagnostics import DossierError, Location, make
from .sjabloonsets import TemplateSet


class TeGroot(OverflowError):
    """A number, text or document that a template would make too large; the text says what, in Dutch."""


def template_error(exc: BaseException, template: str, keten: tuple[TemplateSet, ...], file: str) -> DossierError:
    """The coded diagnostic for ``exc``, raised while ``template`` (a document's main template) ran."""
    where = Location(file)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return DossierError([make("D402", where, sjabloon=exc.name or template, regel=exc.lineno, reden=exc.message)])
    sjabloon, regel = template_position(exc, template, keten)
    if isinstance(exc, jinja2.TemplateNotFound):  # also TemplatesNotFound
        names = ", ".join(str(n) for n in getattr(exc, "templates", [exc.name]))
        return DossierError([make("D444", where, sjabloon=sjabloon, regel=regel, naam=names,
                                  sets=" -> ".join(s.naam for s in keten))])
    if isinstance(exc, SecurityError):
        return DossierError([make("D405", where, sjabloon=f"{sjabloon}, regel {regel}", reden=str(exc))])
    if isinstance(exc, (jinja2.UndefinedError, jinja2.TemplateRuntimeError)):
        return DossierError([make("D401", where, sjabloon=sjabloon, regel=regel, reden=_dutch(str(exc)))])
    if isinstance(exc, grenzen.TeLang):
        seconden = f"{grenzen.SJABLONEN.actueel().seconden:g}".replace(".", ",")
        return DossierError([make("D440", where, sjabloon=sjabloon, regel=regel, seconden=seconden)])
    if isinstance(exc, MemoryError):
        return DossierError([make("D441", where, sjabloon=sjabloon, regel=regel, megabytes=grenzen.SJABLONEN.actueel().megabytes)])
    if isinstance(exc, RecursionError):
        return DossierError([make("D442", where, sjabloon=sjabloon, regel=regel)])
    return DossierError([make("D443", where, sjabloon=sjabloon, regel=regel, reden=_reason(exc))])


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if "integer string conversion" in text:
        return f"een getal met meer dan {sys.get_int_max_str_digits():,} cijfers kan niet als tekst in een document".replace(",", ".")
    if "Range too big" in text:
        return "een reeks (range) van meer dan 100.000 elementen"
    if isinstance(exc, TeGroot):
        return text
    if isinstance(exc, OverflowError):
        return f"een getal of reeks is te groot ({text})"
    return f"Python meldt {type(exc).__name__}: {text}"[:300]


def template_position(exc: BaseException, fallback: str, keten: tuple[TemplateSet, ...]) -> tuple[str, int | str]:
    """The template (``set/path``) and line where ``exc`` happened: the innermost frame of a template."""
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
