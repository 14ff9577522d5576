"""The frame clock: every window ticks at its rate, never two windows in one pass."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from blueroom.core.broadcast_stats import FrameMeter
from blueroom.ui.pacing import FrameClock, FrameTimer

INTERVAL_MS = 20
HZ = 1000 / INTERVAL_MS


class _Delivered(QObject):
    """Counts the posted events delivered to it: proof that the event loop has run."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.count += 1
            return True
        return super().event(event)


class _Window(QWidget):
    def __init__(self, name: str, log: list[tuple[str, float, bool]], probe: _Delivered) -> None:
        super().__init__()
        self.name = name
        self.ticks = 0
        self.child_ticks = 0
        self.timer = FrameTimer(self, HZ, self._tick)
        helper = QObject(self)  # a child's timer (the console's event pump) joins its lane
        self.child_timer = FrameTimer(helper, HZ / 2, self._child_tick)
        self._log = log
        self._probe = probe

    def _tick(self) -> None:
        self.ticks += 1
        self._log.append((self.name, time.monotonic(), self._probe.count == len(self._log)))
        # What a paint request is: a posted event, handled when the loop runs again.
        QCoreApplication.postEvent(self._probe, QEvent(QEvent.Type.User))

    def _child_tick(self) -> None:
        self.child_ticks += 1


def _windows(qtbot: QtBot, count: int) -> tuple[list[_Window], list[tuple[str, float, bool]]]:
    log: list[tuple[str, float, bool]] = []
    probe = _Delivered()
    windows = [_Window(f"window {n}", log, probe) for n in range(count)]
    for window in windows:
        qtbot.addWidget(window)
    windows[0].setProperty("probe", probe)  # kept alive with the windows
    return windows, log


def test_the_clock_serves_one_window_per_pass_each_at_its_rate(qtbot: QtBot) -> None:
    windows, log = _windows(qtbot, 4)
    clock = FrameClock()
    assert [clock.take(window) for window in windows] == [2, 2, 2, 2]
    assert not any(w.timer.running or w.child_timer.running for w in windows)
    started = time.monotonic()
    qtbot.wait(600)
    clock.stop()
    elapsed = time.monotonic() - started
    assert all(passed for _, _, passed in log), "the loop ran between any two windows' ticks"
    expected = elapsed * 1000 / INTERVAL_MS
    for window in windows:
        assert expected * 0.5 <= window.ticks <= expected + 2, (window.name, window.ticks)
        assert window.child_ticks >= expected * 0.25, "a child's timer ticks in its lane"
    stopped = [w.ticks for w in windows]
    qtbot.wait(100)
    assert [w.ticks for w in windows] == stopped, "a stopped clock ticks no more"


def test_windows_on_their_own_timers_share_passes(qtbot: QtBot) -> None:
    """Why the clock exists: the same windows, each on its own timer, tick in one pass."""
    windows, log = _windows(qtbot, 4)
    qtbot.wait(600)
    assert all(w.timer.running for w in windows)
    assert all(w.ticks > 5 for w in windows)
    assert not all(passed for _, _, passed in log), "timers due together fire together"


def test_a_late_window_skips_the_ticks_it_missed(qtbot: QtBot) -> None:
    windows, _log = _windows(qtbot, 2)
    clock = FrameClock()
    for window in windows:
        clock.take(window)
    qtbot.wait(100)
    before = windows[0].ticks
    time.sleep(0.2)  # the GUI thread is busy for ten intervals
    qtbot.wait(30)
    clock.stop()
    assert windows[0].ticks - before <= 3, "no burst of the missed ticks"


def test_a_failing_window_is_reported_and_the_others_keep_their_frames(qtbot: QtBot) -> None:
    windows, _log = _windows(qtbot, 3)
    broken = windows[1]

    def fail() -> None:
        raise RuntimeError("a bug in one window's refresh")

    broken.timer.tick = fail
    clock = FrameClock()
    for window in windows:
        clock.take(window)
    with qtbot.capture_exceptions() as raised:
        qtbot.wait(300)
    clock.stop()
    assert raised and all("a bug in one window" in str(error) for _, error, _ in raised)
    assert windows[0].ticks > 5 and windows[2].ticks > 5, "the other windows still tick"


def test_a_window_deleted_while_the_clock_runs_leaves_it(qtbot: QtBot) -> None:
    windows, _log = _windows(qtbot, 2)
    gone = _Window("deleted", [], _Delivered())  # not qtbot's: it is deleted here
    clock = FrameClock()
    for window in (windows[0], gone, windows[1]):
        clock.take(window)
    qtbot.wait(100)
    assert gone.ticks > 0
    gone.deleteLater()
    qtbot.waitUntil(lambda: len(clock._beats) == 4, timeout=2000)  # its two beats dropped
    before = [w.ticks for w in windows]
    qtbot.wait(200)
    clock.stop()
    assert all(w.ticks > b for w, b in zip(windows, before, strict=True))


def _slow_sometimes(ticks: list[float], every: int) -> None:
    ticks.append(time.monotonic())
    if len(ticks) % every == 0:
        time.sleep(INTERVAL_MS * 3.5 / 1000)  # a tick that takes three and a half periods


def _painting_and_slow_sometimes(meter: FrameMeter, ticks: list[float], every: int) -> None:
    started = time.perf_counter()
    _slow_sometimes(ticks, every)
    meter.paint(started, time.perf_counter())  # a window in motion paints at every tick


@pytest.mark.parametrize("clocked", [True, False])
def test_ticks_a_late_window_skips_are_its_missed_frames(qtbot: QtBot, clocked: bool) -> None:
    """A window's frame timer with a meter counts its ticks, and the ticks skipped because
    a tick came too late, whether a clock drives it or its own timer does."""
    window = QWidget()
    qtbot.addWidget(window)
    meter = FrameMeter()
    ticks: list[float] = []
    timer = FrameTimer(
        window, HZ, lambda: _painting_and_slow_sometimes(meter, ticks, 10), meter=meter
    )
    assert meter.tick_ms == INTERVAL_MS
    clock = FrameClock()
    if clocked:
        assert clock.take(window) == 1
    qtbot.waitUntil(lambda: len(ticks) >= 40, timeout=10_000)
    clock.stop()
    timer.hand_over()
    assert meter.ticks == len(ticks) + meter.missed
    assert 6 <= meter.missed <= 30, "two or three for each of the four slow ticks"
    assert meter.stats(time.perf_counter()).frames == meter.ticks


def test_a_still_window_loses_no_frame_to_a_late_tick(qtbot: QtBot) -> None:
    """A wall that has not painted for a while (a question shown for minutes) counts the
    late ticks as ticks, never as missed frames: nothing on it moved."""
    window = QWidget()
    qtbot.addWidget(window)
    meter = FrameMeter()
    ticks: list[float] = []
    timer = FrameTimer(window, HZ, lambda: _slow_sometimes(ticks, 10), meter=meter)
    qtbot.waitUntil(lambda: len(ticks) >= 40, timeout=10_000)
    timer.hand_over()
    assert meter.ticks > len(ticks) and meter.missed == 0


def test_a_window_showing_the_camera_counts_camera_frames_not_its_ticks(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    meter = FrameMeter(shows_camera=True)
    ticks: list[float] = []
    timer = FrameTimer(window, HZ, lambda: _slow_sometimes(ticks, 5), meter=meter)
    qtbot.waitUntil(lambda: len(ticks) >= 15, timeout=10_000)
    timer.hand_over()
    assert (meter.ticks, meter.missed) == (0, 0)
    assert meter.tick_ms == INTERVAL_MS  # its budget while the camera is not shown
