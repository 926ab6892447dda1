"""Block overrides that would silently do nothing are refused.

Jinja ignores a block in a child template that its parent does not have. For a municipality that
means a clause it believes it replaced still prints the base text. Every template of the sets in
front of ``basis`` that extends another is checked once per chain: each block it defines must exist
in the template it extends (or further up). The message says where the block does live.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from jinja2 import nodes

from ..diagnostics import Diagnostic, Location, make
from .sjabloonsets import BASE_SET, TemplateSet


def _parsed(env: jinja2.Environment, name: str) -> nodes.Template | None:
    try:
        source, _, _ = env.loader.get_source(env, name)
        return env.parse(source, name)
    except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
        return None  # reported when the template is rendered


def _extends(tree: nodes.Template) -> str | None:
    node = tree.find(nodes.Extends)
    if node is not None and isinstance(node.template, nodes.Const) and isinstance(node.template.value, str):
        return node.template.value
    return None


def _blocks(env: jinja2.Environment, name: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """Every block a template defines, with those of the templates it extends."""
    tree = _parsed(env, name)
    if tree is None or name in seen:
        return set()
    found = {block.name for block in tree.find_all(nodes.Block)}
    parent = _extends(tree)
    if parent:
        found |= _blocks(env, parent, seen | {name})
    return found


def _where(env: jinja2.Environment, block: str, keten: tuple[TemplateSet, ...]) -> list[str]:
    """Templates of the base set that do define ``block``, for the hint."""
    base = next((s for s in keten if s.naam == BASE_SET), None)
    if base is None:
        return []
    hits = []
    for path in sorted(base.map.rglob("*.j2")):
        name = path.relative_to(base.map).as_posix()
        tree = _parsed(env, f"!{BASE_SET}/{name}")
        if tree is not None and any(b.name == block for b in tree.find_all(nodes.Block)):
            hits.append(name)
    return hits


@functools.lru_cache(maxsize=16)
def check_overrides(env: jinja2.Environment, keten: tuple[TemplateSet, ...]) -> tuple[Diagnostic, ...]:
    """Findings for blocks that a set's template overrides but its parent does not have."""
    findings: list[Diagnostic] = []
    for template_set in keten:
        if template_set.naam == BASE_SET:
            continue
        for path in sorted(template_set.map.rglob("*.j2")):
            if not path.is_file():
                continue
            name = path.relative_to(template_set.map).as_posix()
            tree = _parsed(env, f"!{template_set.naam}/{name}")
            parent = _extends(tree) if tree is not None else None
            if parent is None or _parsed(env, parent) is None:
                continue  # no parent, or a missing one: rendering reports that
            available = _blocks(env, parent)
            for block in tree.find_all(nodes.Block):
                if block.name not in available:
                    elders = _where(env, block.name, keten)
                    findings.append(make(
                        "D408", Location(str(Path(template_set.naam) / name), line=block.lineno),
                        blok=block.name, sjabloon=f"{template_set.naam}/{name}", ouder=parent,
                        hint=(f"het blok '{block.name}' staat in {', '.join(elders)}; maak in uw set een eigen "
                              f"{elders[0]} met {{% extends \"!{BASE_SET}/{elders[0]}\" %}}") if elders else None,
                    ))
    return tuple(findings)
