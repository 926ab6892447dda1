"""The schema for people: every field and every allowed value explained in Dutch, with an example.

A new field in the model without a text in ``dossier/data/velden.yaml`` fails here, with the name of
the field: the editor would otherwise show it without explanation.
"""

from __future__ import annotations

import jsonschema
import pytest

from dossier import __version__
from dossier.invoer.schema import catalogue, editor_schema, enum_schema, model_schema, properties

SCHEMA = editor_schema(__version__)
VELDEN = catalogue()["velden"]


def test_every_field_of_the_model_has_a_text_and_an_example():
    missing = [f"{cls}.{name}" for cls, name, _ in properties(model_schema())
               if not (VELDEN.get(cls, {}).get(name) or {}).get("beschrijving") or "voorbeeld" not in VELDEN[cls][name]]
    assert not missing, f"zet deze velden met beschrijving en voorbeeld in dossier/data/velden.yaml: {missing}"


def test_the_catalogue_names_only_fields_that_exist():
    fields = {(cls, name) for cls, name, _ in properties(model_schema())}
    stale = [f"{cls}.{name}" for cls, entries in VELDEN.items() for name in entries if (cls, name) not in fields]
    assert not stale


def test_every_allowed_value_is_explained():
    unexplained = []
    for cls, name, prop in properties(model_schema()):
        values = enum_schema(prop)
        if values is None:
            continue
        explained = VELDEN[cls][name].get("waarden", {})
        unexplained += [f"{cls}.{name}: {v}" for v in values["enum"] if not explained.get(v)]
        unexplained += [f"{cls}.{name}: {v} (bestaat niet)" for v in explained if v not in values["enum"]]
    assert not unexplained


@pytest.mark.parametrize("cls,name", [(c, n) for c, n, _ in properties(model_schema())])
def test_each_example_is_valid_for_its_field(cls, name):
    prop = next(p for c, n, p in properties(SCHEMA) if (c, n) == (cls, name))
    validator = jsonschema.Draft202012Validator({"$defs": SCHEMA["$defs"], **prop})
    for example in prop["examples"]:
        assert not list(validator.iter_errors(example)), (cls, name, example)


def test_texts_are_on_the_property_and_nowhere_inside():
    for cls, name, prop in properties(SCHEMA):
        assert prop["description"].startswith(VELDEN[cls][name]["beschrijving"].strip()), (cls, name)
        assert prop.get("default", 0) is not None and prop.get("default", 0) != [], (cls, name)
        inner = [prop.get("items", {}), *prop.get("anyOf", [])]
        assert not [part for part in inner if "description" in part or "title" in part], (cls, name)
        if "titel" not in VELDEN[cls][name]:  # Dutch sentence case, not pydantic's "Per Jaar"
            assert not [w for w in prop["title"].split()[1:] if w[0].isupper()], (cls, name, prop["title"])
    for definition in SCHEMA["$defs"].values():
        assert "title" not in definition and "description" not in definition


def test_dates_amounts_and_identifiers_say_how_to_write_them():
    defs = SCHEMA["$defs"]
    inschrijving = defs["Planning"]["properties"]["inschrijving"]
    assert inschrijving["type"] == ["string", "null"] and "anyOf" not in inschrijving
    assert inschrijving["description"].startswith("De uiterste datum van inschrijving") and "JJJJ-MM-DD" in inschrijving["description"]
    assert "zonder scheidingstekens" in defs["Raming"]["properties"]["per_jaar"]["description"]
    assert "bijvoorbeeld P1" in defs["Perceel"]["properties"]["id"]["description"]
    assert defs["Raming"]["properties"]["per_jaar"]["title"] == "Per jaar"
    assert "Zonder deze sleutel: true." in defs["Verlengingsoptie"]["properties"]["eenzijdig"]["description"]


def test_root_is_dutch_identified_and_versioned():
    assert SCHEMA["$id"] == f"urn:dossier:schema:{__version__}"
    assert SCHEMA["description"] == catalogue()["schema"]["beschrijving"] and "aanbesteding" in SCHEMA["description"]
    assert __version__ in SCHEMA["$comment"]
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_procedure_kinds_explained_for_completion():
    soort = SCHEMA["$defs"]["Procedure"]["properties"]["soort"]
    assert len(soort["enumDescriptions"]) == len(soort["enum"]) == len(soort["markdownEnumDescriptions"])
    assert all(soort["enumDescriptions"])
