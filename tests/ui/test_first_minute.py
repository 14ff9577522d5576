"""The operator's first minute: focus starts on the queue, F1 shows every key, one key
approves and previews, the picked card stays under the eyes as posts arrive, and the
activity log says who asked what."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from blueroom.core.actions import RoomActions
from blueroom.core.events import QuestionState, QuestionStateChanged, TweetReceived
from blueroom.core.models import RoomModel
from blueroom.core.questions import QueueView
from blueroom.core.tweet import Author, Tweet
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.operator.queue_list import ROW_HEIGHT
from tests.ui.console_layout import make_console, small_room
from tests.ui.test_views import _state, show


@pytest.fixture
def console(qtbot: QtBot) -> tuple[OperatorConsole, RoomModel, RoomActions]:
    model, actions = small_room()
    console = make_console(model, actions)
    show(qtbot, console, 1366, 768)
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=2000)
    console.refresh()
    console.moderation.queue.flush()
    return console, model, actions


def _arrive(window: OperatorConsole, model: RoomModel, texts: list[str]) -> None:
    """New posts from one fan, newest last, then the console's next refresh."""
    author = Author(id="new", username="newcomer", created_at="2015-01-01T00:00:00.000Z")
    start = model.questions.latest().received
    model.apply(
        [
            TweetReceived(
                tweet=Tweet(
                    id=f"new{start}-{n}", text=text, author=author, hashtags=("AskBlueRoom",)
                ),
                at=1_790_001_000.0 + n,
            )
            for n, text in enumerate(texts)
        ]
    )
    window.refresh()
    window.moderation.queue.flush()


def test_focus_starts_on_the_queue_and_the_first_j_moves_the_selection(
    qtbot: QtBot, console: tuple[OperatorConsole, RoomModel, RoomActions]
) -> None:
    window, _, _ = console
    queue, search = window.moderation.queue, window.moderation.search
    assert queue.hasFocus() and not search.hasFocus()
    qtbot.keyClick(queue, Qt.Key.Key_J)
    assert search.text() == "" and queue.selected() == queue.rows[0]
    qtbot.keyClick(queue, Qt.Key.Key_J)
    assert queue.selected() == queue.rows[1]
    qtbot.keyClick(queue, Qt.Key.Key_Slash)  # / to search, Esc back to the queue
    assert search.hasFocus()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert queue.hasFocus()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen: it still shows
def test_f1_or_question_mark_shows_every_key(
    qtbot: QtBot, console: tuple[OperatorConsole, RoomModel, RoomActions]
) -> None:
    window, _, _ = console
    qtbot.keyClick(window.moderation.queue, Qt.Key.Key_F1)
    sheet = window.keys_sheet
    assert sheet is not None and sheet.isVisible()
    shown = {label.text() for label in sheet.findChildren(QLabel)}
    for key in ("J  ↓", "A", "Enter  Shift+A", "R", "P", "T", "Ctrl+Z", "F12", "Page Down"):
        assert key in shown, key
    sheet.hide()
    qtbot.keyClick(window.moderation.queue, "?")
    assert sheet.isVisible()


def test_enter_approves_and_previews_in_one_key(
    qtbot: QtBot, console: tuple[OperatorConsole, RoomModel, RoomActions]
) -> None:
    window, model, _ = console
    queue = window.moderation.queue
    qtbot.keyClick(queue, Qt.Key.Key_J)
    picked = queue.selected()
    assert picked is not None
    qtbot.keyClick(queue, Qt.Key.Key_Return)
    assert _state(model, picked.tweet_id) is QuestionState.APPROVED
    armed = model.questions.latest().armed
    assert armed is not None and armed.tweet_id == picked.tweet_id


def test_the_picked_card_stays_where_the_eyes_are_as_new_posts_arrive(
    qtbot: QtBot, console: tuple[OperatorConsole, RoomModel, RoomActions]
) -> None:
    window, model, _ = console
    queue = window.moderation.queue
    queue.select_row(3)
    picked = queue.selected()
    assert picked is not None
    on_screen = queue.row_of(picked.tweet_id) * ROW_HEIGHT - queue.verticalScrollBar().value()  # type: ignore[operator]
    _arrive(window, model, [f"Léa, question numéro {n} sur ta tournée {n * 7} ?" for n in range(5)])
    assert queue.selected() == picked or queue.selected().tweet_id == picked.tweet_id  # type: ignore[union-attr]
    row = queue.row_of(picked.tweet_id)
    assert row is not None and row >= 5, "newest first: the new posts are above it"
    assert row * ROW_HEIGHT - queue.verticalScrollBar().value() == on_screen, "it did not move"
    assert queue.new_above == 5
    qtbot.keyClick(queue, Qt.Key.Key_Home)
    assert queue.verticalScrollBar().value() == 0 and queue.new_above == 0


def test_the_activity_log_says_who_asked_what_was_decided(
    qtbot: QtBot, console: tuple[OperatorConsole, RoomModel, RoomActions]
) -> None:
    window, _, _ = console
    window.refresh()  # the console names the questions it shows, for the log
    question = window.moderation.queue.rows[0]
    window.activity.on_events(
        [QuestionStateChanged(tweet_id=question.tweet_id, state=QuestionState.APPROVED)]
    )
    line = window.activity.text().splitlines()[-1]
    assert question.handle in line and question.tweet_id not in line
    assert question.text.split()[0] in line
    assert window.moderation.tabs.tabText(list(QueueView).index(QueueView.PENDING))


def test_a_list_the_operator_scrolled_away_from_the_picked_card_stays_where_they_put_it(
    qtbot: QtBot, console: tuple[OperatorConsole, RoomModel, RoomActions]
) -> None:
    window, model, _ = console
    queue = window.moderation.queue
    queue.select_row(0)
    bar = queue.verticalScrollBar()
    bar.setValue(bar.maximum())  # reading far below the picked card
    where = bar.value()
    _arrive(window, model, [f"Léa, tu passes à Lille le {n + 1} mai ?" for n in range(3)])
    assert bar.value() == where and queue.new_above == 0
