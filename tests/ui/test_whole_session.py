"""A whole session, walked by qtbot from start to end on the real room (its journal,
models and workers), for each shipped script: every segment entered and left with the
console's own run-of-show buttons, and for each move, its cues checked on the bus (the
models took them from the journal) and in the window a person would look at — the
questions wall shown or resting, the Q&A open or closed on the guest's pick view and
the wall, the booth armed or saying it opens in a moment, the video wall's badge, the
heat map's view, the holding slate — and the guest panel showing what the segment says
(a card, the pick view, the booth, the composer, the camera). At the end, the journal on
disk: every cue sent once, each with its event in the same batch, none left by hand."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.events import (
    BoothStep,
    CueSent,
    Event,
    HeatMapChanged,
    RoomSwitched,
    WallsHeld,
)
from blueroom.core.plan import PlanSegment
from blueroom.core.switches import CUE_SWITCHES
from blueroom.engine.room import Room, RoomOptions
from blueroom.paths import assets
from blueroom.settings import load_settings
from blueroom.store.journal import Journal, WriterStats
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.first_post import FirstPostView
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.walls.heatmap_wall import HeatmapWall
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.widgets.holding import HoldingSlates

LYON = (4.83, 45.76)  # the guest's town, for the map's "guest-city" cue
SCRIPTS = ("musician-first-visit", "chief-executive", "chef")


def settings_for(script: str) -> dict[str, str]:
    return {
        "BLUEROOM_SOURCE__KIND": '"none"',
        "BLUEROOM_SESSION__SCRIPT": f'"{script}"',
        "BLUEROOM_SESSION__LEVEL": '"first-timer"',
        "BLUEROOM_SESSION__LANGUAGE": '"en"',
        "BLUEROOM_SESSION__GUEST_CITY": '"Lyon"',
        "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "true",  # the guest's town is placed
    }


class Studio:
    """Every window the app builds, on one real room."""

    def __init__(self, qtbot: QtBot, room: Room) -> None:
        register_bundled_fonts()
        model, actions = room.model, room.actions
        event = room.settings.event
        self.qtbot = qtbot
        self.room = room
        frames = LatestFrameSlot()
        self.questions = QuestionsWall(
            model.questions, model.metrics, hashtag=event.hashtag,
            guest_name=event.guest_name, session=model.session,
        )  # fmt: skip
        self.video = VideoWall(
            frames, model.questions, model.metrics, hashtag=event.hashtag,
            guest_name=event.guest_name, session=model.session,
        )  # fmt: skip
        self.heat = HeatmapWall(
            model.heat, model.metrics, hashtag=event.hashtag, land_mask=assets().land_mask
        )
        self.booth = BoothView(model.booth, model.outbox, actions)
        self.first_post = FirstPostView(
            model.outbox, actions, None, hashtag=event.hashtag, guest_name=event.guest_name,
            language="en",
        )  # fmt: skip
        self.panel = GuestPanel(
            model.session, frames, guest_name=event.guest_name, board=model.questions,
            actions=actions, booth=self.booth, cues=model.cues, first_post=self.first_post,
        )  # fmt: skip
        self.console = OperatorConsole(
            model, actions, session_label="session test", bus_stats=list,
            journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
        )  # fmt: skip
        walls = (self.questions, self.video, self.heat, self.panel)
        self.slates = HoldingSlates(model.session, walls, event.hashtag)
        for window, size in (
            (self.questions, (960, 540)),
            (self.video, (960, 540)),
            (self.heat, (960, 540)),
            (self.panel, (1280, 800)),
            (self.console, (1366, 768)),
        ):
            qtbot.addWidget(window)
            window.resize(*size)
            window.show()
            qtbot.waitExposed(window)

    def look(self) -> None:
        """Each window takes its look at the room, as its own timer does."""
        self.panel._tick()
        self.questions.refresh()
        self.heat.refresh()
        self.console.refresh()
        self.slates.check()

    def stop(self) -> None:
        self.slates.stop()


@dataclass(frozen=True, slots=True)
class Move:
    """A move of the hour: the segment left (if any), the one entered ("" at the end)."""

    left: PlanSegment | None
    entered: PlanSegment | None

    @property
    def cues(self) -> list[str]:
        """Its cues, in the order the room sends them: the leaving ones first."""
        return [
            *(self.left.on_leave if self.left else ()),
            *(self.entered.on_enter if self.entered else ()),
        ]


def check_windows(studio: Studio, move: Move) -> None:
    """The move's cues as the windows show them (the last cue of each kind counts)."""
    wall, panel, video, heat = studio.questions, studio.panel, studio.video, studio.heat
    last: dict[str, str] = {}
    for cue in move.cues:
        kind = CUE_SWITCHES[cue][0].value if cue in CUE_SWITCHES else cue.split(".")[0]
        last[kind] = cue
    for cue in last.values():
        match cue:
            case "questions-wall.on":
                assert wall.shown and wall.resting.isHidden(), cue
            case "questions-wall.off":
                assert not wall.shown and wall.resting.isVisible(), cue
                hashtag, guest, _ = wall.resting.words()
                assert hashtag == "#AskBlueRoom" and guest, cue
            case "qa.open":
                assert panel.picker is not None and panel.picker.open, cue
                assert wall.mode != "closed", cue
            case "qa.close":
                assert panel.picker is not None and not panel.picker.open, cue
                assert wall.mode != "invite", cue  # the wall does not invite questions
            case "booth.arm":
                assert studio.room.model.booth.latest().step is not BoothStep.DISARMED, cue
            case "booth.disarm":
                assert studio.room.model.booth.latest().step is BoothStep.DISARMED, cue
            case "live-badge.on":  # no stream in this room: ON CAMERA, never LIVE
                studio.qtbot.waitUntil(lambda: video.badge_words == "ON CAMERA", timeout=3000)
            case "live-badge.off":
                studio.qtbot.waitUntil(lambda: video.badge_words == "", timeout=3000)
            case "walls.hold":
                assert all(slate.isVisible() for slate in studio.slates.slates), cue
            case "walls.release":
                assert not any(slate.isVisible() for slate in studio.slates.slates), cue
            case "map.guest-city":  # the wall's own view (the frame it shows), around Lyon
                studio.qtbot.waitUntil(
                    lambda: heat.refresh() or heat.view.name == "custom", timeout=3000
                )
                view = heat.view
                assert view.west < LYON[0] < view.east and view.south < LYON[1] < view.north
            case _ if cue.startswith("map."):
                name = cue.removeprefix("map.")
                studio.qtbot.waitUntil(
                    lambda name=name: heat.refresh() or heat.view.name == name, timeout=3000
                )
            case _:
                raise AssertionError(f"a cue this test does not know: {cue}")
    assert video.badge_words != "LIVE"  # never a LIVE badge without a stream


def check_guest_panel(studio: Studio, segment: PlanSegment) -> None:
    panel = studio.panel
    assert panel.shows == segment.shows
    match segment.shows:
        case "pick":
            assert panel.picking and panel.picker is not None and panel.picker.isVisible()
        case "composer":
            assert panel.composing and studio.first_post.isVisible()
        case "booth":
            assert panel.booth_showing and studio.booth.isVisible()
            # armed by the segment's cue: the booth invites the guest (never "opens soon")
            assert studio.booth.step is BoothStep.ATTRACT
            assert studio.booth.buttons[next(iter(studio.booth.buttons))].isVisible()
        case "live":
            assert panel.on_camera_step and panel.on_camera_words() is not None
            assert panel.on_camera_words()[0] == "ON CAMERA"  # type: ignore[index]
        case _:
            assert not (panel.picking or panel.composing or panel.booth_showing)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "j.sqlite"


def walk(qtbot: QtBot, script: str, journal: Path) -> float:
    """The whole hour of ``script``, from the console; returns the seconds it took."""
    started = time.monotonic()
    settings = load_settings(environ=settings_for(script))
    room = Room(settings, RoomOptions(journal_path=journal))
    room.start()
    studio: Studio | None = None
    try:
        studio = Studio(qtbot, room)
        show = room.model.show
        qtbot.waitUntil(
            lambda: show.latest().plan is not None and show.latest().plans, timeout=5000
        )
        plan = show.latest().plan
        assert plan is not None and plan.script_id == script
        segments = list(plan.active)
        # before the hour: what the script turns on is off
        studio.look()
        assert not studio.questions.shown and studio.questions.resting.isVisible()
        assert room.model.booth.latest().step is BoothStep.DISARMED
        assert studio.panel.picker is not None and not studio.panel.picker.open
        panel = studio.console.run_of_show
        sent = 0
        for index, segment in enumerate([*segments, None]):
            move = Move(segments[index - 1] if index else None, segment)
            button = panel.start_button if index == 0 else panel.next_button
            assert button.isEnabled()
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            sent += len(move.cues)

            def arrived(segment: PlanSegment | None = segment, sent: int = sent) -> bool:
                state = show.latest()
                where = state.current == segment.id if segment else state.finished
                studio.look()  # type: ignore[union-attr]
                return where and state.cues_sent == sent and not state.owed

            qtbot.waitUntil(arrived, timeout=5000)
            # the cues reached the bus: journalled, then taken by the models
            notes = show.latest().recent_cues[-len(move.cues) :] if move.cues else ()
            assert [n.cue for n in notes] == move.cues
            assert all(n.acted for n in notes), [n.how for n in notes if not n.acted]
            check_windows(studio, move)
            if segment is not None:
                check_guest_panel(studio, segment)
            assert "by hand" not in panel.cues.text()
        state = show.latest()
        assert state.finished and state.not_acted == ()
        assert [r.visits for r in state.records if r.segment_id in {s.id for s in segments}] == [
            1
        ] * len(segments)
        # the console's switches say where the room ended
        switches = room.model.session.latest().switches
        shown = {s: b.isChecked() for s, b in studio.console.switches.buttons.items()}
        assert shown == {s: switches.get(s) for s in shown}
        expected_cues = sum(len(s.on_enter) + len(s.on_leave) for s in segments)
        assert sent == expected_cues == state.cues_sent
    finally:
        if studio is not None:
            studio.stop()
        room.stop()
    check_journal(journal, expected_cues)
    return time.monotonic() - started


def check_journal(path: Path, cues: int) -> None:
    """On disk: each cue once, each switch, map or hold event in its CueSent's batch."""
    reader = Journal.reader(path)
    try:
        (session,) = reader.sessions()
        batches = list(reader.read(session.id))
    finally:
        reader.close()
    sent = [e for batch in batches for e in batch if isinstance(e, CueSent)]
    assert len(sent) == cues
    assert len({(e.move, e.cue, e.entering) for e in sent}) == cues  # never twice
    for batch in batches:
        for position, event in enumerate(batch):
            if not isinstance(event, CueSent):
                continue
            follower: Event = batch[position + 1]
            if event.cue in CUE_SWITCHES:
                assert isinstance(follower, RoomSwitched)
                assert (follower.switch, follower.on) == CUE_SWITCHES[event.cue]
                assert follower.actor == "cue" and follower.at == event.at
            elif event.cue.startswith("map."):
                assert isinstance(follower, HeatMapChanged) and follower.actor == "cue"
            else:
                assert isinstance(follower, WallsHeld) and follower.actor == "cue"


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_whole_session_of_a_shipped_script_walked_from_the_console(
    qtbot: QtBot, journal: Path, script: str
) -> None:
    seconds = walk(qtbot, script, journal)
    assert seconds < 20.0  # each stays a test of the normal run (2-4 s here)
