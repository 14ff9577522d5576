"""Where tweepy's requests go: X itself, or a stand-in X server on loopback.

tweepy writes X's address into every request; a session pointed elsewhere (the
``x.api_base`` setting: a stand-in for tests, rehearsals and benchmarks) has its
requests rewritten by a transport adapter, so the real client runs unchanged.
"""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter

X_HOSTS = ("https://api.twitter.com", "https://api.x.com", "https://upload.twitter.com")


class _Rebased(HTTPAdapter):
    def __init__(self, host: str, base: str) -> None:
        super().__init__()
        self._host = host
        self._base = base

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        url = request.url or ""
        if url.startswith(self._host):
            request.url = self._base + url[len(self._host) :]
        return super().send(request, **kwargs)


def point_at(session: requests.Session, api_base: str) -> None:
    """Send ``session``'s requests for X to ``api_base`` ("" or X's own: unchanged)."""
    base = api_base.rstrip("/")
    if not base or base in X_HOSTS:
        return
    for host in X_HOSTS:
        session.mount(host, _Rebased(host, base))
