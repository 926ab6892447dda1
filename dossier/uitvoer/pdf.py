"""PDF through the ``typst`` Python package (no external binary): A4, PDF/A-2b and PDF/UA-1, tagged.

Only the fonts of the template set (``huisstijl/lettertypen/``) and those embedded in Typst are used
(system fonts are ignored), so the PDF is the same on every machine; any warning of the compiler, a
missing font above all, fails the build. The house style reaches the template as a ``stijl``
dictionary written here from the same values as the Word reference document.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import metadata
from pathlib import Path

import typst

from ..diagnostics import DossierError, Location, make
from ..documenten.huisstijl import Huisstijl
from .lettertypen import house_font
from .logo import Logo
from .stijlen import CELL_MARGIN_PT, KEEP_TOGETHER_ROWS, heading_indent_pt

STANDARDS = ["a-2b", "ua-1"]


def compile_pdf(source: str, root: Path, timestamp: int, document: str, huisstijl: Huisstijl, inputs: dict[str, str],
                logo: Logo | None = None) -> bytes:
    """``root`` bounds what Typst may read; the logo is passed as a path inside it, never as markup."""
    inputs = dict(inputs)
    if logo is not None:
        inputs["logo"] = "/" + logo.path.resolve().relative_to(root.resolve()).as_posix()
        inputs["logo-alt"] = logo.alt
    try:
        pdf, warnings = typst.compile_with_warnings(
            (prelude(huisstijl) + source).encode("utf-8"),
            root=str(root),
            font_paths=[str(p) for p in huisstijl.lettertypen],
            sys_inputs=inputs,
            ignore_system_fonts=True,
            pdf_standards=STANDARDS,
            timestamp=timestamp,
        )
    except typst.TypstError as exc:
        raise DossierError([make("D502", Location(document), document=document, reden=_first_line(str(exc)))]) from None
    if warnings:
        raise DossierError([make("D503", Location(document), document=document, reden=_first_line(str(warnings[0])))])
    return pdf


@functools.lru_cache(maxsize=8)
def prelude(h: Huisstijl) -> str:
    """The house style as a Typst dictionary ``stijl``, placed before the template's output."""
    face = house_font(h).gewoon
    box = face.ascender + face.descender  # Typst sets lines from ascender to descender, like Word
    def pt(value: float) -> str:
        return f"{value:g}pt"

    def colour(value: str) -> str:
        return f'rgb("#{value}")'

    top, bottom, left, right = h.marges
    values = {
        "lettertype": json.dumps(h.lettertype),
        "korps": pt(h.korps), "korps-tabel": pt(h.korps_tabel), "korps-kopregel": pt(h.korps_kopregel),
        "korps-titel": pt(h.korps_titel),
        "koppen": "(" + ", ".join(pt(s) for s in h.korps_koppen) + ",)",
        "kop-ruimte": "(" + ", ".join(f"({pt(a + h.alinea_na)}, {pt(b)})" for a, b in (h.kop_ruimte(n) for n in (1, 2, 3))) + ",)",
        "regel": f"{h.regelafstand * face.single_line - box:.4f}em",
        "regel-tabel": f"{face.single_line - box:.4f}em",
        "alinea-na": pt(h.alinea_na),
        "kleur-koppen": colour(h.kleur_koppen), "kleur-tekst": colour(h.kleur_tekst), "kleur-grijs": colour(h.kleur_grijs),
        "kleur-lijnen": colour(h.kleur_lijnen), "kleur-tabelkop": colour(h.kleur_tabelkop),
        "marges": f"(top: {top:g}cm, bottom: {bottom:g}cm, left: {left:g}cm, right: {right:g}cm)",
        "logo-breedte": f"{h.logo_breedte:g}cm",
        "uitvullen": "true" if h.uitvullen else "false", "afbreken": "true" if h.afbreken else "false",
        "omslag-ruimte": pt(h.omslag_ruimte_pt), "omslag-tab": pt(h.omslag_tab_pt),
        "cel-marge": f"(x: {pt(CELL_MARGIN_PT[1])}, y: {pt(CELL_MARGIN_PT[0])})",
        "samen-rijen": str(KEEP_TOGETHER_ROWS),
        "kop-inspring": "(" + ", ".join(pt(heading_indent_pt(n)) for n in (1, 2, 3)) + ",)",
    }
    return "#let stijl = (\n" + "".join(f"  {key}: {value},\n" for key, value in values.items()) + ")\n"


@functools.cache
def typst_version() -> str:
    return metadata.version("typst")


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    line = lines[0] if lines else "onbekende fout"
    match = re.search(r"unknown font family: ([^\]\)\n,]+)", line)
    if match:
        return f"het lettertype '{match.group(1).strip()}' is niet beschikbaar (alleen de lettertypen van de sjabloonset en van Typst worden gebruikt)"
    return line
