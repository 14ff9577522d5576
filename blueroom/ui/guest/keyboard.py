"""An on-screen keyboard of our own for the guest's touch screen (Qt's virtual keyboard
is in the Addons wheel, hundreds of MB, for one text box).

AZERTY for French and QWERTY for English, switched by a key; a row of the French
accents always in sight (é è à ç ù ê â î ô œ: no long-press to discover), and the same
letters under a long press of their base key; shift (a tap: the next letter; a second
tap: caps lock), backspace (repeats while held), space, a page of figures and signs,
and a row of emoji. Big keys, each a button: a finger and a mouse press them alike.

The keyboard only says what was typed (``typed``, ``erased``); the text box it writes
into is its owner's.
"""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from typing import Final

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QMenu, QPushButton, QVBoxLayout, QWidget

from blueroom.ui import theme
from blueroom.ui.fonts import UI_FAMILY
from blueroom.ui.i18n import translate

ACCENTS: Final = ("é", "è", "à", "ç", "ù", "ê", "â", "î", "ô", "œ")
EMOJI: Final = ("👋", "❤️", "🎉", "🔥", "👏", "😊", "🙏", "✨", "🎶", "📸")
# The letters a long press on a key offers, as on a phone.
LONG_PRESS: Final = {
    "e": ("é", "è", "ê", "ë"),
    "a": ("à", "â", "æ"),
    "u": ("ù", "û", "ü"),
    "i": ("î", "ï"),
    "o": ("ô", "œ"),
    "c": ("ç",),
    "y": ("ÿ",),
}
LONG_PRESS_MS = 450
SHIFT = "⇧"
BACKSPACE = "⌫"
SPACE = " "
MIN_KEY = 56  # px: the smallest key, even on a small window


class Layout(StrEnum):
    AZERTY = "azerty"
    QWERTY = "qwerty"


# Each layout's three rows of letters (the shift and backspace keys around the third).
LETTERS: Final = {
    Layout.AZERTY: ("azertyuiop", "qsdfghjklm", "wxcvbn'"),
    Layout.QWERTY: ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
}
SIGNS: Final = ("1234567890", "@#&-_/:;()", "?!,.'\"€%")
LAST_ROW_SIGNS: Final = {Layout.AZERTY: (",", "."), Layout.QWERTY: (",", ".")}


def layout_for(language: str) -> Layout:
    """The guest's keyboard: AZERTY for French, QWERTY otherwise."""
    return Layout.AZERTY if language.lower().startswith("fr") else Layout.QWERTY


class Key(QPushButton):
    """One key: a button that says its text (and offers more after a long press)."""

    def __init__(self, text: str, label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(label or text, parent)
        self.value = text
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text box keeps its cursor
        self.setMinimumSize(MIN_KEY, MIN_KEY)


class OnScreenKeyboard(QWidget):
    typed = Signal(str)
    erased = Signal()
    layout_changed = Signal(str)

    def __init__(
        self, layout: Layout = Layout.AZERTY, *, emoji: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("onScreenKeyboard")
        self.layout_name = layout
        self.shift = False  # the next letter in capitals
        self.caps = False  # every letter in capitals, until shift is tapped again
        self.signs = False  # the figures and signs page
        self._emoji = emoji
        self.keys: dict[str, Key] = {}  # the letter keys and the accents, by lower-case text
        self._long: dict[Key, QTimer] = {}
        self._long_shown = False
        self.popup: QMenu | None = None
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        self._grid.setContentsMargins(0, 0, 0, 0)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(8)
        self._accent_row = QHBoxLayout()
        self._accent_row.setSpacing(8)
        self._emoji_row = QHBoxLayout()
        self._emoji_row.setSpacing(8)
        root.addLayout(self._emoji_row)
        root.addLayout(self._accent_row)
        root.addLayout(self._grid, 1)
        for accent in ACCENTS:
            key = self._letter_key(accent)
            self._accent_row.addWidget(key)
        if emoji:
            for symbol in EMOJI:
                key = Key(symbol)
                key.setProperty("emoji", True)
                key.clicked.connect(partial(self.typed.emit, symbol))
                self._emoji_row.addWidget(key)
        self.shift_key = Key(SHIFT)
        self.shift_key.setCheckable(True)
        self.shift_key.setToolTip(translate("OnScreenKeyboard", "Capitals"))
        self.shift_key.clicked.connect(self._shift_tapped)
        self.backspace_key = Key(BACKSPACE)
        self.backspace_key.setAutoRepeat(True)  # held: erases on, as a keyboard does
        self.backspace_key.setAutoRepeatDelay(450)
        self.backspace_key.setAutoRepeatInterval(80)
        self.backspace_key.clicked.connect(self.erased.emit)
        self.space_key = Key(SPACE, translate("OnScreenKeyboard", "space"))
        self.space_key.clicked.connect(partial(self.typed.emit, SPACE))
        self.signs_key = Key("", translate("OnScreenKeyboard", "?123"))
        self.signs_key.clicked.connect(self.toggle_signs)
        self.switch_key = Key("")
        self.switch_key.setToolTip(translate("OnScreenKeyboard", "AZERTY or QWERTY"))
        self.switch_key.clicked.connect(self.switch_layout)
        for special in (self.shift_key, self.backspace_key, self.signs_key, self.switch_key):
            special.setProperty("special", True)
        self._build()

    # -- building --------------------------------------------------------------------------
    def _letter_key(self, letter: str) -> Key:
        key = Key(letter)
        key.pressed.connect(partial(self._pressed, key))
        key.released.connect(partial(self._released, key))
        key.clicked.connect(partial(self._clicked, key))
        self.keys[letter] = key
        return key

    def _build(self) -> None:
        """The letter (or signs) rows for the current layout, laid out again."""
        grid = self._grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in self._kept():
                self.keys.pop(getattr(widget, "value", ""), None)
                widget.deleteLater()
        rows = SIGNS if self.signs else LETTERS[self.layout_name]
        columns = 20  # half-key steps: a row of ten keys is centred, one of nine offset
        for index, row in enumerate(rows):
            count = len(row) + (2 if index == 2 else 0)  # shift and backspace around row 3
            start = (columns - 2 * count) // 2
            column = start
            if index == 2:
                grid.addWidget(self.shift_key, index, column, 1, 2)
                column += 2
            for letter in row:
                key = self._letter_key(letter) if not self.signs else self._sign_key(letter)
                grid.addWidget(key, index, column, 1, 2)
                key.show()  # now, not at the layout's next pass: a quick finger finds it
                column += 2
            if index == 2:
                grid.addWidget(self.backspace_key, index, column, 1, 2)
        last = 3
        comma, dot = LAST_ROW_SIGNS[self.layout_name]
        grid.addWidget(self.signs_key, last, 0, 1, 3)
        grid.addWidget(self.switch_key, last, 3, 1, 3)
        grid.addWidget(self.space_key, last, 6, 1, 8)
        for offset, sign in enumerate((comma, dot)):
            key = self._sign_key(sign)
            grid.addWidget(key, last, 14 + 3 * offset, 1, 3)
            key.show()
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.signs_key.setText(
            translate("OnScreenKeyboard", "ABC")
            if self.signs
            else translate("OnScreenKeyboard", "?123")
        )
        self.switch_key.setText(self.layout_name.value.upper())
        self.switch_key.setAccessibleName(
            translate("OnScreenKeyboard", "Keyboard layout: {layout}").format(
                layout=self.layout_name.value.upper()
            )
        )
        self._show_case()

    def _kept(self) -> tuple[Key, ...]:
        return (self.shift_key, self.backspace_key, self.space_key, self.signs_key, self.switch_key)

    def _sign_key(self, sign: str) -> Key:
        key = Key(sign)
        key.clicked.connect(partial(self.typed.emit, sign))
        return key

    # -- what the keys do ------------------------------------------------------------------
    def key(self, text: str) -> Key:
        """The key that types ``text`` (for tests and for the owner's shortcuts)."""
        found = self.keys.get(text.lower())
        if found is not None:
            return found
        for key in self.findChildren(Key):
            if key.value == text and key.isVisible():
                return key
        raise KeyError(text)

    def letter(self, letter: str) -> str:
        """``letter`` as the keyboard types it now (shift or caps)."""
        upper = self.shift or self.caps
        if letter == "œ":
            return "Œ" if upper else "œ"
        return letter.upper() if upper else letter

    def type_letter(self, letter: str) -> None:
        self.typed.emit(self.letter(letter))
        if self.shift and not self.caps:
            self.shift = False
            self._show_case()

    def _pressed(self, key: Key) -> None:
        self._long_shown = False
        if key.value in LONG_PRESS:
            timer = self._long.get(key)
            if timer is None:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.timeout.connect(partial(self.offer_more, key))
                self._long[key] = timer
            timer.start(LONG_PRESS_MS)

    def _released(self, key: Key) -> None:
        timer = self._long.get(key)
        if timer is not None:
            timer.stop()

    def _clicked(self, key: Key) -> None:
        if self._long_shown:  # the long press opened its letters: the key types nothing
            self._long_shown = False
            return
        self.type_letter(key.value)

    def offer_more(self, key: Key) -> QMenu:
        """The accented letters of ``key``, over it (a long press)."""
        self._long_shown = True
        menu = QMenu(self)
        menu.setObjectName("moreLetters")
        font = theme.font(max(28, key.height() * 0.45), QFont.Weight.DemiBold)
        menu.setFont(font)
        for letter in LONG_PRESS.get(key.value, ()):
            shown = self.letter(letter)
            menu.addAction(shown, partial(self.type_letter, letter))
        self.popup = menu
        menu.popup(key.mapToGlobal(QPoint(0, -menu.sizeHint().height())))
        return menu

    def _shift_tapped(self) -> None:
        if self.caps:
            self.caps = self.shift = False
        elif self.shift:
            self.caps = True
        else:
            self.shift = True
        self._show_case()

    def _show_case(self) -> None:
        upper = self.shift or self.caps
        for text, key in self.keys.items():
            key.setText(self.letter(text) if upper else text)
        self.shift_key.setChecked(upper)
        self.shift_key.setText("⇪" if self.caps else SHIFT)

    def toggle_signs(self) -> None:
        self.signs = not self.signs
        self._build()

    def switch_layout(self) -> None:
        self.set_layout(Layout.QWERTY if self.layout_name is Layout.AZERTY else Layout.AZERTY)

    def set_layout(self, layout: Layout) -> None:
        if layout is self.layout_name and not self.signs:
            return
        self.layout_name = layout
        self.signs = False
        self._build()
        self.layout_changed.emit(layout.value)

    def rows(self) -> list[str]:
        """The rows of letters (or signs) as shown, top to bottom."""
        if self.signs:
            return list(SIGNS)
        return ["".join(self.letter(c) for c in row) for row in LETTERS[self.layout_name]]

    # -- size -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        rows = 4 + 1 + (1 if self._emoji else 0)
        key_h = max(MIN_KEY, (self.height() - 8 * (rows - 1)) // rows)
        text_px = max(20, min(40, round(key_h * 0.42)))
        small_px = max(16, round(text_px * 0.7))
        self.setStyleSheet(
            f'* {{ font-family: "{UI_FAMILY}"; }}'
            f"QPushButton {{ font-size: {text_px}px; font-weight: 600; color: {theme.TEXT.name()};"
            f" background: {theme.PANEL_HI.name()}; border: 1px solid {theme.LINE.name()};"
            " border-radius: 12px; padding: 0; }"
            f" QPushButton:pressed {{ background: {theme.ACCENT.name()}; }}"
            f' QPushButton[special="true"] {{ font-size: {small_px}px;'
            f" background: {theme.PANEL.name()}; color: {theme.MUTED.name()}; }}"
            f' QPushButton[special="true"]:checked {{ background: {theme.ACCENT.name()};'
            f" color: {theme.TEXT.name()}; }}"
        )
        for key in self.findChildren(Key):
            key.setMinimumHeight(MIN_KEY)
            key.setMaximumHeight(key_h)
        super().resizeEvent(event)
