"""Parsing in a worker process, for replays played as fast as the room takes them.

Turning an X payload into a :class:`Tweet` is most of what a post costs, and the
engine's journal-and-models thread needs the same GIL. A child process, with its own
GIL on the other core, parses chunks of raw lines; the source thread only decodes the
MessagePack that comes back. A feeder thread keeps chunks in flight so the worker
never waits. Should the worker die, parsing carries on in the calling thread.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Iterator
from contextlib import suppress
from multiprocessing.connection import Connection
from typing import Any

import msgspec

from blueroom.core.tweet import Tweet
from blueroom.sources.loops import shift_for_loop
from blueroom.sources.x_payload import Parsed, PayloadParser, Problem

CHUNK_LINES = 1_000
PARSER_NICENESS = 10
IN_FLIGHT = 3


class _Chunk(msgspec.Struct, gc=False):
    tweets: list[list[Tweet]]
    problems: list[list[tuple[str, str, bool]]]


def _serve(inbox: Connection, outbox: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # its parent decides when it stops
    # Parsing at full speed is the one job that can eat a core: on two cores, the
    # screens and the decisions' path (journal, models) come first.
    with suppress(OSError):
        os.nice(PARSER_NICENESS)
    parser = PayloadParser()
    encoder = msgspec.msgpack.Encoder()
    while True:
        try:
            data = inbox.recv_bytes()
        except EOFError:
            return
        if not data:
            return
        lines = data.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        loop_text, duration_text = lines.pop(0).split()
        loop, duration = int(loop_text), float(duration_text)
        tweets: list[list[Tweet]] = []
        problems: list[list[tuple[str, str, bool]]] = []
        for raw in lines:
            parsed = parser.parse(raw)
            if loop:
                parsed.tweets = [shift_for_loop(t, loop, duration) for t in parsed.tweets]
            tweets.append(parsed.tweets)
            problems.append([(p.reason, p.excerpt, p.dropped) for p in parsed.problems])
        outbox.send_bytes(encoder.encode(_Chunk(tweets, problems)))


class ParseWorker:
    """Owns one parsing process; ``parse`` turns numbered raw lines into numbered results."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        worker_in, self._to_worker = context.Pipe(duplex=False)
        self._from_worker, worker_out = context.Pipe(duplex=False)
        self._process: Any = context.Process(
            target=_serve, args=(worker_in, worker_out), name="blueroom-parser", daemon=True
        )
        self._worker_ends = (worker_in, worker_out)
        self._decoder = msgspec.msgpack.Decoder(_Chunk)
        self._fallback = PayloadParser()
        self.failed = False

    def start(self) -> None:
        self._process.start()
        for end in self._worker_ends:
            end.close()

    def stop(self) -> None:
        with suppress(OSError):
            self._to_worker.send_bytes(b"")
        self._process.join(2.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(2.0)
        self._to_worker.close()
        self._from_worker.close()

    def parse(
        self, numbered: Iterator[tuple[int, bytes]], loop: int = 0, duration: float = 0.0
    ) -> Iterator[tuple[int, Parsed]]:
        """Results in order, while a feeder thread sends the next chunks."""
        in_flight: queue.Queue[tuple[int, list[bytes], bool] | None] = queue.Queue(
            maxsize=IN_FLIGHT
        )
        stop = threading.Event()

        def feed() -> None:
            try:
                for first, lines in _chunks(numbered):
                    if stop.is_set():
                        break
                    sent = False
                    if not self.failed:
                        header = f"{loop} {duration!r}\n".encode()
                        payload = header + b"".join(line.rstrip(b"\n") + b"\n" for line in lines)
                        try:
                            self._to_worker.send_bytes(payload)
                            sent = True
                        except OSError:
                            self.failed = True
                    in_flight.put((first, lines, sent))  # blocks while IN_FLIGHT are out
            finally:
                in_flight.put(None)

        feeder = threading.Thread(target=feed, name="source-parse-feeder", daemon=True)
        feeder.start()
        done = False
        try:
            while (chunk := in_flight.get()) is not None:
                first, lines, sent = chunk
                yield from enumerate(self._receive(lines, sent, loop, duration), start=first)
            done = True
        finally:
            stop.set()
            while not done:  # stopped early: collect what was sent, let the feeder end
                chunk = in_flight.get()
                if chunk is None:
                    done = True
                elif chunk[2]:
                    self._receive(chunk[1], True)
            feeder.join(2.0)

    def _receive(
        self, lines: list[bytes], sent: bool, loop: int = 0, duration: float = 0.0
    ) -> list[Parsed]:
        if sent and not self.failed:
            try:
                chunk = self._decoder.decode(self._from_worker.recv_bytes())
                return [
                    Parsed(tweets, [Problem(*problem) for problem in problems])
                    for tweets, problems in zip(chunk.tweets, chunk.problems, strict=True)
                ]
            except (EOFError, OSError, msgspec.DecodeError, ValueError):
                self.failed = True
        results = [self._fallback.parse(line) for line in lines]
        if loop:
            for parsed in results:
                parsed.tweets = [shift_for_loop(t, loop, duration) for t in parsed.tweets]
        return results


def _chunks(numbered: Iterator[tuple[int, bytes]]) -> Iterator[tuple[int, list[bytes]]]:
    first = 0
    lines: list[bytes] = []
    for number, raw in numbered:
        if not lines:
            first = number
        lines.append(raw)
        if len(lines) >= CHUNK_LINES:
            yield first, lines
            lines = []
    if lines:
        yield first, lines
