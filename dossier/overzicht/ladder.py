"""The escalation ladder: each level of the escalatiemodel as a step up, mediation, then the final forum.

The steps climb from the bottom left (the first, operational level) to the top right (the forum
that decides), which is how the model works: a level is reached only when the one below it has
not solved the dispute within its term. Each step names who sits at the table for both parties.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..documenten.context import FORUM_NAMES
from ..invoer.model import Escalatiemodel, Termijn
from . import svg
from .svg import Stijl

WIDTH = 640.0
BOX_W = 370.0
GAP = 14.0  # between one step and the next
MARGIN = 8.0


@dataclass(frozen=True)
class Trede:
    kop: str
    regels: tuple[str, ...]
    soort: str  # 'niveau', 'mediation', 'eindforum'


def termijn(t: Termijn | None) -> str:
    if t is not None and t.werkdagen:
        return f"Binnen {t.werkdagen} werkdagen"
    if t is not None and t.kalenderdagen:
        return f"Binnen {t.kalenderdagen} kalenderdagen"
    return "Geen termijn vastgelegd"


def treden(model: Escalatiemodel) -> list[Trede]:
    steps = []
    for number, niveau in enumerate(model.niveaus, start=1):
        who = tuple(f"{rol}: {naam}" for rol, naam in (("Opdrachtgever", niveau.opdrachtgever), ("Opdrachtnemer", niveau.opdrachtnemer)) if naam)
        steps.append(Trede(f"{number}. {niveau.naam}", (*who, termijn(niveau.termijn)), "niveau"))
    if model.mediation and model.mediation.toegepast:
        steps.append(Trede("Mediation", ("Als partijen daarvoor samen kiezen",), "mediation"))
    if model.eindforum:
        forum = FORUM_NAMES[model.eindforum.soort]
        steps.append(Trede("Eindforum: " + forum, (model.eindforum.instantie or "Beslist bindend",), "eindforum"))
    else:
        steps.append(Trede("Geen eindforum vastgelegd", ("Het model eindigt zonder bindende beslissing",), "eindforum"))
    return steps


def beschrijving(steps: list[Trede]) -> str:
    return "Escalatieladder, van het eerste niveau naar het eindforum. " + "; ".join(
        f"{s.kop}: {', '.join(s.regels)}" for s in steps) + "."


def tekening(model: Escalatiemodel, stijl: Stijl) -> str:
    """The SVG of the ladder: one box per step, an arrow up to the next."""
    steps = treden(model)
    n = len(steps)
    dx = min(90.0, (WIDTH - BOX_W - 2 * MARGIN) / max(n - 1, 1))
    heights = [28.0 + 15.0 * len(s.regels[:3]) for s in steps]
    height = MARGIN * 2 + sum(heights) + GAP * (n - 1)
    body: list[str] = []
    bottom = height - MARGIN
    for i, (step, box_h) in enumerate(zip(steps, heights)):
        x, y = MARGIN + i * dx, bottom - box_h
        final = step.soort == "eindforum"
        fill = stijl.huis if final else "#ffffff"
        ink = "#ffffff" if final else svg.INK
        dash = "5 4" if step.soort == "mediation" else None
        body.append(svg.rect(x, y, BOX_W, box_h, fill=fill, stroke=stijl.huis, stroke_width=1.5, stroke_dasharray=dash, rx=4))
        head = svg.wrap(step.kop, BOX_W - 20, 12.5, max_lines=1)[0]
        body.append(svg.text(x + 10, y + 19, head, font_weight=700, font_size=12.5, fill=ink))
        for j, regel in enumerate(step.regels[:3]):
            body.append(svg.text(x + 10, y + 36 + j * 15, svg.wrap(regel, BOX_W - 20, 11, max_lines=1)[0], font_size=11, fill=ink))
        if i + 1 < n:  # the arrow from the top of this step up to the next one
            ax = x + BOX_W - 40
            body.append(svg.line(ax, y, ax, y - GAP + 6, stroke=stijl.huis, stroke_width=1.5))
            body.append(svg.path(f"M{svg.num(ax - 5)} {svg.num(y - GAP + 7)}h10l-5 -7z", fill=stijl.huis))
        bottom = y - GAP
    return svg.document("escalatie", WIDTH, height, body, "Escalatieladder", beschrijving(steps), stijl)
