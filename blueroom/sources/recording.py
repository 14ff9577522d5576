"""Reading a recording: X API v2 JSON lines, optionally gzipped, numbered from 1."""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from isal import igzip
from isal.igzip_lib import IsalError

READ_BYTES = 4 << 20
# What reading a recording can raise: the file itself, a gzip stream cut short or damaged.
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, IsalError)  # type: ignore[assignment]  # isal's stub types IsalError as an instance
GZIP_MAGIC = b"\x1f\x8b"
BOM = b"\xef\xbb\xbf"  # UTF-8 byte-order mark


def open_lines(path: Path) -> IO[bytes]:
    """Open a recording for reading lines; gzip is recognised by its magic bytes.

    Gzip goes through ISA-L (twice the standard library's speed: un-gzipping is a
    good part of what a post costs at full speed). A UTF-8 byte-order mark at the start
    (some editors write one) is skipped: it is not part of the first post.
    """
    raw = path.open("rb")
    handle: IO[bytes] = raw
    try:
        magic = raw.read(2)
        raw.seek(0)
        if magic == GZIP_MAGIC:
            handle = igzip.IGzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        if handle.read(len(BOM)) != BOM:
            handle.seek(0)
    except BaseException:  # a damaged gzip header: close what was opened
        handle.close()
        raw.close()
        raise
    return handle


def numbered_lines(path: Path, start_line: int = 0) -> Iterator[tuple[int, bytes]]:
    """``(number, raw line)`` for every line after ``start_line`` (lines count from 1)."""
    number = 0
    with open_lines(path) as handle:
        # Megabytes at a time: line by line, gzip would let go of the GIL per line.
        while chunk := handle.readlines(READ_BYTES):
            for raw in chunk:
                number += 1
                if number > start_line:
                    yield number, raw


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def recording_problem(path: Path) -> str | None:
    """One line saying why ``path`` cannot be played as a recording; None when it can.

    Checked before playing: a missing file, a folder, a pipe, socket or device (a
    recording is read more than once: measured, then played, then looped), a file that
    cannot be read, an empty one. Whether its lines are X posts is the replay's to say.
    """
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        if path.is_symlink():
            target = path.readlink()
            return f"replay file not found: {path} (a link to {target}, which does not exist)"
        return f"replay file not found: {path}"
    except OSError as error:
        return _cannot_read(path, error)
    problem = _not_a_file(path, mode)
    if problem is not None:
        return problem
    try:
        # Non-blocking: should the file have become a pipe since, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | os.O_CLOEXEC)
        try:
            problem = _not_a_file(path, os.fstat(fd).st_mode)
            if problem is None and not os.read(fd, 1):
                problem = f"replay file is empty: {path}"
        finally:
            os.close(fd)
    except OSError as error:
        return _cannot_read(path, error)
    return problem


def _not_a_file(path: Path, mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"replay file is a folder, not a recording: {path}"
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "a special file")
    return f"replay file is {kind}, not a regular file (a recording is read more than once): {path}"


def _cannot_read(path: Path, error: OSError) -> str:
    why = error.strerror or type(error).__name__
    return f"replay file cannot be read ({why[:1].lower() + why[1:]}): {path}"


def reading_failure(path: Path, error: BaseException) -> str:
    """One line saying why a recording could not be read to its end."""
    if isinstance(error, gzip.BadGzipFile | IsalError | zlib.error):
        return f"cannot read {path}: the compressed data is damaged ({error})"
    if isinstance(error, EOFError):
        return f"cannot read {path}: the file ends early ({error})"
    if isinstance(error, OSError):
        return f"cannot read {path}: {error.strerror or error}"
    return f"cannot read {path}: {type(error).__name__}: {error}"
