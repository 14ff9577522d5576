"""The outbox in the room: posts sent by the outbox's own worker on the engine's clock,
"sending" on disk before the request goes out, the screens' feed, a restart, and a room
killed with SIGKILL mid-request with entries in every state: nothing lost, nothing
posted twice. X is a scripted stand-in whose account is a SQLite file (it survives
the kill)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blueroom.core.events import OutboxSending, PostKind, QuestionState
from blueroom.core.outbox import STOPPED_MID_SEND, EntryState
from blueroom.core.posting import Draft, Poster, PostOutcome, Refused
from blueroom.engine.protocol import Outbox
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import Settings, load_settings
from blueroom.store.journal import Journal
from tests.engine.outbox_child import ENVIRONMENT, TEXTS
from tests.outbox_posters import ScriptedPoster

ROOT = Path(__file__).resolve().parents[2]
QUIET = {"BLUEROOM_SOURCE__KIND": '"none"', "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false"}


def wait_for(room: Room, entry_id: str, state: EntryState, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entry = room.model.outbox.entry(entry_id)
        if entry is not None and entry.state is state:
            return
        time.sleep(0.01)
    raise AssertionError(f"never {state}: {room.model.outbox.entry(entry_id)}")


def journalled_kinds(journal: Path) -> list[str]:
    reader = Journal.reader(journal)
    try:
        (session,) = reader.sessions()
        return [e.kind for batch in reader.read(session.id) for e in batch]
    finally:
        reader.close()


class JournalCheckingPoster(ScriptedPoster):
    """Reads the journal file at the moment of the request: "sending" must be there."""

    def __init__(self, account: Path, journal: Path) -> None:
        super().__init__(account, [Refused("503 Service Unavailable", transient=True)])
        self.journal = journal
        self.sending_on_disk: list[bool] = []

    def post(self, draft: Draft) -> PostOutcome:
        reader = Journal.reader(self.journal)
        try:
            (session,) = reader.sessions()
            on_disk = [e for batch in reader.read(session.id) for e in batch]
        finally:
            reader.close()
        attempts = [e.attempt for e in on_disk if isinstance(e, OutboxSending)]
        self.sending_on_disk.append(len(attempts) == len(self.calls) + 1)
        return super().post(draft)


def test_a_post_goes_out_on_the_outbox_worker_after_its_sending_is_on_disk(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "j.sqlite"
    poster = JournalCheckingPoster(tmp_path / "account.sqlite", journal)

    def make(_: Settings) -> Poster:
        return poster

    settings = load_settings(environ={**QUIET, "BLUEROOM_OUTBOX__FIRST_RETRY_SECONDS": "0.3"})
    room = Room(settings, RoomOptions(journal_path=journal), poster=make)
    try:
        room.start()
        entry_id = room.actions.post(Draft(text="Hello from the Blue Room #AskBlueRoom"))
        wait_for(room, entry_id, EntryState.POSTED)
        entry = room.model.outbox.entry(entry_id)
        assert entry is not None and entry.attempts == 2, "a 503, then posted 0.3 s later"
        assert poster.sending_on_disk == [True, True], "each request after its 'sending'"
        assert poster.posts() == ["Hello from the Blue Room #AskBlueRoom"]
        assert room.outbox_sender.posts_sent == 2
    finally:
        room.stop()
    outbox_kinds = [k for k in journalled_kinds(journal) if k.startswith("Outbox") or k == "XUsage"]
    assert outbox_kinds == [
        "OutboxQueued", "OutboxSending", "OutboxFailed", "OutboxSending", "OutboxPosted",
        "XUsage",  # X bills the post made
    ], journalled_kinds(journal)  # fmt: skip


def test_a_reply_marks_its_question_answered_and_both_survive_a_restart(
    tmp_path: Path, recording: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    account = tmp_path / "account.sqlite"

    def make(_: Settings) -> Poster:
        return ScriptedPoster(account)

    options = RoomOptions(replay_file=recording, speed=None, loop=False, journal_path=journal)
    room = Room(load_settings(environ={}), options, poster=make)
    try:
        room.start()
        assert room.source.wait_finished(10.0) and room.writer.wait_until_handed_on(5.0)
        room.actions.put_on_air("101")
        draft = Draft(text="Probably the last one we played!", reply_to="101")
        entry_id = room.actions.post(draft, PostKind.REPLY, question_id="101")
        wait_for(room, entry_id, EntryState.POSTED)
        question = room.model.questions.question("101")
        assert question is not None and question.state is QuestionState.ANSWERED
        before = room.model.outbox.latest().entries
    finally:
        room.stop()
    again = Room(load_settings(environ={}), options, poster=make)
    try:
        assert again.model.outbox.latest().entries == before
        entry = again.model.outbox.entry(entry_id)
        assert entry is not None and entry.kind is PostKind.REPLY and entry.question_id == "101"
    finally:
        again.stop()


def test_without_credentials_the_room_saves_and_the_screens_are_told_why(tmp_path: Path) -> None:
    from blueroom.engine.process import SnapshotPublisher

    room = Room(load_settings(environ=QUIET), RoomOptions(journal_path=tmp_path / "j.sqlite"))
    sent: list[object] = []
    publisher = SnapshotPublisher(room, sent.append)
    try:
        room.start()
        publisher.start()
        entry_id = room.actions.post(Draft(text="Hello"))
        wait_for(room, entry_id, EntryState.SAVED)
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            feeds = [m for m in sent if isinstance(m, Outbox)]
            shown = feeds[-1].snapshot.entry(entry_id) if feeds else None
            if shown is not None and shown.state is EntryState.SAVED:
                break
            time.sleep(0.02)
        snapshot = feeds[-1].snapshot
        assert snapshot.posting.cannot_post == "no posting credentials: saved, not posted"
        assert snapshot.posting.account == "" and not snapshot.posting.rehearsal
        entry = snapshot.entry(entry_id)
        assert entry is not None and entry.reason == "no posting credentials: saved, not posted"
    finally:
        publisher.stop()
        room.stop()


def test_a_rehearsal_sends_nothing(tmp_path: Path) -> None:
    poster = ScriptedPoster(tmp_path / "account.sqlite")

    def make(_: Settings) -> Poster:
        return poster

    room = Room(
        load_settings(environ=QUIET),
        RoomOptions(journal_path=tmp_path / "j.sqlite", rehearsal=True),
        poster=make,
    )
    try:
        room.start()
        entry_id = room.actions.post(Draft(text="Hello"))
        wait_for(room, entry_id, EntryState.REHEARSAL)
        assert room.model.outbox.latest().posting.rehearsal
        assert room.model.outbox.latest().posting.account == "@BlueRoomFR"
        assert poster.calls == [] and poster.requests() == 0
    finally:
        room.stop()


def test_the_rehearsal_setting_is_read_and_validated() -> None:
    assert load_settings(environ={"BLUEROOM_OUTBOX__REHEARSAL": "true"}).outbox.rehearsal
    from blueroom.settings import SettingsError

    with pytest.raises(
        SettingsError,
        match=r"outbox.max_attempts \(from BLUEROOM_OUTBOX__MAX_ATTEMPTS\) must be a whole number from 1 to 100, not 0",
    ):
        load_settings(environ={"BLUEROOM_OUTBOX__MAX_ATTEMPTS": "0"})


def test_a_poster_that_cannot_be_built_leaves_a_room_that_saves_and_says_why(
    tmp_path: Path,
) -> None:
    def broken(_: Settings) -> Poster:
        raise OSError("keyring locked")

    room = Room(
        load_settings(environ=QUIET), RoomOptions(journal_path=tmp_path / "j.sqlite"), poster=broken
    )
    try:
        posting = room.model.outbox.latest().posting
        assert posting.cannot_post == "cannot post (OSError: keyring locked): saved, not posted"
        assert any("keyring locked" in p.summary for p in room.current_problems())
    finally:
        room.stop()


@pytest.mark.parametrize("made", [True, False], ids=["made-before-the-kill", "not-made"])
def test_kill_9_with_entries_in_every_state_loses_nothing_and_posts_nothing_twice(
    tmp_path: Path, made: bool
) -> None:
    journal, account = tmp_path / "j.sqlite", tmp_path / "account.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.engine.outbox_child", str(journal), str(account),
         "made" if made else "not-made"],
        cwd=ROOT, env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "READY":
        child.kill()
        raise AssertionError(child.communicate(timeout=30)[1][-3000:])
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    stand_in = ScriptedPoster(account)
    assert stand_in.posts() == [TEXTS["posted"], TEXTS["checking"]] + (
        [TEXTS["sending"]] if made else []
    ), "on the account at the kill"

    def make(_: Settings) -> Poster:
        return stand_in

    settings = load_settings(environ={**ENVIRONMENT, "BLUEROOM_OUTBOX__CHECK_AFTER_SECONDS": "0.5"})
    room = Room(settings, RoomOptions(journal_path=journal), poster=make)
    try:
        by_text = {e.draft.text: e for e in room.model.outbox.latest().entries}
        assert {text: by_text[text].state for text in TEXTS.values()} == {
            TEXTS["rehearsal"]: EntryState.REHEARSAL,
            TEXTS["saved"]: EntryState.SAVED,
            TEXTS["posted"]: EntryState.POSTED,
            TEXTS["needs"]: EntryState.NEEDS_PERSON,
            TEXTS["failed"]: EntryState.FAILED,
            TEXTS["checking"]: EntryState.CHECKING,
            TEXTS["sending"]: EntryState.SENDING,
            TEXTS["queued"]: EntryState.QUEUED,
            TEXTS["cancelled"]: EntryState.CANCELLED,
        }, "every entry as it was at the kill"
        room.start()
        room.actions.retry_post(by_text[TEXTS["needs"]].id)
        room.actions.retry_post(by_text[TEXTS["failed"]].id)
        for name in ("needs", "failed", "checking", "sending", "queued"):
            wait_for(room, by_text[TEXTS[name]].id, EntryState.POSTED, timeout=20.0)
        final = {e.draft.text: e.state for e in room.model.outbox.latest().entries}
    finally:
        room.stop()
    posts = stand_in.posts()
    assert len(posts) == len(set(posts)), f"nothing posted twice: {posts}"
    expected = {TEXTS[n] for n in ("posted", "needs", "failed", "checking", "sending", "queued")}
    assert set(posts) == expected
    assert final[TEXTS["cancelled"]] is EntryState.CANCELLED
    assert final[TEXTS["rehearsal"]] is EntryState.REHEARSAL
    assert final[TEXTS["saved"]] is EntryState.SAVED
    sent_after_restart = [d.text for d in stand_in.calls]
    assert TEXTS["checking"] not in sent_after_restart, "settled by reading the account"
    assert (TEXTS["sending"] in sent_after_restart) is not made, "sent again only if not made"
    checked = [d.text for d, _ in stand_in.checks]
    assert TEXTS["sending"] in checked and TEXTS["checking"] in checked


@pytest.mark.soak
@pytest.mark.timeout(600)
def test_killed_again_and_again_while_posting_each_entry_is_posted_exactly_once(
    tmp_path: Path,
) -> None:
    """Ten SIGKILLs at random moments while a room posts every 150 ms (one answer in five
    lost after the post was made): each entry on the account once, none lost."""
    import random

    journal, account = tmp_path / "j.sqlite", tmp_path / "account.sqlite"
    rng = random.Random(14)
    began = time.monotonic()
    for kill in range(10):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.engine.outbox_child", "soak", str(journal),
             str(account), str(kill * 100_000)],
            cwd=ROOT, env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.5, 2.0))
        os.kill(child.pid, signal.SIGKILL)
        print(f"kill {kill + 1} at {time.monotonic() - began:.1f} s")
        child.communicate(timeout=30)
    stand_in = ScriptedPoster(account)
    settings = load_settings(environ={**QUIET, "BLUEROOM_OUTBOX__CHECK_AFTER_SECONDS": "0.2"})
    room = Room(settings, RoomOptions(journal_path=journal), poster=lambda _: stand_in)
    try:
        room.start()
        started = time.monotonic()
        deadline = started + 120.0
        while time.monotonic() < deadline:
            entries = room.model.outbox.latest().entries
            if all(e.state is EntryState.POSTED for e in entries):
                break
            time.sleep(0.1)
        entries = room.model.outbox.latest().entries
        drained = time.monotonic() - started
    finally:
        room.stop()
    posts = stand_in.posts()
    checked = sum(1 for e in entries if e.attempts == 0 or e.sending_at == 0.0)
    print(f"{len(entries)} entries, {len(posts)} posts, {len(stand_in.checks)} read at the"
          f" end, {checked} never sent, drained in {drained:.1f} s")  # fmt: skip
    reader = Journal.reader(journal)
    try:
        (session,) = reader.sessions()
        journalled = [e for batch in reader.read(session.id) for e in batch]
    finally:
        reader.close()
    cut_short = sum(getattr(e, "reason", "") == STOPPED_MID_SEND for e in journalled)
    timeouts = sum(e.kind == "OutboxUnknown" for e in journalled) - cut_short
    print(f"{cut_short} sends cut short by a kill, {timeouts} answers lost after a post")
    assert len(entries) > 50, "it got some way"
    assert [e for e in entries if e.state is not EntryState.POSTED] == []
    assert len(posts) == len(set(posts)), "nothing posted twice"
    assert set(posts) == {e.draft.text for e in entries}, "every entry posted, none lost"
