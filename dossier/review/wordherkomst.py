"""What review adds to pandoc's Word file: block bookmark ends inside paragraphs, and the styles of comments.

pandoc writes the bookmark of a Div (one per template block or file, see ``ast_herkomst``) as
siblings of the paragraphs, in the body. The end of a block bookmark moves into the last paragraph
it covers (after a table: its last cell), where Word keeps its own: the Word finishing pass
(``wordtekst``) gives the paragraph after a table its spacing and must find that paragraph there.
The starts stay where pandoc put them, before the heading's own bookmark, which the contents link to.

pandoc's comments use the styles ``CommentText`` and ``CommentReference``, which a reference
document made for printing does not define; they are added (Word's own "annotation text" and
"annotation reference") when the file has comments and its styles lack them.
"""

from __future__ import annotations

from lxml import etree

from ..uitvoer.ooxml import W_NS, parse, read_package, serialise, w, write_package

DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
_COMMENT_STYLES = {
    "CommentText": ('<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
                    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
                    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'),
    "CommentReference": ('<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
                         '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
                         '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>'),
}
PREFIXES = ("b_", "m_", "t_")  # block, macro and template-file bookmarks (ast_herkomst.frame_ids)


def _last_paragraph(end: etree._Element) -> etree._Element | None:
    """The paragraph before a bookmark end (through other bookmark marks), or a table's last one."""
    sibling = end.getprevious()
    while sibling is not None:
        if sibling.tag == w("p"):
            return sibling
        if sibling.tag in (w("tbl"), w("sdt")):
            paragraphs = list(sibling.iter(w("p")))
            return paragraphs[-1] if paragraphs else None
        if sibling.tag not in (w("bookmarkStart"), w("bookmarkEnd")):
            return None
        sibling = sibling.getprevious()
    return None


def finish_review(docx: bytes) -> bytes:
    names, parts = read_package(docx)
    _bookmark_ends_into_paragraphs(parts)
    if b"<w:comment " in parts.get("word/comments.xml", b"") and STYLES in parts:  # pandoc writes the part even when empty
        _comment_styles(parts)
    return write_package(names, parts)


def _comment_styles(parts: dict[str, bytes]) -> None:
    styles = parse(parts[STYLES])
    present = {s.get(w("styleId")) for s in styles.iter(w("style"))}
    for style_id, xml in _COMMENT_STYLES.items():
        if style_id in present:
            continue
        style = etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{xml}</w:styles>'.encode())[0]
        for based in style.iter(w("basedOn")):
            if based.get(w("val")) not in present:
                style.remove(based)
        styles.append(style)
    parts[STYLES] = serialise(styles)


def _bookmark_ends_into_paragraphs(parts: dict[str, bytes]) -> None:
    root = parse(parts[DOCUMENT])
    body = root.find(w("body"))
    ours = {e.get(w("id")) for e in root.iter(w("bookmarkStart")) if e.get(w("name"), "").startswith(PREFIXES)}
    for end in [e for e in body if e.tag == w("bookmarkEnd") and e.get(w("id")) in ours]:
        paragraph = _last_paragraph(end)
        if paragraph is not None:
            paragraph.append(end)
    parts[DOCUMENT] = serialise(root)


__all__ = ["PREFIXES", "finish_review"]
