"""Stage 6a, produce: every rendered document to Markdown, docx and PDF bytes, in memory.

Documents are produced in parallel threads: pandoc runs as separate processes and Typst releases
the GIL. Nothing touches the output folder here; ``write`` puts the bytes in place atomically.
Markdown is parsed once; the table widths (from the house font) and the e-mail links are set in
that one AST, so Word and PDF get the same layout decisions.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from ..documenten.figuren import Figuur
from ..documenten.referentie import check_generated
from ..documenten.render import Document
from ..documenten.sjabloonsets import Sjabloonset
from ..documenten.veilige_sets import typst_root
from .figuren import for_typst, for_word, png_fallbacks, typst_inputs
from .koppelingen import link_addresses
from .leesbaar import readable
from .lettertypen import house_font
from .logo import read_logo
from .pandoc import ast_to_docx, ast_to_typst, markdown_to_ast, with_meta
from .pdf import compile_pdf
from .referentie import reference_document
from .tabellen import set_table_widths
from .word import Eigenschappen, finish_docx
from .wordtekst import Voorwerk

FORMATS = ("docx", "pdf", "md", "ocds", "eforms")  # ocds, eforms: made by uitwisseling, in bouw


@dataclass(frozen=True)
class Meta:
    """What every document of one dossier shares in its title block, header and properties."""

    dossier_titel: str
    kenmerk: str
    versie: str
    status: str
    organisatie: str
    moment: dt.datetime

    @property
    def epoch(self) -> int:
        return int(self.moment.timestamp())


def moment_of(document: Document, meta: Meta) -> dt.datetime:
    """The document's own date (a nota is dated the day it is published), else the dossier's."""
    if document.dag is None:
        return meta.moment
    return dt.datetime(document.dag.year, document.dag.month, document.dag.day, tzinfo=dt.timezone.utc)


def front_matter(document: Document, meta: Meta, leidraad: str) -> Voorwerk:
    """Cover and contents for the leidraad; a heading block naming the leidraad for annexes and notas."""
    gegevens = [("Kenmerk", meta.kenmerk), ("Versie", meta.versie), ("Status", meta.status)]
    if document.datum:
        gegevens.append(("Datum", document.datum))
    omslag = document.soort == "leidraad"
    titel = document.titel
    if document.soort == "bijlage" and ": " in titel:
        prefix, titel = titel.split(": ", 1)
        aanhef = f"{prefix} bij de {leidraad[:1].lower()}{leidraad[1:]} {meta.dossier_titel}, kenmerk {meta.kenmerk}"
    else:
        aanhef = f"Bij de {leidraad[:1].lower()}{leidraad[1:]} {meta.dossier_titel}, kenmerk {meta.kenmerk}"
    return Voorwerk(omslag, titel, document.ondertitel, meta.organisatie, aanhef, tuple(gegevens), 2 if omslag else 1)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Hooks:
    """Changes to the standard path for outputs built on it, such as the redline of ``vergelijk``.

    Every hook defaults to no change, so ``produce`` without hooks is exactly the build; with hooks a
    derived document keeps the house style, title block and Word finishing of the build.
    """

    ast: Callable[[Document], dict[str, Any]] | None = None  # the AST to write instead of parsing the Markdown
    docx_ast: Callable[[dict[str, Any]], dict[str, Any]] = _same  # before pandoc writes Word
    typst_ast: Callable[[dict[str, Any]], dict[str, Any]] = _same  # before pandoc writes Typst
    docx: Callable[[bytes], bytes] = _same  # pandoc's Word file, before ``finish_docx``


def produce(documents: list[Document], meta: Meta, formats: list[str], sjabloonset: Sjabloonset,
            figuren: Mapping[str, Figuur] | None = None, hooks: Hooks = Hooks()) -> dict[str, bytes]:
    """All output files of one dossier, by file name; ``figuren`` are the drawings the Markdown refers to."""
    with typst_root(sjabloonset.logo) as (typst_folder, logo_copy):  # Typst sees the logo copy, nothing else
        return _produce(documents, meta, formats, sjabloonset, typst_folder, logo_copy, dict(figuren or {}), hooks)


def _produce(documents: list[Document], meta: Meta, formats: list[str], sjabloonset: Sjabloonset, typst_folder: Path,
             logo_copy: Path | None, figures: dict[str, Figuur], hooks: Hooks) -> dict[str, bytes]:
    huisstijl = sjabloonset.huisstijl
    layout = "docx" in formats or "pdf" in formats
    font = house_font(huisstijl) if layout else None
    logo = read_logo(logo_copy, meta.organisatie) if layout and logo_copy else None
    reference = reference_document(huisstijl, sjabloonset.referentie) if "docx" in formats else None
    leidraad = next((d.titel for d in documents if d.soort == "leidraad"), "aanbestedingsleidraad")

    def one(document: Document) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        if "md" in formats:
            files[f"{document.naam}.md"] = readable(document.markdown, meta.epoch, document.naam)
        if not layout:
            return files
        moment = moment_of(document, meta)
        epoch = int(moment.timestamp())
        ast = hooks.ast(document) if hooks.ast else markdown_to_ast(document.markdown, epoch, document.naam)
        set_table_widths(ast, huisstijl, font)
        link_addresses(ast["blocks"])
        voorwerk = front_matter(document, meta, leidraad)
        header = f"{meta.kenmerk} – {document.titel}" + (" – CONCEPT" if meta.status == "concept" else "")
        if "docx" in formats:
            raw = ast_to_docx(with_meta(hooks.docx_ast(for_word(ast, figures)), {"lang": "nl-NL"}), reference, epoch, document.naam)
            raw = png_fallbacks(raw, figures, tuple(str(p) for p in huisstijl.lettertypen)) if figures else raw
            properties = Eigenschappen(f"{document.titel} – {meta.dossier_titel}", meta.dossier_titel, meta.kenmerk, meta.versie,
                                       meta.status, meta.organisatie, moment)
            word = finish_docx(hooks.docx(raw), header=header, voorwerk=voorwerk, eigenschappen=properties, huisstijl=huisstijl, logo=logo)
            check_generated(word, f"{document.naam}.docx")  # never an ill-formed Word file
            files[f"{document.naam}.docx"] = word
        if "pdf" in formats:
            fields = {
                "title": voorwerk.titel, "subtitle": document.ondertitel, "organisatie": meta.organisatie, "lang": "nl-NL",
                "kopregel": header, "aanhef": voorwerk.aanhef, "toc-depth": str(voorwerk.inhoud_diepte),
                "gegevens": [{"label": label, "waarde": value} for label, value in voorwerk.gegevens],
                "gegevensregel": voorwerk.gegevensregel,
                "omslag": voorwerk.omslag, "concept": meta.status == "concept",
            }
            fields = {k: v for k, v in fields.items() if v is not False and v != ""}
            source = ast_to_typst(with_meta(hooks.typst_ast(for_typst(ast, figures)), fields), sjabloonset.pdf_sjabloon, epoch, document.naam)
            inputs = {"titel": f"{document.titel} – {meta.dossier_titel}", "auteur": meta.organisatie, "kenmerk": meta.kenmerk,
                      **typst_inputs(figures)}
            files[f"{document.naam}.pdf"] = compile_pdf(source, typst_folder, epoch, document.naam, huisstijl, inputs, logo,
                                                        sjabloon=sjabloonset.pdf_sjabloon)
        return files

    results: dict[str, bytes] = {}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for files in pool.map(one, documents):
            results.update(files)
    return results
