"""Template sets: the folders a dossier's documents come from, resolved once per build.

A set is a folder in ``sjablonen/`` (or in $DOSSIER_SJABLONEN). It may hold ``sjabloonset.yaml``
with its ``versie`` and the set it builds on (``erft_van``, default ``basis``), so a region can keep
a shared set with its house style and each municipality a small set with a few clauses of its own:
``gemeente-dongen`` -> ``hart-van-brabant`` -> ``basis``. Set names never leave the template root.

``resolve`` returns one frozen ``Sjabloonset``: the chain of sets and the house-style files (Word
reference document, Typst template, logo) found along it, each checked once: no link out of a set,
no device or FIFO, no remote content or macros in the reference document (``veilige_sets``,
``referentie``). Rendering and writing both use that one
object, so the chain is read once per build and both stages agree on every file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import DossierError, Location, make
from ..invoer.load import LoadedDocument, load_file
from .huisstijl import Huisstijl, read_house_style
from .logo import check_logo
from .referentie import check_reference
from .veilige_sets import check_pandoc_template, check_set

# The shipped sets: dossier/sjablonen in an installed package (in a checkout a link to sjablonen/ at
# the top, which is also where a checkout without symbolic links finds them).
_PACKAGED = (Path(__file__).resolve().parent.parent / "sjablonen").resolve()
PROJECT_TEMPLATES = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parent.parent.parent / "sjablonen"
BASE_SET = "basis"
SET_FILE = "sjabloonset.yaml"
MAX_CHAIN = 6
SETTINGS = ("versie", "erft_van", "omschrijving", "huisstijl")
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


@dataclass(frozen=True)
class TemplateSet:
    """One folder of the chain."""

    naam: str
    map: Path
    versie: str


@dataclass(frozen=True)
class Sjabloonset:
    """The resolved template set of one build: the chain (own set first, ``basis`` last) and house style."""

    wortel: Path  # the template root all sets live in
    keten: tuple[TemplateSet, ...]
    referentie: Path | None  # a set's own Word reference document; None: generated from the house style
    pdf_sjabloon: Path  # pandoc template for Typst
    logo: Path | None
    huisstijl: Huisstijl

    @property
    def naam(self) -> str:
        return self.keten[0].naam

    @property
    def mappen(self) -> list[Path]:
        return [s.map for s in self.keten]


def template_root() -> Path:
    """The folder with the template sets: ``sjablonen/`` of the project, or $DOSSIER_SJABLONEN."""
    configured = os.environ.get("DOSSIER_SJABLONEN")
    return Path(configured).resolve() if configured else PROJECT_TEMPLATES


def _folder(root: Path, name: str, where: Location) -> Path:
    if not _NAME.fullmatch(name):
        raise DossierError([make("D404", where, waarde=name)])
    folder = (root / name).resolve()
    if folder.parent != root.resolve():
        raise DossierError([make("D404", where, waarde=name)])
    if not folder.is_dir():
        available = sorted(p.name for p in root.iterdir() if p.is_dir())
        raise DossierError([make("D403", where, naam=name, beschikbaar=", ".join(available))])
    return folder


def _settings(folder: Path) -> tuple[dict, LoadedDocument | None]:
    """``sjabloonset.yaml``, read like a dossier: size, depth, aliases and tags limited, lines kept."""
    path = folder / SET_FILE
    if not path.is_file():
        return {}, None
    shown = f"{folder.name}/{SET_FILE}"
    try:
        document = load_file(path, shown)
    except DossierError as exc:
        codes = {d.code for d in exc.diagnostics}
        if codes == {"D109"}:  # only comments: a set without settings
            return {}, None
        if codes == {"D110"}:
            raise DossierError([make("D407", Location(shown, "", 1, 1), reden="bovenaan horen sleutels te staan")]) from None
        raise
    for key, value in document.data.items():
        where = document.locate((key,), on_key=True)
        if key not in SETTINGS:
            raise DossierError([make("D407", where, reden=f"de sleutel '{key}' is onbekend",
                                     hint="sjabloonset.yaml kent alleen " + ", ".join(f"'{k}'" for k in SETTINGS))])
        if key == "erft_van" and (value is None or value == ""):
            raise DossierError([make("D447", where)])
        if key != "huisstijl" and (isinstance(value, (dict, list)) or (key == "erft_van" and not isinstance(value, str))):
            raise DossierError([make("D407", where, reden=f"'{key}' moet een enkele tekst zijn")])
    return document.data, document


def chain(sjabloonset: str | None, root: Path | None = None) -> tuple[TemplateSet, ...]:
    """The sets to search, the dossier's own first and ``basis`` last."""
    root = root or template_root()
    name = sjabloonset or BASE_SET
    where = Location("sjabloonset")
    sets: list[TemplateSet] = []
    while True:
        if any(s.naam == name for s in sets) or len(sets) >= MAX_CHAIN:
            raise DossierError([make("D407", where, reden=f"de keten van sjabloonsets is rond of te lang bij '{name}'")])
        folder = _folder(root, name, where)
        check_set(folder)  # no link out of the set, no FIFO or device, before anything is read
        settings, document = _settings(folder)
        sets.append(TemplateSet(name, folder, str(settings.get("versie", "onbekend"))))
        if name == BASE_SET:
            return tuple(sets)
        name = settings.get("erft_van", BASE_SET)
        if document is not None and "erft_van" in settings:
            where = document.locate(("erft_van",))


def _house_style(root: Path, sets: tuple[TemplateSet, ...], name: str, code: str = "D403") -> Path:
    """The first ``huisstijl/<name>`` along the chain, never outside the template root."""
    for template_set in sets:
        candidate = template_set.map / "huisstijl" / name
        if candidate.is_file():
            if not candidate.resolve().is_relative_to(root.resolve()):
                raise DossierError([make("D404", Location(f"huisstijl/{name}"), waarde=name)])
            return candidate
    raise DossierError([make(code, Location("huisstijl"), naam=name if code == "D406" else f"huisstijl/{name}", beschikbaar="basis")])


def resolve(sjabloonset: str | None, logo: str | None = None) -> Sjabloonset:
    """The template set of a dossier with its house-style files, read once per build."""
    root = template_root()
    sets = chain(sjabloonset, root)
    reference = None  # no file of its own: generated from the house style
    if any((s.map / "huisstijl" / "referentie.docx").is_file() for s in sets):
        reference = _house_style(root, sets, "referentie.docx")
        check_reference(reference)  # nothing remote, no macros, no DTD: it is copied into every .docx
    template = _house_style(root, sets, "pdf.typ")
    check_pandoc_template(template.parent.parent, template)
    logo_path = _house_style(root, sets, logo, "D406") if logo else None
    if logo_path is not None:
        check_logo(logo_path)  # really the PNG or JPEG its name says, and not too large to decode
    return Sjabloonset(wortel=root, keten=sets, referentie=reference, pdf_sjabloon=template, logo=logo_path,
                       huisstijl=read_house_style([(s.map, _settings(s.map)[0]) for s in sets]))
