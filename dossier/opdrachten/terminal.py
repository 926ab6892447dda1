"""Colour for findings on a terminal: fout in red, waarschuwing in yellow, hints in cyan.

Only when the output is a terminal, never when it goes into a pipe or a file (a log, an editor's
problem matcher, ``dossier controleer ... | grep``), and never with ``NO_COLOR`` set (no-color.org)
or ``TERM=dumb``. The text itself is the same with or without colour: colour is only added around
the parts of the lines that ``Diagnostic.to_text`` and ``summary`` already write.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

_RESET = "\033[0m"
_BOLD = "\033[1m"
_SEVERITY = {"fout": "\033[1;31m", "waarschuwing": "\033[1;33m"}
_NOTE = "\033[36m"
_FINDING = re.compile(r"^(?P<where>\S.*?: )(?P<code>D\d{3}) (?P<ernst>fout|waarschuwing)\b", re.MULTILINE)
_NOTE_LINE = re.compile(r"^(  = )(hint|grondslag):", re.MULTILINE)
_SUMMARY = re.compile(r"^\d+ (bestand|bestanden) gecontroleerd: .*$", re.MULTILINE)
_COUNT = re.compile(r"\b([1-9]\d*) (fout|fouten|waarschuwing|waarschuwingen)\b")


def colour_on(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal that shows colour and the user has not asked for none."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if sys.platform == "win32" and not (os.environ.get("WT_SESSION") or os.environ.get("TERM")):
        return False  # the classic Windows console prints escape codes as text
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, colour: bool) -> str:
    """``text`` with colour codes around severities, codes, notes and the counts of the summary."""
    if not colour:
        return text
    text = _FINDING.sub(lambda m: f"{m['where']}{_BOLD}{m['code']}{_RESET} {_SEVERITY[m['ernst']]}{m['ernst']}{_RESET}", text)
    text = _NOTE_LINE.sub(lambda m: f"{m[1]}{_NOTE}{m[2]}{_RESET}:", text)
    return _SUMMARY.sub(lambda m: _COUNT.sub(_count, m[0]), text)


def _count(match: re.Match) -> str:
    style = _SEVERITY["fout" if match[2].startswith("fout") else "waarschuwing"]
    return f"{style}{match[0]}{_RESET}"


def show(text: str, stream: TextIO | None = None) -> None:
    """Print one finding or summary, in colour when ``stream`` (default stdout) is a terminal."""
    stream = stream or sys.stdout
    print(paint(text, colour_on(stream)), file=stream, flush=True)
