"""Take it home: the booth's photos served to the guests' phones on the room's own network.

``PhotoHandoff.offer(path)`` gives a :class:`Link` with an unguessable token
(``secrets.token_urlsafe``, 144 bits) that expires after ``link_minutes``; the phone
opens ``http://<this machine>:<port>/p/<token>``: a small page with the photo, a Save
link and the event's hashtag (no external resource: nothing leaves the room's network),
and ``/p/<token>/photo.jpg`` is the file itself. An unknown or expired token is a kind
404 page; only files under the photos folder can be offered, and the file is checked
again when it is served (a link replaced by a symbolic link leads nowhere). GET and HEAD
only; nothing lists a folder. The server is a ``ThreadingHTTPServer`` on a
:class:`~blueroom.workers.Worker`, started and stopped by the composition root.

The link names this machine by its LAN address, found without sending anything (a UDP
socket "connected" to a private address only picks the route), else the
``handoff.public_host`` setting, else 127.0.0.1.
"""

from __future__ import annotations

import html
import os
import re
import secrets
import shutil
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from blueroom.workers import ErrorSink, Worker

TOKEN_BYTES = 18  # 144 bits: 24 URL-safe characters
MAX_LINKS = 5_000  # the oldest expire first beyond this (a day of a busy booth is far less)
CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".mp4": "video/mp4",
}
_ROUTE = re.compile(r"^/p/(?P<token>[A-Za-z0-9_-]{16,64})(?:/(?P<file>photo\.[a-z0-9]{2,4}))?/?$")
_ANY_PRIVATE = ("10.255.255.255", 1)  # UDP "connect": no packet leaves, a route is chosen
SERVE_TIMEOUT = 30.0  # seconds a phone may stall a request before it is dropped


class OfferRefused(ValueError):
    """The file cannot be offered (outside the photos folder, missing, not a photo)."""


@dataclass(frozen=True, slots=True)
class Link:
    token: str
    url: str  # what the QR code holds: the page on the guest's phone
    path: Path
    expires_at: float  # wall-clock seconds

    @property
    def file_url(self) -> str:
        return f"{self.url}/{_file_name(self.path)}"


@dataclass(frozen=True, slots=True)
class PageWords:
    """What the phone's pages say (the composition root passes them translated)."""

    title: str = "Your photo"
    save: str = "Save the photo"
    hint: str = "Or touch and hold the photo to save it."
    gone_title: str = "This link has expired"
    gone: str = (
        "This photo link has expired or does not exist. Ask the team at the booth for a new one."
    )
    language: str = "en"


def lan_address() -> str:
    """This machine's address on the local network, found without network traffic;
    127.0.0.1 when it has none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_ANY_PRIVATE)
            address = str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    return address if address and not address.startswith("0.") else "127.0.0.1"


def wifi_qr_text(ssid: str, password: str = "", *, hidden: bool = False) -> str:
    """The Wi-Fi network as a phone's camera joins it from a QR code (the ``WIFI:``
    scheme: ``\\ ; , " :`` escaped with a backslash); "" without an SSID."""
    if not ssid:
        return ""

    def escape(text: str) -> str:
        return re.sub(r'([\\;,":])', r"\\\1", text)

    kind = "WPA" if password else "nopass"
    text = f"WIFI:T:{kind};S:{escape(ssid)};"
    if password:
        text += f"P:{escape(password)};"
    if hidden:
        text += "H:true;"
    return text + ";"


def _file_name(path: Path) -> str:
    suffix = path.suffix.lower()
    return "photo.jpg" if suffix == ".jpeg" else f"photo{suffix}"


class PhotoHandoff:
    """The room's photo links and the little web server that serves them."""

    def __init__(
        self,
        photos: Path,
        *,
        host: str = "0.0.0.0",
        port: int = 8738,
        public_host: str = "",
        link_minutes: float = 60.0,
        hashtag: str = "",
        words: PageWords | None = None,
        wifi_ssid: str = "",
        wifi_password: str = "",
        clock: Callable[[], float] = time.time,
        on_error: ErrorSink | None = None,
    ) -> None:
        self.photos = photos
        self._host = host
        self._port = port
        self._public_host = public_host
        self.link_seconds = link_minutes * 60.0
        self.hashtag = hashtag
        self.words = words or PageWords()
        self.wifi_ssid = wifi_ssid
        self._wifi_password = wifi_password  # shown to guests as a QR code, never logged
        self._clock = clock
        self._on_error = on_error
        self._lock = threading.Lock()
        self._links: dict[str, Link] = {}
        self._server: _HandoffServer | None = None
        self._worker: Worker | None = None
        self.served = 0  # files sent in full
        self.refused = 0  # requests for an unknown, expired or unservable link

    # -- lifecycle (the composition root) ------------------------------------------------
    def start(self) -> str:
        """Listen on a worker; "" when listening, else why not (one line)."""
        if self._worker is not None:
            return ""
        try:
            self._server = _HandoffServer((self._host, self._port), self)
        except OSError as error:
            return f"cannot listen on {self._host}:{self._port}: {error.strerror or error}"
        server = self._server
        worker: Worker

        def wake() -> None:
            if worker.alive:  # serve_forever is running or about to: it ends at once
                server.shutdown()

        worker = Worker("photo-handoff", self._serve, on_error=self._on_error, wake=wake)
        self._worker = worker
        worker.start()
        return ""

    def _serve(self, stop: threading.Event) -> None:
        server = self._server
        if server is not None and not stop.is_set():
            server.serve_forever(poll_interval=0.25)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._server is not None:
            self._server.server_close()
            self._server = None

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.alive

    @property
    def port(self) -> int:
        return int(self._server.server_address[1]) if self._server is not None else self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.public_host()}:{self.port}"

    def public_host(self) -> str:
        """How the phones reach this machine: the setting, the address listened on, or
        the LAN address."""
        if self._public_host:
            return self._public_host
        if self._host not in ("", "0.0.0.0", "::"):
            return self._host
        return lan_address()

    def wifi_text(self) -> str:
        """The room's guest Wi-Fi as a QR code's text; "" when no network is set."""
        return wifi_qr_text(self.wifi_ssid, self._wifi_password)

    # -- links --------------------------------------------------------------------------
    def offer(self, path: Path | str) -> Link:
        """A new link to ``path`` (a photo under the photos folder); raises
        :class:`OfferRefused` for anything else."""
        found = self._servable(Path(path))
        if found is None:
            raise OfferRefused(f"not a photo in {self.photos}: {Path(path).name}")
        now = self._clock()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        link = Link(token, f"{self.base_url}/p/{token}", found, now + self.link_seconds)
        with self._lock:
            self._forget_expired(now)
            while len(self._links) >= MAX_LINKS:
                self._links.pop(next(iter(self._links)))
            self._links[token] = link
        return link

    def find(self, token: str) -> Link | None:
        """The live link with this token (None: unknown or expired)."""
        with self._lock:
            link = self._links.get(token)
            if link is None:
                return None
            if self._clock() >= link.expires_at:
                del self._links[token]
                return None
            return link

    def count_served(self) -> None:
        with self._lock:
            self.served += 1

    def count_refused(self) -> None:
        with self._lock:
            self.refused += 1

    def _forget_expired(self, now: float) -> None:
        for token in [t for t, link in self._links.items() if now >= link.expires_at]:
            del self._links[token]

    def _servable(self, path: Path) -> Path | None:
        """``path`` resolved, when it is a photo file inside the photos folder."""
        try:
            folder = self.photos.resolve(strict=True)
            found = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not found.is_relative_to(folder) or found == folder:
            return None
        if found.suffix.lower() not in CONTENT_TYPES or not found.is_file():
            return None
        return found

    # -- pages ----------------------------------------------------------------------------
    def page(self, link: Link) -> str:
        words = self.words
        name = _file_name(link.path)
        source = f"/p/{quote(link.token)}/{name}"
        save_name = re.sub(r"[^A-Za-z0-9_-]+", "", self.hashtag) or "photo"
        save_name = (
            f"{save_name}-{re.sub(r'[^A-Za-z0-9_-]+', '', link.path.stem)}{link.path.suffix}"
        )
        if link.path.suffix.lower() == ".mp4":
            media = f'<video src="{source}" controls autoplay loop muted playsinline></video>'
        else:
            media = f'<img src="{source}" alt="{html.escape(words.title)}">'
        tag = f"<p class=tag>{html.escape(self.hashtag)}</p>" if self.hashtag else ""
        return (
            f"<!doctype html><html lang={html.escape(words.language)}><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width,initial-scale=1">'
            f"<title>{html.escape(words.title)}</title>"
            f"<style>{_STYLE}</style><body><main>{media}"
            f'<p><a class=save href="{source}?save=1" download="{html.escape(save_name)}">'
            f"{html.escape(words.save)}</a></p>"
            f"<p class=hint>{html.escape(words.hint)}</p>{tag}</main></body></html>"
        )

    def gone_page(self) -> str:
        words = self.words
        return (
            f"<!doctype html><html lang={html.escape(words.language)}><meta charset=utf-8>"
            '<meta name=viewport content="width=device-width,initial-scale=1">'
            f"<title>{html.escape(words.gone_title)}</title><style>{_STYLE}</style>"
            f"<body><main><h1>{html.escape(words.gone_title)}</h1>"
            f"<p>{html.escape(words.gone)}</p></main></body></html>"
        )


_STYLE = (
    "body{margin:0;background:#0b1220;color:#f2f5fa;font:18px/1.4 system-ui,sans-serif}"
    "main{max-width:40em;margin:0 auto;padding:16px;text-align:center}"
    "img,video{max-width:100%;height:auto;border-radius:8px}"
    "a.save{display:inline-block;margin:12px;padding:14px 28px;border-radius:28px;"
    "background:#3d7bfd;color:#fff;text-decoration:none;font-weight:700}"
    ".hint{color:#a9b4c6;font-size:15px}.tag{font-weight:700;color:#8fb3ff}"
)


class _HandoffServer(ThreadingHTTPServer):
    daemon_threads = True  # a stalled phone never holds up the room's exit

    def __init__(self, address: tuple[str, int], handoff: PhotoHandoff) -> None:
        self.handoff = handoff
        super().__init__(address, _HandoffHandler)


class _HandoffHandler(BaseHTTPRequestHandler):
    server: _HandoffServer
    server_version = "BlueRoom"
    sys_version = ""
    timeout = SERVE_TIMEOUT

    def log_message(self, format: str, *args: Any) -> None:
        return None  # the path holds the token: never logged

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _not_allowed(self) -> None:
        self.send_response(405)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def _answer(self, *, body: bool) -> None:
        handoff = self.server.handoff
        split = urlsplit(self.path)
        route = _ROUTE.match(split.path)
        link = handoff.find(route["token"]) if route is not None else None
        path = handoff._servable(link.path) if link is not None else None
        if route is None or link is None or path is None:
            handoff.count_refused()
            self._send_text(404, handoff.gone_page(), body)
            return
        file = route["file"]
        if file is None:
            self._send_text(200, handoff.page(link), body)
            return
        if file != _file_name(path):
            handoff.count_refused()
            self._send_text(404, handoff.gone_page(), body)
            return
        self._send_file(path, save=split.query == "save=1", body=body)

    def _headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
        )

    def _send_text(self, status: int, page: str, body: bool) -> None:
        data = page.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self._headers()
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _send_file(self, path: Path, *, save: bool, body: bool) -> None:
        try:
            handle = path.open("rb")
        except OSError:
            self.server.handoff.count_refused()
            self._send_text(404, self.server.handoff.gone_page(), body)
            return
        with handle:
            size = os.fstat(handle.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", CONTENT_TYPES[path.suffix.lower()])
            self.send_header("Content-Length", str(size))
            disposition = "attachment" if save else "inline"
            self.send_header("Content-Disposition", f'{disposition}; filename="{_file_name(path)}"')
            self._headers()
            self.end_headers()
            if body:
                shutil.copyfileobj(handle, self.wfile)
                self.server.handoff.count_served()
