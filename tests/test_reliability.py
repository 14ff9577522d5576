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
        child = subprocess.Popen(
            [sys.executable, "-m", "blueroom.cli", "replay", str(recording), "--headless",
             "--speed", "max", "--journal", str(journal)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(rng.uniform(2.0, 4.0))  # start-up (a second or so), then ingest
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
