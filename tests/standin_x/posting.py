"""Posting on the stand-in X server: the account's posts, kept in state, and media.

Routes, as X's documentation describes them: ``POST /2/tweets`` (text, reply,
media ids; the same text twice from one account is refused with X's 403 "duplicate
content"), ``DELETE /2/tweets/{id}``, ``GET /2/users/{id}/tweets`` (the account's
timeline, newest first, ``start_time``, ``max_results``, ``pagination_token``) and
``POST /2/media/upload`` (a photo in one request; a clip with ``command`` INIT,
APPEND, FINALIZE, then ``GET`` STATUS until processed).

Clips are held to X's rules for chunked uploads: a known media type with its category
(``video/mp4`` as ``tweet_video``, ``image/gif`` as ``tweet_gif`` or ``tweet_video``),
at most 15 MB for a GIF and 512 MB for a video, segments of at most 5 MB numbered 0 to
999 and all there at FINALIZE (none missing), and a file that is what it says (an MP4
has its ``ftyp`` box first, a GIF its ``GIF8`` signature), else X's processing fails
with ``InvalidMedia`` at STATUS.

As X does, the timeline gives links as t.co links (one more at the end for media) and
``&``, ``<``, ``>`` as HTML entities.
"""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
import itertools
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from tests.standin_x.accounts import rate_headers, user_caller
from tests.standin_x.server import Request, StandInX

FIRST_POST_ID = 1_860_000_000_000_000_000
FIRST_MEDIA_ID = 1_880_000_000_000_000_000


@dataclass
class Post:
    id: str
    text: str
    author_id: str
    created_at: float
    reply_to: str = ""
    media_ids: tuple[str, ...] = ()
    deleted: bool = False


@dataclass
class Media:
    id: str
    owner: str
    kind: str
    total: int
    chunks: dict[int, bytes] = field(default_factory=dict)
    state: str = "uploading"  # uploading → pending → succeeded (or "failed")
    status_polls: int = 0
    category: str = ""
    valid: bool = True  # what X's processing will find

    def data(self) -> bytes:
        """The file as uploaded: its segments in order."""
        return b"".join(self.chunks[index] for index in sorted(self.chunks))


CLIP_CATEGORIES = {"video/mp4": {"tweet_video"}, "image/gif": {"tweet_gif", "tweet_video"}}
CLIP_LIMITS = {"video/mp4": 512 * 1024 * 1024, "image/gif": 15 * 1024 * 1024}
SEGMENT_LIMIT = 5 * 1024 * 1024
INVALID_MEDIA = {"code": 1, "name": "InvalidMedia", "message": "Invalid or Unsupported media"}


def looks_like(kind: str, data: bytes) -> bool:
    """Whether ``data`` is the kind of file it was announced as (what X's processing sees)."""
    if kind == "video/mp4":
        return data[4:8] == b"ftyp"
    if kind == "image/gif":
        return data[:4] == b"GIF8"
    return True


@dataclass
class Posting:
    posts: list[Post] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)
    processing_polls: int = 1  # STATUS answers "in_progress" this many times for a clip

    def live(self, author_id: str | None = None) -> list[Post]:
        return [p for p in self.posts if not p.deleted and author_id in (None, p.author_id)]


def posting(server: StandInX) -> Posting:
    found: Posting = server.state["posting"]
    return found


_URL = re.compile(r"https?://\S+")


def as_x_shows(post: Post) -> str:
    """The text as X's timeline gives it back: t.co links, entities escaped."""
    text = _URL.sub(lambda _: "https://t.co/" + secrets.token_urlsafe(7)[:10], post.text)
    if post.media_ids:
        text += " https://t.co/" + secrets.token_urlsafe(7)[:10]
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _iso(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _parse_time(text: str) -> float:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC).timestamp()


def form_fields(request: Request) -> tuple[dict[str, str], dict[str, bytes]]:
    """A multipart/form-data or urlencoded body's fields, and its files' bytes."""
    kind = request.headers.get("content-type", "")
    if not kind.startswith("multipart/"):
        from urllib.parse import parse_qs

        return {k: v[0] for k, v in parse_qs(request.body.decode()).items()}, {}
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + kind.encode() + b"\r\n\r\n" + request.body
    )
    fields: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for part in message.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            files[name] = payload
        else:
            fields[name] = payload.decode()
    return fields, files


def _bad(request: Request, detail: str, status: int = 400) -> None:
    request.respond(
        status,
        {"title": "Invalid Request", "detail": detail, "type": "about:blank", "status": status},
    )


def install(server: StandInX) -> None:
    state = Posting()
    server.state["posting"] = state
    post_ids = itertools.count(FIRST_POST_ID, 7919)
    media_ids = itertools.count(FIRST_MEDIA_ID, 104729)

    @server.route("POST", "/2/tweets")
    def create(request: Request) -> None:
        who = user_caller(server, request, "tweet.write")
        if who is None:
            return
        body = request.json() or {}
        text = str(body.get("text", ""))
        reply_to = str((body.get("reply") or {}).get("in_reply_to_tweet_id", ""))
        attached = tuple(str(m) for m in (body.get("media") or {}).get("media_ids", []))
        with server.lock:
            if any(p.text == text for p in state.live(who.user_id)):
                request.respond(
                    403,
                    {
                        "detail": "You are not allowed to create a Tweet with duplicate content.",
                        "type": "about:blank",
                        "title": "Forbidden",
                        "status": 403,
                    },
                )
                return
            for media_id in attached:
                media = state.media.get(media_id)
                if media is None or media.owner != who.user_id or media.state != "succeeded":
                    _bad(request, "Your media IDs are invalid.")
                    return
            post = Post(str(next(post_ids)), text, who.user_id, time.time(), reply_to, attached)
            state.posts.append(post)
        request.respond(
            201,
            {
                "data": {
                    "id": post.id,
                    "text": as_x_shows(post),
                    "edit_history_tweet_ids": [post.id],
                }
            },
            rate_headers(server, "POST /2/tweets"),
        )

    @server.route("DELETE", "/2/tweets/{id}")
    def delete(request: Request) -> None:
        who = user_caller(server, request, "tweet.write")
        if who is None:
            return
        with server.lock:
            found = next((p for p in state.live(who.user_id) if p.id == request.params["id"]), None)
            if found is not None:
                found.deleted = True
        request.respond(200, {"data": {"deleted": found is not None}})

    @server.route("GET", "/2/users/{id}/tweets")
    def timeline(request: Request) -> None:
        who = user_caller(server, request, "tweet.read")
        if who is None:
            return
        since = _parse_time(request.arg("start_time")) if request.arg("start_time") else 0.0
        size = min(max(int(request.arg("max_results", "10")), 5), 100)
        offset = int(request.arg("pagination_token", "0") or 0)
        with server.lock:
            posts = sorted(
                (p for p in state.live(request.params["id"]) if p.created_at >= since),
                key=lambda p: p.created_at,
                reverse=True,
            )
        page = posts[offset : offset + size]
        data: list[dict[str, Any]] = []
        for post in page:
            item: dict[str, Any] = {
                "id": post.id,
                "text": as_x_shows(post),
                "created_at": _iso(post.created_at),
                "edit_history_tweet_ids": [post.id],
            }
            if post.reply_to:
                item["referenced_tweets"] = [{"type": "replied_to", "id": post.reply_to}]
            data.append(item)
        meta: dict[str, Any] = {"result_count": len(page)}
        if page:
            meta["newest_id"], meta["oldest_id"] = page[0].id, page[-1].id
        if offset + size < len(posts):
            meta["next_token"] = str(offset + size)
        body: dict[str, Any] = {"meta": meta}
        if data:
            body["data"] = data
        request.respond(200, body, rate_headers(server, "GET /2/users/:id/tweets"))

    @server.route("POST", "/2/media/upload")
    def upload(request: Request) -> None:
        who = user_caller(server, request, "media.write")
        if who is None:
            return
        fields, files = form_fields(request)
        command = fields.get("command", "")
        with server.lock:
            if not command:
                data = files.get("media")
                if not data:
                    _bad(request, "media is required")
                    return
                media = Media(
                    str(next(media_ids)), who.user_id, fields.get("media_type", ""), len(data)
                )
                media.chunks[0] = data
                media.state = "succeeded"
                state.media[media.id] = media
                request.respond(
                    200,
                    {
                        "data": {
                            "id": media.id,
                            "media_key": f"3_{media.id}",
                            "size": len(data),
                            "expires_after_secs": 86400,
                        }
                    },
                )
                return
            if command == "INIT":
                kind, category = fields.get("media_type", ""), fields.get("media_category", "")
                total = int(fields.get("total_bytes", "0"))
                if category not in CLIP_CATEGORIES.get(kind, set()):
                    _bad(
                        request,
                        f"media_type {kind!r} with media_category {category!r} is not supported",
                    )
                    return
                if not 0 < total <= CLIP_LIMITS[kind]:
                    _bad(
                        request,
                        f"total_bytes {total} is over the {CLIP_LIMITS[kind]} bytes allowed for {kind}",
                    )
                    return
                media = Media(str(next(media_ids)), who.user_id, kind, total, category=category)
                state.media[media.id] = media
                request.respond(
                    200,
                    {
                        "data": {
                            "id": media.id,
                            "media_key": f"7_{media.id}",
                            "expires_after_secs": 86400,
                        }
                    },
                )
                return
            found = state.media.get(fields.get("media_id", ""))
            if found is None or found.owner != who.user_id:
                _bad(request, "media_id is not valid")
                return
            if command == "APPEND":
                index = int(fields.get("segment_index", "-1"))
                chunk = files.get("media", b"")
                if (
                    not 0 <= index <= 999
                    or len(chunk) > SEGMENT_LIMIT
                    or found.state != "uploading"
                ):
                    _bad(request, "segment_index must be 0 to 999, a segment at most 5 MB")
                    return
                found.chunks[index] = chunk
                request.respond(204, None)
                return
            if command == "FINALIZE":
                size = sum(len(c) for c in found.chunks.values())
                if sorted(found.chunks) != list(range(len(found.chunks))):
                    _bad(request, "Segments are missing: the upload is not complete")
                    return
                if size != found.total:
                    _bad(request, f"File size mismatch: got {size} bytes, expected {found.total}")
                    return
                found.valid = looks_like(found.kind, found.data())
                if state.processing_polls:
                    found.state = "pending"
                else:
                    found.state = "succeeded" if found.valid else "failed"
                answer: dict[str, Any] = {
                    "id": found.id,
                    "media_key": f"7_{found.id}",
                    "size": size,
                }
                if found.state == "pending":
                    answer["processing_info"] = {"state": "pending", "check_after_secs": 1}
                elif found.state == "failed":
                    answer["processing_info"] = {"state": "failed", "error": INVALID_MEDIA}
                request.respond(200, {"data": answer})
                return
        _bad(request, f"unknown command {command!r}")

    @server.route("GET", "/2/media/upload")
    def status(request: Request) -> None:
        who = user_caller(server, request, "media.write")
        if who is None:
            return
        with server.lock:
            found = state.media.get(request.arg("media_id"))
            if found is None or request.arg("command") != "STATUS":
                _bad(request, "media_id is not valid")
                return
            found.status_polls += 1
            if found.state == "pending" and found.status_polls > state.processing_polls:
                found.state = "succeeded" if found.valid else "failed"
            info: dict[str, Any] = {
                "state": "in_progress" if found.state == "pending" else found.state
            }
            if found.state == "failed":
                info["error"] = INVALID_MEDIA
            if found.state == "pending":
                info["check_after_secs"] = 1
                info["progress_percent"] = 50
        request.respond(200, {"data": {"id": found.id, "processing_info": info}})
