"""The console's broadcast statistics: real windows painting offscreen, a running
recorder, the colours at their thresholds, and the panel as approved."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from benchmarks.programme import on_air_room
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.machine import MachineStats, ProcessLoad
from blueroom.capture.output_stats import OutputState, OutputStats
from blueroom.capture.recorder import Recorder, RecordingOptions
from blueroom.core.broadcast_stats import DiskRule, FrameMeter, Level
from blueroom.ui import theme
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.i18n import decimal
from blueroom.ui.operator.broadcast import BroadcastPanel
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from tests.ui.test_approved_images import looks_as_approved

MB = 1024 * 1024
GB = 1024 * MB
FPS = 25
NOW = 500.0  # the panel's clock in the tests that fix it (perf_counter seconds)


def picture(n: int) -> np.ndarray:
    image = np.full((180, 320, 3), 40, dtype=np.uint8)
    image[:, :, 2] = (n * 9) % 255
    return image


def machine(
    *loads: tuple[str, float, int], cores: int = 2, disk_free: int = 200 * GB
) -> MachineStats:
    return MachineStats(
        tuple(ProcessLoad(name, (1000 + n,), cpu, rss) for n, (name, cpu, rss) in enumerate(loads)),
        cores, 6 * GB, 16 * GB, disk_free, 500 * GB, (), 1.0,
    )  # fmt: skip


class StandInStream:
    """The stream's figures as the streamer (being written apart) will report them."""

    def __init__(self, stats: OutputStats) -> None:
        self.stats = stats

    def output_stats(self) -> OutputStats:
        return self.stats


def steady(meter: FrameMeter, ms: float, *, fps: float = 20.0, until: float = NOW) -> None:
    """Five seconds of paints of ``ms`` each, ``fps`` a second, up to ``until``."""
    count = int(5 * fps)
    for n in range(count):
        ended = until - 5.0 + (n + 1) / fps - 1e-6
        meter.paint(ended - ms / 1000, ended)


@pytest.fixture
def camera_feed(qtbot: QtBot) -> Iterator[LatestFrameSlot]:
    """A camera at 25 frames a second, put by a timer on the GUI thread."""
    slot = LatestFrameSlot()
    count = [0]

    def put() -> None:
        count[0] += 1
        slot.put(picture(count[0]))

    timer = QTimer()
    timer.timeout.connect(put)
    timer.start(1000 // FPS)
    yield slot
    timer.stop()


def test_the_panel_shows_the_paints_of_real_windows_against_their_budgets(
    qtbot: QtBot, camera_feed: LatestFrameSlot
) -> None:
    model = on_air_room()
    video = VideoWall(camera_feed, model.questions, model.metrics, hashtag="#A", guest_name="Léa")
    questions = QuestionsWall(
        model.questions, model.metrics, hashtag="#A", guest_name="Léa", refresh_hz=10
    )
    panel = BroadcastPanel()
    for widget in (video, questions, panel):
        qtbot.addWidget(widget)
    video.resize(640, 360)
    questions.resize(640, 360)
    video.show()
    questions.show()
    panel.watch("video_wall", video.frame_meter, camera=camera_feed, shown=video.isVisible)
    panel.watch("questions_wall", questions.frame_meter, shown=questions.isVisible)
    qtbot.waitUntil(lambda: video.frame_meter.camera_frames >= 40, timeout=10_000)
    panel.resize(360, 600)
    panel.show()
    panel.refresh()
    wall = panel.windows["video_wall"]
    assert wall.fps > 10, "about the camera's 25 frames a second"
    assert wall.median_ms is not None and wall.p95_ms is not None
    assert 0 < wall.median_ms <= wall.p95_ms
    assert wall.budget_ms == pytest.approx(1000 / FPS, rel=0.25), "the camera's frame period"
    assert wall.dropped == camera_feed.stats().frames_dropped
    wall_meter = video.frame_meter
    assert wall_meter.missed < wall_meter.camera_frames / 2  # offscreen, a loaded machine
    board = panel.windows["questions_wall"]
    assert board.budget_ms == pytest.approx(100.0), "its own tick: 10 a second"
    assert board.median_ms is not None and board.dropped is None
    texts = panel.sheet.texts()
    assert "Video wall" in texts and "Questions" in texts
    assert decimal(wall.median_ms, 1) in texts and decimal(wall.budget_ms, 0) in texts
    video.hide()
    panel.refresh()
    assert "closed" in panel.sheet.texts()


def test_a_running_recorder_shows_its_length_size_and_frames(qtbot: QtBot, tmp_path: Path) -> None:
    slot = LatestFrameSlot()
    options = RecordingOptions(width=320, height=180, fps=30, preset="ultrafast")
    recorder = Recorder(slot, tmp_path / "videos", lambda f: np.asarray(f.image), lambda e: 0,
                        options=options)  # fmt: skip
    recorder.start()
    try:
        panel = BroadcastPanel(clock=lambda: NOW)
        qtbot.addWidget(panel)
        rule = DiskRule(6_000_000 / 8, 500 * MB, 1_000 * MB, 10.0)
        panel.watch_outputs(recorder, None, disk=rule)
        panel.watch_machine(lambda: machine(("screens", 30.0, 200 * MB)))
        panel.refresh()
        assert panel.sheet.texts()[panel.sheet.texts().index("Recording") + 1] == "stopped"
        assert "no stream set up" in panel.sheet.texts()
        recorder.begin()
        assert recorder.wait_for(lambda s: s.recording, 5.0)
        start = time.monotonic()
        for n in range(75):  # 2.5 s at 30 frames a second
            slot.put(picture(n), start + n / 30)
            time.sleep(max(0.0, start + (n + 1) / 30 - time.monotonic()))
        assert recorder.wait_for(lambda s: s.frames >= 30 and s.bitrate_kbps > 0, 5.0)
        stats = recorder.output_stats()
        assert stats.state is OutputState.ACTIVE and stats.frames_dropped == 0
        panel.refresh()
        texts = panel.sheet.texts()
        assert texts[texts.index("Recording") + 1].startswith("REC 0:0")
        assert f"{stats.frames_sent} frames" in texts and "0 dropped" in texts
        assert any(t.endswith(" MB") for t in texts) and any(t.endswith(" kbit/s") for t in texts)
        assert panel.sheet.colour_of("REC") == theme.GREEN
        assert any(t.startswith("disk: about ") and t.endswith(" left") for t in texts)
        recorder.end()
        assert recorder.wait_for(lambda s: not s.recording, 5.0)
        panel.refresh()
        assert panel.sheet.texts()[panel.sheet.texts().index("Recording") + 1] == "stopped"
    finally:
        recorder.stop()


def test_the_figures_change_colour_at_their_thresholds(qtbot: QtBot) -> None:
    panel = BroadcastPanel(clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    colours = []
    for ms in (12.3, 24.6, 45.6):  # a 40 ms budget: a third, over half, over all of it
        meter = FrameMeter()
        meter.tick_ms = 40.0
        steady(meter, ms)
        panel._windows.clear()
        panel.watch("heatmap_wall", meter)
        panel.refresh()
        colours.append(panel.sheet.colour_of(f"{ms}"))
        assert panel.level is {12.3: Level.GOOD, 24.6: Level.WARN, 45.6: Level.BAD}[ms]
    assert colours == [theme.GREEN, theme.AMBER, theme.LIVE]
    cpu = []
    for busy in (60.0, 150.0, 190.0):  # of two cores: 30 %, 75 %, 95 %
        panel.watch_machine(lambda busy=busy: machine(("screens", busy, 300 * MB)))
        panel.refresh()
        cpu.append(panel.sheet.colour_of(f"{round(busy / 2)}% of 2 cores"))
    assert cpu == [theme.GREEN, theme.AMBER, theme.LIVE]
    meter = FrameMeter()
    meter.tick_ms = 40.0
    steady(meter, 5.0)
    for _ in range(1000):
        meter.tick()
    panel._windows.clear()
    panel.watch("questions_wall", meter)
    panel.refresh()
    assert panel.sheet.colour_of("0") == theme.GREEN  # nothing missed
    meter.miss(5)  # 0.5 %: amber
    panel.refresh()
    assert panel.sheet.colour_of("5") == theme.AMBER
    meter.miss(20)  # 2.5 %: red
    panel.refresh()
    assert panel.sheet.colour_of("25") == theme.LIVE
    rule = DiskRule(6_000_000 / 8, 500 * MB, 1_000 * MB, 10.0)
    panel.watch_outputs(None, None, disk=rule)
    panel.watch_machine(lambda: machine(("screens", 20.0, 1), disk_free=900 * MB))
    panel.refresh()
    assert panel.sheet.colour_of("900 MB free") == theme.LIVE  # a recording could not start


def test_a_stream_says_its_state_bitrate_frames_and_reconnects(qtbot: QtBot) -> None:
    panel = BroadcastPanel(clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    stream = StandInStream(
        OutputStats(OutputState.RECONNECTING, 95.0, 0.0, 2_850, 12, 2, message="connection refused")
    )
    panel.watch_outputs(None, stream)
    panel.refresh()
    texts = panel.sheet.texts()
    assert texts[texts.index("Stream") + 1] == "reconnecting"
    assert "2,850 sent" in texts and "12 dropped" in texts and "2 reconnects" in texts
    assert panel.sheet.colour_of("reconnecting") == theme.AMBER
    assert panel.sheet.colour_of("12 dropped") == theme.AMBER  # 0.4 % of the frames
    assert "connection refused" in texts
    stream.stats = OutputStats(OutputState.ACTIVE, 3_725.0, 2_496.4, 111_000, 0, 2)
    panel.refresh()
    texts = panel.sheet.texts()
    assert "LIVE 1:02:05" in texts and "2,496 kbit/s" in texts
    assert panel.sheet.colour_of("LIVE") == theme.GREEN


def approved_panel() -> BroadcastPanel:
    """The panel on fixed figures: five windows, a recording, a stream, the machine."""
    panel = BroadcastPanel(clock=lambda: NOW)
    figures = {
        "questions_wall": (False, 16.7, 1.1, 0, 0),
        "video_wall": (True, 16.7, 3.4, 0, 2),
        "heatmap_wall": (False, 16.7, 9.8, 14, 1),
        "guest_panel": (True, 33.3, 2.2, 0, 0),
        "operator_console": (False, 250.0, 6.5, 0, 0),
    }
    slot = LatestFrameSlot()
    start = time.monotonic() - 0.9
    for n in range(26):  # a camera at 30 frames a second: a 33 ms budget
        slot.put(picture(n), start + n / 30)
    for name, (camera, tick_ms, ms, missed, dropped) in figures.items():
        meter = FrameMeter(shows_camera=camera)
        meter.tick_ms = tick_ms
        steady(meter, ms, fps=30.0 if camera else 1000 / tick_ms)
        meter.miss(missed)
        for n in range(3000):
            meter.tick()
            if camera:
                meter.shown_frame(n + 1)
        panel.watch(
            name, meter, camera=slot if camera else None, dropped=lambda d=dropped: d
        )  # fmt: skip
    recording = StandInStream(
        OutputStats(OutputState.ACTIVE, 754.0, 6_012.0, 22_620, 0, size=566 * MB, minutes_left=412)
    )
    stream = StandInStream(OutputStats(OutputState.ACTIVE, 754.0, 4_480.0, 22_618, 3, 1))
    panel.watch_outputs(recording, stream, disk=DiskRule(751_000, 500 * MB, 1_000 * MB, 10.0))
    panel.watch_machine(
        lambda: machine(("screens", 61.0, 412 * MB), ("engine", 38.0, 236 * MB),
                        ("parser", 7.0, 88 * MB), disk_free=21 * GB)
    )  # fmt: skip
    return panel


def test_the_panel_looks_as_approved(qtbot: QtBot, tmp_path: Path) -> None:
    register_bundled_fonts()
    panel = approved_panel()
    qtbot.addWidget(panel)
    panel.setStyleSheet(theme.CONSOLE_STYLE + "QWidget { background: #070B1E; }")
    panel.resize(340, 520)
    panel.show()
    panel.refresh()
    qtbot.waitExposed(panel)
    panel.resize(340, panel.sizeHint().height())
    image = panel.grab().toImage()
    changed = looks_as_approved(image, "broadcast_stats", tmp_path)
    assert not changed, changed
