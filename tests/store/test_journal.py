"""The journal: a real SQLite file in WAL mode; sessions resume; what was shown survives kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from blueroom.core.bus import Bus
from blueroom.core.events import Event, QuestionState, QuestionStateChanged, TweetReceived
from blueroom.core.tweet import Tweet
from blueroom.store.journal import Journal, JournalError, JournalWriter, encode_batch
from tests.conftest import post, write_recording


def test_the_file_is_sqlite_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    Journal(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_events_are_written_in_batches_and_read_back_in_order(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal(path)
    session = journal.new_session("#AskBlueRoom")
    bus = Bus()
    writer = JournalWriter(path, bus, session.id)
    writer.start()
    events = [TweetReceived(tweet=Tweet(id=str(n), text=f"post {n}")) for n in range(12_000)]
    events.append(QuestionStateChanged(tweet_id="7", state=QuestionState.APPROVED))
    for start in range(0, len(events), 500):
        bus.publish_many(events[start : start + 500])
    assert writer.wait_until_handed_on(10.0)
    writer.stop()
    stats = writer.stats()
    assert stats.written == len(events)
    assert stats.batches < len(events) / 10, "rows are written in batches"
    read = [e for batch in journal.read(session.id) for e in batch]
    assert [e for e in read if not e.urgent] == events[:-1], "posts in the order published"
    assert events[-1] in read, "the decision, where it was applied (it may jump the queue)"
    journal.close()


def test_the_last_unfinished_session_is_resumed_and_an_ended_one_is_not(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite")
    first = journal.new_session("one")
    journal.end_session(first.id)
    second = journal.new_session("two")
    unfinished = journal.unfinished_session()
    assert unfinished is not None and unfinished.id == second.id
    journal.end_session(second.id)
    assert journal.unfinished_session() is None
    assert [s.label for s in journal.sessions()] == ["one", "two"]


def test_an_unreadable_row_is_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    journal = Journal(path)
    session = journal.new_session()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO batches(session_id, first_at, last_at, count, kinds, body)"
            " VALUES (?, 0, 0, 3, 'TweetReceived', ?)",
            (session.id, b"\xc1 not msgpack"),
        )
        conn.execute(
            "INSERT INTO batches(session_id, first_at, last_at, count, kinds, body)"
            " VALUES (?, 0, 0, 1, 'QuestionStateChanged', ?)",
            (
                session.id,
                encode_batch([QuestionStateChanged(tweet_id="1", state=QuestionState.APPROVED)])[4],
            ),
        )
    bad: list[int] = []
    read = list(journal.read(session.id, on_bad_row=lambda seq, why: bad.append(seq)))
    assert bad == [1]
    assert [e.kind for batch in read for e in batch] == ["QuestionStateChanged"]


def test_a_file_that_is_not_a_journal_gives_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff" + os.urandom(4096))
    with pytest.raises(JournalError, match=r"photo\.jpg"):
        Journal(path)


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from blueroom.core.bus import Bus
    from blueroom.core.events import TweetReceived
    from blueroom.sources.replay import ReplaySource
    from blueroom.store.journal import Journal, JournalWriter

    journal_path, recording = Path(sys.argv[1]), Path(sys.argv[2])
    journal = Journal(journal_path)
    session = journal.new_session("kill-test")
    print("session", session.id, flush=True)
    bus = Bus()

    def show(batch):  # as the engine hands committed batches to the models, then the screens
        for event in batch:
            if isinstance(event, TweetReceived):
                sys.stdout.write(event.tweet.id + "\\n")
        sys.stdout.flush()

    writer = JournalWriter(journal_path, bus, session.id, max_batch=200, after_commit=show)
    source = ReplaySource(recording, bus.publish_many, speed=None, loop=True, max_batch=100)
    writer.start()
    source.start()
    while True:
        time.sleep(1)
    """
)


def test_every_event_shown_survives_kill_9_mid_ingest(tmp_path: Path) -> None:
    recording = write_recording(
        tmp_path / "event.jsonl",
        [post(str(1000 + n), f"post {n} #AskBlueRoom") for n in range(5_000)],
    )
    journal_path = tmp_path / "journal.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(journal_path), str(recording)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    session_line = child.stdout.readline().split()
    assert session_line[0] == "session", session_line
    session_id = session_line[1]
    acknowledged: list[str] = []
    try:
        while len(acknowledged) < 20_000:
            line = child.stdout.readline()
            assert line, "the ingest child died by itself"
            acknowledged.append(line.strip())
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    journal = Journal(journal_path)
    stored = {
        e.tweet.id
        for batch in journal.read(session_id, kinds=("TweetReceived",))
        for e in batch
        if isinstance(e, TweetReceived)
    }
    missing = [tweet_id for tweet_id in acknowledged if tweet_id not in stored]
    assert not missing, f"{len(missing)} shown events lost, e.g. {missing[:3]}"
    assert len(stored) >= len(acknowledged)


def test_one_blue_room_at_a_time_per_journal(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite"
    first = Journal(path)
    with pytest.raises(JournalError, match="in use by another Blue Room"):
        Journal(path)
    reader = Journal(path, lock=False)  # listing sessions stays possible
    assert reader.sessions() == []
    reader.close()
    first.close()
    Journal(path).close()


def test_a_journal_of_another_schema_is_refused_not_resumed_empty(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    with pytest.raises(JournalError, match="another version of Blue Room"):
        Journal(path)


def _full_disk_writer(path: Path) -> tuple[Bus, JournalWriter, str]:
    """A writer whose file may not grow (SQLite's own "database or disk is full")."""
    journal = Journal(path)
    session = journal.new_session("#AskBlueRoom")
    journal.close()
    bus = Bus()
    writer = JournalWriter(path, bus, session.id, retry_delay=0.05)
    writer.start()
    assert writer._conn is not None
    pages = writer._conn.execute("PRAGMA page_count").fetchone()[0]
    writer._conn.execute(f"PRAGMA max_page_count = {pages}")
    return bus, writer, session.id


def _posts(first: int, count: int) -> list[Event]:
    return [
        TweetReceived(tweet=Tweet(id=str(n), text=f"post {n} " * 20), at=1_800_000_000.0 + n)
        for n in range(first, first + count)
    ]


def test_what_a_full_disk_refuses_at_stop_is_kept_and_put_back_on_the_next_start(
    tmp_path: Path,
) -> None:
    path = tmp_path / "j.sqlite"
    bus, writer, session_id = _full_disk_writer(path)
    bus.publish_many(_posts(0, 3_000))
    assert writer.wait_until_handed_on(10.0)
    bus.publish(QuestionStateChanged(tweet_id="7", state=QuestionState.APPROVED))
    assert writer.wait_until_handed_on(10.0)
    assert not writer.stats().healthy and "events waiting" in writer.stats().error
    writer.stop()
    rescued = writer.rescued
    assert rescued is not None and rescued.path is not None and rescued.path.parent == tmp_path
    assert rescued.events == 3_001 and rescued.kinds["QuestionStateChanged"] == 1
    said = rescued.describe()
    assert "3,001 events (3,000 posts, 1 QuestionStateChanged)" in said
    assert f"kept in {rescued.path}, put back on the next start" in said
    assert writer.stats().lost == 0

    journal = Journal(path)  # the next start: the file may grow again
    (line,) = journal.put_back_rescued()
    assert line.startswith("3,001 events the disk had refused at the last stop put back")
    assert not rescued.path.exists()
    read = [e for batch in journal.read(session_id) for e in batch]
    assert [e.tweet.id for e in read if isinstance(e, TweetReceived)] == [
        str(n) for n in range(3_000)
    ]
    assert journal.put_back_rescued() == [], "once only"
    journal.close()


def test_when_nothing_can_be_written_anywhere_the_loss_is_said_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueroom.store.rescue import rescue

    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    monkeypatch.setenv("HOME", str(not_a_folder))
    journal = not_a_folder / "j.sqlite"  # beside it cannot be written either
    rows = encode_batch(_posts(0, 10))
    report = rescue(journal, "s1", [(rows, False)], "database or disk is full")
    assert report.path is None
    assert report.describe().startswith("LOST: 10 events (10 posts) from ")
    assert report.describe().endswith(
        ": neither the journal nor a rescue file could be written (database or disk is full)"
    )
