"""Stage 2, parse: loaded data -> the typed ``Dossier`` model, or every schema error at once.

pydantic reports errors with a machine ``type``; this module maps each type to a code of the
catalogue with a Dutch message that quotes what was found (no Python type names), points at the
line in the YAML and, where it helps, adds a hint such as the nearest known key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, DossierError, make
from .load import LoadedDocument, format_path
from .model import Dossier
from .scalars import DUTCH_DATE, DUTCH_NUMBER
from .schema import catalogue
from .types import PATTERN_TEXT

_EXPECTED = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_from_float": "een geheel getal",
    "bool_type": "ja of nee (true of false)",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "model_type": "een blok met sleutels",
    "model_attributes_type": "een blok met sleutels",
    "dict_type": "een blok met sleutels",
    "bedrag_type": "een bedrag in euro (bijvoorbeeld 120000)",
    "getal_type": "een getal",
    "float_type": "een getal",
    "date_type": "een datum (JJJJ-MM-DD)",
    "meetwaarde_type": "een getal of een korte tekst",
}
_YES_NO = {"yes", "no", "ja", "nee", "on", "off", "y", "n", "waar", "onwaar"}


def parse_dossier(document: LoadedDocument) -> Dossier:
    """Validate ``document`` into a ``Dossier``; raise DossierError with all schema errors."""
    try:
        return Dossier.model_validate(document.data)
    except ValidationError as exc:
        diagnostics = [_diagnostic(document, error) for error in exc.errors(include_url=False)]
        raise DossierError(_unique(diagnostics)) from None


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple] = set()
    result = []
    for d in diagnostics:
        key = (d.code, d.location, d.message)
        if key not in seen:
            seen.add(key)
            result.append(d)
    return result


def _diagnostic(document: LoadedDocument, error: dict[str, Any]) -> Diagnostic:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = sorted(_fields_at(loc[:-1]))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"bedoelde u '{close[0]}'?" if close else ("bekende sleutels hier: " + ", ".join(known) if known else None)
        if not close and (" " in key.strip() or value is None):
            hint = ("staat er een komma in een waarde tussen { }? Die splitst de waarde in tweeën; "
                    "zet de waarde dan tussen aanhalingstekens")
        return make("D201", document.locate(loc, on_key=True), sleutel=key, hint=hint)
    if kind == "missing":
        where = document.locate(loc[:-1], on_key=True)
        where = type(where)(where.file, format_path(loc), where.line, where.col)
        description = _description_at(loc)
        return make("D202", where, veld=loc[-1], hint=description or "")
    where = document.locate(loc)
    if kind == "dutch_number" or (kind in _EXPECTED and isinstance(value, str) and DUTCH_NUMBER.fullmatch(value.strip())):
        plain = value.strip().replace(".", "").replace(",", ".")
        return make("D204", where, waarde=value, hint=f"schrijf {plain}")
    if kind == "dutch_date" or (kind in _EXPECTED and isinstance(value, str) and DUTCH_DATE.fullmatch(value.strip())):
        day, month, year = DUTCH_DATE.fullmatch(value.strip()).groups()
        return make("D205", where, waarde=value, hint=f"schrijf {year}-{int(month):02d}-{int(day):02d}")
    if kind == "datum_ongeldig":
        return make("D208", where, waarde=value)
    if kind == "literal_error":
        choices = error.get("ctx", {}).get("expected", "").replace(" or ", ", ")
        options = [c.strip().strip("'") for c in choices.split(",")]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f"bedoelde u '{close[0]}'? Kies uit: {choices}" if close else f"kies uit: {choices}"
        return make("D206", where, waarde=_show_value(value), keuzes=choices, hint=hint)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than", "negatief", "weging_bereik"):
        return make("D207", where, waarde=_show_value(value), eis=_bound_text(kind, error.get("ctx", {})))
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return make("D209", where, waarde=value, eis=PATTERN_TEXT.get(pattern, pattern))
    if kind in ("string_too_short", "too_short"):
        return make("D210", where, veld=loc[-1] if loc else "")
    if kind in _EXPECTED:
        hint = None
        if kind == "bool_type" and isinstance(value, str) and value.strip().lower() in _YES_NO:
            hint = f"schrijf true of false; '{value}' is in YAML 1.2 gewone tekst"
        return make("D203", where, verwacht=_EXPECTED[kind], gevonden=_describe(value), hint=hint)
    return make("D211", where, reden=error.get("msg", kind))


def _bound_text(kind: str, ctx: dict[str, Any]) -> str:
    if kind == "negatief":
        return "een bedrag is niet negatief"
    if kind == "weging_bereik":
        return "een weging ligt tussen 0 en 100"
    if "ge" in ctx:
        return f"de waarde is ten minste {ctx['ge']}"
    if "gt" in ctx:
        return f"de waarde is groter dan {ctx['gt']}"
    if "le" in ctx:
        return f"de waarde is ten hoogste {ctx['le']}"
    return f"de waarde is kleiner dan {ctx.get('lt')}"


def _show_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _describe(value: Any) -> str:
    """Name what the user wrote, in words a lawyer knows."""
    if value is None:
        return "een lege waarde"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {'true' if value else 'false'}"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, dt.date):
        return f"de datum {value.isoformat()}"
    if isinstance(value, str):
        return f"de tekst '{value[:60]}'"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met sleutels"
    return "een andere waarde"


# --- walking the model along an error location --------------------------------------------


def _unwrap(annotation: Any, into_lists: bool = True) -> Any:
    """Strip Optional, Annotated and (unless ``into_lists`` is false) list to reach the model class (or a plain type)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        elif origin is list and into_lists:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _model_at(loc: tuple) -> type[BaseModel] | None:
    model: Any = Dossier
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _fields_at(loc: tuple) -> list[str]:
    model = _model_at(loc)
    return list(model.model_fields) if model else []


def _description_at(loc: tuple) -> str | None:
    """The field's text, the same one the editor shows (``data/velden.yaml``)."""
    model = _model_at(loc[:-1])
    if model is None or loc[-1] not in model.model_fields:
        return None
    entry = catalogue()["velden"].get(model.__name__, {}).get(loc[-1]) or {}
    return entry.get("beschrijving") or model.model_fields[loc[-1]].description
