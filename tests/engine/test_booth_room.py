"""The booth in the room: its deadlines on the engine's clock, the guest's Post queued
in the outbox once (even after a restart or a replay), its snapshot feed to the screens,
and a room killed with SIGKILL in every step of a visit: every photo on disk, the booth
calm, nothing posted twice."""

from __future__ import annotations

import os
import signal
import sqlite3
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
from tests.engine.booth_child import STEPS, settings, to_review, touch, wait_posted, wait_step
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


# Killed in these in the normal run; in every step with the soak tests.
QUICK = frozenset({"capture", "review", "share", "posting"})
WITH_P1 = frozenset({"capture", "review", "sign", "finish", "share", "done", "attract", "posting"})
PASSING = frozenset({"countdown", "capture", "one_moment"})  # they end by themselves


def account_posts(account: Path) -> list[str]:
    """The media of each post the stand-in X account holds (it survives the kill)."""
    with sqlite3.connect(account) as db:
        return [media for (media,) in db.execute("SELECT media FROM posts ORDER BY id")]


@pytest.mark.parametrize(
    "step",
    [step if step in QUICK else pytest.param(step, marks=pytest.mark.soak) for step in STEPS],
)
def test_a_room_killed_in_any_booth_step_keeps_every_photo_and_posts_nothing_twice(
    tmp_path: Path, step: str
) -> None:
    """kill -9 in each step of a second visit (the first one's photo posted): every photo
    taken is on disk, nothing is posted twice, and the booth resumes calm: in the same
    step with the same photo, or, for the steps that end by themselves, back to attract."""
    journal, photos, account = tmp_path / "j.sqlite", tmp_path / "photos", tmp_path / "a.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.engine.booth_child", str(journal), str(photos), step,
         str(account)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    killed = BoothStep.DONE if step == "posting" else BoothStep(step)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.split() == ["READY", killed.value], line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10.0)
    assert (photos / "p0.jpg").exists()
    assert (photos / "p1.jpg").exists() == (step in WITH_P1)  # taken: on disk
    assert len(account_posts(account)) == 1
    poster = ScriptedPoster(account)

    def make(_: Settings) -> Poster:
        return poster

    quick = {"BLUEROOM_BOOTH__CAPTURE_SECONDS": "1", "BLUEROOM_BOOTH__ONE_MOMENT_SECONDS": "1"}
    room = Room(settings(quick), RoomOptions(journal_path=journal), poster=make)
    try:
        booth = room.model.booth
        resumed = booth.latest()
        assert resumed.step is killed
        assert booth.photos["p0"].fate is PhotoFate.POST
        if step in WITH_P1 - {"capture", "attract"}:
            assert resumed.photo is not None and resumed.photo.photo_id == "p1"
        room.start()
        if step in PASSING:
            wait_step(room, BoothStep.ATTRACT, timeout=15.0)  # by "one moment" at worst
        else:
            time.sleep(0.8)  # ticks after the resume: the same step, the same photo
            assert booth.latest().step is killed and booth.latest().move == resumed.move
        if step == "posting":
            wait_posted(room, "booth-p1")
        assert room.writer.wait_until_handed_on(5.0)
    finally:
        room.stop()
    posts = [Path(media).name for media in account_posts(account)]
    assert posts == (["p0.jpg", "p1.jpg"] if step == "posting" else ["p0.jpg"])
    assert [q.entry_id for q in queued(journal)] == ["booth-p0"] + (
        ["booth-p1"] if step == "posting" else []
    )


def test_the_booth_settings_are_read_and_validated() -> None:
    booth = load_settings(environ={"BLUEROOM_BOOTH__COUNTDOWN": "5"}).booth
    assert booth.timings().countdown == 5.0 and not booth.mirror_photo
    with pytest.raises(SettingsError, match=r"booth.countdown must be 1 to 10 seconds, not 30"):
        load_settings(environ={"BLUEROOM_BOOTH__COUNTDOWN": "30"})
    with pytest.raises(SettingsError, match=r"booth.sign_seconds must be 1 to 3600"):
        load_settings(environ={"BLUEROOM_BOOTH__SIGN_SECONDS": "0"})
