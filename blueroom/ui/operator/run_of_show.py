"""The run-of-show clock on the console: the current segment, its time left (amber at
wrap-up, red at danger and over), ahead or behind, the projected end against the guest's
departure, what the re-timing suggests, the cues, and the keys to drive the hour.

What it shows is computed here, at each paint, from the engine's state and this
machine's clock (``core/run_of_show.clock_view``); the big clock is repainted at each
change of its second, on a timer set to that moment, not on the console's 4 Hz tick.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.events import ShowAction
from blueroom.core.readers import ShowReader
from blueroom.core.run_of_show import ClockView, ShowState, clock_view
from blueroom.ui import theme
from blueroom.ui.clock import Clock, SystemClock
from blueroom.ui.i18n import number, translate
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.operator.timeline import Block, HourTimeline, Kind, hh_mm

PENDING_SECONDS = 2.0  # a move asked a moment ago: the engine has not answered yet
EXTEND_MINUTES = 1.0
BIG_CLOCK_PX = 34
TICK_MARGIN_MS = 2  # the big clock's timer lands just after its second changes


def _css_weight(weight: QFont.Weight) -> int:
    return {QFont.Weight.Bold: 700, QFont.Weight.DemiBold: 600}.get(weight, 400)


def clock_text(seconds: float) -> str:
    """ "12:34" (or "1:02:03") for a duration in whole seconds."""
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def shown_seconds(view: ClockView) -> int:
    """The whole seconds the big clock shows: the time left rounded up (a 10-minute
    segment starts at 10:00), or, overrunning, the time over (negative)."""
    if view.remaining >= 0:
        return math.ceil(view.remaining - 1e-9)
    return -math.floor(-view.remaining + 1e-9)


def big_clock_text(seconds: int) -> str:
    return clock_text(seconds) if seconds >= 0 else "+" + clock_text(-seconds)


def minutes_text(seconds: float) -> str:
    """ "6", "5½" minutes."""
    half_minutes = round(seconds / 30.0)
    whole, half = divmod(half_minutes, 2)
    return f"{whole}½" if half else f"{whole}"


def offset_text(offset: float) -> str:
    if abs(offset) < 30:
        return translate("RunOfShowPanel", "on time")
    said = clock_text(round(abs(offset)))
    if offset > 0:
        return translate("RunOfShowPanel", "{time} behind").format(time=said)
    return translate("RunOfShowPanel", "{time} ahead").format(time=said)


def phase_color(view: ClockView) -> QColor:
    if view.phase in ("danger", "over"):
        return theme.LIVE
    if view.phase == "wrap_up":
        return theme.AMBER
    return theme.TEXT if view.phase == "normal" else theme.MUTED


def timeline_blocks(state: ShowState, view: ClockView, now: float, language: str) -> list[Block]:
    """What ran, the current segment, and what is to come as re-timed."""
    blocks: list[Block] = []
    running = {s.id: s for s in state.running()}
    for record in state.records:
        segment = state.segment(record.segment_id)
        if segment is None or not record.visits or record.segment_id == state.current:
            continue
        if record.ended_at > record.started_at:
            label = segment.label.say(language)
            blocks.append(
                Block(label, record.started_at, record.ended_at - record.started_at, "done")
            )
    if view.segment is not None:
        end = state.current_end(now)
        blocks.append(
            Block(
                view.segment.label.say(language),
                state.started_at,
                end - state.started_at,
                "current",
            )
        )
    for item in view.forecast.items:
        segment = running.get(item.segment_id)
        if segment is None or item.change == "drop":
            continue
        kind: Kind = "shorten" if item.change == "shorten" else "planned"
        blocks.append(Block(segment.label.say(language), item.start, item.seconds, kind))
    return blocks


class RunOfShowPanel(QWidget):
    shown = Signal(int)  # the big clock's whole seconds, at each change (benchmarks read it)

    def __init__(
        self,
        show: ShowReader,
        actions: RoomActions,
        *,
        clock: Clock | None = None,
        open_planning: Callable[[], None] | None = None,
        say: Callable[[str], None] = lambda _: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._show = show
        self._actions = actions
        self._clock = clock or SystemClock()
        self._say = say
        self._asked: tuple[str, float] = ("", -10.0)  # (current expected, when asked)
        self._shown: int | None = None
        self._phase = ""
        self.view: ClockView | None = None
        self._looks: dict[QLabel, str] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)

        header = QHBoxLayout()
        header.setSpacing(6)
        self.title = title_label(translate("RunOfShowPanel", "Run of show"))
        self.title.hide()  # the segment's own title heads the panel; the tab or frame says it
        self.segment = self._line(15, QFont.Weight.Bold)
        header.addWidget(self.segment, 1)
        self.position = plain_label("")
        self.position.setStyleSheet(f"color: {theme.MUTED.name()};")
        header.addWidget(self.position)
        self.plan_button = QPushButton(translate("RunOfShowPanel", "Plan…  F9"))
        self.plan_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plan_button.setToolTip(
            translate("RunOfShowPanel", "The guest, the script and its timeline (F9)")
        )
        if open_planning is not None:
            self.plan_button.clicked.connect(open_planning)
        else:
            self.plan_button.hide()
        header.addWidget(self.plan_button)
        box.addLayout(header)

        row = QHBoxLayout()
        row.setSpacing(10)
        self.big = self._line(BIG_CLOCK_PX, QFont.Weight.Bold)
        self.big.setObjectName("runOfShowClock")
        self.big.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        big_font = self.big.font()
        big_font.setFeature(QFont.Tag("tnum"), 1)  # tabular figures: the clock never jiggles
        self.big.setFont(big_font)
        row.addWidget(self.big)
        side = QVBoxLayout()
        side.setSpacing(0)
        self.phase = self._line(12, QFont.Weight.DemiBold)
        self.offset = self._line(13, QFont.Weight.DemiBold)
        side.addWidget(self.phase)
        side.addWidget(self.offset)
        row.addLayout(side, 1)
        box.addLayout(row)
        self.ends = self._line(12)
        self.next = self._line(12)
        self.advice = self._line(12)
        self.advice.setWordWrap(True)
        self._color(self.advice, theme.AMBER)
        for label in (self.ends, self.next, self.advice):
            box.addWidget(label)
        self.drop_button = QPushButton("")
        self.drop_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.drop_button.clicked.connect(self.skip_suggested)
        self.drop_button.hide()
        box.addWidget(self.drop_button)
        self._drop_id = ""

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.start_button = self._button(
            "▶", translate("RunOfShowPanel", "Start the hour, or resume (F5)"), self.start
        )
        self.pause_button = self._button(
            "❚❚",
            translate("RunOfShowPanel", "Pause the segment's clock, or resume (F6)"),
            self.pause,
        )
        self.back_button = self._button(
            "◀", translate("RunOfShowPanel", "Back to the previous segment (Page Up)"), self.back
        )
        self.next_button = self._button(
            translate("RunOfShowPanel", "Next ▶"),
            translate("RunOfShowPanel", "Next segment (Page Down)"),
            self.next_segment,
        )
        self.skip_button = self._button(
            translate("RunOfShowPanel", "Skip"),
            translate("RunOfShowPanel", "Skip the segment after this one (F7)"),
            self.skip,
        )
        self.extend_button = self._button(
            "+1′", translate("RunOfShowPanel", "One more minute for this segment (F8)"), self.extend
        )
        for button in (
            self.start_button, self.pause_button, self.back_button, self.next_button,
            self.skip_button, self.extend_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        box.addLayout(buttons)
        self.cues = self._line(11)
        box.addWidget(self.cues)
        self.timeline = HourTimeline(compact=True)
        box.addWidget(self.timeline)

        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.timeout.connect(self.refresh)
        self.refresh()

    def _line(self, size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QLabel:
        label = plain_label("")
        label.setFont(theme.font(size, weight))
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # the console's style sheet sizes every widget's text: this label's own says its size
        self._looks[label] = f"font-size: {size}px; font-weight: {_css_weight(weight)};"
        label.setStyleSheet(self._looks[label])
        return label

    def _color(self, label: QLabel, color: QColor) -> None:
        style = f"{self._looks.get(label, '')} color: {color.name()};"
        if label.styleSheet() != style:
            label.setStyleSheet(style)

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolTip(tip)
        button.setMinimumWidth(34)
        # six to a row in a laptop's side column: a slim padding leaves the words their width
        button.setStyleSheet("QPushButton { padding: 4px 2px; }")
        button.clicked.connect(slot)
        return button

    # -- acting ---------------------------------------------------------------------
    def _current(self) -> str:
        """The segment as the operator last moved it, even before the engine answered."""
        expected, when = self._asked
        state = self._show.latest()
        if self._clock.monotonic() - when < PENDING_SECONDS and expected != state.current:
            return expected
        return state.current

    def _move(self, action: ShowAction, expect: str | None = None, **fields: object) -> None:
        current = self._current()
        self._actions.run_of_show(action, from_segment=current, at=self._clock.now(), **fields)  # type: ignore[arg-type]
        if expect is not None:
            self._asked = (expect, self._clock.monotonic())

    def _neighbour(self, step: int) -> str:
        ids = [s.id for s in self._show.latest().running()]
        current = self._current()
        if current not in ids:
            return ids[0] if ids and step > 0 else ""
        index = ids.index(current) + step
        return ids[index] if 0 <= index < len(ids) else ""

    def start(self) -> None:
        state = self._show.latest()
        if state.paused_at:
            self._actions.run_of_show(ShowAction.RESUME, at=self._clock.now())
        elif not state.current and not state.finished:
            self._move(ShowAction.START, self._neighbour(1))
        self.refresh()

    def pause(self) -> None:
        state = self._show.latest()
        action = ShowAction.RESUME if state.paused_at else ShowAction.PAUSE
        self._actions.run_of_show(action, at=self._clock.now())
        self.refresh()

    def next_segment(self) -> None:
        self._move(ShowAction.NEXT, self._neighbour(1))
        self.refresh()

    def back(self) -> None:
        target = self._neighbour(-1)
        if target:
            self._move(ShowAction.BACK, target)
        self.refresh()

    def skip(self) -> None:
        target = self._neighbour(1)
        if target:
            self._actions.run_of_show(ShowAction.SKIP, segment_id=target, at=self._clock.now())
            segment = self._show.latest().segment(target)
            name = segment.title.say(self._language()) if segment else target
            self._say(translate("RunOfShowPanel", "Skipped: {segment}").format(segment=name))

    def skip_suggested(self) -> None:
        if self._drop_id:
            self._actions.run_of_show(
                ShowAction.SKIP, segment_id=self._drop_id, at=self._clock.now()
            )

    def extend(self) -> None:
        if self._show.latest().current:
            self._actions.run_of_show(
                ShowAction.EXTEND, minutes=EXTEND_MINUTES, at=self._clock.now()
            )

    def _language(self) -> str:
        plan = self._show.latest().plan
        return plan.guest.language if plan is not None else "en"

    # -- showing --------------------------------------------------------------------
    def refresh(self) -> None:
        state = self._show.latest()
        now = self._clock.now()
        view = clock_view(state, now)
        self.view = view
        language = self._language()
        seconds = shown_seconds(view) if view.segment is not None else None
        if view.segment is None:
            self._set(self.big, "–:––" if view.phase == "waiting" else "✓")
        elif seconds is not None:
            self._set(self.big, big_clock_text(seconds))
        color = phase_color(view)
        if view.phase != self._phase:
            self._phase = view.phase
            self._color(self.big, color)
            self._color(self.phase, color)
        self._set(self.phase, self._phase_words(view))
        self._set(
            self.segment,
            view.segment.title.say(language)
            if view.segment is not None
            else (
                translate("RunOfShowPanel", "The hour is over")
                if view.phase == "finished"
                else translate("RunOfShowPanel", "Not started · F5")
            ),
        )
        self._set(
            self.position,
            f"{view.position + 1} / {view.count}" if view.position >= 0 else f"– / {view.count}",
        )
        offset_color = (
            theme.LIVE
            if view.offset >= 120
            else (
                theme.AMBER
                if view.offset >= 30
                else theme.GREEN
                if view.offset <= -30
                else theme.MUTED
            )
        )
        self._color(self.offset, offset_color)
        self._set(self.offset, offset_text(view.offset))
        self._show_ends(view)
        self._show_next(view, language)
        self._show_advice(state, view, language)
        self._show_cues(state)
        self.timeline.show_blocks(
            timeline_blocks(state, view, now, language), view.hard_end, now if state.begun else 0.0
        )
        self.start_button.setEnabled(
            bool(state.paused_at) or (not state.current and not state.finished)
        )
        self.pause_button.setText("▶❚" if state.paused_at else "❚❚")
        self.pause_button.setEnabled(bool(state.current))
        self.extend_button.setEnabled(bool(state.current))
        if seconds is not None and seconds != self._shown:
            self._shown = seconds
            self.shown.emit(seconds)
        self._schedule(state, view)

    def _schedule(self, state: ShowState, view: ClockView) -> None:
        """The next refresh at the moment the big clock's second changes."""
        if view.segment is None or state.paused_at:
            self._tick.stop()
            return
        left = view.remaining
        if left > 0:
            wait = left - (math.ceil(left - 1e-9) - 1)
        else:
            wait = math.floor(-left + 1e-9) + 1 + left
        self._tick.start(max(1, math.ceil(wait * 1000.0) + TICK_MARGIN_MS))

    def _phase_words(self, view: ClockView) -> str:
        if view.segment is None:
            return ""
        words = {
            "normal": translate("RunOfShowPanel", "of {time}"),
            "wrap_up": translate("RunOfShowPanel", "wrap up · of {time}"),
            "danger": translate("RunOfShowPanel", "ending · of {time}"),
            "over": translate("RunOfShowPanel", "over · of {time}"),
        }[view.phase].format(time=clock_text(round(view.allotted)))
        if view.paused:
            words = translate("RunOfShowPanel", "PAUSED · {words}").format(words=words)
        return words

    def _show_ends(self, view: ClockView) -> None:
        if view.hard_end:
            late = view.projected_end > view.hard_end + 30
            text = translate("RunOfShowPanel", "ends {end} · guest leaves {leaves}").format(
                end=hh_mm(view.projected_end), leaves=hh_mm(view.hard_end)
            )
            color = theme.LIVE if late else theme.MUTED
        else:
            text = translate("RunOfShowPanel", "ends {end} · planned {planned}").format(
                end=hh_mm(view.projected_end), planned=hh_mm(view.planned_end)
            )
            color = theme.MUTED
        self._color(self.ends, color)
        self._set(self.ends, text)

    def _show_next(self, view: ClockView, language: str) -> None:
        following = view.next
        if following is None:
            self._set(self.next, "")
            return
        item = view.forecast.item(following.id)
        kind = following.trigger_kind
        how = {
            "follow": translate("RunOfShowPanel", "follows at {time}"),
            "at": translate("RunOfShowPanel", "at {time}"),
            "manual": translate("RunOfShowPanel", "by hand, about {time}"),
        }[kind].format(time=hh_mm(item.start) if item is not None else "–")
        self._set(
            self.next,
            translate("RunOfShowPanel", "Next: {segment} · {how}").format(
                segment=following.label.say(language), how=how
            ),
        )

    def _show_advice(self, state: ShowState, view: ClockView, language: str) -> None:
        changes = view.forecast.changes
        self._drop_id = ""
        if not changes and not view.forecast.over:
            self._set(self.advice, "")
            self.advice.hide()
            self.drop_button.hide()
            return
        parts = []
        for item in changes:
            segment = state.segment(item.segment_id)
            name = segment.label.say(language) if segment is not None else item.segment_id
            if item.change == "shorten":
                parts.append(
                    translate("RunOfShowPanel", "{segment} {planned} → {now} min").format(
                        segment=name,
                        planned=minutes_text(item.planned_seconds),
                        now=minutes_text(item.seconds),
                    )
                )
            elif not self._drop_id:
                self._drop_id = item.segment_id
                self.drop_button.setText(
                    translate("RunOfShowPanel", "Drop {segment} ({minutes} min)  F7").format(
                        segment=name, minutes=minutes_text(item.planned_seconds)
                    )
                    if self._drop_id == self._neighbour(1)
                    else translate("RunOfShowPanel", "Drop {segment} ({minutes} min)").format(
                        segment=name, minutes=minutes_text(item.planned_seconds)
                    )
                )
        text = translate("RunOfShowPanel", "Re-timed to end by {time}: {changes}").format(
            time=hh_mm(view.hard_end), changes=", ".join(parts) or "–"
        )
        if view.forecast.over:
            text += " " + translate("RunOfShowPanel", "Still {time} late.").format(
                time=clock_text(round(view.forecast.over))
            )
        self._set(self.advice, text)
        self.advice.show()
        self.drop_button.setVisible(bool(self._drop_id))

    def _show_cues(self, state: ShowState) -> None:
        by_hand = sum(count for _, count in state.not_acted)
        if not state.cues_sent:
            self._set(self.cues, translate("RunOfShowPanel", "Cues: none sent yet"))
            self._color(self.cues, theme.MUTED)
        else:
            count = state.cues_sent
            # fmt: off
            sent = translate("RunOfShowPanel", "Cues: %n sent", None, number, count)
            # fmt: on
            if by_hand:
                names = ", ".join(f"{cue} ×{count}" for cue, count in state.not_acted)
                # fmt: off
                manual = translate("RunOfShowPanel", "%n by hand: {cues}", None, number, by_hand)
                # fmt: on
                sent += " · " + manual.format(cues=names)
            self._set(self.cues, sent)
            self._color(self.cues, theme.AMBER if by_hand else theme.MUTED)
        tip = "\n".join(
            ("→ " if note.entering else "← ")
            + f"{hh_mm(note.at)} {note.segment_id}: {note.cue} — {note.how}"
            for note in state.recent_cues
        )
        if self.cues.toolTip() != tip:
            self.cues.setToolTip(tip)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
