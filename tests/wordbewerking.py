"""Edit a built Word file the way a reviewing lawyer's Word stores it: comments, tracked and untracked changes.

Used by the review tests to make returned files from real builds. A paragraph is found by a piece
of its text; its runs are rewritten as Word writes an edited paragraph (split runs, ``w:del`` with
``w:delText``, ``w:ins``, comment ranges with a reference run), its bookmarks kept where they were.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def _run(text: str, deleted: bool = False):
    run = etree.Element(f"{W}r")
    t = etree.SubElement(run, f"{W}delText" if deleted else f"{W}t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


class Bewerking:
    """A Word file opened for editing; ``bytes()`` gives the edited file."""

    def __init__(self, data: bytes) -> None:
        archive = zipfile.ZipFile(io.BytesIO(data))
        self.names = archive.namelist()
        self.parts = {n: archive.read(n) for n in self.names}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.comments = etree.fromstring(self.parts["word/comments.xml"]) if "word/comments.xml" in self.parts else None
        self.next_id = 900

    def paragraph(self, contains: str, in_table: bool | None = None):
        for paragraph in self.document.iter(f"{W}p"):
            inside = any(a.tag == f"{W}tbl" for a in paragraph.iterancestors())
            if contains in _text(paragraph) and (in_table is None or inside == in_table):
                return paragraph
        raise AssertionError(f"geen alinea met {contains!r}")

    def _rewrite(self, paragraph, pieces) -> None:
        """Replace the runs of ``paragraph`` by ``pieces`` (elements), keeping properties and bookmarks."""
        keep_start = [c for c in paragraph if c.tag in (f"{W}pPr",)]
        marks = [c for c in paragraph if c.tag in (f"{W}bookmarkStart",)]
        ends = [c for c in paragraph if c.tag in (f"{W}bookmarkEnd",)]
        for child in list(paragraph):
            paragraph.remove(child)
        for child in keep_start + marks + pieces + ends:
            paragraph.append(child)

    def _split(self, paragraph, old: str) -> tuple[str, str]:
        text = _text(paragraph)
        assert old in text, (old, text)
        before, after = text.split(old, 1)
        return before, after

    def track_replace(self, contains: str, old: str, new: str, author: str, date: str = "2024-03-12T10:00:00Z",
                      in_table: bool | None = None) -> None:
        paragraph = self.paragraph(contains, in_table)
        before, after = self._split(paragraph, old)
        pieces = [_run(before)] if before else []
        if old:
            deletion = etree.Element(f"{W}del", {f"{W}id": str(self._id()), f"{W}author": author, f"{W}date": date})
            deletion.append(_run(old, deleted=True))
            pieces.append(deletion)
        if new:
            insertion = etree.Element(f"{W}ins", {f"{W}id": str(self._id()), f"{W}author": author, f"{W}date": date})
            insertion.append(_run(new))
            pieces.append(insertion)
        pieces += [_run(after)] if after else []
        self._rewrite(paragraph, pieces)

    def track_insert(self, contains: str, after: str, new: str, author: str) -> None:
        paragraph = self.paragraph(contains)
        before, rest = self._split(paragraph, after)
        insertion = etree.Element(f"{W}ins", {f"{W}id": str(self._id()), f"{W}author": author, f"{W}date": "2024-03-12T10:00:00Z"})
        insertion.append(_run(new))
        self._rewrite(paragraph, [_run(before + after), insertion, *([_run(rest)] if rest else [])])

    def direct_replace(self, contains: str, old: str, new: str) -> None:
        paragraph = self.paragraph(contains)
        before, after = self._split(paragraph, old)
        self._rewrite(paragraph, [_run(before + new + after)])

    def comment(self, contains: str, anchor: str, text: str, author: str, date: str = "2024-03-12T09:00:00Z",
                in_table: bool | None = None) -> str:
        return self.comment_on(self.paragraph(contains, in_table), anchor, text, author, date)

    def comment_on(self, paragraph, anchor: str, text: str, author: str, date: str = "2024-03-12T09:00:00Z") -> str:
        before, after = self._split(paragraph, anchor)
        number = str(self._id())
        start = etree.Element(f"{W}commentRangeStart", {f"{W}id": number})
        end = etree.Element(f"{W}commentRangeEnd", {f"{W}id": number})
        reference = etree.Element(f"{W}r")
        etree.SubElement(reference, f"{W}commentReference", {f"{W}id": number})
        self._rewrite(paragraph, [*([_run(before)] if before else []), start, _run(anchor), end, reference,
                                  *([_run(after)] if after else [])])
        self._comments().append(self._comment_element(number, text, author, date))
        return number

    def delete_row_tracked(self, contains: str, author: str) -> None:
        paragraph = self.paragraph(contains, in_table=True)
        row = next(a for a in paragraph.iterancestors(f"{W}tr"))
        properties = row.find(f"{W}trPr")
        if properties is None:
            properties = etree.Element(f"{W}trPr")
            row.insert(0, properties)
        properties.append(etree.Element(f"{W}del", {f"{W}id": str(self._id()), f"{W}author": author, f"{W}date": "2024-03-12T10:00:00Z"}))
        for p in row.iter(f"{W}p"):
            text = _text(p)
            deletion = etree.Element(f"{W}del", {f"{W}id": str(self._id()), f"{W}author": author, f"{W}date": "2024-03-12T10:00:00Z"})
            deletion.append(_run(text, deleted=True))
            self._rewrite(p, [deletion] if text else [])

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def _comment_element(self, number: str, text: str, author: str, date: str):
        comment = etree.Element(f"{W}comment", {f"{W}id": number, f"{W}author": author, f"{W}date": date, f"{W}initials": "AJ"})
        for line in text.split("\n"):
            paragraph = etree.SubElement(comment, f"{W}p")
            paragraph.append(_run(line))
        return comment

    def _comments(self):
        if self.comments is None:
            self.comments = etree.Element(f"{W}comments", nsmap={"w": W_NS})
            self.names.append("word/comments.xml")
            rels = self.parts["word/_rels/document.xml.rels"].decode()
            self.parts["word/_rels/document.xml.rels"] = rels.replace(
                "</Relationships>", f'<Relationship Id="rIdReview" Type="{COMMENTS_REL}" Target="comments.xml"/></Relationships>').encode()
            types = self.parts["[Content_Types].xml"].decode()
            self.parts["[Content_Types].xml"] = types.replace(
                "</Types>", f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/></Types>').encode()
        return self.comments

    def __bytes__(self) -> bytes:
        self.parts["word/document.xml"] = etree.tostring(self.document, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.comments is not None:
            self.parts["word/comments.xml"] = etree.tostring(self.comments, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in self.names:
                target.writestr(name, self.parts[name])
        return out.getvalue()
