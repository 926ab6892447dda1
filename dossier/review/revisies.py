"""Accept or reject every tracked change of a Word file, as Word's Review tab does, and read its text.

Used to prove a redline right (accept all must give the new text, reject all the old) and to read
a Word file that a reviewer returned. The rules follow WordprocessingML:

- accept: inserted and moved-to content stays (its wrapper goes), deleted and moved-from content
  goes; a row marked deleted goes; a paragraph whose mark is deleted joins the next paragraph;
- reject: the mirror image, with deleted text (``w:delText``) becoming ordinary text again.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

from .redline_word import DOCUMENT, q

# pandoc's title block and the cover or heading block that uitvoer/wordtekst.py writes: reported
# separately as "titelblad" changes, never marked in the text.
_TITLE_BLOCK = {"Title", "Subtitle", "Author", "Date", "Abstract", "Omslagorganisatie", "Omslaggegevens",
                "Documentaanhef", "Documenttitel", "Documentgegevens"}


def document_root(docx: bytes) -> Any:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(DOCUMENT))


def resolve_revisions(root: Any, accept: bool) -> Any:
    """``root`` (a ``w:document``) with all revisions accepted or rejected, changed in place."""
    keep, drop = (("ins", "moveTo"), ("del", "moveFrom")) if accept else (("del", "moveFrom"), ("ins", "moveTo"))
    for row in list(root.iter(q("tr"))):
        properties = row.find(q("trPr"))
        if properties is not None and any(properties.find(q(k)) is not None for k in drop):
            row.getparent().remove(row)
    for paragraph in list(root.iter(q("p"))):
        rpr = paragraph.find(f"{q('pPr')}/{q('rPr')}")
        if rpr is not None and any(rpr.find(q(k)) is not None for k in drop) and paragraph.getparent() is not None:
            _join_next(paragraph, drop)
    for kind in drop:
        for element in list(root.iter(q(kind))):
            if element.getparent() is not None and element.getparent().tag not in (q("rPr"), q("trPr")):
                element.getparent().remove(element)
    for kind in keep:
        for element in list(root.iter(q(kind))):
            if element.getparent().tag in (q("rPr"), q("trPr")):
                element.getparent().remove(element)
            else:
                _unwrap(element)
    for name in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd"):
        for element in list(root.iter(q(name))):
            element.getparent().remove(element)
    for element in list(root.iter(q("delText"))):
        element.tag = q("t")
    return root


def _join_next(paragraph: Any, drop: tuple[str, ...]) -> None:
    """The paragraph mark goes: what remains of the text joins the following paragraph."""
    remaining = [c for c in paragraph if c.tag != q("pPr") and c.tag not in (q(k) for k in drop)]
    following = paragraph.getnext()
    while following is not None and following.tag in (q("bookmarkStart"), q("bookmarkEnd")):
        following = following.getnext()
    if following is None or following.tag != q("p"):
        return  # Word keeps a paragraph before a table or at the end: the mark cannot go
    properties = following.find(q("pPr"))
    at = 0 if properties is None else list(following).index(properties) + 1
    for child in reversed(remaining):
        following.insert(at, child)
    paragraph.getparent().remove(paragraph)


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    at = list(parent).index(element)
    for child in reversed(list(element)):
        parent.insert(at, child)
    parent.remove(element)


def paragraph_text(paragraph: Any) -> str:
    parts = []
    for node in paragraph.iter(q("t"), q("delText"), q("tab"), q("br")):
        local = etree.QName(node).localname
        parts.append(node.text or "" if local in ("t", "delText") else "\t" if local == "tab" else "\n")
    return "".join(parts)


def without_front_matter(docx: bytes) -> bytes:
    """The Word file without its cover or heading block and contents: only the text that is compared."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        root = etree.fromstring(source.read(DOCUMENT))
        body = root.find(q("body"))
        for child in list(body):
            style = child.find(f"{q('pPr')}/{q('pStyle')}") if child.tag == q("p") else None
            if child.tag == q("sdt") or (style is not None and style.get(q("val")) in _TITLE_BLOCK):
                body.remove(child)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                target.writestr(item, etree.tostring(root) if item.filename == DOCUMENT else source.read(item.filename))
    return out.getvalue()


def body_texts(root: Any) -> list[str]:
    """The text of every paragraph of the body (tables included), without title block and contents."""
    body = root.find(q("body"))
    texts = []
    for child in body:
        if child.tag == q("sdt"):
            continue  # the table of contents
        for paragraph in [child] if child.tag == q("p") else child.iter(q("p")):
            style = paragraph.find(f"{q('pPr')}/{q('pStyle')}")
            if style is not None and style.get(q("val")) in _TITLE_BLOCK:
                continue
            texts.append(paragraph_text(paragraph))
    return texts


def accepted_texts(docx: bytes) -> list[str]:
    return body_texts(resolve_revisions(document_root(docx), accept=True))


def rejected_texts(docx: bytes) -> list[str]:
    return body_texts(resolve_revisions(document_root(docx), accept=False))


__all__ = ["accepted_texts", "body_texts", "document_root", "paragraph_text", "rejected_texts", "resolve_revisions"]
