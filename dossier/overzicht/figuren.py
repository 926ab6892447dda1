"""The figures of one dossier, once for the documents and once for the page.

``figuren`` gives the drawings the templates place with ``{{ figuur("planning") }}``,
``{{ figuur("looptijd") }}`` and ``{{ figuur("escalatie") }}``; a figure whose facts are missing
(no planning dates, no contract period, no escalatiemodel) does not exist, and the template then
places nothing.
"""

from __future__ import annotations

from ..afleiding import Afgeleid
from ..documenten.figuren import Figuur
from ..documenten.huisstijl import Huisstijl
from ..invoer.model import Dossier
from . import ladder, tijdlijn
from .svg import DOCUMENT, Stijl


def figuren(d: Dossier, afgeleid: Afgeleid, stijl: Stijl = DOCUMENT) -> dict[str, Figuur]:
    """Every figure of this dossier, by name."""
    found: dict[str, Figuur] = {}
    for line in (tijdlijn.procedure(d, afgeleid), tijdlijn.contract(afgeleid)):
        if line is not None:
            found[line.naam] = Figuur(line.naam, line.titel, tijdlijn.beschrijving(line), tijdlijn.tekening(line, stijl))
    if d.escalatiemodel is not None:
        steps = ladder.treden(d.escalatiemodel)
        found["escalatie"] = Figuur("escalatie", "Escalatieladder", ladder.beschrijving(steps), ladder.tekening(d.escalatiemodel, stijl))
    return found


def stijl_voor(huisstijl: Huisstijl) -> Stijl:
    """Figures in the documents use the house font and colours, as the text around them does."""
    return Stijl(f"{huisstijl.lettertype}, {huisstijl.lettertype_vervanging}, sans-serif", False,
                 f"#{huisstijl.kleur_koppen}", _lighter(huisstijl.kleur_koppen))


def _lighter(colour: str, share: float = 0.45) -> str:
    """``colour`` mixed with ``share`` white: the option periods beside the firm initial term."""
    rgb = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)
