"""Posters that stand in for X in the outbox's tests (X is the external service).

``ScriptedPoster`` answers each ``post`` with the next scripted outcome and keeps the
account's posts in a SQLite file, so what was "posted" survives the test process being
killed with SIGKILL: the kill -9 tests count the posts there.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from blueroom.core.posting import (
    Draft,
    Posted,
    PosterUnreachable,
    PostOutcome,
    Refused,
    Unknown,
)

# Script steps: an outcome to answer with, or one of these words.
POST_THEN_TIME_OUT = "post, then time out"  # the post is made, the answer lost
HANG = "hang"  # block until ``release`` (a request in flight when the room is killed)
POST_THEN_HANG = "post, then hang"  # made, and the answer never comes (killed meanwhile)


class ScriptedPoster:
    def __init__(
        self,
        account_file: Path,
        script: Iterable[PostOutcome | str] = (),
        *,
        account: str = "@BlueRoomFR",
        unreadable: bool = False,
        clock: Callable[[], float] = time.time,
        delay: float = 0.0,
    ) -> None:
        self._path = account_file
        self._script = list(script)
        self._account = account
        self.unreadable = unreadable
        self._clock = clock
        self._delay = delay  # seconds each request takes before and after it is made
        self.release = threading.Event()
        self.calls: list[Draft] = []
        self.checks: list[tuple[Draft, float]] = []
        with self._db() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, text TEXT,"
                " reply_to TEXT, media TEXT, at REAL)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS calls (id INTEGER PRIMARY KEY, text TEXT)")

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path, timeout=10.0, isolation_level=None)

    @property
    def account(self) -> str:
        return self._account

    def cannot_post(self) -> str:
        return ""

    def post(self, draft: Draft) -> PostOutcome:
        self.calls.append(draft)
        with self._db() as db:
            db.execute("INSERT INTO calls(text) VALUES (?)", (draft.text,))
        step = self._script.pop(0) if self._script else None
        if step == HANG:
            self.release.wait()
            return Refused("stopped", transient=True)
        if isinstance(step, Refused | Unknown):
            return step
        time.sleep(self._delay)
        posted = self._make(draft)
        time.sleep(self._delay)
        if step == POST_THEN_TIME_OUT:
            return Unknown("read timed out after sending")
        if step == POST_THEN_HANG:
            self.release.wait()
            return Unknown("stopped")
        return posted

    def _make(self, draft: Draft) -> Posted:
        with self._db() as db:
            row = db.execute(
                "INSERT INTO posts(text, reply_to, media, at) VALUES (?, ?, ?, ?)",
                (draft.text, draft.reply_to, "|".join(draft.media), self._clock()),
            ).lastrowid
        return Posted(str(row), f"https://x.com/BlueRoomFR/status/{row}")

    def find_posted(self, draft: Draft, since: float) -> Posted | None:
        self.checks.append((draft, since))
        if self.unreadable:
            raise PosterUnreachable("503 Service Unavailable")
        with self._db() as db:
            row = db.execute(
                "SELECT id FROM posts WHERE text = ? AND reply_to = ? AND at >= ?"
                " ORDER BY id LIMIT 1",
                (draft.text, draft.reply_to, since),
            ).fetchone()
        return (
            None
            if row is None
            else Posted(str(row[0]), f"https://x.com/BlueRoomFR/status/{row[0]}")
        )

    def posts(self) -> list[str]:
        """The texts on the account, in the order posted."""
        with self._db() as db:
            return [text for (text,) in db.execute("SELECT text FROM posts ORDER BY id")]

    def requests(self) -> int:
        with self._db() as db:
            return int(db.execute("SELECT count(*) FROM calls").fetchone()[0])
