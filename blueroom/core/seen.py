"""Every post id of the session, once: a post delivered again counts nowhere.

The same post can arrive twice: a stream reconnecting, a search overlapping the
stream, a resumed replay playing again the lines after its last checkpoint, a
recording that repeats itself. It is let through the first time and counted as a
duplicate after that, before any model sees it, so the counters, the questions and the
heat map agree. X ids are numbers: kept as Python ints (about 60 bytes each, a million
posts in ~60 MB); anything else as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from blueroom.core.events import Event, TweetReceived


def _key(post_id: str) -> int | str:
    if post_id.isascii() and post_id.isdigit() and post_id[0] != "0":
        return int(post_id)
    return post_id


class SeenPosts:
    """Exact, for the whole session (not thread-safe: the model worker owns it)."""

    def __init__(self, ids: Iterable[int | str] = ()) -> None:
        self._ids: set[int | str] = set(ids)
        self.duplicates = 0

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, post_id: str) -> bool:
        return _key(post_id) in self._ids

    def fresh(self, events: Sequence[Event]) -> Sequence[Event]:
        """``events`` without the posts seen before (the same list when there is none)."""
        ids = self._ids
        kept: list[Event] | None = None
        for index, event in enumerate(events):
            if type(event) is TweetReceived:
                key = _key(event.tweet.id)
                if key in ids:
                    self.duplicates += 1
                    if kept is None:
                        kept = list(events[:index])
                    continue
                ids.add(key)
            if kept is not None:
                kept.append(event)
        return events if kept is None else kept

    def state(self) -> tuple[list[int], list[str], int]:
        """The ids (numbers, then texts) and the duplicates count, for a snapshot."""
        numbers = [key for key in self._ids if isinstance(key, int)]
        texts = [key for key in self._ids if isinstance(key, str)]
        return numbers, texts, self.duplicates
