"""How long to wait before reconnecting to X, as the platform asks (no Qt, no sleeping).

X's guidance for the filtered stream ("handling disconnections"), the same as tweepy's
``StreamingClient``: after a network error (refused, reset, a stall) back off linearly,
250 ms more each time, up to 16 s; after an HTTP error, 5 s doubling up to 320 s; after
a 429, at least 60 s (doubling), or until the reset time the answer gives. A
connection that delivered starts the count again. The policy only says how long: the
caller waits on its stop flag, so a stop is never held up by a back-off.
"""

from __future__ import annotations

import time
from collections.abc import Callable

NETWORK_STEP = 0.25
NETWORK_MAX = 16.0
HTTP_START = 5.0
HTTP_MAX = 320.0
RATE_LIMIT_START = 60.0
RESET_MARGIN = 1.0  # seconds after the reset time: X's clock and ours differ a little
LONGEST_RESET_WAIT = 15 * 60.0 + RESET_MARGIN  # a reset further away is a wrong clock


class BackOff:
    """The next wait after each kind of failure; ``succeeded`` after a good connection."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._network = 0.0
        self._http = 0.0
        self.failures = 0  # in a row

    def succeeded(self) -> None:
        self._network = 0.0
        self._http = 0.0
        self.failures = 0

    def network_error(self) -> float:
        """A refused, reset or stalled connection: 0.25 s, 0.5 s, ... 16 s."""
        self.failures += 1
        self._network = min(self._network + NETWORK_STEP, NETWORK_MAX)
        return self._network

    def http_error(self) -> float:
        """An HTTP error answer (5xx, or a 4xx worth retrying): 5 s, 10 s, ... 320 s."""
        self.failures += 1
        self._http = HTTP_START if self._http == 0.0 else min(self._http * 2.0, HTTP_MAX)
        return self._http

    def rate_limited(self, reset_at: float | None = None) -> float:
        """A 429: until ``reset_at`` (epoch seconds, X's ``x-rate-limit-reset``) when it
        is given and sensible, else 60 s, 120 s, ... 320 s."""
        self.failures += 1
        if reset_at is not None:
            wait = reset_at - self._clock() + RESET_MARGIN
            if 0.0 < wait <= LONGEST_RESET_WAIT:
                self._http = max(self._http, HTTP_START)
                return wait
        if self._http < RATE_LIMIT_START:
            self._http = RATE_LIMIT_START
        else:
            self._http = min(self._http * 2.0, HTTP_MAX)
        return self._http
