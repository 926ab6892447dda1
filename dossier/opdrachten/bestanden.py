"""Single files the commands write for the user (a new dossier, an example, the schema): whole or not at all."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from ..diagnostics import DossierError, Location, make


def write_file(path: Path, text: str, *, new: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file, so an editor never sees half a file.

    ``new``: refuse (D905) when ``path`` already exists: a user's work is never replaced.
    """
    if new and path.exists():
        raise DossierError([make("D905", Location(str(path)), pad=str(path))])
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(text.encode("utf-8"))
        os.replace(temporary, path)
    except OSError as exc:
        raise DossierError([make("D907", Location(str(path)), pad=str(path), reden=exc.strerror or str(exc))]) from None
    finally:
        temporary.unlink(missing_ok=True)
