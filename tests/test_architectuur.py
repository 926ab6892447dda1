"""The house layout holds: data flows one way, modules stay small, no import cycles.

Each top-level part of ``dossier/`` has a level; a module may import only parts of its own or a
lower level (``diagnostics`` is shared by all). A new part of the
package must be given a level here, which is the moment to decide where it belongs.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "dossier"
LEVELS = {
    "diagnostics": 0, "data": 0, "versie": 0, "grenzen": 0,
    "invoer": 1, "nl": 1,  # Dutch formatting knows the model's durations
    "afleiding": 2,
    "regels": 3,
    "documenten": 4,
    "uitvoer": 5,
    "overzicht": 6,
    "uitwisseling": 6,
    "review": 6,  # compares rendered documents and writes them through uitvoer
    "vragen": 6,
    "opdrachten": 7,
    "__init__": 8, "__main__": 8, "cli": 8,
}
MAX_LINES = 400


def _part(module: Path) -> str:
    return module.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(module: Path) -> list[str]:
    """Top-level parts of dossier that ``module`` imports (relative or absolute)."""
    tree = ast.parse(module.read_text("utf-8"))
    package = module.relative_to(PACKAGE).parent.parts
    parts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - (node.level - 1)]) if node.level > 1 else list(package)
                target = base + (node.module.split(".") if node.module else [])
                if not target:  # "from . import x" at the top of the package
                    target = [alias.name for alias in node.names]
                    parts.extend(target)
                    continue
                parts.append(target[0])
            elif node.module and node.module.split(".")[0] == "dossier":
                names = node.module.split(".")[1:] or [alias.name for alias in node.names]
                parts.append(names[0])
        elif isinstance(node, ast.Import):
            parts.extend(a.name.split(".")[1] for a in node.names if a.name.startswith("dossier."))
    return parts


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_part_has_a_level():
    assert {_part(m) for m in _modules()} <= set(LEVELS), "geef een nieuw deel van het pakket een niveau in LEVELS"


def test_no_stage_imports_a_later_stage():
    wrong = []
    for module in _modules():
        own = LEVELS[_part(module)]
        for imported in _imports(module):
            if imported in LEVELS and LEVELS[imported] > own and imported != _part(module):
                wrong.append(f"{module.relative_to(PACKAGE)} -> {imported}")
    assert not wrong


def test_modules_stay_small():
    big = [f"{m.relative_to(PACKAGE)}: {n}" for m in _modules() if (n := len(m.read_text("utf-8").splitlines())) > MAX_LINES]
    assert not big


def test_no_import_cycles_at_runtime():
    """Importing every module on its own works (a cycle shows up as an ImportError)."""
    import importlib
    import subprocess
    import sys

    names = [".".join(("dossier",) + m.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
             for m in _modules() if m.name != "__main__.py"]  # __main__ runs the command line
    code = "import importlib,sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\n"
    for name in names:  # each in a fresh interpreter, so the order of imports cannot hide a cycle
        done = subprocess.run([sys.executable, "-c", code, name], capture_output=True, text=True)
        assert done.returncode == 0, f"{name}: {done.stderr[-400:]}"
    assert importlib.import_module("dossier").controleer.__doc__
