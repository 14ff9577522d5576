"""The console's two kinds of label: plain text (never markup) and a panel's title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def title_label(text: str) -> QLabel:
    label = plain_label(text)
    label.setObjectName("title")
    return label
