"""Template sets that cannot reach outside themselves.

Template sets travel between municipalities as git repositories or zip files, and git keeps
symbolic links. A link ``geheim.md.j2 -> /etc/passwd`` or ``etc -> /etc`` would put any file of the
machine into the documents. So:

- when a set is resolved (``sjabloonsets.chain``) every entry of its folder is looked at once,
  without following links: a link whose target resolves outside the set's own folder, and anything
  that is not a regular file or folder (a FIFO, a device, a socket), is refused with a coded message;
- the Jinja loader (``SetLoader``) checks each template it opens the same way (defence in depth);
- Typst gets a fresh, empty root with a copy of only the logo (``typst_root``), so ``#read`` and
  ``#image`` in a set's ``pdf.typ`` find nothing of the template root or the machine;
- the pandoc template may not name a partial outside its own folder (``check_pandoc_template``);
- only regular files are read or hashed (``set_files``): a read of ``/proc/kmsg`` never returns.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Iterator

import jinja2
from jinja2.loaders import split_template_path

from ..diagnostics import DossierError, Location, make

MAX_ENTRIES = 5000  # files and folders in one set; the base set has about 30
MAX_FILE = 32 * 1024 * 1024  # bytes of one file of a set that dossier reads (a reference document may be large)
# Never read by dossier and possibly huge; a template cannot include from them either (SetLoader).
_VERSION_CONTROL = {".git", ".hg", ".svn"}
_KINDS = {
    stat.S_IFIFO: "een FIFO (named pipe)",
    stat.S_IFCHR: "een apparaat",
    stat.S_IFBLK: "een apparaat",
    stat.S_IFSOCK: "een socket",
}


def _kind(mode: int) -> str | None:
    """None for a regular file or a folder, else what it is, in Dutch."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "geen gewoon bestand")


def _refuse_link(root: Path, path: Path, target: Path | str) -> DossierError:
    return DossierError([make("D420", Location(str(path)), set=root.name, pad=_inside(root, path), doel=str(target))])


def _inside(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def check_entry(root: Path, path: Path) -> os.stat_result:
    """The status of ``path`` (a file or folder inside the set ``root``) after it is proven safe."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve()
        except (RuntimeError, OSError):  # a loop of links: it leads nowhere inside the set
            raise _refuse_link(root, path, os.readlink(path)) from None
        if not target.is_relative_to(root):
            raise _refuse_link(root, path, target)
        try:
            info = target.stat()
        except OSError:  # a dangling link inside the set: nothing to read, nothing to leak
            return info
    kind = _kind(info.st_mode)
    if kind is not None:
        raise DossierError([make("D421", Location(str(path)), set=root.name, pad=_inside(root, path), soort=kind)])
    return info


def _walk(root: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk`` of a set without the folders of version control (never read) and at most MAX_ENTRIES entries."""
    entries = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in _VERSION_CONTROL)
        entries += len(dirnames) + len(filenames)
        if entries > MAX_ENTRIES:
            raise DossierError([make("D448", Location(str(root)), set=root.name, maximum=f"{MAX_ENTRIES:,}".replace(",", "."))])
        yield dirpath, dirnames, sorted(filenames)


def check_set(folder: Path) -> None:
    """Walk a set folder once, links not followed; raise a coded error on the first unsafe entry."""
    root = folder.resolve()
    for dirpath, dirnames, filenames in _walk(root):
        for name in dirnames + filenames:
            check_entry(root, Path(dirpath) / name)


def set_files(folder: Path) -> list[Path]:
    """The regular files of a (checked) set, links inside the set followed to files; sorted."""
    root = folder.resolve()
    files = []
    for dirpath, _dirnames, filenames in _walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            if stat.S_ISREG(check_entry(root, path).st_mode):
                files.append(path)
    return sorted(files)


def read_set_file(root: Path, path: Path, limit: int = MAX_FILE) -> bytes:
    """The bytes of a file of a set, after proving it is a regular file inside the set.

    The file is opened without following a link in its last part and without blocking (a FIFO
    put in place after the check opens, then fails the regular-file test); where the system shows
    which file an open descriptor is (``/proc/self/fd``), that file must still lie inside the set.
    So a file swapped for a link between the walk and the read is refused as well.
    """
    root = root.resolve()
    check_entry(root, path)
    refuse = DossierError([make("D421", Location(str(path)), set=root.name, pad=_inside(root, path), soort="geen gewoon bestand")])
    try:
        handle = os.open(path.resolve(), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        raise refuse from None
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise refuse
        opened = Path(f"/proc/self/fd/{handle}")
        if opened.is_symlink() and not Path(os.readlink(opened)).is_relative_to(root):
            raise _refuse_link(root, path, os.readlink(opened))
        data = file.read(limit + 1)
    if len(data) > limit:
        raise DossierError([make("D453", Location(str(path)), set=root.name, pad=_inside(root, path),
                                 maximum=f"{limit // 1024 // 1024} MB")])
    return data


class SetLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that reads only regular files inside the set folder they were found in
    (``read_set_file``), never one in a folder of version control."""

    def get_source(self, environment: jinja2.Environment, template: str):  # type: ignore[override]
        pieces = split_template_path(template)
        if not _VERSION_CONTROL.isdisjoint(pieces):
            raise jinja2.TemplateNotFound(template)
        for searchpath in self.searchpath:
            candidate = Path(searchpath, *pieces)
            if os.path.isfile(candidate):
                mtime = os.path.getmtime(candidate)
                source = read_set_file(Path(searchpath), candidate).decode(self.encoding)
                return source, os.path.normpath(candidate), lambda: _unchanged(candidate, mtime)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return os.path.getmtime(path) == mtime
    except OSError:
        return False


@contextlib.contextmanager
def typst_root(logo: Path | None) -> Iterator[tuple[Path, Path | None]]:
    """A fresh folder for Typst to read from, holding a copy of the logo and nothing else.

    ``logo`` is ``<set>/huisstijl/<name>``; the copy is what both Word and Typst then use.
    """
    folder = Path(tempfile.mkdtemp(prefix="dossier-typst-"))
    try:
        copy = None
        if logo is not None:
            copy = folder / "huisstijl" / logo.name
            copy.parent.mkdir()
            copy.write_bytes(read_set_file(logo.parent.parent, logo))
        yield folder, copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# A pandoc template directive: $...$ or ${...}; '$$' is a literal dollar, '$--' starts a comment.
_COMMENT = re.compile(r"\$--.*$", re.MULTILINE)
_DIRECTIVE = re.compile(r"\$\$|\$\{([^}\n]*)\}|\$([^$\n]*)\$")
_PARTIAL = re.compile(r"([^\s:()\[\]$]+)\(\)")


_PACKAGE = re.compile(r"""["'](@[A-Za-z0-9_-]+/[^"'\s]*)""")


def check_pandoc_template(set_folder: Path, path: Path, seen: frozenset[Path] = frozenset()) -> None:
    """Refuse a partial (``${ naam() }``) that pandoc would look for outside the template's folder,
    one that is not in that folder (pandoc would try the user's data folder), and a Typst package
    (``@preview/...`` comes from the internet, ``@local/...`` from the user's data folder)."""
    if path in seen:  # a partial that includes itself: pandoc stops it; nothing more to check
        return
    text = read_set_file(set_folder, path).decode("utf-8", "replace")
    package = _PACKAGE.search(text)
    if package:
        raise DossierError([make("D449", Location(str(path)), set=set_folder.name,
                                 pad=_inside(set_folder.resolve(), path.resolve()), pakket=package.group(1))])
    for match in _DIRECTIVE.finditer(_COMMENT.sub("", text)):
        content = match.group(1) if match.group(1) is not None else match.group(2) or ""
        for partial in _PARTIAL.findall(content):
            if "/" in partial or "\\" in partial or ".." in partial:
                raise DossierError([make("D422", Location(str(path)), set=set_folder.name,
                                         pad=_inside(set_folder.resolve(), path.resolve()), deel=partial)])
            _check_partial(set_folder, path, partial, seen | {path})


def _check_partial(set_folder: Path, template: Path, partial: str, seen: frozenset[Path]) -> None:
    """A plain partial must be a file of the set beside the template (pandoc adds the template's extension)."""
    name = partial if Path(partial).suffix else partial + template.suffix
    candidate = template.parent / name
    if not candidate.is_file():
        raise DossierError([make("D450", Location(str(template)), set=set_folder.name,
                                 pad=_inside(set_folder.resolve(), template.resolve()), deel=partial, bestand=name)])
    check_pandoc_template(set_folder, candidate, seen)
