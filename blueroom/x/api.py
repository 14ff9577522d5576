"""The exchanges with X that reading needs, through tweepy: stream rules, the filtered
stream's connection, a page of recent search.

Why the stream is not tweepy's ``StreamingClient.filter``: its ``_connect`` loop waits
with ``time.sleep`` (a stop would wait up to 320 s), calls ``on_data`` with lines already
stripped of what the recording must keep, and dies with ``KeyError`` on a matching rule
without a tag. So the loop is the source's own (``x/source.py``, waits on its stop flag,
back-off from ``x/backoff.py``), and this module opens the stream with tweepy's client:
its session (where ``x.api_base`` points it, ``x/transport.py``), its user agent, its
endpoint and parameter handling, and the bearer token as tweepy sends it. Rules go
through ``StreamingClient`` and search through ``Client`` unchanged; every error answer
comes back as one :class:`XHttpError` the loop can classify.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
import tweepy
import urllib3

from blueroom.x.auth import PLACEHOLDER, BearerAuth, TimedSession
from blueroom.x.credentials import BEARER, Secret
from blueroom.x.reading import CONNECT_TIMEOUT, FIELDS, READ_TIMEOUT, Rule
from blueroom.x.transport import point_at

STREAM_URL = "https://api.twitter.com/2/tweets/search/stream"
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    urllib3.exceptions.HTTPError,
    OSError,
)


class XHttpError(Exception):
    """X answered with an error: its status, the rate-limit reset if any, and what it said."""

    def __init__(self, status: int, detail: str, reset_at: float | None = None) -> None:
        super().__init__(f"HTTP {status}: {detail}" if detail else f"HTTP {status}")
        self.status = status
        self.detail = detail
        self.reset_at = reset_at

    @property
    def refused_credentials(self) -> bool:
        return self.status in (401, 403)


def _detail(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return (response.text or response.reason or "")[:200]
    if isinstance(body, dict):
        errors = body.get("errors")
        first = errors[0] if isinstance(errors, list) and errors else body
        if isinstance(first, dict):
            parts: list[str] = []
            for key in ("title", "detail", "message"):
                part = str(first.get(key, "") or "")
                if part and part not in parts:
                    parts.append(part)
            return " — ".join(parts)[:200]
    return str(body)[:200]


def _reset(response: requests.Response) -> float | None:
    value = response.headers.get("x-rate-limit-reset")
    try:
        return float(value) if value else None
    except ValueError:
        return None


def http_error(response: requests.Response) -> XHttpError:
    return XHttpError(response.status_code, _detail(response), _reset(response))


def _translated(error: tweepy.HTTPException) -> XHttpError:
    response = error.response
    return XHttpError(response.status_code, _detail(response), _reset(response))


@dataclass(slots=True)
class RateBudget:
    """What the last answer's ``x-rate-limit-*`` headers said (None: not said)."""

    limit: int | None = None
    remaining: int | None = None
    reset_at: float | None = None

    def read(self, headers: Mapping[str, str]) -> None:
        def number(name: str) -> float | None:
            try:
                value = headers.get(name)
                return float(value) if value is not None else None
            except ValueError:
                return None

        limit, remaining = number("x-rate-limit-limit"), number("x-rate-limit-remaining")
        self.limit = int(limit) if limit is not None else self.limit
        self.remaining = int(remaining) if remaining is not None else self.remaining
        self.reset_at = number("x-rate-limit-reset") or self.reset_at


@dataclass(slots=True)
class RulesReport:
    """What syncing the rules did."""

    added: list[Rule] = field(default_factory=list)
    kept: int = 0
    foreign: list[str] = field(default_factory=list)  # "value [tag]" of rules not ours
    removed: list[str] = field(default_factory=list)

    def say(self) -> str:
        said = f"rules: {self.kept} kept, {len(self.added)} added"
        if self.removed:
            said += f", {len(self.removed)} foreign removed ({'; '.join(self.removed)})"
        elif self.foreign:
            said += (
                f"; {len(self.foreign)} rule(s) not the room's left on the stream (set"
                f" x.remove_foreign_rules = true to remove them): {'; '.join(self.foreign)}"
            )
        return said


def _rule_text(value: str, tag: str | None) -> str:
    return f"{value} [{tag}]" if tag else f"{value} [no tag]"


class XReader:
    """One bearer token, two tweepy clients (rules and stream, search) on timed sessions
    pointed at ``api_base``."""

    def __init__(self, token: str | Secret, api_base: str, *, stall_seconds: float = 21.0) -> None:
        secret = token if isinstance(token, Secret) else Secret(token, BEARER)
        self.stall_seconds = stall_seconds
        # tweepy knows a placeholder only (its debug log prints the headers it builds):
        # the sessions' auth writes the real token as each request leaves, masked in reprs
        self.streaming = tweepy.StreamingClient(PLACEHOLDER, wait_on_rate_limit=False)
        self.streaming.session = TimedSession((CONNECT_TIMEOUT, READ_TIMEOUT))
        self.search_client = tweepy.Client(PLACEHOLDER, return_type=requests.Response)
        self.search_client.session = TimedSession((CONNECT_TIMEOUT, READ_TIMEOUT))
        for session in (self.streaming.session, self.search_client.session):
            session.auth = BearerAuth(lambda: secret)
            point_at(session, api_base)
        self._response: requests.Response | None = None
        self.search_budget = RateBudget()

    def close(self) -> None:
        self.interrupt()
        self.streaming.session.close()
        self.search_client.session.close()

    # -- rules ------------------------------------------------------------------------
    def sync_rules(self, wanted: list[Rule], remove_foreign: bool) -> RulesReport:
        """Add the room's rules the stream lacks; list the others (left by another event,
        another app, or without a tag), and remove them only when ``remove_foreign``."""
        report = RulesReport()
        try:
            existing = self.streaming.get_rules().data or []
            have = {(r.value, r.tag) for r in existing}
            missing = [r for r in wanted if (r.value, r.tag) not in have]
            report.kept = len(wanted) - len(missing)
            wanted_pairs = {(r.value, r.tag) for r in wanted}
            foreign = [
                r for r in existing if (r.value, getattr(r, "tag", None)) not in wanted_pairs
            ]
            report.foreign = [_rule_text(r.value, getattr(r, "tag", None)) for r in foreign]
            if foreign and remove_foreign:
                self.streaming.delete_rules([r.id for r in foreign])
                report.removed, report.foreign = report.foreign, []
            if missing:
                self.streaming.add_rules([tweepy.StreamRule(r.value, r.tag) for r in missing])
                report.added = missing
        except tweepy.HTTPException as error:
            raise _translated(error) from None
        return report

    # -- the stream -------------------------------------------------------------------
    def open_stream(self, backfill_minutes: int = 0) -> requests.Response:
        """The stream's answer, open (200), or :class:`XHttpError`; network errors raise."""
        params: dict[str, Any] = {k.replace(".", "_"): v for k, v in FIELDS.items()}
        if backfill_minutes:
            params["backfill_minutes"] = backfill_minutes
        client = self.streaming
        processed = client._process_params(
            params,
            endpoint_parameters=(
                "backfill_minutes", "expansions", "media.fields", "place.fields",
                "poll.fields", "tweet.fields", "user.fields",
            ),
        )  # fmt: skip
        headers = {"User-Agent": client.user_agent}  # the session's auth signs
        session: requests.Session = client.session
        response = session.request(
            "GET",
            STREAM_URL,
            params=processed,
            headers=headers,
            timeout=(10.0, self.stall_seconds),
            stream=True,
        )
        if response.status_code != 200:
            error = http_error(response)
            response.close()
            raise error
        self._response = response
        return response

    def chunks(self, response: requests.Response) -> Iterator[list[bytes]]:
        """The stream's complete lines as they come, a chunk at a time, each exactly as
        sent without its line end (``b""``: a keep-alive). Ends when the stream does;
        a stall (nothing for ``stall_seconds``) raises a network error."""
        raw = response.raw
        pieces = raw.stream(None) if raw.chunked else raw.stream(512)
        pending = b""
        try:
            for piece in pieces:
                if not piece:
                    continue
                data = pending + piece if pending else piece
                *lines, pending = data.split(b"\n")
                if lines:
                    yield [line[:-1] if line.endswith(b"\r") else line for line in lines]
        finally:
            response.close()
            self._response = None
        if pending:
            yield [pending]  # a last line the server cut: the parser says what it is

    def interrupt(self) -> None:
        """Wake a read blocked on the stream (a stop): its socket is shut down."""
        response = self._response
        if response is None:
            return
        connection = getattr(response.raw, "_connection", None) or getattr(
            response.raw, "connection", None
        )
        sock = getattr(connection, "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(Exception):
            response.close()

    # -- recent search ----------------------------------------------------------------
    def search_page(
        self, query: str, since_id: str | None, next_token: str | None = None
    ) -> tuple[bytes, requests.Response]:
        """One page of recent search (newest first), as received, and its answer."""
        params: dict[str, Any] = {k.replace(".", "_"): v for k, v in FIELDS.items()}
        params["max_results"] = 100
        if since_id:
            params["since_id"] = since_id
        if next_token:
            params["next_token"] = next_token
        try:
            response = self.search_client.search_recent_tweets(query, **params)
        except tweepy.HTTPException as error:
            self.search_budget.read(error.response.headers)
            raise _translated(error) from None
        if not isinstance(response, requests.Response):
            raise TypeError("tweepy's client must return the HTTP answer itself")
        self.search_budget.read(response.headers)
        return response.content, response


# What the loop tries again after a back-off (except a 401 or 403: ``refused_credentials``).
RETRYABLE: tuple[type[BaseException], ...] = (XHttpError, *NETWORK_ERRORS)
