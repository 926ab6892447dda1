"""``bouw``: check, then context -> render -> write for each dossier file."""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from pathlib import Path

from . import derive
from .diagnostics import DossierError, Location, make, summary
from .pipeline import check_file
from .render import render_documents
from .uitvoermap import check_target, output_root
from .write import FORMATS, Meta, manifest, produce, write_atomically

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


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


def build_file(path: str, out_root: Path, formats: list[str], status: str) -> tuple[int, list]:
    """Build one dossier; returns its exit code and the findings to show. Never raises DossierError."""
    try:
        return _build(path, out_root, formats, status)
    except DossierError as exc:
        return exc.exit_code, exc.diagnostics


def _build(path: str, out_root: Path, formats: list[str], status: str) -> tuple[int, list]:
    checked = check_file(path)
    if not checked.ok:
        return checked.exit_code or 1, checked.diagnostics
    dossier, document = checked.dossier, checked.document
    assert dossier is not None and document is not None
    name = output_name(Path(path))
    target = output_root(out_root) / name
    check_target(target, path)  # refuse early: a folder dossier did not make is never touched
    day = derive.reference_date(dossier) or dt.date(2000, 1, 1)
    a = dossier.aanbesteding
    meta = Meta(a.titel, a.kenmerk, a.versie, status, a.aanbestedende_dienst.naam,
                dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))
    documents = render_documents(dossier, status, path)
    files = produce(documents, meta, formats, a.sjabloonset, a.logo)
    files["manifest.json"] = manifest(documents, files, document.sha256, Path(path).name, meta, a.sjabloonset)
    write_atomically(target, files, path)
    return 0, checked.diagnostics


def command_build(files: list[str], uit: str, formaten: str, status: str) -> int:
    formats = parse_formats(formaten)
    out_root = output_root(uit)
    exit_code = 0
    shown = []
    for path in files:
        started = time.perf_counter()
        code, findings = build_file(path, out_root, formats, status)
        shown.extend(findings)
        for d in findings:
            print(d.to_text())
        if code == 0:
            name = output_name(Path(path))
            seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
            print(f"{path}: documenten geschreven naar {out_root / name} ({', '.join(formats)}, {seconds} s)")
        else:
            print(f"{path}: niet gebouwd; de vorige uitvoer is ongewijzigd", file=sys.stderr)
        exit_code = max(exit_code, code)
    print(summary(shown, len(files)))
    return exit_code
