"""Writing the files of ``dossier vragen``: atomically, and never over a file that is not ours to replace."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..diagnostics import DossierError, Location, make


def check_output(target: Path, protected: list[Path]) -> None:
    """A new spreadsheet may not replace a folder, a dossier, a questions file or anything but .xlsx (D696)."""
    where = Location(str(target))
    if target.suffix.lower() != ".xlsx":
        raise DossierError([make("D696", where, bestand=str(target), wat="geen .xlsx-bestand")])
    if target.is_dir():
        raise DossierError([make("D696", where, bestand=str(target), wat="een map")])
    resolved = target.resolve()
    for path in protected:
        if path.exists() and path.resolve() == resolved:
            raise DossierError([make("D696", where, bestand=str(target), wat="een bestand dat dossier net leest")])


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder; the old file stays on failure."""
    target = path.resolve()
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DossierError([make("D692", Location(str(path)), bestand=str(path), reden=exc.strerror or str(exc))]) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise DossierError([make("D692", Location(str(path)), bestand=str(path), reden=exc.strerror or str(exc))]) from None
