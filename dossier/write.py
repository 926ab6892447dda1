"""Stage 6, write: every rendered document to docx, PDF and Markdown, then atomically into place.

All bytes are produced in memory first (documents in parallel threads: pandoc runs as separate
processes and Typst releases the GIL), then written to a fresh temporary folder next to the
target, and only when every file exists the folder is swapped in. A build that fails or is killed
leaves the previous output untouched and no partial files; the manifest lists only complete files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .diagnostics import DossierError, Location, make
from .pandoc import ast_to_docx, ast_to_typst, markdown_to_ast, with_meta
from .pdf import compile_pdf
from .referentie import check_generated, check_reference
from .render import Document
from .sjabloonsets import chain, template_dirs, template_root
from .uitvoermap import remove_leftovers, write_output
from .veilige_sets import check_pandoc_template, set_files, typst_root
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


def house_style(sjabloonset: str | None, name: str, code: str = "D403") -> Path:
    """The first ``huisstijl/<name>`` along the template search path, never outside the template root."""
    root = template_root().resolve()
    for folder in template_dirs(sjabloonset):
        candidate = folder / "huisstijl" / name
        if candidate.is_file():
            if not candidate.resolve().is_relative_to(root):
                raise DossierError([make("D404", Location(f"huisstijl/{name}"), waarde=name)])
            return candidate
    raise DossierError([make(code, Location("huisstijl"), naam=name if code == "D406" else f"huisstijl/{name}", beschikbaar="basis")])


def produce(documents: list[Document], meta: Meta, formats: list[str], sjabloonset: str | None,
            logo: str | None = None) -> dict[str, bytes]:
    """All output files of one dossier, by file name."""
    reference = house_style(sjabloonset, "referentie.docx")
    check_reference(reference)  # nothing remote, no macros, no DTD: it is copied into every .docx
    template = house_style(sjabloonset, "pdf.typ")
    check_pandoc_template(template.parent.parent, template)
    logo_path = house_style(sjabloonset, logo, "D406") if logo else None
    with typst_root(logo_path) as (typst_folder, logo_copy):  # Typst sees the logo copy, nothing else
        return _produce(documents, meta, formats, reference, template, typst_folder, logo_copy)


def _produce(documents: list[Document], meta: Meta, formats: list[str], reference: Path, template: Path,
             typst_folder: Path, logo_path: Path | None) -> dict[str, bytes]:
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
            raw = ast_to_docx(ast_json, reference, meta.epoch, document.naam, toc_depth)
            word = finish_docx(
                raw, header=f"{meta.kenmerk} – {document.titel}" + (" – CONCEPT" if meta.status == "concept" else ""), title=f"{document.titel} – {meta.dossier_titel}",
                subject=meta.dossier_titel, kenmerk=meta.kenmerk, version=meta.versie, status=meta.status,
                author=meta.organisatie, moment=meta.moment, logo=logo_path,
            )
            check_generated(word, f"{document.naam}.docx")  # never an ill-formed Word file
            files[f"{document.naam}.docx"] = word
        if "pdf" in formats:
            source = ast_to_typst(ast_json, template, meta.epoch, document.naam)
            files[f"{document.naam}.pdf"] = compile_pdf(source, typst_folder, meta.epoch, document.naam, logo_path)
        return files

    results: dict[str, bytes] = {}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for files in pool.map(one, documents):
            results.update(files)
    return results


def template_set_info(sjabloonset: str | None) -> dict[str, str]:
    """Name, declared version and content hash of the template sets used, for the manifest."""
    digest = hashlib.sha256()
    sets = chain(sjabloonset)
    for template_set in sets:
        for path in set_files(template_set.map):  # regular files only: never a device or FIFO
            digest.update(path.relative_to(template_root()).as_posix().encode())
            digest.update(path.read_bytes())
    return {
        "naam": sets[0].naam,
        "versie": ", ".join(f"{s.naam} {s.versie}" for s in sets),
        "keten": [s.naam for s in sets],
        "sha256": digest.hexdigest(),
    }


def manifest(documents: list[Document], files: dict[str, bytes], input_sha256: str, source: str, meta: Meta,
             sjabloonset: str | None) -> bytes:
    entries = []
    for document in documents:
        own = sorted(name for name in files if name.rsplit(".", 1)[0] == document.naam)
        entries.append({
            "soort": document.soort,
            "titel": document.titel,
            "bestanden": [{"naam": n, "sha256": hashlib.sha256(files[n]).hexdigest(), "bytes": len(files[n])} for n in own],
        })
    data = {
        "dossier": source,
        "invoer_sha256": input_sha256,
        "kenmerk": meta.kenmerk,
        "versie": meta.versie,
        "status": meta.status,
        "sjabloonset": template_set_info(sjabloonset),
        "gemaakt_met": f"dossier {__version__}",
        "documenten": entries,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_atomically(target: Path, files: dict[str, bytes], source: str | None = None) -> None:
    """Write ``files`` into ``target`` as one step; only a folder dossier made is ever replaced."""
    write_output(target, files, source)


_remove_leftovers = remove_leftovers
