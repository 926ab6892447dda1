#!/usr/bin/env python3
"""Benchmark: what a new user waits for in the first hour.

Start-up of the command line, ``nieuw``, the editor schema, the readable ``.md`` of every document of
Leiden, and one ``--watch`` round (a check). Prints figures; asserts nothing.
Usage: python benchmarks/eerste_uur.py [--herhalingen N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bouw import ms, timed  # noqa: E402  (benchmarks/bouw.py: the same median timer)

from dossier.documenten.render import render_documents  # noqa: E402
from dossier.documenten.sjabloonsets import resolve  # noqa: E402
from dossier.opdrachten.controleer import check_file  # noqa: E402
from dossier.opdrachten.schema import schema_text  # noqa: E402
from dossier.uitvoer.leesbaar import readable  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=5)
    repeat = parser.parse_args().herhalingen
    command = [sys.executable, "-m", "dossier"]
    with tempfile.TemporaryDirectory() as folder:
        start, _ = timed(lambda: subprocess.run([*command, "--version"], capture_output=True, check=True), repeat)
        names = iter(range(10_000))
        new, _ = timed(lambda: subprocess.run([*command, "nieuw", f"d{next(names)}", "--publicatie", "2027-03-01"],
                                              capture_output=True, check=True, cwd=folder), repeat)
    schema, text = timed(schema_text, repeat)
    leiden = ROOT / "voorbeelden" / "leiden.yaml"
    checked = check_file(leiden)
    a = checked.dossier.aanbesteding
    documents = render_documents(checked.dossier, checked.afgeleid, resolve(a.sjabloonset, a.logo), "concept", str(leiden))
    md, _ = timed(lambda: [readable(d.markdown, 0, d.naam) for d in documents], repeat)
    check, _ = timed(lambda: check_file(leiden), repeat)
    print(f"dossier --version (start-up)          {ms(start)}")
    print(f"dossier nieuw (bestand en schema)     {ms(new)}")
    print(f"schema maken ({len(text) // 1024} KB)                {ms(schema)}")
    print(f"leesbare .md, {len(documents)} documenten Leiden  {ms(md)} (serieel; bouw doet ze parallel)")
    print(f"controle Leiden (één --watch-ronde)   {ms(check)}")


if __name__ == "__main__":
    main()
