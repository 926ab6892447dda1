"""How much one dossier may ask of a build: refused early, with a coded limit, above that.

A dossier with 5,000 percelen or 900 questions of several pages each is valid YAML, but building it
takes minutes and gigabytes (pandoc and Typst lay out every table row and every page). The limits
below sit far above real tenders (a regional tender of eleven municipalities has some forty percelen
and five hundred questions) and well below where a build stops being reasonable; the check runs
before any template is touched.
"""

from __future__ import annotations

from ..diagnostics import DossierError, make
from ..invoer.load import LoadedDocument
from ..invoer.model import Dossier

MAX_PERCELEN = 250
MAX_VRAGEN = 2_000
MAX_TEKENS = 1_500_000  # characters of text in all values together: some 600 pages


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def check_size(d: Dossier, loaded: LoadedDocument) -> None:
    """Raise D544 for every part of the dossier over its limit."""
    found = []
    vragen = sum(len(ronde.vragen) for ronde in d.inlichtingen)
    tekens = sum(len(value) for _, value in loaded.text_values())
    for path, count, limit, what in ((("percelen",), len(d.percelen), MAX_PERCELEN, "percelen"),
                                     (("inlichtingen",), vragen, MAX_VRAGEN, "vragen in de vragenrondes"),
                                     ((), tekens, MAX_TEKENS, "tekens tekst")):
        if count > limit:
            found.append(make("D544", loaded.locate(path), aantal=_number(count), wat=what, maximum=_number(limit)))
    if found:
        raise DossierError(found)
