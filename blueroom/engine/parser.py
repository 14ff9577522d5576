"""The parser process: reads and parses a recording, for replays played at full speed.

Turning an X payload into a :class:`Tweet` is most of what a post costs, and
un-gzipping the recording is a good part of the rest: both would hold the GIL the
engine's journal and models need. A child process, with its own GIL on the other core,
reads the recording from a given line, parses it and streams back chunks of posts as
MessagePack; the source thread only decodes them. The pipe holds the worker a chunk or
two ahead of the room. Should the worker die, the source parses the rest itself.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import msgspec

from blueroom.core.tweet import Tweet
from blueroom.engine.protocol import (
    PROTOCOL_VERSION,
    Cancel,
    Chunk,
    ParserHello,
    Play,
    ProtocolMismatch,
    Quit,
    ToParser,
    mismatch,
)
from blueroom.runtime import PARSER_NICENESS, lower_this_process, widen
from blueroom.sources.loops import LoopShift
from blueroom.sources.recording import numbered_lines, reading_failure
from blueroom.sources.replay import RecordingError
from blueroom.sources.x_payload import Parsed, PayloadParser, Problem

CHUNK_LINES = 250


def parser_main(inbox: Connection, outbox: Connection) -> None:
    """Entry point of the parser process: parse what the engine asks for until told to quit."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # its parent decides when it stops
    lower_this_process(PARSER_NICENESS)  # the one job that can eat a core: see runtime.py
    worker = _Streamer(inbox, outbox)
    with suppress(EOFError, OSError):  # the engine went away
        outbox.send_bytes(worker.encoder.encode(ParserHello(PROTOCOL_VERSION)))
        while True:
            order = worker.orders.decode(inbox.recv_bytes())
            if isinstance(order, Quit):
                return
            if isinstance(order, Play) and not worker.stream(order):
                return


class _Streamer:
    def __init__(self, inbox: Connection, outbox: Connection) -> None:
        self.inbox = inbox
        self.outbox = outbox
        self.orders = msgspec.msgpack.Decoder(ToParser)
        self.encoder = msgspec.msgpack.Encoder()
        self.parser = PayloadParser()

    def stream(self, play: Play) -> bool:
        """Send the recording's lines after ``start_line``, parsed; False when told to quit."""
        path = Path(play.path)
        parse = self.parser.parse
        shift = LoopShift(play.loop, play.duration)
        tweets: list[list[Tweet]] = []
        problems: list[tuple[int, str, str, bool]] = []
        deleted: list[tuple[int, str]] = []
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
                if parsed.deleted:
                    deleted.extend((len(tweets), post_id) for post_id in parsed.deleted)
                tweets.append(posts)
                if len(tweets) >= CHUNK_LINES:
                    chunk = Chunk(first, tweets, problems, deleted=deleted)
                    self.outbox.send_bytes(self.encoder.encode(chunk))
                    tweets, problems, deleted = [], [], []
                    if self.inbox.poll():  # the source wants no more of this play
                        order = self.orders.decode(self.inbox.recv_bytes())
                        self._done("")
                        return not isinstance(order, Quit)
        except (BrokenPipeError, ConnectionError):
            raise  # the engine went away
        except Exception as failure:  # noqa: BLE001 - unreadable, truncated, corrupt gzip
            error = reading_failure(path, failure)
        if tweets:  # the last lines, or those read before the recording failed
            chunk = Chunk(first, tweets, problems, deleted=deleted)
            self.outbox.send_bytes(self.encoder.encode(chunk))
        self._done(error)
        return True

    def _done(self, error: str) -> None:
        self.outbox.send_bytes(self.encoder.encode(Chunk(done=True, error=error)))


class ParserProcess:
    """Owns one reading-and-parsing process; ``play`` streams a recording's parsed lines.

    Made by the engine's composition root and handed to the replay, which starts it.
    """

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        worker_in, self._to_worker = context.Pipe(duplex=False)
        self._from_worker, worker_out = context.Pipe(duplex=False)
        widen(self._from_worker)
        self._process: Any = context.Process(
            target=parser_main, args=(worker_in, worker_out), name="blueroom-parser", daemon=True
        )
        self._worker_ends = (worker_in, worker_out)
        self._decoder = msgspec.msgpack.Decoder(Chunk)
        self._encoder = msgspec.msgpack.Encoder()
        self.failed = False

    def start(self, timeout: float = 60.0) -> None:
        """Start the process and check it speaks this release's protocol.

        Raises ``ProtocolMismatch`` (or ``OSError`` when it cannot start): the replay
        then parses in its own process.
        """
        self._process.start()
        for end in self._worker_ends:
            end.close()
        hello: object = None
        try:
            if self._from_worker.poll(timeout):
                hello = msgspec.msgpack.decode(self._from_worker.recv_bytes())
        except (EOFError, OSError, msgspec.DecodeError):
            hello = None
        protocol = hello.get("protocol") if isinstance(hello, dict) else None
        if protocol != PROTOCOL_VERSION:
            self.failed = True
            self.stop()
            raise ProtocolMismatch(mismatch(protocol, "parser process"))

    def stop(self) -> None:
        if not self.failed:
            self._send(Quit())
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
        if not self._send(Play(str(path), start_line, loop, duration)):
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
                gone: dict[int, list[str]] = {}
                for index, post_id in chunk.deleted:
                    gone.setdefault(index, []).append(post_id)
                first = chunk.first_line
                for index, tweets in enumerate(chunk.tweets):
                    yield (
                        first + index,
                        Parsed(tweets, problems.get(index, []), gone.get(index, [])),
                    )
        finally:
            if not finished and not self.failed and self._send(Cancel()):
                # Stopped early: let the worker end this play, so the next starts clean.
                while (chunk := self._receive()) is not None and not chunk.done:
                    pass

    def _send(self, order: ToParser) -> bool:
        if self.failed:
            return False
        try:
            self._to_worker.send_bytes(self._encoder.encode(order))
        except OSError:
            self.failed = True
        return not self.failed

    def _receive(self) -> Chunk | None:
        if self.failed:
            return None
        try:
            return self._decoder.decode(self._from_worker.recv_bytes())
        except (EOFError, OSError, msgspec.DecodeError):
            self.failed = True
            return None
