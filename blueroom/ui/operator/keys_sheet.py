"""Every key of the console, on one sheet (F1 or ?), grouped as the operator works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from blueroom.ui import theme
from blueroom.ui.i18n import translate


def key_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(keys, what they do)]) in the order of an operator's evening."""
    t = translate
    return [
        (
            t("KeysSheet", "Moving in the queue"),
            [
                ("J  ↓", t("KeysSheet", "next question")),
                ("K  ↑", t("KeysSheet", "previous question")),
                ("Home", t("KeysSheet", "the newest, up to the new posts")),
                ("Esc", t("KeysSheet", "pick none; from the search box, back to the queue")),
                ("/  Ctrl+F", t("KeysSheet", "search text, @author or name")),
                ("1 – 9", t("KeysSheet", "the views: pending, flagged, approved…")),
            ],
        ),
        (
            t("KeysSheet", "Deciding"),
            [
                ("A", t("KeysSheet", "approve")),
                ("Enter  Shift+A", t("KeysSheet", "approve and put in preview")),
                ("R", t("KeysSheet", "reject: then 1–9 a reason, 0 another, R none")),
                ("S", t("KeysSheet", "star")),
                ("H", t("KeysSheet", "stash for later")),
                ("Q", t("KeysSheet", "back to the queue; in Not questions, a question")),
                ("N", t("KeysSheet", "not a question")),
                ("Ctrl+Z", t("KeysSheet", "undo the last decision")),
            ],
        ),
        (
            t("KeysSheet", "On air"),
            [
                ("P", t("KeysSheet", "preview the picked question")),
                ("T", t("KeysSheet", "take the preview on air")),
                ("O", t("KeysSheet", "the picked question on air now")),
                ("D", t("KeysSheet", "the question on air is answered")),
            ],
        ),
        (
            t("KeysSheet", "The hour"),
            [
                (
                    "Page Down",
                    t("KeysSheet", "next segment; the first starts the hour (a clicker)"),
                ),
                ("Page Up", t("KeysSheet", "back to the previous segment")),
                ("F5", t("KeysSheet", "start the hour, or resume its clock")),
                ("F6", t("KeysSheet", "pause the segment's clock, or resume")),
                ("F7", t("KeysSheet", "skip the segment after this one")),
                ("F8", t("KeysSheet", "one more minute for this segment")),
                ("F9", t("KeysSheet", "plan the hour: the guest, the script, the timeline")),
                ("F12", t("KeysSheet", "hold every wall on a calm slate, and back (any window)")),
                ("F1  ?", t("KeysSheet", "this sheet")),
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
