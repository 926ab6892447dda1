"""Provenance while rendering: which template and block wrote each piece of text, and which YAML it read.

Nothing of this reaches the Markdown. While Jinja renders:

- ``Leesspoor`` (mixed into the sandbox every template runs in) notes every attribute a template reads of the
  dossier or of a derived fact, as YAML paths (``bronnen`` says where each object comes from);
- the extension ``Kadermarkering`` marks where every ``{% block %}``, every macro and every
  template file (an included chapter, an annex) begins and ends;
- ``render_traced`` renders with ``generate`` and puts an invisible marker before each piece of
  output, naming the reads made to produce it; ``tabel()`` gets one marker per row, naming the
  reads made while that row was appended (``{% set _ = rows.append([...]) %}`` on ``rijen()``).

The markers are then taken out again, each remembered by the number of non-whitespace characters
before it. ``tidy`` changes only line breaks, so those counts stay true in the final Markdown,
where ``eenheden`` cuts the text into units and gives each its frame (block or file) and its paths.
Tracking is per render (a context variable), so the shared, cached environment stays thread-safe.
"""

from __future__ import annotations

import re
import types
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token
from markupsafe import Markup

from .bronnen import Bron
from .markdown import Md, Rijen, tabel

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: never in a dossier's text after escaping
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_CURRENT: ContextVar["Spoor | None"] = ContextVar("dossier_spoor", default=None)
ENTER, EXIT, READS = "in", "uit", "lees"
_OPENS = {"block": "blok", "macro": "macro"}  # tags that open a frame, and the frame's kind
_ENDS = ("endblock", "endmacro")


@dataclass(frozen=True)
class Kader:
    """A frame of rendering: a ``{% block %}`` (``soort`` blok), a ``{% macro %}`` (macro) or a template file (sjabloon)."""

    soort: str
    naam: str  # the block's name, or the template's path within its set
    set: str  # the set whose file wrote it: a name other than basis means that set overrode the text
    sjabloon: str  # the template file, relative to its set
    regel: int


@dataclass
class Spoor:
    """The recording of one render: origins of the context's objects, and the events in output order."""

    origins: dict[int, Bron]
    keten: tuple[Any, ...] = ()  # the chain of TemplateSet, to name the set of a template file
    events: list[tuple[str, Any]] = field(default_factory=list)
    _reads: list[tuple[str, bool]] = field(default_factory=list)
    _flushed: int = 0
    _consumed: set[int] = field(default_factory=set)
    _rows: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def read(self, obj: Any, key: Any) -> None:
        origin = self.origins.get(id(obj))
        if origin is not None:
            self._reads.extend(origin.reads(key))

    def marker(self, kind: str, payload: Any = None) -> str:
        self.events.append((kind, payload))
        return f"{_OPEN}{len(self.events) - 1}{_CLOSE}"

    def flush(self) -> str:
        """A marker for the reads since the last one (those a table row took excepted), or nothing."""
        reads = [r for i, r in enumerate(self._reads[self._flushed:], self._flushed) if i not in self._consumed]
        self._flushed = len(self._reads)
        return self.marker(READS, tuple(reads)) if reads else ""

    def appended(self, target: Rijen) -> None:
        """``rows.append(...)`` is about to run: the reads since the previous row belong to this one."""
        ranges = self._rows.setdefault(id(target), [])
        del ranges[len(target):]  # a new list that reuses the id of an old one starts afresh
        start = max(self._flushed, ranges[-1][1] if ranges else 0)
        ranges.append((start, len(self._reads)))

    def table(self, rows: Any, output: Any) -> Any:
        """``tabel()``'s Markdown with a marker before each body row that was appended while tracked."""
        ranges = self._rows.pop(id(rows), None) if isinstance(rows, Rijen) else None
        if not ranges or not isinstance(output, str) or len(ranges) != len(rows):
            return output
        lines = str(output).split("\n")
        for index, (start, end) in enumerate(ranges):
            if 2 + index >= len(lines):
                break
            reads = [self._reads[i] for i in range(start, end) if i not in self._consumed]
            self._consumed.update(range(start, end))
            if reads:
                lines[2 + index] = self.marker(READS, tuple(reads)) + lines[2 + index]
        return Md("\n".join(lines))

    def enter(self, soort: str, naam: str, filename: str, regel: int) -> str:
        set_name, relative = self._locate(filename)
        naam = relative if soort == "sjabloon" else naam
        return self.marker(ENTER, Kader(soort, naam, set_name, relative, regel))

    def _locate(self, filename: str) -> tuple[str, str]:
        path = Path(filename)
        for template_set in self.keten:
            if path.is_relative_to(template_set.map):
                return template_set.naam, path.relative_to(template_set.map).as_posix()
        return "?", path.name


class Leesspoor:
    """Mixin for the sandbox: notes what a tracked render reads and which table rows it builds.

    It only observes: every call goes on to the sandbox after it (``super()``), so the sandbox's
    rules hold as they are. Outside a tracked render (``render_traced``) it does nothing.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        value = super().getattr(obj, attribute)  # type: ignore[misc]
        spoor = _CURRENT.get()
        if spoor is not None:
            spoor.read(obj, attribute)
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        value = super().getitem(obj, argument)  # type: ignore[misc]
        spoor = _CURRENT.get()
        if spoor is not None:
            spoor.read(obj, argument)
        return value

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's own signature
        spoor = _CURRENT.get()
        if spoor is not None:
            if isinstance(__obj, types.MethodType) and __obj.__name__ == "append" and isinstance(__obj.__self__, Rijen):
                spoor.appended(__obj.__self__)
            elif __obj is tabel and len(args) > 1:
                # The table is laid out from its cells' text: markers (a macro's frame in a cell) must not count.
                headers, rows = [_unmarked(h) for h in args[0]], args[1]
                clean = Rijen([_unmarked(c) for c in row] for row in rows) if isinstance(rows, Rijen) else rows
                output = super().call(__context, __obj, headers, clean, *args[2:], **kwargs)  # type: ignore[misc]
                return spoor.table(rows, output)
        return super().call(__context, __obj, *args, **kwargs)  # type: ignore[misc]


def _unmarked(cell: Any) -> Any:
    """A table cell without markers (frames of a macro called in the cell); other values as they are."""
    if isinstance(cell, Markup):  # Markdown already (a macro's output): stays Markdown
        return type(cell)(_MARKER.sub("", str(cell)))
    return _MARKER.sub("", cell) if isinstance(cell, str) else cell


def _enter(soort: str, naam: str, filename: str, regel: int) -> Md:
    spoor = _CURRENT.get()
    return Md(spoor.enter(soort, naam, filename, regel) if spoor is not None else "")


def _exit() -> Md:
    spoor = _CURRENT.get()
    return Md(spoor.marker(EXIT) if spoor is not None else "")


def _call(line: int, function: str, *arguments: str | int) -> list[Token]:
    tokens = [Token(line, "variable_begin", "{{"), Token(line, "name", function), Token(line, "lparen", "(")]
    for index, argument in enumerate(arguments):
        if index:
            tokens.append(Token(line, "comma", ","))
        tokens.append(Token(line, "integer" if isinstance(argument, int) else "string", argument))
    return tokens + [Token(line, "rparen", ")"), Token(line, "variable_end", "}}")]


class Kadermarkering(Extension):
    """Calls around every block and macro body, and around every template file that does not extend another."""

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        environment.globals.update(_dossier_kader=_enter, _dossier_kader_einde=_exit)

    def filter_stream(self, stream: Any) -> Iterable[Token]:
        tokens = list(stream)
        filename = stream.filename or stream.name or "?"
        extends = any(a.type == "block_begin" and b.type == "name" and b.value == "extends" for a, b in zip(tokens, tokens[1:]))
        return list(_marked(tokens, filename, not extends))


def _marked(tokens: list[Token], filename: str, whole_file: bool) -> Iterator[Token]:
    if whole_file:
        yield from _call(1, "_dossier_kader", "sjabloon", "", filename, 1)
    pending: tuple[str, Token] | None = None  # a block or macro whose opening tag is not closed yet
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.type == "block_begin" and following is not None and following.type == "name" and following.value in _ENDS:
            yield from _call(token.lineno, "_dossier_kader_einde")
        yield token
        if token.type == "name" and token.value in _OPENS and index and tokens[index - 1].type == "block_begin":
            pending = (_OPENS[token.value], following)  # type: ignore[assignment]
        elif token.type == "block_end" and pending is not None:
            yield from _call(pending[1].lineno, "_dossier_kader", pending[0], str(pending[1].value), filename, pending[1].lineno)
            pending = None
    if whole_file:
        yield from _call(tokens[-1].lineno if tokens else 1, "_dossier_kader_einde")


def render_traced(template: jinja2.Template, variables: dict[str, Any], spoor: Spoor) -> str:
    """The template's output with markers: before each piece of output, the reads that produced it."""
    token = _CURRENT.set(spoor)
    try:
        parts: list[str] = []
        for chunk in template.generate(variables):
            parts.append(spoor.flush())
            parts.append(chunk)
        parts.append(spoor.flush())
        return "".join(parts)
    finally:
        _CURRENT.reset(token)


def without_markers(text: str) -> str:
    """``text`` with the provenance markers removed: for output kept to be placed elsewhere, such as
    the old text of a block a nota quotes, whose markers belong to another document's trace."""
    return _MARKER.sub("", text)


def take_markers(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without markers, and for each marker (position, event): the non-whitespace characters before it."""
    out: list[str] = []
    found: list[tuple[int, int]] = []
    count, last = 0, 0
    for match in _MARKER.finditer(text):
        piece = text[last:match.start()]
        out.append(piece)
        count += sum(1 for c in piece if not c.isspace())
        found.append((count, int(match.group(1))))
        last = match.end()
    out.append(text[last:])
    return "".join(out), found


__all__ = ["ENTER", "EXIT", "READS", "Kader", "Kadermarkering", "Leesspoor", "Spoor", "render_traced", "take_markers"]
