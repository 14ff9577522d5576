"""The session's steps, the current one marked, with previous / next (Page Up / Down on
the console, as a presenter's clicker sends them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from blueroom.core.actions import RoomActions
from blueroom.core.readers import SessionReader
from blueroom.ui import theme
from blueroom.ui.i18n import translate
from blueroom.ui.operator.labels import title_label

SHOWN_STEPS = 8  # more scroll
CURRENT_MARK = "▶ "


class SessionSteps(QWidget):
    def __init__(
        self, session: SessionReader, actions: RoomActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._actions = actions
        self._version = -1
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("SessionSteps", "Session — Page Up / Page Down")))
        self.steps = QListWidget()
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        box.addWidget(self.steps)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(translate("SessionSteps", "◀  Previous step"))
        self.next_button = QPushButton(translate("SessionSteps", "Next step  ▶"))
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        box.addLayout(buttons)

    def previous_step(self) -> None:
        self._actions.previous_step()

    def next_step(self) -> None:
        self._actions.next_step()

    def refresh(self) -> None:
        snapshot = self._session.latest()
        if snapshot.version == self._version and self.steps.count():
            return
        self._version = snapshot.version
        self.steps.clear()
        for index, step in enumerate(snapshot.steps):
            marker = CURRENT_MARK if index == snapshot.current else "   "
            # The step's title is the script's own text (a script per language is to come).
            line = translate("SessionSteps", "{number}. {title}  ({minutes} min)").format(
                number=index + 1, title=step.title, minutes=step.minutes
            )
            self.steps.addItem(marker + line)
            if index == snapshot.current:
                self.steps.item(index).setForeground(theme.ACCENT_SOFT)
        # Every step in sight (a laptop's console squeezes the panels around it instead).
        rows = self.steps.sizeHintForRow(0) * min(self.steps.count(), SHOWN_STEPS)
        self.steps.setFixedHeight(rows + 2 * self.steps.frameWidth() + 6)
