"""The logo of the cover: checked once (PNG or JPEG), measured for Word, described for both formats."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import DossierError, Location, make

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


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
    if data.startswith(_PNG) and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        extension = "png"
    elif data.startswith(b"\xff\xd8"):
        width, height = _jpeg_size(data)
        extension = "jpeg"
    else:
        raise wrong("het is geen PNG- of JPEG-bestand")
    if not (0 < width <= 20000 and 0 < height <= 20000):
        raise wrong(f"onbruikbare afmetingen ({width} × {height} pixels)")
    return Logo(path, data, extension, (width, height), f"Logo van {organisatie}")


def _jpeg_size(data: bytes) -> tuple[int, int]:
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            position += 1
            continue
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return width, height
        position += 2 + length
    return 0, 0
