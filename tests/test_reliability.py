"""The room killed again and again: every resume carries on, nothing is counted twice.

A soak (``pytest -m soak``, run by CI after ``make test``): ``blueroom replay
--headless`` at full speed on a looping recording, killed with SIGKILL at a random
moment, twelve times over one journal. Before, posts after the last checkpoint were
played again on each resume and counted twice (about 1,300 duplicates over 40 kills).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blueroom.core.events import TweetReceived
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from blueroom.store.journal import Journal
from tests.conftest import post, write_recording

ROOT = Path(__file__).resolve().parents[1]
KILLS = 12
START_UP_LIMIT_S = 120.0


def events_journalled(journal: Path) -> int:
    """How many events the journal holds, 0 before the room has written its first batch."""
    if not journal.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True, timeout=5) as db:
            (total,) = db.execute("SELECT coalesce(sum(count), 0) FROM batches").fetchone()
    except sqlite3.OperationalError:  # the schema is being created
        return 0
    return int(total)


def wait_for_ingest(child: subprocess.Popen[str], journal: Path, before: int) -> None:
    """Until the room journals its first new batch: a cold machine starts up in seconds."""
    deadline = time.monotonic() + START_UP_LIMIT_S
    while events_journalled(journal) <= before:
        assert child.poll() is None, f"the room stopped before ingesting: {child.returncode}"
        assert time.monotonic() < deadline, "the room ingested nothing in two minutes"
        time.sleep(0.05)


@pytest.mark.soak
def test_kill_9_again_and_again_loses_nothing_shown_and_counts_each_post_once(
    tmp_path: Path,
) -> None:
    recording = write_recording(
        tmp_path / "event.jsonl",
        [
            post(
                str(5_000 + n),
                f"#AskBlueRoom question {n} ?",
                created_at="2026-11-24T18:00:00.000Z",
            )
            for n in range(3_000)
        ],
    )
    journal = tmp_path / "j.sqlite"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    rng = random.Random(11)
    sessions = set()
    for _ in range(KILLS):
        before = events_journalled(journal)
        child = subprocess.Popen(
            [sys.executable, "-m", "blueroom.cli", "replay", str(recording), "--headless",
             "--speed", "max", "--journal", str(journal)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        wait_for_ingest(child, journal, before)
        time.sleep(rng.uniform(0.0, 2.0))
        os.kill(child.pid, signal.SIGKILL)
        _, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        reader = Journal.reader(journal)
        sessions.update(s.id for s in reader.sessions())
        reader.close()
    assert len(sessions) == 1, "every start resumed the same session"

    reader = Journal.reader(journal)
    (session,) = reader.sessions()
    posts = [
        e.tweet
        for batch in reader.read(session.id, kinds=("TweetReceived",))
        for e in batch
        if isinstance(e, TweetReceived)
    ]
    ids = [tweet.id for tweet in posts]
    located = {tweet.id for tweet in posts if tweet.coordinates is not None}
    reader.close()
    assert len(set(ids)) > 3_000, "it got past the first loop"
    room = Room(load_settings(environ={}), RoomOptions(replay_file=recording, journal_path=journal))
    try:
        metrics = room.model.metrics.snapshot()
        assert metrics.posts == len(set(ids)), "each post once, however often it was played"
        assert metrics.duplicates == len(ids) - len(set(ids))
        assert room.model.questions.snapshot().received == len(set(ids))
        assert room.model.heat.snapshot().located == len(located), "the heat map too"
    finally:
        room.stop()
