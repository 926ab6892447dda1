"""Redline of two versions of a dossier: compare document by document, write through the build's path.

A ``Versie`` is one version as the build sees it: its rendered documents, the metadata of its title
block and the template set with its house style. ``compare_versions`` pairs the documents of two
versions (annexes by subject, so a new annex that shifts the letters does not make every later
annex "new"), skips documents whose Markdown is identical without starting pandoc, and compares
the others as pandoc ASTs. ``write_redlines`` writes each changed document through ``produce``,
the very function ``bouw`` uses, with hooks that put in the compared AST and add what Word and
Typst need to show revisions; so a redline has the cover, header, styles and numbering of the build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import nl
from ..documenten.figuren import Figuur
from ..documenten.render import Document
from ..documenten.sjabloonsets import Sjabloonset
from ..uitvoer.formaten import Hooks, Meta, produce
from ..uitvoer.manifest import manifest
from ..uitvoer.pandoc import markdown_to_ast
from .ast_diff import Comparison, compare_blocks
from .marks import Marks
from .redline_pdf import for_typst
from .redline_word import finish_redline, tag_moves

AUTHOR = "dossier"
SUFFIX = "-wijzigingen"
WRITTEN = ("gewijzigd", "nieuw", "vervallen")  # statuses that have text to mark
SUMMARY = Document("samenvatting", "samenvatting", "Samenvatting van de wijzigingen", "", "", "")


@dataclass(frozen=True)
class Versie:
    """One version of a dossier, ready to compare."""

    bron: str  # the file or folder, as the user named it
    meta: Meta
    documents: tuple[Document, ...]
    sjabloonset: Sjabloonset
    asts: dict[str, dict[str, Any]] = field(default_factory=dict)  # by document name, when read from Word
    figuren: dict[str, Figuur] = field(default_factory=dict)  # the drawings its documents place

    @property
    def datum(self) -> str:
        return nl.datum(self.meta.moment.date())


COVER = ("titel", "ondertitel", "datum")  # the title block of a document, outside its text


@dataclass
class Documentvergelijking:
    """One document in both versions.

    ``status``: gewijzigd, ongewijzigd, nieuw, vervallen, or titelblad (only the title block changed:
    reported, but there is no text to mark, so no redline is written).
    """

    status: str
    old: Document | None
    new: Document | None
    comparison: Comparison | None = None
    ast: dict[str, Any] | None = None  # the compared document: new metadata, merged blocks
    titelblad: list[tuple[str, str, str]] = field(default_factory=list)  # (field, old, new) of the title block

    @property
    def naam(self) -> str:
        return (self.new or self.old).naam  # type: ignore[union-attr]

    @property
    def titel(self) -> str:
        return (self.new or self.old).titel  # type: ignore[union-attr]


def marks_for(new: Versie) -> Marks:
    """Author ``dossier`` and the new version's date, so the same input always gives the same marks."""
    return Marks(AUTHOR, new.meta.moment.strftime("%Y-%m-%dT%H:%M:%SZ"))


def heading(old: Versie, new: Versie) -> str:
    return f"Wijzigingen versie {old.meta.versie} → {new.meta.versie}"


def _subject(document: Document) -> tuple[str, str]:
    """What a document is about, independent of its annex letter: ``bijlage-c-looptijd`` -> ``looptijd``."""
    naam = re.sub(r"^bijlage-[a-z]+-", "", document.naam) if document.soort == "bijlage" else document.naam
    return document.soort, naam


def compare_versions(old: Versie, new: Versie) -> list[Documentvergelijking]:
    """Every document of either version, in the order of the new version (dropped documents last)."""
    by_subject = {_subject(d): d for d in old.documents}
    results: list[Documentvergelijking] = []
    for document in new.documents:
        before = by_subject.pop(_subject(document), None)
        if before is None:
            results.append(Documentvergelijking("nieuw", None, document))
        elif before.markdown and before.markdown == document.markdown:
            results.append(Documentvergelijking("ongewijzigd", before, document))
        else:
            results.append(Documentvergelijking("gewijzigd", before, document))
    results += [Documentvergelijking("vervallen", d, None) for d in by_subject.values()]
    marks = marks_for(new)

    def compare(item: Documentvergelijking) -> None:
        if item.status == "ongewijzigd":
            item.status = "titelblad" if _cover(item) else "ongewijzigd"
            return
        a = _ast(old, item.old) if item.old else None
        b = _ast(new, item.new) if item.new else None
        item.comparison = compare_blocks(a["blocks"] if a else [], b["blocks"] if b else [], marks)
        item.ast = {**(b or a), "blocks": item.comparison.blocks}  # type: ignore[dict-item]
        if item.status == "gewijzigd" and not item.comparison.changed:
            item.status = "ongewijzigd"
        if _cover(item) and item.status == "ongewijzigd":
            item.status = "titelblad"

    with ThreadPoolExecutor(max_workers=4) as pool:  # pandoc runs as a process: threads overlap them
        list(pool.map(compare, results))
    return results


def _cover(item: Documentvergelijking) -> bool:
    """Note which fields of the title block differ; True when any does."""
    if item.old and item.new:
        item.titelblad = [(name, getattr(item.old, name), getattr(item.new, name)) for name in COVER
                          if getattr(item.old, name) != getattr(item.new, name)]
    return bool(item.titelblad)


def _ast(versie: Versie, document: Document) -> dict[str, Any]:
    if document.naam in versie.asts:
        return versie.asts[document.naam]
    return markdown_to_ast(document.markdown, versie.meta.epoch, document.naam)


def redline_document(item: Documentvergelijking, old: Versie, new: Versie) -> Document:
    """The title block of a redline: what it compares, in its title; the new version's date."""
    base = item.new or item.old
    assert base is not None
    # In the title, so that the running header of every page in Word and PDF says this is a redline.
    return dataclasses.replace(base, naam=f"{base.naam}{SUFFIX}", titel=f"{base.titel} – {heading(old, new)}",
                               markdown="", datum=new.datum)


def write_redlines(items: list[Documentvergelijking], old: Versie, new: Versie, formats: list[str]) -> dict[str, bytes]:
    """The Word and/or PDF redline of every changed document, by file name (nothing is written here)."""
    changed = [item for item in items if item.status in WRITTEN]
    if not changed:
        return {}
    documents = [redline_document(item, old, new) for item in changed]
    asts = {d.naam: item.ast for d, item in zip(documents, changed)}
    meta = new.meta  # the cover shows the new version; the title says "Wijzigingen versie 1.0 → 1.1"
    hooks = Hooks(ast=lambda d: asts[d.naam], docx_ast=tag_moves, typst_ast=for_typst, docx=finish_redline)  # type: ignore[arg-type]
    return produce(documents, meta, [f for f in formats if f in ("docx", "pdf")], new.sjabloonset, new.figuren, hooks)


def _meta(old: Versie, new: Versie) -> Meta:
    """The manifest of a redline folder records both versions."""
    return dataclasses.replace(new.meta, versie=f"{old.meta.versie} → {new.meta.versie}")


def redline_manifest(items: list[Documentvergelijking], files: dict[str, bytes], old: Versie, new: Versie,
                     sources: bytes) -> bytes:
    """The manifest of a folder of redlines, in the build's format: every file with its hash.

    Its one extra document, the summary (``soort: samenvatting``), tells a build folder from a redline folder.
    """
    documents = [redline_document(item, old, new) for item in items if item.status in WRITTEN] + [SUMMARY]
    return manifest(documents, files, hashlib.sha256(sources).hexdigest(), Path(new.bron).name,
                    _meta(old, new), new.sjabloonset)


__all__ = ["AUTHOR", "Documentvergelijking", "SUFFIX", "Versie", "compare_versions", "heading", "marks_for", "redline_document", "redline_manifest",
           "write_redlines"]
