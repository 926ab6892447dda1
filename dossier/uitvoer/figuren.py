"""Figures into Word and PDF: the SVG of each ``figuur-<naam>.svg`` reference, handed to pandoc and Typst.

Word: pandoc's docx writer embeds an SVG as Office's ``asvg:svgBlip`` (Word 2016 and later draw
the vector), but the PNG every other reader needs it only makes with ``rsvg-convert``, which is
not installed. So pandoc gets the SVG as a data URI, and ``png_fallbacks`` then adds the PNG
to each picture (drawn by Typst from the same SVG, with Typst's own fonts, so the same bytes on
every machine) as the picture's main image, the way Word itself stores an SVG.

PDF: Typst reads files only inside its root (the template sets), so the SVG goes in as a
``sys.inputs`` string and the picture becomes ``image(bytes(...))``; the Typst source never
contains a value of the dossier, not even the text alternative.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from typing import Any, Callable, Mapping

import docx
import typst
from docx.oxml.ns import qn

from ..documenten.figuren import Figuur
from .pandoc import inlines

SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
PNG_PPI = 192  # twice the screen resolution Word assumes: sharp when printed at the text width


def _replace(ast: dict[str, Any], figures: Mapping[str, Figuur], make: Callable[[Figuur], dict[str, Any]]) -> dict[str, Any]:
    """A copy of a pandoc AST in which every ``Image`` that refers to a figure is ``make(figure)``."""
    files = {f.bestand: f for f in figures.values()}

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if isinstance(node, dict):
            if node.get("t") == "Image" and node["c"][2][0] in files:
                return make(files[node["c"][2][0]])
            return {key: walk(value) for key, value in node.items()}
        return node

    return walk(ast) if files else ast


def _word_image(figure: Figuur) -> dict[str, Any]:
    uri = "data:image/svg+xml;base64," + base64.b64encode(figure.svg.encode("utf-8")).decode("ascii")
    return {"t": "Image", "c": [[f"figuur-{figure.naam}", [], []], inlines(figure.alt)["c"], [uri, ""]]}


def _typst_image(figure: Figuur) -> dict[str, Any]:
    key = f"figuur-{figure.naam}"
    code = f'#image(bytes(sys.inputs.at("{key}")), format: "svg", width: 100%, alt: sys.inputs.at("{key}-alt"))'
    return {"t": "RawInline", "c": ["typst", code]}


def for_word(ast: dict[str, Any], figures: Mapping[str, Figuur]) -> dict[str, Any]:
    """Each figure reference -> the SVG as a data URI, its full text alternative as the picture's description."""
    return _replace(ast, figures, _word_image)


def for_typst(ast: dict[str, Any], figures: Mapping[str, Figuur]) -> dict[str, Any]:
    """Each figure reference -> a Typst image read from ``sys.inputs`` (see ``typst_inputs``)."""
    return _replace(ast, figures, _typst_image)


def typst_inputs(figures: Mapping[str, Figuur]) -> dict[str, str]:
    inputs: dict[str, str] = {}
    for figure in figures.values():
        inputs[f"figuur-{figure.naam}"] = figure.svg
        inputs[f"figuur-{figure.naam}-alt"] = figure.alt
    return inputs


@lru_cache(maxsize=64)
def png(svg: str, font_paths: tuple[str, ...] = ()) -> bytes:
    """The SVG drawn as PNG by Typst, with the house fonts and Typst's own: the same bytes everywhere."""
    source = b'#set page(width: auto, height: auto, margin: 0pt, fill: white)\n#image(bytes(sys.inputs.svg), format: "svg")\n'
    return typst.compile(source, format="png", ppi=PNG_PPI, ignore_system_fonts=True, font_paths=list(font_paths),
                         sys_inputs={"svg": svg})


def png_fallbacks(data: bytes, figures: Mapping[str, Figuur], font_paths: tuple[str, ...] = ()) -> bytes:
    """Give every SVG picture pandoc wrote its PNG, for readers that do not draw SVG."""
    by_svg = {f.svg.encode("utf-8"): f for f in figures.values()}
    document = docx.Document(io.BytesIO(data))
    part = document.part
    changed = False
    for blip in part.element.iter(qn("a:blip")):
        extension = next(blip.iter(SVG_BLIP), None)
        if extension is None or blip.get(qn("r:embed")):
            continue
        figure = by_svg.get(part.related_parts[extension.get(qn("r:embed"))].blob)
        if figure is None:
            continue
        rid, _ = part.get_or_add_image(io.BytesIO(png(figure.svg, font_paths)))
        blip.set(qn("r:embed"), rid)
        picture = blip.getparent().getparent()
        for name in picture.iter(qn("pic:cNvPr")):
            name.set("descr", figure.bestand)  # pandoc put the whole data URI here
        changed = True
    if not changed:
        return data
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
