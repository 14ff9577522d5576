"""The X cost on the console: the amount against the budget, the bar filled to what is
spent (blue, amber from 80 %, red once reading stopped), the counts and the prices' date,
fed by the real cost meter, in the console's feeds and through the engine's message."""

from __future__ import annotations

import msgspec
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from blueroom.core.cost import CostMeter, CostSettings
from blueroom.core.events import XUsage
from blueroom.engine.protocol import Cost, ToClient
from blueroom.engine.remote import RemoteModels
from blueroom.ui import theme
from blueroom.ui.operator.activity_log import activity_line
from blueroom.ui.operator.cost import BAR_HEIGHT, CostLine
from tests.ui.console_layout import make_console, small_room


def _bar_colour(line: CostLine, share: float) -> QColor:
    image = line.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio()
    y = round((line.height() - BAR_HEIGHT / 2) * ratio)
    return image.pixelColor(round(line.width() * share * ratio), y)


def test_the_cost_line_shows_the_amount_the_budget_and_a_bar_of_what_is_spent(
    qtbot: QtBot,
) -> None:
    meter = CostMeter(CostSettings(budget=10.0))
    line = CostLine(meter)
    qtbot.addWidget(line)
    line.resize(400, line.height())
    line.show()
    qtbot.waitExposed(line)
    assert line.text() == "$0.00 of $10.00 · 0 reads · 0 posts · prices 2026-08"

    meter.apply([XUsage(what="stream", reads=1_000)])  # $5.00: half the budget
    line.refresh()
    assert line.text() == "$5.00 of $10.00 · 1,000 reads · 0 posts · prices 2026-08"
    assert line.level() == theme.ACCENT
    assert _bar_colour(line, 0.25) == theme.ACCENT
    assert _bar_colour(line, 0.75) == theme.DEEP, "the rest of the bar is empty"
    tip = line.toolTip()
    assert "Prices as published 2026-08" in tip and "1,000 reads counted without post ids" in tip

    meter.apply([XUsage(what="stream", reads=600)])  # $8.00: 80 %
    line.refresh()
    assert line.level() == theme.AMBER and _bar_colour(line, 0.75) == theme.AMBER

    meter.apply([XUsage(what="post", posts_with_link=10)])  # $10.00
    meter.apply(meter.due())
    line.refresh()
    assert line.shown.reached and line.level() == theme.LIVE
    assert _bar_colour(line, 0.99) == theme.LIVE
    assert "Budget reached: reading stopped; posting still works" in line.toolTip()


def test_without_a_budget_the_line_says_so_and_draws_no_bar(qtbot: QtBot) -> None:
    meter = CostMeter(CostSettings())
    meter.apply([XUsage(what="stream", reads=13_000)])
    line = CostLine(meter)
    qtbot.addWidget(line)
    line.resize(500, line.height())
    line.show()
    qtbot.waitExposed(line)
    assert line.text().startswith("$65.00, no budget · 13,000 reads")
    assert _bar_colour(line, 0.5) == theme.DEEP


def test_the_console_shows_the_cost_from_the_models(qtbot: QtBot) -> None:
    model, actions = small_room()
    model.cost.prices = CostSettings(budget=20.0)
    console = make_console(model, actions)
    qtbot.addWidget(console)
    model.apply([XUsage(what="stream", reads=400), XUsage(what="post", posts=2)])
    for _ in range(4):  # the cost is refreshed on one tick of four
        console.refresh()
    assert console.feeds.cost is not None
    assert console.feeds.cost.text().startswith("$2.03 of $20.00 · 400 reads · 2 posts")


def test_the_cost_travels_to_the_screens_in_its_own_message() -> None:
    meter = CostMeter(CostSettings(budget=20.0, prices_as_of="2026-09"))
    meter.apply([XUsage(what="stream", reads=7)])
    sent = msgspec.msgpack.encode(Cost(meter.snapshot()))
    received = msgspec.msgpack.Decoder(ToClient).decode(sent)
    assert isinstance(received, Cost)
    remote = RemoteModels((), lambda query: None)
    remote.cost.value = received.snapshot
    assert remote.cost.latest() == meter.latest()
    assert remote.cost.latest().prices_as_of == "2026-09"


def test_the_budget_events_read_plainly_in_the_activity_log() -> None:
    meter = CostMeter(CostSettings(budget=1.0))
    meter.apply([XUsage(what="stream", reads=170)])
    (warning,) = meter.due(0.0)
    assert (activity_line(warning) or "").endswith("X cost at $0.85, 85% of the $1.00 budget")
    meter.apply([XUsage(what="stream", reads=30)])
    (reached,) = meter.due(0.0)
    said = activity_line(reached) or ""
    assert said.endswith("X budget of $1.00 reached: reading stopped; posting still works")
