#!/usr/bin/env python3
"""Benchmark: what the figures and the overview page cost per example. Prints figures; asserts nothing.

Usage: python benchmarks/overzicht.py [--herhalingen N]
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
from dossier.overzicht import figuren, overzicht_html  # noqa: E402
from dossier.uitvoer.figuren import png  # noqa: E402


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=5)
    repeat = parser.parse_args().herhalingen
    print(f"{'voorbeeld':22} {'figuren':>9} {'png (alle)':>11} {'pagina':>9} {'pagina kB':>10}")
    for example in sorted((ROOT / "voorbeelden").glob("*.yaml")):
        result = controleer(example)
        d, afgeleid = result.dossier, result.afgeleid
        drawn = figuren(d, afgeleid)
        draw = median_ms(lambda: figuren(d, afgeleid), repeat)
        raster = median_ms(lambda: [png.__wrapped__(f.svg) for f in drawn.values()], repeat)
        page = overzicht_html(example.name, result.diagnostics, d, afgeleid)
        html = median_ms(lambda: overzicht_html(example.name, result.diagnostics, d, afgeleid), repeat)
        print(f"{example.stem:22} {draw:7.1f}ms {raster:9.1f}ms {html:7.1f}ms {len(page) / 1024:9.1f}")


if __name__ == "__main__":
    main()
