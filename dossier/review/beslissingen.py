"""The checker's decisions a lawyer should confirm, from ``Afgeleid``: regime, value, term, deadlines.

``bouw --met-uitleg`` puts each as a note in the concept, next to the sentence that shows it, so the
reviewing lawyer sees not only the warnings but also what the checker concluded and why. Each
decision is a coded message (D640-D646, severity ``toelichting``) with the YAML line it rests on,
plus what to anchor it on: the derived fact a template reads (``afgeleid.regime``), the YAML paths
it comes from, and the value as the document prints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import nl
from ..afleiding import Afgeleid, thresholds_for
from ..diagnostics import Diagnostic, make
from ..invoer.load import LoadedDocument, format_path
from ..invoer.model import Dossier

TOELICHTING = "toelichting"
_NOT_PROCUREMENT = {
    "open-house": "iedere aanbieder die aan de vooraf bekendgemaakte voorwaarden voldoet kan toetreden, zonder keuze tussen aanbieders",
    "subsidietender": "het subsidieplafond wordt bij beschikking verdeeld op grond van de Algemene wet bestuursrecht",
}


@dataclass(frozen=True)
class Beslissing:
    """A decision: its message, and where in the documents it belongs (paths, printed values)."""

    melding: Diagnostic
    paden: tuple[str, ...]
    waarden: tuple[str, ...] = ()


def beslissingen(d: Dossier, afgeleid: Afgeleid, document: LoadedDocument) -> list[Beslissing]:
    """Every decision that applies to this dossier, in a fixed order."""
    found: list[Beslissing] = []
    value_path: tuple[str | int, ...] = ("raming",) if d.raming is not None else ("percelen",)

    def add(code: str, path: tuple[str | int, ...], anchors: tuple[str, ...], shown: tuple[str, ...] = (), **values: object) -> None:
        found.append(Beslissing(make(code, document.locate(path), **values), anchors, shown))

    regime = afgeleid.regime
    if regime.naam == "geen-aanbesteding":
        add("D641", ("procedure", "soort"), ("afgeleid.regime", "afgeleid.competitief", "procedure.soort"),
            procedure=d.procedure.soort, reden=_NOT_PROCUREMENT.get(d.procedure.soort, ""))
    elif regime.drempel is not None and regime.waarde is not None:
        add("D640", value_path, ("afgeleid.regime",), (nl.bedrag(regime.waarde),), regime=regime.omschrijving,
            reden=_regime_reason(d, afgeleid))
    term = afgeleid.looptijd
    if afgeleid.totale_waarde is not None and term is not None:
        berekening = (f"de raming over de maximale looptijd van {nl.duur(term.maximale_maanden)}, "
                      f"inclusief {_options(len(term.opties))}")
        if d.raming is None and d.percelen:
            berekening += f", opgeteld over {nl.woord(len(d.percelen))} percelen"
        add("D642", value_path, ("afgeleid.totale_waarde",), (nl.bedrag(afgeleid.totale_waarde),),
            totaal=nl.bedrag(afgeleid.totale_waarde), berekening=berekening)
    if term is not None:
        opties = (f"met {_options(len(term.opties))} tot en met {nl.datum(term.maximale_einddatum)}" if term.opties
                  else "zonder verlengingsopties")
        add("D643", ("looptijd",), ("afgeleid.looptijd",), (nl.datum(term.maximale_einddatum), nl.datum(term.einddatum)),
            ingang=nl.datum(term.ingangsdatum), einde=nl.datum(term.einddatum), opties=opties)
    if afgeleid.competitief and afgeleid.opschortende_termijn_einde and d.planning.gunningsbeslissing:
        add("D644", ("planning", "gunningsbeslissing"), ("afgeleid.opschortende_termijn_einde", "planning.gunningsbeslissing"),
            (nl.datum(afgeleid.opschortende_termijn_einde),), einde=nl.datum(afgeleid.opschortende_termijn_einde),
            dagen=afgeleid.termijnen["opschortende_termijn"], verzending=nl.datum(d.planning.gunningsbeslissing))
    if afgeleid.competitief and d.planning.inschrijving:
        reden = ("Europees regime" if regime.naam == "europees"
                 else "geen wettelijke termijn buiten het Europese regime; gebruikelijke termijn")
        add("D645", ("planning", "inschrijving"), ("afgeleid.inlichtingen_dagen",),
            (f"{nl.woord(afgeleid.inlichtingen_dagen)} dagen",), dagen=afgeleid.inlichtingen_dagen, reden=reden)
    if afgeleid.peildatum is not None:
        bron = "de publicatiedatum" if d.planning.publicatie else "de ingangsdatum; er is nog geen publicatiedatum"
        path = ("planning", "publicatie") if d.planning.publicatie else ("looptijd", "ingangsdatum")
        add("D646", path, ("afgeleid.peildatum", format_path(path)), (nl.datum(afgeleid.peildatum),),
            datum=nl.datum(afgeleid.peildatum), bron=bron)
    return found


def _options(count: int) -> str:
    return "één verlenging" if count == 1 else f"{nl.woord(count)} verlengingen"


def _regime_reason(d: Dossier, afgeleid: Afgeleid) -> str:
    regime = afgeleid.regime
    assert regime.drempel is not None and regime.waarde is not None
    row = thresholds_for(afgeleid.peildatum) or {}
    period = ""
    if row:
        period = (f" (drempels van {nl.datum(row['geldig_van'])} tot en met {nl.datum(row['geldig_tot'])}, "
                  f"{row.get('grondslag', 'bron onbekend')}{'' if row.get('bron') == 'C' else ', niet bevestigd'})")
    kind = ("sociale en andere specifieke diensten" if regime.naam in ("verlicht",) or
            (d.aanbesteding.sociale_en_andere_specifieke_diensten and d.aanbesteding.soort_opdracht == "diensten")
            else d.aanbesteding.soort_opdracht)
    side = "gelijk aan of hoger dan" if regime.waarde >= regime.drempel else "lager dan"
    return (f"de geraamde waarde van {nl.bedrag(regime.waarde)} over de maximale looptijd met alle opties {side} "
            f"de drempel van {nl.bedrag(regime.drempel)} voor {kind} is{period}")


__all__ = ["TOELICHTING", "Beslissing", "beslissingen"]
