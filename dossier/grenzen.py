"""Untrusted work under a deadline and a memory cap; every way it can fail is a coded message.

Template sets travel between municipalities, so their Jinja templates and their Typst template are
code from elsewhere: a loop without end, ``{{ 'A' * 3000000000 }}``, a Typst layout that never
settles. That work never runs in the process that holds the user's files and the output folder:

* ``uitvoeren(functie, *args, grens=..., wat=..., waar=...)`` runs a module-level function in a
  worker process. The worker's address space is capped (RLIMIT_AS), so an allocation beyond the
  cap raises MemoryError (Python) or ends the worker (Typst: Rust aborts); a timer in the worker
  raises ``TeLang`` inside the work when its time is up, so the caller can name the template and
  line; a worker still busy a few seconds later (stuck in native code) is killed.
* ``programma(args, ...)`` runs an external program (pandoc) under the same deadline; pandoc's own
  heap limit carries the memory cap (``geheugen_argumenten``).

Workers are forked once and reused (see ``_Werkers``), so a build pays the start-up once and not per
document; a killed worker is replaced.
They run without a way to the network (a proxy that refuses), so a set cannot make Typst fetch a
package. Where the platform lacks a piece (no RLIMIT_AS on macOS, no fork server on Windows) the
rest still applies; the limits can be changed with ``DOSSIER_TIJDSLIMIET`` (seconds) and
``DOSSIER_GEHEUGENLIMIET`` (MB), for example for a very large dossier.
"""

from __future__ import annotations

import copyreg
import multiprocessing
import multiprocessing.spawn
import os
import signal
import subprocess
import sys
import threading
import types
from dataclasses import dataclass, replace
from typing import Any, Callable

from .diagnostics import DossierError, Location, make

try:  # not on Windows
    import resource
except ImportError:  # pragma: no cover - platform dependent
    resource = None  # type: ignore[assignment]

# Modules whose functions run in workers: imported once by the fork server, so workers start warm.
WERKMODULES = ("dossier.documenten.render", "dossier.uitvoer.pdf")
_MARGE = 5.0  # seconds between the worker's own timer and the kill
_GEEN_NET = "http://127.0.0.1:9"  # a proxy that refuses every connection



def _alleen_lezen(mapping: dict) -> types.MappingProxyType:
    return types.MappingProxyType(mapping)


# A frozen mapping (``Afgeleid.termijnen``) crosses to a worker as a read-only copy.
copyreg.pickle(types.MappingProxyType, lambda proxy: (_alleen_lezen, (dict(proxy),)))


@dataclass(frozen=True)
class Grens:
    """How long and how much memory one piece of untrusted work may take."""

    seconden: float
    megabytes: int

    def actueel(self) -> Grens:
        """This limit, with the user's overrides from the environment applied."""
        seconden = _getal("DOSSIER_TIJDSLIMIET")
        megabytes = _getal("DOSSIER_GEHEUGENLIMIET")
        return replace(self, seconden=seconden or self.seconden, megabytes=int(megabytes or self.megabytes))


def _getal(naam: str) -> float | None:
    try:
        waarde = float(os.environ.get(naam, ""))
    except ValueError:
        return None
    return waarde if waarde > 0 else None


SJABLONEN = Grens(seconden=60, megabytes=2048)  # Jinja: all documents of one dossier
TYPST = Grens(seconden=120, megabytes=3072)  # one PDF
PANDOC = Grens(seconden=120, megabytes=2048)  # one conversion


class TeLang(Exception):
    """Raised inside the work when its time is up (an Exception, so Jinja adds template and line)."""


class _Werker:
    """One worker process and the pipe to it."""

    def __init__(self, context: Any, open_ends: list[int]):
        self.verbinding, kant = context.Pipe()
        # A forked worker closes the parent's ends of every pipe (its own and its siblings'), so that it
        # sees the end of its pipe, and stops, when the parent is gone, even if the parent was killed.
        ends = open_ends + [self.verbinding.fileno()] if context.get_start_method() == "fork" else []
        self.proces = context.Process(target=_werk, args=(kant, ends), daemon=True, name="dossier-werker")
        self.proces.start()
        kant.close()

    def stop(self) -> None:
        if self.proces.is_alive():
            self.proces.kill()
        self.proces.join(timeout=5)
        self.verbinding.close()


class _Werkers:
    """Idle workers, handed out one per piece of work (threads may ask at the same time).

    The first request, from a process with one thread (the command line), forks a worker for every
    core at once: forked workers share the modules the process already imported and start in
    milliseconds. Forking is safe only without other threads, native ones included (another thread
    may hold a lock that the copy then never sees released), so later workers, or workers for a
    process that already runs threads, come from a fork server: a clean process that imported
    ``WERKMODULES`` once.
    """

    def __init__(self) -> None:
        self.slot = threading.Lock()
        self.vrij: list[_Werker] = []
        self.alle: list[_Werker] = []
        self.server: Any = None

    def _context(self) -> Any:
        if sys.platform.startswith("linux") and _een_draad():
            return multiprocessing.get_context("fork")
        if self.server is None:
            methods = multiprocessing.get_all_start_methods()
            self.server = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            if "forkserver" in methods:
                self.server.set_forkserver_preload(list(WERKMODULES))
        return self.server

    def _nieuw(self, context: Any) -> _Werker:
        self.alle = [w for w in self.alle if w.proces.is_alive()]
        # A worker must not run the caller's main script again (spawn and the fork server would import
        # it: a script without an ``if __name__ == "__main__"`` guard would build again in every worker).
        original = multiprocessing.spawn.get_preparation_data
        multiprocessing.spawn.get_preparation_data = _zonder_hoofdscript(original)
        try:
            werker = _Werker(context, [w.verbinding.fileno() for w in self.alle])
        finally:
            multiprocessing.spawn.get_preparation_data = original
        self.alle.append(werker)
        return werker

    def lenen(self) -> _Werker:
        with self.slot:
            while self.vrij:
                werker = self.vrij.pop()
                if werker.proces.is_alive():
                    return werker
                werker.stop()
            context = self._context()
            if context.get_start_method() == "fork":  # the one safe moment: make the whole pool now
                self.vrij.extend(self._nieuw(context) for _ in range(max(2, os.cpu_count() or 2) - 1))
            return self._nieuw(context)

    def terug(self, werker: _Werker) -> None:
        with self.slot:
            self.vrij.append(werker)


def _een_draad() -> bool:
    """Whether this process runs one thread, native threads included (a Typst compile in this process
    leaves Rust's thread pool behind, which a forked copy would wait for forever)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _zonder_hoofdscript(original: Callable[[str], dict]) -> Callable[[str], dict]:
    def preparation(name: str) -> dict:
        data = original(name)
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
        return data

    return preparation


_WERKERS = _Werkers()


def uitvoeren(functie: Callable[..., Any], *args: Any, grens: Grens, wat: str, waar: Location) -> Any:
    """``functie(*args)`` in a worker under ``grens``; its exceptions (DossierError above all) are re-raised.

    ``wat`` names the work for a message (``sjabloonset 'x'``, ``de PDF van 'leidraad' (set/huisstijl/pdf.typ)``).
    """
    grens = grens.actueel()
    werker = _WERKERS.lenen()
    try:
        werker.verbinding.send((functie, args, grens))
        if not werker.verbinding.poll(grens.seconden + _MARGE):
            werker.stop()
            raise DossierError([make("D445", waar, wat=wat, seconden=_seconden(grens.seconden))])
        uitkomst, waarde = werker.verbinding.recv()
    except (EOFError, OSError, BrokenPipeError):
        werker.stop()
        raise DossierError([make("D446", waar, wat=wat, megabytes=grens.megabytes,
                                 reden=_einde(werker.proces.exitcode))]) from None
    except BaseException:
        werker.stop()
        raise
    _WERKERS.terug(werker)
    if uitkomst == "ok":
        return waarde
    if isinstance(waarde, TeLang):
        raise DossierError([make("D445", waar, wat=wat, seconden=_seconden(grens.seconden))])
    if isinstance(waarde, MemoryError):
        raise DossierError([make("D446", waar, wat=wat, megabytes=grens.megabytes, reden="te weinig geheugen")])
    raise waarde


def _einde(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"het werkproces stopte met signaal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"het werkproces stopte met signaal {-exitcode}"
    return f"het werkproces stopte (afsluitcode {exitcode})"


def _seconden(seconden: float) -> str:
    return f"{seconden:g}".replace(".", ",")


def _werk(verbinding: Any, open_ends: list[int]) -> None:
    """The worker: run each task it is sent under its limits, send back the outcome, until closed."""
    for end in open_ends:
        try:
            os.close(end)
        except OSError:
            pass
    for naam in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ[naam] = _GEEN_NET
    for naam in ("NO_PROXY", "no_proxy"):
        os.environ.pop(naam, None)
    stil = os.open(os.devnull, os.O_WRONLY)  # Rust's "memory allocation failed" is reported as D446 instead
    os.dup2(stil, 2)
    os.close(stil)
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _tijd_om)
    while True:
        try:
            functie, args, grens = verbinding.recv()
        except (EOFError, OSError):
            return
        _geheugen(grens.megabytes)
        _wekker(grens.seconden)
        try:
            uitkomst: tuple[str, Any] = ("ok", functie(*args))
        except BaseException as exc:  # every outcome goes back to the caller, who maps it
            uitkomst = ("fout", exc)
        finally:
            _wekker(0)
            _geheugen(None)
        try:
            verbinding.send(uitkomst)
        except Exception as exc:  # an exception that cannot be pickled: its text still gets back
            verbinding.send(("fout", RuntimeError(f"{type(exc).__name__}: {exc}")))


def _tijd_om(signum: int, frame: Any) -> None:
    raise TeLang("de tijd is om")


def _wekker(seconden: float) -> None:
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, seconden)


def _geheugen(megabytes: int | None) -> None:
    """Cap (or, with None, lift) this process's address space at what it uses now plus ``megabytes``.

    Relative, because a forked worker starts with the address space of the process it was forked
    from. A platform without RLIMIT_AS (macOS refuses it) keeps only the deadline.
    """
    if resource is None or not hasattr(resource, "RLIMIT_AS"):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = hard if megabytes is None else _in_gebruik() + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ValueError, OSError):
        pass


def _in_gebruik() -> int:
    """The address space this process takes now, in bytes (0 where ``/proc`` does not tell)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def geheugen_argumenten(grens: Grens) -> list[str]:
    """pandoc's own heap limit (GHC runtime options) for ``grens``."""
    return ["+RTS", f"-M{grens.actueel().megabytes}m", "-RTS"]


def programma(args: list[str], invoer: bytes, env: dict[str, str], *, grens: Grens, wat: str, waar: Location,
              geheugenfout: tuple[int, ...] = (251,)) -> subprocess.CompletedProcess:
    """Run an external program under ``grens``'s deadline; its own exit codes ``geheugenfout`` mean memory."""
    grens = grens.actueel()
    try:
        gedaan = subprocess.run(args, input=invoer, capture_output=True, env=env, timeout=grens.seconden)
    except subprocess.TimeoutExpired:
        raise DossierError([make("D445", waar, wat=wat, seconden=_seconden(grens.seconden))]) from None
    if gedaan.returncode in geheugenfout:
        raise DossierError([make("D446", waar, wat=wat, megabytes=grens.megabytes, reden="te weinig geheugen")])
    return gedaan


__all__ = ["PANDOC", "SJABLONEN", "TYPST", "Grens", "TeLang", "geheugen_argumenten", "programma", "uitvoeren"]
