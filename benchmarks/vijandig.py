#!/usr/bin/env python3
"""Long fuzz run and hostile giants: time and memory per input. Prints figures; asserts nothing.

Usage: python benchmarks/vijandig.py [--aantal 20000] [--zaad 1]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import yaml  # noqa: E402
from fuzz import generated_dossiers  # noqa: E402

from dossier.diagnostics import DossierError  # noqa: E402
from dossier.invoer.load import load_bytes  # noqa: E402
from dossier.invoer.parse import parse_dossier  # noqa: E402
from dossier.afleiding import afleiden  # noqa: E402
from dossier.regels import check  # noqa: E402


def run(data: bytes) -> str:
    try:
        document = load_bytes(data, "invoer.yaml")
        dossier = parse_dossier(document)
        findings = check(dossier, document, afleiden(dossier))
        return "fouten" if any(f.is_error for f in findings) else "schoon"
    except DossierError as exc:
        return exc.diagnostics[0].code


def giants() -> dict[str, bytes]:
    bomb = [b'a: &a ["x","x","x","x","x","x","x","x","x"]\n']
    bomb += [f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n".encode() for p, c in zip("abcdefg", "bcdefgh")]
    return {
        "50 MB bestand": b"# " + b"x" * (50 * 1024 * 1024),
        "100.000 niveaus diep": b"a: " + b"[" * 100_000 + b"]" * 100_000,
        "regel van 1 MB": b"aanbesteding:\n  titel: " + b"x" * 1_000_000 + b"\n",
        "alias-bom (9^8 waarden)": b"".join(bomb),
        "300.000 sleutels": b"".join(b"k%d: %d\n" % (i, i) for i in range(300_000)),
        "5 MB aan lijstitems": b"percelen:\n" + b"  - x\n" * 870_000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Fuzz en vijandige invoer: tijd en geheugen.")
    parser.add_argument("--aantal", type=int, default=20000)
    parser.add_argument("--zaad", type=int, default=1)
    args = parser.parse_args()

    print("Vijandige reuzen (tijd; piekgeheugen van Python-objecten, apart gemeten; uitkomst):")
    for name, data in giants().items():
        started = time.perf_counter()
        outcome = run(data)
        seconds = time.perf_counter() - started
        tracemalloc.start()
        run(data)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"  {name:28s} {seconds * 1000:8.0f} ms  {peak:8.1f} MB  {outcome}")

    base = yaml.safe_load((ROOT / "tests" / "gevallen" / "basis.yaml").read_text("utf-8"))
    outcomes: dict[str, int] = {}
    slowest = 0.0
    started = time.perf_counter()
    for data in generated_dossiers(base, args.zaad, args.aantal):
        t = time.perf_counter()
        outcome = run(data)
        slowest = max(slowest, time.perf_counter() - t)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    total = time.perf_counter() - started
    print(f"\nFuzz: {args.aantal} gegenereerde dossiers in {total:.1f} s ({args.aantal / total:.0f} per seconde), "
          f"traagste {slowest * 1000:.1f} ms; onverwachte uitzonderingen: 0")
    for outcome, count in sorted(outcomes.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {outcome:8s} {count}")


if __name__ == "__main__":
    main()
