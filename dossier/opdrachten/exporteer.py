"""``exporteer``: the dossier as an OCDS release package or an eForms contract notice.

Reads like a table of contents: check the file (an export of a dossier with errors would spread
them), take the documents of an earlier build when its manifest belongs to this very file, build
and validate the export, report what is still to be filled in, and only then write the file (or
print it). ``uitwisseling.build_exports`` does the same for ``bouw --formaten ...,ocds,eforms``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..diagnostics import Diagnostic, DossierError, Location, make, summary
from ..uitwisseling import TITLES, build_files, exporteer
from .bouw import output_name
from .controleer import Controle, check_file


def _build_manifest(checked: Controle, source: str, bouwmap: Path) -> tuple[dict | None, list[Diagnostic]]:
    """The manifest of an earlier build of this dossier, if it belongs to exactly this file."""
    folder = bouwmap / output_name(Path(source))
    path = folder / "manifest.json"
    if not path.is_file():
        return None, []
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None, [make("D727", Location(str(path)), map=str(folder))]
    assert checked.document is not None
    if data.get("invoer_sha256") != checked.document.sha256:
        return None, [make("D727", Location(str(path)), map=str(folder))]
    return data, []


def _write(target: Path, data: bytes) -> None:
    """Write one file as one step: a temporary file beside it, then a rename."""
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DossierError([make("D504", Location(str(target)), map=str(target), reden=exc.strerror or str(exc))]) from None


def command_export(path: str, formaat: str, uit: str | None, streng: bool, bouwmap: str) -> int:
    checked = check_file(path)
    findings = list(checked.diagnostics)
    if not checked.ok:
        _show(findings)
        return checked.exit_code or 1
    assert checked.dossier is not None and checked.afgeleid is not None and checked.document is not None
    manifest, notes = _build_manifest(checked, path, Path(bouwmap)) if formaat == "ocds" else (None, [])
    findings += notes
    export = exporteer(formaat, checked.dossier, checked.afgeleid, checked.document, path, build_files(manifest), streng)
    findings += export.meldingen
    _show(findings)
    if not export.ok:
        print(f"{path}: geen {TITLES[formaat]} gemaakt", file=sys.stderr)
        return DossierError(findings).exit_code
    assert export.data is not None
    if uit:
        _write(Path(uit), export.data)
        print(f"{path}: {TITLES[formaat]} geschreven naar {uit}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(export.data)
        sys.stdout.flush()
    return 0


def _show(findings: list[Diagnostic]) -> None:
    """Findings go to stderr: stdout may carry the export itself."""
    for d in findings:
        print(d.to_text(), file=sys.stderr)
    print(summary(findings, 1), file=sys.stderr)

