"""The room's switches on the console: the questions wall, the Q&A, the booth, the badge.

Each button shows its switch as the room has it (``core/switches.py``: a segment's cue or
a person sets it) and turns it the other way (``RoomSwitched``, journalled). A click is
shown at once; the engine answers a moment later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from blueroom.core.actions import RoomActions
from blueroom.core.events import RoomSwitch
from blueroom.core.readers import SessionReader
from blueroom.core.switches import Switches
from blueroom.ui import theme, words
from blueroom.ui.clock import Clock, SystemClock
from blueroom.ui.i18n import translate

PENDING_SECONDS = 2.0  # a click a moment ago: the engine has not answered yet
_STYLE = (
    "QPushButton {{ padding: 3px 4px; color: {muted}; }}"
    " QPushButton:checked {{ background: #15634F; border-color: {green}; color: {text}; }}"
)


def switch_tip(switch: RoomSwitch) -> str:
    match switch:
        case RoomSwitch.QUESTIONS_WALL:
            return translate(
                "RoomSwitches",
                "Questions wall: on, it shows the questions; off, it rests on the hashtag and"
                " the guest's name",
            )
        case RoomSwitch.QUESTIONS_OPEN:
            return translate(
                "RoomSwitches",
                "Q&A open: the guest picks questions and the wall invites them; closed, the"
                " guest's pick view says they open later (questions are still moderated)",
            )
        case RoomSwitch.BOOTH:
            return translate(
                "RoomSwitches",
                "Booth armed: the mirror's photo booth is open to the guest; disarmed, it says"
                " it opens in a moment",
            )
        case RoomSwitch.ON_CAMERA:
            return translate(
                "RoomSwitches",
                "The live step's badge on the video wall: LIVE only while a stream runs, ON"
                " CAMERA without one",
            )
        case _:
            return ""


class RoomSwitchesRow(QWidget):
    def __init__(
        self,
        session: SessionReader,
        actions: RoomActions,
        *,
        clock: Clock | None = None,
        say: Callable[[str], None] = lambda _: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._actions = actions
        self._clock = clock or SystemClock()
        self._say = say
        self._asked: dict[RoomSwitch, tuple[bool, float]] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        style = _STYLE.format(
            muted=theme.MUTED.name(), green=theme.GREEN.name(), text=theme.TEXT.name()
        )
        self.buttons: dict[RoomSwitch, QPushButton] = {}
        for switch in RoomSwitch:
            button = QPushButton(_button_text(words.switch_name(switch)))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(switch_tip(switch))
            button.setStyleSheet(style)
            # never narrower than its word: the header gives way elsewhere
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda on, s=switch: self.turn(s, on))
            self.buttons[switch] = button
            row.addWidget(button)
        self.refresh()

    def turn(self, switch: RoomSwitch, on: bool) -> None:
        """The switch to ``on`` (journalled), shown at once."""
        self._actions.switch(switch, on)
        self._asked[switch] = (on, self._clock.monotonic())
        self.buttons[switch].setChecked(on)
        self._say(words.switched(switch, on))

    def switches(self) -> Switches:
        """The switches as the room has them, a click just made counting as done."""
        room = self._session.latest().switches
        now = self._clock.monotonic()
        values = {s.value: room.get(s) for s in RoomSwitch}
        for switch, (on, when) in list(self._asked.items()):
            if room.get(switch) == on or now - when >= PENDING_SECONDS:
                del self._asked[switch]
            else:
                values[switch.value] = on
        return Switches(**values)

    def refresh(self) -> None:
        switches = self.switches()
        streaming = self._session.latest().streaming
        for switch, button in self.buttons.items():
            on = switches.get(switch)
            if button.isChecked() != on:
                button.setChecked(on)
            text = words.switch_name(switch)
            if switch is RoomSwitch.ON_CAMERA and streaming:
                text = translate("RoomSwitches", "LIVE")  # a stream runs: the badge says so
            text = _button_text(text)
            if button.text() != text:
                button.setText(text)

    def words(self) -> list[str]:
        """The buttons' words as shown (without the ampersand's escape)."""
        return [button.text().replace("&&", "&") for button in self.buttons.values()]


def _button_text(text: str) -> str:
    return text.replace("&", "&&")  # "Q&A", not "QA" with an underlined A
