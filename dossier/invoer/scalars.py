"""Plain YAML scalars the way a procurement advisor means them.

YAML 1.2's core schema (``no``, ``nee`` and ``off`` stay text), ISO dates become dates, and a
Dutch-formatted number (``120.000``, ``52,30``) or date (``01-07-2020``) stays text, so the schema
stage refuses it with a hint instead of silently reading 120 or a string.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF_NAN = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DUTCH_NUMBER = re.compile(r"[-+]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?|[-+]?[0-9]+,[0-9]+")
DUTCH_DATE = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for plain scalars, plus ISO dates; Dutch numbers stay text."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if DUTCH_NUMBER.fullmatch(text):
        return text
    if _INT.fullmatch(text):
        if len(text) > 30:
            return text  # far beyond any amount; stays text so the schema refuses it with a message
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text.lower() in _INF_NAN:
        return _INF_NAN[text.lower()]
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # an impossible date such as 2020-02-30 stays text; the schema says why
    return text
