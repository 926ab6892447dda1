"""Generated dossiers for fuzzing: the base dossier with random, type-breaking mutations.

Shared by tests/test_eigenschappen.py (a short run) and benchmarks/fuzz.py (a long run).
"""

from __future__ import annotations

import copy
import datetime as dt
import random
from typing import Any, Iterator

import yaml

ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, 10**40, 1.5, float("inf"), "", " ", "nee", "120.000", "01-07-2020",
    "2020-02-30", "{{ 7*7 }}", "# kop", "<w:p/>", "@cite", "#set page(width: 1cm)", "é€ü", "x" * 500,
    [], [1, 2], {}, {"onbekend": 1}, dt.date(2020, 7, 1), dt.date(1900, 1, 1), dt.date(2999, 12, 31),
    "P1", "P9", 100, 0.0, [{"naam": "x"}], {"jaren": 0}, {"jaren": 500},
]


def _paths(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


def mutate(base: dict, rng: random.Random, count: int) -> dict:
    data = copy.deepcopy(base)
    for _ in range(count):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = rng.choice(paths)
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = rng.random()
        if action < 0.3 and isinstance(parent, dict):
            del parent[last]
        elif action < 0.4 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif action < 0.5 and isinstance(parent, dict):
            parent[rng.choice(["onbekend", last + "x" if isinstance(last, str) else "y"])] = rng.choice(ODD_VALUES)
        else:
            parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))
    return data


def generated_dossiers(base: dict, seed: int, count: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for _ in range(count):
        data = mutate(base, rng, rng.randint(1, 6))
        yield yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
