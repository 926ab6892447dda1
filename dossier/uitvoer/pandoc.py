"""pandoc, bundled by the pypandoc-binary wheel: Markdown -> AST once, AST -> docx and Typst.

The Markdown of a document is parsed once into pandoc's JSON AST; the title block metadata is
then set in the AST itself (as plain ``Str`` inlines, so a title is never parsed as Markdown or
YAML) and both writers read that AST, which is much cheaper than parsing twice.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from .. import grenzen
from ..diagnostics import DossierError, Location, make

NO_DATA = Path(__file__).resolve().parent / "geen-pandoc-gegevens"  # never created: pandoc's own defaults apply
READER = "markdown-smart-citations-raw_html-raw_attribute-raw_tex-tex_math_dollars-tex_math_single_backslash"


@cache
def pandoc_path() -> str:
    try:
        import pypandoc

        path = pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise DossierError([make("D505", Location("pandoc"), reden=f"pandoc is niet gevonden ({exc})")]) from None
    return str(path)


def run(args: list[str], data: bytes, epoch: int, document: str) -> bytes:
    """pandoc under the limits of ``grenzen``, reading no file but those named (``--sandbox``; an image
    in a set's template cannot embed a file of the machine) and no data folder of the user (a
    template partial is never looked up there)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "LC_ALL": "C.UTF-8"}
    command = [pandoc_path(), *grenzen.geheugen_argumenten(grenzen.PANDOC), "--sandbox", f"--data-dir={NO_DATA}", *args]
    try:
        done = grenzen.programma(command, data, env, grens=grenzen.PANDOC, wat=f"pandoc voor '{document}'", waar=Location(document))
    except OSError as exc:
        raise DossierError([make("D505", Location("pandoc"), reden=f"pandoc kon niet worden gestart ({exc})")]) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DossierError([make("D501", Location(document), document=document, reden=reason[-1] if reason else f"afsluitcode {done.returncode}")])
    return done.stdout


@cache
def pandoc_version() -> str:
    """The version of the bundled pandoc, for the manifest (other versions may give other bytes)."""
    done = subprocess.run([pandoc_path(), "--version"], capture_output=True, timeout=60)
    first = done.stdout.decode("utf-8", "replace").splitlines()[:1]
    return first[0].split()[-1] if first else "onbekend"


def markdown_to_ast(markdown: str, epoch: int, document: str) -> dict[str, Any]:
    out = run(["--from", READER, "--to", "json"], markdown.encode("utf-8"), epoch, document)
    return json.loads(out)


def inlines(text: str) -> dict[str, Any]:
    """Plain text as MetaInlines: words and spaces, no markup is ever interpreted."""
    parts: list[dict[str, Any]] = []
    for i, word in enumerate(re.split(r"\s+", text.strip())):
        if i:
            parts.append({"t": "Space"})
        if word:
            parts.append({"t": "Str", "c": word})
    return {"t": "MetaInlines", "c": parts}


MetaValue = str | bool | list[dict[str, str]]


def meta_value(value: MetaValue) -> dict[str, Any]:
    """A flag, a plain text, or a list of records of plain texts (the rows of the cover block)."""
    if isinstance(value, bool):
        return {"t": "MetaBool", "c": value}
    if isinstance(value, list):
        return {"t": "MetaList", "c": [{"t": "MetaMap", "c": {k: inlines(v) for k, v in item.items()}} for item in value]}
    return inlines(value)


def with_meta(ast: dict[str, Any], fields: dict[str, MetaValue]) -> bytes:
    meta = dict(ast.get("meta", {}))
    for key, value in fields.items():
        meta[key] = meta_value(value)
    return json.dumps({**ast, "meta": meta}, ensure_ascii=False).encode("utf-8")


def ast_to_docx(ast_json: bytes, reference: Path, epoch: int, document: str) -> bytes:
    """The text only: cover, contents and properties are added by ``word``."""
    return run(["--from", "json", "--to", "docx", f"--reference-doc={reference}", "-o", "-"], ast_json, epoch, document)


def ast_to_typst(ast_json: bytes, template: Path, epoch: int, document: str) -> str:
    out = run(["--from", "json", "--to", "typst", "--standalone", f"--template={template}", "--wrap=preserve"],
              ast_json, epoch, document)
    return out.decode("utf-8")
