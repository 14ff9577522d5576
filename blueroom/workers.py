"""One shape for every thread of the room: started, stopped, joined, errors reported.

A :class:`Worker` runs a body on a :class:`WorkerThread`. The body gets the worker's
stop flag and returns when it is set; whatever it raises is reported to the worker's
error sink (with its traceback) instead of dying on stderr. ``Worker.every`` runs a
step at a fixed interval and keeps going after a step that raised: a publisher or a
composer that fails once must not freeze the screens for the rest of the hour.

Workers are built by the parts that own them and started by a composition root
(``app.py``, ``engine/room.py``); nothing starts a thread in a constructor. The tests'
leak guard looks for live ``WorkerThread``s after each test.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from blueroom.runtime import lower_this_thread

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WorkerError:
    """What a worker reports when its body raises."""

    worker: str
    error: BaseException
    traceback: str

    def summary(self) -> str:
        return f"{self.worker}: {type(self.error).__name__}: {self.error}"


ErrorSink = Callable[[WorkerError], None]


def log_error(report: WorkerError) -> None:
    """The default sink: the log, with the traceback."""
    log.error("%s\n%s", report.summary(), report.traceback)


class WorkerThread(threading.Thread):
    """The only kind of thread the room starts (daemon: a stuck read never holds up exit)."""


class Worker:
    """A named thread running ``body(stop)`` once; ``stop`` sets the flag and joins.

    ``wake`` is called by ``stop`` to unblock a body waiting on something other than
    the stop flag (a queue, a pipe). ``lowered`` runs the thread a little below its
    process's main thread (the screens' helpers).
    """

    def __init__(
        self,
        name: str,
        body: Callable[[threading.Event], None],
        *,
        on_error: ErrorSink | None = None,
        wake: Callable[[], None] | None = None,
        lowered: bool = False,
    ) -> None:
        self.name = name
        self._body = body
        self._on_error = on_error or log_error
        self._wake = wake
        self._lowered = lowered
        self.stopping = threading.Event()
        self.errors = 0
        self._thread = WorkerThread(target=self._run, name=name, daemon=True)

    @classmethod
    def every(
        cls,
        name: str,
        interval: float,
        step: Callable[[], None],
        *,
        on_error: ErrorSink | None = None,
        lowered: bool = False,
    ) -> Worker:
        """A worker calling ``step`` every ``interval`` seconds until stopped.

        A step that raises is reported and the next one runs on time.
        """
        worker: Worker

        def loop(stop: threading.Event) -> None:
            while not stop.wait(interval):
                worker.guarded(step)

        worker = cls(name, loop, on_error=on_error, lowered=lowered)
        return worker

    # -- lifecycle ------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the body to end and wait for it; False if it is still running after ``timeout``."""
        self.stopping.set()
        if self._wake is not None:
            self._wake()
        return self.join(timeout)

    def join(self, timeout: float | None = None) -> bool:
        thread = self._thread
        if thread.ident is None or thread is threading.current_thread():
            return True  # never started, or stopping itself
        thread.join(timeout)
        return not thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    # -- errors -------------------------------------------------------------------
    def report(self, error: BaseException) -> None:
        """Hand ``error`` to the sink; a sink that raises itself is logged, never re-raised."""
        self.errors += 1
        report = WorkerError(self.name, error, "".join(traceback.format_exception(error)))
        try:
            self._on_error(report)
        except Exception:  # noqa: BLE001 - the sink must not kill the worker it reports on
            log_error(report)

    def guarded(self, call: Callable[[], None]) -> bool:
        """Run ``call``; report what it raises. True when it returned normally."""
        try:
            call()
        except Exception as error:  # noqa: BLE001 - reported, and the worker goes on
            self.report(error)
            return False
        return True

    def _run(self) -> None:
        if self._lowered:
            lower_this_thread()
        try:
            self._body(self.stopping)
        except Exception as error:  # noqa: BLE001 - reported, never printed and lost
            self.report(error)
