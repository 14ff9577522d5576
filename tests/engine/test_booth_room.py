"""The booth in the room: its deadlines on the engine's clock, the guest's Post queued
in the outbox once (even after a restart or a replay), its snapshot feed to the screens,
and a room killed with SIGKILL mid-visit: the photo is on disk, the booth calm, nothing
posted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blueroom.core.booth import PhotoFate
from blueroom.core.events import BoothAction, BoothStep, OutboxQueued, PostKind
from blueroom.core.outbox import EntryState
from blueroom.core.posting import Poster
from blueroom.engine.protocol import Booth
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import Settings, SettingsError, load_settings
from blueroom.store.journal import Journal
from tests.engine.booth_child import settings, to_review, touch, wait_step
from tests.outbox_posters import ScriptedPoster

ROOT = Path(__file__).resolve().parents[2]


def journalled(journal: Path) -> list[object]:
    reader = Journal.reader(journal)
    try:
        (session,) = reader.sessions()
        return [e for batch in reader.read(session.id) for e in batch]
    finally:
        reader.close()


def queued(journal: Path) -> list[OutboxQueued]:
    return [e for e in journalled(journal) if isinstance(e, OutboxQueued)]


def test_the_guests_post_queues_one_photo_post_that_a_restart_does_not_repeat(
    tmp_path: Path,
) -> None:
    journal, account = tmp_path / "j.sqlite", tmp_path / "account.sqlite"
    poster = ScriptedPoster(account)

    def make(_: Settings) -> Poster:
        return poster

    room = Room(settings(), RoomOptions(journal_path=journal), poster=make)
    try:
        room.start()
        path = to_review(room, tmp_path / "photos")
        for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
            touch(room, action)
        wait_step(room, BoothStep.SHARE)
        time.sleep(0.5)  # a few ticks on the share step: nothing is queued by waiting
        assert room.model.outbox.latest().entries == ()
        touch(room, BoothAction.POST)
        wait_step(room, BoothStep.DONE)
        deadline = time.monotonic() + 10.0
        while time.monotonic() < deadline:
            entry = room.model.outbox.entry("booth-p1")
            if entry is not None and entry.state is EntryState.POSTED:
                break
            time.sleep(0.02)
        assert entry is not None and entry.state is EntryState.POSTED
        assert entry.kind is PostKind.PHOTO
        assert entry.draft.media == (str(path),) and entry.draft.text == "#AskBlueRoom"
        time.sleep(0.6)  # more ticks: never a second entry
        assert room.writer.wait_until_handed_on(5.0)
    finally:
        room.stop()
    assert len(queued(journal)) == 1
    assert len(poster.calls) == 1
    for use_snapshots in (False, True):
        again = Room(
            settings(), RoomOptions(journal_path=journal, use_snapshots=use_snapshots), poster=make
        )
        try:
            again.start()
            time.sleep(0.6)
            assert again.model.booth.queued == {"p1"}
            assert again.writer.wait_until_handed_on(5.0)
        finally:
            again.stop()
    assert len(queued(journal)) == 1 and len(poster.calls) == 1


def test_an_idle_booth_never_posts_and_the_screens_see_each_step(tmp_path: Path) -> None:
    from blueroom.engine.process import SnapshotPublisher

    environ = {
        "BLUEROOM_SOURCE__KIND": '"none"',
        "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false",
        "BLUEROOM_BOOTH__COUNTDOWN": "1",
        "BLUEROOM_BOOTH__REVIEW_SECONDS": "1",
    }
    room = Room(load_settings(environ=environ), RoomOptions(journal_path=tmp_path / "j.sqlite"))
    sent: list[object] = []
    publisher = SnapshotPublisher(room, sent.append)
    try:
        room.start()
        publisher.start()
        to_review(room, tmp_path / "photos")
        wait_step(room, BoothStep.ATTRACT, timeout=5.0)  # the review's second passed
        time.sleep(0.3)
        assert room.model.booth.photos["p1"].fate is PhotoFate.LEFT
        assert room.model.booth.posts_asked == [] and room.model.outbox.latest().entries == ()
    finally:
        publisher.stop()
        room.stop()
    steps = [m.state.step for m in sent if isinstance(m, Booth)]
    for step in (BoothStep.COUNTDOWN, BoothStep.REVIEW, BoothStep.ATTRACT):  # steps that last
        assert step in steps


@pytest.mark.parametrize("step", ["review", "sign", "share", "posted"])
def test_a_room_killed_mid_visit_keeps_the_photo_and_posts_nothing_twice(
    tmp_path: Path, step: str
) -> None:
    journal, photos, account = tmp_path / "j.sqlite", tmp_path / "photos", tmp_path / "a.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.engine.booth_child", str(journal), str(photos), step,
         str(account)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("READY"), line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10.0)
    assert (photos / "p1.jpg").read_bytes() == b"\xff\xd8 a photo \xff\xd9"
    poster = ScriptedPoster(account)

    def make(_: Settings) -> Poster:
        return poster

    room = Room(settings(), RoomOptions(journal_path=journal), poster=make)
    try:
        booth = room.model.booth
        expected = {"review": BoothStep.REVIEW, "sign": BoothStep.SIGN, "share": BoothStep.SHARE}
        assert booth.latest().step is expected.get(step, BoothStep.DONE)
        assert booth.latest().photo is not None and booth.latest().photo.photo_id == "p1"
        room.start()
        time.sleep(0.8)  # ticks after the resume
        assert room.writer.wait_until_handed_on(5.0)
        if step == "posted":
            entry = room.model.outbox.entry("booth-p1")
            assert entry is not None and entry.state is EntryState.POSTED
            assert len(poster.calls) == 1
        else:
            assert room.model.outbox.latest().entries == () and poster.calls == []
    finally:
        room.stop()
    assert len(queued(journal)) == (1 if step == "posted" else 0)


def test_the_booth_settings_are_read_and_validated() -> None:
    booth = load_settings(environ={"BLUEROOM_BOOTH__COUNTDOWN": "5"}).booth
    assert booth.timings().countdown == 5.0 and not booth.mirror_photo
    with pytest.raises(SettingsError, match=r"booth.countdown must be 1 to 10 seconds, not 30"):
        load_settings(environ={"BLUEROOM_BOOTH__COUNTDOWN": "30"})
    with pytest.raises(SettingsError, match=r"booth.sign_seconds must be 1 to 3600"):
        load_settings(environ={"BLUEROOM_BOOTH__SIGN_SECONDS": "0"})
