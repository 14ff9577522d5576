"""The figures a live X source reports in its ``SourceStats`` (read by the console)."""

from __future__ import annotations

CONNECTED = "connected"  # 1.0 while the stream is open (search: while polls succeed)
LAST_POST_AT = "last_post_at"  # epoch seconds of the newest post read (0: none yet)
RECONNECTS = "reconnects"
STALLS = "stalls"  # connections dropped for saying nothing (no keep-alive)
RATE_REMAINING = "rate_remaining"  # search: requests left in the window (-1: unknown)
RATE_LIMIT = "rate_limit"  # search: requests per window (-1: unknown)
RATE_RESET_AT = "rate_reset_at"  # epoch seconds the window ends (0: unknown)
BACKFILLED = "backfilled"  # posts brought by back-fills after a gap
BACKFILLS = "backfills"  # gaps back-filled
BACKFILL_REFUSED = "backfill_refused"  # 1.0 when the access allows no recent search
NEXT_TRY_AT = "next_try_at"  # epoch seconds of the next connection attempt (0: none)
LINES = "lines"
KEEP_ALIVES = "keep_alives"
API_ERRORS = "api_errors"  # partial errors beside posts, error messages on the stream
RECORDED = "recorded"  # lines written to the recording
FOREIGN_RULES = "foreign_rules"  # rules on the stream that are not the room's


def figure(figures: tuple[tuple[str, float], ...], name: str, default: float = 0.0) -> float:
    for key, value in figures:
        if key == name:
            return value
    return default
