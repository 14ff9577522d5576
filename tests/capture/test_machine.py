"""The machine under the room, sampled by psutil: real processes, real disk."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

from blueroom.capture.machine import MachineSampler, existing


def spin(seconds: float) -> None:
    """Keeps one core busy (a stand-in for the engine's parser)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_process_started_by_another_is_named_and_its_cpu_and_memory_counted(
    tmp_path: Path,
) -> None:
    context = multiprocessing.get_context("spawn")
    busy = context.Process(target=spin, args=(20.0,), daemon=True)
    busy.start()
    try:
        sampler = MachineSampler(
            lambda: {"tests": os.getpid(), "engine": 0},  # no engine: never started
            tmp_path / "videos",  # not made yet: its parent's disk
            children={"tests": "parser"},
        )
        deadline = time.monotonic() + 15.0
        stats = sampler.sample()  # the first CPU figures are measured from here
        names: dict[str, float] = {}
        while time.monotonic() < deadline:
            time.sleep(0.5)
            stats = sampler.sample()
            names = {p.name: p.cpu_percent for p in stats.processes}
            if names.get("parser", 0.0) > 30.0:
                break
        assert set(names) == {"tests", "parser"}
        assert names["parser"] > 30.0, "a busy child uses its core"
        parser = next(p for p in stats.processes if p.name == "parser")
        assert parser.pids == (busy.pid,) and parser.rss > 1_000_000
        assert stats.missing == ("engine",)
        assert stats.cores >= 1 and 0.0 < stats.cpu_percent <= 100.0
        assert stats.rss == sum(p.rss for p in stats.processes)
        assert 0 < stats.memory_available <= stats.memory_total
        assert stats.disk_free is not None and stats.disk_total is not None
        assert 0 < stats.disk_free <= stats.disk_total
        assert sampler.latest() is stats
    finally:
        busy.kill()
        busy.join(5.0)


def test_a_process_that_ends_is_said_missing_and_the_sampler_runs_on_its_worker(
    tmp_path: Path,
) -> None:
    context = multiprocessing.get_context("spawn")
    gone = context.Process(target=spin, args=(0.0,))
    gone.start()
    gone.join(10.0)
    pid = gone.pid or 0
    sampler = MachineSampler(
        lambda: {"screens": os.getpid(), "engine": pid}, tmp_path, interval=0.1
    )
    sampler.start()
    try:
        first = sampler.latest()
        assert first is not None, "a first sample at start"
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:
            latest = sampler.latest()
            if latest is not None and latest.sampled_at > first.sampled_at:
                break
            time.sleep(0.05)
        latest = sampler.latest()
        assert latest is not None and latest.sampled_at > first.sampled_at, "once a second"
        assert [p.name for p in latest.processes] == ["screens"]
        assert latest.missing == ("engine",)
    finally:
        sampler.stop()
    assert not sampler.worker.alive


def test_the_disk_of_a_folder_not_made_yet_is_its_parents() -> None:
    assert existing(Path("/nonexistent-blueroom/videos/today")) == Path("/")
