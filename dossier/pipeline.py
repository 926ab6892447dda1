"""The orchestrators: one function per command, reading like a table of contents.

load -> parse -> check (-> context -> render -> write for ``bouw``). Every stage raises
``DossierError`` with coded diagnostics; nothing else is expected to escape to the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import derive, nl
from .diagnostics import Diagnostic, DossierError, sort_key
from .load import LoadedDocument, load_file
from .model import Dossier
from .parse import parse_dossier
from .regels import check


@dataclass
class Checked:
    """What ``controleer`` learns about one file."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: LoadedDocument | None = None
    dossier: Dossier | None = None

    @property
    def ok(self) -> bool:
        return self.dossier is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        if not any(d.is_error for d in self.diagnostics):
            return 0
        return DossierError(self.diagnostics).exit_code


def check_file(path: str | Path) -> Checked:
    """Load, parse and check one dossier file; all findings sorted by position."""
    result = Checked(str(path))
    try:
        result.document = load_file(path)
        result.diagnostics.extend(result.document.warnings)
        result.dossier = parse_dossier(result.document)
        result.diagnostics.extend(check(result.dossier, result.document))
    except DossierError as exc:
        result.diagnostics.extend(exc.diagnostics)
    result.diagnostics.sort(key=sort_key)
    return result


def key_figures(dossier: Dossier) -> dict[str, str]:
    """The derived figures a procurement advisor checks first (``controleer --samenvatting``)."""
    term = derive.contract_term(dossier)
    regime = derive.regime(dossier, term)
    figures = {
        "looptijd": nl.looptijd_in_woorden(dossier.looptijd),
        "ingangsdatum": nl.datum(term.ingangsdatum) if term else "(onbekend)",
        "einddatum": nl.datum(term.einddatum) if term else "(onbekend)",
        "maximale einddatum": nl.datum(term.maximale_einddatum) if term else "(onbekend)",
        "waarde per jaar": nl.bedrag(derive.yearly_value(dossier)),
        "totale waarde incl. opties": nl.bedrag(derive.total_value(dossier, term)),
        "drempel": nl.bedrag(regime.drempel) if regime.drempel is not None else ("(onbekend)" if regime.naam == "onbekend" else "(niet van toepassing)"),
        "regime": regime.omschrijving,
    }
    end = derive.standstill_end(dossier)
    if end is not None and regime.naam in ("europees", "verlicht"):
        figures["einde opschortende termijn"] = nl.datum(end)
    return figures
