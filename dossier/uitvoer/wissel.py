"""Swap two folders in one step where the operating system can, so the output is never missing.

Linux has ``renameat2(RENAME_EXCHANGE)``: the new output and the old one trade places atomically;
a build killed at any moment leaves either the old or the new output in place, never neither.
Elsewhere (and on file systems without it) the swap is two renames: old -> aside, new -> in
place; a kill between the two leaves the old output aside, which the next build puts back
(``write.remove_leftovers``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import sys
from functools import cache
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NOT_SUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


@cache
def _renameat2():
    """glibc's ``renameat2``, or None where there is none (not Linux, old glibc, musl without it)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(new: Path, target: Path) -> bool:
    """Let ``new`` and ``target`` (both existing) trade places atomically; False if the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NOT_SUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(target))


def swap(new: Path, target: Path, aside: Path) -> Path | None:
    """Put ``new`` in the place of ``target``; return where the old output now is (None if there was none).

    With an atomic exchange the old output ends up at ``new``'s path; otherwise it is moved to
    ``aside`` first, then ``new`` takes its place.
    """
    if not os.path.lexists(target):
        os.rename(new, target)
        return None
    if exchange(new, target):
        return new
    os.rename(target, aside)
    os.rename(new, target)
    return aside
