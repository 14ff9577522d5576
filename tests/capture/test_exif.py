"""The booth's Exif block, read back by an independent reader: Debian's ``file`` command
(libmagic's TIFF/Exif parser), which prints IFD0's description, software and datetime."""

from __future__ import annotations

import shutil
import struct
import subprocess
import time
from pathlib import Path

import cv2
import numpy as np

from blueroom.capture.exif import MAX_TEXT, ExifFields, exif_segment, exif_time, with_exif

T0 = 1_800_000_000.0


def file_says(path: Path) -> str:
    """What ``file`` prints, its octal escapes of UTF-8 bytes decoded."""
    command = shutil.which("file")
    assert command is not None, "the `file` command is needed (apt-get install file)"
    out = subprocess.run([command, "-b", str(path)], capture_output=True, check=True).stdout
    raw = out.decode("ascii").strip().encode("latin-1").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", errors="replace")  # `file` cuts long texts


def jpeg(width: int = 80, height: int = 60) -> bytes:
    ok, data = cv2.imencode(".jpg", np.full((height, width, 3), 90, np.uint8))
    assert ok
    return data.tobytes()


def test_file_reads_the_description_software_and_time(tmp_path: Path) -> None:
    fields = ExifFields(T0, description="Merci Léa ! 🎉 #AskBlueRoom", comment="Blue Room")
    path = tmp_path / "final.jpg"
    path.write_bytes(with_exif(jpeg(), fields))
    said = file_says(path)
    assert "Exif standard: [TIFF image data, big-endian" in said
    assert "description=Merci Léa ! 🎉 #AskBlueRoom" in said
    assert "software=Blue Room" in said
    assert f"datetime={exif_time(T0)}" in said
    assert exif_time(T0) == time.strftime("%Y:%m:%d %H:%M:%S", time.localtime(T0))
    image = cv2.imread(str(path))
    assert image is not None and image.shape == (60, 80, 3)  # the picture untouched


def test_the_segment_sits_right_after_the_soi_and_the_jfif_block_is_dropped() -> None:
    original = jpeg()
    assert original[6:11] == b"JFIF\0"  # OpenCV writes a JFIF APP0
    data = with_exif(original, ExifFields(T0, description="x"))
    assert data[:4] == b"\xff\xd8\xff\xe1" and data[6:12] == b"Exif\0\0"
    (length,) = struct.unpack(">H", data[4:6])
    assert data[4 + length : 6 + length] != b"\xff\xe0"  # no JFIF after it
    assert b"JFIF\0" not in data[: 4 + length + 20]
    # a second pass replaces the block rather than stacking another
    again = with_exif(data, ExifFields(T0, description="y"))
    assert again.count(b"Exif\0\0") == 1


def test_the_exif_sub_ifd_holds_the_original_time_and_the_event(tmp_path: Path) -> None:
    segment = exif_segment(ExifFields(T0, description="d", comment="Blue Room · #AskBlueRoom"))
    tiff = segment[10:]
    assert tiff[:4] == b"MM\x00\x2a"
    (ifd0,) = struct.unpack(">I", tiff[4:8])
    (count,) = struct.unpack(">H", tiff[ifd0 : ifd0 + 2])
    entries = {
        struct.unpack(">H", tiff[at : at + 2])[0]: tiff[at : at + 12]
        for at in range(ifd0 + 2, ifd0 + 2 + 12 * count, 12)
    }
    assert sorted(entries) == list(entries)  # IFD entries in ascending tag order
    (sub,) = struct.unpack(">I", entries[0x8769][8:12])
    (count,) = struct.unpack(">H", tiff[sub : sub + 2])
    values = {}
    for at in range(sub + 2, sub + 2 + 12 * count, 12):
        tag, _kind, n, offset = struct.unpack(">HHII", tiff[at : at + 12])
        values[tag] = tiff[offset : offset + n] if n > 4 else tiff[at + 8 : at + 8 + n]
    assert values[0x9000] == b"0232"
    assert values[0x9003] == exif_time(T0).encode() + b"\0"
    assert values[0x9286] == b"UNICODE\0" + "Blue Room · #AskBlueRoom".encode("utf-16-be")


def test_a_very_long_caption_is_cut_at_a_character_and_still_fits(tmp_path: Path) -> None:
    caption = "é" * (MAX_TEXT * 2)
    path = tmp_path / "long.jpg"
    path.write_bytes(with_exif(jpeg(), ExifFields(T0, description=caption)))
    said = file_says(path)
    assert "description=éééé" in said and "software=Blue Room" in said
