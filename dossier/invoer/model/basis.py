"""The base of every model: strict, no unknown keys, frozen; fields with a Dutch description."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


def veld(beschrijving: str, default=..., **kwargs):
    """A field with its Dutch description (shown in editors through the JSON Schema)."""
    return Field(default, description=beschrijving, **kwargs)


class Strikt(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
