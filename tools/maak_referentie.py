#!/usr/bin/env python3
"""Write the Word reference document of a template set, as dossier generates it from the house style.

A build needs no such file: dossier makes the reference document from ``huisstijl:`` in the set's
``sjabloonset.yaml`` itself. Use this to look at it in Word, or as the start of a hand-made one: a
set that ships ``huisstijl/referentie.docx`` uses that file instead of the generated one.

Usage: python tools/maak_referentie.py [--sjabloonset basis] [--uit referentie.docx]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.diagnostics import DossierError  # noqa: E402
from dossier.documenten.sjabloonsets import resolve  # noqa: E402
from dossier.uitvoer.referentie import reference_bytes  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Schrijf het referentiedocument (Word) van de huisstijl van een sjabloonset.")
    parser.add_argument("--sjabloonset", default=None, help="naam van de set (standaard: basis)")
    parser.add_argument("--uit", type=Path, default=Path("referentie.docx"))
    args = parser.parse_args()
    try:
        data = reference_bytes(resolve(args.sjabloonset).huisstijl)
    except DossierError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.to_text(), file=sys.stderr)
        return 1
    args.uit.write_bytes(data)
    print(f"geschreven: {args.uit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
