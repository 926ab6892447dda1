"""dossier: tender dossiers for the Dutch social domain, checked and rendered from one YAML file.

The pipeline, one stage per sub-package, data flowing one way::

    invoer (load, parse)  ->  afleiding (derived facts)  ->  regels (checks)
        ->  documenten (template sets, context, render)  ->  uitvoer (pandoc, Word, PDF, write)

Public API, for other tools (stable from 0.2):

- ``controleer(pad)``: the findings, model and derived facts of one dossier file;
- ``bouw(pad, uit=..., formaten=..., status=...)``: check and build its documents;
- ``Dossier`` (the model), ``Afgeleid`` (its derived facts), ``Diagnostic`` (a finding) and
  ``DossierError`` (raised with coded findings by every stage).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .diagnostics import Diagnostic, DossierError
from .versie import __version__

if TYPE_CHECKING:
    from .opdrachten.bouw import Bouwresultaat
    from .opdrachten.controleer import Controle


def controleer(pad: str | Path) -> "Controle":
    """Check one dossier file against the schema and the rules.

    Returns a ``Controle`` with ``diagnostics`` (sorted findings), ``ok`` (no errors), ``exit_code``
    (0 or 1, as the command line), and, when the file parsed, ``dossier`` and ``afgeleid``: the version
    after the rectificaties of every nota van inlichtingen, which ``rectificaties`` lists.
    Never raises for a problem in the file: every problem is a coded ``Diagnostic``.
    """
    from .opdrachten.controleer import check_file

    return check_file(pad)


def bouw(pad: str | Path, uit: str | Path = "build", formaten: Iterable[str] = ("docx", "pdf"),
         status: str = "concept") -> "Bouwresultaat":
    """Check one dossier file and build its documents into ``uit/<name>/``.

    ``formaten``: any of ``docx``, ``pdf``, ``md``; ``status``: ``concept`` or ``definitief``.
    Returns a ``Bouwresultaat`` with ``afsluitcode``, ``meldingen`` and ``map`` (the folder written,
    or None when nothing was written; a failed build keeps the previous output).
    """
    from .opdrachten.bouw import build

    return build(pad, Path(uit), list(formaten), status)


def __getattr__(name: str) -> Any:
    # The model classes load pydantic; import them only when asked for.
    if name == "Dossier":
        from .invoer.model import Dossier

        return Dossier
    if name == "Afgeleid":
        from .afleiding import Afgeleid

        return Afgeleid
    raise AttributeError(name)


__all__ = ["Afgeleid", "Diagnostic", "Dossier", "DossierError", "__version__", "bouw", "controleer"]
