"""Pipes between the room's processes, widened so a whole message passes in one go."""

from __future__ import annotations

import contextlib
import fcntl
from multiprocessing.connection import Connection

PIPE_BYTES = 1 << 20


def widen(*connections: Connection) -> None:
    """Give each pipe up to a megabyte of buffer (Linux; elsewhere, nothing happens).

    With the default 64 KiB, a half-megabyte message is read in eight pieces, and the
    reading thread has to win the GIL back after each one: beside a busy thread that is
    up to 5 ms a piece. A wide pipe also lets the writer run a message ahead.
    """
    for connection in connections:
        with contextlib.suppress(OSError, AttributeError):
            fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
