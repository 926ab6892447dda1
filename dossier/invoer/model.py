"""The dossier model: one tender, as the procurement team writes it in YAML.

Class and field names are the Dutch keys of the YAML, one spelling per concept (see the glossary
in the domain brief). Every model is strict (no silent conversion) and forbids unknown keys. The
``description`` of each field is user-facing: it ends up in ``dossier schema`` and so in the
completion of the user's editor, hence Dutch.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .types import Aantal, Bedrag, Bestandsnaam, CpvCode, Datum, Id, Meetwaarde, Naam, Positief, Tekst, Weging


def veld(beschrijving: str, default=..., **kwargs):
    """A field with its Dutch description (shown in editors through the JSON Schema)."""
    return Field(default, description=beschrijving, **kwargs)


class Strikt(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --- aanbesteding ---------------------------------------------------------------------------

ProcedureSoort = Literal[
    "openbaar",
    "niet-openbaar",
    "sas-procedure",
    "concurrentiegerichte-dialoog",
    "mededingingsprocedure-met-onderhandeling",
    "meervoudig-onderhands",
    "enkelvoudig-onderhands",
    "open-house",
    "subsidietender",
]
Kwaliteitsaspect = Literal[
    "kwaliteit",
    "continuiteit",
    "toegankelijkheid",
    "betaalbaarheid",
    "beschikbaarheid",
    "volledigheid",
    "specifieke-behoeften",
    "betrokkenheid-gebruikers",
    "innovatie",
]


class Contactpersoon(Strikt):
    naam: Tekst = veld("Naam van de contactpersoon")
    functie: Tekst | None = veld("Functie", None)
    email: Tekst | None = veld("E-mailadres", None)
    telefoon: Tekst | None = veld("Telefoonnummer", None)


class AanbestedendeDienst(Strikt):
    naam: Tekst = veld("Naam van de aanbestedende dienst, bijvoorbeeld 'Gemeente Leiden'")
    adres: Tekst | None = veld("Straat en huisnummer", None)
    postcode: Tekst | None = veld("Postcode", None)
    plaats: Tekst | None = veld("Plaats", None)
    website: Tekst | None = veld("Website", None)
    contactpersoon: Contactpersoon | None = veld("Het enige aanspreekpunt tijdens de procedure", None)


class Raamovereenkomst(Strikt):
    maximale_waarde: Bedrag | None = veld("Maximale waarde van de raamovereenkomst (excl. btw)", None)
    motivering_looptijd: Tekst | None = veld("Rechtvaardiging van een looptijd langer dan vier jaar", None)
    aantal_partijen: Positief | None = veld("Aantal opdrachtnemers in de raamovereenkomst", None)


class Aanbesteding(Strikt):
    titel: Tekst = veld("Titel van de aanbesteding")
    kenmerk: Tekst = veld("Kenmerk (zaaknummer of TenderNed-kenmerk)")
    versie: Tekst = veld("Versie van de stukken, bijvoorbeeld '1.0'", "1.0")
    omschrijving: Tekst = veld("Scope: wat wordt ingekocht (eForms BT-24)")
    achtergrond: Tekst | None = veld("Achtergrond van de opdracht", None)
    visie: Tekst | None = veld("Visie van de gemeente(n) op het sociaal domein", None)
    financiering: Tekst | None = veld("Hoe de opdracht wordt gefinancierd (budget, bekostiging)", None)
    aanbestedende_dienst: AanbestedendeDienst
    deelnemende_gemeenten: list[Tekst] = veld("Bij een regionale aanbesteding: de deelnemende gemeenten", [])
    soort_opdracht: Literal["diensten", "leveringen", "werken"] = veld("Soort opdracht")
    sociale_en_andere_specifieke_diensten: bool = veld(
        "Valt de opdracht onder sociale en andere specifieke diensten (bijlage XIV, verlicht regime)?", False
    )
    cpv_codes: list[CpvCode] = veld("CPV-codes (eForms BT-262)", [])
    raamovereenkomst: Raamovereenkomst | None = veld("Alleen bij een raamovereenkomst", None)
    kwaliteitsaspecten: list[Kwaliteitsaspect] = veld("Sociale kwaliteitsaspecten die de opdracht borgt", [])
    sjabloonset: Naam | None = veld("Eigen sjabloonset van de gemeente of regio in sjablonen/", None)
    logo: Bestandsnaam | None = veld("Logo in de map huisstijl/ van de sjabloonset, bijvoorbeeld logo.png", None)


# --- procedure ------------------------------------------------------------------------------


class Fase(Strikt):
    naam: Tekst = veld("Naam van de fase, bijvoorbeeld 'Selectie' of 'Dialoog'")
    omschrijving: Tekst = veld("Wat in deze fase gebeurt")


class Dialoog(Strikt):
    omschrijving: Tekst = veld("Doel en opzet van de dialoog")
    onderwerpen: list[Tekst] = veld("Onderwerpen van de dialoog", [])
    aantal_rondes: Positief | None = veld("Aantal dialoogrondes", None)


class Subsidie(Strikt):
    plafond: Bedrag | None = veld("Subsidieplafond in euro", None)
    verdeelmethode: Literal["rangschikking", "volgorde-van-binnenkomst", "evenredig"] | None = veld(
        "Hoe het plafond wordt verdeeld (art. 4:26 Awb)", None
    )
    wettelijke_grondslag: Tekst | None = veld("Subsidieverordening of andere wettelijke grondslag", None)
    aanvraagperiode: Tekst | None = veld("Periode waarin aanvragen kunnen worden ingediend", None)


class Tarief(Strikt):
    omschrijving: Tekst = veld("Product of dienst")
    eenheid: Tekst = veld("Eenheid, bijvoorbeeld 'per uur' of 'per dagdeel'")
    bedrag: Bedrag = veld("Vast tarief in euro")


class OpenHouse(Strikt):
    toetredingsvoorwaarden: list[Tekst] = veld("Vaste voorwaarden waaraan iedere aanbieder voldoet", [])
    tarieven: list[Tarief] = veld("Vaste tarieven", [])
    toetreding_gedurende_looptijd: bool = veld("Kunnen aanbieders tijdens de looptijd toetreden?", False)
    toetredingsmomenten: Tekst | None = veld("Wanneer aanbieders kunnen toetreden", None)


class Procedure(Strikt):
    soort: ProcedureSoort = veld("Soort procedure (eForms BT-105)")
    motivering: Tekst | None = veld("Motivering van de procedurekeuze", None)
    elektronisch_inschrijven: bool = veld("Wordt elektronisch ingeschreven (bijvoorbeeld via TenderNed)?", True)
    stukken_vrij_beschikbaar: bool = veld("Zijn de stukken vrij elektronisch beschikbaar?", True)
    fasen: list[Fase] = veld("Fasen van de procedure (selectie, dialoog, inschrijving)", [])
    dialoog: Dialoog | None = veld("De dialoogfase, als de procedure die heeft", None)
    subsidie: Subsidie | None = veld("Alleen bij een subsidietender", None)
    open_house: OpenHouse | None = veld("Alleen bij open house", None)
    gestanddoeningstermijn_dagen: Positief | None = veld("Hoe lang inschrijvers aan hun inschrijving gebonden zijn", None)
    voorbehouden: list[Tekst] = veld("Voorbehouden van de aanbestedende dienst", [])
    klachtenregeling: Tekst | None = veld("Waar en hoe klachten worden ingediend", None)


# --- raming, percelen, gunning -----------------------------------------------------------


class Raming(Strikt):
    per_jaar: Bedrag | None = veld("Geraamde waarde per jaar, excl. btw", None)
    totaal: Bedrag | None = veld("Geraamde waarde over de maximale looptijd incl. opties, excl. btw", None)
    toelichting: Tekst | None = veld("Toelichting op de raming", None)


class Subcriterium(Strikt):
    naam: Tekst
    weging: Weging
    omschrijving: Tekst | None = None


class Criterium(Strikt):
    naam: Tekst = veld("Naam van het criterium (eForms BT-734)")
    soort: Literal["kwaliteit", "prijs", "kosten"] = veld("Soort criterium (eForms BT-539)", "kwaliteit")
    weging: Weging = veld("Weging in procentpunten (eForms BT-541)")
    omschrijving: Tekst | None = veld("Wat wordt beoordeeld (eForms BT-540)", None)
    beoordeling: Tekst | None = veld("Hoe het criterium wordt beoordeeld (beoordelingsmethodiek)", None)
    subcriteria: list[Subcriterium] = veld("Subcriteria; hun wegingen tellen op tot die van dit criterium", [])


class Gunningscriteria(Strikt):
    basis: Literal["bpkv", "laagste-prijs", "laagste-kosten"] = veld(
        "Gunningsgrondslag: beste prijs-kwaliteitverhouding (bpkv), laagste prijs of laagste kosten"
    )
    motivering: Tekst | None = veld("Motivering, verplicht bij laagste prijs of kosten", None)
    beoordelingsmethodiek: Tekst | None = veld("Algemene beschrijving van de beoordeling", None)
    criteria: list[Criterium] = veld("De gunningscriteria met weging", [])


class Perceel(Strikt):
    id: Id = veld("Kenmerk van het perceel, bijvoorbeeld P1 (eForms BT-137)")
    naam: Tekst = veld("Naam van het perceel (eForms BT-21)")
    omschrijving: Tekst | None = veld("Scope van het perceel (eForms BT-24)", None)
    raming: Raming | None = veld("Raming van dit perceel", None)
    gunningscriteria: Gunningscriteria | None = veld("Eigen gunningscriteria; anders gelden die van de opdracht", None)


# --- looptijd -------------------------------------------------------------------------------


class Duur(Strikt):
    jaren: Aantal = 0
    maanden: Aantal = 0

    @property
    def in_maanden(self) -> int:
        return self.jaren * 12 + self.maanden


class Verlengingsoptie(Strikt):
    aantal: Positief | None = veld("Hoe vaak kan worden verlengd", None)
    duur: Duur | None = veld("Duur van elke verlenging", None)
    eenzijdig: bool = veld("Verlengt de opdrachtgever eenzijdig?", True)
    aankondigingstermijn: Duur | None = veld("Uiterlijk zo lang voor het einde kondigt de opdrachtgever de verlenging aan", None)


class Opzegging(Strikt):
    toegestaan: bool = veld("Kan de overeenkomst tussentijds worden opgezegd?")
    termijn: Duur | None = veld("Opzegtermijn", None)
    toelichting: Tekst | None = None


class Looptijd(Strikt):
    ingangsdatum: Datum | None = veld("Ingangsdatum van de overeenkomst (eForms BT-536)", None)
    duur: Duur | None = veld("Initiële duur, bijvoorbeeld {jaren: 5}", None)
    verlengingsopties: list[Verlengingsoptie] = veld("Opties tot verlenging (eForms BT-54/BT-57/BT-58)", [])
    opzegging: Opzegging | None = None
    motivering: Tekst | None = veld("Motivering van de looptijd", None)


# --- escalatiemodel -------------------------------------------------------------------------


class Termijn(Strikt):
    werkdagen: Positief | None = None
    kalenderdagen: Positief | None = None


class Niveau(Strikt):
    naam: Tekst = veld("Naam van het niveau, bijvoorbeeld 'Contractmanagement'")
    opdrachtgever: Tekst | None = veld("Wie namens de opdrachtgever aan tafel zit", None)
    opdrachtnemer: Tekst | None = veld("Wie namens de opdrachtnemer aan tafel zit", None)
    termijn: Termijn | None = veld("Binnen welke termijn dit niveau tot een oplossing komt", None)
    aanleiding: Tekst | None = veld("Wanneer naar dit niveau wordt opgeschaald", None)


class Mediation(Strikt):
    toegepast: bool
    omschrijving: Tekst | None = None


class Eindforum(Strikt):
    soort: Literal["bevoegde-rechter", "arbitrage", "bindend-advies"]
    instantie: Tekst | None = veld("Welke rechtbank of instantie", None)


class Escalatiemodel(Strikt):
    niveaus: list[Niveau] = veld("Opeenvolgende niveaus van escalatie", [])
    mediation: Mediation | None = None
    eindforum: Eindforum | None = veld("Bindend eindforum: bevoegde rechter, arbitrage of bindend advies", None)
    directe_ontbinding: list[Tekst] = veld("Gronden voor directe ontbinding", [])


# --- maatschappelijke doelen ---------------------------------------------------------------


class Indicator(Strikt):
    naam: Tekst
    definitie: Tekst | None = None
    bron: Tekst | None = veld("Waar de gegevens vandaan komen", None)
    nulmeting: Meetwaarde | None = None
    streefwaarde: Meetwaarde | None = None
    frequentie: Tekst | None = veld("Hoe vaak wordt gemeten", None)


class Resultaat(Strikt):
    id: Id | None = None
    omschrijving: Tekst = veld("Beoogd maatschappelijk resultaat")
    indicatoren: list[Indicator] = []


class Ambitie(Strikt):
    id: Id
    naam: Tekst
    omschrijving: Tekst | None = None
    percelen: list[Id] = veld("Percelen die bijdragen aan deze ambitie", [])
    resultaten: list[Resultaat] = []


class MaatschappelijkeDoelen(Strikt):
    toelichting: Tekst | None = None
    ambities: list[Ambitie] = []


# --- eisen, samenwerking, planning, inlichtingen ------------------------------------------


class Geschiktheidseis(Strikt):
    soort: Literal["beroepsbevoegdheid", "financieel", "technisch"]
    omschrijving: Tekst
    bewijs: Tekst | None = veld("Hoe de inschrijver aantoont dat hij voldoet", None)
    minimale_jaaromzet: Bedrag | None = None
    aantal_referenties: Aantal | None = None


class Eisen(Strikt):
    uea: bool = veld("Wordt het Uniform Europees Aanbestedingsdocument gevraagd?", False)
    uitsluitingsgronden: list[Tekst] = []
    geschiktheidseisen: list[Geschiktheidseis] = []


class Partij(Strikt):
    naam: Tekst
    rol: Literal["penvoerder", "hoofdaannemer", "onderaannemer"]


class Samenwerking(Strikt):
    combinaties_toegestaan: bool = True
    penvoerder_verplicht: bool = False
    hoofdelijke_aansprakelijkheid: bool = True
    onderaanneming_toegestaan: bool = True
    eisen: list[Tekst] = veld("Eisen aan samenwerking, bijvoorbeeld lokale samenwerking", [])
    partijen: list[Partij] = veld("Na gunning: de partijen in het samenwerkingsverband", [])
    toelichting: Tekst | None = None


class Mijlpaal(Strikt):
    omschrijving: Tekst
    datum: Datum


class Planning(Strikt):
    publicatie: Datum | None = veld("Publicatie van de aankondiging", None)
    verzoek_tot_deelneming: Datum | None = veld("Uiterste datum verzoek tot deelneming (selectie)", None)
    uitnodiging_tot_inschrijving: Datum | None = veld("Uitnodiging tot inschrijving na selectie", None)
    inschrijving: Datum | None = veld("Uiterste datum van inschrijving (eForms BT-131)", None)
    gunningsbeslissing: Datum | None = veld("Verzending van de gunningsbeslissing", None)
    ondertekening: Datum | None = veld("Ondertekening van de overeenkomst", None)
    aankondiging_gunning: Datum | None = veld("Aankondiging van de gegunde opdracht", None)
    overige: list[Mijlpaal] = veld("Andere mijlpalen, bijvoorbeeld dialoogsessies", [])


class Vraag(Strikt):
    nummer: Positief = veld("Doorlopend nummer over alle rondes")
    document: Tekst = veld("Document waarop de vraag betrekking heeft")
    paragraaf: Tekst | None = veld("Paragraaf of pagina", None)
    vraag: Tekst
    antwoord: Tekst | None = None
    leidt_tot_wijziging: bool = False
    wijziging: Tekst | None = veld("De rectificatie: wat in de stukken verandert", None)
    wezenlijk: bool = veld("Is de wijziging wezenlijk?", False)
    indiener: Tekst | None = veld("Alleen intern: wie de vraag stelde (komt nooit in een document)", None)


class Ronde(Strikt):
    ronde: Positief
    datum: Datum = veld("Publicatiedatum van de nota van inlichtingen")
    vragen_uiterlijk: Datum | None = veld("Sluiting van de vragentermijn voor deze ronde", None)
    inschrijftermijn_verlengd: bool = False
    vragen: list[Vraag] = []


# --- monitoring, contract -----------------------------------------------------------------


class Evaluatiemoment(Strikt):
    moment: Tekst = veld("Wanneer, bijvoorbeeld 'na twee jaar' of 'voor elk verlengingsbesluit'")
    omschrijving: Tekst


class MonitoringEnEvaluatie(Strikt):
    rapportagefrequentie: Literal["maand", "kwartaal", "halfjaar", "jaar"] | None = None
    effectrapportage: Tekst | None = None
    dashboard: Tekst | None = None
    ontwikkelagenda: Tekst | None = None
    peer_review: Tekst | None = None
    benchmark: Tekst | None = None
    evaluatiemomenten: list[Evaluatiemoment] = []


class Indexering(Strikt):
    methode: Tekst = veld("Indexcijfer of methode, bijvoorbeeld 'OVA' of 'CBS-cao-lonen'")
    moment: Tekst | None = veld("Wanneer wordt geïndexeerd", None)
    toelichting: Tekst | None = None


class OverigeBijlage(Strikt):
    soort: Literal["programma-van-eisen", "inkoopvoorwaarden", "verwerkersovereenkomst", "overig"]
    titel: Tekst
    omschrijving: Tekst | None = None


class Contract(Strikt):
    verwerkt_persoonsgegevens: bool = veld("Verwerkt de opdrachtnemer persoonsgegevens voor de gemeente?", False)
    overige_bijlagen: list[OverigeBijlage] = veld("Bijlagen die niet uit het dossier worden gegenereerd", [])
    prestatieafspraken: Tekst | None = None


class Begrip(Strikt):
    term: Tekst
    betekenis: Tekst


class Dossier(Strikt):
    """The whole tender."""

    aanbesteding: Aanbesteding
    procedure: Procedure
    raming: Raming | None = veld("Raming van de hele opdracht", None)
    percelen: list[Perceel] = veld("Percelen (eForms BT-137)", [])
    max_percelen_per_inschrijver: Positief | None = None
    motivering_geen_percelen: Tekst | None = veld("Verplicht als de opdracht niet in percelen is verdeeld", None)
    looptijd: Looptijd
    escalatiemodel: Escalatiemodel | None = None
    maatschappelijke_doelen: MaatschappelijkeDoelen | None = None
    gunningscriteria: Gunningscriteria | None = None
    eisen: Eisen | None = None
    samenwerking: Samenwerking | None = None
    planning: Planning
    inlichtingen: list[Ronde] = veld("Rondes van de nota van inlichtingen", [])
    monitoring_en_evaluatie: MonitoringEnEvaluatie | None = None
    indexering: Indexering | None = None
    contract: Contract | None = None
    begrippen: list[Begrip] = veld("Extra begrippen voor de leeswijzer", [])
