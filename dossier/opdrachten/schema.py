"""``schema``: the JSON Schema of the dossier format, for completion and checking in editors."""

from __future__ import annotations

import json

from ..invoer.model import Dossier


def command_schema() -> int:
    """Print the schema (draft 2020-12)."""
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Aanbestedingsdossier (dossier)"
    print(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True))
    return 0
