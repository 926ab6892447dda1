"""Word post-processing with python-docx: what pandoc cannot do from a reference document.

Per document: the header text (kenmerk and title), core properties (title, subject, kenmerk as
keywords, version, status), a page break after the table of contents; then a deterministic
re-zip, because python-docx stamps the current time on every zip entry.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Cm

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def finish_docx(data: bytes, *, header: str, title: str, subject: str, kenmerk: str, version: str,
                status: str, author: str, moment: dt.datetime, logo: Path | None = None) -> bytes:
    document = docx.Document(io.BytesIO(data))
    if logo is not None and document.paragraphs:
        document.paragraphs[0].insert_paragraph_before().add_run().add_picture(str(logo), width=Cm(4))
    for section in document.sections:
        paragraphs = section.header.paragraphs
        if paragraphs:
            paragraphs[0].text = header
    props = document.core_properties
    props.title = _short(title)
    props.subject = _short(subject)
    props.keywords = _short(kenmerk)
    props.version = _short(version)
    props.content_status = _short(status)
    props.author = _short(author)
    props.last_modified_by = _short(author)
    props.identifier = _short(kenmerk)
    props.created = moment
    props.modified = moment
    props.revision = 1
    _page_break_after_toc(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return rezip(buffer.getvalue())


def _short(text: str, limit: int = 255) -> str:
    """A core property holds at most 255 characters (python-docx, following Word); the document keeps it all."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _page_break_after_toc(document: docx.document.Document) -> None:
    body = document.element.body
    for sdt in body.iterchildren(qn("w:sdt")):
        paragraph = OxmlElement("w:p")
        run = OxmlElement("w:r")
        brk = OxmlElement("w:br")
        brk.set(qn("w:type"), "page")
        run.append(brk)
        paragraph.append(run)
        sdt.addnext(paragraph)
        return


def rezip(data: bytes) -> bytes:
    """Same entries, same order, fixed timestamps and compression: same bytes for same content."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename), compresslevel=6)
    return out.getvalue()


__all__ = ["finish_docx", "rezip"]
