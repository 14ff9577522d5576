"""Reading a recording: its lines, plain or gzipped, whatever an editor saved it with."""

from __future__ import annotations

import ast
import gzip
import json
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from blueroom.sources.recording import (
    READ_ERRORS,
    numbered_lines,
    open_lines,
    recording_problem,
)
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


# ── what is wrong with a path given as the recording ─────────────────────────────


def test_a_readable_recording_has_no_problem(tmp_path: Path) -> None:
    assert recording_problem(write(tmp_path / "ok.jsonl", b"".join(LINES))) is None
    assert recording_problem(write(tmp_path / "ok.jsonl.gz", b"".join(LINES))) is None
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "ok.jsonl")
    assert recording_problem(link) is None


def test_a_missing_recording_is_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    assert recording_problem(missing) == f"replay file not found: {missing}"
    under_a_file = write(tmp_path / "a.jsonl", b"{}\n") / "b.jsonl"
    assert recording_problem(under_a_file) == f"replay file not found: {under_a_file}"
    dangling = tmp_path / "dangling.jsonl"
    dangling.symlink_to(missing)
    assert recording_problem(dangling) == (
        f"replay file not found: {dangling} (a link to {missing}, which does not exist)"
    )


def test_a_folder_is_not_a_recording(tmp_path: Path) -> None:
    assert recording_problem(tmp_path) == f"replay file is a folder, not a recording: {tmp_path}"


def test_a_named_pipe_or_a_socket_or_a_device_is_not_a_recording(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert recording_problem(fifo) == (
        f"replay file is a named pipe, not a regular file (a recording is read more than "
        f"once): {fifo}"
    )
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "s.sock"))
        assert recording_problem(tmp_path / "s.sock") == (
            f"replay file is a socket, not a regular file (a recording is read more than "
            f"once): {tmp_path / 's.sock'}"
        )
    assert recording_problem(Path("/dev/null")) == (
        "replay file is a device, not a regular file (a recording is read more than "
        "once): /dev/null"
    )


def test_an_empty_recording_is_said_to_be_empty(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.jsonl", b"")
    assert recording_problem(empty) == f"replay file is empty: {empty}"


def _problem_as_nobody(path: Path) -> str | None:
    """recording_problem as an unprivileged user: root may read any file.

    As root, it runs in a forked child that gives up root first (a new interpreter
    could not run as nobody: it may not read this one's files).
    """
    if os.geteuid() != 0:
        return recording_problem(path)
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.write(write_end, repr(recording_problem(path)).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = pipe.read().decode()
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0, answer
    problem: str | None = ast.literal_eval(answer)
    return problem


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder anyone may enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="blueroom-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_an_unreadable_recording_says_so(shared_dir: Path) -> None:
    recording = write(shared_dir / "locked.jsonl", b"".join(LINES))
    recording.chmod(0o644)
    assert _problem_as_nobody(recording) is None
    recording.chmod(0o200)
    assert _problem_as_nobody(recording) == (
        f"replay file cannot be read (permission denied): {recording}"
    )
    recording.chmod(0o644)
    shared_dir.chmod(0o700)  # nobody may even look inside the folder
    assert _problem_as_nobody(recording) == (
        f"replay file cannot be read (permission denied): {recording}"
    )
