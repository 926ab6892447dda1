"""Paths into the dossier as a rectificatie names them: ``planning.inschrijving``, ``percelen[P1].raming.per_jaar``.

A path is resolved against the model (every key must be a field there) and against the data (a
list index must exist; a lot may be named by its ``id``). The result is the concrete path of keys
and indexes, the field's Dutch description and the kind of value, so a change can be applied to
the plain data and shown to a lawyer as "Uiterste datum van inschrijving: 2 december 2019 wordt
16 december 2019".
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from .. import nl
from .load import format_path
from .model import Dossier
from .parse import _unwrap
from .types import Bedrag, Datum, Weging

Path_ = tuple[str | int, ...]
_TOKEN = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[([^\[\]]+)\]")
_EFORMS = re.compile(r"\s*\((?:eForms|art\.)[^)]*\)")
VERBODEN = ("inlichtingen",)  # the rounds themselves are not changed by a round
_SYNONIEMEN = {"sluitingsdatum": "inschrijving", "sluiting": "inschrijving", "deadline": "inschrijving",
               "uiterste_datum": "inschrijving", "weging": "criteria", "wegingen": "criteria", "waarde": "raming"}
MISSING = object()
_ONE = {"percelen": "perceel", "criteria": "criterium", "subcriteria": "subcriterium", "verlengingsopties": "verlengingsoptie",
        "niveaus": "niveau", "ambities": "ambitie", "resultaten": "resultaat", "indicatoren": "indicator", "partijen": "partij",
        "geschiktheidseisen": "geschiktheidseis", "overige": "mijlpaal", "overige_bijlagen": "bijlage", "fasen": "fase",
        "evaluatiemomenten": "evaluatiemoment", "begrippen": "begrip", "tarieven": "tarief"}


class PadFout(Exception):
    """A path that cannot be resolved: ``code`` D650 (not a field), D651 (no such item) or D652 (forbidden)."""

    def __init__(self, code: str, reden: str = "", hint: str | None = None):
        super().__init__(reden)
        self.code, self.reden, self.hint = code, reden, hint


@dataclass(frozen=True)
class Doel:
    """A resolved path: where in the data, what it is called, what kind of value it holds."""

    pad: Path_
    onderdeel: str  # Dutch, for the nota: "Uiterste datum van inschrijving (perceel P1)"
    soort: str  # datum, bedrag, weging, janee, tekst
    sectie: str  # the first key: planning, gunningscriteria, percelen, ...


def tokens(text: str) -> list[str | tuple[str]]:
    """``percelen[P1].naam`` -> ``["percelen", ("P1",), "naam"]``; a key is a str, an index a 1-tuple."""
    found: list[str | tuple[str]] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() != position or (match.group(0).startswith(".") and not found):
            break
        found.append(match.group(1) if match.group(1) else (match.group(2).strip(),))
        position = match.end()
    if position != len(text) or not found or isinstance(found[0], tuple):
        raise PadFout("D650", "schrijf de sleutels met punten ertussen, een plaats in een lijst tussen [ ]",
                      hint="bijvoorbeeld planning.inschrijving of percelen[0].raming.per_jaar")
    return found


def _kind(annotation: Any) -> str:
    """The kind of value, from the annotation before Annotated is stripped (Bedrag and Weging are Decimals)."""
    while typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            break
        annotation = args[0]
    for kind, alias in (("bedrag", Bedrag), ("weging", Weging), ("datum", Datum)):
        if annotation == alias:
            return kind
    return "janee" if annotation is bool else "tekst"


def _label(description: str | None, key: str) -> str:
    text = (description or key.replace("_", " ")).split(";")[0]
    text = _EFORMS.sub("", text).strip().rstrip("?")
    return text[:1].upper() + text[1:]


def resolve(text: str, data: dict[str, Any]) -> Doel:
    """The concrete path of ``text`` in ``data`` (the plain YAML data), checked against the model."""
    parts = tokens(text)
    if parts[0] in VERBODEN:
        raise PadFout("D652")
    model: Any = Dossier
    value: Any = data
    path: list[str | int] = []
    label, kind, qualifiers = "", "tekst", []
    for part in parts:
        if isinstance(part, str):
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                raise PadFout("D650", f"'{format_path(tuple(path))}' heeft geen onderdelen")
            if part not in model.model_fields:
                known = list(model.model_fields)
                close = difflib.get_close_matches(part, known, n=1, cutoff=0.6) or [k for k in known if k == _SYNONIEMEN.get(part)]
                raise PadFout("D650", f"'{part}' is hier geen sleutel",
                              hint=f"bedoelde u '{close[0]}'?" if close else "bekende sleutels hier: " + ", ".join(known))
            info = model.model_fields[part]
            label, kind = _label(info.description, part), _kind(info.annotation)
            model = _unwrap(info.annotation, into_lists=False)
            value = value.get(part, MISSING) if isinstance(value, dict) else MISSING
            path.append(part)
            continue
        if typing.get_origin(model) is not list:
            raise PadFout("D650", f"'{format_path(tuple(path))}' is geen lijst")
        item_type = typing.get_args(model)[0]
        if not isinstance(value, list):
            raise PadFout("D651", "de lijst is leeg")
        index = _index(part[0], value)
        path.append(index)
        item = value[index]
        one = _ONE.get(str(path[-2]), str(path[-2]).replace("_", " "))
        qualifiers.append(f"{one} {item['id']}" if isinstance(item, dict) and "id" in item else f"{one} {index + 1}")
        value, model, kind = item, _unwrap(item_type, into_lists=False), _kind(item_type)
    onderdeel = label + (f" ({', '.join(qualifiers)})" if qualifiers else "")
    return Doel(tuple(path), onderdeel, kind, str(path[0]))


def _index(text: str, items: list[Any]) -> int:
    if text.isdigit():
        index = int(text)
        if index >= len(items):
            raise PadFout("D651", f"de lijst heeft {len(items)} {'element' if len(items) == 1 else 'elementen'}, geteld vanaf 0")
        return index
    for index, item in enumerate(items):
        if isinstance(item, dict) and str(item.get("id")) == text:
            return index
    raise PadFout("D651", f"geen element met id '{text}'")


def get(data: Any, path: Path_) -> Any:
    """The value at ``path``, or MISSING."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return data


def put(data: dict[str, Any], path: Path_, value: Any) -> None:
    """Set ``value`` at ``path``, creating a missing block on the way (``raming`` for ``raming.per_jaar``)."""
    target: Any = data
    for part in path[:-1]:
        if isinstance(part, str) and not isinstance(target.get(part), (dict, list)):
            target[part] = {}
        target = target[part]
    target[path[-1]] = value


def as_text(value: Any, kind: str) -> str:
    """A value as a lawyer reads it in the nota: dates and amounts in Dutch, lists and blocks compact."""
    if value is MISSING or value is None:
        return "(niet ingevuld)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return nl.datum(value)
    if isinstance(value, (int, float, Decimal)):
        if kind == "bedrag":
            return nl.bedrag(value)
        return nl.getal(value) + ("%" if kind == "weging" else "")
    if isinstance(value, list):
        return "; ".join(as_text(item, kind) for item in value) or "(geen)"
    if isinstance(value, dict):
        name = value.get("naam") or value.get("omschrijving") or value.get("id")
        rest = ", ".join(f"{k.replace('_', ' ')} {as_text(v, _guess(k))}" for k, v in value.items()
                         if k not in ("naam", "omschrijving", "id") and not isinstance(v, (list, dict)))
        return " ".join(part for part in (str(name) if name else "", f"({rest})" if rest else "") if part) or "(leeg blok)"
    return str(value)


def _guess(key: str) -> str:
    return "weging" if key == "weging" else ("bedrag" if key in ("per_jaar", "totaal", "maximale_waarde") else "tekst")
