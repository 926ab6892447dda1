"""The contract period: start, duration, extension options and termination."""

from __future__ import annotations

from ..types import Aantal, Datum, Positief, Tekst
from .basis import Strikt, veld

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
