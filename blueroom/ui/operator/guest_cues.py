"""The console's side of the guest's cues, and the guest's call for help.

One row in the console's header (where it costs no height on a laptop): a "Cue the guest" menu (Wrap up, Next question, or the
operator's own words), the last cue and where it stands (waiting for the guest,
acknowledged, replaced, withdrawn) and a button to withdraw it. The call for help is a
red banner in the console's header that stays until a staff member answers it (its
button); the window asks the desktop for attention when a call comes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.events import CueKind
from blueroom.core.guest_cues import Cue, CuesSnapshot
from blueroom.core.readers import CuesReader
from blueroom.ui import theme
from blueroom.ui.i18n import number, translate
from blueroom.ui.operator.activity_log import cue_name
from blueroom.ui.widgets.text import single_line

MAX_CUE_CHARS = 120  # the guest reads it from the sofa: a line or two
# Asks the operator for a cue's words; "" (or None) when they cancel.
AskText = Callable[[QWidget], str | None]


def ask_cue_text(parent: QWidget) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(translate("GuestCuesRow", "A cue for the guest"))
    dialog.setLabelText(translate("GuestCuesRow", "What the guest reads (a line or two):"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.setMaxLength(MAX_CUE_CHARS)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


def _time(at: float) -> str:
    return time.strftime("%H:%M", time.localtime(at))


def cue_state_words(cues: CuesSnapshot) -> str:
    """The last cue and where it stands, in one line."""
    cue: Cue | None = cues.last
    if cue is None:
        return translate("GuestCuesRow", "No cue sent")
    name = single_line(cue_name(cue.kind, cue.text))
    if cue.acknowledged_at:
        state = translate("GuestCuesRow", "✓ acknowledged {time}").format(
            time=_time(cue.acknowledged_at)
        )
    elif cue.withdrawn_at:
        state = translate("GuestCuesRow", "withdrawn {time}").format(time=_time(cue.withdrawn_at))
    else:
        state = translate("GuestCuesRow", "waiting since {time}").format(time=_time(cue.sent_at))
    line = f"{state} — “{name}”"  # the state first: a narrow console cuts the words
    replaced = cues.state.replaced
    if replaced:
        # fmt: off
        line += " · " + translate("GuestCuesRow", "%n replaced", None, number, replaced)
        # fmt: on
    return line


class ElidedLabel(QLabel):
    """One line cut with an ellipsis to the width it is given (the whole in its tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.text():
            self.setText(shown)


class GuestCuesRow(QWidget):
    """The cue menu and the last cue's state (a row of the console's header)."""

    def __init__(
        self,
        cues: CuesReader,
        actions: RoomActions,
        say: Callable[[str], None] = lambda message: None,
        ask_text: AskText = ask_cue_text,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guestCues")
        self._cues = cues
        self._actions = actions
        self._say = say
        self._ask_text = ask_text
        self._version = -2
        self.menu_button = QToolButton()
        self.menu_button.setText(translate("GuestCuesRow", "Cue the guest ▾"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu_button.setStyleSheet(
            f"QToolButton {{ background: {theme.PANEL_HI.name()}; border: 1px solid"
            f" {theme.LINE.name()}; border-radius: 8px; padding: 6px 10px; font-weight: 600; }}"
            " QToolButton::menu-indicator { image: none; }"
        )
        menu = QMenu(self.menu_button)
        self.wrap_up_action = menu.addAction(
            translate("GuestCuesRow", "Wrap up"), lambda: self.send(CueKind.WRAP_UP)
        )
        self.next_question_action = menu.addAction(
            translate("GuestCuesRow", "Next question"), lambda: self.send(CueKind.NEXT_QUESTION)
        )
        menu.addSeparator()
        self.text_action = menu.addAction(
            translate("GuestCuesRow", "Say something…"), self.send_text
        )
        self.menu_button.setMenu(menu)
        self.state = ElidedLabel()
        self.state.setStyleSheet(f"color: {theme.MUTED.name()}; font-size: 12px;")
        self.state.setMinimumWidth(120)
        self.withdraw_button = QPushButton("✕")
        self.withdraw_button.setToolTip(translate("GuestCuesRow", "Withdraw the cue"))
        self.withdraw_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.withdraw_button.setStyleSheet("padding: 4px 8px;")
        self.withdraw_button.clicked.connect(self.withdraw)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.menu_button)
        row.addWidget(self.state, 1)
        row.addWidget(self.withdraw_button)
        self.refresh()

    def send(self, cue: CueKind, text: str = "") -> None:
        self._actions.cue_guest(cue, text)
        self._say(
            translate("GuestCuesRow", "Cue sent to the guest: {cue}").format(
                cue=single_line(cue_name(cue, text))
            )
        )

    def send_text(self) -> None:
        text = self._ask_text(self)
        words = " ".join((text or "").split())[:MAX_CUE_CHARS]
        if words:
            self.send(CueKind.TEXT, words)

    def withdraw(self) -> None:
        showing = self._cues.latest().showing
        if showing is not None:
            self._actions.withdraw_cue(showing.id)

    def refresh(self) -> None:
        cues = self._cues.latest()
        if cues.version == self._version:
            return
        self._version = cues.version
        self.state.set_full_text(cue_state_words(cues))
        self.withdraw_button.setVisible(cues.showing is not None)


class HelpAlert(QWidget):
    """The guest's call for help, in the console's header until a staff member answers."""

    def __init__(
        self,
        cues: CuesReader,
        actions: RoomActions,
        say: Callable[[str], None] = lambda message: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpAlert")
        self._cues = cues
        self._actions = actions
        self._say = say
        self._alerted = ""  # the call the desktop was asked to flash for
        self._shown: object = None
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"QWidget#helpAlert {{ background: {theme.LIVE.name()}; border-radius: 8px; }}"
            f" QLabel {{ color: {theme.TEXT.name()}; font-weight: 800; background: transparent; }}"
            f" QPushButton {{ background: {theme.TEXT.name()}; color: {theme.LIVE.name()};"
            " border: none; border-radius: 6px; padding: 4px 10px; font-weight: 800; }"
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_button = QPushButton(translate("HelpAlert", "I'm on it"))
        self.answer_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.answer_button.clicked.connect(self.answer)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 3, 4, 3)
        row.setSpacing(8)
        row.addWidget(self.label)
        row.addWidget(self.answer_button)
        self.hide()
        self.refresh()

    def answer(self) -> None:
        waiting = self._cues.latest().help_waiting
        if waiting is None:
            return
        self._actions.answer_help(waiting.id)
        self.answer_button.setEnabled(False)  # once; the alert goes when the engine says so
        self._say(translate("HelpAlert", "The guest's call for help is answered"))

    @property
    def alerting(self) -> bool:
        return not self.isHidden()

    def refresh(self) -> None:
        waiting = self._cues.latest().help_waiting
        if waiting == self._shown:
            return
        self._shown = waiting
        if waiting is None:
            self.hide()
            return
        self.label.setText(
            translate("HelpAlert", "✋ The guest asks for help (since {time})").format(
                time=_time(waiting.asked_at)
            )
        )
        self.answer_button.setEnabled(True)
        self.show()
        if waiting.id != self._alerted:
            self._alerted = waiting.id
            window = self.window()
            if window.isVisible():
                QApplication.alert(window)  # the taskbar flashes until the console is looked at
