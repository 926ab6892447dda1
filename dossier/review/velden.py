"""Which fields of the dossier changed between two versions: path, old value, new value, line in each file.

The two YAML files are compared as data (what the author wrote, as loaded with positions), not as
text: a re-indented block or a moved comment is no change, a changed date is. Mappings are
compared key by key; lists are aligned on their items (an inserted perceel is one added item, not
every later perceel changed), and a changed item is compared field by field. An added or removed
item or mapping is reported once, at its own path, with its value in short.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..invoer.load import LoadedDocument, Path_, format_path

SHORT = 160  # a value longer than this is shortened in the summary


@dataclass(frozen=True)
class Veldwijziging:
    """One changed field. ``oud``/``nieuw`` are None for an added/removed field; lines are 1-based."""

    pad: str
    soort: str  # gewijzigd, toegevoegd, verwijderd
    oud: Any
    nieuw: Any
    regel_oud: int | None
    regel_nieuw: int | None

    def to_json(self) -> dict[str, Any]:
        return {"pad": self.pad, "soort": self.soort, "oud": _jsonable(self.oud), "nieuw": _jsonable(self.nieuw),
                "regel_oud": self.regel_oud, "regel_nieuw": self.regel_nieuw}


def compare_fields(old: LoadedDocument, new: LoadedDocument) -> list[Veldwijziging]:
    """Every changed field of two loaded dossiers, in the order of the new file."""
    changes: list[tuple[Path_, Path_, str, Any, Any]] = []
    _walk(old.data, new.data, (), (), changes)
    result = []
    for old_path, new_path, soort, a, b in changes:
        result.append(Veldwijziging(
            format_path(new_path if soort != "verwijderd" else old_path), soort, a, b,
            _line(old, old_path) if soort != "toegevoegd" else None,
            _line(new, new_path) if soort != "verwijderd" else None,
        ))
    return result


def short(value: Any) -> str:
    """A value as one line in YAML's own notation, as the author wrote it."""
    if value is None:
        return "(leeg)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        text = json.dumps(_jsonable(value), ensure_ascii=False)
    else:
        text = str(_jsonable(value))
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value != value:
        return "nan"
    return value


def _line(document: LoadedDocument, path: Path_) -> int | None:
    position = document.key_positions.get(path) or document.positions.get(path)
    return position[0] if position else None


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _walk(a: Any, b: Any, pa: Path_, pb: Path_, out: list[tuple[Path_, Path_, str, Any, Any]]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in b:
            if key not in a:
                out.append(((*pa, key), (*pb, key), "toegevoegd", None, b[key]))
            else:
                _walk(a[key], b[key], (*pa, key), (*pb, key), out)
        for key in a:
            if key not in b:
                out.append(((*pa, key), (*pb, key), "verwijderd", a[key], None))
        return
    if isinstance(a, list) and isinstance(b, list):
        _walk_list(a, b, pa, pb, out)
        return
    if not _same(a, b):
        out.append((pa, pb, "gewijzigd", a, b))


def _walk_list(a: list[Any], b: list[Any], pa: Path_, pb: Path_, out: list[tuple[Path_, Path_, str, Any, Any]]) -> None:
    keys_a = [json.dumps(_jsonable(x), sort_keys=True) for x in a]
    keys_b = [json.dumps(_jsonable(x), sort_keys=True) for x in b]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):  # an edited item: compare it field by field
            _walk(a[i1 + k], b[j1 + k], (*pa, i1 + k), (*pb, j1 + k), out)
        for i in range(i1 + paired, i2):
            out.append(((*pa, i), (*pb, j1 + paired), "verwijderd", a[i], None))
        for j in range(j1 + paired, j2):
            out.append(((*pa, i1 + paired), (*pb, j), "toegevoegd", None, b[j]))


__all__ = ["Veldwijziging", "compare_fields", "short"]
