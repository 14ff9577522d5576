"""The window walk finds what it looks for: a label, a button, a placeholder or a painted
text wider than its room, an elided text with no tooltip, a text left in English on a
French screen; and passes what fits and what French says the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.screen_texts import (
    cut_texts,
    english_sources,
    painted_problems,
    painted_texts,
    shown_texts,
    untranslated,
)

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR" sourcelanguage="en">
<context><name>W</name>
<message><source>Pending</source><translation>En attente</translation></message>
<message><source>Paris</source><translation>Paris</translation></message>
<message><source>Ask {guest} anything</source>
<translation>Posez vos questions à {guest}</translation></message>
<message numerus="yes"><source>%n question(s)</source><translation>
<numerusform>%n question</numerusform><numerusform>%n questions</numerusform></translation>
</message>
<message><source>Loading…</source><translation>Chargement…</translation></message>
</context></TS>"""


class Painted(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(QRect(0, 0, 400, 20), Qt.AlignmentFlag.AlignLeft, "fits in its box")
        painter.drawText(QRect(0, 30, 40, 20), Qt.AlignmentFlag.AlignLeft, "far too long a text")
        painter.drawText(QRect(0, 60, 400, 20), Qt.AlignmentFlag.AlignLeft, "Pending")


def test_the_walk_finds_cut_and_english_texts_and_passes_the_rest(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ts = tmp_path / "blueroom_fr.ts"
    ts.write_text(TS, encoding="utf-8")
    sources = english_sources(ts, code=["Not in the file yet"])
    window = QWidget()
    box = QVBoxLayout(window)
    texts = {
        "pending": QLabel("Pending"),
        "paris": QLabel("Paris"),
        "asked": QLabel("Ask Léa anything"),
        "count": QLabel("12 questions"),  # French says it the same way
        "new": QLabel("Not in the file yet"),
        "french": QLabel("Posez vos questions à Léa"),
        "elided": QLabel("A post cut short…"),
        "loading": QLabel("Chargement…"),  # a message whole: not cut
    }
    for label in texts.values():
        box.addWidget(label)
    narrow = QLabel("a label much wider than the room it is given")
    narrow.setFixedWidth(60)
    box.addWidget(narrow)
    button = QPushButton("A button much wider than itself")
    button.setFixedWidth(80)
    box.addWidget(button)
    field = QLineEdit()
    field.setPlaceholderText("a hint far longer than its field")
    field.setFixedWidth(70)
    box.addWidget(field)
    painted = Painted()
    painted.setFixedSize(400, 90)
    box.addWidget(painted)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    shown = list(shown_texts(window))
    english = untranslated(shown, sources)
    assert [line.split(" label ")[1] for line in english] == [
        "'Pending' is English ('Pending')",
        "'Ask Léa anything' is English ('Ask {guest} anything')",
        "'Not in the file yet' is English ('Not in the file yet')",
    ]
    cut = cut_texts(shown, sources)
    assert len(cut) == 4, cut
    assert "'A post cut short…': elided, and no tooltip" in cut[0]
    assert "'a label much wider than the room it is given':" in cut[1]
    assert "'A button much wider than itself':" in cut[2]
    assert "placeholder 'a hint far longer than its field':" in cut[3]
    texts["elided"].setToolTip("A post cut short, but whole in its tooltip")
    assert len(cut_texts(list(shown_texts(window)), sources)) == 3

    drawn = painted_texts(window)
    assert {"fits in its box", "far too long a text", "Pending"} <= {t.text for t in drawn}
    problems = painted_problems(window, drawn, sources)
    assert "painted 'Pending' is English ('Pending')" in problems
    assert any(p.startswith("painted 'far too long a text' cut:") for p in problems)
    assert not any("fits in its box" in p for p in problems)
