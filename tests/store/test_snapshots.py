"""Snapshots go into the journal in parts, from a forked process or a worker; the newest
whole one is read back; a failure is reported, never half-kept."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from blueroom.store import snapshots
from blueroom.store.journal import Journal
from blueroom.store.snapshots import CAN_FORK, PART_BYTES, SnapshotWriter
from blueroom.workers import WorkerError


def _journal(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "j.sqlite"
    journal = Journal(path)
    session = journal.new_session("#AskBlueRoom").id
    journal.close()
    return path, session


def _capture(payload: dict[str, object]) -> Callable[[bool], Callable[[], object]]:
    return lambda locked: lambda: payload


@pytest.mark.parametrize(
    "fork", [pytest.param(True, id="forked"), pytest.param(False, id="worker")]
)
def test_the_newest_whole_snapshot_is_read_back_and_older_ones_go(
    tmp_path: Path, fork: bool
) -> None:
    if fork and not CAN_FORK:
        pytest.fail("this machine cannot fork: the forked path is untested here")
    path, session = _journal(tmp_path)
    writer = SnapshotWriter(path, session, msgspec.msgpack.encode, fork=fork)
    writer.start()
    try:
        big = bytes(range(256)) * (3 * PART_BYTES // 256)  # several parts, even compressed
        for n in range(3):
            assert writer.offer(10 + n, 1_000 * (n + 1), 7, _capture({"n": n, "big": big}))
            assert writer.wait_idle(30.0)
        assert writer.stats().written == 3
    finally:
        writer.stop()
    journal = Journal.reader(path)
    stored = journal.latest_snapshot(session, 7)
    assert stored is not None and (stored.upto_seq, stored.events) == (12, 3_000)
    assert msgspec.msgpack.decode(stored.body) == {"n": 2, "big": big}
    assert journal.latest_snapshot(session, 8) is None, "another state version: none"
    kept = journal._conn.execute("SELECT COUNT(*) FROM snapshots").fetchone()[0]
    assert kept == 2, "the newest and the one before"
    journal.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "snapshot" in p.name) == []


def test_a_snapshot_that_fails_is_reported_and_nothing_is_kept(tmp_path: Path) -> None:
    path, session = _journal(tmp_path)
    reports: list[WorkerError] = []
    writer = SnapshotWriter(path, session, msgspec.msgpack.encode, on_error=reports.append)
    writer.start()

    def broken(locked: bool) -> Callable[[], object]:
        def build() -> object:
            raise RuntimeError("a model could not be read")

        return build

    try:
        assert writer.offer(5, 100, 7, broken)
        assert writer.wait_idle(30.0)
        assert writer.offer(6, 200, 7, _capture({"fine": True})), "the writer goes on"
        assert writer.wait_idle(30.0)
    finally:
        writer.stop()
    (report,) = reports
    assert "a model could not be read" in str(report.error)
    journal = Journal.reader(path)
    stored = journal.latest_snapshot(session, 7)
    assert stored is not None and stored.upto_seq == 6
    journal.close()


def test_files_left_by_a_killed_engine_are_swept_at_start(tmp_path: Path) -> None:
    path, session = _journal(tmp_path)
    dead = tmp_path / f".{path.name}.snapshot-999999999-3.partial"
    dead.write_bytes(b"half a snapshot")
    mine = tmp_path / f".{path.name}.snapshot-{os.getpid()}-1"
    mine.write_bytes(b"being written")
    writer = SnapshotWriter(path, session, msgspec.msgpack.encode)
    writer.start()
    writer.stop()
    assert not dead.exists() and mine.exists()


def test_a_snapshot_compressed_by_zlib_is_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Snapshots are compressed by ISA-L in zlib's format: those of earlier releases
    (the standard library's zlib) are read as before."""
    path, session = _journal(tmp_path)
    monkeypatch.setattr(snapshots, "_compress", lambda body: zlib.compress(body, 1))
    writer = SnapshotWriter(path, session, msgspec.msgpack.encode, fork=False)
    writer.start()
    try:
        assert writer.offer(3, 300, 7, _capture({"from": "an earlier release"}))
        assert writer.wait_idle(30.0)
    finally:
        writer.stop()
    journal = Journal.reader(path)
    stored = journal.latest_snapshot(session, 7)
    journal.close()
    assert stored is not None and msgspec.msgpack.decode(stored.body) == {
        "from": "an earlier release"
    }
