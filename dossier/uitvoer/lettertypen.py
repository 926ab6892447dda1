"""The house font: its files in the template set, its name for Word and its metrics for tables.

Typst reads the font files through ``font_paths``; Word only names the family. The advance widths
of the regular and bold face measure the longest word of a table column, so a column is never
narrower than a word in it (Word and PDF get the same widths, computed once from the same file).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from ..diagnostics import DossierError, Location, make
from ..documenten.huisstijl import Huisstijl

_SUFFIXES = (".ttf", ".otf")


@dataclass(frozen=True)
class Face:
    """One face of the family: advance widths per character, in font units."""

    path: Path
    units_per_em: int
    advances: dict[int, int]
    default: int  # advance of a character the font lacks (its .notdef)
    panose: str  # ten bytes as hex, for Word's font table
    ascender: float  # hhea ascender, descender (positive) and line gap, in em
    descender: float
    line_gap: float

    @property
    def single_line(self) -> float:
        """Height of a line at single spacing, in em, as Word and LibreOffice set it."""
        return self.ascender + self.descender + self.line_gap

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` set at ``size`` points, in points (no kerning, as Word sets it)."""
        units = sum(self.advances.get(ord(ch), self.default) for ch in text)
        return units * size / self.units_per_em


@dataclass(frozen=True)
class Lettertype:
    """The house family: regular and bold face."""

    familie: str
    gewoon: Face
    vet: Face

    def widest_word(self, text: str, size: float, bold: bool = False) -> float:
        face = self.vet if bold else self.gewoon
        return max((face.width(word, size) for word in text.split()), default=0.0)


def font_files(folders: tuple[Path, ...]) -> list[Path]:
    """Every font file of the set's font folders, in a fixed order."""
    return sorted((p for folder in folders for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES), key=lambda p: p.as_posix())


@functools.lru_cache(maxsize=8)
def house_font(huisstijl: Huisstijl) -> Lettertype:
    """The family named by the house style, from the set's own files; D563 when it is not there."""
    faces: dict[tuple[bool, bool], Path] = {}
    found: set[str] = set()
    for path in font_files(huisstijl.lettertypen):
        try:
            font = TTFont(str(path), lazy=True, fontNumber=0)
            family = _family(font)
            bold, italic = _style(font)
        except (TTLibError, OSError, KeyError, AttributeError):
            continue
        found.add(family)
        if family.casefold() == huisstijl.lettertype.casefold():
            faces.setdefault((bold, italic), path)
    missing = [name for key, name in (((False, False), "gewoon"), ((True, False), "vet")) if key not in faces]
    if missing:
        reason = "geen bestanden van deze familie" if len(missing) == 2 else f"de snit {missing[0]} ontbreekt"
        raise DossierError([make("D563", Location("huisstijl.lettertype"), lettertype=huisstijl.lettertype, reden=reason,
                                 gevonden=", ".join(sorted(found)) or "geen")])
    return Lettertype(huisstijl.lettertype, _face(faces[(False, False)]), _face(faces[(True, False)]))


def _family(font: TTFont) -> str:
    names = font["name"]
    record = names.getName(16, 3, 1, 0x409) or names.getName(1, 3, 1, 0x409) or names.getName(1, 1, 0, 0)
    return record.toUnicode().strip()


def _style(font: TTFont) -> tuple[bool, bool]:
    os2 = font["OS/2"]
    return os2.usWeightClass >= 600, bool(os2.fsSelection & 1)


def _face(path: Path) -> Face:
    font = TTFont(str(path), lazy=True, fontNumber=0)
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap() or {}
    advances = {code: metrics[glyph][0] for code, glyph in cmap.items() if glyph in metrics}
    panose = font["OS/2"].panose
    fields = ("bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast", "bStrokeVariation", "bArmStyle",
              "bLetterForm", "bMidline", "bXHeight")
    upm = font["head"].unitsPerEm
    hhea = font["hhea"]
    return Face(path, upm, advances, metrics[".notdef"][0] if ".notdef" in metrics else upm // 2,
                "".join(f"{getattr(panose, f):02X}" for f in fields),
                hhea.ascent / upm, abs(hhea.descent) / upm, hhea.lineGap / upm)
