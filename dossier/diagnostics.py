"""Coded diagnostics: the one way a user-caused problem reaches the user.

Every code lives in ``data/meldingen/`` (one file per range) with its severity, its Dutch message template, an
optional hint, an explanation for ``uitleg`` and its legal basis. Code elsewhere only names a code
and passes the values to quote; the wording stays in one catalogue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Iterable

import yaml

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Location:
    """Where a finding points: a file, a YAML path and (when known) a 1-based line and column."""

    file: str
    path: str = ""
    line: int | None = None
    col: int | None = None

    def prefix(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a catalogue code, its severity (fout/waarschuwing), the Dutch message and where."""

    code: str
    severity: str
    message: str
    location: Location
    hint: str | None = None
    grondslag: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == FOUT

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "ernst": self.severity,
            "bericht": self.message,
            "pad": self.location.path,
            "bestand": self.location.file,
            "regel": self.location.line,
            "kolom": self.location.col,
            "hint": self.hint,
            "grondslag": self.grondslag,
        }

    def to_text(self) -> str:
        path = f" {self.location.path}" if self.location.path else ""
        text = f"{self.location.prefix()}: {self.code} {self.severity}{path}: {self.message}"
        if self.hint:
            text += f"\n  = hint: {self.hint}"
        if self.grondslag:
            text += f"\n  = grondslag: {self.grondslag}"
        return text


@dataclass(frozen=True)
class Entry:
    """One catalogue entry."""

    code: str
    ernst: str
    titel: str
    bericht: str
    uitleg: str
    grondslag: str | None = None
    hint: str | None = None
    bron: str | None = None  # "C" confirmed in a public source, "U" unconfirmed practice
    afsluitcode: int = 1  # exit code when this diagnostic is an error


@cache
def catalogue() -> dict[str, Entry]:
    """Every code of ``data/meldingen/*.yaml`` (one file per range of codes), in code order."""
    loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    entries: dict[str, Entry] = {}
    folder = resources.files("dossier").joinpath("data/meldingen")
    for part in sorted(folder.iterdir(), key=lambda p: p.name):
        if not part.name.endswith(".yaml"):
            continue
        for code, fields in (yaml.load(part.read_text("utf-8"), Loader=loader) or {}).items():
            if code in entries:
                raise RuntimeError(f"code {code} staat twee keer in de meldingencatalogus ({part.name})")
            entries[code] = Entry(code=code, **fields)
    return dict(sorted(entries.items()))


def make(code: str, location: Location, severity: str | None = None, **values: Any) -> Diagnostic:
    """Build the diagnostic for ``code``, filling the catalogue's templates with ``values``."""
    entry = catalogue()[code]
    shown = {k: _show(v) for k, v in values.items()}
    hint = entry.hint.format_map(shown) if entry.hint else None
    if "hint" in values and values["hint"]:
        hint = str(values["hint"])
    return Diagnostic(
        code=code,
        severity=severity or entry.ernst,
        message=entry.bericht.format_map(shown),
        location=location,
        hint=hint,
        grondslag=entry.grondslag,
    )


def _show(value: Any) -> str:
    """Quote a value from the YAML the way a lawyer reads it (no Python reprs)."""
    if value is None:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = str(value)
    if len(text) > 300:
        text = text[:297] + "..."
    return text


class DossierError(Exception):
    """Raised by a stage when it cannot go on; carries the coded diagnostics collected so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("; ".join(d.to_text() for d in self.diagnostics))

    def __reduce__(self):  # crosses from a worker process (``grenzen``) with its diagnostics intact
        return (type(self), (self.diagnostics,))

    @property
    def exit_code(self) -> int:
        codes = [catalogue()[d.code].afsluitcode for d in self.diagnostics if d.is_error]
        return max(codes, default=1)


def sort_key(diagnostic: Diagnostic) -> tuple:
    loc = diagnostic.location
    return (loc.file, loc.line or 0, loc.col or 0, diagnostic.code, diagnostic.message)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    noun = "bestand" if files == 1 else "bestanden"
    return (
        f"{files} {noun} gecontroleerd: {errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}."
    )


def collapsed(diagnostics: list[Diagnostic], keep: int = 3) -> list[Diagnostic]:
    """For reading: of each warning that recurs in one file, the first ``keep`` and one line with the count.

    5,000 percelen without an ambition give 5,000 identical warnings; a person reads three and the
    count. Errors are never collapsed (each needs fixing where it is); JSON output keeps everything.
    """
    counts: dict[tuple[str, str], int] = {}
    for d in diagnostics:
        if not d.is_error:
            counts[(d.location.file, d.code)] = counts.get((d.location.file, d.code), 0) + 1
    shown: list[Diagnostic] = []
    seen: dict[tuple[str, str], int] = {}
    for d in diagnostics:
        key = (d.location.file, d.code)
        if d.is_error or counts[key] <= keep + 1:
            shown.append(d)
            continue
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= keep:
            shown.append(d)
        elif seen[key] == keep + 1:
            rest = f"{counts[key] - keep:,}".replace(",", ".")
            message = f"en nog {rest} keer dezelfde waarschuwing ({catalogue()[d.code].titel.lower()})"
            shown.append(Diagnostic(d.code, d.severity, message, Location(d.location.file)))
    return shown


def as_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diagnostics], ensure_ascii=False, indent=2)


__all__ = [
    "FOUT",
    "WAARSCHUWING",
    "Diagnostic",
    "DossierError",
    "Entry",
    "Location",
    "as_json",
    "catalogue",
    "collapsed",
    "make",
    "sort_key",
    "summary",
]
