#!/usr/bin/env python3
"""Benchmark: what the OCDS and eForms exports cost, and the strict Schematron check.

Prints figures; asserts nothing. Usage: python benchmarks/uitwisseling.py [DOSSIER] [--herhalingen N] [--streng]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier import controleer  # noqa: E402
from dossier.afleiding.aankondiging import aankondiging  # noqa: E402
from dossier.uitwisseling import exporteer, schemas, schematron  # noqa: E402


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dossier", nargs="?", default=str(ROOT / "voorbeelden" / "leiden.yaml"))
    parser.add_argument("--herhalingen", type=int, default=20)
    parser.add_argument("--streng", action="store_true", help="ook de Schematron-regels (traag)")
    args = parser.parse_args()
    checked = controleer(args.dossier)
    d, a, doc = checked.dossier, checked.afgeleid, checked.document
    started = time.perf_counter()
    schemas.release_schema(), schemas._package_validator(), schemas._contract_notice_schema()
    print(f"schema's laden (eenmalig):      {(time.perf_counter() - started) * 1000:7.1f} ms")
    for formaat in ("ocds", "eforms"):
        result = exporteer(formaat, d, a, doc, args.dossier)
        size = len(result.data) if result.data else 0
        ms = median_ms(lambda f=formaat: exporteer(f, d, a, doc, args.dossier), args.herhalingen)
        print(f"{formaat:6} maken en valideren:       {ms:7.1f} ms  ({size} bytes)")
    if args.streng:
        notice = aankondiging(d, a.regime)
        data = exporteer("eforms", d, a, doc, args.dossier).data
        started = time.perf_counter()
        failed = schematron.check(data, notice.subtype)
        print(f"Schematron subtype {notice.subtype}:           {time.perf_counter() - started:7.1f} s   ({len(failed)} regels falen)")


if __name__ == "__main__":
    main()
