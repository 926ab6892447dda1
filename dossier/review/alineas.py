"""A Word file as a reviewer left it: paragraphs and table rows, each with its text before and after
the tracked changes, the changes themselves, the comments anchored in it and the block bookmarks open there.

One walk over ``word/document.xml``, as Word and LibreOffice store a review:

- text inside ``w:ins``/``w:moveTo`` is new (it is in the *nieuw* text only), text inside
  ``w:del``/``w:moveFrom`` was there before (in the *oud* text only); everything else is in both.
  ``oud`` is thus the text as it was sent back without its tracked changes: any remaining
  difference with the build is an edit made without tracking;
- every revision is listed with author, date, its text and where it starts in ``oud``; a paragraph
  mark or table row inserted or deleted as a whole is listed as such;
- a comment belongs to the paragraph where its range starts (or its reference stands), with the
  text it is anchored to; replies (``commentsExtended``) point to the comment they answer;
- block bookmarks (``b_``/``t_``, see ``ast_herkomst``) open at the start of a paragraph are kept, as
  a hint where the text came from when the text itself no longer matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .redline_word import q
from .wordherkomst import PREFIXES
from .wordlezen import MAIN, Wordbestand

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_NEW, _OLD = (q("ins"), q("moveTo")), (q("del"), q("moveFrom"))
_KIND = {q("ins"): "ingevoegd", q("moveTo"): "verplaatst naar", q("del"): "verwijderd", q("moveFrom"): "verplaatst van"}
_TITLE_STYLES = {"Title", "Subtitle", "Omslagorganisatie", "Omslaggegevens", "Documentaanhef", "Documenttitel", "Documentgegevens"}


@dataclass
class Wijziging:
    """One tracked change: kind, author, date, text, and where it starts in the paragraph's old text."""

    soort: str  # ingevoegd, verwijderd, verplaatst van/naar, alinea ingevoegd/verwijderd, rij ingevoegd/verwijderd
    auteur: str
    datum: str
    tekst: str
    begin: int  # position in ``oud`` (an insertion: where it goes)
    eind: int  # end in ``oud`` (an insertion: == begin)


@dataclass
class Opmerking:
    """One comment: who, when, what, and the text it is anchored to."""

    id: str
    auteur: str
    datum: str
    tekst: str
    verankerd: str = ""
    begin: int = 0  # where its anchor starts in the old text of its paragraph
    antwoord_op: str | None = None  # the comment it replies to
    afgerond: bool = False


@dataclass
class Alinea:
    """A paragraph outside tables, or a table row (its cells' paragraphs together)."""

    soort: str  # alinea or rij
    stijl: str
    oud_delen: list[str] = field(default_factory=list)
    nieuw_delen: list[str] = field(default_factory=list)
    wijzigingen: list[Wijziging] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)  # comment ids anchored here
    bladwijzers: tuple[str, ...] = ()

    @property
    def oud(self) -> str:
        return normal("".join(self.oud_delen))

    @property
    def nieuw(self) -> str:
        return normal("".join(self.nieuw_delen))

    @property
    def titelblok(self) -> bool:
        return self.stijl in _TITLE_STYLES


def normal(text: str) -> str:
    return " ".join(text.split())


def position(prefix: str) -> int:
    """Where the text after ``prefix`` starts in the normalised text (one space between words)."""
    shown = normal(prefix)
    return len(shown) + (1 if shown and prefix[-1:].isspace() else 0)


def read_review(word: Wordbestand) -> tuple[list[Alinea], dict[str, Opmerking]]:
    """The paragraphs and rows of the body in order, and every comment by id."""
    comments = _comments(word)
    body = word.part(MAIN).find(q("body")) if word.part(MAIN) is not None else None
    records: list[Alinea] = []
    if body is None:
        return records, comments
    walk = _Walk(comments)
    for element in body:
        walk.top(element, records)
    for comment_id, parts in walk.anchored.items():
        if comment_id in comments:
            comments[comment_id].verankerd = normal("".join(parts))
    return records, comments


class _Walk:
    def __init__(self, comments: dict[str, Opmerking]) -> None:
        self.comments = comments
        self.open: dict[str, str] = {}  # bookmark id -> name, for block bookmarks
        self.ranges: set[str] = set()  # comment ranges open now
        self.anchored: dict[str, list[str]] = {}
        self.placed: set[str] = set()  # comments already given their paragraph

    def top(self, element: Any, records: list[Alinea]) -> None:
        tag = element.tag
        if tag == q("p"):
            record = Alinea("alinea", _style(element), bladwijzers=tuple(self.open.values()))
            self.paragraph(element, record)
            records.append(record)
        elif tag == q("tbl"):
            for row in element.iterchildren(q("tr")):
                record = Alinea("rij", "", bladwijzers=tuple(self.open.values()))
                marks = row.find(f"{q('trPr')}")
                for mark in marks if marks is not None else ():
                    if mark.tag in (q("ins"), q("del")):
                        record.wijzigingen.append(Wijziging("rij " + _KIND[mark.tag], mark.get(q("author"), ""),
                                                            mark.get(q("date"), ""), "", 0, 0))
                for index, paragraph in enumerate(row.iter(q("p"))):
                    if index:
                        record.oud_delen.append(" ")
                        record.nieuw_delen.append(" ")
                    self.paragraph(paragraph, record)
                records.append(record)
        elif tag == q("sdt"):
            content = element.find(q("sdtContent"))
            for child in content if content is not None else ():
                self.top(child, records)
        else:
            self.mark(element, record=None)

    def mark(self, element: Any, record: Alinea | None) -> None:
        """Bookmarks and comment ranges outside runs (they can stand between paragraphs too)."""
        tag = element.tag
        if tag == q("bookmarkStart") and element.get(q("name"), "").startswith(PREFIXES):
            self.open[element.get(q("id"), "")] = element.get(q("name"), "")
        elif tag == q("bookmarkEnd"):
            self.open.pop(element.get(q("id"), ""), None)
        elif tag == q("commentRangeStart"):
            self.ranges.add(element.get(q("id"), ""))
            self.anchored.setdefault(element.get(q("id"), ""), [])
            if record is not None:
                self.anchor(element.get(q("id"), ""), record)
        elif tag == q("commentRangeEnd"):
            self.ranges.discard(element.get(q("id"), ""))

    def anchor(self, comment_id: str, record: Alinea) -> None:
        """A comment belongs to the paragraph where its range starts, else where its reference stands."""
        if comment_id in self.placed:
            return
        self.placed.add(comment_id)
        record.opmerkingen.append(comment_id)
        if comment_id in self.comments:
            self.comments[comment_id].begin = position("".join(record.oud_delen))

    def paragraph(self, paragraph: Any, record: Alinea) -> None:
        mark = paragraph.find(f"{q('pPr')}/{q('rPr')}")
        for change in mark if mark is not None else ():
            if change.tag in (q("ins"), q("del")):
                record.wijzigingen.append(Wijziging("alinea " + _KIND[change.tag], change.get(q("author"), ""),
                                                    change.get(q("date"), ""), "", 0, 0))
        for event, element in etree.iterwalk(paragraph, events=("start", "end")):
            tag = element.tag
            if tag in _NEW + _OLD and element.getparent().tag not in (q("rPr"), q("pPr"), q("trPr")):
                if event == "start":
                    raw = "".join(_texts(element))
                    start = position("".join(record.oud_delen) + raw[:len(raw) - len(raw.lstrip())])
                    text = normal(raw)
                    record.wijzigingen.append(Wijziging(_KIND[tag], element.get(q("author"), ""), element.get(q("date"), ""),
                                                        text, start, start + (len(text) if tag in _OLD else 0)))
                continue
            if event != "start":
                continue
            if tag in (q("commentRangeStart"), q("commentRangeEnd"), q("bookmarkStart"), q("bookmarkEnd")):
                self.mark(element, record)
            elif tag == q("commentReference"):
                self.anchor(element.get(q("id"), ""), record)
            elif tag in (q("t"), q("delText"), q("tab"), q("br"), q("cr"), q("noBreakHyphen")):
                piece = _piece(element)
                kinds = {a.tag for a in element.iterancestors() if a.tag in _NEW + _OLD}
                if not kinds & set(_NEW):
                    record.oud_delen.append(piece)
                if not kinds & set(_OLD):
                    record.nieuw_delen.append(piece)
                    for comment_id in self.ranges:
                        self.anchored[comment_id].append(piece)


def _piece(element: Any) -> str:
    tag = etree.QName(element).localname
    if tag in ("t", "delText"):
        return element.text or ""
    return "-" if tag == "noBreakHyphen" else " "


def _texts(element: Any) -> list[str]:
    return [_piece(e) for e in element.iter(q("t"), q("delText"), q("tab"), q("br"), q("cr"), q("noBreakHyphen"))]


def _style(paragraph: Any) -> str:
    style = paragraph.find(f"{q('pPr')}/{q('pStyle')}")
    return style.get(q("val"), "") if style is not None else ""


def _comments(word: Wordbestand) -> dict[str, Opmerking]:
    part = word.part("word/comments.xml")
    found: dict[str, Opmerking] = {}
    by_paragraph: dict[str, str] = {}
    for comment in part.iter(q("comment")) if part is not None else ():
        paragraphs = list(comment.iter(q("p")))
        text = "\n".join(normal("".join(_texts(p))) for p in paragraphs).strip()
        comment_id = comment.get(q("id"), "")
        found[comment_id] = Opmerking(comment_id, comment.get(q("author"), ""), comment.get(q("date"), ""), text)
        if paragraphs and paragraphs[-1].get(f"{{{W14}}}paraId"):
            by_paragraph[paragraphs[-1].get(f"{{{W14}}}paraId")] = comment_id
    extended = word.part("word/commentsExtended.xml")
    for entry in extended.iter(f"{{{W15}}}commentEx") if extended is not None else ():
        comment_id = by_paragraph.get(entry.get(f"{{{W15}}}paraId", ""))
        if comment_id is None:
            continue
        found[comment_id].afgerond = entry.get(f"{{{W15}}}done") in ("1", "true")
        parent = by_paragraph.get(entry.get(f"{{{W15}}}paraIdParent", ""))
        found[comment_id].antwoord_op = parent
    return found


__all__ = ["Alinea", "Opmerking", "Wijziging", "normal", "position", "read_review"]
