"""``schema``: the JSON Schema of the dossier format, for completion and explanations in editors.

The schema is also written next to a dossier (``dossier.schema.json``) by ``nieuw`` and
``voorbeelden``, and brought up to date by ``bouw``, so the editor's help always matches the
installed version of dossier. Only a file that dossier wrote itself is ever replaced.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from ..diagnostics import WAARSCHUWING, DossierError
from ..versie import __version__
from .bestanden import write_file

FILE_NAME = "dossier.schema.json"
MODELINE = f"# yaml-language-server: $schema={FILE_NAME}"
_MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$", re.MULTILINE)
_OURS = '"$id": "urn:dossier:schema:'


def schema_text() -> str:
    """The schema as JSON text, the same bytes for the same version of dossier."""
    from ..invoer.schema import editor_schema  # the model loads pydantic: only when a schema is needed

    return json.dumps(editor_schema(__version__), ensure_ascii=False, indent=2) + "\n"


def write_schema(folder: Path) -> Path | None:
    """Write ``dossier.schema.json`` into ``folder``; returns its path, or None when it was already current."""
    path = folder / FILE_NAME
    text = schema_text()
    if path.is_file() and path.read_text("utf-8", errors="replace") == text:
        return None
    write_file(path, text)
    return path


def refresh_next_to(dossier: Path) -> str | None:
    """Bring the schema the dossier's modeline names up to date, if dossier wrote that file.

    Only ``dossier.schema.json`` in the dossier's own folder is considered, and only when it is
    missing or carries dossier's ``$id``: a schema of the user's own is never overwritten. Returns
    the line to show (what was written, or why not as a warning), or None when nothing changed;
    a schema that cannot be written never fails the build it belongs to.
    """
    try:
        head = dossier.read_text("utf-8", errors="replace")[:4096]
    except OSError:
        return None
    match = _MODELINE.search(head)
    if match is None or match.group(1) != FILE_NAME:
        return None
    target = dossier.parent / FILE_NAME
    if target.exists() and _OURS not in target.read_text("utf-8", errors="replace")[:1000]:
        return None
    try:
        written = write_schema(dossier.parent)
    except DossierError as exc:
        return "\n".join(replace(d, severity=WAARSCHUWING).to_text() for d in exc.diagnostics)
    return f"{written}: schema voor de editor bijgewerkt naar dossier {__version__}" if written else None


def command_schema(uit: str | None = None) -> int:
    """Print the schema (draft 2020-12), or write it to ``uit``."""
    if uit is None:
        print(schema_text(), end="")
        return 0
    write_file(Path(uit), schema_text())
    print(f"schema geschreven naar {uit}")
    return 0
