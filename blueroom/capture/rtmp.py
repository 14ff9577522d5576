"""Publishing to an RTMP(S) server: the handshake, the commands, the chunks (no Qt).

PyAV encodes the programme and packs it as FLV (``av.open(tags, "w", format="flv")``
over :class:`FlvTags`); this module carries the FLV tags to the server as RTMP
messages, as OBS's librtmp does. FFmpeg's own ``rtmp://`` output is not used: PyAV 18
opens it with no timeout and no interrupt (``avio_open`` without options), so a server
that vanishes without closing the connection, or an ``rtmps://`` address answered by a
plain server, holds the encoder for minutes; and its errors repeat the address, key
included. Here every read and write has a deadline, TLS is Python's own (with the
system's certificates), the server's answers are read (a refused key is said as such),
and no message ever holds the key: it is sent once, in the ``publish`` command.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import ssl
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from blueroom.core.phrases import Phrase

HANDSHAKE_SIZE = 1536
OUT_CHUNK_SIZE = 4096
DEFAULT_PORTS = {"rtmp": 1935, "rtmps": 443}

# Message types (RTMP 1.0, section 5.4 and 7.1)
SET_CHUNK_SIZE, ABORT, ACK, USER_CONTROL, WINDOW_ACK_SIZE, PEER_BANDWIDTH = 1, 2, 3, 4, 5, 6
AUDIO, VIDEO, DATA_AMF0, COMMAND_AMF3, COMMAND_AMF0 = 8, 9, 18, 17, 20
PING_REQUEST, PING_RESPONSE = 6, 7
# Chunk streams: protocol control, the connection's commands, the stream's media
CONTROL_CHANNEL, COMMAND_CHANNEL, MEDIA_CHANNEL, STREAM_COMMAND_CHANNEL = 2, 3, 4, 8


# What publishing says (core/phrases.py: the console words them in its language).
CANNOT_REACH = Phrase("stream_cannot_reach", "cannot reach {address}: {error}")
NOT_RTMP = Phrase("stream_not_rtmp", "{address} does not speak RTMP (is it the right port?)")
STOPPED_ANSWERING = Phrase("stream_stopped_answering", "{address} stopped answering: {error}")
NO_ANSWER = Phrase("stream_no_answer", "{address} did not answer")
CONNECTION_REFUSED = Phrase("stream_connection_refused", "{address} refused the connection{detail}")
KEY_REFUSED = Phrase("stream_key_refused", "the server refused the key{detail}")
KEY_REFUSED_CLOSED = Phrase(
    "stream_key_refused_closed", "the server refused the key (it closed the connection)"
)
LOST = Phrase("stream_lost", "lost {address}: {error}")
CLOSED = Phrase("stream_closed", "{address} closed the connection")
SERVER_STOPPED = Phrase("stream_server_stopped", "the server stopped the stream{detail}")
PHRASES = (
    CANNOT_REACH,
    NOT_RTMP,
    STOPPED_ANSWERING,
    NO_ANSWER,
    CONNECTION_REFUSED,
    KEY_REFUSED_CLOSED,
    KEY_REFUSED,
    LOST,
    CLOSED,
    SERVER_STOPPED,
)


class RtmpError(Exception):
    """Why publishing failed, in one line that never holds the key."""


class Unreachable(RtmpError):
    """The server could not be reached, or went away (worth trying again)."""


class Refused(RtmpError):
    """The server answered and said no (the key, the application): not worth retrying."""


class Revealing(Protocol):
    """A secret (``x/credentials.py``'s ``Secret``): its text only through ``reveal``."""

    def reveal(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Address:
    """Where to publish, without the key: ``rtmp[s]://host[:port]/app``."""

    scheme: str
    host: str
    port: int
    app: str

    @property
    def tls(self) -> bool:
        return self.scheme == "rtmps"

    @property
    def tc_url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}/{self.app}"

    def __str__(self) -> str:
        port = "" if self.port == DEFAULT_PORTS[self.scheme] else f":{self.port}"
        return f"{self.scheme}://{self.host}{port}/{self.app}"


def parse_address(url: str) -> Address:
    """The server's address from the settings' URL; ValueError with one line when it is
    not an RTMP(S) address."""
    text = url.strip()
    if not text:
        raise ValueError("no stream address")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        said = f"{scheme}://" if scheme else repr(text.split("/")[0][:20])
        raise ValueError(f"a stream address begins with rtmp:// or rtmps://, not {said}")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise ValueError("the stream address has a port that is not a number") from None
    host = parts.hostname or ""
    app = parts.path.strip("/")
    if not host:
        raise ValueError(f"the stream address has no server: {scheme}://?/{app}")
    if not app:
        raise ValueError(f"the stream address names no application: {scheme}://{host}/?")
    return Address(scheme, host, port, app)


# -- AMF0 ---------------------------------------------------------------------------------
class _End:
    pass


OBJECT_END = _End()


def amf_encode(*values: object) -> bytes:
    return b"".join(_amf_value(value) for value in values)


def _amf_string(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack(">H", len(data)) + data


def _amf_value(value: object) -> bytes:
    if value is None:
        return b"\x05"
    if isinstance(value, bool):
        return b"\x01" + (b"\x01" if value else b"\x00")
    if isinstance(value, int | float):
        return b"\x00" + struct.pack(">d", float(value))
    if isinstance(value, str):
        data = value.encode("utf-8")
        if len(data) > 0xFFFF:
            return b"\x0c" + struct.pack(">I", len(data)) + data
        return b"\x02" + _amf_string(value)
    if isinstance(value, dict):
        body = b"".join(_amf_string(str(k)) + _amf_value(v) for k, v in value.items())
        return b"\x03" + body + b"\x00\x00\x09"
    raise TypeError(f"AMF0 cannot hold {type(value).__name__}")


def amf_decode(data: bytes) -> list[Any]:
    """Every value of an AMF0 body (what the room needs of it: numbers, strings,
    booleans, objects, arrays, null); anything unknown ends the reading."""
    values: list[Any] = []
    at = 0
    while at < len(data):
        try:
            value, at = _amf_read(data, at)
        except (struct.error, IndexError, ValueError, UnicodeDecodeError):
            break
        values.append(value)
    return values


def _amf_read(data: bytes, at: int) -> tuple[Any, int]:
    kind = data[at]
    at += 1
    if kind == 0x00:
        return struct.unpack_from(">d", data, at)[0], at + 8
    if kind == 0x01:
        return data[at] != 0, at + 1
    if kind == 0x02:
        (size,) = struct.unpack_from(">H", data, at)
        return data[at + 2 : at + 2 + size].decode("utf-8", "replace"), at + 2 + size
    if kind == 0x0C:
        (size,) = struct.unpack_from(">I", data, at)
        return data[at + 4 : at + 4 + size].decode("utf-8", "replace"), at + 4 + size
    if kind in (0x05, 0x06):
        return None, at
    if kind in (0x03, 0x08):
        if kind == 0x08:
            at += 4  # the ECMA array's count (the end marker is what counts)
        found: dict[str, Any] = {}
        while True:
            (size,) = struct.unpack_from(">H", data, at)
            name = data[at + 2 : at + 2 + size].decode("utf-8", "replace")
            at += 2 + size
            if data[at] == 0x09:
                return found, at + 1
            found[name], at = _amf_read(data, at)
    if kind == 0x0A:
        (count,) = struct.unpack_from(">I", data, at)
        at += 4
        items = []
        for _ in range(count):
            item, at = _amf_read(data, at)
            items.append(item)
        return items, at
    if kind == 0x0B:
        return struct.unpack_from(">d", data, at)[0], at + 10
    raise ValueError(f"AMF0 type {kind}")


# -- FLV ----------------------------------------------------------------------------------
class FlvTags:
    """The file PyAV's FLV muxer writes to: each whole tag is handed to ``on_tag`` as it
    is written ((type, timestamp in ms, body)); the FLV header is skipped. Not seekable,
    so the muxer never goes back to patch a duration."""

    def __init__(self, on_tag: Callable[[int, int, bytes], None]) -> None:
        self._on_tag = on_tag
        self._buffer = bytearray()
        self._header_left = 13  # "FLV", version, flags, header size, PreviousTagSize0
        self.error: BaseException | None = None  # what the transport raised (PyAV wraps it)

    def write(self, data: bytes) -> int:
        self._buffer += data
        if self._header_left:
            skipped = min(self._header_left, len(self._buffer))
            del self._buffer[:skipped]
            self._header_left -= skipped
        while len(self._buffer) >= 11:
            size = int.from_bytes(self._buffer[1:4], "big")
            end = 11 + size + 4  # the tag, then its PreviousTagSize
            if len(self._buffer) < end:
                break
            kind = self._buffer[0] & 0x1F
            stamp = int.from_bytes(self._buffer[4:7], "big") | (self._buffer[7] << 24)
            body = bytes(self._buffer[11 : 11 + size])
            del self._buffer[:end]
            try:
                self._on_tag(kind, stamp, body)
            except BaseException as error:
                self.error = error
                raise
        return len(data)

    def flush(self) -> None:
        pass


# -- the connection -----------------------------------------------------------------------
@dataclass(slots=True)
class _Incoming:
    """A chunk stream's last header and the message being put together on it."""

    stamp: int = 0
    length: int = 0
    kind: int = 0
    stream: int = 0
    delta: int = 0
    extended: bool = False
    body: bytearray | None = None


def _socket_words(error: OSError) -> str:
    if isinstance(error, socket.timeout | TimeoutError):
        return "no answer"
    if isinstance(error, socket.gaierror):
        return "unknown server name"
    if isinstance(error, ssl.SSLError):
        return f"TLS: {error.reason or error.__class__.__name__}".lower()
    if error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


class RtmpPublisher:
    """One publishing connection: :meth:`connect` (handshake, ``connect``,
    ``createStream``, ``publish``), then :meth:`send` each FLV tag; :meth:`close`.

    ``timeout`` bounds every wait on the server (reaching it, its answers, a write it
    does not take). The bytes written are counted (:attr:`sent`) for the bitrate.
    """

    def __init__(
        self,
        address: Address,
        key: Revealing,
        *,
        timeout: float = 5.0,
        flash_version: str = "FMLE/3.0 (compatible; Blue Room)",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.address = address
        self._key = key
        self._timeout = timeout
        self._flash_version = flash_version
        self._clock = clock
        self._sock: socket.socket | None = None
        self._in_chunk = 128
        self._incoming: dict[int, _Incoming] = {}
        self._pending = bytearray()  # bytes read, not yet a whole chunk
        self._window = 2_500_000
        self._received = 0
        self._acknowledged = 0
        self._txn = 0
        self._stream_id = 0
        self.sent = 0  # bytes written to the server
        self.publishing = False

    # -- the words ---------------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        key = self._key.reveal()
        return text.replace(key, "********") if key else text

    def _unreachable(self, error: OSError) -> Unreachable:
        words = self._scrub(_socket_words(error))
        return Unreachable(CANNOT_REACH.say(address=self.address, error=words))

    # -- connecting ----------------------------------------------------------------------
    def connect(self) -> None:
        """Reach the server and start publishing; raises :class:`Unreachable` or
        :class:`Refused` with one line."""
        address = self.address
        try:
            sock = socket.create_connection((address.host, address.port), self._timeout)
        except OSError as error:
            raise self._unreachable(error) from None
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if address.tls:
                context = ssl.create_default_context()
                sock = context.wrap_socket(sock, server_hostname=address.host)
            sock.settimeout(self._timeout)
            self._sock = sock
            self._handshake()
        except OSError as error:
            self.close()
            raise self._unreachable(error) from None
        except RtmpError:
            self.close()
            raise
        try:
            self._commands()
        except OSError as error:
            self.close()
            words = self._scrub(_socket_words(error))
            raise Unreachable(STOPPED_ANSWERING.say(address=address, error=words)) from None
        except RtmpError:
            self.close()
            raise

    def _handshake(self) -> None:
        c1 = struct.pack(">II", int(self._clock() * 1000) & 0xFFFFFFFF, 0) + os.urandom(
            HANDSHAKE_SIZE - 8
        )
        self._write(b"\x03" + c1)
        s0 = self._read_exactly(1)
        if s0 != b"\x03":
            raise Unreachable(NOT_RTMP.say(address=self.address))
        s1 = self._read_exactly(HANDSHAKE_SIZE)
        self._write(s1)  # C2: S1 echoed
        self._read_exactly(HANDSHAKE_SIZE)  # S2

    def _commands(self) -> None:
        self._send_message(CONTROL_CHANNEL, SET_CHUNK_SIZE, 0, struct.pack(">I", OUT_CHUNK_SIZE))
        address = self.address
        connect = self._command(
            "connect",
            {
                "app": address.app,
                "type": "nonprivate",
                "flashVer": self._flash_version,
                "tcUrl": address.tc_url,
            },
        )
        answer = self._answer(connect)
        if answer[0] != "_result":
            raise Refused(
                CONNECTION_REFUSED.say(address=address, detail=self._status_words(answer))
            )
        key = self._key.reveal()
        self._command("releaseStream", None, key)
        self._command("FCPublish", None, key)
        answer = self._answer(self._command("createStream", None))
        if answer[0] != "_result" or len(answer) < 4 or not isinstance(answer[3], float):
            raise Refused(
                CONNECTION_REFUSED.say(address=address, detail=self._status_words(answer))
            )
        self._stream_id = int(answer[3])
        self._txn += 1
        self._send_message(
            STREAM_COMMAND_CHANNEL,
            COMMAND_AMF0,
            self._stream_id,
            amf_encode("publish", self._txn, None, key, "live"),
        )
        status = self._publish_status()
        code = str(status.get("code", ""))
        if code != "NetStream.Publish.Start":
            raise Refused(KEY_REFUSED.say(detail=self._code_words(status)))
        self.publishing = True

    def _command(self, name: str, *arguments: object) -> int:
        self._txn += 1
        body = amf_encode(name, self._txn, *arguments)
        self._send_message(COMMAND_CHANNEL, COMMAND_AMF0, 0, body)
        return self._txn

    def _answer(self, txn: int) -> list[Any]:
        """The server's ``_result`` or ``_error`` to transaction ``txn``."""
        for values in self._commands_until_deadline():
            if len(values) >= 2 and values[0] in ("_result", "_error") and values[1] == txn:
                return values
        raise Unreachable(NO_ANSWER.say(address=self.address))

    def _publish_status(self) -> dict[str, Any]:
        try:
            for values in self._commands_until_deadline():
                if values and values[0] == "onStatus":
                    info = next((v for v in values[2:] if isinstance(v, dict)), {})
                    if str(info.get("code", "")).startswith("NetStream.Publish."):
                        return info
                    if info.get("level") == "error":
                        return info
        except Unreachable as error:  # closed at once on publishing: it did not want the key
            raise Refused(KEY_REFUSED_CLOSED.say()) from error
        raise Unreachable(NO_ANSWER.say(address=self.address))

    def _status_words(self, answer: list[Any]) -> str:
        info = next((v for v in answer[2:] if isinstance(v, dict)), {})
        return self._code_words(info)

    def _code_words(self, info: dict[str, Any]) -> str:
        code = str(info.get("code", "")).strip()
        said = str(info.get("description", "")).strip()
        words = " · ".join(w for w in (code, said) if w)
        words = " ".join(self._scrub(words).split())[:160]
        return f" ({words})" if words else ""

    def _commands_until_deadline(self) -> Iterator[list[Any]]:
        """The server's commands (their AMF0 values) until the timeout is over."""
        deadline = self._clock() + self._timeout
        while self._clock() < deadline:
            for kind, body in self._read_messages(max(0.0, deadline - self._clock())):
                if kind == COMMAND_AMF0:
                    yield amf_decode(body)
                elif kind == COMMAND_AMF3 and body:
                    yield amf_decode(body[1:])

    # -- publishing ----------------------------------------------------------------------
    def send(self, kind: int, stamp: int, body: bytes) -> None:
        """One FLV tag as an RTMP message (its script data as ``@setDataFrame``)."""
        if kind == DATA_AMF0:
            body = amf_encode("@setDataFrame") + body
        elif kind not in (AUDIO, VIDEO):
            return
        try:
            self._send_message(MEDIA_CHANNEL, kind, self._stream_id, body, stamp)
            self.poll()
        except OSError as error:
            words = self._scrub(_socket_words(error))
            raise Unreachable(LOST.say(address=self.address, error=words)) from None

    def poll(self) -> None:
        """Reads what the server sent (answers its pings, acknowledges what came); a
        server that said goodbye or refused the stream raises."""
        for kind, body in self._read_messages(0.0):
            if kind == COMMAND_AMF0:
                values = amf_decode(body)
                info = next((v for v in values[2:] if isinstance(v, dict)), {})
                if values and values[0] == "onStatus" and info.get("level") == "error":
                    raise Refused(SERVER_STOPPED.say(detail=self._code_words(info)))

    def close(self) -> None:
        sock, self._sock = self._sock, None
        self.publishing = False
        if sock is None:
            return
        try:
            if self._stream_id:
                sock.settimeout(0.5)
                key = self._key.reveal()
                self._command_on(sock, "FCUnpublish", key)
                self._command_on(sock, "deleteStream", float(self._stream_id))
        except OSError:
            pass  # going anyway
        finally:
            with contextlib.suppress(OSError):
                sock.close()

    def _command_on(self, sock: socket.socket, name: str, argument: object) -> None:
        self._txn += 1
        self._sock = sock
        try:
            self._send_message(
                COMMAND_CHANNEL, COMMAND_AMF0, 0, amf_encode(name, self._txn, None, argument)
            )
        finally:
            self._sock = None

    # -- chunks --------------------------------------------------------------------------
    def _send_message(
        self, channel: int, kind: int, stream: int, body: bytes, stamp: int = 0
    ) -> None:
        extended = stamp >= 0xFFFFFF
        field = 0xFFFFFF if extended else stamp
        header = bytes([channel]) + field.to_bytes(3, "big") + len(body).to_bytes(3, "big")
        header += bytes([kind]) + struct.pack("<I", stream)
        extra = struct.pack(">I", stamp & 0xFFFFFFFF) if extended else b""
        parts = [header + extra, body[:OUT_CHUNK_SIZE]]
        for at in range(OUT_CHUNK_SIZE, len(body), OUT_CHUNK_SIZE):
            parts.append(bytes([0xC0 | channel]) + extra + body[at : at + OUT_CHUNK_SIZE])
        self._write(b"".join(parts))

    def _write(self, data: bytes) -> None:
        if self._sock is None:
            raise ConnectionError("not connected")
        self._sock.sendall(data)
        self.sent += len(data)

    def _read_exactly(self, count: int) -> bytes:
        assert self._sock is not None
        data = bytearray()
        while len(data) < count:
            got = self._sock.recv(count - len(data))
            if not got:
                raise Unreachable(CLOSED.say(address=self.address))
            data += got
        self._count_received(len(data))
        return bytes(data)

    def _count_received(self, count: int) -> None:
        self._received += count
        if self._received - self._acknowledged >= self._window // 2 and self.publishing:
            self._acknowledged = self._received
            self._send_message(
                CONTROL_CHANNEL, ACK, 0, struct.pack(">I", self._received & 0xFFFFFFFF)
            )

    def _read_messages(self, wait: float) -> Iterator[tuple[int, bytes]]:
        """The whole messages the server sent within ``wait`` seconds (0: those already
        here); control messages are handled on the way."""
        sock = self._sock
        if sock is None:
            raise ConnectionError("not connected")
        pending = isinstance(sock, ssl.SSLSocket) and sock.pending() > 0
        readable, _, _ = select.select([sock], [], [], 0.0 if pending else wait)
        if not readable and not pending:
            return
        sock.setblocking(False)
        try:
            while True:
                try:
                    got = sock.recv(65536)
                except (BlockingIOError, ssl.SSLWantReadError):
                    break
                if not got:
                    raise Unreachable(CLOSED.say(address=self.address))
                self._pending += got
                self._count_received(len(got))
        finally:
            sock.settimeout(self._timeout)
        yield from self._whole_messages()

    def _whole_messages(self) -> Iterator[tuple[int, bytes]]:
        data = self._pending
        while True:
            parsed = self._one_chunk(data)
            if parsed is None:
                return
            used, message = parsed
            del data[:used]
            if message is None:
                continue
            kind, body = message
            if self._control(kind, body):
                continue
            yield kind, body

    def _one_chunk(self, data: bytearray) -> tuple[int, tuple[int, bytes] | None] | None:
        """(bytes used, the message it completed) for the chunk at the start of ``data``;
        None when the chunk is not all here yet."""
        if not data:
            return None
        fmt, channel = data[0] >> 6, data[0] & 0x3F
        at = 1
        if channel == 0:
            if len(data) < 2:
                return None
            channel, at = 64 + data[1], 2
        elif channel == 1:
            if len(data) < 3:
                return None
            channel, at = 64 + data[1] + data[2] * 256, 3
        size = (11, 7, 3, 0)[fmt]
        if len(data) < at + size:
            return None
        state = self._incoming.setdefault(channel, _Incoming())
        field = int.from_bytes(data[at : at + 3], "big") if fmt < 3 else 0
        extended = field == 0xFFFFFF if fmt < 3 else state.extended
        head = at + size
        if extended:
            if len(data) < head + 4:
                return None
            field = int.from_bytes(data[head : head + 4], "big")
            head += 4
        length, kind, stream = state.length, state.kind, state.stream
        if fmt <= 1:
            length = int.from_bytes(data[at + 3 : at + 6], "big")
            kind = data[at + 6]
        if fmt == 0:
            stream = struct.unpack_from("<I", data, at + 7)[0]
        body = state.body or bytearray()
        take = min(self._in_chunk, length - len(body))
        if len(data) < head + take:
            return None
        starting = state.body is None
        if starting:
            if fmt == 0:
                state.stamp, state.delta = field, 0
            elif fmt in (1, 2):
                state.delta = field
                state.stamp += field
            else:
                state.stamp += state.delta
        state.length, state.kind, state.stream, state.extended = length, kind, stream, extended
        body += data[head : head + take]
        if len(body) >= length:
            state.body = None
            return head + take, (kind, bytes(body))
        state.body = body
        return head + take, None

    def _control(self, kind: int, body: bytes) -> bool:
        """Handles a protocol control message; False for anything else."""
        if kind == SET_CHUNK_SIZE and len(body) >= 4:
            self._in_chunk = max(1, struct.unpack(">I", body[:4])[0] & 0x7FFFFFFF)
        elif kind == WINDOW_ACK_SIZE and len(body) >= 4:
            self._window = max(1, struct.unpack(">I", body[:4])[0])
        elif kind == USER_CONTROL and len(body) >= 6:
            (event,) = struct.unpack(">H", body[:2])
            if event == PING_REQUEST:
                self._send_message(
                    CONTROL_CHANNEL, USER_CONTROL, 0, struct.pack(">H", PING_RESPONSE) + body[2:6]
                )
        elif kind not in (ABORT, ACK, PEER_BANDWIDTH, USER_CONTROL):
            return False
        return True
