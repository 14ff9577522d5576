"""How the room's processes and threads share two cores: wide pipes, thread priorities."""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from multiprocessing.connection import Connection

HELPER_NICENESS = 4

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


def lower_this_thread(niceness: int = HELPER_NICENESS) -> None:
    """Make the calling thread yield the CPU to its process's main thread (Linux).

    Nice is per thread on Linux: a camera or compositing helper of the screens'
    process, lowered a little, no longer delays the GUI thread's paint when both
    cores are busy, and still comes before the engine and the parser.
    """
    with contextlib.suppress(OSError, AttributeError):
        thread = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, current + niceness))
