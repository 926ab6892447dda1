"""PDF through the ``typst`` Python package (no external binary): A4, PDF/A-2b, tagged.

Only the fonts embedded in Typst and the Noto fallback fonts of the packages ``manimgx-fonts`` and
``manimgx-fonts-cjk`` are used (system fonts are ignored), so the PDF is the same on every machine;
the fallback fonts set what the house font lacks (Arabic, Hebrew, Chinese, Japanese, Korean, Greek,
symbols, emoji). Any warning of the compiler, a missing font above all, fails the build.

The set's Typst template is untrusted: the compile runs in a worker process under a deadline and a
memory cap (``grenzen``), with a fresh root that holds only the logo and no way to fetch packages.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import typst

from .. import grenzen
from ..diagnostics import DossierError, Location, make


def compile_pdf(source: str, root: Path, timestamp: int, document: str, logo: Path | None = None,
                sjabloon: Path | None = None) -> bytes:
    """``root`` bounds what Typst may read; the logo is passed as a path inside it, never as markup.

    ``sjabloon`` is the set's ``huisstijl/pdf.typ``, named when the compile exceeds its limits.
    """
    shown = "/".join(sjabloon.parts[-3:]) if sjabloon else "pdf.typ"
    return grenzen.uitvoeren(_compile, source, root, timestamp, document, logo, grens=grenzen.TYPST,
                             wat=f"het zetten van de PDF van '{document}' met {shown}", waar=Location(shown))


@functools.cache
def fonts() -> typst.Fonts:
    """Typst's own fonts and the fallback fonts, read once per worker process."""
    folders = []
    for package in ("manimgx_fonts", "manimgx_fonts_cjk"):
        try:
            folders.append(str(Path(__import__(package).__file__).parent))
        except ImportError:  # pragma: no cover - both are dependencies; without them a character may lack a glyph
            pass
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=folders)


def _compile(source: str, root: Path, timestamp: int, document: str, logo: Path | None) -> bytes:
    inputs = {"logo": "/" + logo.resolve().relative_to(root.resolve()).as_posix()} if logo else {}
    nowhere = str(root / "geen-pakketten")  # '@local' and '@preview' packages find nothing here
    try:
        pdf, warnings = typst.compile_with_warnings(
            source.encode("utf-8"),
            root=str(root),
            font_paths=fonts(),
            sys_inputs=inputs,
            ignore_system_fonts=True,
            pdf_standards=["a-2b"],
            timestamp=timestamp,
            package_path=nowhere,
            package_cache_path=nowhere,
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
