"""The eForms contract notice of a dossier (UBL 2.3 ``ContractNotice``, SDK 1.15.1).

The subtype follows from procedure and regime (``afleiding.aankondiging``: 16, 20 or E3). Each
element carries the business term it fills (BT-...), as in ``koppeling.md``. What the notice needs
and the dossier does not hold is left out of the XML and listed in a comment at the top as
"nog in te vullen", with its field id; the export never invents a value. The XML is checked
against the SDK's XSD before it is returned; ``schematron.py`` adds the SDK's business rules.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lxml import etree

from ..afleiding.aankondiging import Aankondiging
from .gegevens import Gegevens, Perceelgegevens, offset, stable_uuid

NS = {
    None: "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
    "efac": "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1",
    "efbc": "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1",
    "efext": "http://data.europa.eu/p27/eforms-ubl-extensions/1",
}
LANG = "NLD"
BUYER = "ORG-0001"
CONTRACT_NATURE = {"diensten": "services", "leveringen": "supplies", "werken": "works"}
CRITERION_TYPE = {"kwaliteit": "quality", "prijs": "price", "kosten": "cost"}


def _qname(tag: str) -> str:
    prefix, _, local = tag.rpartition(":")
    return f"{{{NS[prefix or None]}}}{local}"


def el(parent: etree._Element, tag: str, text: object = None, **attrs: str) -> etree._Element:
    """Append ``<tag attrs>text</tag>``; ``languageID`` is added to every text element that is prose."""
    node = etree.SubElement(parent, _qname(tag), {k: v for k, v in attrs.items()})
    if text is not None:
        node.text = str(text)
    return node


def _date(day: dt.date) -> str:
    return f"{day.isoformat()}{offset(day)}"


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _cpv(code: str) -> str:
    return code.split("-")[0]  # eForms takes the eight digits without the check digit


def _extension(parent: etree._Element) -> etree._Element:
    content = el(el(el(parent, "ext:UBLExtensions"), "ext:UBLExtension"), "ext:ExtensionContent")
    return el(content, "efext:EformsExtension")


def _organization(g: Gegevens, extension: etree._Element) -> None:
    dienst = g.dossier.aanbesteding.aanbestedende_dienst
    company = el(el(el(extension, "efac:Organizations"), "efac:Organization"), "efac:Company")
    if dienst.website:
        el(company, "cbc:WebsiteURI", dienst.website)  # BT-505
    el(el(company, "cac:PartyIdentification"), "cbc:ID", BUYER, schemeName="organization")  # OPT-200
    el(el(company, "cac:PartyName"), "cbc:Name", dienst.naam, languageID=LANG)  # BT-500
    address = el(company, "cac:PostalAddress")
    if dienst.adres:
        el(address, "cbc:StreetName", dienst.adres)  # BT-510(a)
    if dienst.plaats:
        el(address, "cbc:CityName", dienst.plaats)  # BT-513
    else:
        g.missing("BT-513-Organization-Company", "plaats van de aanbestedende dienst", ("aanbesteding", "aanbestedende_dienst"))
    if dienst.postcode:
        el(address, "cbc:PostalZone", dienst.postcode)  # BT-512
    else:
        g.missing("BT-512-Organization-Company", "postcode van de aanbestedende dienst", ("aanbesteding", "aanbestedende_dienst"))
    if dienst.nuts_code:
        el(address, "cbc:CountrySubentityCode", dienst.nuts_code, listName="nuts")  # BT-507
    else:
        g.missing("BT-507-Organization-Company", "NUTS-code van de aanbestedende dienst ('nuts_code')", ("aanbesteding", "aanbestedende_dienst"))
    el(el(address, "cac:Country"), "cbc:IdentificationCode", "NLD", listName="country")  # BT-514
    if dienst.kvk_nummer:
        el(el(company, "cac:PartyLegalEntity"), "cbc:CompanyID", dienst.kvk_nummer, schemeName="NL-KVK")  # BT-501
    else:
        g.missing("BT-501-Organization-Company", "KvK-nummer van de aanbestedende dienst ('kvk_nummer')", ("aanbesteding", "aanbestedende_dienst"))
    person = dienst.contactpersoon
    contact = el(company, "cac:Contact") if person and (person.telefoon or person.email) else None  # never an empty element
    if person and person.telefoon:
        el(contact, "cbc:Telephone", person.telefoon)  # BT-503
    else:
        g.missing("BT-503-Organization-Company", "telefoonnummer van de aanbestedende dienst (contactpersoon 'telefoon')",
                  ("aanbesteding", "aanbestedende_dienst", "contactpersoon"))
    if person and person.email:
        el(contact, "cbc:ElectronicMail", person.email)  # BT-506
    else:
        g.missing("BT-506-Organization-Company", "e-mailadres van de aanbestedende dienst (contactpersoon 'email')",
                  ("aanbesteding", "aanbestedende_dienst", "contactpersoon"))


def _contracting_party(root: etree._Element, g: Gegevens) -> None:
    party = el(root, "cac:ContractingParty")
    if g.dossier.aanbesteding.aanbestedende_dienst.naam.startswith("Gemeente "):
        # A municipality: a local authority (BT-11) whose main activity is general public services (BT-10).
        el(el(party, "cac:ContractingPartyType"), "cbc:PartyTypeCode", "la", listName="buyer-legal-type")
        el(el(party, "cac:ContractingActivity"), "cbc:ActivityTypeCode", "gen-pub", listName="authority-activity")
    else:
        g.missing("BT-11-Procedure-Buyer", "rechtsvorm van de koper (bijvoorbeeld 'la', lokale overheid)")
        g.missing("BT-10-Procedure-Buyer", "hoofdactiviteit van de koper (bijvoorbeeld 'gen-pub')")
    el(el(el(party, "cac:Party"), "cac:PartyIdentification"), "cbc:ID", BUYER, schemeName="organization")  # OPT-300


def _classification(project: etree._Element, codes: tuple[str, ...]) -> None:
    el(el(project, "cac:MainCommodityClassification"), "cbc:ItemClassificationCode", _cpv(codes[0]), listName="cpv")  # BT-262
    for code in codes[1:]:
        el(el(project, "cac:AdditionalCommodityClassification"), "cbc:ItemClassificationCode", _cpv(code), listName="cpv")  # BT-263


def _procedure(root: etree._Element, g: Gegevens, notice: Aankondiging) -> None:
    d, a = g.dossier, g.dossier.aanbesteding
    terms = el(root, "cac:TenderingTerms")
    if notice.rechtsgrond == "other":  # a national procedure: the Dutch act is the legal basis (BT-01(f))
        law = el(terms, "cac:ProcurementLegislationDocumentReference")
        el(law, "cbc:ID", "LocalLegalBasis")
        el(law, "cbc:DocumentDescription", "Aanbestedingswet 2012 (opdracht onder de Europese drempel)", languageID=LANG)
    requirement = el(el(terms, "cac:TendererQualificationRequest"), "cac:SpecificTendererRequirement")
    el(requirement, "cbc:TendererRequirementTypeCode", "epo-procurement-document", listName="exclusion-grounds-source")  # BT-806
    if d.max_percelen_per_inschrijver and len(d.percelen) > 1:
        el(el(terms, "cac:LotDistribution"), "cbc:MaximumLotsSubmittedNumeric", d.max_percelen_per_inschrijver)  # BT-31
    process = el(root, "cac:TenderingProcess")
    features = d.procedure.motivering or "; ".join(f"{f.naam}: {f.omschrijving}" for f in d.procedure.fasen)
    if features:
        el(process, "cbc:Description", features, languageID=LANG)  # BT-88
    elif notice.subtype == "20":
        g.missing("BT-88-Procedure", "belangrijkste kenmerken van de procedure ('procedure.motivering')", ("procedure",))
    el(process, "cbc:ProcedureCode", notice.procedure_code, listName="procurement-procedure-type")  # BT-105
    if notice.subtype == "16" and notice.procedure_code in ("open", "restricted", "neg-w-call"):
        # The dossier's term rules check the normal (not shortened) terms: the procedure is not accelerated.
        el(el(process, "cac:ProcessJustification"), "cbc:ProcessReasonCode", "false", listName="accelerated-procedure")  # BT-106
    project = el(root, "cac:ProcurementProject")
    el(project, "cbc:ID", a.kenmerk, schemeName="InternalID")  # BT-22
    el(project, "cbc:Name", a.titel, languageID=LANG)  # BT-21
    el(project, "cbc:Description", a.omschrijving, languageID=LANG)  # BT-24
    el(project, "cbc:ProcurementTypeCode", CONTRACT_NATURE[a.soort_opdracht], listName="contract-nature")  # BT-23
    if g.afgeleid.totale_waarde is not None:
        el(el(project, "cac:RequestedTenderTotal"), "cbc:EstimatedOverallContractAmount", _amount(g.afgeleid.totale_waarde),
           currencyID="EUR")  # BT-27
    if a.cpv_codes:
        _classification(project, tuple(a.cpv_codes))
    else:
        g.missing("BT-262-Procedure", "hoofd-CPV-code van de opdracht ('cpv_codes')", ("aanbesteding",))
    places = a.nuts_codes or sorted({code for lot in g.percelen for code in lot.nuts})
    _locations(project, tuple(places))
    if not places:
        g.missing("BT-5071-Procedure", "plaats van uitvoering van de opdracht ('nuts_codes')", ("aanbesteding",))


def _locations(project: etree._Element, codes: tuple[str, ...]) -> None:
    for code in codes:
        address = el(el(project, "cac:RealizedLocation"), "cac:Address")
        el(address, "cbc:CountrySubentityCode", code, listName="nuts")  # BT-5071
        el(el(address, "cac:Country"), "cbc:IdentificationCode", "NLD", listName="country")  # BT-5141


def _criteria(terms: etree._Element, g: Gegevens, lot: Perceelgegevens) -> None:
    if lot.criteria is None or not lot.criteria.criteria:
        return
    criterion = el(el(terms, "cac:AwardingTerms"), "cac:AwardingCriterion")
    for c in lot.criteria.criteria:
        sub = el(criterion, "cac:SubordinateAwardingCriterion")
        parameter = el(_extension(sub), "efac:AwardCriterionParameter")
        el(parameter, "efbc:ParameterCode", "per-exa", listName="number-weight")  # BT-5421
        el(parameter, "efbc:ParameterNumeric", f"{c.weging.normalize():f}")  # BT-541
        el(sub, "cbc:AwardingCriterionTypeCode", CRITERION_TYPE[c.soort], listName="award-criterion-type")  # BT-539
        el(sub, "cbc:Name", c.naam, languageID=LANG)  # BT-734
        if c.omschrijving:
            el(sub, "cbc:Description", c.omschrijving, languageID=LANG)  # BT-540
        else:
            g.missing("BT-540-Lot", f"omschrijving van gunningscriterium '{c.naam}'", lot.pad)


def _single_stage(notice: Aankondiging) -> bool:
    return notice.procedure_code in ("open", "oth-single")


def _lot_terms(node: etree._Element, g: Gegevens, lot: Perceelgegevens, notice: Aankondiging) -> None:
    d = g.dossier
    terms = el(node, "cac:TenderingTerms")
    reserved = el(el(terms, "cac:TendererQualificationRequest"), "cac:SpecificTendererRequirement")
    # The dossier's templates hold no reserved-contract clause (art. 2.82 Aw 2012): participation is not reserved.
    el(reserved, "cbc:TendererRequirementTypeCode", "none", listName="reserved-procurement")  # BT-71
    source = el(el(terms, "cac:TendererQualificationRequest"), "cac:SpecificTendererRequirement")
    el(source, "cbc:TendererRequirementTypeCode", "epo-procurement-document", listName="selection-criteria-source")  # BT-821
    execution = el(terms, "cac:ContractExecutionRequirement")
    el(execution, "cbc:ExecutionRequirementCode", "no", listName="reserved-execution")  # BT-736
    _criteria(terms, g, lot)
    if d.procedure.gestanddoeningstermijn_dagen and _single_stage(notice):  # in two stages it is in the invitation
        el(el(terms, "cac:TenderValidityPeriod"), "cbc:DurationMeasure", d.procedure.gestanddoeningstermijn_dagen, unitCode="DAY")  # BT-98
    if notice.subtype in ("16", "20") and g.afgeleid.competitief:
        days = g.afgeleid.termijnen.get("vervaltermijn")
        court = d.procedure.arrondissement
        forum = f"de voorzieningenrechter van de rechtbank {court}" if court else "de voorzieningenrechter van de bevoegde rechtbank"
        # The same clause as the leidraad's block 'rechtsbescherming': a vervaltermijn worded as serving a writ.
        review = (f"Wie de gunningsbeslissing wil aanvechten, brengt binnen {days} kalenderdagen, te rekenen vanaf de dag na "
                  f"verzending van die beslissing, een dagvaarding in kort geding uit bij {forum}. Eindigt die termijn op een "
                  "zaterdag, zondag of algemeen erkende feestdag, dan loopt zij door tot en met de eerstvolgende werkdag. Wie "
                  "dat nalaat, kan de gunningsbeslissing daarna niet meer aanvechten (vervaltermijn).")
        appeal = el(terms, "cac:AppealTerms")
        el(el(appeal, "cac:PresentationPeriod"), "cbc:Description", review, languageID=LANG)  # BT-99
        g.missing("OPT-301-Lot-ReviewOrg", "de instantie voor beroep (de voorzieningenrechter van de bevoegde rechtbank), als organisatie")
    el(el(terms, "cac:Language"), "cbc:ID", LANG)  # BT-97: the documents are in Dutch


def _lot_process(node: etree._Element, g: Gegevens, notice: Aankondiging) -> None:
    d, p = g.dossier, g.dossier.planning
    process = el(node, "cac:TenderingProcess")
    el(process, "cbc:SubmissionMethodCode", "required" if d.procedure.elektronisch_inschrijven else "not-allowed",
       listName="esubmission")  # BT-17
    if p.inschrijving and _single_stage(notice):  # in two stages the tender deadline is in the invitation
        el(el(process, "cac:TenderSubmissionDeadlinePeriod"), "cbc:EndDate", _date(p.inschrijving))  # BT-131(d)
        g.missing("BT-131(t)-Lot", "tijdstip van de uiterste inschrijving", ("planning", "inschrijving"))
    if p.verzoek_tot_deelneming and notice.procedure_code != "open":
        el(el(process, "cac:ParticipationRequestReceptionPeriod"), "cbc:EndDate", _date(p.verzoek_tot_deelneming))  # BT-1311(d)
        g.missing("BT-1311(t)-Lot", "tijdstip van de uiterste datum voor verzoeken tot deelneming", ("planning", "verzoek_tot_deelneming"))
    questions = [r.vragen_uiterlijk for r in d.inlichtingen if r.vragen_uiterlijk]
    if not _single_stage(notice) and p.verzoek_tot_deelneming:  # only questions about the first stage
        questions = [day for day in questions if day <= p.verzoek_tot_deelneming]
    if questions:
        el(el(process, "cac:AdditionalInformationRequestPeriod"), "cbc:EndDate", _date(max(questions)))  # BT-13(d)
        g.missing("BT-13(t)-Lot", "tijdstip van de laatste vragentermijn", ("inlichtingen",))
    # The procedures in the dossier have no electronic auction and no dynamic purchasing system.
    el(el(process, "cac:AuctionTerms"), "cbc:AuctionConstraintIndicator", "false")  # BT-767
    raam = d.aanbesteding.raamovereenkomst
    framework = "none" if raam is None else _framework_kind(raam)
    if framework:
        el(el(process, "cac:ContractingSystem"), "cbc:ContractingSystemTypeCode", framework, listName="framework-agreement")  # BT-765
    else:
        g.missing("BT-765-Lot", "soort raamovereenkomst (met of zonder hernieuwde oproep tot mededinging)", ("aanbesteding", "raamovereenkomst"))
    el(el(process, "cac:ContractingSystem"), "cbc:ContractingSystemTypeCode", "none", listName="dps-usage")  # BT-766


def _lot_project(node: etree._Element, g: Gegevens, lot: Perceelgegevens) -> None:
    a, term = g.dossier.aanbesteding, g.afgeleid.looptijd
    project = el(node, "cac:ProcurementProject")
    el(project, "cbc:ID", lot.id, schemeName="InternalID")  # BT-22
    el(project, "cbc:Name", lot.naam, languageID=LANG)  # BT-21
    el(project, "cbc:Description", lot.omschrijving, languageID=LANG)  # BT-24
    el(project, "cbc:ProcurementTypeCode", CONTRACT_NATURE[a.soort_opdracht], listName="contract-nature")  # BT-23
    if lot.waarde is not None:
        el(el(project, "cac:RequestedTenderTotal"), "cbc:EstimatedOverallContractAmount", _amount(lot.waarde), currencyID="EUR")  # BT-27
    if lot.cpv:
        _classification(project, lot.cpv)
    else:
        g.missing("BT-262-Lot", f"hoofd-CPV-code van {lot.eforms_id} ({lot.id}, 'cpv_codes')", lot.pad)
    _locations(project, lot.nuts)
    if not lot.nuts:
        g.missing("BT-5071-Lot", f"plaats van uitvoering van {lot.eforms_id} ({lot.id}, 'nuts_codes')", lot.pad)
    if term:
        period = el(project, "cac:PlannedPeriod")
        el(period, "cbc:StartDate", _date(term.ingangsdatum))  # BT-536
        el(period, "cbc:EndDate", _date(term.einddatum))  # BT-537
    if g.verlengingen:
        extension = el(project, "cac:ContractExtension")
        el(extension, "cbc:MaximumNumberNumeric", g.verlengingen_totaal)  # BT-58
        el(el(el(extension, "cac:Renewal"), "cac:Period"), "cbc:Description", g.verlenging_tekst(), languageID=LANG)  # BT-57


# Mandatory in the standard regime (subtype 16) and not modelled by the dossier: always to be filled in.
STANDARD_REGIME_OPEN = (
    ("BT-14-Lot", "of de aanbestedingsstukken vrij toegankelijk zijn, met het adres ervan (BT-15)"),
    ("BT-18-Lot", "het adres waar elektronisch wordt ingeschreven (bijvoorbeeld de TenderNed-pagina)"),
    ("BT-60-Lot", "of de opdracht met EU-middelen wordt gefinancierd"),
    ("BT-115-Lot", "of de opdracht onder de Overeenkomst inzake overheidsopdrachten (GPA) valt"),
    ("BT-743-Lot", "of elektronisch factureren verplicht is"),
    ("BT-764-Lot", "of inschrijven met een elektronische catalogus mag"),
    ("BT-92-Lot", "of elektronisch wordt besteld"),
    ("BT-93-Lot", "of elektronisch wordt betaald"),
)


def contract_notice(g: Gegevens, notice: Aankondiging) -> bytes:
    """The ContractNotice XML; ``g.ontbrekend`` afterwards holds what is still to be filled in."""
    a = g.dossier.aanbesteding
    root = etree.Element(_qname("ContractNotice"), nsmap=NS)
    extension = _extension(root)
    el(el(extension, "efac:NoticeSubType"), "cbc:SubTypeCode", notice.subtype, listName="notice-subtype")  # OPP-070
    _organization(g, extension)
    el(root, "cbc:UBLVersionID", "2.3")  # OPT-001
    el(root, "cbc:CustomizationID", "eforms-sdk-1.15")  # OPT-002
    el(root, "cbc:ID", stable_uuid("eforms", a.kenmerk, a.versie), schemeName="notice-id")  # BT-701
    el(root, "cbc:ContractFolderID", stable_uuid("procedure", a.kenmerk))  # BT-04
    day = g.dossier.planning.publicatie or g.afgeleid.peildatum
    if day:
        el(root, "cbc:IssueDate", _date(day))  # BT-05(a): the planned publication, to be updated on dispatch
    g.missing("BT-05-notice", "datum en tijdstip van verzending van de aankondiging")
    el(root, "cbc:VersionID", "01")  # BT-757
    el(root, "cbc:RegulatoryDomain", notice.rechtsgrond)  # BT-01
    el(root, "cbc:NoticeTypeCode", notice.notice_type, listName="competition")  # BT-02
    el(root, "cbc:NoticeLanguageCode", LANG)  # BT-702
    _contracting_party(root, g)
    _procedure(root, g, notice)
    for lot in g.percelen:
        node = el(root, "cac:ProcurementProjectLot")
        el(node, "cbc:ID", lot.eforms_id, schemeName="Lot")  # BT-137
        _lot_terms(node, g, lot, notice)
        _lot_process(node, g, notice)
        _lot_project(node, g, lot)
    for field, what in STANDARD_REGIME_OPEN if notice.subtype == "16" else STANDARD_REGIME_OPEN[1:2] if notice.subtype == "E3" else ():
        g.missing(field, what)
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="unicode")
    header = _header(g, notice)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + header + body + "\n").encode("utf-8")


def _header(g: Gegevens, notice: Aankondiging) -> str:
    """The comment at the top: which form this is and what is still to be filled in."""
    lines = [f" eForms-aankondiging, subtype {notice.subtype}: {notice.omschrijving} (eForms SDK 1.15.1).",
             " Gemaakt door dossier uit het dossierbestand; controleer en vul aan in TenderNed voor verzending."]
    if g.ontbrekend:
        lines.append(" Nog in te vullen (het dossier bevat deze gegevens niet):")
        lines += [f"   {o.veld}: {o.wat}" for o in g.ontbrekend]
    text = "\n".join(line.replace("--", "- -") for line in lines)
    return f"<!--\n{text}\n-->\n"


def _framework_kind(raam) -> str | None:
    """BT-765: a framework with one party, or call-offs by allocation key, reopen no competition."""
    if raam.aantal_partijen == 1:
        return "fa-wo-rc"
    how = raam.nadere_opdrachten.wijze if raam.nadere_opdrachten else None
    return {"minicompetitie": "fa-w-rc", "verdeelsleutel": "fa-wo-rc", "volgens-de-voorwaarden": "fa-wo-rc"}.get(how)
