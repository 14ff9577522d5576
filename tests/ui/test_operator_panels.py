"""Each panel of the operator console on its own: built from an in-process RoomModel and
RoomActions, refreshed, and read as the operator would read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from blueroom.core.actions import RoomActions
from blueroom.core.bus import Bus
from blueroom.core.events import (
    MalformedRecord,
    QuestionState,
    QuestionStateChanged,
    SourceState,
    SourceStateChanged,
)
from blueroom.core.heatmap import HeatGrid, HeatSnapshot
from blueroom.core.models import RoomModel
from blueroom.core.questions import Question, QueueQuery, QueueView
from blueroom.problems import Problem
from blueroom.sources.source import SourceStats
from blueroom.store.journal import WriterStats
from blueroom.ui import theme, words
from blueroom.ui.operator.activity_log import LOG_LINES, ActivityLog
from blueroom.ui.operator.feeds import Feeds
from blueroom.ui.operator.heat_controls import HeatMapControls
from blueroom.ui.operator.moderation_queue import ModerationQueue
from blueroom.ui.operator.queue_list import QueueList
from blueroom.ui.operator.running_order import RunningOrder
from blueroom.ui.operator.selection import QuestionSelection
from blueroom.ui.widgets.text import displayable
from tests.ui.test_views import HOSTILE, actions, model, show  # noqa: F401 - fixtures


def _styled(panel: QWidget) -> QWidget:
    panel.setStyleSheet(theme.CONSOLE_STYLE)
    return panel


# A popup menu offscreen: the platform cannot raise it or grab the keyboard (it still works).
OFFSCREEN_POPUP = ("does not support raise", "does not support grabbing the keyboard")


def _pending(room: RoomModel) -> tuple[Question, ...]:
    return room.questions.page(QueueQuery(view=QueueView.PENDING)).rows


@pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP)
def test_the_moderation_queue_alone_pages_counts_and_moderates(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
) -> None:
    said: list[str] = []
    panel = ModerationQueue(model.questions, actions, QuestionSelection(), said.append)
    show(qtbot, _styled(panel), 900, 800)
    panel.refresh()
    panel.refresh_tabs(on_their_tick=True)
    panel.queue.flush()
    pending = len(_pending(model))
    assert pending > 2 and len(panel.queue.rows) == pending
    assert panel.tabs.tabText(0) == f"Pending  {pending}"
    assert panel.queue_total.text() == f"{pending} questions"

    panel.approve_selected()
    assert said == ["Select a question first (click it, or use ↑ ↓)"], "nothing implicit"
    first, second = panel.queue.rows[:2]
    panel.queue.select(first.tweet_id)
    assert panel.detail.toPlainText() == f"{displayable(first.text)}\n— {words.asks(first.asks)}"
    qtbot.mouseClick(panel.buttons["approve"], Qt.MouseButton.LeftButton)
    assert model.questions.question(first.tweet_id).state is QuestionState.APPROVED  # type: ignore[union-attr]
    assert panel.queue.selected() == second, "the next question slid into its place"
    panel.refresh()
    panel.refresh_tabs(on_their_tick=False)
    approved = list(QueueView).index(QueueView.APPROVED)
    assert panel.tabs.tabText(approved) == "Approved  1", "a decision is counted at once"

    qtbot.mouseClick(panel.buttons["reject"], Qt.MouseButton.LeftButton)
    assert panel.reject_menu is not None and panel.reject_menu.isVisible()
    qtbot.keyClick(panel.reject_menu, Qt.Key.Key_R)  # R again: no reason
    rejected = model.questions.question(second.tweet_id)
    assert rejected is not None and rejected.state is QuestionState.REJECTED
    assert rejected.reason == "rejected by operator"
    panel.show_view(list(QueueView).index(QueueView.TRASH))
    assert second.tweet_id in [q.tweet_id for q in panel.queue.rows], "a chosen view, at once"
    panel.queue.select(second.tweet_id)
    panel.on_air_selected()
    assert "cannot go on air" in said[-1]
    assert model.questions.latest().on_air is None


def test_the_running_order_alone_shows_on_air_first_then_the_wall_order(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
    tmp_path: Path,
) -> None:
    said: list[str] = []
    exported: list[Path] = []
    panel = RunningOrder(
        model.questions, actions, QuestionSelection(), said.append, export_csv=exported.append
    )
    show(qtbot, _styled(panel), 460, 900)
    panel.refresh()
    assert panel.approved.rows == ()
    assert "approved by a person" in panel.rules_summary.text()
    ids = [q.tweet_id for q in _pending(model)[:3]]
    for tweet_id in ids:
        actions.approve(tweet_id)
    actions.put_on_air(ids[2])
    panel.refresh()
    shown = [q.tweet_id for q in panel.approved.rows]
    assert shown[0] == ids[2] and sorted(shown) == sorted(ids), "on air first, then approved"
    assert panel.approved.rows[0].state is QuestionState.ON_AIR
    assert panel.export_button.isEnabled()
    panel.export_to(tmp_path / "q.csv")
    assert exported == [tmp_path / "q.csv"] and said[-1].startswith("Exporting questions to")


def test_a_pick_in_one_list_clears_the_other_and_an_action_keeps_the_place(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
) -> None:
    queue, approved = QueueList(), QueueList(show_state=True)
    selection = QuestionSelection()
    selection.watch(queue)
    selection.watch(approved)
    picks: list[Question | None] = []
    selection.changed.connect(picks.append)
    rows = _pending(model)
    queue.set_rows(rows[:3], at_once=True)
    approved.set_rows(rows[3:5], at_once=True)
    assert selection.question() is None
    queue.select(rows[1].tweet_id)
    approved.select(rows[3].tweet_id)
    assert queue.selected() is None and selection.question() == rows[3]
    assert picks[-1] == rows[3]
    acted: list[str] = []
    queue.select(rows[1].tweet_id)
    assert selection.act(acted.append)
    assert acted == [rows[1].tweet_id] and queue.selected() == rows[2], "the next slides in"
    assert selection.act(acted.append, leaves=False) and queue.selected() == rows[2]
    queue.select(None)
    assert not selection.act(acted.append), "no pick, no act"


def test_the_feeds_alone_show_every_feed_and_failures_in_red(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
) -> None:
    said: list[str] = []
    journal = [WriterStats(1_234, 3, 1_234, 0.8, True, "", 0)]
    problems: list[Problem] = []
    bus = Bus()
    bus.subscribe("screens")
    panel = Feeds(
        model.metrics,
        bus_stats=bus.stats,
        journal_stats=lambda: journal[0],
        sources=lambda: [
            SourceStats("replay", "replay", SourceState.RUNNING, "", 42, 0, "loop 1, line 42")
        ],
        problems=lambda: problems,
        say=said.append,
    )
    show(qtbot, _styled(panel), 420, 400)
    model.apply([SourceStateChanged(source="replay", state=SourceState.RUNNING, detail="<b>x")])
    panel.refresh_states()
    health = panel.health
    assert health.text("source · replay") == "running — <b>x — loop 1, line 42, 42 posts"
    assert health.text("camera") == "not started — "
    assert health.text("journal").startswith("ok — 1,234 events written")
    assert health.text("bus · screens") == "0 queued, 0 delivered, 0 shed"
    assert not any(health.is_alert(k) for k in ("source · replay", "journal", "bus · screens"))
    model.apply([SourceStateChanged(source="replay", state=SourceState.FAILED, detail="gone")])
    journal[0] = WriterStats(1_234, 3, 1_234, 0.8, False, "disk full\nreally", 0)
    panel.refresh_states()
    assert health.is_alert("source · replay") and health.is_alert("journal")
    assert health.text("journal") == "disk full really"
    panel.refresh_problems()
    assert said == []
    problems.append(Problem("worker · camera", "OSError: gone", 1, 0.0))
    panel.refresh_problems()
    panel.refresh_problems()
    assert said == ["⚠ worker · camera: OSError: gone"], "said once"
    assert health.is_alert("worker · camera")
    panel.refresh_rate()
    assert panel.rate_plot.values() == tuple(model.metrics.latest().rate_history)


def test_the_feeds_show_a_live_x_source_in_one_line_and_its_trouble_in_red(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
) -> None:
    import time

    from blueroom.sources import x_status as fig

    now = time.time()
    figures = {
        fig.CONNECTED: 1.0, fig.LAST_POST_AT: now - 12, fig.RECONNECTS: 3.0, fig.STALLS: 1.0,
        fig.BACKFILLED: 14.0, fig.BACKFILLS: 2.0, fig.RATE_REMAINING: 449.0,
        fig.RATE_LIMIT: 450.0, fig.RATE_RESET_AT: now + 600, fig.FOREIGN_RULES: 0.0,
    }  # fmt: skip
    stats = [SourceStats("x", "live", SourceState.RUNNING, "streaming", 9, 0, "", ())]

    def source() -> list[SourceStats]:
        return [SourceStats("x", "live", stats[0].state, stats[0].detail, 9, 0, "",
                            tuple(figures.items()))]  # fmt: skip

    panel = Feeds(
        model.metrics,
        bus_stats=Bus().stats,
        journal_stats=lambda: WriterStats(1, 1, 1, 0.1, True, "", 0),
        sources=source,
        problems=lambda: [],
        say=lambda said: None,
    )
    show(qtbot, _styled(panel), 1000, 400)
    model.apply([SourceStateChanged(source="x", state=SourceState.RUNNING, detail="streaming")])
    panel.refresh_states()
    health = panel.health
    assert health.text("X · live") == (
        "connected · last post 12 s ago · 3 reconnects (1 stall) · back-filled 14 in 2 gaps"
        " · search budget 449/450 (resets in 10 min)"
    )
    assert not health.is_alert("X · live")
    assert not health.has_row("source · x"), "while all is well, the X row says it all"
    figures.update({fig.CONNECTED: 0.0, fig.NEXT_TRY_AT: now + 5, fig.FOREIGN_RULES: 1.0})
    model.apply(
        [SourceStateChanged(source="x", state=SourceState.STARTING, detail="rules: #Old [no tag]")]
    )
    panel.refresh_states()
    assert health.text("X · live").startswith("reconnecting in 5 s · last post")
    assert health.is_alert("X · live") and health.is_alert("source · x")


class _HeatNow:
    """The heat model read as of now (its ``latest`` renders again only when a frame is due)."""

    def __init__(self, heat: HeatGrid) -> None:
        self._heat = heat

    def latest(self) -> HeatSnapshot:
        return self._heat.snapshot()


def test_the_heat_controls_follow_the_room_and_say_how_posts_were_located(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
) -> None:
    panel = HeatMapControls(_HeatNow(model.heat), actions)
    show(qtbot, _styled(panel), 420, 240)
    panel.refresh()
    assert panel.breakdown.text().startswith("100% exact position"), (
        "every hostile post has coordinates"
    )
    actions.set_heat_map("france", "cumulative", 180.0)
    for control in (panel.preset, panel.mode, panel.half_life):
        control.clearFocus()  # a control the operator is editing is left alone
    panel.refresh()
    assert panel.preset.currentData() == "france" and panel.mode.currentData() == "cumulative"
    assert panel.half_life.value() == 3.0


def test_the_activity_log_shows_hostile_text_as_plain_text_one_line_each(
    qtbot: QtBot,
) -> None:
    dropped = [0]
    panel = ActivityLog(lambda: dropped[0])
    show(qtbot, _styled(panel), 420, 300)
    hostile = HOSTILE["html"] + "\n00:00:00  operator: forged line"
    panel.on_events(
        [
            MalformedRecord(source="replay", reason=hostile, line=7),
            QuestionStateChanged(
                tweet_id="1", state=QuestionState.REJECTED, actor="rule", reason=hostile
            ),
            SourceStateChanged(source="replay", state=SourceState.FAILED, detail=hostile),
        ]
    )
    lines = panel.text().splitlines()
    assert len(lines) == 3, "a newline in outside text never forges a line of the log"
    assert "<img src=" in lines[0] and "(dropped)" in lines[0]
    assert "→ rejected (" in lines[1] and "<b>why</b>" in lines[1]
    assert lines[2].split("  ", 1)[1].startswith("replay: failed — <img src=")
    dropped[0] = 5
    panel.on_events(
        [MalformedRecord(source="replay", reason="x", line=n) for n in range(LOG_LINES + 50)]
    )
    assert panel.entries.blockCount() <= LOG_LINES
    assert "5 more events came too fast" in panel.text().splitlines()[-1]


def test_a_card_is_demoted_and_a_passed_over_post_promoted_with_one_key_each(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
) -> None:
    said: list[str] = []
    panel = ModerationQueue(model.questions, actions, QuestionSelection(), said.append)
    show(qtbot, _styled(panel), 900, 800)
    panel.refresh()
    panel.queue.flush()
    first = panel.queue.rows[0]
    panel.queue.select(first.tweet_id)
    qtbot.mouseClick(panel.buttons["not a question"], Qt.MouseButton.LeftButton)
    demoted = model.questions.question(first.tweet_id)
    assert demoted is not None and demoted.state is QuestionState.NOT_QUESTION
    assert first.tweet_id not in {q.tweet_id for q in _pending(model)}

    panel.show_view(list(QueueView).index(QueueView.NOT_QUESTIONS))
    panel.refresh()
    panel.queue.flush()
    assert [q.tweet_id for q in panel.queue.rows] == [first.tweet_id]
    panel.queue.select(first.tweet_id)
    panel.requeue_selected()  # Q, in this list: a question after all
    promoted = model.questions.question(first.tweet_id)
    assert promoted is not None and promoted.state is QuestionState.PENDING
    counts = model.questions.snapshot().counts
    assert counts["demoted"] == 1 and counts["promoted"] == 1


def test_each_card_says_why_it_was_taken_for_a_question_or_not(
    model: RoomModel,  # noqa: F811
) -> None:
    from blueroom.ui.operator.queue_list import decision_line

    pending = _pending(model)
    assert pending, "the fixture's posts are questions"
    plain = [card for card in pending if not card.flag]  # a flag is said first
    assert plain
    for card in plain:
        line = decision_line(card)
        assert line is not None and line[0] == f"? {words.asks(card.asks)}" and card.asks
    for passed in model.questions.page(QueueQuery(view=QueueView.NOT_QUESTIONS)).rows:
        line = decision_line(passed)
        assert line is not None and line[0] == f"⌀ {words.asks(passed.asks)}"
