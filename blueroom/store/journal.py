"""The journal: every bus event of a session in a SQLite file (WAL), written in batches.

A session is a run of the room (one guest, one hour). Starting the app again resumes
the last session that was not ended, by reading its events back in order.
``JournalWriter`` owns the only write connection, on its own thread; its committed
watermark gates what the screens may show, so anything shown survives ``kill -9``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

import msgspec
from isal import isal_zlib

from blueroom.core.bus import Bus, Overflow, Subscription
from blueroom.core.events import Event, SessionEnded
from blueroom.core.wire import WireReport, decode_events, encode_events
from blueroom.store.rescue import RescueReport, Rows, read_rescue, rescue, rescued_for
from blueroom.workers import Worker

SCHEMA_VERSION = 3
_DAMAGED = cast(type[Exception], isal_zlib.error)  # a snapshot's body (its stub: an instance)
READABLE_SCHEMAS = ("2", "3")  # 2 had no snapshots: it is brought to 3 when opened to write

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    started_at REAL NOT NULL,
    ended_at REAL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS batches (
    seq INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    first_at REAL NOT NULL,
    last_at REAL NOT NULL,
    count INTEGER NOT NULL,
    kinds TEXT NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS batches_by_session ON batches(session_id, seq);
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    upto_seq INTEGER NOT NULL,
    events INTEGER NOT NULL,
    at REAL NOT NULL,
    state_version INTEGER NOT NULL,
    parts INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS snapshot_parts (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
    part INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (snapshot_id, part)
);
CREATE TABLE IF NOT EXISTS session_figures (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id),
    purged_at REAL NOT NULL,
    figures TEXT NOT NULL
);
"""


class JournalError(Exception):
    """The journal file cannot be used; the message says why in one line."""


def _not_a_folder(path: Path) -> Path | None:
    """The first of ``path``'s folders that exists but is not a folder (a file in the way)."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            return folder
    return None


def _folder_problem(path: Path, error: OSError) -> str:
    blocking = _not_a_folder(path)
    if blocking is not None:
        return f"journal {path}: {blocking} is a file, not a folder"
    return f"journal {path}: {error.strerror or error}"


def _lock(path: Path) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.with_name(path.name + ".lock").open("a+", encoding="utf-8")
    except OSError as error:
        raise JournalError(_folder_problem(path, error)) from error
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        owner = handle.read().strip() or "another process"
        handle.close()
        raise JournalError(
            f"journal {path} is in use by another Blue Room ({owner}); stop it or use --journal"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    return handle


@dataclass(frozen=True, slots=True)
class StoredSnapshot:
    upto_seq: int  # the last batch it holds
    events: int  # how many events it stands for
    at: float
    body: bytes  # the encoded state


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: str
    started_at: float
    ended_at: float | None
    label: str
    events: int
    purged_at: float | None = None  # its fans' data removed (``store/purge.py``)

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @property
    def purged(self) -> bool:
        return self.purged_at is not None


def _readable(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A read-only connection that can read, even where nothing may be written.

    A WAL journal is read through its shared-memory file, which SQLite must create
    beside it: in a folder that cannot be written (a copy on read-only media) the file
    alone is read as it is ("immutable"), which holds every event unless a write-ahead
    log was left beside it, and then says so.
    """
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise JournalError(
            f"journal {path}: its last events are in {wal.name}, which cannot be read here"
            " (the folder is read-only): copy both files to a writable folder"
        )
    return sqlite3.connect(
        f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False, timeout=10.0
    )


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """A journal opened for reading only: one this release can read, or one clear line."""
    try:
        found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        raise JournalError(f"journal {path}: not a Blue Room journal") from None
    if found is None or found[0] not in READABLE_SCHEMAS:
        conn.close()
        version = found[0] if found else "none"
        raise JournalError(
            f"journal {path}: written by another version of Blue Room (schema"
            f" {version}, this one reads {SCHEMA_VERSION})"
        )


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the journal file in WAL mode, creating it (and its folder) if needed."""
    try:
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}?mode={'ro' if readonly else 'rwc'}"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10.0)
        if readonly:
            conn = _readable(conn, path)
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise JournalError(f"journal {path}: could not switch to WAL (got {mode})")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if found is not None and found[0] in READABLE_SCHEMAS:
                conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
                )
            else:
                version = found[0] if found else "none"
                conn.close()
                raise JournalError(
                    f"journal {path}: written by another version of Blue Room (schema"
                    f" {version}, this one reads {SCHEMA_VERSION}); start with another --journal"
                )
            conn.commit()
        else:
            _check_schema(conn, path)
        return conn
    except sqlite3.DatabaseError as error:
        raise JournalError(f"journal {path}: {error}") from error
    except OSError as error:
        raise JournalError(_folder_problem(path, error)) from error


class Journal:
    """Sessions and their events: opening, resuming and reading back.

    With ``lock`` (the default) one Blue Room at a time may use the file: a second one
    would resume the same session and interleave its batches. ``Journal.reader`` opens
    it for reading only (listing, exporting), even while the room runs, and needs no
    write access to the file or its folder.
    """

    def __init__(self, path: Path, *, lock: bool = True, readonly: bool = False) -> None:
        self.path = path
        self._lock_file: IO[str] | None = _lock(path) if lock and not readonly else None
        try:
            self._conn = connect(path, readonly=readonly)
        except JournalError:
            self._unlock()
            raise

    @classmethod
    def reader(cls, path: Path) -> Journal:
        if not path.is_file():
            raise JournalError(f"no journal at {path}")
        return cls(path, lock=False, readonly=True)

    def close(self) -> None:
        self._conn.close()
        self._unlock()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _unlock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()  # closing releases the lock, as does the process ending
            self._lock_file = None

    def sessions(self) -> list[SessionInfo]:
        count = "(SELECT COALESCE(SUM(b.count), 0) FROM batches b WHERE b.session_id = s.id)"
        try:
            rows = self._conn.execute(
                f"SELECT s.id, s.started_at, s.ended_at, s.label, {count}, f.purged_at"
                " FROM sessions s LEFT JOIN session_figures f ON f.session_id = s.id"
                " ORDER BY s.started_at"
            ).fetchall()
        except sqlite3.OperationalError:  # an older journal opened to read: none purged
            rows = self._conn.execute(
                f"SELECT s.id, s.started_at, s.ended_at, s.label, {count}, NULL"
                " FROM sessions s ORDER BY s.started_at"
            ).fetchall()
        return [SessionInfo(*row) for row in rows]

    @property
    def connection(self) -> sqlite3.Connection:
        """For the purge (``store/purge.py``), which works in this journal's transactions."""
        return self._conn

    def figures(self, session_id: str) -> str | None:
        """The figures kept for a purged session, as JSON (None: not purged)."""
        try:
            row = self._conn.execute(
                "SELECT figures FROM session_figures WHERE session_id = ?", (session_id,)
            ).fetchone()
        except sqlite3.OperationalError:
            return None
        return str(row[0]) if row else None

    def file_bytes(self) -> int:
        """The journal's size on disk, its write-ahead log included."""
        wal = self.path.with_name(self.path.name + "-wal")
        return sum(p.stat().st_size for p in (self.path, wal) if p.exists())

    def compact(self) -> None:
        """Rewrite the file without its free pages and empty the write-ahead log, so that
        deleted rows are gone from the disk, not only unlinked (after a purge)."""
        self._conn.execute("VACUUM")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def unfinished_session(self) -> SessionInfo | None:
        unfinished = [s for s in self.sessions() if not s.finished]
        return unfinished[-1] if unfinished else None

    def new_session(self, label: str = "") -> SessionInfo:
        session_id = time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
        started = time.time()
        with self._conn:
            self._conn.execute(
                "INSERT INTO sessions(id, started_at, label) VALUES (?, ?, ?)",
                (session_id, started, label),
            )
        return SessionInfo(session_id, started, None, label, 0)

    def end_session(self, session_id: str, at: float | None = None) -> None:
        with self._conn:
            self._conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                (time.time() if at is None else at, session_id),
            )

    def read(
        self,
        session_id: str,
        *,
        kinds: tuple[str, ...] | None = None,
        on_bad_row: Callable[[int, str], None] | None = None,
        wire: WireReport | None = None,
        after_seq: int = 0,
    ) -> Iterator[list[Event]]:
        """Yield the session's events in order, batch by batch.

        A row that cannot be read at all is reported to ``on_bad_row``; an event of an
        older version is upgraded, and one this release cannot read is skipped alone
        and counted in ``wire``.
        """
        query = "SELECT seq, kinds, body FROM batches WHERE session_id = ? AND seq > ? ORDER BY seq"
        for seq, row_kinds, body in self._conn.execute(query, (session_id, after_seq)):
            if kinds and not any(kind in row_kinds.split(",") for kind in kinds):
                continue
            try:
                events: list[Event] = decode_events(body, wire)
            except msgspec.DecodeError as error:
                if on_bad_row is not None:
                    on_bad_row(seq, str(error))
                continue
            if kinds:
                events = [e for e in events if e.kind in kinds]
            yield events

    def put_back_rescued(self) -> list[str]:
        """Batches a full disk kept out at the last stop, written back in order; one
        line each said (a rescue file of a session no longer here is left alone)."""
        said = []
        known = {s.id for s in self.sessions()}
        for path in rescued_for(self.path):
            try:
                session_id, batches = read_rescue(path)
            except (OSError, msgspec.DecodeError, msgspec.ValidationError) as error:
                said.append(f"rescue file {path} could not be read: {error}")
                continue
            if session_id not in known:
                said.append(f"rescue file {path} is for session {session_id}, not in this journal")
                continue
            try:
                self._put_back(session_id, batches)
            except sqlite3.Error as error:
                said.append(f"events kept in {path} could not be put back yet ({error})")
                continue
            path.unlink()
            events = sum(rows[2] for rows, _ in batches)
            said.append(
                f"{events:,} events the disk had refused at the last stop put back from {path}"
            )
        return said

    def _put_back(self, session_id: str, batches: list[tuple[Rows, bool]]) -> None:
        with self._conn:
            for rows, ended in batches:
                self._conn.execute(
                    "INSERT INTO batches(session_id, first_at, last_at, count, kinds, body)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (session_id, *rows),
                )
                if ended:
                    self._conn.execute(
                        "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                        (rows[1], session_id),
                    )

    def count(self, session_id: str, after_seq: int = 0) -> int:
        row = self._conn.execute(
            "SELECT COALESCE(SUM(count), 0) FROM batches WHERE session_id = ? AND seq > ?",
            (session_id, after_seq),
        ).fetchone()
        return int(row[0])

    def latest_snapshot(self, session_id: str, state_version: int) -> StoredSnapshot | None:
        """The newest whole snapshot of the session's models this release can read."""
        try:
            rows = self._conn.execute(
                "SELECT id, upto_seq, events, at, parts FROM snapshots WHERE session_id = ?"
                " AND state_version = ? AND complete = 1 ORDER BY upto_seq DESC",
                (session_id, state_version),
            ).fetchall()
        except sqlite3.OperationalError:
            return None  # a journal of schema 2 opened to read: no snapshots
        for snapshot_id, upto_seq, events, at, parts in rows:
            data = self._conn.execute(
                "SELECT data FROM snapshot_parts WHERE snapshot_id = ? ORDER BY part",
                (snapshot_id,),
            ).fetchall()
            if len(data) != parts:
                continue
            try:  # zlib's format; ISA-L inflates it in half the time
                body = isal_zlib.decompress(b"".join(part for (part,) in data))
            except _DAMAGED:
                continue
            return StoredSnapshot(upto_seq, events, at, body)
        return None


def encode_batch(events: list[Event]) -> tuple[float, float, int, str, bytes]:
    """One journal row for a batch of events: times, count, kinds, MessagePack body."""
    kinds = ",".join(sorted({type(e).__name__ for e in events}))  # what ``Event.kind`` is
    return events[0].at, events[-1].at, len(events), kinds, encode_events(events)


@dataclass(frozen=True, slots=True)
class WriterStats:
    written: int
    batches: int
    committed_seq: int
    last_batch_ms: float
    healthy: bool
    error: str
    lost: int


# One row per batch: a row per event cost ~17 µs an event in SQLite (and a GIL round
# trip per row with executemany); a MessagePack batch costs ~2 µs an event to encode.

MAX_BACKLOG_EVENTS = 1_000_000
CHECKPOINT_SECONDS = 1.0


class JournalWriter:
    """Drains a BLOCK subscription and appends every event to the session, in batches.

    ``after_commit`` (on the writer's worker) hands each committed batch on, so what the
    models hold, and so what the screens show, is already on disk. A person's decisions
    come off the bus ahead of the posts waiting, in a batch of their own, and batches
    are kept small enough that one never waits long behind another. When the file
    cannot be written (disk full, file removed) the room keeps running: batches wait
    in a backlog, are still handed on, the error is in ``stats()``, and writing
    resumes by itself when it can.
    """

    def __init__(
        self,
        path: Path,
        bus: Bus,
        session_id: str,
        *,
        capacity: int = 20_000,
        max_batch: int = 250,
        retry_delay: float = 1.0,
        after_commit: Callable[[list[Event]], None] | None = None,
        on_tick: Callable[[], None] | None = None,
        tick_interval: float = 0.2,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.path = path
        self.session_id = session_id
        self._bus = bus
        self._max_batch = max_batch
        self._retry_delay = retry_delay
        self._after_commit = after_commit
        self._on_tick = on_tick
        self._tick_interval = tick_interval
        self._next_tick = 0.0
        self._on_error = on_error
        self._conn: sqlite3.Connection | None = None
        self._committed_seq = bus.last_seq
        self._handed_on = 0  # events given to ``after_commit``
        self._written = 0
        self._batches = 0
        self._last_batch_ms = 0.0
        self._error = ""
        self._lost = 0
        self.rescued: RescueReport | None = None  # what the disk refused when stopping
        self.last_row = 0  # the journal's number of the last batch written
        self._backlog: list[tuple[Rows, int, bool, int]] = []
        self._backlog_events = 0
        self._next_retry = 0.0
        self.subscription: Subscription = bus.subscribe(
            "journal", capacity=capacity, overflow=Overflow.BLOCK, block_timeout=10.0
        )
        self._worker = Worker("journal-writer", self._run, wake=self.subscription._poke)
        self._checkpoints: sqlite3.Connection | None = None
        self._checkpointer = Worker.every(
            "journal-checkpoint",
            CHECKPOINT_SECONDS,
            self._checkpoint,
            on_error=(lambda report: on_error(report.error)) if on_error is not None else None,
        )

    @property
    def committed_seq(self) -> int:
        """The bus number of the last event written (those before it may come later:
        a decision is written ahead of the posts waiting)."""
        return self._committed_seq

    def start(self) -> None:
        self._conn = connect(self.path)
        # SQLite would copy the write-ahead log into the file (and sync it) inside a
        # commit every thousand pages: up to a quarter of a second during which nothing,
        # a decision included, is written. A worker of its own does it instead.
        self._conn.execute("PRAGMA wal_autocheckpoint=0")
        self._checkpoints = connect(self.path)
        self._worker.start()
        self._checkpointer.start()

    def _checkpoint(self) -> None:
        """Copy what the log holds into the file without ever blocking the writer."""
        if self._checkpoints is not None:
            # Busy or a failing disk: the next one catches up (the writer says why).
            with contextlib.suppress(sqlite3.OperationalError):
                self._checkpoints.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def wait_until_handed_on(self, timeout: float = 5.0) -> bool:
        """True once every event published so far is written and handed on (for tests)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            stats = self.subscription.stats()
            if stats.queued == 0 and self._handed_on == stats.delivered:
                return True
            time.sleep(0.005)
        return False

    def stop(self, timeout: float = 10.0) -> None:
        self._worker.stop(timeout)
        self._checkpointer.stop(timeout)
        self._bus.unsubscribe(self.subscription)
        if self._checkpoints is not None:
            self._checkpoints.close()
            self._checkpoints = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def caught_up(self) -> bool:
        """Every batch handed on so far is written (none waits for the disk)."""
        return not self._backlog

    def stats(self) -> WriterStats:
        return WriterStats(
            written=self._written,
            batches=self._batches,
            committed_seq=self._committed_seq,
            last_batch_ms=self._last_batch_ms,
            healthy=not self._error,
            error=self._error,
            lost=self._lost,
        )

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            batch = self.subscription.get_batch(0.03, self._max_batch)
            if batch:
                self._write(batch, self.subscription.last_taken_seq)
            else:
                self._retry_backlog()
            self._tick()
        final = self.subscription.drain()
        if final:
            self._write(final, self.subscription.last_taken_seq)
        self._retry_backlog(final_attempt=True)

    def _write(self, batch: list[Event], upto_seq: int) -> None:
        rows = encode_batch(batch)
        session_ended = any(isinstance(e, SessionEnded) for e in batch)
        self._retry_backlog()
        if self._backlog or not self._try_insert(rows, len(batch), session_ended):
            self._keep(rows, len(batch), session_ended, upto_seq)
        else:
            self._advance(upto_seq)
        if self._after_commit is not None:
            self._guarded(lambda: self._after_commit(batch))  # type: ignore[misc]
        self._handed_on += len(batch)

    def _try_insert(self, rows: Rows, count: int, session_ended: bool) -> bool:
        started = time.perf_counter()
        try:
            self._insert(rows, session_ended)
        except sqlite3.Error as error:
            self._error = f"cannot write {self.path}: {error}"
            self._next_retry = time.monotonic() + self._retry_delay
            return False
        self._last_batch_ms = (time.perf_counter() - started) * 1000.0
        self._written += count
        self._batches += 1
        return True

    def _keep(self, rows: Rows, count: int, session_ended: bool, upto_seq: int) -> None:
        if self._backlog_events + count > MAX_BACKLOG_EVENTS:
            self._lost += count
        else:
            self._backlog.append((rows, count, session_ended, upto_seq))
            self._backlog_events += count
        self._error = f"{self._error.split(';')[0]}; {self._backlog_events:,} events waiting" + (
            f", {self._lost:,} lost" if self._lost else ""
        )

    def _retry_backlog(self, final_attempt: bool = False) -> None:
        if not self._backlog or (not final_attempt and time.monotonic() < self._next_retry):
            return
        while self._backlog:
            rows, count, session_ended, upto_seq = self._backlog[0]
            if not self._try_insert(rows, count, session_ended):
                if final_attempt:
                    self._rescue()
                return
            self._backlog.pop(0)
            self._backlog_events -= count
            self._advance(upto_seq)  # durable up to the last batch actually inserted
        self._error = ""

    def _rescue(self) -> None:
        """Stopping with batches the disk still refuses: a rescue file, or a loss said."""
        reason = self._error.split(";")[0].removeprefix(f"cannot write {self.path}: ")
        batches = [(rows, ended) for rows, _, ended, _ in self._backlog]
        self.rescued = rescue(self.path, self.session_id, batches, reason)
        if self.rescued.path is None:
            self._lost += self._backlog_events
        self._error = f"{self._error.split(';')[0]}; {self.rescued.describe()}"
        self._backlog.clear()
        self._backlog_events = 0

    def _insert(self, rows: Rows, session_ended: bool) -> None:
        if self._conn is None:
            raise sqlite3.OperationalError("journal is closed")
        with self._conn:
            row = self._conn.execute(
                "INSERT INTO batches(session_id, first_at, last_at, count, kinds, body)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (self.session_id, *rows),
            ).lastrowid
            self.last_row = row or self.last_row
            if session_ended:
                self._conn.execute(
                    "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    (time.time(), self.session_id),
                )

    def _tick(self) -> None:
        """The engine's clock: ``on_tick`` on this thread, busy or idle, every interval."""
        if self._on_tick is None:
            return
        now = time.monotonic()
        if now >= self._next_tick:
            self._next_tick = now + self._tick_interval
            self._guarded(self._on_tick)

    def _guarded(self, call: Callable[[], None] | None) -> None:
        if call is None:
            return
        try:
            call()
        except Exception as error:  # noqa: BLE001 - a model error must not stop the journal
            if self._on_error is not None:
                self._on_error(error)

    def _advance(self, seq: int) -> None:
        self._committed_seq = max(self._committed_seq, seq)
