"""The template text behind a clause, with a lawyer's change applied: ready to paste into a set.

The frame a unit came from names its set, file and line (``manifest.json``). The file is read from
that set (safely, as the renderer reads it); for a ``{% block %}`` the block from its tag to its
``{% endblock %}``, for a template file the whole file. For a block the result is the whole block; for a file
the changed lines, with their line numbers. The changed words are looked up in that
source with a few words of context on either side, whitespace and line breaks ignored, until
exactly one place matches; the change is made there. A block to override in a set that does not
yet have the file starts with the ``extends`` line that makes it an override.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..diagnostics import DossierError
from ..documenten.sjabloonsets import Sjabloonset
from ..documenten.veilige_sets import read_set_file

_TAG = re.compile(r"{%-?\s*(?:(block|macro)\s+(\w+)|end(block|macro))\b[^%]*-?%}")


class Sjabloonbron:
    """Reads template sources of one chain of sets."""

    def __init__(self, sjabloonset: Sjabloonset) -> None:
        self.sets = {s.naam: s.map for s in sjabloonset.keten}

    def source(self, set_name: str, relative: str) -> str | None:
        folder = self.sets.get(set_name)
        if folder is None:
            return None
        path = folder / relative
        try:
            return read_set_file(folder, path).decode("utf-8") if path.is_file() else None
        except (DossierError, OSError, UnicodeDecodeError):
            return None

    def changed(self, frame: dict[str, Any], text: str, begin: int, end: int, replacement: str, own_set: str,
                host: dict[str, Any] | None = None) -> str | None:
        """The frame's template text with the change applied, or None when the words cannot be found once.

        A macro's text goes into an override of ``host``, the block that called it: a set overrides blocks, not macros.
        """
        source = self.source(frame["set"], frame["sjabloon"])
        if source is None:
            return None
        kind = {"blok": "block", "macro": "macro"}.get(frame["soort"])
        if kind:
            span = tag_span(source, kind, frame["naam"], inner=kind == "macro")
            if span is None:
                return None
            source = source[span[0]:span[1]]
        new = apply(source, text, begin, end, replacement)
        if new is None:
            return None
        if kind is None or (kind == "macro" and host is None):
            return changed_lines(self.source(frame["set"], frame["sjabloon"]) or "", new) if kind is None else new
        target = host if kind == "macro" else frame
        if kind == "macro":
            new = self._in_block(target, frame["naam"], new.strip("\n"))
        if not (self.sets.get(own_set, Path("/nonexistent")) / target["sjabloon"]).is_file():
            new = f'{{% extends "!{target["set"]}/{target["sjabloon"]}" %}}\n{new}'
        return new


    def _in_block(self, block: dict[str, Any], macro: str, body: str) -> str:
        """The calling block with its call of the macro replaced by the macro's (changed) text."""
        source = self.source(block["set"], block["sjabloon"]) or ""
        span = tag_span(source, "block", block["naam"])
        text = source[span[0]:span[1]] if span else ""
        calls = list(re.finditer(r"{{-?\s*(?:\w+\.)?" + re.escape(macro) + r"\(\s*\)\s*-?}}", text))
        if len(calls) == 1:
            return text[:calls[0].start()] + body + text[calls[0].end():]
        return f"{{% block {block['naam']} %}}\n{body}\n{{% endblock %}}"


def tag_span(source: str, kind: str, name: str, inner: bool = False) -> tuple[int, int] | None:
    """Where ``{% block name %}`` (or a macro) to its own end tag stands in ``source``; ``inner``: its body only."""
    start, depth = None, 0
    for match in _TAG.finditer(source):
        opening, closing = match.group(1), match.group(3)
        if start is None:
            if opening == kind and match.group(2) == name:
                start, depth = (match.end() if inner else match.start()), 1
            continue
        if opening == kind:
            depth += 1
        elif closing == kind:
            depth -= 1
            if depth == 0:
                return start, (match.start() if inner else match.end())
    return None


def changed_lines(old: str, new: str) -> str:
    """The lines of a whole file that a change touched, numbered as in the file (a file is too long to print)."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    first = next((i for i, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b), min(len(old_lines), len(new_lines)))
    tail = 0
    while tail < min(len(old_lines), len(new_lines)) - first and old_lines[-1 - tail] == new_lines[-1 - tail]:
        tail += 1
    changed = new_lines[first:len(new_lines) - tail]
    last = len(old_lines) - tail
    span = f"regel {first + 1}" if last <= first + 1 else f"regels {first + 1}-{last}"
    return f"{{# {span}, vervangen door: #}}\n" + "\n".join(changed)


def _pattern(words: list[str]) -> str:
    return r"\s+".join(_word(w) for w in words)


def _word(word: str) -> str:
    """A rendered word as it may stand in Markdown: punctuation possibly escaped with a backslash."""
    return "".join(f"\\\\?{re.escape(c)}" if not c.isalnum() else re.escape(c) for c in word)


def apply(source: str, text: str, begin: int, end: int, replacement: str) -> str | None:
    """``source`` with the words of ``text[begin:end]`` replaced, found once with as little context as needed."""
    while begin > 0 and not text[begin - 1].isspace():  # whole words: a change inside a word takes the word
        begin -= 1
        replacement = text[begin] + replacement
    while end < len(text) and not text[end].isspace() and (end > begin or not text[end - 1:end].isspace()):
        replacement += text[end]
        end += 1
    before, old, after = text[:begin].split(), text[begin:end].split(), text[end:].split()
    for context in range(0, 6):
        left = before[len(before) - context:] if context else []
        right = after[:context]
        if not (left or old or right):
            continue
        matches = list(re.finditer(_pattern(left + old + right), source))
        if len(matches) == 1:
            new_words = left + replacement.split() + right
            return source[:matches[0].start()] + " ".join(new_words) + source[matches[0].end():]
        if len(matches) == 0 and context:
            return None  # more context cannot make a missing text appear
    return None


__all__ = ["Sjabloonbron", "apply", "changed_lines", "tag_span"]
