"""How the room's processes and threads share two cores: the process tuning, in one place.

Pipes between processes, the priorities of processes and threads, the interpreter's
switch interval and its garbage collector. Measured reasons are given beside each.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection

import cv2

# On two cores the screens come first: a paint must not wait behind the models. The
# engine runs a little below them only (a decision still reaches the walls within a
# frame); the parser, which can eat a core at full speed, goes further down. (As a
# Linux "idle" task the parser gave the screens their CPU sooner, but starved: a fifth
# fewer posts.) Helper threads of the screens' process (camera, frame scaling, heat
# composing) sit just below the GUI thread and before the engine and the parser.
ENGINE_NICENESS = 5
PARSER_NICENESS = 15
HELPER_NICENESS = 4
# A snapshot's process (forked from the engine) can always wait: everything comes first.
SNAPSHOT_NICENESS = 19

PIPE_BYTES = 1 << 20
# PySide lets go of the GIL in every Qt call: a paint makes dozens, and after each the
# GUI thread waits for a busy helper to hand the GIL back. At the default 5 ms a paint
# could wait that long many times over; at 1 ms it cannot.
GUI_SWITCH_INTERVAL = 0.001  # seconds
ENGINE_SWITCH_INTERVAL = 0.001
ENGINE_FULL_COLLECTION_EVERY = 1_000  # middle-generation collections between full ones


def widen(*connections: Connection) -> None:
    """Give each pipe up to a megabyte of buffer (Linux; elsewhere, nothing happens).

    With the default 64 KiB, a half-megabyte message is read in eight pieces, and the
    reading thread has to win the GIL back after each one: beside a busy thread that is
    up to 5 ms a piece. A wide pipe also lets the writer run a message ahead.
    """
    for connection in connections:
        with contextlib.suppress(OSError, AttributeError):
            fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def lower_this_process(niceness: int) -> None:
    """Lower the calling process's priority (the engine, the parser)."""
    with contextlib.suppress(OSError):
        os.nice(niceness)


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


def tune_runtime() -> None:
    """Interpreter settings for a process of the live room, once its start-up is done.

    Freezing what start-up built (settings, a resumed journal) keeps the collector
    from walking it again in every full collection, and fewer young collections
    keep the pauses rare. OpenCV runs single-threaded: each of its callers already
    has a thread of its own, and its worker pool would only fight them for two cores.
    """
    cv2.setNumThreads(1)
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def tune_gui_runtime() -> None:
    """``tune_runtime`` plus the short switch interval the GUI thread needs."""
    tune_runtime()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)


def tune_engine_runtime() -> None:
    """``tune_runtime`` plus a short switch interval (a decision crosses four of the
    engine's threads: pipe, journal, models, publisher) and almost no full collection:
    one walked every object the models keep, 40–100 ms with the GIL held at full
    speed, while ``SettledCollector`` keeps the young generations small and freezes
    what survives them."""
    tune_runtime()
    gc.set_threshold(5_000, 50, ENGINE_FULL_COLLECTION_EVERY)
    sys.setswitchinterval(ENGINE_SWITCH_INTERVAL)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while a resume restores and replays: the models' millions
    of objects hold no reference cycle, and each full collection walked them all (60 ms
    of a million events' resume). What else died in a cycle goes at the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class SettledCollector:
    """Every few seconds, moves what the models have kept into the collector's permanent
    generation (after a young collection).

    The models hold hundreds of thousands of objects (cards, clusters, ids seen); a full
    collection walked them all, 100–160 ms during which the engine held the GIL and no
    decision moved. They hold no reference cycle, so nothing is lost by never walking
    them again; objects that die are still freed at once by their reference counts.
    """

    def __init__(self, every: float = 10.0) -> None:
        self._every = every
        self._last = time.monotonic()

    def __call__(self) -> None:
        now = time.monotonic()
        if now - self._last >= self._every:
            self._last = now
            gc.collect(1)
            gc.freeze()
