#!/usr/bin/env python3
"""Benchmark: what a full build costs, stage by stage, against bare pandoc and Typst.

Prints figures; asserts nothing. Usage: python benchmarks/bouw.py [DOSSIER ...] [--herhalingen N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.opdrachten.bouw import build_file  # noqa: E402
from dossier.uitvoer.formaten import Meta, front_matter  # noqa: E402
from dossier.uitvoer.koppelingen import link_addresses  # noqa: E402
from dossier.uitvoer.lettertypen import house_font  # noqa: E402
from dossier.uitvoer.pandoc import ast_to_docx, ast_to_typst, markdown_to_ast, with_meta  # noqa: E402
from dossier.uitvoer.pdf import compile_pdf  # noqa: E402
from dossier.uitvoer.referentie import reference_document  # noqa: E402
from dossier.uitvoer.tabellen import set_table_widths  # noqa: E402
from dossier.uitvoer.word import Eigenschappen, finish_docx  # noqa: E402
from dossier.opdrachten.controleer import check_file  # noqa: E402
from dossier.documenten.render import render_documents  # noqa: E402
from dossier.documenten.sjabloonsets import resolve  # noqa: E402


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _pages(pdf: bytes) -> str:
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        return "?"
    return str(len(PdfReader(io.BytesIO(pdf)).pages))


def bench(path: Path, repeat: int) -> None:
    print(f"\n== {path.name}")
    t_check, checked = timed(lambda: check_file(path), repeat)
    print(f"controleer (load+parse+rules)  {ms(t_check)}")
    dossier, afgeleid = checked.dossier, checked.afgeleid
    sjabloonset = resolve(dossier.aanbesteding.sjabloonset)
    t_render, documents = timed(lambda: render_documents(dossier, afgeleid, sjabloonset, "concept", str(path)), repeat)
    print(f"render (Jinja, {len(documents)} documenten)     {ms(t_render)}")
    day = afgeleid.peildatum
    epoch = int(time.mktime(day.timetuple())) if day else 0
    huisstijl, template = sjabloonset.huisstijl, sjabloonset.pdf_sjabloon
    reference = reference_document(huisstijl, sjabloonset.referentie)
    font = house_font(huisstijl)
    meta = Meta(dossier.aanbesteding.titel, "k", "1", "concept", "o", dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))
    totals = {"md->ast": 0.0, "opmaak": 0.0, "ast->docx": 0.0, "word": 0.0, "ast->typst": 0.0, "typst.compile": 0.0}
    for document in documents:
        t1, ast = timed(lambda: markdown_to_ast(document.markdown, epoch, document.naam), repeat)
        t2, _ = timed(lambda: (set_table_widths(ast, huisstijl, font), link_addresses(ast["blocks"])), repeat)
        voorwerk = front_matter(document, meta, "Aanbestedingsleidraad")
        t3, raw = timed(lambda: ast_to_docx(with_meta(ast, {"lang": "nl-NL"}), reference, epoch, document.naam), repeat)
        properties = Eigenschappen(document.titel, "s", "k", "1", "concept", "o", meta.moment)
        t4, _ = timed(lambda: finish_docx(raw, header="k", voorwerk=voorwerk, eigenschappen=properties, huisstijl=huisstijl), repeat)
        data = with_meta(ast, {"title": voorwerk.titel, "organisatie": "o", "kopregel": "k", "aanhef": voorwerk.aanhef,
                               "toc-depth": str(voorwerk.inhoud_diepte), "omslag": voorwerk.omslag, "gegevensregel": voorwerk.gegevensregel,
                               "gegevens": [{"label": k, "waarde": v} for k, v in voorwerk.gegevens]})
        t5, source = timed(lambda: ast_to_typst(data, template, epoch, document.naam), repeat)
        inputs = {"titel": document.titel, "auteur": "o", "kenmerk": "k"}
        t6, pdf = timed(lambda: compile_pdf(source, sjabloonset.wortel, epoch, document.naam, huisstijl, inputs), repeat)
        pages = _pages(pdf)
        print(f"  {document.naam:34s} md->ast {ms(t1)} opmaak {ms(t2)} ->docx {ms(t3)} word {ms(t4)} ->typst {ms(t5)}"
              f" typst {ms(t6)} ({pages} p.)")
        for key, value in zip(totals, (t1, t2, t3, t4, t5, t6)):
            totals[key] += value
    serial = sum(totals.values())
    print("som per stap: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in totals.items()) + f"; samen {serial * 1000:.0f} ms (serieel)")
    with tempfile.TemporaryDirectory() as out:
        t_build, (code, _) = timed(lambda: build_file(str(path), Path(out), ["docx", "pdf", "md"], "concept"), repeat)
    print(f"volledige bouw (parallel, docx+pdf+md)  {ms(t_build)}  (afsluitcode {code})")


def main() -> None:
    parser = argparse.ArgumentParser(description="Meet de bouwtijd per stap.")
    parser.add_argument("dossiers", nargs="*", type=Path, default=sorted((ROOT / "voorbeelden").glob("*.yaml")))
    parser.add_argument("--herhalingen", type=int, default=3)
    args = parser.parse_args()
    for path in args.dossiers:
        bench(path, args.herhalingen)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npiekgeheugen van dit proces: {peak:.0f} MB")


if __name__ == "__main__":
    main()
