"""Every key of the console, on one sheet (F1 or ?), grouped as the operator works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from blueroom.ui import theme
from blueroom.ui.i18n import translate


def key_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, what they do)]) in the order of an operator's evening."""
    return [
        (
            translate("KeysSheet", "Moving in the queue"),
            [
                ("J  ↓", translate("KeysSheet", "next question")),
                ("K  ↑", translate("KeysSheet", "previous question")),
                ("Home", translate("KeysSheet", "the newest, up to the new posts")),
                (
                    "Esc",
                    translate("KeysSheet", "pick none; from the search box, back to the queue"),
                ),
                ("/  Ctrl+F", translate("KeysSheet", "search text, @author or name")),
                ("1 – 9", translate("KeysSheet", "the views: pending, flagged, approved…")),
            ],
        ),
        (
            translate("KeysSheet", "Deciding"),
            [
                ("A", translate("KeysSheet", "approve")),
                ("Enter  Shift+A", translate("KeysSheet", "approve and put in preview")),
                ("R", translate("KeysSheet", "reject: then 1–9 a reason, 0 another, R none")),
                ("S", translate("KeysSheet", "star")),
                ("H", translate("KeysSheet", "stash for later")),
                ("Q", translate("KeysSheet", "back to the queue; in Not questions, a question")),
                ("N", translate("KeysSheet", "not a question")),
                ("Ctrl+Z", translate("KeysSheet", "undo the last decision")),
            ],
        ),
        (
            translate("KeysSheet", "On air"),
            [
                ("P", translate("KeysSheet", "preview the picked question")),
                ("T", translate("KeysSheet", "take the preview on air")),
                ("O", translate("KeysSheet", "the picked question on air now")),
                ("D", translate("KeysSheet", "the question on air is answered")),
            ],
        ),
        (
            translate("KeysSheet", "The hour"),
            [
                (
                    "Page Down",
                    translate("KeysSheet", "next segment; the first starts the hour (a clicker)"),
                ),
                ("Page Up", translate("KeysSheet", "back to the previous segment")),
                ("F5", translate("KeysSheet", "start the hour, or resume its clock")),
                ("F6", translate("KeysSheet", "pause the segment's clock, or resume")),
                ("F7", translate("KeysSheet", "skip the segment after this one")),
                ("F8", translate("KeysSheet", "one more minute for this segment")),
                (
                    "F9",
                    translate("KeysSheet", "plan the hour: the guest, the script, the timeline"),
                ),
                ("F10", translate("KeysSheet", "the tabs in the feeds' place too, and back")),
                (
                    "F12",
                    translate(
                        "KeysSheet", "hold every wall on a calm slate, and back (any window)"
                    ),
                ),
                ("F1  ?", translate("KeysSheet", "this sheet")),
            ],
        ),
    ]


class KeysSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysSheet")
        self.setWindowTitle(translate("KeysSheet", "Every key"))
        box = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        row = 0
        for group, keys in key_groups():
            title = QLabel(group)
            title.setStyleSheet(f"color: {theme.ACCENT_SOFT.name()}; font-weight: 600;")
            grid.addWidget(title, row, 0, 1, 2)
            row += 1
            for key, meaning in keys:
                key_label = QLabel(key)
                key_label.setTextFormat(Qt.TextFormat.PlainText)
                key_label.setStyleSheet(f"color: {theme.TEXT.name()}; font-weight: 700;")
                meaning_label = QLabel(meaning)
                meaning_label.setTextFormat(Qt.TextFormat.PlainText)
                meaning_label.setStyleSheet(f"color: {theme.MUTED.name()};")
                grid.addWidget(key_label, row, 0)
                grid.addWidget(meaning_label, row, 1)
                row += 1
        box.addLayout(grid)
        close = QPushButton(translate("KeysSheet", "Close"))
        close.clicked.connect(self.accept)
        box.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
