"""Value types of the dossier model: strict, with Dutch-aware error types.

Each type refuses what a hand-written YAML file gets wrong most often, with an error *type* the
parse stage maps to a coded Dutch message: a Dutch amount (``120.000``), a Dutch date
(``01-07-2020``), a boolean where a number belongs.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from .scalars import DUTCH_DATE, DUTCH_NUMBER


def _decimal(value: Any, type_error: str) -> Decimal:
    """A finite int or float as Decimal; a Dutch-formatted number gets its own error type."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        if isinstance(value, str) and DUTCH_NUMBER.fullmatch(value.strip()):
            raise PydanticCustomError("dutch_number", "Dutch number")
        raise PydanticCustomError(type_error, "number expected")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(type_error, "number expected")
    return Decimal(str(value))


def _money(value: Any) -> Decimal:
    amount = _decimal(value, "bedrag_type")
    if amount < 0:
        raise PydanticCustomError("negatief", "negative")
    return amount


def _weight(value: Any) -> Decimal:
    weight = _decimal(value, "getal_type")
    if not 0 <= weight <= 100:
        raise PydanticCustomError("weging_bereik", "0-100")
    return weight


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_type", "date expected")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if DUTCH_DATE.fullmatch(text):
            raise PydanticCustomError("dutch_date", "Dutch date")
        try:
            return dt.date.fromisoformat(text) if len(text) == 10 else _bad_date()
        except ValueError:
            raise PydanticCustomError("datum_ongeldig", "no such date") from None
    raise PydanticCustomError("date_type", "date expected")


def _bad_date() -> dt.date:
    raise PydanticCustomError("date_type", "date expected")


def _measure(value: Any) -> Any:
    """A baseline or target: a number or a short text ('75%', 'minder dan 10 per jaar')."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError("meetwaarde_type", "number or text expected")
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("string_too_short", "empty")
    return value


Tekst = Annotated[str, StringConstraints(min_length=1)]
Bedrag = Annotated[
    Decimal,
    BeforeValidator(_money),
    WithJsonSchema({"type": "number", "minimum": 0, "description": "Bedrag in euro, exclusief btw, zonder scheidingstekens"}),
]
Datum = Annotated[
    dt.date,
    BeforeValidator(_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "Datum als JJJJ-MM-DD"}),
]
Meetwaarde = Annotated[
    Any,
    BeforeValidator(_measure),
    WithJsonSchema({"type": ["string", "number"]}),
]
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
Naam = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")]
Bestandsnaam = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,60}\.(png|jpg|jpeg)$")]
CpvCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{8}-[0-9]$")]
NutsCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}[0-9A-Z]{3}$")]
KvkNummer = Annotated[str, StringConstraints(pattern=r"^[0-9]{8}$")]
Aantal = Annotated[int, Field(ge=0)]
Positief = Annotated[int, Field(ge=1)]
Weging = Annotated[
    Decimal,
    BeforeValidator(_weight),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100, "description": "Weging in procentpunten"}),
]

PATTERN_TEXT = {
    Id.__metadata__[0].pattern: "letters, cijfers, '-', '_' of '.', hooguit 40 tekens (bijvoorbeeld P1)",
    Naam.__metadata__[0].pattern: "kleine letters, cijfers, '-' of '_' (bijvoorbeeld hart-van-brabant)",
    Bestandsnaam.__metadata__[0].pattern: "een bestandsnaam zonder map, eindigend op .png, .jpg of .jpeg (bijvoorbeeld logo.png)",
    CpvCode.__metadata__[0].pattern: "acht cijfers, een streepje en een controlecijfer (bijvoorbeeld 85310000-5)",
    NutsCode.__metadata__[0].pattern: "een NUTS-3-code: twee letters en drie tekens (bijvoorbeeld NL363)",
    KvkNummer.__metadata__[0].pattern: "acht cijfers, zonder spaties (bijvoorbeeld 12345678)",
}
