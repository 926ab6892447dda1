"""The logo of a set, checked when the set is resolved, before Word or Typst sees it.

A file called ``logo.png`` that is really something else cannot go into a Word file (D564); a real
PNG of 30000 x 30000 pixels takes gigabytes once Typst decodes it (D452). The size comes from the
header only: the PNG ``IHDR`` chunk, or the JPEG frame header (``SOFn``) after the segments before
it. Only then, with the size known to be small, is a PNG's data checked (every chunk's checksum, the
end chunk, the pixels inflated to exactly the size the header gives) and a JPEG's end marker, so a
damaged file is refused here, in Dutch, also for a build that makes only Word.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from ..diagnostics import DossierError, Location, make
from .veilige_sets import read_set_file

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 10_000  # pixels; a logo of 4 cm is sharp at 600 pixels
MAX_PIXELS = 25_000_000
_PNG = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type -> samples per pixel
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
        kind = _kind(data)
        reden = (f"het is een onvolledig of beschadigd {expected.upper()}-bestand" if kind == f"een {expected.upper()}"
                 else f"het heet een {expected.upper()}-bestand, maar is {kind}")
        raise DossierError([make("D564", where, logo=shown, reden=reden)])
    _, width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise DossierError([make("D452", where, bestand=shown, afmeting=f"{width} x {height} pixels",
                                 maximum=f"{MAX_SIDE} pixels per zijde en {MAX_PIXELS // 1_000_000} miljoen pixels")])
    damage = _png_damage(data, width, height) if expected == "png" else _jpeg_damage(data)
    if damage:
        raise DossierError([make("D564", where, logo=shown, reden=f"het is een beschadigd {expected.upper()}-bestand ({damage})")])


def _png_damage(data: bytes, width: int, height: int) -> str | None:
    """Why the PNG's chunks or image data are broken, or None: every chunk's checksum, the end chunk,
    and the compressed pixels inflated (never beyond what the header's size allows)."""
    index, idat = len(_PNG), []
    while index + 12 <= len(data):
        length = struct.unpack(">I", data[index:index + 4])[0]
        kind, body = data[index + 4:index + 8], data[index + 8:index + 8 + length]
        if len(body) < length or index + 12 + length > len(data):
            return "het bestand houdt midden in een blok op"
        if struct.unpack(">I", data[index + 8 + length:index + 12 + length])[0] != zlib.crc32(kind + body):
            return f"de controlesom van blok {kind.decode('latin-1')} klopt niet"
        if kind == b"IDAT":
            idat.append(body)
        if kind == b"IEND":
            break
        index += 12 + length
    else:
        return "het einde van de afbeelding ontbreekt"
    depth, colour, interlaced = data[24], data[25], data[28]
    row = (width * depth * _CHANNELS.get(colour, 4) + 7) // 8
    expected = height * (1 + row)  # one filter byte per row; Adam7 passes add at most 7 rows' worth
    limit = expected + (7 * height + 7 * (1 + row) if interlaced else 1)
    inflate = zlib.decompressobj()
    try:
        pixels = inflate.decompress(b"".join(idat), limit)
    except zlib.error:
        return "de beeldgegevens zijn niet leesbaar"
    if not inflate.eof or (not interlaced and len(pixels) != expected):
        return "de beeldgegevens passen niet bij de afmetingen"
    return None


def _jpeg_damage(data: bytes) -> str | None:
    return None if data.rstrip(b"\x00").endswith(b"\xff\xd9") else "het einde van de afbeelding ontbreekt"


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
