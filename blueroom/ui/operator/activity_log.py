"""The activity log: the room's facts as they are committed (decisions, feeds, malformed
records, steps, the heat map's settings), one plain-text line each, the newest last.

Fed by the EventPump, one call per frame; events dropped on their way here are counted
and said, so the log never hides that it is incomplete.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from blueroom.core.events import (
    CameraStateChanged,
    DecisionUndone,
    Event,
    HeatMapChanged,
    HeatMapReset,
    MalformedRecord,
    ModerationRulesChanged,
    QuestionArmed,
    QuestionStarred,
    QuestionStateChanged,
    SessionStepChanged,
    SourceStateChanged,
)
from blueroom.ui.operator.labels import title_label
from blueroom.ui.widgets.text import single_line

LOG_LINES = 400


def activity_line(event: Event) -> str | None:
    """The log's line for ``event``, or None for an event the log does not list."""
    stamp = time.strftime("%H:%M:%S", time.localtime(event.at))
    match event:
        case MalformedRecord():
            kept = "post kept" if not event.dropped else "dropped"
            return f"{stamp}  ⚠ line {event.line}: {single_line(event.reason)[:200]} ({kept})"
        case SourceStateChanged():
            return f"{stamp}  {event.source}: {event.state.value} — {single_line(event.detail)}"
        case CameraStateChanged():
            return f"{stamp}  camera: {event.state.value} — {single_line(event.detail)}"
        case QuestionStateChanged():
            why = f" ({single_line(event.reason)[:120]})" if event.reason else ""
            return f"{stamp}  {event.actor}: question {event.tweet_id} → {event.state.value}{why}"
        case QuestionStarred():
            mark = "starred" if event.starred else "unstarred"
            return f"{stamp}  {event.actor}: question {event.tweet_id} {mark}"
        case QuestionArmed():
            return f"{stamp}  {event.actor}: preview → {event.tweet_id or 'nothing'}"
        case DecisionUndone():
            return f"{stamp}  {event.actor}: undo"
        case ModerationRulesChanged():
            return f"{stamp}  {event.actor}: moderation rules changed"
        case HeatMapChanged():
            return (
                f"{stamp}  {event.actor}: heat map {event.preset}, {event.mode},"
                f" half-life {event.half_life / 60:g} min"
            )
        case HeatMapReset():
            return f"{stamp}  {event.actor}: heat map reset"
        case SessionStepChanged():
            return f"{stamp}  {event.actor}: step {event.step + 1} ({event.step_id})"
        case _:
            return None


class ActivityLog(QWidget):
    def __init__(
        self, dropped_events: Callable[[], int] = lambda: 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._dropped_events = dropped_events
        self._dropped_shown = 0
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label("Activity"))
        self.entries = QPlainTextEdit()
        self.entries.setReadOnly(True)
        self.entries.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.entries.setMaximumBlockCount(LOG_LINES)
        box.addWidget(self.entries, 1)

    def text(self) -> str:
        return self.entries.toPlainText()

    def on_events(self, events: list[Event]) -> None:
        lines = [line for line in map(activity_line, events) if line is not None]
        dropped = self._dropped_events()
        if dropped != self._dropped_shown:
            lines.append(
                f"{time.strftime('%H:%M:%S')}  … {dropped - self._dropped_shown:,} more events"
                " came too fast to list here (the journal and the CSV export have them all)"
            )
            self._dropped_shown = dropped
        if lines:
            self.entries.appendPlainText("\n".join(lines[-LOG_LINES:]))
