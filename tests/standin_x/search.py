"""The stand-in's recent search (``GET /2/tweets/search/recent``), over the posts made
on the stand-in (``stream_of(server).post``), as X's documentation shows it: newest
first, ``since_id``, ``max_results`` with ``next_token`` pages, ``includes.users``, and
the rate-limit headers (``x-rate-limit-limit``/``-remaining``/``-reset``); a window used
up answers 429 until its reset. ``search_of(server)`` sets the window.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from tests.standin_x.server import Request, StandInX
from tests.standin_x.streaming import bearer_refused, stream_of

RECENT = "/2/tweets/search/recent"


@dataclass
class SearchState:
    limit: int = 450
    remaining: int = 450
    window: float = 900.0
    reset_at: float = 0.0
    searches: int = 0
    allowed: bool = True  # False: the access has no recent search (403)

    def headers(self) -> dict[str, str]:
        return {
            "x-rate-limit-limit": str(self.limit),
            "x-rate-limit-remaining": str(max(0, self.remaining)),
            "x-rate-limit-reset": str(int(self.reset_at)),
        }


def search_of(server: StandInX) -> SearchState:
    state: SearchState = server.state["search"]
    return state


def _newer(a: str, b: str) -> bool:
    return int(a) > int(b) if a.isdigit() and b.isdigit() else a > b


def install(server: StandInX) -> None:
    state = SearchState()
    server.state["search"] = state

    @server.route("GET", RECENT)
    def recent(request: Request) -> None:
        if bearer_refused(server, request):
            return
        if not state.allowed:
            request.respond(
                403,
                {
                    "title": "Client Forbidden",
                    "detail": "This request must be made using an approved developer account"
                    " that is enrolled in the requested endpoint.",
                    "type": "https://api.twitter.com/2/problems/client-forbidden",
                    "reason": "client-not-enrolled",
                },
            )
            return
        now = time.time()
        with server.lock:
            if now >= state.reset_at:
                state.reset_at, state.remaining = now + state.window, state.limit
            if state.remaining <= 0:
                request.respond(429, {"title": "Too Many Requests", "status": 429}, state.headers())
                return
            state.remaining -= 1
            state.searches += 1
            since = request.arg("since_id")
            size = int(request.arg("max_results", "10"))
            start = int(request.arg("next_token", "0") or 0)
            posts = [m for m in reversed(stream_of(server).posts)]
            if since:
                posts = [m for m in posts if _newer(m["data"]["id"], since)]
            page = posts[start : start + size]
            headers = state.headers()
        body: dict[str, Any] = {"meta": {"result_count": len(page)}}
        if page:
            body["data"] = [m["data"] for m in page]
            users = {u["id"]: u for m in page for u in m.get("includes", {}).get("users", [])}
            body["includes"] = {"users": list(users.values())}
            body["meta"].update(newest_id=page[0]["data"]["id"], oldest_id=page[-1]["data"]["id"])
            if start + size < len(posts):
                body["meta"]["next_token"] = str(start + size)
        request.respond(200, body, headers)
