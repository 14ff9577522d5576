"""Reading a recording: its lines, plain or gzipped, whatever an editor saved it with."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from blueroom.sources.recording import READ_ERRORS, numbered_lines, open_lines
from blueroom.sources.x_payload import PayloadParser
from tests.conftest import post

BOM = b"\xef\xbb\xbf"
LINES = [json.dumps(post(str(n), f"question {n}?")).encode() + b"\n" for n in (1, 2, 3)]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


@pytest.mark.parametrize("name", ["bom.jsonl", "bom.jsonl.gz"])
def test_a_leading_byte_order_mark_is_not_part_of_the_first_post(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, BOM + b"".join(LINES))
    with open_lines(path) as handle:
        assert handle.readlines() == LINES
    parser = PayloadParser()
    for _loop in range(2):  # every loop reads the file again from its start
        numbered = list(numbered_lines(path))
        assert numbered == list(enumerate(LINES, 1))
        for _, raw in numbered:
            assert parser.parse(raw).problems == []
    assert list(numbered_lines(path, start_line=2)) == [(3, LINES[2])]


@pytest.mark.parametrize("name", ["plain.jsonl", "plain.jsonl.gz"])
@pytest.mark.parametrize(
    "data",
    [b"".join(LINES), b"", b"{", b"\xef\xbb", b"x" + BOM + b"\n", b"\n" + BOM + b"{}\n"],
    ids=["posts", "empty", "one byte", "half a mark", "mark inside", "mark on line 2"],
)
def test_a_recording_without_a_leading_mark_is_read_as_it_is(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = write(tmp_path / name, data)
    with open_lines(path) as handle:
        assert b"".join(handle.readlines()) == data
    assert b"".join(raw for _, raw in numbered_lines(path)) == data


def test_only_one_leading_mark_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path / "twice.jsonl", BOM + BOM + LINES[0])
    with open_lines(path) as handle:
        assert handle.read() == BOM + LINES[0]


def test_a_damaged_gzip_header_is_a_reading_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b"".join(LINES))[:6])
    with pytest.raises(READ_ERRORS):
        list(numbered_lines(path))
