"""``bouw``: check, then render and write the documents of each dossier file.

Reads like a table of contents: check the file (``controleer``), resolve the template set once,
render every document to Markdown, produce the Word and PDF bytes in memory, add the manifest,
and only then put the folder in place in one step.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, DossierError, Location, collapsed, make, summary
from ..documenten.figuren import Figuur
from ..documenten.omvang import check_size
from ..documenten.render import Document, render_documents
from ..documenten.sjabloonsets import Sjabloonset, resolve
from ..overzicht import figuren, overzicht_html
from ..review.annotatie import Annotatie, build_notes
from ..overzicht.figuren import stijl_voor
from ..regels import check
from ..uitvoer.formaten import FORMATS, Meta, produce
from ..uitvoer.manifest import manifest
from ..uitvoer.pdf import OntbrekendTeken
from ..uitvoer.write import check_target, output_root, recover, write_output
from ..uitwisseling import FORMATS as EXPORTS, TITLES, build_exports
from .controleer import Controle, check_file
from .schema import refresh_next_to
from .terminal import show

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
OVERZICHT = "overzicht.html"


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    wrong = [f for f in formats if f not in FORMATS]
    if wrong or not formats:
        raise DossierError([make("D506", Location("--formaten"), waarde=", ".join(wrong) or text, keuzes=", ".join(FORMATS))])
    return sorted(set(formats), key=FORMATS.index)


def output_name(source: Path) -> str:
    """The output folder name: the dossier's file name without .yaml, and nothing that is a path."""
    name = source.name.removesuffix(".yaml").removesuffix(".yml")
    if not _SAFE_NAME.fullmatch(name) or name in (".", ".."):
        raise DossierError([make("D404", Location(str(source)), waarde=name)])
    return name


@dataclass
class Bouwresultaat:
    """The outcome of building one dossier."""

    afsluitcode: int
    meldingen: list[Diagnostic] = field(default_factory=list)
    map: Path | None = None  # the folder written; None when the build failed


def build(path: str | Path, out_root: Path, formats: list[str], status: str, met_uitleg: bool = False) -> Bouwresultaat:
    """Build one dossier. Never raises DossierError: every problem is in ``meldingen``.

    A concept gets the checker's warnings as notes (comments in Word); ``met_uitleg`` adds its decisions.
    """
    try:
        formats = parse_formats(",".join(formats))
        out_root = output_root(out_root)
        code, findings = _build(str(path), out_root, formats, status, met_uitleg)
    except DossierError as exc:
        return Bouwresultaat(exc.exit_code, exc.diagnostics)
    return Bouwresultaat(code, findings, out_root / output_name(Path(path)) if code == 0 else None)


def build_file(path: str | Path, out_root: Path, formats: list[str], status: str,
               met_uitleg: bool = False) -> tuple[int, list[Diagnostic]]:
    """Build one dossier; returns its exit code and the findings to show. Never raises DossierError."""
    result = build(path, out_root, formats, status, met_uitleg)
    return result.afsluitcode, result.meldingen


@dataclass(frozen=True)
class Gerenderd:
    """A checked dossier rendered to Markdown, with what ``produce`` needs to write it (also for ``vergelijk``)."""

    controle: Controle
    meta: Meta
    sjabloonset: Sjabloonset
    documents: list[Document]
    figuren: dict[str, Figuur]  # the drawings the documents place (timeline, escalation ladder)


def render_file(path: str, status: str) -> tuple[Controle, Gerenderd | None]:
    """Check and render one dossier file; None when the check found errors."""
    checked = check_file(path)
    return checked, render_checked(checked, path, status) if checked.ok else None


def render_checked(checked: Controle, path: str, status: str) -> Gerenderd:
    """Render a dossier that passed the check: its metadata, template set and Markdown documents."""
    dossier, afgeleid = checked.dossier, checked.afgeleid
    assert dossier is not None and afgeleid is not None
    day = afgeleid.peildatum or dt.date(2000, 1, 1)
    a = dossier.aanbesteding
    meta = Meta(a.titel, a.kenmerk, a.versie, status, a.aanbestedende_dienst.naam,
                dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc),
                checked.document.sha256 if checked.document else "")
    sjabloonset = resolve(a.sjabloonset, a.logo)
    figures = figuren(dossier, afgeleid, stijl_voor(sjabloonset.huisstijl))
    return Gerenderd(checked, meta, sjabloonset, render_documents(dossier, afgeleid, sjabloonset, status, path, figures,
                                                                     checked.rectificaties), figures)


def _build(path: str, out_root: Path, formats: list[str], status: str, met_uitleg: bool) -> tuple[int, list[Diagnostic]]:
    target = out_root / output_name(Path(path))
    restored = recover(target)  # the output a killed build left aside is put back before anything else
    checked = check_file(path)
    if not checked.ok:
        return checked.exit_code or 1, restored + checked.diagnostics
    assert checked.dossier is not None and checked.document is not None and checked.afgeleid is not None
    if status == "definitief":  # a published document may not carry a gap a concept shows in plain sight
        blocking = check(checked.dossier, checked.document, checked.afgeleid, definitief=True)
        if any(d.is_error for d in blocking):
            return 1, restored + checked.diagnostics + blocking
    check_target(target, path)  # refuse early: a folder dossier did not make is never touched
    check_size(checked.dossier, checked.document)  # and a dossier too large to build in reasonable time
    rendered = render_checked(checked, path, status)
    meta, sjabloonset, documents, figures = rendered.meta, rendered.sjabloonset, rendered.documents, rendered.figuren
    dossier, afgeleid, document = checked.dossier, checked.afgeleid, checked.document
    remarks = build_notes(status, met_uitleg, checked.diagnostics, dossier, afgeleid, document)
    annotatie = Annotatie(documents, meta, remarks)  # block bookmarks, notes, provenance (review support)
    try:
        files = produce(documents, meta, formats, sjabloonset, figures, annotatie.hooks())
    except OntbrekendTeken as exc:  # a character no font has: say which fields of the dossier hold it
        raise exc.located(checked.document) from None
    herkomst = annotatie.manifest(document)
    files[OVERZICHT] = overzicht_html(Path(path).name, checked.diagnostics, dossier, afgeleid, documents, files, document.sha256)
    files["manifest.json"] = manifest(documents, files, document.sha256, Path(path).name, meta, sjabloonset, OVERZICHT, herkomst=herkomst)
    exports, notes = build_exports(formats, dossier, afgeleid, document, path, files["manifest.json"])
    if exports:  # the manifest lists the exports too; the OCDS release lists the documents with their hashes
        files.update(exports)
        titles = {EXPORTS[f]: TITLES[f] for f in formats if EXPORTS.get(f) in exports}
        files["manifest.json"] = manifest(documents, files, document.sha256, Path(path).name, meta, sjabloonset, OVERZICHT, titles,
                                          herkomst)
    write_output(target, files, path)
    return 0, restored + checked.diagnostics + notes


def command_build(files: list[str], uit: str, formaten: str, status: str, met_uitleg: bool = False) -> int:
    formats = parse_formats(formaten)
    out_root = output_root(uit)
    exit_code = 0
    shown = []
    for path in files:
        started = time.perf_counter()
        code, findings = build_file(path, out_root, formats, status, met_uitleg)
        shown.extend(findings)
        for d in collapsed(findings):
            show(d.to_text())
        if code == 0:
            name = output_name(Path(path))
            seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
            print(f"{path}: documenten geschreven naar {out_root / name} ({', '.join(formats)}, {seconds} s)")
            if note := refresh_next_to(Path(path)):
                show(note)
        else:
            print(f"{path}: niet gebouwd; de vorige uitvoer is ongewijzigd", file=sys.stderr)
        exit_code = max(exit_code, code)
    show(summary(shown, len(files)))
    return exit_code
