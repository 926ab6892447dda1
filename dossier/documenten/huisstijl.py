"""House style: the look of Word and PDF, read from ``huisstijl:`` in ``sjabloonset.yaml``.

One set of values (font, sizes, colours, margins, spacing) drives both the generated Word reference
document and the Typst template, so the two formats look alike. ``basis`` declares every value; a
set that builds on it names only what it changes (``huisstijl: {lettertype: Source Sans 3}``), and
the nearest set wins per key. Font files live in ``huisstijl/lettertypen/`` of any set in the chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import DossierError, Location, make

FONT_FOLDER = "lettertypen"
_COLOUR = re.compile(r"[0-9A-Fa-f]{6}")
_FONT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .-]{0,62}")
_SIDES = ("boven", "onder", "links", "rechts")

# key -> (kind, lowest, highest); sizes in pt, margins and logo in cm
_NUMBERS = {
    "korps": (7, 14), "korps_tabel": (7, 12), "korps_kopregel": (6, 11), "korps_titel": (14, 40),
    "regelafstand": (1.0, 2.0), "alinea_na": (0, 24), "logo_breedte": (1, 10),
}
_COLOURS = ("kleur_koppen", "kleur_tekst", "kleur_grijs", "kleur_lijnen", "kleur_tabelkop")
_FLAGS = ("uitvullen", "afbreken")
_FONTS = ("lettertype", "lettertype_vervanging")
KEYS = frozenset((*_NUMBERS, *_COLOURS, *_FLAGS, *_FONTS, "korps_koppen", "marges"))


@dataclass(frozen=True)
class Huisstijl:
    """The resolved house style of one template set (hashable: generated files are cached on it)."""

    lettertype: str  # family name, for Typst and Word
    lettertype_vervanging: str  # what Word shows where the family is not installed (metric-compatible)
    korps: float
    korps_tabel: float
    korps_kopregel: float
    korps_titel: float
    korps_koppen: tuple[float, float, float]
    regelafstand: float  # multiple of single line spacing
    alinea_na: float  # space after a paragraph, pt
    kleur_koppen: str
    kleur_tekst: str
    kleur_grijs: str
    kleur_lijnen: str
    kleur_tabelkop: str
    marges: tuple[float, float, float, float]  # boven, onder, links, rechts in cm
    logo_breedte: float
    uitvullen: bool
    afbreken: bool
    lettertypen: tuple[Path, ...]  # font folders along the chain, own set first

    @property
    def tekstbreedte_cm(self) -> float:
        """Width of the text block on A4."""
        return 21.0 - self.marges[2] - self.marges[3]

    def kop_ruimte(self, niveau: int) -> tuple[float, float]:
        """Space above and below a heading of level 1-3, in pt: the same in Word and PDF."""
        size = self.korps_koppen[niveau - 1]
        return round(size * 1.2), round(size * 0.45)

    # Cover layout, shared by both formats: room above the organisation's name (below the logo)
    # and the tab position of the values in the kenmerk/versie/status/datum block, in pt.
    omslag_ruimte_pt = 150.0
    omslag_tab_pt = 85.0


def read_house_style(sets: list[tuple[Path, dict]]) -> Huisstijl:
    """Merge ``huisstijl:`` of every set (own set first in ``sets``) and check each value."""
    merged: dict[str, tuple[Any, Path]] = {}
    for folder, settings in reversed(sets):
        raw = settings.get("huisstijl") or {}
        where = folder / "sjabloonset.yaml"
        if not isinstance(raw, dict):
            raise DossierError([make("D560", Location(str(where), "huisstijl"), sleutel="huisstijl", reden="dit moet een lijst van sleutels met waarden zijn")])
        for key, value in raw.items():
            if key not in KEYS:
                raise DossierError([make("D561", Location(str(where), f"huisstijl.{key}"), sleutel=key, toegestaan=", ".join(sorted(KEYS)))])
            merged[key] = (value, where)
    missing = sorted(KEYS - set(merged))
    if missing:
        raise DossierError([make("D562", Location(str(sets[-1][0] / "sjabloonset.yaml"), "huisstijl"), sleutels=", ".join(missing))])
    values = {key: _check(key, value, where) for key, (value, where) in merged.items()}
    folders = tuple(f / "huisstijl" / FONT_FOLDER for f, _ in sets if (f / "huisstijl" / FONT_FOLDER).is_dir())
    return Huisstijl(**values, lettertypen=folders)


def _check(key: str, value: Any, where: Path) -> Any:
    def wrong(reason: str) -> DossierError:
        return DossierError([make("D560", Location(str(where), f"huisstijl.{key}"), sleutel=key, reden=reason)])

    if key in _NUMBERS:
        return _number(value, *_NUMBERS[key], wrong)
    if key in _COLOURS:
        if not isinstance(value, str) or not _COLOUR.fullmatch(value.removeprefix("#")):
            raise wrong("een kleur is zes hexadecimale tekens, zoals \"1F3864\"")
        return value.removeprefix("#").upper()
    if key in _FLAGS:
        if not isinstance(value, bool):
            raise wrong("kies ja of nee (true of false)")
        return value
    if key in _FONTS:
        if not isinstance(value, str) or not _FONT_NAME.fullmatch(value):
            raise wrong("de naam van een lettertype bestaat uit letters, cijfers, spaties, punten en streepjes")
        return value
    if key == "korps_koppen":
        if not isinstance(value, list) or len(value) != 3:
            raise wrong("geef drie korpsen in punten, voor kop 1, 2 en 3, zoals [14, 12, 11]")
        return tuple(_number(v, 8, 30, wrong) for v in value)
    if not isinstance(value, dict) or set(value) != set(_SIDES):
        raise wrong("geef de marges boven, onder, links en rechts in centimeters")
    return tuple(_number(value[side], 1, 5, wrong) for side in _SIDES)


def _number(value: Any, low: float, high: float, wrong) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise wrong(f"een getal van {low:g} tot en met {high:g} verwacht")
    if not low <= value <= high:
        raise wrong(f"{value:g} ligt niet tussen {low:g} en {high:g}")
    return float(value)
