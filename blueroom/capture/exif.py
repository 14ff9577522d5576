"""A minimal Exif block for the booth's final JPEG, written by hand (no Qt, no library).

The APP1 segment holds a big-endian TIFF structure: IFD0 with ImageDescription (the
caption and the hashtag), Software, DateTime and Artist, and a pointer to the Exif
sub-IFD with ExifVersion, DateTimeOriginal and, optionally, UserComment (the event,
as UNICODE: UCS-2 in the TIFF's byte order, as Exif 2.3 §4.6.5 says). The ASCII fields
carry UTF-8 bytes (what Exif 3.0 calls UTF-8 and common readers read); a text longer
than ``MAX_TEXT`` bytes is cut at a character, so the segment always fits its 64 KB.

``with_exif`` puts the segment right after the JPEG's SOI (where Exif wants it) and
drops a JFIF APP0, as a camera's file has it.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass

SOI = b"\xff\xd8"
APP0 = 0xE0
APP1 = 0xE1
MAX_TEXT = 4000  # bytes of a text field (the segment's limit is 65,533)

ASCII, SHORT, LONG, UNDEFINED = 2, 3, 4, 7
TAG_IMAGE_DESCRIPTION = 0x010E
TAG_SOFTWARE = 0x0131
TAG_DATETIME = 0x0132
TAG_ARTIST = 0x013B
TAG_EXIF_IFD = 0x8769
TAG_EXIF_VERSION = 0x9000
TAG_DATETIME_ORIGINAL = 0x9003
TAG_USER_COMMENT = 0x9286


@dataclass(frozen=True, slots=True)
class ExifFields:
    taken_at: float  # wall-clock seconds: DateTime and DateTimeOriginal (local time)
    description: str = ""  # ImageDescription
    artist: str = "Blue Room"
    software: str = "Blue Room"
    comment: str = ""  # UserComment (the event), left out when empty


def exif_time(seconds: float) -> str:
    return time.strftime("%Y:%m:%d %H:%M:%S", time.localtime(seconds))


def _text(value: str) -> bytes:
    data = value.encode("utf-8")
    if len(data) > MAX_TEXT:
        data = data[:MAX_TEXT].decode("utf-8", errors="ignore").encode("utf-8")
    return data + b"\0"


Entry = tuple[int, int, int, bytes]  # tag, type, count, value bytes


def _ifd(entries: list[Entry], start: int) -> bytes:
    """An IFD at offset ``start`` of the TIFF data: its entries (sorted by tag), no next
    IFD, then the values that do not fit in an entry's four bytes."""
    entries = sorted(entries)
    head = struct.pack(">H", len(entries))
    data_at = start + 2 + 12 * len(entries) + 4
    table, extra = b"", b""
    for tag, kind, count, value in entries:
        if len(value) <= 4:
            table += struct.pack(">HHI", tag, kind, count) + value.ljust(4, b"\0")
        else:
            table += struct.pack(">HHII", tag, kind, count, data_at + len(extra))
            extra += value + (b"\0" if len(value) % 2 else b"")  # word-aligned
    return head + table + struct.pack(">I", 0) + extra


def exif_segment(fields: ExifFields) -> bytes:
    """The whole APP1 segment (marker, length, ``Exif\\0\\0``, TIFF data)."""
    stamp = _text(exif_time(fields.taken_at))
    sub: list[Entry] = [
        (TAG_EXIF_VERSION, UNDEFINED, 4, b"0232"),
        (TAG_DATETIME_ORIGINAL, ASCII, len(stamp), stamp),
    ]
    if fields.comment:
        comment = b"UNICODE\0" + fields.comment[: MAX_TEXT // 2].encode("utf-16-be")
        sub.append((TAG_USER_COMMENT, UNDEFINED, len(comment), comment))
    ifd0: list[Entry] = []
    for tag, value in (
        (TAG_IMAGE_DESCRIPTION, fields.description),
        (TAG_SOFTWARE, fields.software),
        (TAG_DATETIME, exif_time(fields.taken_at)),
        (TAG_ARTIST, fields.artist),
    ):
        if value:
            data = _text(value)
            ifd0.append((tag, ASCII, len(data), data))
    # IFD0's size is known before the sub-IFD's offset goes in it (a LONG fits its entry)
    ifd0.append((TAG_EXIF_IFD, LONG, 1, struct.pack(">I", 0)))
    first = _ifd(ifd0, 8)
    ifd0[-1] = (TAG_EXIF_IFD, LONG, 1, struct.pack(">I", 8 + len(first)))
    first = _ifd(ifd0, 8)
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + first + _ifd(sub, 8 + len(first))
    body = b"Exif\0\0" + tiff
    if len(body) + 2 > 0xFFFF:
        raise ValueError("the Exif block is too long for one segment")
    return struct.pack(">BBH", 0xFF, APP1, len(body) + 2) + body


def with_exif(jpeg: bytes, fields: ExifFields) -> bytes:
    """``jpeg`` with the Exif segment right after its SOI (any JFIF APP0 or earlier Exif
    APP1 dropped); the image data untouched."""
    if not jpeg.startswith(SOI):
        raise ValueError("not a JPEG (no SOI marker)")
    at = 2
    while at + 4 <= len(jpeg) and jpeg[at] == 0xFF and jpeg[at + 1] in (APP0, APP1):
        (length,) = struct.unpack(">H", jpeg[at + 2 : at + 4])
        segment = jpeg[at + 4 : at + 2 + length]
        if not (segment.startswith(b"JFIF\0") or segment.startswith(b"Exif\0")):
            break
        at += 2 + length
    return SOI + exif_segment(fields) + jpeg[at:]
