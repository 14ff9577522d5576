"""The windows' paint meters and the thresholds that colour the broadcast statistics."""

from __future__ import annotations

import pytest

from blueroom.core.broadcast_stats import (
    CPU_BAD_PERCENT,
    CPU_WARN_PERCENT,
    DiskRule,
    FrameMeter,
    Level,
    cpu_level,
    lost_level,
    memory_level,
    render_level,
    worst,
)

MB = 1024 * 1024


def paint_every(meter: FrameMeter, start: float, count: int, period: float, ms: float) -> float:
    """``count`` paints of ``ms`` each, one every ``period`` seconds; returns the last end."""
    ended = start
    for n in range(count):
        ended = start + n * period
        meter.paint(ended - ms / 1000, ended)
    return ended


def test_a_meter_gives_the_paints_a_second_and_the_paint_times_of_the_last_seconds() -> None:
    meter = FrameMeter()
    # ten seconds at 25 paints a second: 2 ms each, then 8 ms for the last five seconds
    last = paint_every(meter, 100.0, 125, 0.04, 2.0)
    last = paint_every(meter, last + 0.04, 125, 0.04, 8.0)
    stats = meter.stats(last + 0.001)
    assert stats.fps == pytest.approx(25, abs=0.5)
    assert stats.median_ms == pytest.approx(8.0)
    assert stats.p95_ms == pytest.approx(8.0)
    assert stats.painted == 250
    # 0.8 s later, one paint in two of 30 ms: 8 % of the window, in the p95 only
    for n in range(20):
        at = last + 0.04 * (n + 1)
        meter.paint(at - (0.030 if n % 2 == 0 else 0.008), at)
    stats = meter.stats(last + 0.04 * 20 + 0.001)
    assert stats.median_ms == pytest.approx(8.0)
    assert stats.p95_ms == pytest.approx(30.0)


def test_a_young_meter_counts_its_paints_a_second_over_its_own_life() -> None:
    meter = FrameMeter()
    paint_every(meter, 10.0, 11, 0.1, 1.0)  # one second at 10 a second
    assert meter.stats(11.0).fps == pytest.approx(11, abs=0.5)
    assert FrameMeter().stats(5.0) == FrameMeter().stats(5.0)
    assert FrameMeter().stats(5.0).median_ms is None


def test_the_ring_keeps_its_size_and_forgets_the_oldest_paints() -> None:
    meter = FrameMeter(capacity=64)
    last = paint_every(meter, 0.0, 200, 0.01, 1.0)
    stats = meter.stats(last)
    assert stats.painted == 200
    assert stats.fps == pytest.approx(100, rel=0.02)  # over the ring's own span
    assert len(meter._ended) == 64  # allocated once


def test_camera_frames_never_painted_are_counted_missed() -> None:
    meter = FrameMeter(shows_camera=True)
    for seq in (1, 2, 3, 3, 6, 7):  # 4 and 5 never painted; 3 painted twice (an overlay)
        meter.shown_frame(seq)
    assert meter.missed == 2
    meter.shown_frame(0)  # the camera not shown (a slate, a covered stage)
    meter.shown_frame(40)  # back: the frames while it was not shown are not missed
    meter.shown_frame(41)
    stats = meter.stats(0.0)
    assert stats.missed == 2
    assert stats.frames == 9  # 1-7 and 40-41, as a camera window could have shown them


def test_ticks_too_late_are_missed_frames_of_a_window_without_the_camera() -> None:
    meter = FrameMeter()
    for _ in range(97):
        meter.tick()
    meter.miss(3)
    stats = meter.stats(0.0)
    assert (stats.missed, stats.frames) == (3, 100)


def test_late_ticks_are_missed_frames_only_for_a_window_in_motion() -> None:
    meter = FrameMeter()
    meter.tick_ms = 10.0
    meter.paint(0.995, 1.000)
    meter.miss(2, now=1.040)  # due from 1.010: it painted a tick before, it was moving
    assert (meter.missed, meter.ticks) == (2, 2)
    meter.miss(3, now=1.200)  # due from 1.160: nothing painted since 1.000, a still wall
    assert (meter.missed, meter.ticks) == (2, 5)
    assert not FrameMeter().moving(1.0), "a window never painted is still"


@pytest.mark.parametrize(
    ("ms", "level"),
    [(None, Level.PLAIN), (10.0, Level.GOOD), (20.0, Level.GOOD), (20.1, Level.WARN),
     (40.0, Level.WARN), (40.1, Level.BAD)],
)  # fmt: skip
def test_paint_time_is_amber_above_half_the_budget_and_red_above_it(
    ms: float | None, level: Level
) -> None:
    assert render_level(ms, 40.0) is level


def test_cpu_memory_and_lost_frames_are_coloured_at_their_thresholds() -> None:
    assert cpu_level(CPU_WARN_PERCENT) is Level.GOOD
    assert cpu_level(CPU_WARN_PERCENT + 0.1) is Level.WARN
    assert cpu_level(CPU_BAD_PERCENT + 0.1) is Level.BAD
    assert memory_level(2_000, 10_000) is Level.GOOD
    assert memory_level(900, 10_000) is Level.WARN
    assert memory_level(400, 10_000) is Level.BAD
    assert lost_level(0, 1_000) is Level.GOOD
    assert lost_level(10, 1_000) is Level.WARN  # 1 %: amber
    assert lost_level(11, 1_000) is Level.BAD  # over 1 %: red
    assert worst(Level.GOOD, Level.BAD, Level.WARN) is Level.BAD
    assert worst() is Level.PLAIN


def test_the_disk_is_judged_in_minutes_of_recording_left() -> None:
    # 6 Mbit/s: 45 MB a minute; 500 MB kept; 1,000 MB to start; warn under ten minutes
    rule = DiskRule(6_000_000 / 8, 500 * MB, 1_000 * MB, 10.0)
    assert rule.minutes_left(500 * MB) == 0.0
    assert rule.minutes_left(500 * MB + 45_000_000) == pytest.approx(1.0)
    assert rule.level(100_000 * MB) is Level.GOOD
    assert rule.level(999 * MB) is Level.BAD  # a recording could not start
    slow = DiskRule(60_000_000 / 8, 500 * MB, 1_000 * MB, 10.0)  # 450 MB a minute
    assert slow.minutes_left(4_000 * MB) < 10.0
    assert slow.level(4_000 * MB) is Level.WARN
