"""The planning and the rounds of questions and answers (nota's van inlichtingen)."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator
from pydantic_core import PydanticCustomError

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


# One structured rectificatie: a field of the dossier (pad) or the text of a template block (blok).
# No docstring: it would become the description editors show, and that text is Dutch.
class Wijziging(Strikt):
    pad: Tekst | None = veld(
        "Het gegeven dat verandert, als pad in het dossier, bijvoorbeeld 'planning.inschrijving' of "
        "'percelen[0].raming.per_jaar' (de telling begint bij 0; of de id van het perceel: 'percelen[P1]')", None
    )
    nieuw: Any = veld("De nieuwe waarde van dat gegeven, geschreven zoals elders in het dossier", None)
    blok: Tekst | None = veld(
        "Het blok van het sjabloon waarvan de vaste tekst verandert, bijvoorbeeld 'klachten'; de kop van het blok blijft staan", None
    )
    tekst: Tekst | None = veld("De nieuwe tekst van dat blok; alinea's scheidt u met een witregel, een kop begint met ##", None)

    @model_validator(mode="after")
    def _een_soort(self) -> "Wijziging":
        gegeven = (self.pad is not None, "nieuw" in self.model_fields_set)
        tekst = (self.blok is not None, self.tekst is not None)
        if not ((all(gegeven) and not any(tekst)) or (all(tekst) and not any(gegeven))):
            raise PydanticCustomError(
                "wijziging_soort", "een wijziging noemt óf 'pad' met 'nieuw' (een gegeven), óf 'blok' met 'tekst' (een vaste tekst)"
            )
        return self


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
    wijzigingen: list[Wijziging] = veld(
        "De rectificatie als gegevens: wat in de volgende versie van de stukken verandert; dossier verwerkt het in de leidraad en de bijlagen", []
    )


class Ronde(Strikt):
    ronde: Positief
    datum: Datum = veld("Publicatiedatum van de nota van inlichtingen")
    vragen_uiterlijk: Datum | None = veld("Sluiting van de vragentermijn voor deze ronde", None)
    inschrijftermijn_verlengd: bool = False
    vragen: list[Vraag] = []
