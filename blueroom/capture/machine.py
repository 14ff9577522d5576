"""The machine under the room: CPU and memory of each of the room's processes, the memory
the machine has left and the free space of the recordings' disk, sampled by psutil once a
second on a worker of its own (never on the GUI thread), for the console's broadcast
statistics.

The room's processes are named by the composition root (the screens, the engine); the
processes each of them started are found below it: one started by ``multiprocessing``
(the engine's parser) gets the name the root gives it, the others (a resource tracker, a
snapshot writer forked for a moment) count with the process that started them.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import psutil

from blueroom.workers import ErrorSink, Worker

SAMPLE_SECONDS = 1.0
SPAWNED = "spawn_main"  # in the command line of a process started by multiprocessing


@dataclass(frozen=True, slots=True)
class ProcessLoad:
    name: str
    pids: tuple[int, ...]
    cpu_percent: float  # of one core (200 is two cores busy)
    rss: int  # bytes resident


@dataclass(frozen=True, slots=True)
class MachineStats:
    processes: tuple[ProcessLoad, ...]
    cores: int
    memory_available: int
    memory_total: int
    disk_free: int | None  # the recordings' disk; None when it cannot be read
    disk_total: int | None
    missing: tuple[str, ...] = ()  # processes named but not running
    sampled_at: float = 0.0  # time.monotonic()

    @property
    def cpu_percent(self) -> float:
        """The room's processes as a share of the whole machine (0-100)."""
        return sum(p.cpu_percent for p in self.processes) / max(1, self.cores)

    @property
    def rss(self) -> int:
        return sum(p.rss for p in self.processes)

    def share(self, load: ProcessLoad) -> float:
        """One process's CPU as a share of the whole machine (0-100)."""
        return load.cpu_percent / max(1, self.cores)


def usable_cores() -> int:
    """The cores this process may run on (its affinity), else the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return psutil.cpu_count() or 1


def existing(folder: Path) -> Path:
    """``folder``, or its nearest parent that exists (the recordings' folder is made late)."""
    for path in (folder, *folder.parents):
        if path.exists():
            return path
    return folder


class MachineSampler:
    """Samples the room's processes, memory and disk once a second (``latest``).

    ``processes`` names the room's processes (called at each sample: the engine's pid is
    known once it started); ``children`` names the processes one of them starts with
    ``multiprocessing`` (``{"engine": "parser"}``). Built here, started and stopped by
    the composition root.
    """

    def __init__(
        self,
        processes: Callable[[], Mapping[str, int]],
        folder: Path,
        *,
        children: Mapping[str, str] | None = None,
        interval: float = SAMPLE_SECONDS,
        on_error: ErrorSink | None = None,
    ) -> None:
        self._processes = processes
        self.folder = folder
        self._children = dict(children or {})
        self._cores = usable_cores()
        self._known: dict[int, psutil.Process] = {}
        self._lock = threading.Lock()
        self._latest: MachineStats | None = None
        self.worker = Worker.every(
            "machine-stats", interval, self._sample, on_error=on_error, lowered=True
        )

    def start(self) -> None:
        self.sample()  # the first CPU figures need a second sample: this is the first
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop(2.0)

    def _sample(self) -> None:
        self.sample()

    def latest(self) -> MachineStats | None:
        with self._lock:
            return self._latest

    def _process(self, pid: int) -> psutil.Process:
        known = self._known.get(pid)
        if known is None:  # the same object each time: cpu_percent measures since the last
            known = psutil.Process(pid)
            self._known[pid] = known
        return known

    def _tree(self) -> tuple[dict[str, list[psutil.Process]], list[str]]:
        """Each named process with the processes counted with it; the names not running."""
        given = dict(self._processes())
        roots = {name: pid for name, pid in given.items() if pid > 0}
        named: dict[str, list[psutil.Process]] = {}
        missing = [name for name, pid in given.items() if pid <= 0]
        root_pids = set(roots.values())
        for name, pid in roots.items():
            try:
                root = self._process(pid)
                below = root.children(recursive=True)
            except psutil.Error:
                missing.append(name)
                continue
            named.setdefault(name, []).append(root)
            for child in below:
                if child.pid in root_pids:
                    continue
                child_name = name
                if name in self._children:
                    try:
                        if any(SPAWNED in part for part in child.cmdline()):
                            child_name = self._children[name]
                    except psutil.Error:
                        continue
                named.setdefault(child_name, []).append(self._process(child.pid))
        return named, missing

    def sample(self) -> MachineStats:
        named, missing = self._tree()
        loads: list[ProcessLoad] = []
        alive: set[int] = set()
        for name, processes in named.items():
            cpu, rss, pids = 0.0, 0, []
            for process in processes:
                try:
                    with process.oneshot():
                        cpu += process.cpu_percent(None)
                        rss += process.memory_info().rss
                except psutil.Error:
                    continue
                pids.append(process.pid)
            if pids:
                alive.update(pids)
                loads.append(ProcessLoad(name, tuple(pids), cpu, rss))
            else:
                missing.append(name)
        self._known = {pid: p for pid, p in self._known.items() if pid in alive}
        memory = psutil.virtual_memory()
        free: int | None = None
        total: int | None = None
        try:
            disk = psutil.disk_usage(str(existing(self.folder)))
            free, total = int(disk.free), int(disk.total)
        except OSError:
            pass  # said as unknown
        stats = MachineStats(
            tuple(loads), self._cores, int(memory.available), int(memory.total), free, total,
            tuple(missing), time.monotonic(),
        )  # fmt: skip
        with self._lock:
            self._latest = stats
        return stats
