"""The OCDS 1.1 release package of a dossier: one release at the tender stage.

The package declares the extensions it uses (Lots, Options, Renewals, Award criteria, Submission
terms, pinned by commit in ``schemas.EXTENSIONS``) and is validated against the release-package
schema with those extensions patched in, from the files in the package. The mapping per field is
in ``koppeling.md`` beside this module.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ..afleiding.looptijd import Term
from ..invoer.model import Gunningscriteria
from .gegevens import Gegevens, Perceelgegevens, offset, stable_uuid
from .schemas import extension_urls

# procedure -> OCDS procurementMethod (closed code list) and a Dutch procurementMethodDetails.
METHODS = {
    "openbaar": ("open", "openbare procedure"),
    "niet-openbaar": ("selective", "niet-openbare procedure"),
    "sas-procedure": (None, "procedure voor sociale en andere specifieke diensten (art. 2.38-2.39 Aanbestedingswet 2012)"),
    "concurrentiegerichte-dialoog": ("selective", "concurrentiegerichte dialoog"),
    "mededingingsprocedure-met-onderhandeling": ("selective", "mededingingsprocedure met onderhandeling"),
    "meervoudig-onderhands": ("limited", "meervoudig onderhandse procedure"),
    "enkelvoudig-onderhands": ("direct", "enkelvoudig onderhandse procedure"),
    "open-house": ("open", "open house: toelating van iedere aanbieder die aan vaste voorwaarden voldoet, zonder rangschikking"),
}
CATEGORY = {"diensten": "services", "leveringen": "goods", "werken": "works"}
BASIS = {"bpkv": "ratedCriteria", "laagste-prijs": "priceOnly", "laagste-kosten": "costOnly"}
CRITERION_TYPE = {"kwaliteit": "quality", "prijs": "price", "kosten": "cost"}
DOCUMENT_TYPE = {"leidraad": "biddingDocuments", "nota": "clarifications", "bijlage": "contractAnnexe"}
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
         "md": "text/markdown"}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _start(day: dt.date) -> str:
    """A date as the start of that Dutch day (OCDS asks a date-time; the dossier plans in days)."""
    return f"{day.isoformat()}T00:00:00{offset(day)}"


def _end(day: dt.date) -> str:
    """A date as the end of that Dutch day; the exact time is 'nog in te vullen'."""
    return f"{day.isoformat()}T23:59:59{offset(day)}"


def _value(amount: Decimal | None) -> dict | None:
    return {"amount": _number(amount), "currency": "EUR"} if amount is not None else None


def _period(term: Term | None) -> dict | None:
    if term is None:
        return None
    return {
        "startDate": _start(term.ingangsdatum),
        "endDate": _end(term.einddatum),
        "maxExtentDate": _end(term.maximale_einddatum),
        "durationInDays": (term.einddatum - term.ingangsdatum).days + 1,
    }


def _criteria(criteria: Gunningscriteria) -> dict:
    items = []
    for c in criteria.criteria:
        description = c.omschrijving or ""
        if c.subcriteria:
            subs = ", ".join(f"{s.naam} ({s.weging.normalize():f})" for s in c.subcriteria)
            description = (description + " " if description else "") + f"Subcriteria: {subs}."
        item: dict[str, Any] = {"type": CRITERION_TYPE[c.soort], "name": c.naam}
        if description:
            item["description"] = description
        item["numbers"] = [{"number": _number(c.weging), "weight": "percentageExact"}]
        items.append(item)
    return {"criteria": items}


def _lot(g: Gegevens, lot: Perceelgegevens) -> dict:
    term = g.afgeleid.looptijd
    data: dict[str, Any] = {"id": lot.id, "title": lot.naam, "description": lot.omschrijving}
    if lot.waarde is not None:
        data["value"] = _value(lot.waarde)
    if term:
        data["contractPeriod"] = _period(term)
    data["hasRenewal"] = bool(g.verlengingen)
    if g.verlengingen and term:
        data["renewal"] = {
            "description": g.verlenging_tekst(),
            "maximumRenewals": g.verlengingen_totaal,
            "period": {"startDate": _start(term.opties[0].begin), "endDate": _end(term.maximale_einddatum)},
        }
    if lot.criteria is not None and lot.criteria.criteria:
        data["awardCriteria"] = _criteria(lot.criteria)
    return data


def _item(lot: Perceelgegevens) -> dict | None:
    if not lot.cpv:
        return None
    item: dict[str, Any] = {"id": lot.id, "description": lot.naam, "classification": {"scheme": "CPV", "id": lot.cpv[0]}}
    if len(lot.cpv) > 1:
        item["additionalClassifications"] = [{"scheme": "CPV", "id": code} for code in lot.cpv[1:]]
    item["relatedLot"] = lot.id
    return item


def _milestones(g: Gegevens) -> list[dict]:
    p = g.dossier.planning
    planned = [
        ("publicatie", "Publicatie van de aankondiging", "engagement", p.publicatie),
        ("verzoek-tot-deelneming", "Uiterste datum verzoek tot deelneming", "engagement", p.verzoek_tot_deelneming),
        ("uitnodiging-tot-inschrijving", "Uitnodiging tot inschrijving", "engagement", p.uitnodiging_tot_inschrijving),
        ("inschrijving", "Uiterste datum van inschrijving", "engagement", p.inschrijving),
        ("gunningsbeslissing", "Verzending van de gunningsbeslissing", "approval", p.gunningsbeslissing),
        ("ondertekening", "Ondertekening van de overeenkomst", "approval", p.ondertekening),
        ("aankondiging-gunning", "Aankondiging van de gegunde opdracht", "engagement", p.aankondiging_gunning),
    ]
    planned += [(f"nvi-{r.ronde}", f"Nota van inlichtingen, ronde {r.ronde}", "engagement", r.datum) for r in g.dossier.inlichtingen]
    planned += [(f"overig-{i + 1}", m.omschrijving, "engagement", m.datum) for i, m in enumerate(p.overige)]
    dated = sorted((day, key, title, kind) for key, title, kind, day in planned if day is not None)
    return [{"id": key, "title": title, "type": kind, "dueDate": _end(day)} for day, key, title, kind in dated]


def _documents(files: list[dict]) -> list[dict]:
    """The build's files (from its manifest) with their SHA-256; OCDS has no hash field, so it goes in the description."""
    documents = []
    for entry in files:
        extension = entry["naam"].rsplit(".", 1)[-1]
        documents.append({
            "id": entry["naam"],
            "documentType": DOCUMENT_TYPE.get(entry["soort"], "biddingDocuments"),
            "title": entry["titel"],
            "description": f"SHA-256: {entry['sha256']}",
            "format": MEDIA.get(extension, "application/octet-stream"),
            "language": "nl",
        })
    return documents


def _party(g: Gegevens) -> dict:
    dienst = g.dossier.aanbesteding.aanbestedende_dienst
    party: dict[str, Any] = {"id": f"NL-KVK-{dienst.kvk_nummer}" if dienst.kvk_nummer else "buyer", "name": dienst.naam}
    if dienst.kvk_nummer:
        party["identifier"] = {"scheme": "NL-KVK", "id": dienst.kvk_nummer, "legalName": dienst.naam}
    else:
        g.missing("parties/identifier", "KvK-nummer van de aanbestedende dienst ('kvk_nummer')", ("aanbesteding", "aanbestedende_dienst"))
    address = {k: v for k, v in (("streetAddress", dienst.adres), ("locality", dienst.plaats), ("postalCode", dienst.postcode)) if v}
    party["address"] = address | {"countryName": "Nederland"}
    if dienst.contactpersoon:
        c = dienst.contactpersoon
        party["contactPoint"] = {k: v for k, v in (("name", c.naam), ("email", c.email), ("telephone", c.telefoon), ("url", dienst.website)) if v}
    party["roles"] = ["buyer", "procuringEntity"]
    return party


def release_package(g: Gegevens, files: list[dict] | None) -> dict:
    """The release package as plain data; ``files`` are the build's files, when a build exists."""
    d, a = g.dossier, g.dossier.aanbesteding
    day = d.planning.publicatie or g.afgeleid.peildatum or dt.date(2000, 1, 1)
    published = _start(day)
    party = _party(g)
    method, details = METHODS.get(d.procedure.soort, (None, d.procedure.soort))
    if method is None:  # SAS: the authority designs it; with a selection stage it is selective
        method = "selective" if d.planning.verzoek_tot_deelneming or len(d.procedure.fasen) > 1 else "open"
    tender: dict[str, Any] = {"id": a.kenmerk, "title": a.titel, "description": a.omschrijving}
    tender["procuringEntity"] = {"id": party["id"], "name": party["name"]}
    items = [item for item in (_item(lot) for lot in g.percelen) if item]
    if items:
        tender["items"] = items
    if g.afgeleid.totale_waarde is not None:
        tender["value"] = _value(g.afgeleid.totale_waarde)
    tender["procurementMethod"] = method
    tender["procurementMethodDetails"] = details
    if d.procedure.motivering:
        tender["procurementMethodRationale"] = d.procedure.motivering
    tender["mainProcurementCategory"] = CATEGORY[a.soort_opdracht]
    if d.gunningscriteria is not None:
        tender["awardCriteria"] = BASIS[d.gunningscriteria.basis]
        if d.gunningscriteria.beoordelingsmethodiek:
            tender["awardCriteriaDetails"] = d.gunningscriteria.beoordelingsmethodiek
    if d.procedure.elektronisch_inschrijven:
        tender["submissionMethod"] = ["electronicSubmission"]
    if d.planning.inschrijving:
        tender["tenderPeriod"] = {"startDate": published, "endDate": _end(d.planning.inschrijving)}
        g.missing("tender/tenderPeriod/endDate", "het tijdstip van de uiterste inschrijving (de export neemt het einde van de dag)",
                  ("planning", "inschrijving"))
    questions = [r.vragen_uiterlijk for r in d.inlichtingen if r.vragen_uiterlijk]
    if questions:
        tender["enquiryPeriod"] = {"startDate": published, "endDate": _end(max(questions))}
    if g.afgeleid.looptijd:
        tender["contractPeriod"] = _period(g.afgeleid.looptijd)
    tender["hasRenewal"] = bool(g.verlengingen)
    if files:
        tender["documents"] = _documents(files)
    milestones = _milestones(g)
    if milestones:
        tender["milestones"] = milestones
    tender["lots"] = [_lot(g, lot) for lot in g.percelen]
    if d.max_percelen_per_inschrijver:
        tender["lotDetails"] = {"maximumLotsBidPerSupplier": d.max_percelen_per_inschrijver}
    terms: dict[str, Any] = {"languages": ["nl"]}
    if d.procedure.elektronisch_inschrijven:
        terms["electronicSubmissionPolicy"] = "required"
    if d.procedure.gestanddoeningstermijn_dagen:
        terms["bidValidityPeriod"] = {"durationInDays": d.procedure.gestanddoeningstermijn_dagen}
    tender["submissionTerms"] = terms
    g.missing("ocid", "de OCID-prefix die de Open Contracting Partnership aan de publicerende organisatie toekent (nu 'ocds-xxxxxx')")
    release = {
        "ocid": f"ocds-xxxxxx-{a.kenmerk}",
        "id": f"{a.kenmerk}-{a.versie}-tender",
        "date": published,
        "tag": ["tender"],
        "initiationType": "tender",
        "parties": [party],
        "buyer": {"id": party["id"], "name": party["name"]},
        "tender": tender,
        "language": "nl",
    }
    return {
        "uri": f"urn:uuid:{stable_uuid('ocds', a.kenmerk, a.versie)}",
        "version": "1.1",
        "extensions": extension_urls(),
        "publishedDate": published,
        "publisher": {"name": a.aanbestedende_dienst.naam},
        "releases": [release],
    }


def to_bytes(package: dict) -> bytes:
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
