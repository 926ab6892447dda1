"""The logo of the cover: checked once (PNG or JPEG), measured for Word, described for both formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import DossierError, Location, make
from ..documenten.logo import image_size


@dataclass(frozen=True)
class Logo:
    path: Path
    data: bytes
    extension: str  # png or jpeg
    pixels: tuple[int, int]  # width, height
    alt: str  # alternative text for screen readers (PDF/UA, Word's descr)


def read_logo(path: Path, organisatie: str) -> Logo:
    """The logo with its format and size; D564 for anything Word cannot show as a plain image."""
    def wrong(reason: str) -> DossierError:
        return DossierError([make("D564", Location(path.name), logo=path.name, reden=reason)])

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise wrong(exc.strerror or str(exc)) from None
    size = image_size(data)  # the header only, as when the set was resolved
    if size is None:
        raise wrong("het is geen PNG- of JPEG-bestand")
    extension, width, height = size
    if not (0 < width <= 20000 and 0 < height <= 20000):
        raise wrong(f"onbruikbare afmetingen ({width} × {height} pixels)")
    return Logo(path, data, extension, (width, height), f"Logo van {organisatie}")
