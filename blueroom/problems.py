"""Failures the operator must see during the show, not when the app quits.

Each process keeps one (the engine's is sent to the screens in ``Problems``).

An exception in a model, a worker or a feed is counted by where it happened, the last
of each kept for the console, and its traceback appended to ``blueroom-errors.log``
beside the journal. The same failure repeated thousands of times a second writes its
traceback a few times only, then a line now and again with the count.
"""

from __future__ import annotations

import contextlib
import threading
import time
import traceback
from pathlib import Path

import msgspec

from blueroom.workers import WorkerError

LOG_NAME = "blueroom-errors.log"
TRACEBACKS_PER_PLACE = 20
COUNT_EVERY = 1_000  # after the first tracebacks: a line every this many repeats


class Problem(msgspec.Struct, frozen=True):
    """A failure the operator must see: in a model, a worker, a feed, the journal."""

    where: str  # "model · questions", "worker · engine-publisher"...
    summary: str  # one line: the exception and its message
    count: int  # how many times so far
    at: float


class ProblemLog:
    """Thread-safe; ``version`` moves with every new failure, for the publisher."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / LOG_NAME if folder is not None else None
        self._lock = threading.Lock()
        self._problems: dict[str, Problem] = {}
        self.version = 0
        self.unwritten = 0  # log lines the disk refused

    def record(self, where: str, error: BaseException) -> None:
        summary = f"{type(error).__name__}: {error}"
        text = "".join(traceback.format_exception(error))
        self._record(where, summary, text)

    def record_worker(self, report: WorkerError) -> None:
        self._record(f"worker · {report.worker}", report.summary(), report.traceback)

    def record_model(self, model: str, error: BaseException) -> None:
        self.record(f"model · {model}", error)

    def record_note(self, where: str, summary: str, count: int = 1) -> None:
        """A problem that is no exception (events skipped on resume): counted, shown, logged."""
        now = time.time()
        with self._lock:
            previous = self._problems.get(where)
            total = (previous.count if previous is not None else 0) + count
            self._problems[where] = Problem(where, summary[:500], total, now)
            self.version += 1
        self._write(f"{_stamp(now)}  {where}: {summary}\n")

    def _record(self, where: str, summary: str, text: str) -> None:
        now = time.time()
        with self._lock:
            previous = self._problems.get(where)
            count = previous.count + 1 if previous is not None else 1
            self._problems[where] = Problem(where, summary[:500], count, now)
            self.version += 1
        if count <= TRACEBACKS_PER_PLACE:
            self._write(f"{_stamp(now)}  {where} (#{count})\n{text}\n")
        elif count % COUNT_EVERY == 0:
            self._write(f"{_stamp(now)}  {where}: {count:,} times so far; last: {summary}\n")

    def problems(self) -> list[Problem]:
        with self._lock:
            return sorted(self._problems.values(), key=lambda p: p.at)

    @property
    def total(self) -> int:
        with self._lock:
            return sum(p.count for p in self._problems.values())

    def _write(self, text: str) -> None:
        if self.path is None:
            return
        try:
            with self.path.open("a", encoding="utf-8") as log:
                log.write(text)
        except OSError:
            with contextlib.suppress(Exception):
                self.unwritten += 1


def _stamp(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))
