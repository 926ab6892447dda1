"""The planning and the rounds of questions and answers (nota's van inlichtingen)."""

from __future__ import annotations

from ..types import Datum, Positief, Tekst
from .basis import Strikt, veld


class Mijlpaal(Strikt):
    omschrijving: Tekst
    datum: Datum


class Planning(Strikt):
    publicatie: Datum | None = veld("Publicatie van de aankondiging", None)
    verzoek_tot_deelneming: Datum | None = veld("Uiterste datum verzoek tot deelneming (selectie)", None)
    uitnodiging_tot_inschrijving: Datum | None = veld("Uitnodiging tot inschrijving na selectie", None)
    inschrijving: Datum | None = veld(
        "Uiterste datum van inschrijving (eForms BT-131); bij een subsidietender de sluiting van de aanvraagperiode, "
        "bij open house het eerste toetredingsmoment", None
    )
    inschrijftermijn_in_overleg: bool = veld(
        "Niet-openbare procedure of mededingingsprocedure met onderhandeling: is de inschrijftermijn in overleg met alle "
        "geselecteerde gegadigden vastgesteld (art. 2.74a Aanbestedingswet 2012, niet voor centrale overheden)?", False
    )
    gunningsbeslissing: Datum | None = veld("Verzending van de gunningsbeslissing (niet bij open house of subsidietender)", None)
    beschikking: Datum | None = veld("Subsidietender: datum waarop op de aanvragen wordt beslist (de beschikkingen)", None)
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
