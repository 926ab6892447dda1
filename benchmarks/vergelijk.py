#!/usr/bin/env python3
"""Benchmark: a whole ``vergelijk`` of two Leiden versions against one ``bouw`` (goal: at most 1.5x).

Three edits: a typical nota-van-inlichtingen change (a date and two weights), a new perceel
(two documents), and small edits in the text of every document (the worst case: every redline is written). Per edit: the median time of
``bouw`` of the new version, of the whole ``vergelijk`` (both versions checked and rendered,
compared, redlines written in Word and PDF), their ratio, and the comparison alone (pandoc ASTs
of both versions and the block diff, without writing). Prints figures; asserts nothing.
Usage: python benchmarks/vergelijk.py [--herhalingen N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from dossier.opdrachten.bouw import build_file, render_file  # noqa: E402
from dossier.opdrachten.vergelijk import compare  # noqa: E402
from dossier.review.redline import Versie, compare_versions  # noqa: E402
from bouw import timed as median  # noqa: E402  (benchmarks/bouw.py: the median of N runs)

LEIDEN = (ROOT / "voorbeelden" / "leiden.yaml").read_text("utf-8")
NEW = ('versie: "1.0"', 'versie: "1.1"')
EDITS = {
    "nota van inlichtingen (datum, wegingen)": [NEW, ("inschrijving: 2019-12-02", "inschrijving: 2019-12-09"),
                                                ("      weging: 30\n      omschrijving: Hoe", "      weging: 35\n      omschrijving: Hoe"),
                                                ("      weging: 20\n      omschrijving: Hoe de overgang", "      weging: 15\n      omschrijving: Hoe de overgang")],
    "extra perceel": [NEW, ("    raming: {per_jaar: 1700000}\n",
                            "    raming: {per_jaar: 1700000}\n  - id: P4\n    naam: Samen Wonen\n"
                            "    omschrijving: Ondersteuning bij zelfstandig wonen.\n    raming: {per_jaar: 500000}\n"),
                      ("per_jaar: 9500000", "per_jaar: 10000000")],
    "overal iets (tekst van alle documenten)": [
        NEW, ("naam: Gemeente Leiden", "naam: College van B&W van Leiden"),
        ("    - aantal: 4", "    - aantal: 3"), ("      termijn: {werkdagen: 10}", "      termijn: {werkdagen: 5}"),
        ("              streefwaarde: 20%", "              streefwaarde: 15%"),
        ("  effectrapportage: Twee keer per jaar", "  effectrapportage: Vier keer per jaar"),
        ("antwoord: Ja, een inschrijver mag", "antwoord: Ja, iedere inschrijver mag")],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=3)
    repeat = parser.parse_args().herhalingen
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "oud").mkdir()
        old = work / "oud" / "leiden.yaml"
        old.write_text(LEIDEN, "utf-8")
        print(f"{'wijziging':40} {'bouw':>8} {'vergelijk':>10} {'factor':>7} {'alleen vergelijken':>19}  documenten")
        for name, replacements in EDITS.items():
            text = LEIDEN
            for a, b in replacements:
                text = text.replace(a, b, 1)
            (work / "nieuw").mkdir(exist_ok=True)
            new = work / "nieuw" / "leiden.yaml"
            new.write_text(text, "utf-8")
            build_file(str(new), work / "opwarmen", ["docx", "pdf"], "concept")  # fonts, pandoc and Typst warm
            t_build, _ = median(lambda: build_file(str(new), work / "bouw", ["docx", "pdf"], "concept"), repeat)
            t_compare, result = median(lambda: compare(str(old), str(new), work / "rl", ["docx", "pdf"]), repeat)
            sides = [render_file(str(p), "concept")[1] for p in (old, new)]
            versions = [Versie(str(p), s.meta, tuple(s.documents), s.sjabloonset, figuren=s.figuren) for p, s in zip((old, new), sides)]
            t_diff, _ = median(lambda: compare_versions(*versions), repeat)
            changed = sum(d.status != "ongewijzigd" for d in result.samenvatting.documenten)
            total = len(result.samenvatting.documenten)
            print(f"{name:40} {t_build:7.2f}s {t_compare:9.2f}s {t_compare / t_build:6.2f}x {t_diff * 1000:16.0f} ms  {changed} van {total}")


if __name__ == "__main__":
    main()
