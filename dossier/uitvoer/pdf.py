"""PDF through the ``typst`` Python package (no external binary): A4, PDF/A-2b, tagged.

Only the fonts embedded in Typst are used (system fonts are ignored), so the PDF is the same on
every machine; any warning of the compiler, a missing font above all, fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path

import typst

from ..diagnostics import DossierError, Location, make


def compile_pdf(source: str, root: Path, timestamp: int, document: str, logo: Path | None = None,
                inputs: dict[str, str] | None = None) -> bytes:
    """``root`` bounds what Typst may read; the logo is passed as a path inside it, never as markup.

    ``inputs``: more ``sys.inputs`` strings, such as the SVG of the figures (see ``figuren``)."""
    inputs = dict(inputs or {})
    if logo:
        inputs["logo"] = "/" + logo.resolve().relative_to(root.resolve()).as_posix()
    try:
        pdf, warnings = typst.compile_with_warnings(
            source.encode("utf-8"),
            root=str(root),
            sys_inputs=inputs,
            ignore_system_fonts=True,
            pdf_standards=["a-2b"],
            timestamp=timestamp,
        )
    except typst.TypstError as exc:
        raise DossierError([make("D502", Location(document), document=document, reden=_first_line(str(exc)))]) from None
    if warnings:
        raise DossierError([make("D503", Location(document), document=document, reden=_first_line(str(warnings[0])))])
    return pdf


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    line = lines[0] if lines else "onbekende fout"
    match = re.search(r"unknown font family: ([^\]\)\n,]+)", line)
    if match:
        return f"het lettertype '{match.group(1).strip()}' is niet beschikbaar (alleen de lettertypen van Typst worden gebruikt)"
    return line
