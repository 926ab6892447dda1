"""Stage 6b, write: the produced files of one dossier into their folder, as one step.

All bytes are produced in memory first (``formaten``), then written to a fresh temporary folder
next to the target, and only when every file exists the folder is swapped in. A build that fails or
is killed leaves the previous output untouched and no partial files; the manifest lists only complete files.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from ..diagnostics import DossierError, Location, make


def write_atomically(target: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into ``target`` as one step: all of them, or none and the old ones kept."""
    parent = target.parent
    token = uuid.uuid4().hex[:8]
    temporary = parent / f".{target.name}.bouw-{token}"
    previous = parent / f".{target.name}.oud-{token}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(parent, target.name)
        temporary.mkdir()
        for name, data in files.items():
            path = temporary / name
            with open(path, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        if target.exists():
            os.replace(target, previous)
        os.replace(temporary, target)
    except OSError as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        if previous.exists() and not target.exists():
            os.replace(previous, target)
        raise DossierError([make("D504", Location(str(target)), map=str(target), reden=exc.strerror or str(exc))]) from None
    shutil.rmtree(previous, ignore_errors=True)


def _remove_leftovers(parent: Path, name: str) -> None:
    """Folders a killed build left behind: never output, so safe to remove."""
    for leftover in parent.glob(f".{name}.bouw-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in parent.glob(f".{name}.oud-*"):
        if (parent / name).exists():
            shutil.rmtree(leftover, ignore_errors=True)
        else:  # killed between the two renames: the old output is the last complete one
            os.replace(leftover, parent / name)
