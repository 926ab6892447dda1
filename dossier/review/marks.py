"""Revision marks in pandoc's own vocabulary, and the few walks over a pandoc AST that need them.

A tracked change is a ``Span`` with class ``insertion`` or ``deletion`` and the attributes
``author`` and ``date``: that is what pandoc's docx reader makes of Word's ``w:ins``/``w:del`` and
what its docx writer turns back into them, so a compared AST is an ordinary pandoc document that
every writer (and every later tool of this package) reads without knowing about ``vergelijk``.
A moved block also carries the class ``verplaatst`` and an attribute ``verplaatsing`` (its number),
so the Word post-pass can write native moves and a report can say "verplaatst" instead of
"verwijderd en ingevoegd".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

Node = dict[str, Any]
INSERTION, DELETION = "insertion", "deletion"
MOVED = "verplaatst"

# Inline containers whose children are a plain inline list at a fixed place in "c".
CONTAINERS = {"Emph": None, "Strong": None, "Underline": None, "Strikeout": None, "SmallCaps": None,
              "Superscript": None, "Subscript": None, "Span": 1, "Quoted": 1, "Link": 1}


@dataclass(frozen=True)
class Marks:
    """Who made the changes and when: every revision of one comparison carries the same pair."""

    author: str
    date: str  # ISO 8601 with time and zone, e.g. 2019-10-28T00:00:00Z (Word needs the time part)

    def span(self, kind: str, inlines: list[Node], move: int | None = None) -> Node:
        classes = [kind, MOVED] if move else [kind]
        attributes = [["author", self.author], ["date", self.date]]
        if move:
            attributes.append(["verplaatsing", str(move)])
        return {"t": "Span", "c": [["", classes, attributes], inlines]}


def revision_kind(node: Any) -> str | None:
    """``insertion`` or ``deletion`` when ``node`` is a revision span, else None."""
    if isinstance(node, dict) and node.get("t") == "Span":
        classes = node["c"][0][1]
        for kind in (INSERTION, DELETION):
            if kind in classes:
                return kind
    return None


def has_revision(node: Any) -> bool:
    """Whether a block (or any part of an AST) contains a revision span anywhere inside."""
    if isinstance(node, list):
        return any(has_revision(x) for x in node)
    if isinstance(node, dict):
        return revision_kind(node) is not None or has_revision(node.get("c"))
    return False


def plain_text(node: Any) -> str:
    """The words of a block or inline list, one space between words: for similarity and reports."""
    return " ".join("".join(_text(node)).split())


def _text(node: Any) -> Iterator[str]:
    if isinstance(node, list):
        for x in node:
            yield from _text(x)
        return
    if not isinstance(node, dict):
        return
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        yield content
    elif kind in ("Space", "SoftBreak", "LineBreak"):
        yield " "
    elif kind in ("Code", "Math"):
        yield " " + content[1] + " "
    elif kind in ("RawInline", "RawBlock", "Note"):
        return
    elif kind in ("Para", "Plain", "Header", "CodeBlock", "Table", "BulletList", "OrderedList", "DefinitionList"):
        yield " "
        yield from _text(content if kind != "CodeBlock" else [{"t": "Str", "c": content[1]}])
        yield " "
    else:
        yield from _text(content)


def mark_whole(block: Node, kind: str, marks: Marks, move: int | None = None) -> Node:
    """``block`` with every piece of its text inside one revision span per inline list.

    Blocks without inlines (a rule, a code block) cannot carry a mark in pandoc and are returned as they are.
    """
    return _mark_blocks([block], kind, marks, move)[0]


def _mark_inlines(inlines: list[Node], kind: str, marks: Marks, move: int | None) -> list[Node]:
    return [marks.span(kind, inlines, move)] if inlines else inlines


def _mark_blocks(blocks: list[Node], kind: str, marks: Marks, move: int | None) -> list[Node]:
    out = []
    for block in blocks:
        t, c = block.get("t"), block.get("c")
        if t in ("Para", "Plain"):
            block = {"t": t, "c": _mark_inlines(c, kind, marks, move)}
        elif t == "Header":
            block = {"t": t, "c": [c[0], c[1], _mark_inlines(c[2], kind, marks, move)]}
        elif t == "LineBlock":
            block = {"t": t, "c": [_mark_inlines(line, kind, marks, move) for line in c]}
        elif t == "BulletList":
            block = {"t": t, "c": [_mark_blocks(item, kind, marks, move) for item in c]}
        elif t == "OrderedList":
            block = {"t": t, "c": [c[0], [_mark_blocks(item, kind, marks, move) for item in c[1]]]}
        elif t == "DefinitionList":
            block = {"t": t, "c": [[_mark_inlines(term, kind, marks, move), [_mark_blocks(d, kind, marks, move) for d in defs]]
                                   for term, defs in c]}
        elif t in ("Div", "Figure"):
            block = {"t": t, "c": [*c[:-1], _mark_blocks(c[-1], kind, marks, move)]}
        elif t == "BlockQuote":
            block = {"t": t, "c": _mark_blocks(c, kind, marks, move)}
        elif t == "Table":
            block = {"t": t, "c": _mark_table(c, kind, marks, move)}
        out.append(block)
    return out


def mark_row(row: list[Any], kind: str, marks: Marks) -> list[Any]:
    """A table row (``[attr, cells]``) with the content of every cell marked."""
    attr, cells = row
    return [attr, [[*cell[:4], _mark_blocks(cell[4], kind, marks, None)] for cell in cells]]


def _mark_table(c: list[Any], kind: str, marks: Marks, move: int | None) -> list[Any]:
    attr, caption, colspecs, head, bodies, foot = c
    caption = [caption[0], _mark_blocks(caption[1], kind, marks, move)]
    head = [head[0], [mark_row(r, kind, marks) for r in head[1]]]
    bodies = [[b[0], b[1], [mark_row(r, kind, marks) for r in b[2]], [mark_row(r, kind, marks) for r in b[3]]] for b in bodies]
    foot = [foot[0], [mark_row(r, kind, marks) for r in foot[1]]]
    return [attr, caption, colspecs, head, bodies, foot]


__all__ = ["CONTAINERS", "DELETION", "INSERTION", "MOVED", "Marks", "Node", "has_revision", "mark_row", "mark_whole",
           "plain_text", "revision_kind"]
