"""The figures of one dossier, once for the documents and once for the page.

``figuren`` gives the drawings the templates place with ``{{ figuur("planning") }}``,
``{{ figuur("looptijd") }}`` and ``{{ figuur("escalatie") }}``; a figure whose facts are missing
(no planning dates, no contract period, no escalatiemodel) does not exist, and the template then
places nothing.
"""

from __future__ import annotations

from ..afleiding import Afgeleid
from ..documenten.figuren import Figuur
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
