"""The team's cue to the guest, and the guest's "Ask for help" button, over the guest panel.

A cue is one card at the top of the panel: prominent but calm (the room's blue, an amber
edge, large words), with one button to say "OK". A newer cue takes its place; an
acknowledged or withdrawn one goes. The help button stays in a corner: one tap asks for
help (the console alerts the staff until one of them answers), then it says help is on
the way, and that someone is coming once they have answered.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from blueroom.core.actions import RoomActions
from blueroom.core.events import CueKind
from blueroom.core.guest_cues import Cue, CuesSnapshot
from blueroom.ui import theme
from blueroom.ui.fonts import UI_FAMILY
from blueroom.ui.i18n import translate

ANSWERED_SHOWN_SECONDS = 12.0  # "someone is coming" after a staff member answered


def cue_words(cue: Cue) -> tuple[str, str]:
    """(the headline, a calm line under it) the guest reads for ``cue``."""
    match cue.kind:
        case CueKind.WRAP_UP:
            return (
                translate("CueCard", "Time to wrap up"),
                translate("CueCard", "Finish your thought: we move on in a moment."),
            )
        case CueKind.NEXT_QUESTION:
            return (
                translate("CueCard", "Next question"),
                translate("CueCard", "Whenever you are ready, take the next question."),
            )
        case _:
            return cue.text, translate("CueCard", "From the team")


class CueCard(QWidget):
    """The cue the guest has in front of them (hidden when there is none)."""

    def __init__(self, actions: RoomActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cueCard")
        self._actions = actions
        self.cue: Cue | None = None
        self.headline = QLabel()
        self.line = QLabel()
        for label in (self.headline, self.line):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the operator's words, as text
            label.setWordWrap(True)
        self.ok = QPushButton(translate("CueCard", "OK"))
        self.ok.setObjectName("cueOk")
        self.ok.setMinimumSize(140, 88)
        self.ok.clicked.connect(self.acknowledge)
        words = QVBoxLayout()
        words.addWidget(self.headline)
        words.addWidget(self.line)
        row = QHBoxLayout(self)
        row.setContentsMargins(36, 20, 24, 20)
        row.setSpacing(24)
        row.addLayout(words, 1)
        row.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_cue(self, cue: Cue | None) -> None:
        if cue == self.cue:
            return
        self.cue = cue
        if cue is None:
            self.hide()
            return
        headline, line = cue_words(cue)
        self.headline.setText(headline)
        self.line.setText(line)
        self._fit()
        self.ok.setEnabled(True)
        self.show()
        self.raise_()

    def acknowledge(self) -> None:
        if self.cue is None or not self.ok.isEnabled():
            return
        self.ok.setEnabled(False)  # one acknowledgement, however many taps
        self._actions.acknowledge_cue(self.cue.id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        big = max(26, round(self.height() * 0.26))
        small = max(16, round(big * 0.55))
        self.setStyleSheet(
            f'* {{ font-family: "{UI_FAMILY}"; }}'
            f"QLabel {{ color: {theme.TEXT.name()}; background: transparent; }}"
            f" QPushButton#cueOk {{ font-size: {small + 6}px; font-weight: 800;"
            f" color: {theme.NIGHT.name()}; background: {theme.AMBER.name()}; border: none;"
            " border-radius: 22px; padding: 8px 28px; }"
            f" QPushButton#cueOk:disabled {{ background: {theme.PANEL.name()};"
            f" color: {theme.DIM.name()}; }}"
        )
        self.line.setFont(theme.font(small, QFont.Weight.Medium))
        self.line.setStyleSheet(f"color: {theme.MUTED.name()};")
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The headline as large as fits: two lines at most, in the card's height."""
        width = max(80.0, self.width() - self.ok.minimumWidth() - 36 - 24 - 40)
        room = self.height() * 0.5
        px = max(26.0, self.height() * 0.26)
        text = self.headline.text()
        while True:
            font = theme.font(px, QFont.Weight.ExtraBold)
            box = QFontMetricsF(font).boundingRect(
                QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
            )
            if (box.height() <= room and box.width() <= width) or px <= 18:
                break
            px -= 2
        self.headline.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        radius = min(28.0, box.height() * 0.22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.35))  # a soft shadow under it
        painter.drawRoundedRect(box.translated(0, 4), radius, radius)
        painter.setBrush(theme.PANEL_HI)
        painter.setPen(theme.with_alpha(theme.AMBER, 0.9))
        painter.drawRoundedRect(box, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.AMBER)
        painter.drawRoundedRect(QRectF(box.left() + 10, box.top() + 16, 8, box.height() - 32), 4, 4)
        painter.end()


class HelpButton(QPushButton):
    """One tap asks for help; it then says where that stands."""

    def __init__(
        self,
        actions: RoomActions,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("askHelp")
        self._actions = actions
        self._clock = clock
        self.state = "idle"  # idle, waiting, coming
        self.asked = 0  # taps that asked (one per call: the model counts repeats)
        self.clicked.connect(self.ask)
        self._show("idle")

    def ask(self) -> None:
        if self.state == "waiting":
            return
        self.asked += 1
        self._actions.ask_for_help()
        self._show("waiting")  # at once: the engine's answer follows

    def follow(self, cues: CuesSnapshot) -> None:
        help = cues.state.help
        if help is None:
            state = "waiting" if self.state == "waiting" and self.asked else "idle"
        elif help.open:
            state = "waiting"
        elif self._clock() - help.answered_at < ANSWERED_SHOWN_SECONDS:
            state = "coming"
        else:
            state = "idle"
        self._show(state)

    def _show(self, state: str) -> None:
        if state == self.state and self.text():
            return
        self.state = state
        match state:
            case "waiting":
                text = translate("HelpButton", "Help is on the way…")
            case "coming":
                text = translate("HelpButton", "Someone is coming")
            case _:
                text = translate("HelpButton", "Ask for help")
        self.setText(text)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        px = max(18, round(self.height() * 0.3))
        hi = theme.PANEL_HI
        self.setStyleSheet(
            f'QPushButton#askHelp {{ font-family: "{UI_FAMILY}"; font-size: {px}px; font-weight: 700;'
            f" color: {theme.TEXT.name()}; background: rgba({hi.red()}, {hi.green()}, {hi.blue()}, 235);"
            f" border: 2px solid {theme.LINE.name()}; border-radius: {self.height() // 2}px;"
            " padding: 4px 24px; }"
            f' QPushButton#askHelp[state="waiting"] {{ border-color: {theme.AMBER.name()};'
            f" color: {theme.AMBER.name()}; }}"
            f' QPushButton#askHelp[state="coming"] {{ border-color: {theme.GREEN.name()};'
            f" color: {theme.GREEN.name()}; }}"
        )
        super().resizeEvent(event)
