"""Where every object a template can read comes from: a YAML path, or the YAML paths a derived fact is computed from.

The renderer records what a template reads (``herkomst``) by looking up the object it reads from in
the map made here, by identity. Model objects carry their own YAML path (``percelen[1]``), so a
read of ``p.naam`` is ``percelen[1].naam``. Derived facts (``afleiding``) and the rows the context
builds are not in the YAML; each gets a name (``afgeleid.regime``) and the YAML paths it is computed
from, which is what a warning about one of those paths needs to find the sentence that shows the
result. This table is the one place that says which derived fact depends on which part of the YAML.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from pydantic import BaseModel

from ..afleiding import Afgeleid
from ..invoer.model import Dossier

# The YAML a derived fact is computed from (see afleiding): a change there can change the sentence.
REGIME = ("aanbesteding.soort_opdracht", "aanbesteding.sociale_en_andere_specifieke_diensten", "procedure.soort",
          "planning.publicatie", "raming", "percelen", "looptijd")
DERIVED: dict[str, tuple[str, ...]] = {
    "peildatum": ("planning.publicatie", "looptijd.ingangsdatum"),
    "looptijd": ("looptijd",),
    "waarde_per_jaar": ("raming", "percelen"),
    "totale_waarde": ("raming", "percelen", "looptijd"),
    "percelen": ("percelen", "looptijd"),
    "regime": REGIME,
    "termijnen": ("planning.publicatie",),
    "inlichtingen_dagen": REGIME,
    "opschortende_termijn_einde": ("planning.gunningsbeslissing",),
    "bijlagen": ("contract", "escalatiemodel", "maatschappelijke_doelen", "monitoring_en_evaluatie"),
    "competitief": ("procedure.soort",),
}
_LOT_KEYS = {"perceel": "", "per_jaar": ".raming", "totaal": ".raming", "criteria": ".gunningscriteria",
             "eigen_criteria": ".gunningscriteria"}


@dataclass(frozen=True)
class Bron:
    """The origin of one object: a YAML path (``pad``), or a derived fact (``afgeleid``) and its sources."""

    pad: str | None = None
    afgeleid: str | None = None
    bronnen: tuple[str, ...] = ()
    per_sleutel: Mapping[str, tuple[str, ...]] | None = None  # a context row: the sources of each key
    spiegel: Mapping[str, str] | None = None  # attributes that hold a YAML value unchanged: their path

    def reads(self, key: Any) -> list[tuple[str, bool]]:
        """The (path, direct) pairs that reading ``key`` of this object amounts to; a derived fact's sources are not direct."""
        if self.pad is not None:
            return [(child_path(self.pad, key), True)]
        if self.spiegel and str(key) in self.spiegel:
            return [(self.spiegel[str(key)], True)]
        found = [(self.afgeleid, True)] if self.afgeleid else []  # the derived fact itself is read directly
        sources = self.per_sleutel.get(str(key), self.bronnen) if self.per_sleutel is not None else self.bronnen
        return found + [(source, False) for source in sources]


def child_path(parent: str, key: Any) -> str:
    """``percelen`` + 1 -> ``percelen[1]``; ``looptijd`` + ``duur`` -> ``looptijd.duur`` (as diagnostics write paths)."""
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def _trackable(value: Any) -> bool:
    """Objects whose identity is their own: never an interned scalar, None or an empty container."""
    return isinstance(value, (BaseModel, list, dict, MappingProxyType)) or (dataclasses.is_dataclass(value) and not isinstance(value, type))


def _model(origins: dict[int, Bron], value: Any, path: str) -> None:
    if not _trackable(value) or id(value) in origins:
        return
    origins[id(value)] = Bron(pad=path)
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _model(origins, getattr(value, name), child_path(path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _model(origins, item, child_path(path, index))


def _derived(origins: dict[int, Bron], value: Any, name: str, sources: tuple[str, ...]) -> None:
    """A derived object and everything inside it: one name and one set of sources."""
    if not _trackable(value) or id(value) in origins:
        return
    origins[id(value)] = Bron(afgeleid=name, bronnen=sources)
    if dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            inner = getattr(value, item.name)
            for element in inner if isinstance(inner, tuple) else (inner,):
                _derived(origins, element, name, sources)


def origins(d: Dossier, afgeleid: Afgeleid, context: Mapping[str, Any]) -> dict[int, Bron]:
    """The origin of every object in a template context, by ``id``."""
    found: dict[int, Bron] = {}
    _model(found, d, "")
    found[id(afgeleid)] = Bron(afgeleid="afgeleid", per_sleutel={k: (f"afgeleid.{k}", *v) for k, v in DERIVED.items()})
    for index, lot in enumerate(afgeleid.percelen):
        _derived(found, lot, "afgeleid.percelen", (f"percelen[{index}].raming", "looptijd"))
    if afgeleid.looptijd is not None:  # the start date of the term is the YAML's own
        found[id(afgeleid.looptijd)] = Bron(afgeleid="afgeleid.looptijd", bronnen=DERIVED["looptijd"],
                                            spiegel={"ingangsdatum": "looptijd.ingangsdatum"})
    for key, sources in DERIVED.items():
        value = getattr(afgeleid, key)
        for element in value if isinstance(value, tuple) else (value,):
            _derived(found, element, f"afgeleid.{key}", sources)
    for index, lot in enumerate(context.get("percelen", [])):
        base = f"percelen[{index}]"
        per_key = {k: (base + suffix,) for k, suffix in _LOT_KEYS.items()}
        per_key["per_jaar"] = per_key["totaal"] = (base + ".raming", "looptijd")
        per_key["ambities"] = ("maatschappelijke_doelen.ambities",)
        found.setdefault(id(lot), Bron(afgeleid="afgeleid.percelen", per_sleutel=per_key))
    for row in context.get("planning", []):  # a date of the planning is the YAML's own, or computed (afgeleid.*)
        pad = getattr(row, "pad", "")
        if pad.startswith("afgeleid."):
            found.setdefault(id(row), Bron(afgeleid=pad, bronnen=DERIVED.get(pad.removeprefix("afgeleid."), ())))
        elif pad:
            found.setdefault(id(row), Bron(afgeleid="afgeleid.planning", bronnen=(pad,), spiegel={"datum": pad}))
    return found


__all__ = ["DERIVED", "Bron", "child_path", "origins"]
