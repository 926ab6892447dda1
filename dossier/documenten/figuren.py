"""Figures in documents: what a figure is, and the ``figuur("naam")`` call templates use to place one.

The drawings themselves (SVG) are made by ``overzicht``, a later stage; the renderer only learns
which figures exist and their captions, and puts a Markdown image reference where a template asks
for one. ``uitvoer`` then hands the SVG to pandoc (Word) and Typst (PDF) by that reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import jinja2

from .markdown import Md, md_escape


@dataclass(frozen=True)
class Figuur:
    """One figure of a dossier: a vector drawing with its caption and its text alternative."""

    naam: str  # 'planning', 'looptijd', 'escalatie'
    titel: str  # the caption under the figure
    alt: str  # the full text alternative: everything the figure shows, in words
    svg: str

    @property
    def bestand(self) -> str:
        """The reference in the Markdown; never a value of the dossier, so never forged by one."""
        return f"figuur-{self.naam}.svg"


@jinja2.pass_context
def figuur(context: jinja2.runtime.Context, naam: str) -> Md:
    """``{{ figuur("planning") }}``: the figure as its own paragraph, or nothing when it does not exist."""
    figures: Mapping[str, Any] = context.get("figuren") or {}
    found = figures.get(naam)
    if found is None:
        return Md("")
    return Md(f"\n\n![{md_escape(found.titel)}]({found.bestand})\n\n")
