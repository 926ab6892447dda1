"""Output folders: dossier replaces a folder only when it can prove that it made that folder.

``bouw`` writes ``<uit>/<naam>/`` as one step (see ``write_output``). Before anything is moved or
deleted the target is checked:

- it must not be, or contain, the dossier file, the template root, the home folder or the current
  folder, and ``--uit`` must not be the filesystem root;
- if it exists it must be an empty folder, or a folder that dossier made: it holds the marker file
  ``.dossier-uitvoer`` with its fixed text (or, for output of older versions, a ``manifest.json``
  written by dossier), and nothing but the files its manifest lists;
- a symbolic link or a plain file with the output name is never replaced.

Temporary folders get the marker before anything else is written into them, so a leftover of a
killed build is provably ours; anything else next to the output is left alone. Builds into the same
folder take turns (a lock on it), so one build never removes another's temporary folder, and
the new output trades places with the old one in one step where the system can (``wissel``).
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import stat
import time
import uuid
from pathlib import Path
from typing import Iterator

from ..diagnostics import Diagnostic, DossierError, Location, make
from ..documenten.sjabloonsets import PROJECT_TEMPLATES, template_root
from .wissel import swap

try:  # not on Windows
    import fcntl
except ImportError:  # pragma: no cover - platform dependent
    fcntl = None  # type: ignore[assignment]

MARKER = ".dossier-uitvoer"
MARKER_TEXT = b"Deze map is gemaakt door dossier; elke bouw vervangt haar helemaal. Zet hier geen eigen bestanden.\n"
MANIFEST = "manifest.json"
_MANIFEST_KEYS = {"dossier", "invoer_sha256", "sjabloonset", "gemaakt_met", "documenten"}
_MAX_MANIFEST = 16 * 1024 * 1024
LOCK_WAIT = 300.0  # seconds a build waits for another build of the same folder to finish writing
# Litter that file managers put in every folder they show; it goes with the folder.
_SYSTEM_LITTER = {".DS_Store", "Thumbs.db", "desktop.ini"}


def output_root(uit: str | os.PathLike[str]) -> Path:
    """``--uit`` as a path, with a leading ``~`` expanded (a quoted ``"~"`` reaches us literally)."""
    text = os.fspath(uit)
    try:
        return Path(text).expanduser()
    except RuntimeError:  # no home folder known for '~' or '~user'
        raise DossierError([make("D526", Location("--uit"), waarde=text)]) from None


def check_target(target: Path, source: str | os.PathLike[str] | None = None) -> None:
    """Raise a coded error unless ``target`` may be (re)placed by a new build."""
    target = output_root(target)
    shown = str(target)
    try:
        root = target.parent.resolve()
    except RuntimeError:  # a loop of symbolic links
        raise DossierError([make("D525", Location("--uit"), map=str(target.parent), soort="een kring van symbolische koppelingen")]) from None
    if root == Path(root.anchor):
        raise DossierError([make("D527", Location("--uit"), map=str(target.parent))])
    resolved = root / target.name  # the last part itself is not followed: a link there is refused below
    if source is not None:
        file = Path(source).resolve()
        if _covers(resolved, file):
            raise DossierError([make("D522", Location(shown), map=shown, bestand=str(source))])
    for templates in {template_root().resolve(), PROJECT_TEMPLATES.resolve()}:
        if _covers(resolved, templates):
            raise DossierError([make("D523", Location(shown), map=shown, sjablonen=str(templates))])
    for folder, what in _protected_folders():
        if _covers(resolved, folder):
            raise DossierError([make("D524", Location(shown), map=shown, wat=what)])
    if os.path.lexists(target.parent) and not target.parent.is_dir():  # '--uit' names a file
        raise DossierError([make("D525", Location("--uit"), map=str(target.parent), soort="geen map")])
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DossierError([make("D504", Location(shown), map=shown, reden=exc.strerror or str(exc))]) from None
    if not stat.S_ISDIR(info.st_mode):
        kind = "een symbolische koppeling" if stat.S_ISLNK(info.st_mode) else "geen map"
        raise DossierError([make("D525", Location(shown), map=shown, soort=kind)])
    if _is_empty(target):
        return
    if not is_ours(target):
        raise DossierError([make("D520", Location(shown), map=shown)])
    foreign = foreign_entries(target)
    if foreign:
        listed = ", ".join(foreign[:5]) + (f" en nog {len(foreign) - 5}" if len(foreign) > 5 else "")
        raise DossierError([make("D521", Location(shown), map=shown, bestanden=listed)])


def _covers(folder: Path, path: Path) -> bool:
    """``folder`` is ``path`` or one of its ancestors (both absolute and resolved)."""
    return folder == path or folder in path.parents


def _protected_folders() -> list[tuple[Path, str]]:
    folders = []
    try:
        folders.append((Path.home().resolve(), "uw thuismap"))
    except (RuntimeError, OSError):
        pass
    try:
        folders.append((Path.cwd().resolve(), "de huidige map"))
    except OSError:
        pass
    return folders


def _is_empty(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return next(entries, None) is None


def is_ours(folder: Path) -> bool:
    """Whether dossier made ``folder``: its marker, or (older output) a manifest written by dossier."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
    except OSError:
        return False
    marker = folder / MARKER
    try:
        info = marker.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_size == len(MARKER_TEXT):
            with open(marker, "rb") as handle:
                if handle.read(len(MARKER_TEXT) + 1) == MARKER_TEXT:
                    return True
    except OSError:
        pass
    return _manifest_names(folder) is not None


def _manifest_names(folder: Path) -> set[str] | None:
    """The file names a dossier manifest in ``folder`` lists, or None if there is no such manifest."""
    path = folder / MANIFEST
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_MANIFEST:
            return None
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not _MANIFEST_KEYS <= set(data):
        return None
    if not str(data.get("gemaakt_met", "")).startswith("dossier ") or not isinstance(data["documenten"], list):
        return None
    names: set[str] = set()
    for document in data["documenten"]:
        for entry in (document.get("bestanden", []) if isinstance(document, dict) else []):
            if isinstance(entry, dict) and isinstance(entry.get("naam"), str):
                names.add(entry["naam"])
    return names


def foreign_entries(folder: Path) -> list[str]:
    """Entries of an output folder that dossier did not write: sub-folders, links, unlisted files."""
    allowed = {MARKER, MANIFEST} | (_manifest_names(folder) or set()) | _SYSTEM_LITTER
    foreign = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name not in allowed or not entry.is_file(follow_symlinks=False):
                foreign.append(entry.name)
    return sorted(foreign)


def write_output(target: Path, files: dict[str, bytes], source: str | os.PathLike[str] | None = None) -> None:
    """Write ``files`` into ``target`` as one step: all of them, or none and the old ones kept.

    Under the folder's lock (``locked``): leftovers of killed builds are cleaned, the target is
    checked again, the files go into a temporary folder that then trades places with the target.
    """
    target = output_root(target)
    parent = target.parent
    temporary = parent / f".{target.name}.bouw-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    aside = parent / temporary.name.replace(".bouw-", ".oud-", 1)
    old: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with locked(target):
            remove_leftovers(parent, target.name)
            check_target(target, source)
            temporary.mkdir()
            _write(temporary / MARKER, MARKER_TEXT)  # first: from now on the folder is provably ours
            for name, data in files.items():
                _write(temporary / name, data)
            old = swap(temporary, target, aside)
            if old is not None:
                discard(old, finished=True)
    except OSError as exc:
        if old is None:
            discard(temporary)
        if os.path.lexists(aside) and not os.path.lexists(target):
            os.replace(aside, target)
        raise DossierError([make("D504", Location(str(target)), map=str(target), reden=exc.strerror or str(exc))]) from None


@contextlib.contextmanager
def locked(target: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One build at a time swaps a folder under ``--uit``: an exclusive lock on that parent folder.

    While a build holds it, no other build is writing there, so every temporary folder found then
    is a leftover of a killed build. Locking the folder itself leaves no lock file behind; the kernel
    releases the lock of a killed process. Builds of other dossiers into the same ``--uit`` wait
    only for the short moment of writing. Where there is no ``fcntl`` (Windows) builds are not
    serialised.
    """
    if fcntl is None:  # pragma: no cover - platform dependent
        yield
        return
    handle = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DossierError([make("D541", Location(str(target)), map=str(target.parent), seconden=int(wait))]) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def recover(target: Path) -> list[Diagnostic]:
    """Before a build: put back the output a killed build left aside (a warning says so), clean leftovers."""
    target = output_root(target)
    if not target.parent.is_dir():
        return []
    missing = not os.path.lexists(target)
    with locked(target):
        remove_leftovers(target.parent, target.name)
    if missing and os.path.lexists(target):
        return [make("D540", Location(str(target)), map=str(target))]
    return []


def interrupted(target: Path) -> list[Diagnostic]:
    """For ``controleer``: a warning when a killed build left the output aside (nothing is changed)."""
    target = output_root(target)
    if os.path.lexists(target) or not target.parent.is_dir():
        return []
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.oud-*"):
        if is_ours(leftover):
            return [make("D542", Location(str(target)), map=str(target), bewaard=leftover.name)]
    return []


def _write(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def discard(folder: Path, finished: bool = False) -> None:
    """Remove ``folder`` only if dossier made it (or it is empty); anything else stays.

    A ``finished`` output folder must moreover hold nothing but what its manifest lists, so a file
    put there while the build ran is kept (in the hidden folder) rather than deleted.
    """
    try:
        if is_ours(folder) and not (finished and foreign_entries(folder)):
            shutil.rmtree(folder, ignore_errors=True)
        elif folder.is_dir() and not folder.is_symlink() and _is_empty(folder):
            folder.rmdir()
    except OSError:
        pass


def remove_leftovers(parent: Path, name: str) -> None:
    """Folders killed builds left behind (call only under ``locked``), removed only when provably ours.

    A ``.bouw-`` folder is a temporary folder, or after an exchange the old output; a ``.oud-``
    folder is the old output set aside by the two-rename swap: put back if the output is missing.
    """
    for leftover in sorted(parent.glob(f".{name}.bouw-*")):
        discard(leftover, finished=os.path.lexists(leftover / MANIFEST))
    for leftover in sorted(parent.glob(f".{name}.oud-*")):
        if not is_ours(leftover):
            continue
        if os.path.lexists(parent / name):
            discard(leftover, finished=True)
        else:  # killed between the two renames: the old output is the last complete one
            os.replace(leftover, parent / name)
