"""Template sets: the folders a dossier's documents come from, searched in order.

A set is a folder in ``sjablonen/`` (or in $DOSSIER_SJABLONEN). It may hold ``sjabloonset.yaml``
with its ``versie`` and the set it builds on (``erft_van``, default ``basis``), so a region can keep
a shared set with its house style and each municipality a small set with a few clauses of its own:
``gemeente-dongen`` -> ``hart-van-brabant`` -> ``basis``. Set names never leave the template root.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .diagnostics import DossierError, Location, make
from .veilige_sets import check_set

PROJECT_TEMPLATES = Path(__file__).resolve().parent.parent / "sjablonen"
BASE_SET = "basis"
SET_FILE = "sjabloonset.yaml"
MAX_CHAIN = 6
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


@dataclass(frozen=True)
class TemplateSet:
    naam: str
    map: Path
    versie: str


def template_root() -> Path:
    """The folder with the template sets: ``sjablonen/`` of the project, or $DOSSIER_SJABLONEN."""
    configured = os.environ.get("DOSSIER_SJABLONEN")
    return Path(configured).resolve() if configured else PROJECT_TEMPLATES


def _folder(root: Path, name: str) -> Path:
    if not _NAME.fullmatch(name):
        raise DossierError([make("D404", Location("sjabloonset"), waarde=name)])
    folder = (root / name).resolve()
    if folder.parent != root.resolve():
        raise DossierError([make("D404", Location("sjabloonset"), waarde=name)])
    if not folder.is_dir():
        available = sorted(p.name for p in root.iterdir() if p.is_dir())
        raise DossierError([make("D403", Location("sjabloonset"), naam=name, beschikbaar=", ".join(available))])
    return folder


def _settings(folder: Path) -> dict:
    path = folder / SET_FILE
    if not path.is_file():
        return {}
    where = Location(str(path))
    try:
        data = yaml.safe_load(path.read_text("utf-8")[:65536]) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        raise DossierError([make("D407", where, reden=str(exc).splitlines()[0])]) from None
    if not isinstance(data, dict) or set(data) - {"versie", "erft_van", "omschrijving"}:
        raise DossierError([make("D407", where, reden="alleen 'versie', 'erft_van' en 'omschrijving' zijn toegestaan")])
    return data


def chain(sjabloonset: str | None) -> list[TemplateSet]:
    """The sets to search, the dossier's own first and ``basis`` last."""
    root = template_root()
    name = sjabloonset or BASE_SET
    sets: list[TemplateSet] = []
    while True:
        if any(s.naam == name for s in sets) or len(sets) >= MAX_CHAIN:
            raise DossierError([make("D407", Location(SET_FILE), reden=f"de keten van sjabloonsets is rond of te lang bij '{name}'")])
        folder = _folder(root, name)
        check_set(folder)  # no link out of the set, no FIFO or device, before anything is read
        settings = _settings(folder)
        sets.append(TemplateSet(name, folder, str(settings.get("versie", "onbekend"))))
        if name == BASE_SET:
            return sets
        name = str(settings.get("erft_van", BASE_SET))


def template_dirs(sjabloonset: str | None) -> list[Path]:
    return [s.map for s in chain(sjabloonset)]
