"""The sources the room knows, by ``source.kind``: adding one is one entry here.

The engine's composition root asks ``make_source`` for the source the settings name;
it never builds one itself, so the live X source plugs in here without touching it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from blueroom.core.events import SourceCheckpoint, SourceState
from blueroom.settings import EventSettings, SourceSettings, XSettings
from blueroom.sources.replay import ParsingProcess, ReplaySource
from blueroom.sources.source import PublishMany, Source, SourceStats
from blueroom.workers import ErrorSink

if TYPE_CHECKING:
    from blueroom.x.credentials import Secret


class SourceError(Exception):
    """The settings name a source that cannot be made; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class SourceRequest:
    """What a source is made from: its settings (after the command line's overrides) and
    what the engine hands every source."""

    settings: SourceSettings
    recording: Path  # the replay's file, already checked and resolved (demo included)
    publish_many: PublishMany
    skip_seconds: float = 0.0  # of a new session's recording
    parser: Callable[[], ParsingProcess] | None = None
    on_error: ErrorSink | None = None
    # the live X sources: the event (rules, query), X's settings, where recordings go,
    # and the reading token (None: the environment's, ``x/reading.bearer_token``)
    event: EventSettings = field(default_factory=EventSettings)
    x: XSettings = field(default_factory=XSettings)
    data_dir: Path | None = None
    token: Callable[[], str | Secret] | None = None


class NoSource:
    """``source.kind = "none"``: no posts at all, for a rehearsal of the hour."""

    kind = "none"
    name = "none"

    def __init__(self) -> None:
        self._stopped = threading.Event()

    def resume_from(self, checkpoint: SourceCheckpoint) -> None:
        return None

    def start(self) -> None:
        return None

    def stop(self, timeout: float = 5.0) -> bool:
        self._stopped.set()
        return True

    def stats(self) -> SourceStats:
        return SourceStats(self.name, self.kind, SourceState.STOPPED, "no source: rehearsal", 0, 0)

    def wait_finished(self, timeout: float | None = None) -> bool:
        return self._stopped.wait(timeout)


def _replay(request: SourceRequest) -> Source:
    settings = request.settings
    speed = None if str(settings.speed).lower() == "max" else float(settings.speed)
    return ReplaySource(
        request.recording,
        request.publish_many,
        speed=speed,
        loop=settings.loop,
        parser=request.parser,
        skip_seconds=request.skip_seconds,
        on_error=request.on_error,
    )


def _none(request: SourceRequest) -> Source:
    return NoSource()


def _recording_path(request: SourceRequest, mode: str) -> Path:
    """Where a "+record" kind writes: ``x.record_dir``, or "recordings" beside the journal."""
    folder = (
        Path(request.x.record_dir).expanduser()
        if request.x.record_dir
        else (request.data_dir or Path.cwd()) / "recordings"
    )
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    return folder / f"x-{mode}-{stamp}.jsonl"


def _x(mode: str, record: bool) -> Callable[[SourceRequest], Source]:
    def make(request: SourceRequest) -> Source:
        from blueroom.x import reading  # tweepy is loaded only for a room that reads X
        from blueroom.x.source import XSource

        return XSource(
            "live" if mode == "live" else "search",
            event=request.event,
            x=request.x,
            publish_many=request.publish_many,
            token=request.token or reading.bearer_token,
            record_to=_recording_path(request, mode) if record else None,
            on_error=request.on_error,
        )

    return make


SOURCE_KINDS: Mapping[str, Callable[[SourceRequest], Source]] = {
    "replay": _replay,
    "none": _none,
    "live": _x("live", record=False),
    "search": _x("search", record=False),
    "live+record": _x("live", record=True),
    "search+record": _x("search", record=True),
}


def make_source(request: SourceRequest) -> Source:
    maker = SOURCE_KINDS.get(request.settings.kind)
    if maker is None:
        known = ", ".join(sorted(SOURCE_KINDS))
        raise SourceError(f"source.kind {request.settings.kind!r} is not one of {known}")
    return maker(request)
