"""Stage 6a, produce: every rendered document to Markdown, docx and PDF bytes, in memory.

Documents are produced in parallel threads: pandoc runs as separate processes and Typst releases
the GIL. Nothing touches the output folder here; ``write`` puts the bytes in place atomically.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..documenten.referentie import check_generated
from ..documenten.render import Document
from ..documenten.sjabloonsets import Sjabloonset
from ..documenten.veilige_sets import typst_root
from .pandoc import ast_to_docx, ast_to_typst, markdown_to_ast, with_meta
from .pdf import compile_pdf
from .word import finish_docx

FORMATS = ("docx", "pdf", "md")


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


def produce(documents: list[Document], meta: Meta, formats: list[str], sjabloonset: Sjabloonset) -> dict[str, bytes]:
    """All output files of one dossier, by file name."""
    with typst_root(sjabloonset.logo) as (typst_folder, logo_copy):  # Typst sees the logo copy, nothing else
        return _produce(documents, meta, formats, sjabloonset, typst_folder, logo_copy)


def _produce(documents: list[Document], meta: Meta, formats: list[str], sjabloonset: Sjabloonset, typst_folder: Path,
             logo: Path | None) -> dict[str, bytes]:
    def one(document: Document) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        if "md" in formats:
            files[f"{document.naam}.md"] = document.markdown.encode("utf-8")
        if "docx" not in formats and "pdf" not in formats:
            return files
        ast = markdown_to_ast(document.markdown, meta.epoch, document.naam)
        toc_depth = 2 if document.soort == "leidraad" else 1  # notes and annexes: chapters only
        fields = {
            "title": document.titel,
            "subtitle": document.ondertitel,
            "kenmerk": meta.kenmerk,
            "versie": meta.versie,
            "status": meta.status,
            "organisatie": meta.organisatie,
            "author": meta.organisatie,
            "datum": document.datum,
            "date": document.datum,
            "lang": "nl-NL",
            "toc-title": "Inhoudsopgave",
            "toc-depth": str(toc_depth),
            "concept": meta.status == "concept",
        }
        if not document.datum:
            del fields["datum"], fields["date"]
        if not fields["concept"]:
            del fields["concept"]
        ast_json = with_meta(ast, fields)
        if "docx" in formats:
            raw = ast_to_docx(ast_json, sjabloonset.referentie, meta.epoch, document.naam, toc_depth)
            word = finish_docx(
                raw, header=f"{meta.kenmerk} – {document.titel}" + (" – CONCEPT" if meta.status == "concept" else ""), title=f"{document.titel} – {meta.dossier_titel}",
                subject=meta.dossier_titel, kenmerk=meta.kenmerk, version=meta.versie, status=meta.status,
                author=meta.organisatie, moment=meta.moment, logo=sjabloonset.logo,
            )
            check_generated(word, f"{document.naam}.docx")  # never an ill-formed Word file
            files[f"{document.naam}.docx"] = word
        if "pdf" in formats:
            source = ast_to_typst(ast_json, sjabloonset.pdf_sjabloon, meta.epoch, document.naam)
            files[f"{document.naam}.pdf"] = compile_pdf(source, typst_folder, meta.epoch, document.naam, logo, sjabloonset.pdf_sjabloon)
        return files

    results: dict[str, bytes] = {}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for files in pool.map(one, documents):
            results.update(files)
    return results
