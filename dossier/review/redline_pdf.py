"""PDF redline: revision spans made visible for pandoc's Typst writer, in the house template.

pandoc's Typst writer drops the classes of a span, so deleted text would print as ordinary text.
Before the AST goes to Typst, every revision span becomes a call of a small Typst function (red
and struck through for a deletion, blue and underlined for an insertion, green for a move), and
every top-level block with a change is wrapped in a block that draws a bar in the left margin
over its full height, across page breaks. The functions are defined at the top of the body, so
the house template of the set (cover, header, fonts) stays exactly as in the build.
"""

from __future__ import annotations

import re
from typing import Any

from .marks import DELETION, MOVED, Node, has_revision, plain_text, revision_kind

PRELUDE = """\
#let rl-rood = rgb("#b00020")
#let rl-blauw = rgb("#0b5cad")
#let rl-groen = rgb("#1b7a3a")
#let rl-del(body) = text(fill: rl-rood, strike(stroke: 0.7pt, body))
#let rl-ins(body) = text(fill: rl-blauw, underline(offset: 2pt, body))
#let rl-van(body) = text(fill: rl-groen, strike(stroke: 0.7pt, body))
#let rl-naar(body) = text(fill: rl-groen, underline(offset: 2pt, body))
#let rl-blok(body) = block(width: 100%, breakable: true, stroke: (left: 1.5pt + luma(90)), outset: (left: 0.7cm), body)
"""

LEGEND = ("Zo leest u deze vergelijking: verwijderde tekst is #rl-del[rood doorgehaald], ingevoegde tekst "
          "#rl-ins[blauw onderstreept] en verplaatste tekst #rl-naar[groen]; een streep in de marge wijst elke "
          "gewijzigde passage aan.")

# Text that Typst reads as the start of a list, heading, term or numbered item when it opens a content block.
_LINE_START = re.compile(r"^(?:[-+=/]|\d)")


def raw_block(text: str) -> Node:
    return {"t": "RawBlock", "c": ["typst", text]}


def raw_inline(text: str) -> Node:
    return {"t": "RawInline", "c": ["typst", text]}


def for_typst(ast: dict[str, Any]) -> dict[str, Any]:
    """The compared AST for pandoc's Typst writer: visible revisions and change bars."""
    blocks: list[Node] = [raw_block(PRELUDE), {"t": "Para", "c": [raw_inline(LEGEND)]}]
    for block in ast["blocks"]:
        if has_revision(block):
            blocks += [raw_block("#rl-blok["), _convert(block), raw_block("]")]
        else:
            blocks.append(block)
    return {**ast, "blocks": blocks}


def _convert(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _convert(v) for k, v in node.items()}
    if not isinstance(node, list):
        return node
    out: list[Any] = []
    for item in node:
        kind = revision_kind(item)
        if kind is None:
            out.append(_convert(item))
            continue
        moved = MOVED in item["c"][0][1]
        function = {(DELETION, False): "rl-del", (DELETION, True): "rl-van"}.get((kind, moved), "rl-naar" if moved else "rl-ins")
        opening = f"#{function}["
        if _LINE_START.match(plain_text(item["c"][1])):
            opening += '#""'  # an empty string first, so "- een" or "1. twee" stays text
        out += [raw_inline(opening), *_convert(item["c"][1]), raw_inline("]")]
    return out


__all__ = ["for_typst"]
