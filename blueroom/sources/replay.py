"""Replay of a recorded event: X API v2 JSON lines (optionally gzipped) played onto the bus.

Posts are paced by their own ``created_at`` times, ``speed`` times faster than real
life (``None`` plays as fast as the bus takes them). A looping replay gives every
loop fresh ids and later times, so the room keeps growing as it would live.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Protocol

from blueroom.core.events import (
    Event,
    MalformedRecord,
    PostDeleted,
    ReplayCheckpoint,
    SourceCheckpoint,
    SourceState,
    SourceStateChanged,
    TweetReceived,
)
from blueroom.core.phrases import Phrase
from blueroom.sources.loops import LoopShift
from blueroom.sources.recording import READ_ERRORS, numbered_lines, open_lines, reading_failure
from blueroom.sources.source import PublishMany, SourceStats
from blueroom.sources.x_payload import Parsed, PayloadParser, parse_time
from blueroom.workers import ErrorSink, Worker

FAST_SPEED = 200.0
MAX_TIME_JUMP = 600.0  # seconds of recording between two posts before it counts as an error
_CREATED_AT = re.compile(rb'"created_at"\s*:\s*"([^"]{10,40})"')

# A replay's details and position, read back by the screens (see core/phrases.py).
STARTING = Phrase("replay_starting", "{file} at {speed}×", numbers=("speed",))
STARTING_AT_MAX = Phrase("replay_starting_max", "{file} at max speed")
PLAYING = Phrase("replay_playing", "{file} at {speed}×, loop {loop}", numbers=("speed", "loop"))
PLAYING_AT_MAX = Phrase("replay_playing_max", "{file} at max speed, loop {loop}", numbers=("loop",))
FINISHED = Phrase("replay_finished", "{file}: {posts} posts", numbers=("posts",))
STOPPED = Phrase("replay_stopped", "{file} stopped at line {line}", numbers=("line",))
CRASHED = Phrase("replay_crashed", "replay stopped: {error}")
POSITION = Phrase("replay_position", "loop {loop}, line {line}", numbers=("loop", "line"))
DETAILS = (STARTING, STARTING_AT_MAX, PLAYING, PLAYING_AT_MAX, FINISHED, STOPPED, CRASHED)


class RecordingError(Exception):
    """The recording could not be read to its end; the message says why, in one line."""


class ParsingProcess(Protocol):
    """A process that reads and parses a recording (``engine.parser.ParserProcess``)."""

    failed: bool

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def play(
        self, path: Path, start_line: int = 0, loop: int = 0, duration: float = 0.0
    ) -> Iterator[tuple[int, Parsed]]: ...


class ReplaySource:
    """Plays one file on its own worker; ``start()`` is called by the composition root.

    At full speed the reading and parsing go to a process made by ``parser`` (the
    engine's composition root gives one), with its own GIL on the other core.
    """

    kind = "replay"

    def __init__(
        self,
        path: Path,
        publish_many: PublishMany,
        *,
        speed: float | None = 1.0,
        loop: bool = True,
        start_loop: int = 0,
        start_line: int = 0,
        name: str = "replay",
        max_batch: int = 500,
        parser: Callable[[], ParsingProcess] | None = None,
        skip_seconds: float = 0.0,
        on_error: ErrorSink | None = None,
    ) -> None:
        if speed is not None and speed <= 0:
            raise ValueError("speed must be positive (or None for as fast as possible)")
        self.path = path
        self.name = name
        self.speed = speed
        self.loop = loop
        self.skip_seconds = skip_seconds  # of the recording's start, on its first play only
        self._first_time = 0.0
        fast = speed is None or speed >= FAST_SPEED
        self._parser_factory = parser if fast else None
        self._worker: ParsingProcess | None = None
        self._publish_many = publish_many
        self._start_loop = start_loop
        self._start_line = start_line
        self._max_batch = max_batch
        self._parser = PayloadParser()
        self._worker_thread = Worker(f"source-{name}", self._run, on_error=on_error)
        self._stop = self._worker_thread.stopping
        self._lines = 0
        self._tweets = 0
        self._problems = 0
        self._loop = start_loop
        self._line = start_line
        self._state = SourceState.STARTING
        self._detail = ""
        self._lines_this_play = self._posts_this_play = 0  # skipped posts count too
        self._first_problem: tuple[int, str] | None = None
        self._finished = threading.Event()

    def resume_from(self, checkpoint: SourceCheckpoint) -> None:
        """Carry on after the last line a resumed session had played of this recording."""
        if (
            isinstance(checkpoint, ReplayCheckpoint)
            and checkpoint.source == self.name
            and Path(checkpoint.path) == self.path
            and not self._worker_thread.started
        ):
            self._start_loop = self._loop = checkpoint.loop
            self._start_line = self._line = checkpoint.line
            self.skip_seconds = 0.0

    def start(self) -> None:
        self._worker_thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        return self._worker_thread.stop(timeout)

    def wait_finished(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)

    @property
    def current_loop(self) -> int:
        """The loop being played (0: the first play)."""
        return self._loop

    @property
    def line(self) -> int:
        """The last line played (of the current loop)."""
        return self._line

    @property
    def posts(self) -> int:
        return self._tweets

    def stats(self) -> SourceStats:
        return SourceStats(
            name=self.name,
            kind=self.kind,
            state=self._state,
            detail=self._detail,
            posts=self._tweets,
            problems=self._problems,
            position=POSITION.say(loop=self._loop + 1, line=f"{self._line:,}"),
            figures=(("lines", float(self._lines)),),
        )

    # -- the worker -----------------------------------------------------------------
    def _set_state(self, state: SourceState, detail: str) -> None:
        self._state = state
        self._detail = detail
        self._publish_many([SourceStateChanged(source=self.name, state=state, detail=detail)])

    def _run(self, stop: threading.Event) -> None:
        if self._parser_factory is not None:
            try:
                self._worker = self._parser_factory()
                self._worker.start()
            except Exception as error:  # noqa: BLE001 - no helper process to be had: parse here
                self._worker = None
                self._detail = f"parsing in the engine ({type(error).__name__}: {error})"
        try:
            self._play()
        except RecordingError as error:
            self._set_state(SourceState.FAILED, str(error))
        except READ_ERRORS as error:
            self._set_state(SourceState.FAILED, reading_failure(self.path, error))
        except Exception as error:  # noqa: BLE001 - the room must outlive a bad file
            crash = f"{type(error).__name__}: {error}"
            self._set_state(SourceState.FAILED, CRASHED.say(error=crash))
        finally:
            if self._worker is not None:
                self._worker.stop()
            self._finished.set()

    def _play(self) -> None:
        speed = "" if self.speed is None else f"{self.speed:g}"
        starting, playing = (STARTING_AT_MAX, PLAYING_AT_MAX) if not speed else (STARTING, PLAYING)
        self._set_state(SourceState.STARTING, starting.say(file=self.path.name, speed=speed))
        duration = self._duration()
        loop = self._start_loop
        start_line = self._start_line
        while not self._stop.is_set():
            self._loop = loop
            state = SourceState.RUNNING if loop == self._start_loop else SourceState.LOOPING
            self._set_state(state, playing.say(file=self.path.name, speed=speed, loop=loop + 1))
            self._play_once(loop, start_line, duration)
            if self._stop.is_set():
                break
            if start_line == 0 and self._posts_this_play == 0:
                raise RecordingError(self._nothing_to_play())
            if not self.loop:
                finished = FINISHED.say(file=self.path.name, posts=self._tweets)
                self._set_state(SourceState.FINISHED, finished)
                return
            loop += 1
            start_line = 0
        self._set_state(SourceState.STOPPED, STOPPED.say(file=self.path.name, line=self._line))

    def _nothing_to_play(self) -> str:
        """Why a whole play of the recording gave no post, in one line."""
        read = f"{self._lines_this_play:,} line{'s' if self._lines_this_play != 1 else ''}"
        if self._lines_this_play == 0:
            return f"no posts in {self.path}: the recording is empty"
        first = (
            f" (line {self._first_problem[0]}: {self._first_problem[1]})"
            if self._first_problem
            else ""
        )
        with suppress(*READ_ERRORS), open_lines(self.path) as handle:
            if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
                return (
                    f"no posts in {self.path}: it is UTF-16 text; a recording is UTF-8 JSON lines"
                )
        return f"no posts in {self.path}: {read} read, none of them an X post{first}"

    def _duration(self) -> float:
        """Span of the recording in seconds (first to last post), for looping.

        Found by a quick scan for ``created_at`` rather than a full parse. A recording
        that cannot be read to its end is measured as far as it goes: the play that
        follows says what is wrong with it, once it has played what it could.
        """
        stamps: list[float] = []
        with suppress(*READ_ERRORS):
            for _, raw in numbered_lines(self.path):
                match = _CREATED_AT.search(raw, 0, 2_000)
                if match is not None and (
                    stamp := parse_time(match.group(1).decode("ascii", "replace"))
                ):
                    stamps.append(stamp)
        if not stamps:
            return 60.0
        stamps.sort()
        # The 0.1 % at either end are ignored: one post dated 2099 must not stretch the loop.
        cut = len(stamps) // 1000
        first, last = stamps[cut], stamps[len(stamps) - 1 - cut]
        self._first_time = first
        return max(60.0, last - first + 1.0)

    def _parsed_lines(
        self, start_line: int, loop: int, duration: float
    ) -> Iterator[tuple[int, Parsed]]:
        """Parsed lines, their posts already given this loop's ids and times."""
        worker = self._worker
        if worker is not None and not worker.failed:
            for number, parsed in worker.play(self.path, start_line, loop, duration):
                start_line = number
                yield number, parsed
            if not worker.failed:
                return
            # The worker died: the rest of the recording is parsed here.
        parser = self._parser
        shift = LoopShift(loop, duration)
        for number, raw in numbered_lines(self.path, start_line):
            yield number, parser.parse(raw, shift)

    def _play_once(self, loop: int, start_line: int, duration: float) -> None:
        first_play = loop == self._start_loop and start_line == 0 and self.skip_seconds > 0
        skip_until = self._first_time + self.skip_seconds if first_play else 0.0
        batch: list[Event] = []
        self._lines_this_play = self._posts_this_play = 0
        self._first_problem = None
        first_time: float | None = None
        last_time = 0.0
        wall_start = time.monotonic()
        for number, parsed in self._parsed_lines(start_line, loop, duration):
            if self._stop.is_set():
                break
            self._lines += 1
            self._lines_this_play += 1
            self._line = number
            for problem in parsed.problems:
                self._problems += 1
                if self._first_problem is None:
                    self._first_problem = (number, problem.reason)
                batch.append(
                    MalformedRecord(
                        source=self.name,
                        reason=problem.reason,
                        excerpt=problem.excerpt,
                        line=number,
                        dropped=problem.dropped,
                    )
                )
            for deleted in parsed.deleted:  # a recording of the live stream's compliance lines
                batch.append(PostDeleted(tweet_id=deleted, source=self.name))
            self._posts_this_play += len(parsed.tweets)
            for tweet in parsed.tweets:
                if skip_until and tweet.created_at and tweet.created_at < skip_until:
                    continue
                if self.speed is not None and tweet.created_at:
                    if first_time is None:
                        first_time = last_time = tweet.created_at
                    jump = tweet.created_at - last_time
                    if abs(jump) > MAX_TIME_JUMP:
                        # A post dated years away must not park the replay: pace it as next.
                        first_time += jump
                    last_time = tweet.created_at
                    due = wall_start + (tweet.created_at - first_time) / self.speed
                    wait = due - time.monotonic()
                    if wait > 0:
                        self._flush(batch, number - 1)
                        batch = []
                        if self._stop.wait(wait):
                            return
                batch.append(TweetReceived(tweet=tweet, source=self.name))
            if len(batch) >= self._max_batch:
                self._flush(batch, number)
                batch = []
        self._flush(batch, self._line)

    def _flush(self, batch: list[Event], done_line: int) -> None:
        if batch:
            # Every batch says which line it ends with: a resumed session restarts after it.
            batch.append(
                ReplayCheckpoint(
                    source=self.name, path=str(self.path), loop=self._loop, line=done_line
                )
            )
            self._publish_many(batch)
            self._tweets += sum(1 for e in batch if isinstance(e, TweetReceived))
