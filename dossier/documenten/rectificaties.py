"""Rectificaties in the documents: changed block texts, the version line and the nota's list.

A ``{blok: klachten, tekst: ...}`` change replaces the text of a template block without touching
a template file: an in-memory layer in front of the chain holds, for every template that has the
block, a child template (``{% extends "!~/<name>" %}``, where ``!~`` is the unchanged chain) that
overrides just that block. The new text is never template source: it reaches the block as a value,
is escaped like every value (paragraphs, ``##`` headings and ``-`` items stay what they are), and
keeps the heading the block had. A block that no template has is refused (D654), because the
clause would otherwise silently stay as it was. While the guide renders, the original text of each
replaced block is kept, so the nota can print it next to the new text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import jinja2

from ..diagnostics import DossierError, make
from ..invoer.rectificaties import Rectificatie, Rectificaties
from .blokken import _blocks
from .herkomst import without_markers
from .markdown import Md, md_escape

OVERLAY = "!~"  # prefix of the unchanged chain; '~' is not allowed in a set's name
_BLOCK_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SAFE_TEMPLATE = re.compile(r"[A-Za-z0-9_./-]+")
_HEADING = re.compile(r"#{1,6} ")


@dataclass
class Blokken:
    """Per build: the current text of each changed block and, once rendered, the text it replaced."""

    tekst: dict[str, str]
    oud: dict[str, str] = field(default_factory=dict)


def overlay(env: jinja2.Environment, records: list[Rectificatie]) -> tuple[tuple[str, str], ...]:
    """(template name, source) of the layer that overrides every changed block; D654 for a block nobody has."""
    changed = {r.doel for r in records if r.soort == "tekst"}
    if not changed:
        return ()
    names = [n for n in env.loader.list_templates() if not n.startswith("!") and n.endswith(".j2") and _SAFE_TEMPLATE.fullmatch(n)]
    defined = {name: _blocks(env, name) for name in names}
    unknown = [r for r in records if r.soort == "tekst" and (not _BLOCK_NAME.fullmatch(r.doel) or not any(r.doel in b for b in defined.values()))]
    if unknown:
        known = sorted(set().union(*defined.values()))
        raise DossierError([make("D654", r.waar, nummer=r.nummer, blok=r.doel, hint="blokken in deze sjablonen: " + ", ".join(known))
                            for r in unknown])
    layer = []
    for name, blocks in sorted(defined.items()):
        mine = sorted(changed & blocks)
        if mine:
            body = "".join(f'{{% block {b} %}}{{{{ rectificatie_blok("{b}", super()) }}}}{{% endblock %}}' for b in mine)
            layer.append((name, f'{{% extends "{OVERLAY}/{name}" %}}{body}'))
    return tuple(layer)


@jinja2.pass_context
def rectificatie_blok(context: Any, naam: str, origineel: str) -> Md:
    """The new text of block ``naam`` under the heading the block had; keeps the original for the nota."""
    blokken: Blokken = context["rectificatie_blokken"]
    kop, romp = _split_heading(without_markers(str(origineel)))  # the markers trace the replaced text, not the new
    blokken.oud.setdefault(naam, romp)
    return Md((kop + "\n\n" if kop else "") + bloktekst(blokken.tekst[naam]) + "\n\n")


def _split_heading(markdown: str) -> tuple[str, str]:
    lines = markdown.strip("\n").split("\n")
    if lines and _HEADING.match(lines[0]):
        return lines[0], "\n".join(lines[1:]).strip("\n")
    return "", markdown.strip("\n")


def bloktekst(tekst: str) -> Md:
    """A block's new text: paragraphs, ``##`` headings and ``-`` lists; everything else escaped, never syntax."""
    parts = []
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n", tekst) if p.strip()):
        lines = paragraph.splitlines()
        heading = re.fullmatch(r"(#{2,6})\s+(.+)", paragraph)
        if heading and len(lines) == 1:
            parts.append(f"{heading.group(1)} {md_escape(heading.group(2))}")
        elif all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            parts.append("\n".join(f"- {md_escape(line.lstrip()[2:])}" for line in lines))
        else:
            parts.append(md_escape(paragraph))
    return Md("\n\n".join(parts))


def _quote(markdown: str) -> Md:
    return Md("\n".join(f"> {line}" if line else ">" for line in markdown.split("\n")))


@dataclass
class Lijst:
    """What the nota's list of rectificaties reads (``sjablonen/basis/nota/rectificaties.md.j2``)."""

    records: tuple[Rectificatie, ...] = ()
    blokken: Blokken = field(default_factory=lambda: Blokken({}))

    def van(self, ronde: int) -> list[Rectificatie]:
        return [r for r in self.records if r.ronde == ronde]

    def tabel(self, ronde: int) -> list[list[Any]]:
        """Rows vraag | onderdeel | was | wordt for the changed fields of round ``ronde``."""
        return [[r.nummer, r.onderdeel, r.oud_tekst, r.nieuw_tekst] for r in self.van(ronde) if r.soort == "gegeven"]

    def teksten(self, ronde: int) -> list[dict[str, Any]]:
        """The replaced block texts of round ``ronde``: old and new, each as a quotation."""
        found = []
        for r in self.van(ronde):
            if r.soort != "tekst":
                continue
            earlier = [e for e in self.records if e.soort == "tekst" and e.doel == r.doel and e.ronde < ronde]
            old = bloktekst(earlier[-1].nieuw) if earlier else self.blokken.oud.get(r.doel)
            found.append({"nummer": r.nummer, "blok": r.doel, "oud": _quote(old) if old else None, "nieuw": _quote(bloktekst(r.nieuw))})
        return found


def context_for(rectificaties: Rectificaties | None, versie: str) -> dict[str, Any]:
    """The template variables of the rectificaties: the list for the nota, the version line, the block texts."""
    if rectificaties is None:
        return {"rectificaties": Lijst(), "gewijzigd": None}
    blokken = Blokken(rectificaties.blokteksten())
    rounds = rectificaties.gewijzigd_bij
    bij = (f"nota van inlichtingen {rounds[0]}" if len(rounds) == 1
           else "de nota's van inlichtingen " + ", ".join(map(str, rounds[:-1])) + f" en {rounds[-1]}") if rounds else ""
    return {
        "rectificaties": Lijst(rectificaties.lijst, blokken),
        "gewijzigd": {"versie": versie, "bij": bij, "rondes": list(rounds)} if rounds else None,
        "rectificatie_blokken": blokken,
        "rectificatie_blok": rectificatie_blok,
    }
