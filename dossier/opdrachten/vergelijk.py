"""``vergelijk``: what changed between two versions of a dossier, as a summary and as redlines.

Reads like a table of contents: read both versions (two dossier files, rendered as ``bouw`` renders
them, or two build folders), refuse two different tenders, compare the fields and the documents,
write the Word and PDF redline of every changed document into one folder in one step, and print
the summary (changed fields first, then changed documents and sections).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, DossierError, Location, as_json, make
from ..invoer.load import LoadedDocument
from ..review.bouwmap import MANIFEST, is_build_folder, load_build_folder
from ..review.redline import SUFFIX, Versie, compare_versions, redline_manifest, write_redlines
from ..review.samenvatting import Samenvatting
from ..review.samenvatting import as_json as summary_json
from ..review.velden import compare_fields
from ..uitvoer.write import check_target, output_root, write_output
from .bouw import output_name, render_file

FORMATS = ("docx", "pdf")
DOSSIER, BOUWMAP = "een dossierbestand", "een bouwmap"


@dataclass
class Vergelijking:
    """The outcome of one ``vergelijk``: the summary, the warnings, and the folder written (or None)."""

    samenvatting: Samenvatting
    meldingen: list[Diagnostic] = field(default_factory=list)
    map: Path | None = None


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    wrong = [f for f in formats if f not in FORMATS]
    if wrong or not formats:
        raise DossierError([make("D607", Location("--formaten"), waarde=", ".join(wrong) or text)])
    return sorted(set(formats), key=FORMATS.index)


def compare(oud: str, nieuw: str, out_root: Path, formats: list[str]) -> Vergelijking:
    """Compare two versions and write the redlines; raises DossierError with coded findings."""
    kinds = (_kind(oud), _kind(nieuw))
    if kinds[0] != kinds[1]:
        raise DossierError([make("D601", Location(nieuw), oud=oud, nieuw=nieuw, soort_oud=kinds[0], soort_nieuw=kinds[1])])
    target = out_root / f"{output_name(Path(nieuw).resolve())}{SUFFIX}"  # the file's or the folder's name
    check_target(target, nieuw)  # refuse early: a folder dossier did not make is never touched
    if kinds[0] == DOSSIER:
        (old, old_file, old_notes), (new, new_file, new_notes) = _read_dossiers(oud, nieuw)
    else:
        old, new = load_build_folder(Path(oud), oud), load_build_folder(Path(nieuw), nieuw)
        old_file = new_file = None
        old_notes, new_notes = [], []
    if old.meta.kenmerk != new.meta.kenmerk:
        where = new_file.locate(("aanbesteding", "kenmerk")) if new_file else Location(nieuw)
        raise DossierError([make("D603", where, oud=old.meta.kenmerk, nieuw=new.meta.kenmerk, bron_oud=oud, bron_nieuw=nieuw)])
    documents = compare_versions(old, new)
    fields = compare_fields(old_file, new_file) if old_file and new_file else []
    notes = [*old_notes, *new_notes]
    changed = any(d.status != "ongewijzigd" for d in documents)
    if old.meta.versie == new.meta.versie and (changed or fields):
        where = new_file.locate(("aanbesteding", "versie")) if new_file else Location(nieuw)
        notes.append(make("D605", where, versie=new.meta.versie))
    summary = Samenvatting(old, new, fields, documents)
    files = write_redlines(documents, old, new, formats)
    result = Vergelijking(summary, notes)
    if files:
        for item in documents:
            own = sorted(n for n in files if n.rsplit(".", 1)[0] == f"{item.naam}{SUFFIX}")
            if own:
                summary.bestanden[item.naam] = own
        files["samenvatting.json"] = summary_json(summary).encode("utf-8")  # without the folder: same bytes anywhere
        summary.uitvoer = str(target)
        sources = f"{old_file.sha256} {new_file.sha256}".encode() if old_file and new_file else b""
        files["manifest.json"] = redline_manifest(documents, files, old, new, sources)
        write_output(target, files, nieuw)
        result.map = target
    return result


def _kind(path: str) -> str:
    candidate = Path(path)
    if candidate.suffix.lower() in (".yaml", ".yml") and not candidate.is_dir():
        return DOSSIER  # a missing file is reported by the loader (D100), with its name
    if is_build_folder(candidate):
        return BOUWMAP
    if candidate.is_dir():
        raise DossierError([make("D602", Location(path), map=path, reden=f"{MANIFEST} ontbreekt")])
    raise DossierError([make("D600", Location(path), pad=path)])


def _read_dossiers(oud: str, nieuw: str) -> list[tuple[Versie, LoadedDocument, list[Diagnostic]]]:
    """Both versions rendered as ``bouw`` renders them; the findings of both when either has errors."""
    sides, findings, failed = [], [], []
    for path in (oud, nieuw):
        checked, rendered = render_file(path, "concept")
        findings += checked.diagnostics
        if rendered is None:
            errors = sum(d.is_error for d in checked.diagnostics)
            failed.append(make("D604", Location(path), bron=path, aantal=f"{errors} {'fout' if errors == 1 else 'fouten'}"))
            continue
        assert checked.document is not None
        versie = Versie(path, rendered.meta, tuple(rendered.documents), rendered.sjabloonset, figuren=rendered.figuren)
        sides.append((versie, checked.document, [d for d in checked.diagnostics if not d.is_error]))
    if failed:
        raise DossierError([*findings, *failed])
    return sides


def command_compare(oud: str, nieuw: str, uit: str, formaten: str, formaat: str) -> int:
    """Run ``vergelijk`` and print its summary (text or JSON); returns the exit code."""
    try:
        result = compare(oud, nieuw, output_root(uit), parse_formats(formaten))
    except DossierError as exc:
        if formaat == "json":
            print(json.dumps({"meldingen": json.loads(as_json(exc.diagnostics)), "samenvatting": None}, ensure_ascii=False, indent=2))
        else:
            for d in exc.diagnostics:
                print(d.to_text())
            print("niet vergeleken; er is niets geschreven", file=sys.stderr)
        return exc.exit_code
    if formaat == "json":
        payload = {"meldingen": json.loads(as_json(result.meldingen)), "samenvatting": result.samenvatting.to_json()}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for d in result.meldingen:
        print(d.to_text())
    print(result.samenvatting.to_text())
    print(f"\nGeschreven naar {result.map}" if result.map else "\nGeen wijzigingen in de documenten; er is niets geschreven.")
    return 0
