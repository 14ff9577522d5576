"""The console's outbox and composer with qtbot: each button publishes the event it says,
a reply marks its question answered, the confirmation shows exactly what is posted and
from which account, and a rehearsal (or a room without credentials) says so plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    Event,
    OutboxCancelled,
    OutboxEdited,
    OutboxMarkedPosted,
    OutboxNeedsPerson,
    OutboxPosted,
    OutboxQueued,
    OutboxRetried,
    OutboxSaved,
    OutboxSending,
    OutboxUnknown,
    PostKind,
    QuestionState,
    QuestionStateChanged,
    TweetReceived,
)
from blueroom.core.models import RoomModel
from blueroom.core.outbox import EntryState, PostingInfo
from blueroom.core.posting import Draft
from blueroom.core.session import default_script
from blueroom.core.tweet import Author, Tweet
from blueroom.ui.operator.outbox import EntryRow, OutboxPanel

CAN_POST = PostingInfo(account="@BlueRoomFR")


class Room:
    """The models, and every event the console publishes (applied at once)."""

    def __init__(self, posting: PostingInfo = CAN_POST) -> None:
        self.model = RoomModel(
            QuestionRules(hashtags=frozenset({"askblueroom"})),
            default_script("Léa Marchand", "#AskBlueRoom"),
            half_life=600.0,
        )
        self.model.outbox.set_posting(posting)
        self.published: list[Event] = []
        self.actions = RoomActions(self.publish, self.model.session, "test")

    def publish(self, event: Event) -> int:
        self.published.append(event)
        self.model.apply([event])
        return len(self.published)

    def entry(self, entry_id: str, text: str, *then: Event) -> None:
        self.model.apply([OutboxQueued(entry_id=entry_id, draft=Draft(text=text)), *then])


def panel_for(qtbot: QtBot, room: Room, **more: object) -> OutboxPanel:
    said: list[str] = []
    panel = OutboxPanel(
        room.model.outbox,
        room.model.questions,
        room.actions,
        hashtag="#AskBlueRoom",
        say=said.append,
        confirm=more.pop("confirm", lambda *_: True),  # type: ignore[arg-type]
        **more,  # type: ignore[arg-type]
    )
    panel.said = said  # type: ignore[attr-defined]
    qtbot.addWidget(panel)
    panel.refresh()
    return panel


def row(panel: OutboxPanel, entry_id: str) -> EntryRow:
    panel.refresh()
    return next(r for r in panel.rows if r.entry.id == entry_id)


def click(qtbot: QtBot, entry_row: EntryRow, name: str) -> None:
    qtbot.mouseClick(entry_row.buttons[name], Qt.MouseButton.LeftButton)


def test_retry_edit_and_cancel_publish_the_right_events(qtbot: QtBot) -> None:
    room = Room()
    room.entry("needs", "Refused", OutboxSending(entry_id="needs", attempt=1),
               OutboxNeedsPerson(entry_id="needs", reason="403 duplicate content"))  # fmt: skip
    room.entry("queued", "Hello")
    edits = iter(["Hello, fans!"])
    panel = panel_for(qtbot, room, ask=lambda *_: next(edits))

    needs = row(panel, "needs")
    assert set(needs.buttons) == {"retry", "edit", "cancel"}
    assert "NEEDS YOU" in needs.state.text() and needs.detail.text() == "403 duplicate content"
    click(qtbot, needs, "retry")
    assert room.published[-1] == OutboxRetried(entry_id="needs", at=room.published[-1].at)
    assert room.model.outbox.entry("needs").state is EntryState.QUEUED  # type: ignore[union-attr]

    queued = row(panel, "queued")
    assert set(queued.buttons) == {"edit", "cancel"}, "a queued entry is not retried"
    click(qtbot, queued, "edit")
    edited = room.published[-1]
    assert isinstance(edited, OutboxEdited) and (edited.entry_id, edited.text) == (
        "queued",
        "Hello, fans!",
    )
    assert row(panel, "queued").text.text() == "Hello, fans!"
    click(qtbot, row(panel, "queued"), "cancel")
    assert isinstance(room.published[-1], OutboxCancelled)
    assert row(panel, "queued").buttons == {}, "nothing to do on a cancelled entry"
    assert "CANCELLED" in row(panel, "queued").state.text()


def test_an_edit_too_long_for_x_is_refused_and_said(qtbot: QtBot) -> None:
    room = Room()
    room.entry("queued", "Hello")
    panel = panel_for(qtbot, room, ask=lambda *_: "x" * 281)
    click(qtbot, row(panel, "queued"), "edit")
    assert room.published == []
    assert panel.said[-1] == "1 characters too long: not changed"  # type: ignore[attr-defined]


def test_an_unresolved_entry_asks_before_sending_again_and_can_be_marked_posted(
    qtbot: QtBot,
) -> None:
    room = Room()
    room.entry("lost", "Did it go?", OutboxSending(entry_id="lost", attempt=1),
               OutboxUnknown(entry_id="lost", reason="timeout", check_at=0.0),
               OutboxNeedsPerson(entry_id="lost", reason="could not read the account",
                                 unresolved=True))  # fmt: skip
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(parent: object, title: str, text: str) -> bool:
        asked.append(text)
        return next(answers)

    panel = panel_for(qtbot, room, confirm=confirm)
    lost = row(panel, "lost")
    assert set(lost.buttons) == {"mark", "retry", "edit", "cancel"}
    assert "Check the account" in lost.detail.text()
    click(qtbot, lost, "retry")
    assert room.published == [] and "@BlueRoomFR" in asked[0] and "Did it go?" in asked[0]
    click(qtbot, lost, "mark")
    assert isinstance(room.published[-1], OutboxMarkedPosted)
    assert room.model.outbox.entry("lost").state is EntryState.POSTED  # type: ignore[union-attr]


def test_a_posted_entry_shows_its_link_and_tries(qtbot: QtBot) -> None:
    room = Room()
    url = "https://x.com/BlueRoomFR/status/1866"
    room.entry("ok", "<b>Thanks</b> all", OutboxSending(entry_id="ok", attempt=1),
               OutboxPosted(entry_id="ok", post_id="1866", url=url))  # fmt: skip
    panel = panel_for(qtbot, room)
    posted = row(panel, "ok")
    assert posted.state.text().startswith("POSTED") and "1 attempt" in posted.state.text()
    assert posted.detail.text() == url
    assert posted.text.textFormat() is Qt.TextFormat.PlainText
    assert posted.text.text() == "<b>Thanks</b> all", "shown as typed, never as markup"


def on_air(room: Room) -> None:
    tweet = Tweet(
        id="777",
        text="#AskBlueRoom Léa, what inspired your last album?",
        author=Author(id="u1", username="megan91", name="Megan"),
        hashtags=("AskBlueRoom",),
    )
    room.model.apply([TweetReceived(tweet=tweet)])
    room.actions.put_on_air("777")
    room.published.clear()


def test_a_reply_is_confirmed_as_it_will_be_posted_and_marks_the_question_answered(
    qtbot: QtBot,
) -> None:
    room = Room()
    on_air(room)
    asked: list[str] = []
    panel = panel_for(qtbot, room, confirm=lambda parent, title, text: asked.append(text) or True)
    composer = panel.compose(PostKind.REPLY, modal=False)
    assert composer is not None
    qtbot.addWidget(composer)
    assert not composer.send_button.isEnabled(), "nothing written yet"
    composer.text.setPlainText("My grandmother's songs, always.")
    assert composer.count.text() == "31 / 280"
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)

    (text,) = asked
    assert "Post this from @BlueRoomFR?" in text and "In reply to @megan91 (post 777)" in text
    assert "\nMy grandmother's songs, always.\n" in text, "exactly the text, no hashtag added"
    assert "The question will be marked answered." in text
    queued, answered = room.published
    assert isinstance(queued, OutboxQueued) and queued.post_kind is PostKind.REPLY
    assert queued.draft == Draft(text="My grandmother's songs, always.", reply_to="777")
    assert queued.question_id == "777"
    assert answered == QuestionStateChanged(
        tweet_id="777", state=QuestionState.ANSWERED, at=answered.at
    )
    assert room.model.questions.question("777").state is QuestionState.ANSWERED  # type: ignore[union-attr]
    assert panel.said[-1] == "Reply queued; the question is marked answered"  # type: ignore[attr-defined]


def test_nothing_is_queued_when_the_confirmation_is_declined(qtbot: QtBot) -> None:
    room = Room()
    panel = panel_for(qtbot, room, confirm=lambda *_: False)
    composer = panel.compose(PostKind.POST, modal=False)
    assert composer is not None
    qtbot.addWidget(composer)
    composer.text.setPlainText("Hello")
    assert not composer.send()
    assert room.published == []


def test_reply_needs_a_question_on_air(qtbot: QtBot) -> None:
    room = Room()
    panel = panel_for(qtbot, room)
    assert not panel.reply_button.isEnabled()
    assert panel.compose(PostKind.REPLY, modal=False) is None
    on_air(room)
    panel.refresh()
    assert panel.reply_button.isEnabled()


def test_a_free_post_gets_the_hashtag_and_x_s_count(qtbot: QtBot) -> None:
    room = Room()
    warned: list[Draft] = []

    def warnings(draft: Draft) -> list[str]:
        warned.append(draft)
        return ["This post has a link: it costs more."]

    asked: list[str] = []
    panel = panel_for(
        qtbot,
        room,
        confirm=lambda parent, title, text: asked.append(text) or True,
        extra_warnings=warnings,
    )
    composer = panel.compose(PostKind.POST, modal=False)
    assert composer is not None
    qtbot.addWidget(composer)
    composer.text.setPlainText("Tonight's replay: https://example.com/" + "x" * 100)
    assert composer.draft().text.endswith(" #AskBlueRoom")
    assert composer.count.text() == f"{18 + 23 + 13} / 280", "a URL counts 23"
    composer.text.setPlainText("é" * 270)
    assert not composer.send_button.isEnabled(), "270 + the hashtag is over 280"
    assert composer.send_button.toolTip() == "3 characters too long"
    composer.text.setPlainText("Thank you all, see you next week")
    assert composer.send()
    assert "This post has a link: it costs more." in asked[0], "the warning's place"
    (queued,) = room.published
    assert isinstance(queued, OutboxQueued)
    assert queued.draft.text == "Thank you all, see you next week #AskBlueRoom"


def test_a_photo_post_carries_the_file_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    room = Room()
    panel = panel_for(qtbot, room, photos_folder=tmp_path)
    composer = panel.compose(PostKind.PHOTO, modal=False)
    assert composer is not None
    qtbot.addWidget(composer)
    assert composer.problem() == "Choose a photo"
    composer.set_photo(tmp_path / "missing.jpg")
    assert composer.problem().startswith("The photo is no longer there")
    (tmp_path / "notes.txt").write_text("x")
    composer.set_photo(tmp_path / "notes.txt")
    assert composer.problem() == "A photo is a JPEG or PNG file, a clip an MP4 or GIF"
    photo = tmp_path / "guest.JPG"
    photo.write_bytes(b"\xff\xd8\xff\xe0")
    composer.set_photo(photo)
    assert composer.send()
    (queued,) = room.published
    assert isinstance(queued, OutboxQueued) and queued.post_kind is PostKind.PHOTO
    assert queued.draft == Draft(text="#AskBlueRoom", media=(str(photo),))


def test_the_rehearsal_banner_shows_on_the_console_and_in_the_composer(qtbot: QtBot) -> None:
    from tests.ui.console_layout import make_console, small_room

    model, actions = small_room()
    console = make_console(model, actions)
    qtbot.addWidget(console)
    assert console.rehearsal_banner.isHidden()
    model.outbox.set_posting(PostingInfo(account="@BlueRoomFR", rehearsal=True))
    console._ticks = 3  # the next refresh is the outbox's tick
    console.refresh()
    assert not console.rehearsal_banner.isHidden()
    assert console.rehearsal_banner.text() == "REHEARSAL — nothing is posted"
    assert console.outbox.banner.text() == "REHEARSAL — nothing is posted"
    composer = console.outbox.compose(PostKind.POST, modal=False)
    assert composer is not None
    qtbot.addWidget(composer)
    assert composer.findChild(type(console.rehearsal_banner), "rehearsalBanner") is not None
    composer.text.setPlainText("Hello")
    assert composer.confirmation(composer.draft()).endswith("REHEARSAL: nothing will be posted.")


def test_without_credentials_the_outbox_says_saved_not_posted_plainly(qtbot: QtBot) -> None:
    reason = "no posting credentials: saved, not posted"
    room = Room(PostingInfo(cannot_post=reason))
    room.entry("kept", "Hello", OutboxSaved(entry_id="kept", reason=reason))
    panel = panel_for(qtbot, room)
    assert panel.banner.text() == f"Not posting: {reason}"
    kept = row(panel, "kept")
    assert kept.state.text().startswith("SAVED, NOT POSTED") and kept.detail.text() == reason
    assert set(kept.buttons) == {"retry", "cancel"}
    composer = panel.compose(PostKind.POST, modal=False)
    assert composer is not None
    qtbot.addWidget(composer)
    composer.text.setPlainText("Hello")
    confirmation = composer.confirmation(composer.draft())
    assert "no account (no posting credentials)" in confirmation
    assert confirmation.endswith(f"It will be saved, not posted: {reason}")


@pytest.mark.parametrize("waiting", [0, 2])
def test_the_outbox_tab_says_when_entries_need_the_operator(qtbot: QtBot, waiting: int) -> None:
    from tests.ui.console_layout import make_console, small_room

    model, actions = small_room()
    for n in range(waiting):
        model.apply([OutboxQueued(entry_id=f"e{n}", draft=Draft(text="x")),
                     OutboxSending(entry_id=f"e{n}", attempt=1),
                     OutboxNeedsPerson(entry_id=f"e{n}", reason="403")])  # fmt: skip
    console = make_console(model, actions)
    qtbot.addWidget(console)
    console._ticks = 3
    console.refresh()
    tab = console.side_tabs.tabText(console._outbox_tab)
    assert tab == ("Outbox ⚠ 2" if waiting else "Outbox")


def test_the_activity_log_names_what_the_outbox_did() -> None:
    from blueroom.ui.operator.activity_log import activity_line

    lines = [
        activity_line(event)
        for event in (
            OutboxQueued(entry_id="e", draft=Draft(text="Thanks <b>all</b> for tonight")),
            OutboxPosted(entry_id="e", post_id="1", url="https://x.com/BlueRoomFR/status/1"),
            OutboxNeedsPerson(entry_id="e", reason="403 duplicate content"),
            OutboxCancelled(entry_id="e"),
            OutboxSending(entry_id="e", attempt=1),
        )
    ]
    assert [line[10:] if line else None for line in lines] == [
        "operator: post queued “Thanks <b>all</b> for tonight”",
        "outbox: posted https://x.com/BlueRoomFR/status/1",
        "⚠ outbox: a post needs you — 403 duplicate content",
        "operator: post cancelled",
        None,
    ]


def test_a_link_is_priced_before_send_and_a_plain_post_is_not(qtbot: QtBot) -> None:
    """The console's real warning (``cost_warnings`` with the settings' prices): a post
    with a link costs about 13 times a plain one on X, and the confirmation says so."""
    from blueroom.core.cost import CostSettings
    from blueroom.ui.operator.composer import cost_warnings

    prices = CostSettings()
    room = Room()
    asked: list[str] = []
    panel = panel_for(
        qtbot,
        room,
        confirm=lambda parent, title, text: asked.append(text) or True,
        extra_warnings=lambda draft: cost_warnings(draft, prices),
    )
    for text in ("Merci à tous !", "Le replay : https://example.com/replay"):
        composer = panel.compose(PostKind.POST, modal=False)
        assert composer is not None
        qtbot.addWidget(composer)
        composer.text.setPlainText(text)
        assert composer.send()
    plain, linked = asked
    assert "costs more" not in plain
    assert "This costs more on X: a post with a link: $0.20 (without one: $0.015)" in linked
