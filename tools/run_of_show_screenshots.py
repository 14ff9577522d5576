"""Screenshots of the run-of-show: the planning dialog's timeline of the hour, and the
console at 1366×768 with the clock running late (a musician's first visit, the first
post overran, the questions overrun: what follows re-timed against the guest's
departure). Offscreen; the models are the real ones, driven by a fixed clock.

    python tools/run_of_show_screenshots.py [folder]   (default: docs/screenshots)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from blueroom.core.actions import RoomActions  # noqa: E402
from blueroom.core.events import Event, RunOfShowMoved, SessionPlanned, ShowAction  # noqa: E402
from blueroom.core.plan import Guest, added, clock_time, plan_from_script, skipped  # noqa: E402
from blueroom.core.script import load_script  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.operator.console import OperatorConsole, shipped_scripts  # noqa: E402
from blueroom.ui.operator.planning import PlanningDialog  # noqa: E402
from tests.ui.console_layout import make_console, small_room  # noqa: E402

MIN = 60.0


class FixedClock:
    def __init__(self, at: float) -> None:
        self.at = at

    def now(self) -> float:
        return self.at

    def monotonic(self) -> float:
        return self.at


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    register_bundled_fonts()
    start = clock_time(18, 0, clock_time(12, 0, 1_796_000_000.0))
    script = load_script(assets().scripts / "musician-first-visit.toml")
    guest = Guest("Léa Marchand", "@leamarchand", language="en", city="Lyon")
    plan = plan_from_script(
        script, guest, hashtag="#AskBlueRoom", hard_end=start + 60 * MIN, starts_at=start
    )

    # the planning: the map skipped, a song of her own after the questions
    clock = FixedClock(start - 20 * MIN)
    adapted = added(skipped(plan, "map"), "questions", "Acoustic song", 4)
    dialog = PlanningDialog(adapted, shipped_scripts(), lambda p: None, clock=clock)
    dialog.resize(1200, 700)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(folder / "run_of_show_planning.png"))
    dialog.close()

    # the console, running late
    model, _ = small_room()
    events: list[Event] = []

    def publish(event: Event) -> int:
        events.append(event)
        model.apply([event])
        return 0

    def tick(at: float) -> None:
        for event in model.show.due(at):
            publish(event)

    actions = RoomActions(publish, model.session, "demo")
    publish(SessionPlanned(plan=plan, at=start - 30 * MIN))
    publish(RunOfShowMoved(action=ShowAction.START, at=start))
    tick(start + 5 * MIN + 1)  # the first post follows the welcome
    publish(RunOfShowMoved(action=ShowAction.NEXT, at=start + 14 * MIN + 30))  # 3½ over
    now = start + 40 * MIN + 10
    tick(now)
    reference = make_console(model, actions)
    console = OperatorConsole(
        model,
        actions,
        session_label=reference.session_label.text(),
        bus_stats=reference._bus_stats,
        journal_stats=lambda: reference.feeds._journal_stats(),  # type: ignore[attr-defined]
        clock=FixedClock(now),
    )
    reference.close()
    console.resize(1366, 768)
    console.show()
    app.processEvents()
    console.refresh()
    app.processEvents()
    console.grab().save(str(folder / "run_of_show_console_late.png"))
    console.run_of_show.grab().save(str(folder / "run_of_show_clock_late.png"))
    console.close()
    print(f"written in {folder}")


if __name__ == "__main__":
    main()
