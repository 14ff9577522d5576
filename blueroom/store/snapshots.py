"""Snapshots of the models, written into the journal off the hot path.

Resuming a session used to replay its whole journal: 14–22 s at a million events. Now
the room offers the models' state to this writer every so many events; a resume loads
the newest snapshot and replays only the batches after it.

Copying a million posts' worth of models took 100–250 ms on the model worker, and a
decision would have waited as long. On Linux the model worker forks instead (5–20 ms:
the page tables only): the child, a frozen copy of the models with nothing else
running, builds, encodes and compresses the state, writes it to a file beside the
journal and exits; this writer's worker then copies the file into the journal in parts
of a megabyte, each its own short transaction, so the journal's writer (and a
decision) never waits long behind it. Where there is no fork, the model worker copies
and this worker builds. A snapshot counts once its last part is written; older ones
are deleted.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from isal import isal_zlib

from blueroom.runtime import SNAPSHOT_NICENESS, lower_this_process
from blueroom.store.journal import connect
from blueroom.workers import ErrorSink, Worker

PART_BYTES = 1 << 20


class SnapshotError(Exception):
    """A snapshot could not be taken (the journal itself is untouched)."""


KEEP = 2  # snapshots kept per session: the newest, and the one before in case


@dataclass(frozen=True, slots=True)
class SnapshotStats:
    written: int
    last_events: int  # events the last one stands for
    last_bytes: int
    last_ms: float  # building, encoding and writing it
    skipped: int  # offered while one was still being written


Capture = Callable[[bool], Callable[[], object]]  # (locked) → build the state
CAN_FORK = sys.platform == "linux" and hasattr(os, "fork")


@dataclass(frozen=True, slots=True)
class _Job:
    upto_seq: int
    events: int
    state_version: int
    build: Callable[[], object] | None  # built here (no fork)
    child: int = 0  # or built by this forked process...
    file: Path | None = None  # ...into this file


def _compress(body: bytes) -> bytes:
    """zlib's format (any release reads it), by ISA-L: a fifth of zlib's time at level 1
    (0.07 s for the 34 MB of a million events), for a body 5 % smaller."""
    return isal_zlib.compress(body, 1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SnapshotWriter:
    """Takes one snapshot at a time; ``offer`` returns False while one is being written."""

    def __init__(
        self,
        path: Path,
        session_id: str,
        encode: Callable[[object], bytes],
        *,
        on_error: ErrorSink | None = None,
        fork: bool = CAN_FORK,
    ) -> None:
        self.path = path
        self._fork = fork
        self._serial = 0
        self.session_id = session_id
        self._encode = encode
        self._job: _Job | None = None
        self._ready = threading.Condition()
        self._conn: sqlite3.Connection | None = None
        self._written = 0
        self._skipped = 0
        self._last = (0, 0, 0.0)
        self._worker = Worker("journal-snapshots", self._run, on_error=on_error, wake=self._wake)

    def start(self) -> None:
        self._conn = connect(self.path)
        self._sweep()
        self._worker.start()

    def _sweep(self) -> None:
        """Files a snapshot process left behind when the engine was killed under it."""
        for leftover in self.path.parent.glob(f".{self.path.name}.snapshot-*"):
            pid = leftover.name.rsplit(".snapshot-", 1)[1].split("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def stop(self, timeout: float = 30.0) -> None:
        self._worker.stop(timeout)
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def offer(self, upto_seq: int, events: int, state_version: int, capture: Capture) -> bool:
        """On the model worker, between two batches: take the models' state (False while
        the previous one is still being written)."""
        with self._ready:
            if self._job is not None:
                self._skipped += 1
                return False
        if self._fork:
            job = self._forked(upto_seq, events, state_version, capture)
        else:
            job = _Job(upto_seq, events, state_version, capture(True))
        with self._ready:
            self._job = job
            self._ready.notify()
        return True

    def _forked(self, upto_seq: int, events: int, state_version: int, capture: Capture) -> _Job:
        self._serial += 1
        file = self.path.with_name(f".{self.path.name}.snapshot-{os.getpid()}-{self._serial}")
        # What the collector would walk in the parent, frozen first: fewer pages of the
        # parent's written while the child reads them (each such write copies a page);
        # thawed once the child is done, so that nothing stays out of the collector's reach.
        gc.freeze()
        try:
            child = os.fork()
        except OSError:
            gc.unfreeze()
            raise
        if child == 0:  # pragma: no cover - the child: measured by the tests through its file
            status = 1
            try:
                lower_this_process(SNAPSHOT_NICENESS)
                body = _compress(self._encode(capture(False)()))
                partial = file.with_suffix(".partial")
                partial.write_bytes(body)
                partial.replace(file)
                status = 0
            except BaseException as error:  # noqa: BLE001 - said to the parent, which reports it
                with contextlib.suppress(BaseException):
                    file.with_suffix(".error").write_text(
                        "".join(traceback.format_exception(error)), encoding="utf-8"
                    )
            finally:
                os._exit(status)
        return _Job(upto_seq, events, state_version, None, child, file)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """True once no snapshot is being written (for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while self._job is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        return self._job is None

    def stats(self) -> SnapshotStats:
        events, size, ms = self._last
        return SnapshotStats(self._written, events, size, ms, self._skipped)

    def _wake(self) -> None:
        with self._ready:
            self._ready.notify()

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            with self._ready:
                if self._job is None:
                    self._ready.wait(0.5)
                job = self._job
            if job is None:
                continue
            try:
                self._worker.guarded(partial(self._write, job))  # reported; goes on
            finally:
                with self._ready:
                    self._job = None

    def _body(self, job: _Job) -> bytes | None:
        if job.build is not None:
            return _compress(self._encode(job.build()))
        assert job.file is not None
        _, status = os.waitpid(job.child, 0)
        gc.unfreeze()
        error = job.file.with_suffix(".error")
        try:
            if os.waitstatus_to_exitcode(status) != 0:
                said = error.read_text(encoding="utf-8") if error.exists() else ""
                raise SnapshotError(f"the snapshot process failed ({status}): {said.strip()}")
            return job.file.read_bytes()
        finally:
            for leftover in (job.file, job.file.with_suffix(".partial"), error):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def _write(self, job: _Job) -> None:
        started = time.perf_counter()
        body = self._body(job)
        conn = self._conn
        if body is None:
            return
        if conn is None:
            return
        with conn:
            snapshot_id = conn.execute(
                "INSERT INTO snapshots(session_id, upto_seq, events, at, state_version)"
                " VALUES (?, ?, ?, ?, ?)",
                (self.session_id, job.upto_seq, job.events, time.time(), job.state_version),
            ).lastrowid
        parts = 0
        for start in range(0, len(body), PART_BYTES):
            with conn:  # a short transaction each: the journal's writer never waits long
                conn.execute(
                    "INSERT INTO snapshot_parts(snapshot_id, part, data) VALUES (?, ?, ?)",
                    (snapshot_id, parts, body[start : start + PART_BYTES]),
                )
            parts += 1
        with conn:
            conn.execute(
                "UPDATE snapshots SET parts = ?, bytes = ?, complete = 1 WHERE id = ?",
                (parts, len(body), snapshot_id),
            )
            old = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM snapshots WHERE session_id = ? AND id != ?"
                    " ORDER BY upto_seq DESC",
                    (self.session_id, snapshot_id),
                ).fetchall()
            ][KEEP - 1 :]
            for stale in old:
                conn.execute("DELETE FROM snapshot_parts WHERE snapshot_id = ?", (stale,))
                conn.execute("DELETE FROM snapshots WHERE id = ?", (stale,))
        self._written += 1
        self._last = (job.events, len(body), (time.perf_counter() - started) * 1000.0)
