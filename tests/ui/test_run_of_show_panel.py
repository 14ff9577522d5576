"""The console's run-of-show clock and planning, driving a session of the real models
with a fake clock: what the operator reads, and what each button does to the hour."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import Event, SessionPlanned
from blueroom.core.models import RoomModel
from blueroom.core.plan import Guest, Plan, plan_from_script
from blueroom.core.script import load_script
from blueroom.core.session import default_script
from blueroom.paths import assets
from blueroom.ui import theme
from blueroom.ui.operator.console import shipped_scripts
from blueroom.ui.operator.planning import PlanningDialog
from blueroom.ui.operator.run_of_show import RunOfShowPanel

T0 = 1_800_000_000.0
MIN = 60.0


class FakeClock:
    def __init__(self, now: float) -> None:
        self.at = now

    def now(self) -> float:
        return self.at

    def monotonic(self) -> float:
        return self.at


class Session:
    """The room's models fed as the engine feeds them: each event applied as published,
    the clock's timers asked at each tick."""

    def __init__(self, plan: Plan) -> None:
        rules = QuestionRules(hashtags=frozenset({"askblueroom"}))
        self.model = RoomModel(rules, default_script("Léa Marchand", "#AskBlueRoom"), 600.0)
        self.events: list[Event] = []
        self.clock = FakeClock(T0)
        self.actions = RoomActions(self.publish, self.model.session, "test")
        self.publish(SessionPlanned(plan=plan, at=T0 - MIN))

    def publish(self, event: Event) -> int:
        self.events.append(event)
        self.model.apply([event])
        return 0

    def tick(self, seconds: float = 0.0) -> None:
        self.clock.at += seconds
        for event in self.model.show.due(self.clock.at):
            self.publish(event)


def musician(hard_end: float) -> Plan:
    script = load_script(assets().scripts / "musician-first-visit.toml")
    return plan_from_script(
        script,
        Guest("Léa Marchand", "@lea", language="en"),
        hashtag="#AskBlueRoom",
        hard_end=hard_end,
    )


@pytest.fixture
def session() -> Iterator[Session]:
    yield Session(musician(T0 + 60 * MIN))


def color_of(panel: RunOfShowPanel) -> str:
    return panel.big.styleSheet()


def test_the_clock_panel_drives_a_session(qtbot: QtBot, session: Session) -> None:
    panel = RunOfShowPanel(session.model.show, session.actions, clock=session.clock)
    qtbot.addWidget(panel)
    panel.resize(380, 420)
    panel.show()
    shown: list[int] = []
    panel.shown.connect(shown.append)
    assert panel.big.text() == "–:––" and "Not started" in panel.segment.text()

    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    session.tick(0.2)
    panel.refresh()
    assert session.model.show.latest().current == "welcome"
    assert panel.big.text() == "5:00" and panel.segment.text().startswith(
        "Welcome to the Blue Room"
    )
    assert session.model.session.latest().current == 0
    assert "Cues: 2 sent" in panel.cues.text()  # walls released, map to the world

    session.tick(4 * MIN + 1)
    panel.refresh()
    assert panel.big.text() == "0:59" and theme.AMBER.name() in color_of(panel)

    # the first post follows the welcome by itself, at the welcome's end
    session.tick(MIN)
    panel.refresh()
    state = session.model.show.latest()
    assert state.current == "first-post" and state.started_at == T0 + 5 * MIN
    assert session.model.session.latest().current == 1  # the guest panel's step follows
    assert "Questions" in panel.next.text() and "by hand" in panel.next.text()

    # the first post overruns by 3 minutes: red, behind, and what follows re-timed
    session.tick(6 * MIN + 3 * MIN - 1)
    panel.refresh()
    assert panel.big.text() == "+3:00" and theme.LIVE.name() in color_of(panel)
    assert panel.offset.text() == "3:00 behind"
    assert panel.advice.isVisible() and "→" in panel.advice.text()
    assert "guest leaves" in panel.ends.text()

    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    session.tick(0.2)
    panel.refresh()
    state = session.model.show.latest()
    assert state.current == "questions" and state.allotted < 22 * MIN
    # questions-wall.on and qa.open: acted on by the room, none left to do by hand
    assert panel.cues.text() == "Cues: 4 sent" and "by hand" not in panel.cues.text()
    assert "qa.open — Q&A open" in panel.cues.toolTip()
    allotted = state.allotted

    qtbot.mouseClick(panel.extend_button, Qt.MouseButton.LeftButton)
    assert session.model.show.latest().allotted == allotted + MIN
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    panel.refresh()
    frozen = panel.big.text()
    session.tick(2 * MIN)
    panel.refresh()
    assert panel.big.text() == frozen and "PAUSED" in panel.phase.text()
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    session.tick(1)
    panel.refresh()
    assert panel.big.text() != frozen

    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)  # the live video
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    session.tick(0.2)
    panel.refresh()
    assert session.model.show.latest().current == "mirror"
    assert session.model.session.latest().step.id == "mirror"
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert session.model.show.latest().current == "questions"
    assert shown and shown[0] == 5 * 60

    # a second Next before the engine answered moves from where the first one led
    session.actions = RoomActions(lambda e: 0, session.model.session, "test")
    blind = RunOfShowPanel(session.model.show, session.actions, clock=session.clock)
    qtbot.addWidget(blind)
    sent: list[Event] = []
    blind._actions = RoomActions(lambda e: sent.append(e) or 0, session.model.session, "t")
    blind.next_segment()
    blind.next_segment()
    assert [getattr(e, "from_segment", None) for e in sent] == ["questions", "mirror"]


def test_the_big_clock_changes_on_its_second(qtbot: QtBot, session: Session) -> None:
    """The panel's own timer is set to the moment the shown second changes."""
    panel = RunOfShowPanel(session.model.show, session.actions, clock=session.clock)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    session.clock.at += 0.25
    panel.refresh()
    assert panel._tick.isActive() and 745 <= panel._tick.remainingTime() <= 760


def test_planning_adapts_the_script_and_replans_the_session(qtbot: QtBot, session: Session) -> None:
    plan = session.model.show.latest().plan
    assert plan is not None
    published: list[Plan] = []
    dialog = PlanningDialog(plan, shipped_scripts(), published.append, clock=session.clock)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 700)
    dialog.show()
    assert dialog.table.rowCount() == len(plan.segments)
    blocks = dialog.timeline.block_rects()
    assert len(blocks) == len(plan.active)
    # to scale: the questions (22 min) are 22/5 of the welcome (5 min)
    ratio = blocks[2].width() / blocks[0].width()
    assert ratio == pytest.approx(22 / 5, rel=0.02)

    dialog.table.selectRow(plan.index_of("map") or 0)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    dialog.table.selectRow(dialog.plan.index_of("questions") or 0)
    dialog.minutes.setValue(25.0)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)  # before the first post
    dialog.new_title.setText("Acoustic song")
    dialog.new_minutes.setValue(4.0)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.no_hard_end.setChecked(False)
    dialog.city.setText("Lyon")
    assert "min" in dialog.summary.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    (new,) = published
    ids = [s.id for s in new.active]
    assert ids[:4] == ["welcome", "questions", "added-1", "first-post"] and "map" not in ids
    assert new.segments[new.index_of("questions") or 0].minutes == 25.0
    assert new.guest.city == "Lyon" and new.hard_end > 0
    session.actions.plan(new)
    steps = session.model.session.latest().steps
    assert [s.id for s in steps] == ids  # the guest panel's steps are the plan's
    assert steps[2].title == "Acoustic song"
