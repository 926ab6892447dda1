"""Stage 6, exchange: the dossier as structured data for other systems (OCDS, eForms).

``exporteer(...)`` is the one entry point: it decides whether the export fits the procedure, builds
it from the shared facts (``gegevens``), validates it against the schema files in the package and
returns the bytes with the findings (what is still to be filled in, what failed). Nothing here
writes a file; ``opdrachten/exporteer.py`` and ``opdrachten/bouw.py`` do. The mapping per field
is in ``koppeling.md`` beside this module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..afleiding import Afgeleid
from ..afleiding.aankondiging import Aankondiging, aankondiging
from ..diagnostics import Diagnostic, DossierError, Location, make
from ..invoer.load import LoadedDocument
from ..invoer.model import Dossier
from . import eforms, ocds, schematron
from .gegevens import Gegevens, gegevens
from .schemas import eforms_errors, ocds_errors

FORMATS = {"ocds": "ocds-releasepakket.json", "eforms": "eforms-aankondiging.xml"}
TITLES = {"ocds": "OCDS-releasepakket", "eforms": "eForms-aankondiging"}
REFUSAL = {"geen-aanbesteding": "D720", "onderhands": "D721", "regime-onbekend": "D722"}


@dataclass
class Export:
    """One export: its file name, bytes (None when refused) and the findings."""

    formaat: str
    naam: str
    data: bytes | None = None
    meldingen: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(d.is_error for d in self.meldingen)


def build_files(manifest: dict | None) -> list[dict]:
    """The files of a build, flattened from its manifest, for the OCDS documents."""
    if not manifest:
        return []
    return [{"soort": d["soort"], "titel": d["titel"], **f} for d in manifest.get("documenten", []) for f in d["bestanden"]]


def exporteer(formaat: str, dossier: Dossier, afgeleid: Afgeleid, document: LoadedDocument, source: str,
              files: list[dict] | None = None, streng: bool = False) -> Export:
    """Build and validate the ``formaat`` export of a checked dossier."""
    result = Export(formaat, FORMATS[formaat])
    g = gegevens(dossier, afgeleid)
    if formaat == "ocds":
        if dossier.procedure.soort == "subsidietender":
            result.meldingen.append(make("D723", document.locate(("procedure", "soort"))))
            return result
        package = ocds.release_package(g, files)
        data, errors, schema = ocds.to_bytes(package), ocds_errors(package), "het OCDS 1.1.5-releasepakketschema met extensies"
        what = "OCDS-export"
    else:
        notice = aankondiging(dossier, afgeleid.regime)
        if not isinstance(notice, Aankondiging):
            result.meldingen.append(_refusal(notice, dossier, afgeleid, document))
            return result
        data = eforms.contract_notice(g, notice)
        errors, schema, what = eforms_errors(data), "de XSD van eForms SDK 1.15.1", "eForms-aankondiging"
    if errors:
        result.meldingen.append(make("D724", Location(source), wat=what, schema=schema, fouten="; ".join(errors[:5])))
        return result
    result.meldingen.extend(_missing(g, document, formaat))
    if streng and formaat == "eforms":
        result.meldingen.extend(_strict(data, notice.subtype, g, source))
    result.data = data
    return result


def _refusal(reason: str, dossier: Dossier, afgeleid: Afgeleid, document: LoadedDocument) -> Diagnostic:
    where = document.locate(("procedure", "soort"))
    if reason == "regime-onbekend":
        why = "geen raming" if afgeleid.totale_waarde is None else "de publicatiedatum valt buiten de drempeltabel"
        return make("D722", where, reden=why)
    return make(REFUSAL[reason], where, procedure=dossier.procedure.soort.replace("-", " "))


def _missing(g: Gegevens, document: LoadedDocument, formaat: str) -> list[Diagnostic]:
    hint = ("vul dit in TenderNed in, of zet het in het dossier" if formaat == "eforms"
            else "vul dit aan voordat het releasepakket wordt gepubliceerd, of zet het in het dossier")
    found = []
    for o in g.ontbrekend:
        where = document.locate(o.pad, on_key=True) if o.pad else Location(document.file)
        found.append(make("D728", where, veld=o.veld, wat=o.wat, hint=hint))
    return found


# Rules about a whole node name the node, not the field: the fields that fill it.
_NODES = {"ND-LotProcurementDocument": ("BT", 14), "ND-PostAwardProcess": ("BT", 92)}


def _field_key(text: str) -> tuple[str, int] | None:
    """('BT', 131) for 'BT-131(t)-Lot' and for rule 'BR-BT-00131-0079'; likewise OPT fields and node rules."""
    match = re.match(r"(?:BR-)?(BT|OPT)-0*(\d+)", text)
    if match:
        return match.group(1), int(match.group(2))
    return _NODES.get(text.rsplit("-", 1)[0])


def _strict(data: bytes, subtype: str, g: Gegevens, source: str) -> list[Diagnostic]:
    try:
        failures = schematron.check(data, subtype)
    except schematron.SchematronUnavailable as exc:
        return [make("D726", Location(source), reden=str(exc))]
    open_fields = {_field_key(o.veld) for o in g.ontbrekend} - {None}
    found, seen = [], set()
    for f in failures:
        if (f.regel, f.tekst) in seen:
            continue
        seen.add((f.regel, f.tekst))
        element = f.tekst.split(" rule|")[0]
        hint = ("dit veld staat op de lijst 'nog in te vullen'" if _field_key(f.regel) in open_fields
                else "controleer het gegeven in het dossier dat dit veld vult (zie koppeling.md)")
        found.append(make("D725", Location(source), regel=f.regel, tekst=element or f.tekst, plaats=f"subtype {subtype}", hint=hint))
    return found


def build_exports(formats: list[str], dossier: Dossier, afgeleid: Afgeleid, document: LoadedDocument, source: str,
                  manifest: bytes) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """The exports asked for in ``bouw --formaten``; one that does not fit the procedure is skipped (D729).

    ``manifest`` is the build's manifest so far: the OCDS documents are the files of this very build.
    """
    files: dict[str, bytes] = {}
    notes: list[Diagnostic] = []
    documents = build_files(json.loads(manifest))
    for formaat in (f for f in formats if f in FORMATS):
        export = exporteer(formaat, dossier, afgeleid, document, source, documents)
        errors = [d for d in export.meldingen if d.is_error]
        if export.data is None and errors and all(d.code in ("D720", "D721", "D722", "D723") for d in errors):
            notes.append(make("D729", errors[0].location, formaat=TITLES[formaat], reden=errors[0].message))
            continue
        if not export.ok or export.data is None:
            raise DossierError(export.meldingen)
        notes += export.meldingen
        files[export.naam] = export.data
    return files, notes


__all__ = ["FORMATS", "TITLES", "Export", "build_exports", "build_files", "exporteer"]
