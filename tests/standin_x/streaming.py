"""The stand-in's filtered stream and its rules, as X's documentation shows them.

``GET /2/tweets/search/stream`` keeps the connection open and writes each line with
``\\r\\n``, and a bare ``\\r\\n`` keep-alive every ``keep_alive`` seconds of silence.
A test drives it through ``stream_of(server)``: ``post`` a message (kept for recent
search, and sent on the open stream; missed when none is open, as on X), ``push`` raw
bytes (malformed or truncated lines), ``disconnect`` the open stream, ``stall`` it (no
line, no keep-alive, until the client gives up). Rules (``/2/tweets/search/stream/rules``)
are kept on the server across connections and restarts of the room; ``rules`` may be
set to rules without tags, as another app may have left them. ``valid_bearer`` (when
set) makes any other token get 401, as an expired or revoked one does.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from tests.standin_x.server import Request, StandInX

STREAM = "/2/tweets/search/stream"
RULES = "/2/tweets/search/stream/rules"


@dataclass
class StreamState:
    keep_alive: float = 20.0
    valid_bearer: str | None = None
    rules: list[dict[str, str]] = field(default_factory=list)
    posts: list[dict[str, Any]] = field(default_factory=list)  # everything posted, oldest first
    connections: int = 0  # opened so far
    open: int = 0  # open now
    sent_lines: int = 0
    _next_rule: int = 1
    _queue: deque[bytes] = field(default_factory=deque)
    _command: str | None = None
    _cond: threading.Condition = field(default_factory=threading.Condition)

    def add_rule(self, value: str, tag: str | None = None) -> str:
        with self._cond:
            rule_id = str(1_000 + self._next_rule)
            self._next_rule += 1
            rule = {"id": rule_id, "value": value}
            if tag is not None:
                rule["tag"] = tag
            self.rules.append(rule)
            return rule_id

    def post(self, *messages: dict[str, Any]) -> None:
        """Posts made on X: kept for search, sent on the open stream (missed if none)."""
        with self._cond:
            for message in messages:
                self.posts.append(message)
                if self.open:
                    self._queue.append(json.dumps(message).encode())
            self._cond.notify_all()

    def push(self, *lines: bytes | dict[str, Any]) -> None:
        """Lines for the open stream (or the next one), as they are."""
        with self._cond:
            for line in lines:
                self._queue.append(line if isinstance(line, bytes) else json.dumps(line).encode())
            self._cond.notify_all()

    def disconnect(self) -> None:
        """The open stream is cut (after what is queued) without a goodbye."""
        self._order("disconnect")

    def stall(self) -> None:
        """The open stream goes silent: no line, no keep-alive."""
        self._order("stall")

    def _order(self, command: str) -> None:
        with self._cond:
            self._command = command
            self._cond.notify_all()

    def wait_connections(self, count: int, timeout: float = 10.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self.connections >= count and self.open, timeout)

    def _wake(self) -> None:
        with self._cond:
            self._cond.notify_all()


def stream_of(server: StandInX) -> StreamState:
    state: StreamState = server.state["stream"]
    return state


def bearer_refused(server: StandInX, request: Request) -> bool:
    """401 as X answers an expired or invalid bearer token (True: answered)."""
    valid = stream_of(server).valid_bearer
    if request.bearer and (valid is None or request.bearer == valid):
        return False
    request.respond(
        401,
        {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"},
    )
    return True


def _sent() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())


def install(server: StandInX) -> None:
    state = StreamState()
    server.state["stream"] = state

    @server.route("GET", RULES)
    def get_rules(request: Request) -> None:
        if bearer_refused(server, request):
            return
        with state._cond:
            rules = [dict(rule) for rule in state.rules]
        body: dict[str, Any] = {"meta": {"sent": _sent(), "result_count": len(rules)}}
        if rules:
            body["data"] = rules
        request.respond(200, body)

    @server.route("POST", RULES)
    def change_rules(request: Request) -> None:
        if bearer_refused(server, request):
            return
        body = request.json() or {}
        if "delete" in body:
            ids = set(body["delete"].get("ids", []))
            with state._cond:
                before = len(state.rules)
                state.rules = [r for r in state.rules if r["id"] not in ids]
                deleted = before - len(state.rules)
            summary = {"deleted": deleted, "not_deleted": len(ids) - deleted}
            request.respond(200, {"meta": {"sent": _sent(), "summary": summary}})
            return
        added = []
        for rule in body.get("add", []):
            rule_id = state.add_rule(rule["value"], rule.get("tag"))
            added.append({**rule, "id": rule_id})
        summary = {"created": len(added), "not_created": 0, "valid": len(added), "invalid": 0}
        request.respond(201, {"data": added, "meta": {"sent": _sent(), "summary": summary}})

    @server.route("GET", STREAM)
    def stream(request: Request) -> None:
        if bearer_refused(server, request):
            return
        write = request.stream()
        with state._cond:
            state.connections += 1
            state.open += 1
            state._command = None
            state._cond.notify_all()
        try:
            _serve(state, server, request, write)
        except OSError:
            pass  # the client went away
        finally:
            with state._cond:
                state.open -= 1
                state._cond.notify_all()

    server.closing_hooks.append(state._wake)


def _serve(state: StreamState, server: StandInX, request: Request, write: Any) -> None:
    while not server.closing.is_set():
        with state._cond:
            state._cond.wait_for(
                lambda: state._queue or state._command or server.closing.is_set(),
                state.keep_alive,
            )
            lines = list(state._queue)
            state._queue.clear()
            command, state._command = state._command, None
        for line in lines:
            write(line + b"\r\n")
            state.sent_lines += 1
        if command == "disconnect":
            request.drop()
            return
        if command == "stall":
            server.closing.wait(60.0)  # silent: the client gives up first
            request.drop()
            return
        if not lines:
            write(b"\r\n")  # keep-alive
