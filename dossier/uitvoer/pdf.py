"""PDF through the ``typst`` Python package (no external binary): A4, PDF/A-2b and PDF/UA-1, tagged.

Only the fonts of the template set (``huisstijl/lettertypen/``), those embedded in Typst and the
Noto fallback fonts of the packages ``manimgx-fonts`` and ``manimgx-fonts-cjk`` are used (system
fonts are ignored), so the PDF is the same on every machine; the fallback fonts set what the house
font lacks (Arabic, Hebrew, Chinese, Japanese, Korean, Indic scripts, symbols, emoji). Any warning
of the compiler, a missing font above all, fails the build; a character no font has is reported at
the fields of the dossier that hold it (``OntbrekendTeken``). The house style reaches the template
as a ``stijl`` dictionary written here from the same values as the Word reference document.

The set's Typst template is untrusted: the compile runs in a worker process under a deadline and a
memory cap (``grenzen``), with a fresh root that holds only the logo and no way to fetch packages.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import metadata
from pathlib import Path

import typst

from .. import grenzen
from ..diagnostics import DossierError, Location, make
from ..documenten.huisstijl import Huisstijl
from ..invoer.load import LoadedDocument
from .lettertypen import house_font
from .logo import Logo
from .stijlen import CELL_MARGIN_PT, KEEP_TOGETHER_ROWS, heading_indent_pt

STANDARDS = ["a-2b", "ua-1"]


def compile_pdf(source: str, root: Path, timestamp: int, document: str, huisstijl: Huisstijl, inputs: dict[str, str],
                logo: Logo | None = None, sjabloon: Path | None = None) -> bytes:
    """``root`` bounds what Typst may read; the logo is passed as a path inside it, never as markup.

    ``sjabloon`` is the set's ``huisstijl/pdf.typ``, named when the compile exceeds its limits.
    """
    shown = "/".join(sjabloon.parts[-3:]) if sjabloon else "pdf.typ"
    full = prelude(huisstijl) + source  # the house style is dossier's own work: done here, once per process
    return grenzen.uitvoeren(_compile, full, root, timestamp, document, huisstijl.lettertypen, inputs, logo, grens=grenzen.TYPST,
                             wat=f"het zetten van de PDF van '{document}' met {shown}", waar=Location(shown))


@functools.lru_cache(maxsize=8)
def fonts(folders: tuple[Path, ...]) -> typst.Fonts:
    """The set's fonts, Typst's own and the fallback fonts, read once per worker process."""
    paths = [str(p) for p in folders]
    for package in ("manimgx_fonts", "manimgx_fonts_cjk"):
        try:
            paths.append(str(Path(__import__(package).__file__).parent))
        except ImportError:  # pragma: no cover - both are dependencies; without them a character may lack a glyph
            pass
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=paths)


def _compile(source: str, root: Path, timestamp: int, document: str, lettertypen: tuple[Path, ...], inputs: dict[str, str],
             logo: Logo | None) -> bytes:
    inputs = dict(inputs)
    nowhere = str(root / "geen-pakketten")  # '@local' and '@preview' packages find nothing here
    if logo is not None:
        inputs["logo"] = "/" + logo.path.resolve().relative_to(root.resolve()).as_posix()
        inputs["logo-alt"] = logo.alt
    try:
        pdf, warnings = typst.compile_with_warnings(
            source.encode("utf-8"),
            root=str(root),
            font_paths=fonts(lettertypen),
            sys_inputs=inputs,
            ignore_system_fonts=True,
            pdf_standards=STANDARDS,
            timestamp=timestamp,
            package_path=nowhere,
            package_cache_path=nowhere,
        )
    except typst.TypstError as exc:
        missing = _MISSING.search(str(exc))
        if missing:
            raise OntbrekendTeken(document, _unescape(missing.group(1))) from None
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


_MISSING = re.compile(r'the text `"(.+?)"` could not be displayed')


def _unescape(text: str) -> str:
    """Typst writes some characters as ``\\u{378}``."""
    return re.sub(r"\\u\{([0-9a-fA-F]{1,6})\}", lambda m: chr(int(m.group(1), 16)), text)


class OntbrekendTeken(DossierError):
    """A character that none of the fonts has (PDF/A forbids an empty box); ``located`` names the fields."""

    def __init__(self, document: str, tekst: str, diagnostics: list | None = None):
        self.document, self.tekst = document, tekst
        super().__init__(diagnostics or [self._message(Location(document), "een tekst van de sjabloonset")])

    def __reduce__(self):
        return (type(self), (self.document, self.tekst, self.diagnostics))

    def _message(self, where: Location, veld: str):
        shown = next((c for c in self.tekst if not c.isascii()), self.tekst[:1])
        return make("D543", where, teken=self.tekst[:20], codepunt=f"U+{ord(shown):04X}" if shown else "?", veld=veld,
                    document=self.document)

    def located(self, loaded: LoadedDocument) -> DossierError:
        """The same finding at every value of the dossier that holds the text (else at the set)."""
        found = [loaded.locate(path) for path, value in loaded.text_values() if _holds(value, self.tekst)]
        return DossierError([self._message(where, where.path) for where in found[:20]] or self.diagnostics)


def _holds(value: str, text: str) -> bool:
    """Whether ``value`` holds ``text``; ASCII ``text`` (a keycap's digit) only where a mark follows it."""
    start = value.find(text)
    while start >= 0:
        after = value[start + len(text): start + len(text) + 1]
        if not text.isascii() or (after and not after.isascii()):
            return True
        start = value.find(text, start + 1)
    return False


def _first_line(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    line = lines[0] if lines else "onbekende fout"
    match = re.search(r"unknown font family: ([^\]\)\n,]+)", line)
    if match:
        return f"het lettertype '{match.group(1).strip()}' is niet beschikbaar (alleen de lettertypen van de sjabloonset en van Typst worden gebruikt)"
    return line
