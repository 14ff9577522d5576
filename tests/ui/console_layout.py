"""The operator console laid out at a laptop's or a wall's size: where each panel lands.

Run by ``test_console_layout.py`` in the test process (device pixel ratio 1) and in a
subprocess with ``QT_SCALE_FACTOR=2`` (``python -m tests.ui.console_layout W×H ...``
prints the measures as JSON).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.demo_posts import demo_posts
from blueroom.core.actions import RoomActions
from blueroom.core.bus import Overflow, SubscriptionStats
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    CameraState,
    CameraStateChanged,
    Event,
    SourceState,
    SourceStateChanged,
    TweetReceived,
    XUsage,
)
from blueroom.core.models import RoomModel
from blueroom.core.session import default_script
from blueroom.sources import x_status as fig
from blueroom.sources.source import SourceStats
from blueroom.store.journal import WriterStats
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.operator.console import OperatorConsole

SIZES = ((1366, 768), (1440, 900), (1280, 800), (1920, 1080))
# What a window may lose to a title bar and a task bar on a laptop.
DESKTOP_CHROME = 40
# The smallest each panel stays useful at (width, height), in device-independent pixels.
MINIMUM = {
    "figures": (700, 60),
    "moderation": (420, 330),
    "queue": (400, 150),  # two cards at least
    "moderation buttons": (400, 40),
    "running order": (280, 330),
    "run of show": (240, 180),
    "feeds": (240, 150),
    "side tabs": (240, 110),
}


@dataclass(frozen=True, slots=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    def intersects(self, other: Rect) -> bool:
        return (
            self.x < other.x + other.width
            and other.x < self.x + self.width
            and self.y < other.y + other.height
            and other.y < self.y + self.height
        )

    def inside(self, width: int, height: int) -> bool:
        return (
            self.x >= 0
            and self.y >= 0
            and self.x + self.width <= width
            and (self.y + self.height <= height)
        )


@dataclass(frozen=True, slots=True)
class Layout:
    size: tuple[int, int]  # the console's, as laid out
    minimum: tuple[int, int]  # its minimum size hint
    panels: dict[str, Rect]
    tabs_reachable: bool
    steps_shown: int
    steps: int
    ratio: float


def small_room(source: str = "replay") -> tuple[RoomModel, RoomActions]:
    """A room as the demo shows it; ``source="x"``: reading X live (see ``live_x``)."""
    model = RoomModel(
        QuestionRules(
            hashtags=frozenset({"askblueroom"}),
            guest_handles=frozenset({"leamarchand"}),
            room_handles=frozenset({"blueroomfr"}),
        ),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        keep_posts=False,
    )
    events: list[Event] = [  # the feeds as the demo shows them: long details, wrapped
        SourceStateChanged(
            source=source,
            state=SourceState.RUNNING,
            detail="askblueroom.jsonl.gz at 60×, loop 1" if source == "replay" else "streaming",
        ),
        CameraStateChanged(
            state=CameraState.LIVE,
            device="demo",
            detail="/work/main/blueroom/assets/demo/studio.mp4 960×540 @ 25 fps",
        ),
    ]
    events += [
        TweetReceived(tweet=tweet, at=1_790_000_000.0 + n)
        for n, tweet in enumerate(demo_posts()[9_000:9_400])
    ]
    model.apply(events)

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    return model, RoomActions(publish, model.session, "layout")


def live_x(model: RoomModel) -> list[SourceStats]:
    """A room reading X live: the X row, its cost line (a budget, reads billed) and a
    source that reconnected, as the console shows them in a real room."""
    model.apply([XUsage(what="stream", reads=12_400, at=1_790_000_500.0)])
    figures = (
        (fig.CONNECTED, 1.0),
        (fig.LAST_POST_AT, 1_790_000_400.0),
        (fig.RECONNECTS, 2.0),
        (fig.BACKFILLED, 35.0),
        (fig.BACKFILLS, 1.0),
        (fig.LINES, 12_400.0),
    )
    return [SourceStats("x", "live", SourceState.RUNNING, "streaming", 12_400, 0, "", figures)]


def make_console(model: RoomModel, actions: RoomActions, *, live: bool = False) -> OperatorConsole:
    sources = live_x(model) if live else None
    return OperatorConsole(
        model,
        actions,
        session_label="session 20261205-200000",
        bus_stats=lambda: [
            SubscriptionStats("journal", Overflow.BLOCK, 10_000, 0, 1_563, 0, 12, False)
        ],
        journal_stats=lambda: WriterStats(900, 4, 904, 0.4, True, "", 0),
        sources=lambda: (
            sources
            or [
                SourceStats(
                    "replay",
                    "replay",
                    SourceState.RUNNING,
                    "askblueroom.jsonl.gz at 60×, loop 1",
                    900,
                    0,
                    "loop 1, line 901",
                )
            ]
        ),
    )


def _rect(widget: QWidget, root: QWidget) -> Rect:
    top_left = widget.mapTo(root, widget.rect().topLeft())
    return Rect(top_left.x(), top_left.y(), widget.width(), widget.height())


def measure(console: OperatorConsole, width: int, height: int) -> Layout:
    register_bundled_fonts()  # as the room runs (and as any earlier test left them)
    console.resize(width, height)
    console.show()
    QApplication.processEvents()
    moderation = console.moderation
    panels = {
        "figures": console.figures,
        "moderation": moderation,
        "queue": moderation.queue,
        "moderation buttons": moderation.buttons["approve"].parentWidget(),
        "running order": console.running_order,
        "run of show": console.run_of_show,
        "feeds": console.feeds,
        "side tabs": console.side_tabs,
    }
    # a panel the operator hid (F10 hides the feeds) takes no place
    rects = {name: _rect(w, console) for name, w in panels.items() if w.isVisibleTo(console)}
    buttons = [_rect(b, console) for b in moderation.buttons.values()]
    top = min(b.y for b in buttons)
    bottom = max(b.y + b.height for b in buttons)
    rects["moderation buttons"] = Rect(
        min(b.x for b in buttons),
        top,
        max(b.x + b.width for b in buttons) - min(b.x for b in buttons),
        bottom - top,
    )
    tabs = moderation.tabs
    reachable = True
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)  # as a click on the tab bar's arrows, or keys 1–9, do
        QApplication.processEvents()
        shown: QRect = tabs.tabRect(index)
        reachable = reachable and tabs.rect().contains(shown.center())
    tabs.setCurrentIndex(0)
    timeline = console.run_of_show.timeline  # the hour's segments, each a block to scale
    inside = timeline.rect().toRectF()
    blocks = timeline.block_rects()
    shown_steps = sum(inside.contains(block) for block in blocks) if timeline.isVisible() else 0
    hint = console.minimumSizeHint()
    return Layout(
        (console.width(), console.height()),
        (hint.width(), hint.height()),
        rects,
        reachable,
        shown_steps,
        len(blocks),
        console.devicePixelRatioF(),
    )


def problems(layout: Layout, width: int, height: int) -> list[str]:
    """What is wrong with a layout at this screen size: none when all is well."""
    found = []
    if layout.minimum[0] > width or layout.minimum[1] > height - DESKTOP_CHROME:
        found.append(f"needs {layout.minimum}, more than a {width}×{height} screen gives")
    if layout.size != (width, height):
        found.append(f"laid out at {layout.size}, not {width}×{height}")
    names = list(layout.panels)
    nested = {("moderation", "queue"), ("moderation", "moderation buttons")}
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            if (first, second) in nested:
                continue
            if layout.panels[first].intersects(layout.panels[second]):
                found.append(f"{first} overlaps {second}")
    for name, rect in layout.panels.items():
        least_w, least_h = MINIMUM[name]
        if rect.width < least_w or rect.height < least_h:
            found.append(f"{name} crushed to {rect.width}×{rect.height}")
        if not rect.inside(*layout.size):
            found.append(f"{name} outside the window")
    if not layout.tabs_reachable:
        found.append("a view tab cannot be reached")
    if layout.steps_shown < layout.steps:
        found.append(f"the hour's timeline shows {layout.steps_shown} of {layout.steps} segments")
    return found


def main(sizes: list[str]) -> None:
    app = QApplication([])
    from blueroom.ui.fonts import register_bundled_fonts

    register_bundled_fonts()
    model, actions = small_room()
    results = {}
    for size in sizes:
        width, height = (int(n) for n in size.split("x"))
        console = make_console(model, actions)
        layout = measure(console, width, height)
        results[size] = {"layout": asdict(layout), "problems": problems(layout, width, height)}
        console.close()
        console.deleteLater()
        app.processEvents()
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
