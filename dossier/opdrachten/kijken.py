"""``--watch`` for ``controleer`` and ``bouw``: run again each time a watched file is saved.

Polls modification times and sizes twice a second instead of using an operating-system watcher: a
dossier is one file and a template set a few dozen, so polling costs nothing measurable, needs no
dependency and behaves the same on Windows, macOS, Linux and network drives. Editors that save by
writing a new file and renaming it make the file disappear for a moment; a round waits until every
watched file is back and unchanged for one interval, so it never checks half a save.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Callable, Iterable

from .. import nl

Snapshot = dict[str, tuple[int, int] | None]
INTERVAL = 0.5


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """(mtime in ns, size) of every watched file; the files of a watched folder count one by one."""
    state: Snapshot = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                info = file.stat()
            except OSError:
                state[str(file)] = None  # gone for now: an editor replacing the file
            else:
                state[str(file)] = (info.st_mtime_ns, info.st_size)
    return state


def watch(paths: list[Path], run: Callable[[], int], interval: float = INTERVAL,
          say: Callable[[str], None] = print) -> int:
    """Run, then run again after every change, until Ctrl+C; returns 0 (stopping is how it ends)."""
    names = nl.lijst(paths)
    try:
        last = snapshot(paths)
        run()
        say(f"Wacht op wijzigingen in {names} (stoppen met Ctrl+C)")
        while True:
            time.sleep(interval)
            now = snapshot(paths)
            if now == last:
                continue
            while True:  # settle: the same state twice in a row, and nothing missing
                time.sleep(interval)
                settled = snapshot(paths)
                if settled == now and None not in settled.values():
                    break
                now = settled
            last = now
            say(f"\n--- {dt.datetime.now():%H:%M:%S}: gewijzigd, opnieuw ---")
            run()
            say(f"Wacht op wijzigingen in {names} (stoppen met Ctrl+C)")
    except KeyboardInterrupt:
        say("gestopt")
        return 0
