"""Shared helpers for the data-driven tests."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "gevallen"
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


def split_path(path: str) -> list[str | int]:
    return [int(index) if index else key for key, index in _PART.findall(path)]


def apply_patch(data: dict, patch: dict) -> dict:
    """Set each dotted path (``a.b[0].c``) of ``patch``; a null value removes the key."""
    data = copy.deepcopy(data)
    for path, value in patch.items():
        parts = split_path(path)
        target = data
        for part in parts[:-1]:
            if isinstance(part, str) and part not in target:
                target[part] = {}
            target = target[part]
        last = parts[-1]
        if value is None and isinstance(last, str):
            target.pop(last, None)
        else:
            target[last] = value
    return data


def write_case(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path
