"""The operator console on any laptop: at 1366×768, 1440×900, 1280×800 and 1920×1080, at
device pixel ratio 1 and 2, no panel overlaps another, none is crushed to a sliver, every
view tab is reachable and the run of show's timeline shows every segment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.console_layout import SIZES, make_console, measure, problems, small_room

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_console_fits_the_screen_with_every_panel_whole(
    qtbot: QtBot, width: int, height: int
) -> None:
    model, actions = small_room()
    console = make_console(model, actions)
    qtbot.addWidget(console)
    layout = measure(console, width, height)
    assert problems(layout, width, height) == []


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_console_of_a_room_reading_x_live_fits_with_its_x_row_and_cost(
    qtbot: QtBot, width: int, height: int
) -> None:
    model, actions = small_room(source="x")
    console = make_console(model, actions, live=True)
    qtbot.addWidget(console)
    console.feeds.refresh_states()
    console.feeds.refresh_cost()
    layout = measure(console, width, height)
    assert console.feeds.cost is not None and console.feeds.cost.isVisible()
    assert "12,400" in console.feeds.cost.text()
    assert problems(layout, width, height) == []


def test_the_console_fits_every_size_at_device_pixel_ratio_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.console_layout", *(f"{w}x{h}" for w, h in SIZES)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    for size, found in measured.items():
        assert found["layout"]["ratio"] == 2.0, size
        assert found["problems"] == [], size


def test_the_rule_finds_a_console_too_big_for_a_laptop() -> None:
    """The check itself: the console as it was (1545×774 at least) fails at 1366×768."""
    from tests.ui.console_layout import Layout, Rect

    panel = Rect(0, 0, 500, 400)
    old = Layout((1545, 774), (1545, 774), {"moderation": panel}, True, 6, 6, 1.0)
    found = problems(old, 1366, 768)
    assert any("more than a 1366×768 screen" in p for p in found)
    assert any("laid out at" in p for p in found)


def test_the_export_dialog_s_column_headers_are_readable_on_the_console_s_colours(
    qtbot: QtBot,
) -> None:
    """Its headers were white on white: the console's style left them the default."""
    import numpy as np
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog, QHeaderView

    model, actions = small_room()
    console = make_console(model, actions)
    qtbot.addWidget(console)
    dialog = QFileDialog(console, "Export questions", str(ROOT))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    headers = [h for h in dialog.findChildren(QHeaderView) if h.isVisible()]
    assert headers, "the detail view shows its column headers"
    image = headers[0].grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())  # type: ignore[call-overload]
    pixels = pixels.reshape(image.height(), image.bytesPerLine())[:, : image.width()]
    background = float(np.median(pixels))
    ink = float(np.percentile(np.abs(pixels.astype(int) - background), 99))
    assert ink > 80, f"header text stands out from its background ({background:.0f})"


def test_the_program_cards_draw_whole_lines_of_a_long_question_at_a_laptop_s_width(
    qtbot: QtBot,
) -> None:
    """The preview card's last line was cut through its letters by the card's edge."""
    import numpy as np
    from PySide6.QtGui import QImage

    from blueroom.core.events import QuestionState
    from blueroom.core.questions import Question
    from blueroom.ui.operator.program import ProgramPanel

    long = Question(
        tweet_id="1",
        text="Hello from Rennes! will there be an acoustic version of Minuit a Lisbonne? "
        "and a vinyl edition with the demos of the first album, the one from 2019 "
        "#AskBlueRoom",
        handle="@itsines1011",
        name="Inès",
        followers=140,
        lang="en",
        received_at=0.0,
        state=QuestionState.APPROVED,
        changed_at=0.0,
    )
    panel = ProgramPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 268)
    panel.set_questions(long, long)
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())  # type: ignore[call-overload]
    pixels = pixels.reshape(image.height(), image.bytesPerLine())[:, : image.width()]
    ratio = image.devicePixelRatio()
    half = (panel.height() - 12) / 2
    for box_top in (1, half + 11):
        body_bottom = round((box_top + half - 2 - 10) * ratio)  # the card's text box ends
        edge = pixels[body_bottom - 2 : body_bottom + 1, round(20 * ratio) : -round(20 * ratio)]
        assert edge.max() < 150, "no letter cut by the card's edge"


def test_f10_gives_the_tabs_the_feeds_place_on_a_laptop_and_back(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    model, actions = small_room()
    console = make_console(model, actions)
    qtbot.addWidget(console)
    measure(console, 1366, 768)
    narrow = console.side_tabs.height()
    assert console.feeds.isVisible() and not console.widen_tabs.isChecked()

    qtbot.keyClick(console, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: not console.feeds.isVisible())
    wide_layout = measure(console, 1366, 768)
    assert console.side_tabs.height() >= narrow + 200, (narrow, console.side_tabs.height())
    assert problems(wide_layout, 1366, 768) == []
    assert "F10" in console.widen_tabs.toolTip()

    console.widen_tabs.click()  # the corner's button, as the key
    qtbot.waitUntil(console.feeds.isVisible)
    measure(console, 1366, 768)
    assert console.side_tabs.height() == narrow
