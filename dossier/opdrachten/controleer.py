"""``controleer``: load -> parse -> derive -> check, for one dossier file.

Every stage raises ``DossierError`` with coded diagnostics; nothing else is expected to escape to
the user. The result (``Controle``) carries the loaded document, the model and the derived facts,
so ``bouw`` continues from it without reading or deriving anything again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import nl
from ..afleiding import Afgeleid, afleiden
from ..diagnostics import Diagnostic, DossierError, as_json, collapsed, sort_key, summary
from ..invoer.load import LoadedDocument, load_file
from ..invoer.model import Dossier
from ..invoer.parse import parse_dossier
from ..invoer.rectificaties import Rectificaties, toepassen
from ..regels import check
from .terminal import show

DEFAULT_OUT = "build"  # bouw's default --uit


@dataclass
class Controle:
    """What ``controleer`` learns about one file."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: LoadedDocument | None = None
    dossier: Dossier | None = None
    afgeleid: Afgeleid | None = None
    rectificaties: Rectificaties | None = None  # the structured changes of the nota's, when there are any

    @property
    def ok(self) -> bool:
        """True when the dossier parsed and no finding is an error (warnings allowed)."""
        return self.dossier is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def exit_code(self) -> int:
        if not any(d.is_error for d in self.diagnostics):
            return 0
        return DossierError(self.diagnostics).exit_code


def check_file(path: str | Path) -> Controle:
    """Load, parse, derive and check one dossier file; all findings sorted by position."""
    result = Controle(str(path))
    try:
        result.document = load_file(path)
        result.diagnostics.extend(result.document.warnings)
        result.dossier = parse_dossier(result.document)
        result.document, result.dossier, result.rectificaties = toepassen(result.document, result.dossier)  # the version after the last nota
        result.afgeleid = afleiden(result.dossier)
        result.diagnostics.extend(check(result.dossier, result.document, result.afgeleid))
    except DossierError as exc:
        result.diagnostics.extend(exc.diagnostics)
    result.diagnostics.sort(key=sort_key)
    return result


def write_overview(result: Controle, target: Path) -> None:
    """The overview page of a checked file, for a team that wants to look before it builds."""
    from ..overzicht import overzicht_html, write_page

    sha256 = result.document.sha256 if result.document is not None else None
    write_page(target, overzicht_html(Path(result.file).name, result.diagnostics, result.dossier, result.afgeleid, invoer_sha256=sha256))


def key_figures(dossier: Dossier, afgeleid: Afgeleid, rectificaties: Rectificaties | None = None) -> dict[str, str]:
    """The derived figures a procurement advisor checks first (``controleer --samenvatting``)."""
    term, regime = afgeleid.looptijd, afgeleid.regime
    figures = {
        "looptijd": nl.looptijd_in_woorden(dossier.looptijd),
        "ingangsdatum": nl.datum(term.ingangsdatum) if term else "(onbekend)",
        "einddatum": nl.datum(term.einddatum) if term else "(onbekend)",
        "maximale einddatum": nl.datum(term.maximale_einddatum) if term else "(onbekend)",
        "waarde per jaar": nl.bedrag(afgeleid.waarde_per_jaar),
        "totale waarde incl. opties": nl.bedrag(afgeleid.totale_waarde),
        "drempel": nl.bedrag(regime.drempel) if regime.drempel is not None else ("(onbekend)" if regime.naam == "onbekend" else "(niet van toepassing)"),
        "regime": regime.omschrijving,
    }
    if dossier.planning.inschrijving is not None:
        figures["uiterste datum inschrijving"] = nl.datum(dossier.planning.inschrijving)
    if rectificaties is not None and rectificaties.gewijzigd_bij:
        rondes = " en ".join(str(n) for n in rectificaties.gewijzigd_bij)
        figures["versie van de stukken"] = f"{dossier.aanbesteding.versie}, gewijzigd bij nota van inlichtingen {rondes}"
    end = afgeleid.opschortende_termijn_einde
    if end is not None and regime.naam in ("europees", "verlicht"):
        figures["einde opschortende termijn"] = nl.datum(end)
    return figures


def command_check(files: list[str], formaat: str, samenvatting: bool, html: str | None = None) -> int:
    """Check every file, print the findings (text or JSON) and return the worst exit code.

    ``html``: also write the overview page of the (one) file there, without building anything.
    """
    from ..uitvoer.write import interrupted  # only here: checking alone needs none of the output stage

    results = [check_file(f) for f in files]
    for result in results:  # a build into the default folder that was killed halfway: reported, not repaired
        result.diagnostics.extend(interrupted(Path(DEFAULT_OUT) / Path(result.file).name.removesuffix(".yaml").removesuffix(".yml")))
    diagnostics = [d for r in results for d in r.diagnostics]
    figures = {r.file: key_figures(r.dossier, r.afgeleid, r.rectificaties) for r in results if samenvatting and r.afgeleid is not None}
    if formaat == "json":
        payload = json.loads(as_json(diagnostics))
        out: object = {"meldingen": payload, "samenvatting": figures} if samenvatting else payload
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for d in collapsed(diagnostics):
            show(d.to_text())
        for name, values in figures.items():
            print(f"\n{name}: kerngegevens")
            width = max(len(k) for k in values)
            for key, value in values.items():
                print(f"  {key.ljust(width)}  {value}")
        show(summary(diagnostics, len(files)))
    if html is not None:
        write_overview(results[0], Path(html))
    return max((r.exit_code for r in results), default=0)
