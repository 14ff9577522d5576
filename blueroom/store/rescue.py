"""Events the journal could not write when the room stopped (a full disk): kept, or said.

While the room runs, batches the disk refuses wait in memory and are written when it
comes back. If it has not come back when the room stops, they are written to a rescue
file instead: beside the journal if anything can still be written there, else in the
system's temporary folder or the home folder. The next start of the same journal puts
them back in order before resuming. If no rescue file can be written either, exactly
what was lost is said (how many posts, how many decisions, between which times).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from blueroom.core.wire import decode_events

Rows = tuple[float, float, int, str, bytes]


class _Rescue(msgspec.Struct):
    journal: str
    session_id: str
    rows: list[tuple[float, float, int, str, bytes, bool]]  # a batch each, as journalled


@dataclass(frozen=True, slots=True)
class RescueReport:
    events: int
    kinds: Counter[str] = field(default_factory=Counter)
    first_at: float = 0.0
    last_at: float = 0.0
    path: Path | None = None  # where they were kept; None: lost
    reason: str = ""

    def describe(self) -> str:
        posts = self.kinds.get("TweetReceived", 0)
        others = ", ".join(
            f"{count:,} {kind}"
            for kind, count in self.kinds.most_common()
            if kind != "TweetReceived"
        )
        what = f"{self.events:,} events ({posts:,} posts" + (f", {others})" if others else ")")
        when = f"from {_clock(self.first_at)} to {_clock(self.last_at)}"
        if self.path is not None:
            return (
                f"{what} {when} could not be written to the journal ({self.reason}); kept in"
                f" {self.path}, put back on the next start"
            )
        return f"LOST: {what} {when}: neither the journal nor a rescue file could be written ({self.reason})"


def _clock(at: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(at)) if at else "?"


def _name(journal: Path, session_id: str) -> str:
    return f"{journal.name}.unwritten-{session_id}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"


def _folders(journal: Path) -> Iterator[Path]:
    yield journal.parent
    yield Path(tempfile.gettempdir())
    with contextlib.suppress(RuntimeError):
        yield Path.home()


def rescue(
    journal: Path, session_id: str, batches: Sequence[tuple[Rows, bool]], reason: str
) -> RescueReport:
    """Write ``batches`` (rows, session ended) to a rescue file, or say they are lost."""
    kinds: Counter[str] = Counter()
    for (_, _, _, _, body), _ended in batches:
        with contextlib.suppress(msgspec.DecodeError):
            kinds.update(type(event).__name__ for event in decode_events(body))
    events = sum(rows[2] for rows, _ in batches)
    first = batches[0][0][0] if batches else 0.0
    last = batches[-1][0][1] if batches else 0.0
    data = msgspec.msgpack.encode(
        _Rescue(
            str(journal.resolve()),
            session_id,
            [(*rows, ended) for rows, ended in batches],
        )
    )
    for folder in _folders(journal):
        path = folder / _name(journal, session_id)
        try:
            partial = path.with_suffix(".partial")
            with partial.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            partial.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink()
            continue
        return RescueReport(events, kinds, first, last, path, reason)
    return RescueReport(events, kinds, first, last, None, reason)


def rescued_for(journal: Path) -> list[Path]:
    """Rescue files left for this journal, oldest first."""
    found: list[Path] = []
    target = str(journal.resolve())
    for folder in dict.fromkeys(_folders(journal)):
        with contextlib.suppress(OSError):
            for path in folder.glob(f"{journal.name}.unwritten-*"):
                if path.suffix == ".partial":
                    continue
                with contextlib.suppress(OSError, msgspec.DecodeError, msgspec.ValidationError):
                    if msgspec.msgpack.decode(path.read_bytes(), type=_Rescue).journal == target:
                        found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime)


def read_rescue(path: Path) -> tuple[str, list[tuple[Rows, bool]]]:
    """A rescue file's session and batches."""
    rescue_file = msgspec.msgpack.decode(path.read_bytes(), type=_Rescue)
    return rescue_file.session_id, [
        ((a, b, c, d, e), ended) for a, b, c, d, e, ended in rescue_file.rows
    ]
