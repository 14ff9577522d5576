"""A stand-in X API v2 server on loopback: keeps its state, answers as X's documentation
shows, and fails on demand.

The room's real tweepy client is pointed at it through ``x.api_base`` (``x/transport.py``).
It runs on a thread of the test process, so a room in another process can be killed
(``kill -9``) and restarted against the same state: the rules it synced, the posts the
account made, the media it uploaded. Every request is recorded (``requests``), so a test
can say "posted once" by counting them.

Routes live in modules of this package, one per part of the API, each with an
``install(server)`` that registers its handlers with ``server.route``. Faults are queued
per route (``fail``): the next matching request gets the fault instead of (or, with
``after=True``, after) the normal answer.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Handler = Callable[["Request"], None]


@dataclass(frozen=True, slots=True)
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass(slots=True)
class Fault:
    """What the next request to a route gets instead of its answer.

    ``status`` with ``headers``/``body``: an HTTP error (429 with reset headers, 503, 401).
    ``hang``: seconds to wait before answering (a stall, a timeout). ``drop``: close the
    connection without an answer. ``after``: do the work first (a post is made), then
    hang or drop: the client never learns that it succeeded.
    """

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    hang: float = 0.0
    drop: bool = False
    after: bool = False
    answer: bool = False  # no fault this time: the request is answered as usual

    @classmethod
    def none(cls) -> Fault:
        """A request in a queue of faults that goes through (a success between failures)."""
        return cls(answer=True)


class Request:
    """A request being answered: its parts, and how to answer it."""

    def __init__(self, handler: BaseHTTPRequestHandler, match: re.Match[str], body: bytes) -> None:
        self._handler = handler
        split = urlsplit(handler.path)
        self.method = handler.command
        self.path = split.path
        self.query = parse_qs(split.query, keep_blank_values=True)
        self.headers = {k.lower(): v for k, v in handler.headers.items()}
        self.body = body
        self.params = match.groupdict()
        self.answered = False

    def json(self) -> Any:
        return json.loads(self.body or b"null")

    def arg(self, name: str, default: str = "") -> str:
        values = self.query.get(name)
        return values[0] if values else default

    @property
    def bearer(self) -> str:
        auth = self.headers.get("authorization", "")
        return auth[len("Bearer ") :] if auth.startswith("Bearer ") else ""

    def respond(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        """Answer with ``body`` as JSON (bytes as they are; None: no body)."""
        data = (
            body if isinstance(body, bytes) else b"" if body is None else json.dumps(body).encode()
        )
        self._handler.send_response(status)
        self._handler.send_header("Content-Type", "application/json")
        self._handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self._handler.send_header(name, value)
        self._handler.end_headers()
        self._handler.wfile.write(data)
        self._handler.wfile.flush()
        self.answered = True

    def stream(self, headers: dict[str, str] | None = None) -> Callable[[bytes], None]:
        """Start a chunked 200 answer; returns ``write(data)`` (raises ``OSError`` once the
        client has gone). The handler returns to end the stream."""
        self._handler.send_response(200)
        self._handler.send_header("Content-Type", "application/json")
        self._handler.send_header("Transfer-Encoding", "chunked")
        for name, value in (headers or {}).items():
            self._handler.send_header(name, value)
        self._handler.end_headers()
        self.answered = True
        wfile = self._handler.wfile

        def write(data: bytes) -> None:
            if data:
                wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                wfile.flush()

        return write

    def drop(self) -> None:
        """Close the connection without (finishing) an answer."""
        self._handler.close_connection = True
        self.answered = True
        with contextlib.suppress(OSError):
            self._handler.connection.shutdown(2)


class StandInX:
    """The server; ``with StandInX() as x:`` starts it on a free loopback port."""

    def __init__(self, *, install: tuple[Callable[[StandInX], None], ...] | None = None) -> None:
        self.lock = threading.RLock()
        self.requests: list[Recorded] = []
        self.state: dict[str, Any] = {}  # each route module keeps its part here
        self._routes: list[tuple[str, re.Pattern[str], str, Handler]] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._closing = threading.Event()
        self.closing_hooks: list[Callable[[], None]] = []  # wake long answers at stop
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        for installer in install if install is not None else _default_installers():
            installer(self)

    # -- set-up --------------------------------------------------------------------

    def route(
        self, method: str, pattern: str, name: str | None = None
    ) -> Callable[[Handler], Handler]:
        """Register a handler for ``method`` and a path pattern (``{id}`` is a segment)."""
        regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")

        def register(handler: Handler) -> Handler:
            self._routes.append((method, regex, name or f"{method} {pattern}", handler))
            return handler

        return register

    def fail(self, route: str, *faults: Fault) -> None:
        """Queue faults for the next requests to ``route`` ("POST /2/tweets")."""
        with self.lock:
            self._faults.setdefault(route, deque()).extend(faults)

    @property
    def url(self) -> str:
        assert self._server is not None, "start the server first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def closing(self) -> threading.Event:
        """Set when the server stops: long answers (streams) end."""
        return self._closing

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r.method == method and r.path == path)

    # -- running -------------------------------------------------------------------

    def start(self) -> StandInX:
        stand_in = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return None

            def _any(self) -> None:
                stand_in._dispatch(self)

            do_GET = do_POST = do_PUT = do_DELETE = _any

        self._closing.clear()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="standin-x", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()
        for hook in self.closing_hooks:
            hook()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)
        self._server = None

    def __enter__(self) -> StandInX:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _dispatch(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        split = urlsplit(handler.path)
        with self.lock:
            self.requests.append(
                Recorded(
                    handler.command,
                    split.path,
                    parse_qs(split.query, keep_blank_values=True),
                    {k.lower(): v for k, v in handler.headers.items()},
                    body,
                    time.time(),
                )
            )
        for method, regex, name, route in self._routes:
            match = regex.match(split.path)
            if method != handler.command or match is None:
                continue
            request = Request(handler, match, body)
            fault = self._next_fault(name)
            if fault is not None and fault.answer:
                fault = None
            if fault is not None and not fault.after:
                self._apply(fault, request)
                return
            if fault is not None:
                route(_Silenced(request))
                self._apply(fault, request, answered=True)
                return
            route(request)
            if not request.answered:
                request.respond(500, {"title": "stand-in route gave no answer"})
            return
        Request(handler, re.match("", ""), body).respond(  # type: ignore[arg-type]
            404, {"title": "Not Found Error", "detail": f"no stand-in route for {split.path}"}
        )

    def _next_fault(self, name: str) -> Fault | None:
        with self.lock:
            queue = self._faults.get(name)
            return queue.popleft() if queue else None

    def _apply(self, fault: Fault, request: Request, *, answered: bool = False) -> None:
        if fault.hang:
            self._closing.wait(fault.hang)
        if fault.drop or answered:
            request.drop()
            return
        request.respond(fault.status or 503, fault.body, fault.headers)


class _Silenced(Request):
    """A request whose answer is never sent (the work is done, the client never hears)."""

    def __init__(self, inner: Request) -> None:
        self.__dict__.update(inner.__dict__)

    def respond(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        self.answered = True

    def stream(self, headers: dict[str, str] | None = None) -> Callable[[bytes], None]:
        self.answered = True
        return lambda data: None


def _default_installers() -> Iterator[Callable[[StandInX], None]]:
    """Every part of the API the stand-in knows (each module's ``install``)."""
    from tests.standin_x import accounts, posting, search, streaming

    return iter((accounts.install, posting.install, streaming.install, search.install))
