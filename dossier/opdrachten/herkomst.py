"""``herkomst``: which template block, which set and which YAML fields wrote a clause of a Word file.

The Word file is one of a build (its folder holds ``manifest.json``) or one returned from review
(``--build`` names the build). The clause is a section number (``3.2``) or a piece of its text.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import DossierError, Location, make
from ..review.bouwherkomst import load_build, read_returned
from ..review.herkomstvraag import Herkomstantwoord, find_units
from ..review.terug import Terug
from ..review.verslag import show


def herkomst(word: str, question: str, build: str | None) -> Herkomstantwoord:
    path = Path(word)
    bouw = load_build(Path(build) if build else path.parent)
    dossier = str(bouw.manifest.get("dossier", "het dossier"))
    read = read_returned(path, bouw, dossier, word)
    units = read.document.eenheden
    placed = Terug(units, read.bouw_alineas, adviseur=None).units_of(read.alineas)  # type: ignore[arg-type]
    found, others = find_units(question, units, read.alineas, placed)
    if not found:
        raise DossierError([make("D632", Location(word), zoek=question, document=read.document.naam)])
    herkomst_data = read.document.herkomst
    return Herkomstantwoord(question, read.document.naam, units, herkomst_data.get("blokken", {}), herkomst_data.get("regels", {}),
                            dossier, found, others)


def command_herkomst(word: str, question: str, build: str | None, formaat: str) -> int:
    try:
        answer = herkomst(word, question, build)
    except DossierError as exc:
        show(formaat, "herkomst", exc.diagnostics)
        return exc.exit_code
    show(formaat, "herkomst", [], answer)
    return 0
