"""The activity log: the room's facts as they are committed (decisions, feeds, malformed
records, steps, the heat map's settings), one plain-text line each, the newest last.

Fed by the EventPump, one call per frame; events dropped on their way here are counted
and said, so the log never hides that it is incomplete.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from blueroom.core.events import (
    BudgetReached,
    BudgetWarning,
    CameraStateChanged,
    CueKind,
    DecisionUndone,
    Event,
    GuestCueAcknowledged,
    GuestCued,
    GuestCueWithdrawn,
    GuestHelpAnswered,
    GuestHelpAsked,
    GuestSignedIn,
    GuestSignedOut,
    HeatMapChanged,
    HeatMapReset,
    MalformedRecord,
    ModerationRulesChanged,
    OutboxCancelled,
    OutboxEdited,
    OutboxFailed,
    OutboxMarkedPosted,
    OutboxNeedsPerson,
    OutboxPosted,
    OutboxQueued,
    OutboxRehearsed,
    OutboxRetried,
    OutboxSaved,
    OverlayToggled,
    PhotoOnWall,
    QuestionArmed,
    QuestionStarred,
    QuestionStateChanged,
    RecordingAsked,
    RecordingStarted,
    RecordingStopped,
    RoomSwitched,
    SessionStepChanged,
    SourceStateChanged,
    StreamAsked,
    StreamStateChanged,
    WallsHeld,
)
from blueroom.core.questions import Question
from blueroom.ui import words
from blueroom.ui.clock import Clock, SystemClock, clock_text
from blueroom.ui.i18n import clock_time, decimal, money, number, percent, translate
from blueroom.ui.operator.labels import title_label
from blueroom.ui.operator.programme_panel import stream_words
from blueroom.ui.widgets.text import single_line

LOG_LINES = 400


# Questions the console has shown, remembered to name them in the log (newest kept).
KNOWN_QUESTIONS = 2_000


def cue_name(cue: CueKind, text: str = "") -> str:
    """A cue as the console names it: its preset's words, or the operator's own."""
    match cue:
        case CueKind.WRAP_UP:
            return translate("ActivityLog", "Wrap up")
        case CueKind.NEXT_QUESTION:
            return translate("ActivityLog", "Next question")
        case _:
            return text


def activity_line(event: Event, describe: Callable[[str], str] | None = None) -> str | None:
    """The log's line for ``event``, or None for an event the log does not list;
    ``describe`` names a question by its id (who asked, and how it opens)."""
    what = _what(event, describe or _unknown)
    if what is None:
        return None
    return f"{clock_time(event.at, seconds=True)}  {what}"


def _unknown(tweet_id: str) -> str:
    return translate("ActivityLog", "question {id}").format(id=tweet_id)


def question_words(question: Question) -> str:
    """ "@megan91 “Any chance of a collab with…”": who, and the question's first words."""
    text = single_line(question.text)
    if len(text) > 48:
        text = text[:47].rsplit(" ", 1)[0] + "…"
    who = single_line(question.handle or question.name)[:40]
    return f"{who} “{text}”" if who else f"“{text}”"


def _stream_line(event: StreamStateChanged) -> str | None:
    why = single_line(stream_words(event.reason))[:200]
    match event.state:
        case "connecting":
            text = translate("ActivityLog", "stream: connecting to {address}")
        case "live" if event.reconnects:
            text = translate("ActivityLog", "stream: live again ({reconnects} reconnects)")
        case "live":
            text = translate("ActivityLog", "stream: live to {address}")
        case "reconnecting":
            text = translate("ActivityLog", "stream: lost, reconnecting — {why}")
        case "stopped":
            text = translate("ActivityLog", "stream: ended after {length}, {dropped} dropped")
        case "failed":
            text = translate("ActivityLog", "stream: could not go on — {why}")
        case _:
            return None
    return text.format(
        address=single_line(event.address)[:120], reconnects=number(event.reconnects), why=why,
        length=words.duration(event.seconds), dropped=number(event.frames_dropped),
    )  # fmt: skip


def _what(event: Event, describe: Callable[[str], str]) -> str | None:
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
            question = describe(event.tweet_id)
            if not event.reason:
                text = translate("ActivityLog", "{who}: {question} → {state}")
                return text.format(who=who, question=question, state=state)
            why = single_line(words.reason(event.reason, event.rule))[:120]
            text = translate("ActivityLog", "{who}: {question} → {state} ({reason})")
            return text.format(who=who, question=question, state=state, reason=why)
        case QuestionStarred():
            if event.starred:
                text = translate("ActivityLog", "{who}: {question} starred")
            else:
                text = translate("ActivityLog", "{who}: {question} unstarred")
            return text.format(who=words.actor(event.actor), question=describe(event.tweet_id))
        case QuestionArmed():
            armed = (
                describe(event.tweet_id) if event.tweet_id else translate("ActivityLog", "nothing")
            )
            text = translate("ActivityLog", "{who}: preview → {question}")
            return text.format(who=words.actor(event.actor), question=armed)
        case WallsHeld():
            if event.held:
                text = translate("ActivityLog", "{who}: walls held (holding slate)")
            else:
                text = translate("ActivityLog", "{who}: walls back")
            return text.format(who=words.actor(event.actor))
        case OverlayToggled():
            if event.shown:
                text = translate("ActivityLog", "{who}: overlay {overlay} on")
            else:
                text = translate("ActivityLog", "{who}: overlay {overlay} off")
            return text.format(who=words.actor(event.actor), overlay=words.overlay(event.overlay))
        case RoomSwitched():
            return translate("ActivityLog", "{who}: {switched}").format(
                who=words.actor(event.actor), switched=words.switched(event.switch, event.on)
            )
        case RecordingAsked():
            if event.recording:
                text = translate("ActivityLog", "{who}: start the recording")
            else:
                text = translate("ActivityLog", "{who}: stop the recording")
            return text.format(who=words.actor(event.actor))
        case RecordingStarted():
            text = translate("ActivityLog", "recording {name} started ({width}×{height})")
            return text.format(name=Path(event.path).name, width=event.width, height=event.height)
        case RecordingStopped():
            text = translate("ActivityLog", "recording {name} stopped: {length}, {dropped} dropped")
            said = text.format(
                name=Path(event.path).name,
                length=words.duration(event.seconds),
                dropped=event.dropped,
            )
            return f"{said} — {single_line(event.reason)}" if event.reason else said
        case StreamAsked():
            if event.streaming:
                text = translate("ActivityLog", "{who}: go live")
            else:
                text = translate("ActivityLog", "{who}: end the stream")
            return text.format(who=words.actor(event.actor))
        case StreamStateChanged():
            return _stream_line(event)
        case PhotoOnWall():
            text = translate("ActivityLog", "{who}: photo {name} on the video wall for {seconds} s")
            return text.format(
                who=words.actor(event.actor),
                name=single_line(Path(event.path).name)[:80],
                seconds=decimal(event.seconds),
            )
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
                minutes=decimal(event.half_life / 60),
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
        case BudgetWarning():
            return translate(
                "ActivityLog", "X cost at {spent}, {share} of the {cap} budget"
            ).format(
                spent=money(event.spent, event.currency),
                share=percent(event.spent / event.cap) if event.cap else "",
                cap=money(event.cap, event.currency),
            )
        case BudgetReached():
            return translate(
                "ActivityLog",
                "X budget of {cap} reached: reading stopped; posting still works",
            ).format(cap=money(event.cap, event.currency))
        case GuestSignedIn():
            return translate("ActivityLog", "guest signed in to X as {handle}").format(
                handle=event.handle
            )
        case GuestSignedOut():
            if event.revoked:
                text = translate("ActivityLog", "guest signed out of X ({handle}): {reason}")
            else:
                text = translate(
                    "ActivityLog", "guest's X token dropped ({handle}), not revoked: {reason}"
                )
            return text.format(handle=event.handle, reason=event.reason)
        case _:
            return _outbox_line(event)


def _outbox_line(event: Event) -> str | None:
    """The outbox's steps worth a line: a person's, and each entry's outcome."""
    match event:
        case OutboxQueued():
            text = single_line(event.draft.text)
            if len(text) > 48:
                text = text[:47].rsplit(" ", 1)[0] + "…"
            return translate("ActivityLog", "{who}: post queued “{text}”").format(
                who=words.actor(event.actor), text=text
            )
        case OutboxEdited():
            return translate("ActivityLog", "{who}: post edited").format(
                who=words.actor(event.actor)
            )
        case OutboxRetried():
            return translate("ActivityLog", "{who}: post retried").format(
                who=words.actor(event.actor)
            )
        case OutboxCancelled():
            return translate("ActivityLog", "{who}: post cancelled").format(
                who=words.actor(event.actor)
            )
        case OutboxMarkedPosted():
            return translate("ActivityLog", "{who}: post marked posted").format(
                who=words.actor(event.actor)
            )
        case OutboxPosted():
            return translate("ActivityLog", "outbox: posted {url}").format(url=event.url)
        case OutboxFailed():
            return translate("ActivityLog", "outbox: failed ({reason}), next try at {time}").format(
                reason=single_line(event.reason)[:120],
                time=clock_time(event.retry_at, seconds=True),
            )
        case OutboxNeedsPerson():
            return translate("ActivityLog", "⚠ outbox: a post needs you — {reason}").format(
                reason=single_line(event.reason)[:160]
            )
        case OutboxSaved():
            return translate("ActivityLog", "outbox: saved, not posted ({reason})").format(
                reason=single_line(event.reason)[:120]
            )
        case OutboxRehearsed():
            return translate("ActivityLog", "outbox: rehearsal, not posted")
    return _guest_line(event)


def _guest_line(event: Event) -> str | None:
    """The guided hour's cues to the guest and the guest's calls for help."""
    match event:
        case GuestCued():
            return translate("ActivityLog", "{who}: cue to the guest “{cue}”").format(
                who=words.actor(event.actor), cue=single_line(cue_name(event.cue, event.text))[:80]
            )
        case GuestCueAcknowledged():
            return translate("ActivityLog", "the guest acknowledged the cue")
        case GuestCueWithdrawn():
            return translate("ActivityLog", "{who}: cue withdrawn").format(
                who=words.actor(event.actor)
            )
        case GuestHelpAsked():
            return translate("ActivityLog", "⚠ the guest asks for help")
        case GuestHelpAnswered():
            return translate("ActivityLog", "{who}: answered the guest's call for help").format(
                who=words.actor(event.actor)
            )
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
        self._known: OrderedDict[str, str] = OrderedDict()
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

    def know(self, questions: Iterable[Question]) -> None:
        """Questions the console shows: the log names them when they are decided."""
        known = self._known
        for question in questions:
            if question.tweet_id not in known:
                known[question.tweet_id] = question_words(question)
        while len(known) > KNOWN_QUESTIONS:
            known.popitem(last=False)

    def describe(self, tweet_id: str) -> str:
        return self._known.get(tweet_id) or _unknown(tweet_id)

    def on_events(self, events: list[Event]) -> None:
        lines = [
            line for line in (activity_line(e, self.describe) for e in events) if line is not None
        ]
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
