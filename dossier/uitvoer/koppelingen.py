"""E-mail addresses in the text become ``mailto:`` links, in pandoc's AST, for Word and PDF alike.

A reader clicks the address instead of retyping it, and the PDF template never hyphenates a link, so
an address is never split across lines as ``in-koop@...``. Values reach the text escaped (never as
Markdown autolinks), which is why the links are made here, after parsing.
"""

from __future__ import annotations

import re
from typing import Any

_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NO_LINKS_INSIDE = ("Link", "Code", "CodeBlock", "RawInline", "RawBlock")


def link_addresses(node: Any) -> Any:
    """``node`` with every e-mail address in a ``Str`` turned into a link (lists are rebuilt in place)."""
    if isinstance(node, list):
        out: list[Any] = []
        for item in node:
            if isinstance(item, dict) and item.get("t") == "Str" and "@" in item["c"]:
                out.extend(_split(item["c"]))
            else:
                out.append(link_addresses(item))
        node[:] = out
    elif isinstance(node, dict) and node.get("t") not in _NO_LINKS_INSIDE and isinstance(node.get("c"), list):
        link_addresses(node["c"])
    return node


def _split(text: str) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    position = 0
    for match in _ADDRESS.finditer(text):
        address = match.group(0).rstrip(".")
        end = match.start() + len(address)
        if match.start() > position:
            parts.append({"t": "Str", "c": text[position:match.start()]})
        parts.append({"t": "Link", "c": [["", ["email"], []], [{"t": "Str", "c": address}], [f"mailto:{address}", ""]]})
        position = end
    if position < len(text):
        parts.append({"t": "Str", "c": text[position:]})
    return parts or [{"t": "Str", "c": text}]
