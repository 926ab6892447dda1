"""The dossier model: one tender, as the procurement team writes it in YAML.

Class and field names are the Dutch keys of the YAML, one spelling per concept (see the glossary
in the domain brief). Every model is strict (no silent conversion) and forbids unknown keys. The
``description`` of each field is user-facing: it ends up in ``dossier schema`` and so in the
completion of the user's editor, hence Dutch. One module per part of the dossier; ``Dossier``
below ties them together.
"""

from __future__ import annotations

from ..types import Positief, Tekst
from .aanbesteding import (
    AanbestedendeDienst,
    Aanbesteding,
    Begrip,
    Contactpersoon,
    Kwaliteitsaspect,
    Raamovereenkomst,
)
from .basis import Strikt, veld
from .contract import (
    Contract,
    Eindforum,
    Escalatiemodel,
    Evaluatiemoment,
    Indexering,
    Mediation,
    MonitoringEnEvaluatie,
    Niveau,
    OverigeBijlage,
    Termijn,
)
from .doelen import Ambitie, Indicator, MaatschappelijkeDoelen, Resultaat
from .eisen import Eisen, Geschiktheidseis, Partij, Samenwerking
from .gunning import Criterium, Gunningscriteria, Perceel, Raming, Subcriterium
from .looptijd import Duur, Looptijd, Opzegging, Verlengingsoptie
from .planning import Mijlpaal, Planning, Ronde, Vraag, Wijziging
from .procedure import (
    Dialoog,
    Fase,
    OpenHouse,
    Procedure,
    ProcedureSoort,
    Subsidie,
    Tarief,
)


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


__all__ = [
    "AanbestedendeDienst", "Aanbesteding", "Ambitie", "Begrip", "Contactpersoon", "Contract", "Criterium", "Dialoog",
    "Dossier", "Duur", "Eindforum", "Eisen", "Escalatiemodel", "Evaluatiemoment", "Fase", "Geschiktheidseis",
    "Gunningscriteria", "Indexering", "Indicator", "Kwaliteitsaspect", "Looptijd", "MaatschappelijkeDoelen",
    "Mediation", "Mijlpaal", "MonitoringEnEvaluatie", "Niveau", "OpenHouse", "Opzegging", "OverigeBijlage", "Partij",
    "Perceel", "Planning", "Procedure", "ProcedureSoort", "Raamovereenkomst", "Raming", "Resultaat", "Ronde",
    "Samenwerking", "Strikt", "Subcriterium", "Subsidie", "Tarief", "Termijn", "Verlengingsoptie", "Vraag", "Wijziging", "veld",
]
