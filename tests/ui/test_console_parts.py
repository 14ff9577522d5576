"""The console's live parts: the figure strip and the queue's page swap under churn."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from blueroom.core.actions import RoomActions
from blueroom.core.bus import Bus, Overflow
from blueroom.core.events import QuestionState, TweetReceived
from blueroom.core.models import RoomModel
from blueroom.core.questions import Question, QueueView
from blueroom.core.tweet import Tweet
from blueroom.store.journal import WriterStats
from blueroom.ui import theme
from blueroom.ui.operator.console import FIGURES, OperatorConsole
from blueroom.ui.operator.figures import FigureStrip
from blueroom.ui.operator.health import HealthPanel
from blueroom.ui.operator.queue_list import ROW_HEIGHT, QueueList
from blueroom.ui.widgets.sparkline import Sparkline
from tests.ui.test_views import actions, model, show  # noqa: F401 - fixtures

FIGURE_CAPTIONS = ("posts", "shed")


def _question(n: int, *, supporters: int = 0) -> Question:
    return Question(
        tweet_id=str(n),
        text=f"Question number {n}, what do you think?",
        handle=f"@fan{n}",
        name=f"Fan {n}",
        followers=n,
        lang="en",
        received_at=time.time(),
        state=QuestionState.PENDING,
        changed_at=time.time(),
        supporters=supporters,
    )


def test_a_new_figure_repaints_its_card_only_and_a_shed_count_shows_red(qtbot: QtBot) -> None:
    strip = FigureStrip(FIGURE_CAPTIONS)
    image = show(qtbot, strip, 600, 76)
    assert strip.value("posts") == "0" and not strip.is_alert("shed")
    strip.set_values({"posts": "12,345", "shed": "7"}, alerts=("shed",))
    assert strip.value("posts") == "12,345" and strip.is_alert("shed")
    after = strip.grab().toImage()
    assert after != image, "the new values are painted"
    red = [
        after.pixelColor(x, y)
        for x in range(300, 600)
        for y in range(8, 44)
        if after.pixelColor(x, y).red() > 180 and after.pixelColor(x, y).blue() < 140
    ]
    assert red, "a shed count is drawn in the alert colour"


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_new_feed_state_repaints_its_row_without_laying_the_console_out(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    parent.setStyleSheet(theme.CONSOLE_STYLE)
    parent.setObjectName("consoleRoot")  # the console's night background
    layout = QVBoxLayout(parent)
    panel = HealthPanel()
    layout.addWidget(panel)
    layout.addStretch(1)
    panel.set_row("journal", "ok — 1 events written")
    panel.set_row("bus · journal", "0 queued, 1 delivered, 0 shed", wrap=False)
    show(qtbot, parent, 420, 400)
    QApplication.processEvents()  # the first layout settles
    one_line = panel.height()
    requests = _LayoutRequests()
    parent.installEventFilter(requests)
    for written in range(2, 40):
        panel.set_row("journal", f"ok — {written:,} events written")
        panel.set_row(
            "bus · journal", f"{written} queued, {written:,} delivered, 0 shed", wrap=False
        )
    QApplication.processEvents()
    assert requests.count == 0 and panel.height() == one_line, "same lines: no new layout"
    assert panel.text("journal") == "ok — 39 events written"
    panel.set_row("journal", "cannot write the journal: " + "disk full " * 12, alert=True)
    QApplication.processEvents()
    assert panel.height() > one_line, "a state that wraps grows the panel"
    assert panel.is_alert("journal")
    image = panel.grab().toImage()
    red = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).blue() < 140
    ]
    assert red, "an alert is drawn in red"
    panel.set_row("bus · journal", "<b>" + "x" * 10_000, wrap=False)
    assert panel.height() == panel.grab().height(), "a long one-line state is cut, not wrapped"
    narrow = _ink_right(panel, "bus · journal")
    parent.resize(700, 400)
    QApplication.processEvents()
    assert _ink_right(panel, "bus · journal") > narrow + 200, "a wider panel shows more of it"
    panel.set_row("camera", "A")
    plain = _ink_right(panel, "camera")
    panel.set_row("camera", "<b>A</b>")
    assert _ink_right(panel, "camera") > plain + 20, "markup is shown as text, not applied"


def _ink_right(panel: HealthPanel, key: str) -> int:
    """The rightmost column with text in ``key``'s row."""
    image = panel.parentWidget().grab(panel.geometry()).toImage()
    top = panel.row_top(key)
    background = image.pixelColor(image.width() - 1, top + 2)
    return max(
        (
            x
            for x in range(image.width())
            for y in range(top, top + 14)
            if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 60
        ),
        default=0,
    )


def _line_rows(image: QImage, x: int) -> list[int]:
    """Rows of column ``x`` drawn in the line's colour (bright blue: not the fill, the frame or the text)."""
    return [
        y
        for y in range(image.height())
        if image.pixelColor(x, y).blue() > 150 and image.pixelColor(x, y).red() < 120
    ]


def test_the_rate_sparkline_draws_a_rising_series_low_to_high(qtbot: QtBot) -> None:
    line = Sparkline()
    empty = show(qtbot, line, 400, 100)
    assert not _line_rows(empty, 200), "no line before two values"
    line.set_values([float(v) for v in range(0, 1000, 10)])
    image = line.grab().toImage()
    left, right = _line_rows(image, 20), _line_rows(image, 380)
    assert left and right
    assert min(left) > max(right) + 40, "the line climbs from the bottom left to the top right"
    assert 2 <= len(_line_rows(image, 200)) <= 5, "a line about two pixels thick"
    fill = image.pixelColor(380, 80)
    assert fill != empty.pixelColor(380, 80), "the area under the line is filled"


def test_the_console_shows_shed_events_in_its_figures(
    qtbot: QtBot,
    model: object,  # noqa: F811
    actions: object,  # noqa: F811
) -> None:
    bus = Bus()
    full = bus.subscribe("screens", capacity=1, overflow=Overflow.SHED)
    chatter = [TweetReceived(tweet=Tweet(id=f"c{n}", text="bravo")) for n in range(5)]
    bus.publish_many(chatter)  # not questions: a full buffer may shed them, and counts it
    assert full.stats().shed > 0
    console = OperatorConsole(
        model,  # type: ignore[arg-type]
        actions,  # type: ignore[arg-type]
        session_label="s",
        bus_stats=bus.stats,
        journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
    )
    show(qtbot, console, 1600, 1000)
    console.refresh()
    assert set(FIGURES) >= {"posts", "shed", "to moderate"}
    assert console.figures.value("shed") == f"{full.stats().shed:,}"
    assert console.figures.is_alert("shed")
    assert console.figures.value("posts") != "0"


def test_view_tabs_count_new_posts_within_a_second_and_decisions_at_once(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
) -> None:
    console = OperatorConsole(
        model,
        actions,
        session_label="s",
        bus_stats=lambda: [],
        journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
    )
    show(qtbot, console, 1600, 1000)
    pending = list(QueueView).index(QueueView.PENDING)
    approved = list(QueueView).index(QueueView.APPROVED)

    def count(tab: int) -> int:
        return int(console.moderation.tabs.tabText(tab).split()[-1].replace(",", ""))

    for _ in range(4):  # a second of ticks
        console.refresh()
    before = count(pending)
    assert before == model.questions.latest().count(QueueView.PENDING) > 0
    model.apply(
        [
            TweetReceived(
                tweet=Tweet(
                    id=f"new{n}",
                    text=f"Question {n}, what is your favourite city? #AskBlueRoom",
                    hashtags=("AskBlueRoom",),
                )
            )
            for n in range(3)
        ]
    )
    seen = []
    for _ in range(4):
        console.refresh()
        seen.append(count(pending))
    assert seen[-1] == before + 3, "new posts are counted within a second of ticks"
    actions.approve("new0")
    console.refresh()
    assert count(pending) == before + 2 and count(approved) >= 1, "a decision shows at once"


def test_churn_swaps_the_queue_page_once_its_rows_are_painted(qtbot: QtBot) -> None:
    queue = QueueList()
    show(qtbot, queue, 900, ROW_HEIGHT * 8)
    first = tuple(_question(n) for n in range(40))
    queue.set_rows(first)
    assert queue.rows == (), "even the first page is shown once painted"
    qtbot.waitUntil(lambda: queue.rows == first, timeout=2000)
    queue.viewport().repaint()

    churned = tuple(_question(n) for n in range(100, 140))  # every visible row is new
    queue.set_rows(churned)
    assert queue.rows == first, "the old page stays until the new one is painted"
    qtbot.waitUntil(lambda: queue.rows == churned, timeout=2000)

    few_new = (_question(500), *churned[:-1])  # one new row: painted first too
    queue.set_rows(few_new)
    assert queue.rows == churned
    qtbot.waitUntil(lambda: queue.rows == few_new, timeout=2000)
    scrolled = few_new[1:]  # nothing new to paint: shown at once
    queue.set_rows(scrolled)
    assert queue.rows == scrolled

    asked = tuple(_question(n) for n in range(900, 940))
    queue.set_rows(asked, at_once=True)  # the operator changed the view
    assert queue.rows == asked


def test_a_page_still_painting_keeps_the_selection_on_its_question(qtbot: QtBot) -> None:
    queue = QueueList()
    show(qtbot, queue, 900, ROW_HEIGHT * 8)
    rows = tuple(_question(n) for n in range(40))
    queue.set_rows(rows)
    queue.flush()
    queue.select("3")
    churned = (*tuple(_question(n) for n in range(100, 110)), *rows)
    queue.set_rows(churned)
    assert queue.selected() is not None and queue.selected().tweet_id == "3"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: queue.rows == churned, timeout=2000)
    assert queue.selected() is not None and queue.selected().tweet_id == "3"  # type: ignore[union-attr]
    QApplication.processEvents()


def test_a_failure_is_said_at_once_and_kept_in_the_feeds(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
) -> None:
    from blueroom.problems import Problem

    problems: list[Problem] = []
    console = OperatorConsole(
        model,
        actions,
        session_label="s",
        bus_stats=list,
        journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
        problems=lambda: problems,
    )
    show(qtbot, console, 1600, 1000)
    console.refresh()
    assert console.statusBar().currentMessage() == ""
    problems.append(Problem("model · heat map", "ValueError: <b>bad</b>", 1, time.time()))
    console.refresh()
    assert console.statusBar().currentMessage() == "⚠ model · heat map: ValueError: <b>bad</b>"
    assert console.feeds.health.is_alert("model · heat map")
    assert console.feeds.health.text("model · heat map") == "1× — ValueError: <b>bad</b>"
    problems[0] = Problem("model · heat map", "ValueError: again", 40, time.time())
    console.refresh()
    assert console.feeds.health.text("model · heat map").startswith("40×")


def test_activity_lines_dropped_on_the_way_are_counted_in_the_log(
    qtbot: QtBot,
    model: RoomModel,  # noqa: F811
    actions: RoomActions,  # noqa: F811
) -> None:
    from blueroom.core.events import MalformedRecord

    dropped = [0]
    console = OperatorConsole(
        model,
        actions,
        session_label="s",
        bus_stats=list,
        journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
        dropped_events=lambda: dropped[0],
    )
    show(qtbot, console, 1600, 1000)
    console.activity.on_events([MalformedRecord(source="replay", reason="not JSON", line=3)])
    assert "more events came too fast" not in console.activity.text()
    dropped[0] = 1_234
    console.activity.on_events([MalformedRecord(source="replay", reason="not JSON", line=4)])
    assert "… 1,234 more events came too fast to list here" in console.activity.text()
