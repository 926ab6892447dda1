"""Which eForms contract notice fits a dossier, derived from the procedure and the regime.

The eForms SDK names one notice subtype per legal framework and kind of notice. For the tenders
this tool writes (services of a municipality under Directive 2014/24/EU) three contract notices
apply:

- **16** "Contract notice – general directive, standard regime": the full European regime;
- **20** "Contract notice – general directive, light regime": social and other specific services
  above their threshold (verlicht regime, art. 2.38-2.39 Aw 2012);
- **E3** "Voluntary contract notice": a national procedure below the threshold that is still
  announced publicly (openbaar or niet-openbaar). That TenderNed announces national tenders with
  this subtype is practice, not confirmed in a primary source [U].

An open house or a subsidietender is no public contract with a call for competition, and a
meervoudig or enkelvoudig onderhandse procedure is never announced: they have no contract notice.
Rules and exports share this decision, so the checker warns exactly where an export is possible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..invoer.model import Dossier
from .regime import NATIONAL_PROCEDURES, NOT_PROCUREMENT, Regime

SDK_VERSION = "1.15.1"

# BT-105 procurement-procedure-type, per procedure of the dossier (SAS: decided by its phases).
PROCEDURE_CODES = {
    "openbaar": "open",
    "niet-openbaar": "restricted",
    "mededingingsprocedure-met-onderhandeling": "neg-w-call",
    "concurrentiegerichte-dialoog": "comp-dial",
}


@dataclass(frozen=True)
class Aankondiging:
    """The contract notice that fits: subtype (OPP-070), form (BT-02), legal basis (BT-01), BT-105."""

    subtype: str
    notice_type: str
    rechtsgrond: str
    procedure_code: str
    omschrijving: str


def procedure_code(dossier: Dossier) -> str:
    """BT-105 of the procedure; a SAS procedure with a selection stage is 'other multiple stage'."""
    soort = dossier.procedure.soort
    if soort in PROCEDURE_CODES:
        return PROCEDURE_CODES[soort]
    multi = dossier.planning.verzoek_tot_deelneming is not None or len(dossier.procedure.fasen) > 1
    return "oth-mult" if multi else "oth-single"


def aankondiging(dossier: Dossier, regime: Regime) -> Aankondiging | str:
    """The fitting notice, or the reason there is none: 'geen-aanbesteding', 'onderhands', 'regime-onbekend'."""
    soort = dossier.procedure.soort
    if soort in NOT_PROCUREMENT:
        return "geen-aanbesteding"
    if soort in NATIONAL_PROCEDURES:
        return "onderhands"
    code = procedure_code(dossier)
    if regime.naam == "europees":
        return Aankondiging("16", "cn-standard", "32014L0024", code, "aankondiging van een opdracht, volledig Europees regime")
    if regime.naam == "verlicht":
        return Aankondiging("20", "cn-social", "32014L0024", code, "aankondiging van een opdracht, verlicht regime (sociale en andere specifieke diensten)")
    if regime.naam == "nationaal":
        return Aankondiging("E3", "cn-standard", "other", code, "vrijwillige aankondiging van een opdracht onder de Europese drempel")
    return "regime-onbekend"


@cache
def nuts_nl() -> dict[str, str]:
    """The Dutch NUTS-3 regions of the SDK's code list (code -> name), for checking a code offline."""
    path = f"data/schemas/eforms-sdk-{SDK_VERSION}/codelists/nuts_nuts-nld-lvl3.gc"
    text = resources.files("dossier").joinpath(path).read_text("utf-8")
    rows = re.findall(r"<Row>(.*?)</Row>", text, re.S)
    codes = {}
    for row in rows:
        code = re.search(r'ColumnRef="code">\s*<SimpleValue>([^<]+)', row)
        name = re.search(r'ColumnRef="Name">\s*<SimpleValue>([^<]+)', row)
        if code and name:
            codes[code.group(1)] = name.group(1)
    return codes
