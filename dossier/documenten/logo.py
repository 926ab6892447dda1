"""The logo of a set, checked from its header before Word or Typst decodes it.

A file called ``logo.png`` that is really something else cannot go into a Word file (D564); a real
PNG of 30000 x 30000 pixels takes gigabytes once Typst decodes it (D452). Both are refused when the
set is resolved, before anything is rendered, by reading only the header: the PNG ``IHDR`` chunk, or the JPEG frame header
(``SOFn``) after the segments before it. Nothing is decoded here.
"""

from __future__ import annotations

import struct
from pathlib import Path

from ..diagnostics import DossierError, Location, make
from .veilige_sets import read_set_file

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 10_000  # pixels; a logo of 4 cm is sharp at 600 pixels
MAX_PIXELS = 25_000_000
_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG frame headers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def check_logo(path: Path) -> None:
    """Refuse (coded) a logo that is not the PNG or JPEG its name says, or too large to decode safely."""
    shown = "/".join(path.parts[-3:])
    where = Location(shown)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DossierError([make("D452", where, bestand=shown, afmeting=f"{size / 1024 / 1024:.0f} MB".replace(".", ","),
                                 maximum=f"{MAX_BYTES // 1024 // 1024} MB")])
    data = read_set_file(path.parent.parent, path)
    expected = "png" if path.suffix.lower() == ".png" else "jpeg"
    size = image_size(data)
    if size is None or size[0] != expected:
        raise DossierError([make("D564", where, logo=shown, reden=f"het heet een {expected.upper()}-bestand, maar is {_kind(data)}")])
    _, width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise DossierError([make("D452", where, bestand=shown, afmeting=f"{width} x {height} pixels",
                                 maximum=f"{MAX_SIDE} pixels per zijde en {MAX_PIXELS // 1_000_000} miljoen pixels")])


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """``("png" | "jpeg", width, height)`` from the header of ``data``; None if it is neither."""
    dimensions = _png(data) if data.startswith(_PNG) else _jpeg(data)
    if dimensions is None:
        return None
    return ("png" if data.startswith(_PNG) else "jpeg", *dimensions)


def _png(data: bytes) -> tuple[int, int] | None:
    if not data.startswith(_PNG) or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return (width, height) if width and height else None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    """Walk the segments to the first frame header; None if the file is not a JPEG."""
    if not data.startswith(b"\xff\xd8"):
        return None
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            index += 2
            continue
        length = struct.unpack(">H", data[index + 2:index + 4])[0]
        if marker in _SOF and index + 9 <= len(data):
            height, width = struct.unpack(">HH", data[index + 5:index + 9])
            return (width, height) if width and height else None
        if length < 2 or marker in (0xD9, 0xDA):  # end of image or scan data before any frame header
            return None
        index += 2 + length
    return None


def _kind(data: bytes) -> str:
    signatures = {_PNG: "een PNG", b"\xff\xd8": "een JPEG", b"GIF8": "een GIF", b"%PDF": "een PDF", b"PK": "een zip-bestand",
                  b"<": "tekst of XML (SVG?)", b"RIFF": "een WebP of ander RIFF-bestand", b"BM": "een BMP"}
    for signature, name in signatures.items():
        if data.startswith(signature):
            return name
    return "geen afbeelding" if data else "een leeg bestand"
