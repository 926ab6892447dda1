"""Word redline: what pandoc's docx writer leaves out of tracked changes, added with lxml.

pandoc turns every revision span into ``w:ins``/``w:del`` with its author and date, inside
headings and table cells too. It does not track structure, and a lawyer would see the difference:

- a wholly inserted or deleted paragraph keeps an untracked paragraph mark, so *Reject all* leaves an
  empty paragraph where it was inserted (and *Accept all* one where it was deleted). The post-pass
  marks the mark (``w:pPr/w:rPr/w:ins|w:del``), except the last paragraph of a table cell or of the
  body, whose mark Word cannot remove;
- a table row that was inserted or deleted as a whole gets ``w:trPr/w:ins|w:del``, so Word shows and
  accepts it as a row, not as emptied cells;
- a moved block becomes Word's own move (``w:moveFrom``/``w:moveTo`` inside named move ranges), which
  Word shows in its move colour and accepts or rejects as one move;
- pandoc numbers insertions and deletions with separate counters, so ids collide: all revision ids
  are renumbered, in document order, which also keeps the bytes deterministic.

Moves reach the post-pass through the author attribute (``dossier|verplaatsing:3``): pandoc copies
only author and date into ``w:ins``/``w:del``, and the post-pass restores the real author.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

from .marks import MOVED, Node, revision_kind

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"
_MOVE_AUTHOR = re.compile(r"^(.*)\|verplaatsing:(\d+)$")
# Children of a paragraph that carry no text and so do not decide whether it is wholly changed.
_NEUTRAL = {f"{{{W}}}{name}" for name in ("pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart",
                                          "commentRangeEnd", "permStart", "permEnd")}
_TRPR_BASE = {f"{{{W}}}{name}" for name in ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
                                            "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")}
_PPR_AFTER_RPR = {f"{{{W}}}{name}" for name in ("sectPr", "pPrChange")}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def tag_moves(node: Any) -> Any:
    """The AST for pandoc's docx writer: the move number of a moved span carried in its author."""
    if isinstance(node, list):
        return [tag_moves(x) for x in node]
    if not isinstance(node, dict):
        return node
    if revision_kind(node) and MOVED in node["c"][0][1]:
        attrs = dict(node["c"][0][2])
        author = f"{attrs.get('author', '')}|verplaatsing:{attrs.get('verplaatsing', '0')}"
        fixed: Node = {"t": "Span", "c": [["", [k for k in node["c"][0][1] if k != MOVED],
                                            [["author", author], ["date", attrs.get("date", "")]]], tag_moves(node["c"][1])]}
        return fixed
    return {k: tag_moves(v) for k, v in node.items()}


def finish_redline(docx: bytes) -> bytes:
    """pandoc's Word file with paragraph marks, table rows, moves and revision ids tracked properly."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read(DOCUMENT))
    body = root.find(q("body"))
    moves = _native_moves(root)
    for paragraph in root.iter(q("p")):
        kind = _whole(paragraph)
        if kind and not _last_in_container(paragraph):
            _mark(_paragraph_rpr(paragraph), kind, _revision_of(paragraph, kind))
    for row in root.iter(q("tr")):
        kinds = {_whole(p) for p in row.iter(q("p")) if _has_content(p)}
        if len(kinds) == 1 and None not in kinds:
            kind = kinds.pop()
            kind = {"moveFrom": "del", "moveTo": "ins"}.get(kind, kind)  # rows have no move mark
            first = next(p for p in row.iter(q("p")) if _has_content(p))
            _mark(_row_properties(row), kind, _revision_of(first, _whole(first) or kind))
    _move_ranges(body, moves)
    _renumber(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, data if item.filename == DOCUMENT else source.read(item.filename))
    return out.getvalue()


def _native_moves(root: Any) -> dict[tuple[str, str], list[Any]]:
    """Rename tagged ``w:del``/``w:ins`` to ``w:moveFrom``/``w:moveTo``; returns them by (kind, number)."""
    moves: dict[tuple[str, str], list[Any]] = {}
    for element in list(root.iter(q("ins"), q("del"))):
        match = _MOVE_AUTHOR.match(element.get(q("author"), ""))
        if not match:
            continue
        element.set(q("author"), match.group(1))
        kind = "moveFrom" if element.tag == q("del") else "moveTo"
        element.tag = q(kind)
        if kind == "moveFrom":  # moved-away text stays ordinary text (w:t), unlike deleted text
            for text in element.iter(q("delText")):
                text.tag = q("t")
        moves.setdefault((kind, match.group(2)), []).append(element)
    return moves


def _has_content(paragraph: Any) -> bool:
    return any(child.tag not in _NEUTRAL for child in paragraph)


def _whole(paragraph: Any) -> str | None:
    """``ins``, ``del``, ``moveFrom`` or ``moveTo`` when all text of ``paragraph`` is that one revision."""
    kinds = {child.tag for child in paragraph if child.tag not in _NEUTRAL}
    if len(kinds) == 1:
        kind = kinds.pop()
        for name in ("ins", "del", "moveFrom", "moveTo"):
            if kind == q(name):
                return name
    return None


def _last_in_container(paragraph: Any) -> bool:
    """The last paragraph of a cell or of the body: its mark ends the container and cannot go."""
    parent = paragraph.getparent()
    following = paragraph.getnext()
    while following is not None and following.tag in (q("bookmarkEnd"), q("bookmarkStart")):
        following = following.getnext()
    if parent.tag == q("tc"):
        return following is None
    return following is None or following.tag == q("sectPr")


def _revision_of(paragraph: Any, kind: str) -> Any:
    return next(child for child in paragraph if child.tag == q(kind))


def _mark(properties: Any, kind: str, like: Any) -> None:
    mark = etree.Element(q(kind))
    for attribute in ("author", "date"):
        if like.get(q(attribute)) is not None:
            mark.set(q(attribute), like.get(q(attribute)))
    mark.set(q("id"), "0")  # renumbered below
    if properties.tag == q("rPr"):
        properties.insert(0, mark)  # CT_ParaRPr: the revision marks come first
    else:
        position = len([c for c in properties if c.tag in _TRPR_BASE])
        if not position:  # CT_TrPr needs one ordinary property before its revision mark
            hidden = etree.SubElement(properties, q("hidden"))
            hidden.set(q("val"), "0")
            position = 1
        properties.insert(position, mark)


def _paragraph_rpr(paragraph: Any) -> Any:
    ppr = paragraph.find(q("pPr"))
    if ppr is None:
        ppr = etree.Element(q("pPr"))
        paragraph.insert(0, ppr)
    rpr = ppr.find(q("rPr"))
    if rpr is None:
        rpr = etree.Element(q("rPr"))
        after = next((i for i, c in enumerate(ppr) if c.tag in _PPR_AFTER_RPR), len(ppr))
        ppr.insert(after, rpr)
    return rpr


def _row_properties(row: Any) -> Any:
    trpr = row.find(q("trPr"))
    if trpr is None:
        trpr = etree.Element(q("trPr"))
        row.insert(1 if len(row) and row[0].tag == q("tblPrEx") else 0, trpr)
    return trpr


def _move_ranges(body: Any, moves: dict[tuple[str, str], list[Any]]) -> None:
    """Named move ranges around each move's content, from its first to its last element."""
    for (kind, number), elements in sorted(moves.items(), key=lambda item: (int(item[0][1]), item[0][0])):
        partner = ("moveTo" if kind == "moveFrom" else "moveFrom", number)
        if partner not in moves:  # half a move is an ordinary insertion or deletion
            for element in elements:
                element.tag = q("del" if kind == "moveFrom" else "ins")
                for text in element.iter(q("t")) if kind == "moveFrom" else ():
                    text.tag = q("delText")
            continue
        start = etree.Element(q(f"{kind}RangeStart"))
        for attribute in ("author", "date"):
            start.set(q(attribute), elements[0].get(q(attribute), ""))
        start.set(q("name"), f"verplaatsing{number}")
        start.set(q("id"), "0")
        end = etree.Element(q(f"{kind}RangeEnd"))
        end.set(q("id"), "0")
        elements[0].addprevious(start)
        elements[-1].addnext(end)


def _renumber(root: Any) -> None:
    """One id per revision and per move range (start and end share theirs), in document order."""
    names = ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")
    number = 1000
    pending: dict[str, list[str]] = {"moveFromRangeEnd": [], "moveToRangeEnd": []}
    for element in root.iter(*(q(n) for n in (*names, "moveFromRangeEnd", "moveToRangeEnd"))):
        local = etree.QName(element).localname
        if local.endswith("RangeEnd"):
            element.set(q("id"), pending[local].pop(0))
            continue
        number += 1
        element.set(q("id"), str(number))
        if local.endswith("RangeStart"):
            pending[local.replace("Start", "End")].append(str(number))


__all__ = ["DOCUMENT", "W", "finish_redline", "q", "tag_moves"]
