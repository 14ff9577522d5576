"""The live X sources: the filtered stream (``live``) and polled recent search
(``search``), each optionally recording what it receives (``live+record``,
``search+record``), on a worker of their own.

Both turn X's lines into the room's events through the replay's parser
(``sources/x_payload.py``). The loop is this module's, not tweepy's (``x/api.py`` says
why): it reconnects with the platform's back-off (``x/backoff.py``), every wait on the
stop flag; a stream that says nothing for ``x.stall_seconds`` (no post, no keep-alive)
is dropped and opened again. After a gap (a reconnect, or a resumed session) the posts
missed are back-filled by recent search since the last post read, where the access
allows; a post delivered twice (a back-fill overlapping the stream) is dropped by the
bus's journalled ``SeenPosts``. Reads are published as ``XUsage`` about once a second.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Literal

from blueroom.core.events import (
    Event,
    MalformedRecord,
    PostDeleted,
    SourceCheckpoint,
    SourceState,
    SourceStateChanged,
    TweetReceived,
    XCheckpoint,
    XUsage,
)
from blueroom.settings import EventSettings, XSettings
from blueroom.sources import x_status as fig
from blueroom.sources.source import PublishMany, SourceStats
from blueroom.sources.x_payload import PayloadParser
from blueroom.workers import ErrorSink, Worker
from blueroom.x.api import NETWORK_ERRORS, RETRYABLE, XHttpError, XReader
from blueroom.x.backoff import BackOff
from blueroom.x.credentials import Secret
from blueroom.x.reading import CredentialsMissing, search_query, stream_rules

Mode = Literal["live", "search"]
USAGE_EVERY = 1.0  # seconds between two XUsage events
MAX_BACKFILL_PAGES = 10  # of 100 posts: a longer gap is back-filled this far, and said
FIRST_SEARCH_PAGES = 1  # a fresh search reads the newest page only (reads are billed)


def newer(a: str, b: str) -> bool:
    """Whether post id ``a`` is newer than ``b`` (X ids grow with time)."""
    if a.isdigit() and b.isdigit():
        return int(a) > int(b)
    return a > b


class XSource:
    """``live`` or ``search``; ``start()`` is called by the composition root."""

    def __init__(
        self,
        mode: Mode,
        *,
        event: EventSettings,
        x: XSettings,
        publish_many: PublishMany,
        token: Callable[[], str | Secret],
        record_to: Path | None = None,
        name: str = "x",
        on_error: ErrorSink | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.kind = mode + ("+record" if record_to is not None else "")
        self.mode = mode
        self.name = name
        self._event = event
        self._x = x
        self._publish_many = publish_many
        self._token = token
        self.record_to = record_to
        self._clock = clock
        self._parser = PayloadParser()
        self._backoff = BackOff(clock)
        self._reader: XReader | None = None
        self._worker = Worker(f"source-{name}", self._run, on_error=on_error, wake=self._wake)
        self._stop = self._worker.stopping
        self._finished = threading.Event()
        self._recording: IO[bytes] | None = None
        # where it had got to
        self.last_id = ""
        self.last_at = 0.0
        self._gap = False  # posts may have been missed since last_id: back-fill
        # what the console shows
        self._state = SourceState.STARTING
        self._detail = "connecting to X"
        self._connected = False
        self._posts = 0
        self._problems = 0
        self._lines = 0
        self._keep_alives = 0
        self._reconnects = 0
        self._stalls = 0
        self._api_errors = 0
        self._recorded = 0
        self._backfilled = 0
        self._backfills = 0
        self._backfill_refused = False
        self._next_try_at = 0.0
        self._foreign_rules = 0
        self.rules_said = ""
        self._usage: dict[str, int] = {}
        self._usage_ids: dict[str, list[str]] = {}  # X bills a post read once a UTC day
        self._usage_at = 0.0

    # -- the Source protocol ------------------------------------------------------------
    def resume_from(self, checkpoint: SourceCheckpoint) -> None:
        """A resumed session back-fills from the last post its source had read."""
        if (
            isinstance(checkpoint, XCheckpoint)
            and checkpoint.source == self.name
            and checkpoint.last_id
            and not self._worker.started
        ):
            self.last_id, self.last_at = checkpoint.last_id, checkpoint.last_at
            self._gap = True

    def start(self) -> None:
        self._worker.start()

    def stop(self, timeout: float = 5.0) -> bool:
        return self._worker.stop(timeout)

    def wait_finished(self, timeout: float | None = None) -> bool:
        return self._finished.wait(timeout)

    def stats(self) -> SourceStats:
        budget = self._reader.search_budget if self._reader is not None else None
        figures: list[tuple[str, float]] = [
            (fig.CONNECTED, 1.0 if self._connected else 0.0),
            (fig.LAST_POST_AT, self.last_at),
            (fig.RECONNECTS, float(self._reconnects)),
            (fig.STALLS, float(self._stalls)),
            (fig.BACKFILLED, float(self._backfilled)),
            (fig.BACKFILLS, float(self._backfills)),
            (fig.BACKFILL_REFUSED, 1.0 if self._backfill_refused else 0.0),
            (fig.NEXT_TRY_AT, self._next_try_at),
            (fig.LINES, float(self._lines)),
            (fig.KEEP_ALIVES, float(self._keep_alives)),
            (fig.API_ERRORS, float(self._api_errors)),
            (fig.FOREIGN_RULES, float(self._foreign_rules)),
        ]
        if budget is not None and budget.remaining is not None:
            figures.append((fig.RATE_REMAINING, float(budget.remaining)))
            figures.append(
                (fig.RATE_LIMIT, float(budget.limit if budget.limit is not None else -1))
            )
            figures.append((fig.RATE_RESET_AT, float(budget.reset_at or 0.0)))
        if self.record_to is not None:
            figures.append((fig.RECORDED, float(self._recorded)))
        return SourceStats(
            name=self.name,
            kind=self.kind,
            state=self._state,
            detail=self._detail,
            posts=self._posts,
            problems=self._problems,
            position=f"last post {self.last_id}" if self.last_id else "",
            figures=tuple(figures),
        )

    # -- the worker ---------------------------------------------------------------------
    def _wake(self) -> None:
        reader = self._reader
        if reader is not None:
            reader.interrupt()

    def _set_state(self, state: SourceState, detail: str) -> None:
        if state == self._state and detail == self._detail:
            return
        self._state, self._detail = state, detail
        self._publish_many([SourceStateChanged(source=self.name, state=state, detail=detail)])

    def _run(self, stop: threading.Event) -> None:
        try:
            try:
                token = self._token()
            except CredentialsMissing as error:
                self._set_state(SourceState.FAILED, str(error))
                return
            self._reader = XReader(token, self._x.api_base, stall_seconds=self._x.stall_seconds)
            if self.record_to is not None:
                self.record_to.parent.mkdir(parents=True, exist_ok=True)
                self._recording = self.record_to.open("ab")
            if self.mode == "live":
                self._live(self._reader, stop)
            else:
                self._search(self._reader, stop)
            if stop.is_set():
                self._set_state(SourceState.STOPPED, "stopped")
        except XHttpError as error:
            self._set_state(SourceState.FAILED, self._refused(error))
        except Exception as error:
            self._set_state(
                SourceState.FAILED, f"X source stopped: {type(error).__name__}: {error}"
            )
            raise
        finally:
            self._connected = False
            self._flush_usage(force=True)
            if self._reader is not None:
                self._reader.close()
            if self._recording is not None:
                self._recording.close()
            self._finished.set()

    @staticmethod
    def _refused(error: XHttpError) -> str:
        if error.status == 401:
            return f"X refused the bearer token (401: expired or invalid): {error.detail}"
        if error.status == 403:
            return f"X refused this access (403: not allowed with these keys): {error.detail}"
        return f"X answered {error}"

    def _wait(self, stop: threading.Event, seconds: float, why: str) -> bool:
        """Wait before trying again, saying so; True when stopped meanwhile."""
        self._connected = False
        self._next_try_at = self._clock() + seconds
        self._set_state(SourceState.STARTING, f"{why}: trying again in {seconds:.3g} s")
        stopped = stop.wait(seconds)
        self._next_try_at = 0.0
        return stopped

    def _retry_wait(self, error: BaseException) -> tuple[float, str]:
        """How long to wait after ``error`` and why (raises it when retrying is useless)."""
        if isinstance(error, XHttpError):
            if error.refused_credentials:
                raise error
            if error.status == 429:
                return self._backoff.rate_limited(error.reset_at), f"rate-limited by X ({error})"
            return self._backoff.http_error(), f"X answered {error}"
        return self._backoff.network_error(), f"network error ({type(error).__name__})"

    # -- live -----------------------------------------------------------------------------
    def _live(self, reader: XReader, stop: threading.Event) -> None:
        wanted = stream_rules(self._event)
        while not stop.is_set():
            self._set_state(SourceState.STARTING, "syncing the stream's rules")
            try:
                report = reader.sync_rules(wanted, self._x.remove_foreign_rules)
                break
            except RETRYABLE as error:
                wait, why = self._retry_wait(error)
                if self._wait(stop, wait, why):
                    return
        else:
            return
        self.rules_said = report.say()
        self._foreign_rules = len(report.foreign)
        if report.foreign or report.removed:
            self._publish_many(
                [MalformedRecord(source=self.name, reason=self.rules_said, dropped=False)]
            )
        while not stop.is_set():
            self._set_state(SourceState.STARTING, "connecting to the stream")
            try:
                response = reader.open_stream()
            except RETRYABLE as error:
                wait, why = self._retry_wait(error)
                if self._wait(stop, wait, why):
                    return
                continue
            self._connected = True
            self._set_state(SourceState.RUNNING, self._running_detail())
            if self._gap:
                self._backfill(reader, stop)
            why = "the stream ended"
            try:
                for lines in reader.chunks(response):
                    if stop.is_set():
                        return
                    self._backoff.succeeded()
                    self._take(lines, "stream")
            except NETWORK_ERRORS as error:
                if stop.is_set():
                    return
                stalled = "timeout" in type(error).__name__.lower() or "timed out" in str(error)
                if stalled:
                    self._stalls += 1
                    why = f"the stream said nothing for {self._x.stall_seconds:g} s"
                else:
                    why = f"the connection was lost ({type(error).__name__})"
            if stop.is_set():
                return
            self._reconnects += 1
            self._gap = bool(self.last_id)
            if self._wait(stop, self._backoff.network_error(), why):
                return

    def _running_detail(self) -> str:
        said = "streaming"
        if self.rules_said:
            said += f" — {self.rules_said}"
        return said

    def _backfill(self, reader: XReader, stop: threading.Event) -> None:
        """The posts since ``last_id``, by recent search (access allowing), once a gap."""
        self._gap = False
        if self._backfill_refused or not self.last_id:
            return
        try:
            posts = self._search_round(reader, stop, self.last_id, MAX_BACKFILL_PAGES, "backfill")
        except XHttpError as error:
            if error.refused_credentials:
                self._backfill_refused = True
                self._publish_many(
                    [
                        MalformedRecord(
                            source=self.name,
                            reason=f"no back-fill: recent search is not allowed ({error})",
                            dropped=False,
                        )
                    ]
                )
            return
        except NETWORK_ERRORS:
            return
        self._backfills += 1
        self._backfilled += posts

    # -- search ---------------------------------------------------------------------------
    def _search(self, reader: XReader, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                pages = MAX_BACKFILL_PAGES if self.last_id else FIRST_SEARCH_PAGES
                self._search_round(reader, stop, self.last_id or None, pages, "search")
            except RETRYABLE as error:
                wait, why = self._retry_wait(error)
                if self._wait(stop, wait, why):
                    return
                continue
            self._backoff.succeeded()
            self._connected = True
            pause = self._search_pause(reader)
            self._set_state(SourceState.RUNNING, f"searching every {pause:.3g} s")
            if stop.wait(pause):
                return

    def _search_pause(self, reader: XReader) -> float:
        """The pause before the next search: the settings', or longer so as to last the
        rate-limit window with the requests it has left."""
        budget = reader.search_budget
        pause = self._x.search_every_seconds
        if budget.remaining is not None and budget.reset_at is not None:
            left = max(0.0, budget.reset_at - self._clock())
            if budget.remaining <= 0:
                pause = max(pause, left + 1.0)
            else:
                pause = max(pause, left / budget.remaining)
        return pause

    def _search_round(
        self, reader: XReader, stop: threading.Event, since_id: str | None, pages: int, what: str
    ) -> int:
        """Recent search since ``since_id``, newest page first; the posts it brought."""
        query = search_query(self._event)
        token: str | None = None
        posts = 0
        for _ in range(pages):
            if stop.is_set():
                break
            raw, response = reader.search_page(query, since_id, token)
            if b"\n" in raw:  # one page, one line of the recording
                raw = json.dumps(json.loads(raw), separators=(",", ":")).encode()
            posts += self._take([raw], what)
            try:
                token = (response.json().get("meta") or {}).get("next_token")
            except ValueError:
                token = None
            if not token:
                break
        else:
            if token and since_id:  # the cap reached with older posts of the gap unread
                self._problems += 1
                reason = (
                    f"{what}: stopped after {pages} pages ({posts:,} posts); the gap's older"
                    " posts were not read"
                )
                self._publish_many([MalformedRecord(source=self.name, reason=reason)])
        return posts

    # -- what was read ----------------------------------------------------------------------
    def _take(self, lines: list[bytes], what: str) -> int:
        """Lines received: recorded, parsed, published as one batch; the posts they held."""
        events: list[Event] = []
        posts = 0
        read_ids: list[str] = []
        recording = self._recording
        for line in lines:
            self._lines += 1
            if not line.strip():
                self._keep_alives += 1
                continue
            if recording is not None:
                recording.write(line + b"\n")
                self._recorded += 1
            parsed = self._parser.parse(line)
            self._api_errors += parsed.api_errors
            for problem in parsed.problems:
                self._problems += 1
                events.append(
                    MalformedRecord(
                        source=self.name,
                        reason=problem.reason,
                        excerpt=problem.excerpt,
                        line=self._lines,
                        dropped=problem.dropped,
                    )
                )
            for tweet in parsed.tweets:
                posts += 1
                read_ids.append(tweet.id)
                events.append(TweetReceived(tweet=tweet, source=self.name))
                if not self.last_id or newer(tweet.id, self.last_id):
                    self.last_id = tweet.id
                    self.last_at = tweet.created_at or self._clock()
            for deleted in parsed.deleted:
                events.append(PostDeleted(tweet_id=deleted, source=self.name))
        if recording is not None:
            recording.flush()
        if posts:
            self._posts += posts
            self._usage[what] = self._usage.get(what, 0) + posts
            self._usage_ids.setdefault(what, []).extend(read_ids)
            events.append(
                XCheckpoint(
                    source=self.name, kind_of_source=self.mode, last_id=self.last_id,
                    last_at=self.last_at,
                )
            )  # fmt: skip
        if events:
            self._publish_many(events)
        self._flush_usage()
        return posts

    def _flush_usage(self, force: bool = False) -> None:
        now = time.monotonic()
        if not self._usage or (not force and now - self._usage_at < USAGE_EVERY):
            return
        self._usage_at = now
        usage, self._usage = self._usage, {}
        ids, self._usage_ids = self._usage_ids, {}
        self._publish_many(
            [
                XUsage(what=what, reads=reads, read_ids=tuple(ids.get(what, ())))
                for what, reads in usage.items()
            ]
        )
