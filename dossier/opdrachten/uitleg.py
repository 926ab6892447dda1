"""``uitleg``: the explanation of a message code, with its legal basis and source."""

from __future__ import annotations

import sys

from ..diagnostics import FOUT, catalogue


def command_explain(code: str | None) -> int:
    """Print one code's explanation, or all codes with their titles."""
    entries = catalogue()
    if code is None:
        for entry in entries.values():
            print(f"{entry.code}  {entry.ernst:<12}  {entry.titel}")
        return 0
    entry = entries.get(code.upper())
    if entry is None:
        print(f"dossier: fout: onbekende code '{code}'; 'dossier uitleg' toont alle codes", file=sys.stderr)
        return 2
    print(f"{entry.code} ({entry.ernst}): {entry.titel}\n")
    print(entry.uitleg)
    if entry.grondslag:
        print(f"\nGrondslag: {entry.grondslag}")
    if entry.bron == "U":
        print("Bron: praktijk, niet bevestigd in een openbare bron; daarom hooguit een waarschuwing of instelbaar.")
    elif entry.bron == "C":
        print("Bron: bevestigd in een openbare bron.")
    if entry.ernst == FOUT and entry.afsluitcode != 1:
        print(f"Afsluitcode bij deze fout: {entry.afsluitcode}")
    return 0
