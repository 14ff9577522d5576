"""Reading and parsing a recording in a worker process, for replays played at full speed.

Turning an X payload into a :class:`Tweet` is most of what a post costs, and
un-gzipping the recording is a good part of the rest: both would hold the GIL the
engine's journal and models need. A child process, with its own GIL on the other core,
reads the recording from a given line, parses it and streams back chunks of posts as
MessagePack; the source thread only decodes them. The pipe holds the worker a chunk or
two ahead of the room. Should the worker die, the source parses the rest itself.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import msgspec

from blueroom.core.processes import widen
from blueroom.core.tweet import Tweet
from blueroom.sources.loops import LoopShift
from blueroom.sources.recording import numbered_lines, reading_failure
from blueroom.sources.x_payload import Parsed, PayloadParser, Problem

CHUNK_LINES = 1_000
PARSER_NICENESS = 10


class RecordingError(Exception):
    """The recording could not be read to its end; the message says why, in one line."""


class _Play(msgspec.Struct, tag=True):
    path: str
    start_line: int
    loop: int
    duration: float


class _Cancel(msgspec.Struct, tag=True):
    pass


class _Quit(msgspec.Struct, tag=True):
    pass


_Order = _Play | _Cancel | _Quit


class _Chunk(msgspec.Struct, gc=False):
    """Consecutive lines from ``first_line`` (or, with ``done``, the end of a play)."""

    first_line: int = 0
    tweets: list[list[Tweet]] = []  # a list per line
    problems: list[tuple[int, str, str, bool]] = []  # (line's index, reason, excerpt, dropped)
    done: bool = False
    error: str = ""


def _serve(inbox: Connection, outbox: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # its parent decides when it stops
    # Parsing at full speed is the one job that can eat a core: on two cores, the
    # screens and the decisions' path (journal, models) come first. (As a Linux "idle"
    # task it gave the screens their CPU sooner, but starved: a fifth fewer posts.)
    with suppress(OSError):
        os.nice(PARSER_NICENESS)
    worker = _Streamer(inbox, outbox)
    with suppress(EOFError, OSError):  # the engine went away
        while True:
            order = worker.orders.decode(inbox.recv_bytes())
            if isinstance(order, _Quit):
                return
            if isinstance(order, _Play) and not worker.stream(order):
                return


class _Streamer:
    def __init__(self, inbox: Connection, outbox: Connection) -> None:
        self.inbox = inbox
        self.outbox = outbox
        self.orders = msgspec.msgpack.Decoder(_Order)
        self.encoder = msgspec.msgpack.Encoder()
        self.parser = PayloadParser()

    def stream(self, play: _Play) -> bool:
        """Send the recording's lines after ``start_line``, parsed; False when told to quit."""
        path = Path(play.path)
        parse = self.parser.parse
        shift = LoopShift(play.loop, play.duration)
        tweets: list[list[Tweet]] = []
        problems: list[tuple[int, str, str, bool]] = []
        first = 0
        error = ""
        try:
            for number, raw in numbered_lines(path, play.start_line):
                if not tweets:
                    first = number
                parsed = parse(raw, shift)
                posts = parsed.tweets
                if parsed.problems:
                    index = len(tweets)
                    problems.extend(
                        (index, p.reason, p.excerpt, p.dropped) for p in parsed.problems
                    )
                tweets.append(posts)
                if len(tweets) >= CHUNK_LINES:
                    self.outbox.send_bytes(self.encoder.encode(_Chunk(first, tweets, problems)))
                    tweets, problems = [], []
                    if self.inbox.poll():  # the source wants no more of this play
                        order = self.orders.decode(self.inbox.recv_bytes())
                        self._done("")
                        return not isinstance(order, _Quit)
        except (BrokenPipeError, ConnectionError):
            raise  # the engine went away
        except Exception as failure:  # noqa: BLE001 - unreadable, truncated, corrupt gzip
            error = reading_failure(path, failure)
        if tweets:  # the last lines, or those read before the recording failed
            self.outbox.send_bytes(self.encoder.encode(_Chunk(first, tweets, problems)))
        self._done(error)
        return True

    def _done(self, error: str) -> None:
        self.outbox.send_bytes(self.encoder.encode(_Chunk(done=True, error=error)))


class ParseWorker:
    """Owns one reading-and-parsing process; ``play`` streams a recording's parsed lines."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        worker_in, self._to_worker = context.Pipe(duplex=False)
        self._from_worker, worker_out = context.Pipe(duplex=False)
        widen(self._from_worker)
        self._process: Any = context.Process(
            target=_serve, args=(worker_in, worker_out), name="blueroom-parser", daemon=True
        )
        self._worker_ends = (worker_in, worker_out)
        self._decoder = msgspec.msgpack.Decoder(_Chunk)
        self._encoder = msgspec.msgpack.Encoder()
        self.failed = False

    def start(self) -> None:
        self._process.start()
        for end in self._worker_ends:
            end.close()

    def stop(self) -> None:
        self._send(_Quit())
        self._process.join(2.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(2.0)
        self._to_worker.close()
        self._from_worker.close()

    def play(
        self, path: Path, start_line: int = 0, loop: int = 0, duration: float = 0.0
    ) -> Iterator[tuple[int, Parsed]]:
        """``(line number, parsed)`` for the lines after ``start_line``, in order.

        Ends early, with ``failed`` set, if the worker dies: the caller carries on from
        the last line it was given. A file that cannot be read raises ``RecordingError``.
        """
        if not self._send(_Play(str(path), start_line, loop, duration)):
            return
        finished = False
        try:
            while (chunk := self._receive()) is not None:
                if chunk.done:
                    finished = True
                    if chunk.error:
                        raise RecordingError(chunk.error)
                    return
                problems: dict[int, list[Problem]] = {}
                for index, reason, excerpt, dropped in chunk.problems:
                    problems.setdefault(index, []).append(Problem(reason, excerpt, dropped))
                first = chunk.first_line
                for index, tweets in enumerate(chunk.tweets):
                    yield first + index, Parsed(tweets, problems.get(index, []))
        finally:
            if not finished and not self.failed and self._send(_Cancel()):
                # Stopped early: let the worker end this play, so the next starts clean.
                while (chunk := self._receive()) is not None and not chunk.done:
                    pass

    def _send(self, order: _Play | _Cancel | _Quit) -> bool:
        if self.failed:
            return False
        try:
            self._to_worker.send_bytes(self._encoder.encode(order))
        except OSError:
            self.failed = True
        return not self.failed

    def _receive(self) -> _Chunk | None:
        if self.failed:
            return None
        try:
            return self._decoder.decode(self._from_worker.recv_bytes())
        except (EOFError, OSError, msgspec.DecodeError):
            self.failed = True
            return None
