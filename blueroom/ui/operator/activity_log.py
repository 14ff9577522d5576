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
from blueroom.ui import words
from blueroom.ui.clock import Clock, SystemClock, clock_text
from blueroom.ui.i18n import number, translate
from blueroom.ui.operator.labels import title_label
from blueroom.ui.widgets.text import single_line

LOG_LINES = 400


def activity_line(event: Event) -> str | None:
    """The log's line for ``event``, or None for an event the log does not list."""
    what = _what(event)
    if what is None:
        return None
    return f"{time.strftime('%H:%M:%S', time.localtime(event.at))}  {what}"


def _what(event: Event) -> str | None:
    """What happened, after the line's time."""
    match event:
        case MalformedRecord():
            # The parser's reason is a diagnostic of the recording, in English.
            reason = single_line(event.reason)[:200]
            if event.dropped:
                text = translate("ActivityLog", "⚠ line {line}: {reason} (dropped)")
            else:
                text = translate("ActivityLog", "⚠ line {line}: {reason} (post kept)")
            return text.format(line=event.line, reason=reason)
        case SourceStateChanged():
            return translate("ActivityLog", "{source}: {state} — {detail}").format(
                source=event.source,
                state=words.source_state(event.state),
                detail=single_line(words.source_detail(event.detail)),
            )
        case CameraStateChanged():
            return translate("ActivityLog", "camera: {state} — {detail}").format(
                state=words.camera_state(event.state),
                detail=single_line(words.camera_detail(event.detail)),
            )
        case QuestionStateChanged():
            who, state = words.actor(event.actor), words.question_state(event.state)
            if not event.reason:
                text = translate("ActivityLog", "{who}: question {id} → {state}")
                return text.format(who=who, id=event.tweet_id, state=state)
            why = single_line(words.reason(event.reason, event.rule))[:120]
            text = translate("ActivityLog", "{who}: question {id} → {state} ({reason})")
            return text.format(who=who, id=event.tweet_id, state=state, reason=why)
        case QuestionStarred():
            if event.starred:
                text = translate("ActivityLog", "{who}: question {id} starred")
            else:
                text = translate("ActivityLog", "{who}: question {id} unstarred")
            return text.format(who=words.actor(event.actor), id=event.tweet_id)
        case QuestionArmed():
            armed = event.tweet_id or translate("ActivityLog", "nothing")
            text = translate("ActivityLog", "{who}: preview → {id}")
            return text.format(who=words.actor(event.actor), id=armed)
        case DecisionUndone():
            return translate("ActivityLog", "{who}: undo").format(who=words.actor(event.actor))
        case ModerationRulesChanged():
            text = translate("ActivityLog", "{who}: moderation rules changed")
            return text.format(who=words.actor(event.actor))
        case HeatMapChanged():
            text = translate(
                "ActivityLog", "{who}: heat map {view}, {mode}, half-life {minutes} min"
            )
            return text.format(
                who=words.actor(event.actor),
                view=words.map_view(event.preset),
                mode=words.heat_mode(event.mode),
                minutes=f"{event.half_life / 60:g}",
            )
        case HeatMapReset():
            return translate("ActivityLog", "{who}: heat map reset").format(
                who=words.actor(event.actor)
            )
        case SessionStepChanged():
            text = translate("ActivityLog", "{who}: step {number} ({step})")
            return text.format(
                who=words.actor(event.actor), number=event.step + 1, step=event.step_id
            )
        case _:
            return None


class ActivityLog(QWidget):
    def __init__(
        self,
        dropped_events: Callable[[], int] = lambda: 0,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        self._dropped_events = dropped_events
        self._dropped_shown = 0
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("ActivityLog", "Activity")))
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
            missed = dropped - self._dropped_shown
            # fmt: off
            said = translate(
                "ActivityLog",
                "… %n more event(s) came too fast to list here"
                " (the journal and the CSV export have them all)",
                None, number, missed
            )  # no comma after the count: lupdate would not read the call
            # fmt: on
            lines.append(f"{clock_text(self._clock)}  {said}")
            self._dropped_shown = dropped
        if lines:
            self.entries.appendPlainText("\n".join(lines[-LOG_LINES:]))
