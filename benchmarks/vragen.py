#!/usr/bin/env python3
"""Benchmark: the questions form, importing questions, and how fast hostile spreadsheets are refused.

Prints figures; asserts nothing. Usage: python benchmarks/vragen.py [--herhalingen N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import openpyxl  # noqa: E402

from dossier.diagnostics import DossierError  # noqa: E402
from dossier.opdrachten.controleer import check_file  # noqa: E402
from dossier.vragen import controles  # noqa: E402
from dossier.vragen.formulier import formulier  # noqa: E402
from dossier.vragen.lezen import lees  # noqa: E402
from dossier.vragen.yamlronde import insert  # noqa: E402
from test_vragen_vijandig import handmade, row, zip_bomb  # noqa: E402

LEIDEN = ROOT / "voorbeelden" / "leiden.yaml"


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            result = function()
        except DossierError as exc:
            result = exc
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=5)
    repeat = parser.parse_args().herhalingen
    checked = check_file(LEIDEN)
    folder = Path(tempfile.mkdtemp(prefix="dossier-vragen-bench-"))
    seconds, data = timed(lambda: formulier(checked.dossier, checked.afgeleid), repeat)
    form = folder / "formulier.xlsx"
    form.write_bytes(data)
    print(f"vragenformulier schrijven          {ms(seconds)}  ({len(data):,} bytes)")

    workbook = openpyxl.load_workbook(form)
    sheet = workbook["Vragen"]
    for r in range(7, 207):
        sheet.cell(r, 2).value = "Aanbestedingsleidraad"
        sheet.cell(r, 3).value = f"{r % 9 + 1}.{r % 4 + 1}"
        sheet.cell(r, 5).value = f"Vraag {r} over de planning van perceel {r % 3 + 1} en de verdeling van het budget per wijk {r}?"
    filled = folder / "ingevuld.xlsx"
    workbook.save(filled)
    seconds, read = timed(lambda: lees(filled, filled.name), repeat)
    print(f"200 vragen lezen (.xlsx)           {ms(seconds)}")
    seconds, _ = timed(lambda: controles.doubles(read.regels, []), repeat)
    print(f"200 vragen op dubbelingen          {ms(seconds)}")
    big = read.regels * 10
    seconds, _ = timed(lambda: controles.doubles(big, []), 1)
    print(f"2.000 vragen op dubbelingen        {ms(seconds)}")
    raw = LEIDEN.read_bytes()
    vragen = [{"nummer": 3 + i, "document": "Aanbestedingsleidraad", "vraag": r.vraag, "antwoord": None} for i, r in enumerate(read.regels)]
    seconds, _ = timed(lambda: insert(raw, "leiden.yaml", vragen, 2, dt.date(2019, 11, 20)), repeat)
    print(f"200 vragen in de YAML invoegen     {ms(seconds)}")

    hostile = {
        "100.000 rijen": handmade(folder / "rijen.xlsx", "".join(row(n, f"Vraag {n}?") for n in range(2, 100_002))),
        "zipbom (100 MB uitgepakt)": zip_bomb(folder / "bom.xlsx", 100),
    }
    for name, path in hostile.items():
        seconds, result = timed(lambda: lees(path, path.name), repeat)
        outcome = result.diagnostics[0].code if isinstance(result, DossierError) else [d.code for d in result.meldingen if d.is_error][:1]
        print(f"{name:<34} {ms(seconds)}  in het geheugen, melding {outcome}")
    for name, path in hostile.items():
        target = folder / "leiden.yaml"
        target.write_bytes(raw)
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "build.py"), "vragen", "importeer", str(target), str(path)], capture_output=True, timeout=120)
        print(f"{name:<34} {ms(time.perf_counter() - start)}  hele opdracht (nieuw proces)")


if __name__ == "__main__":
    main()
