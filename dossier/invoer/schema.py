"""The JSON Schema of the dossier format, written for people: what an editor shows on hover.

pydantic's schema is correct but written for machines: for an optional field (``X | None``) it puts
the type's own text inside ``anyOf``, where yaml-language-server finds it first, so hovering
``inschrijving:`` shows "Datum als JJJJ-MM-DD" instead of what the date is for; it adds
``default: null``, which completion inserts literally; and its titles are English-style ("Per Jaar").

``editor_schema`` takes that schema and, for every property, puts the Dutch text of
``data/velden.yaml`` on the property itself (with the type's notation as a second paragraph),
removes the texts and titles inside, flattens ``T | None`` to ``type: [T, "null"]``, explains each
allowed value (``enumDescriptions``, shown by the editor next to the value), and adds an example.
A field without an entry in the catalogue keeps the text of its ``veld(...)``; the test suite
makes sure that never ships.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Any, Iterator

import yaml
from pydantic import WithJsonSchema

from .model import Dossier
from .types import PATTERN_TEXT, Bedrag, Datum, Weging

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ROOT = "Dossier"


@cache
def catalogue() -> dict[str, Any]:
    """``data/velden.yaml``: ``schema`` (title, description) and ``velden`` (class -> field -> texts)."""
    text = resources.files("dossier").joinpath("data/velden.yaml").read_text("utf-8")
    return _plain(yaml.safe_load(text))


def _plain(value: Any) -> Any:
    """Dates in the catalogue's examples become the text an editor expects (JJJJ-MM-DD)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def model_schema() -> dict[str, Any]:
    """pydantic's schema of the dossier, untouched."""
    return Dossier.model_json_schema()


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every (class, field, property schema) of a schema: the root's and those of each ``$defs`` entry."""
    for name, prop in schema.get("properties", {}).items():
        yield ROOT, name, prop
    for cls, definition in sorted(schema.get("$defs", {}).items()):
        for name, prop in definition.get("properties", {}).items():
            yield cls, name, prop


def enum_schema(prop: dict[str, Any]) -> dict[str, Any] | None:
    """The part of a property schema that lists its allowed values: itself, its list items or a branch."""
    for candidate in (prop, prop.get("items", {}), *prop.get("anyOf", [])):
        if "enum" in candidate:
            return candidate
    return None


def editor_schema(version: str) -> dict[str, Any]:
    """The schema as ``dossier schema`` prints it and ``nieuw``/``bouw`` write it next to a dossier."""
    schema = model_schema()
    texts = catalogue()
    velden = texts["velden"]
    for cls, name, prop in properties(schema):
        _humanise(prop, name, velden.get(cls, {}).get(name))
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)  # class names ("MonitoringEnEvaluatie") and docstrings (English)
        definition.pop("description", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:dossier:schema:{version}",
        "$comment": f"Gemaakt door dossier {version} uit het model en dossier/data/velden.yaml; niet met de hand bewerken.",
        "title": texts["schema"]["titel"],
        "description": texts["schema"]["beschrijving"],
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def _humanise(prop: dict[str, Any], name: str, entry: dict[str, Any] | None) -> None:
    """Rewrite one property schema in place (see the module docstring)."""
    notes = [n for n in (_notation(part) for part in _parts(prop)) if n]  # before the flattening below
    for part in _parts(prop):
        if part is not prop:
            part.pop("description", None)
            part.pop("title", None)
    _flatten_optional(prop)
    if prop.get("default", 0) in (None, []):
        del prop["default"]
    if "default" in prop:
        notes.append(f"Zonder deze sleutel: {_yaml(prop['default'])}.")
    if entry is None:
        return
    prop["title"] = entry.get("titel") or name.replace("_", " ").capitalize()
    prop["description"] = "\n\n".join([entry["beschrijving"].strip(), *dict.fromkeys(notes)])
    prop["examples"] = [entry["voorbeeld"]]
    values = enum_schema(prop)
    if values is not None and "waarden" in entry:
        explained = [entry["waarden"].get(v, "") for v in values["enum"]]
        values["enumDescriptions"] = explained
        values["markdownEnumDescriptions"] = explained


def _parts(prop: dict[str, Any]) -> list[dict[str, Any]]:
    """The property and the schemas nested directly in it (list items, branches of ``anyOf``)."""
    parts = [prop]
    if isinstance(prop.get("items"), dict):
        parts.append(prop["items"])
    parts.extend(prop.get("anyOf", []))
    return parts


def _notation(part: dict[str, Any]) -> str | None:
    """How a value of this type is written: the Dutch text of its pattern or of its value type."""
    if "pattern" in part and part["pattern"] in PATTERN_TEXT:
        return f"Schrijf {PATTERN_TEXT[part['pattern']]}."
    signature = _signature(part)
    return next((text for shape, text in _type_texts() if shape == signature), None)


def _signature(part: dict[str, Any]) -> frozenset:
    return frozenset((k, str(v)) for k, v in part.items() if k in ("type", "format", "minimum", "maximum"))


@cache
def _type_texts() -> tuple[tuple[frozenset, str], ...]:
    """(shape, text) of each value type that explains itself (Bedrag, Datum, Weging in ``types``)."""
    texts = []
    for annotated in (Bedrag, Datum, Weging):
        for meta in annotated.__metadata__:
            if isinstance(meta, WithJsonSchema) and meta.json_schema and "description" in meta.json_schema:
                texts.append((_signature(meta.json_schema), meta.json_schema["description"].rstrip(".") + "."))
    return tuple(texts)


def _yaml(value: Any) -> str:
    """A default as the user would write it in the dossier (``true``, ``'1.0'``, ``kwaliteit``)."""
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).removesuffix("\n...\n").strip()


def _flatten_optional(prop: dict[str, Any]) -> None:
    """``anyOf: [{type: T, ...}, {type: null}]`` -> ``type: [T, null]``, so nothing hides the property's text."""
    branches = prop.get("anyOf")
    if not branches or len(branches) != 2 or {"type": "null"} not in branches:
        return
    [other] = [b for b in branches if b != {"type": "null"}]
    if "type" not in other or "enum" in other or "$ref" in other:
        return
    types = other["type"] if isinstance(other["type"], list) else [other["type"]]
    del prop["anyOf"]
    prop.update({k: v for k, v in other.items() if k != "type"})
    prop["type"] = [*types, "null"]
