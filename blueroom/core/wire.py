"""The versioned event wire: a batch of events as one MessagePack body, and back.

Each event is a map tagged "Kind@version" (``events.wire_tag``). Reading a batch tries
the fast path first: the whole body decoded at once as this release's events. When
that fails (a journal written by an older release, an event renamed or removed since)
the batch is read event by event: an older version is upgraded step by step to the
current one (``UPGRADES``), and an event this release does not know, or cannot read
even after upgrading, is counted and skipped alone; the rest of its batch is kept.

Version 0 is release 0.1.0's wire: tags without "@version" and, for every kind that
existed then, the same fields as its version 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import msgspec

from blueroom.core.events import EVENT_VERSIONS, AnyEvent, Event

Fields = dict[str, Any]
Upgrade = Callable[[Fields], tuple[str, Fields]]  # fields at version v → (kind, fields at v+1)

# The kinds release 0.1.0 wrote (untagged version 0); each is read as its version 1.
RELEASE_0_1_KINDS: Final = frozenset(
    {
        "TweetReceived",
        "MalformedRecord",
        "QuestionStateChanged",
        "QuestionStarred",
        "QuestionArmed",
        "DecisionUndone",
        "ModerationRulesChanged",
        "HeatMapChanged",
        "HeatMapReset",
        "SessionStarted",
        "SessionEnded",
        "SessionStepChanged",
        "PhotoCaptured",
        "CameraStateChanged",
        "SourceStateChanged",
        "ReplayCheckpoint",
    }
)


def _same(kind: str) -> Upgrade:
    return lambda fields: (kind, fields)


# (kind, version) → the step to version + 1. A kind renamed returns its new name.
UPGRADES: Final[Mapping[tuple[str, int], Upgrade]] = {
    (kind, 0): _same(kind) for kind in RELEASE_0_1_KINDS
}


def current_version(kind: str) -> int | None:
    """The version this release writes of ``kind``; None for a kind it does not know."""
    return EVENT_VERSIONS.get(kind, 1) if kind in _KNOWN else None


_KNOWN: Final = frozenset(cls.__name__ for cls in AnyEvent.__args__)


@dataclass(slots=True)
class WireReport:
    """What reading found beyond this release's own events."""

    upgraded: int = 0  # events of an older version, read after upgrading
    skipped: Counter[str] = field(default_factory=Counter)  # kind → events skipped
    reasons: dict[str, str] = field(default_factory=dict)  # kind → why (the first time)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One line, "" when every event was read."""
        if not self.skipped:
            return ""
        kinds = ", ".join(f"{kind} ×{count:,}" for kind, count in self.skipped.most_common(5))
        return f"{self.skipped_total:,} events this release cannot read were skipped ({kinds})"


_encoder = msgspec.msgpack.Encoder()
_batch_decoder: msgspec.msgpack.Decoder[list[Event]] = msgspec.msgpack.Decoder(list[AnyEvent])
_raw_decoder = msgspec.msgpack.Decoder(list[msgspec.Raw])
_event_decoder: msgspec.msgpack.Decoder[Event] = msgspec.msgpack.Decoder(AnyEvent)


def encode_events(events: list[Event]) -> bytes:
    return _encoder.encode(events)


def decode_events(body: bytes, report: WireReport | None = None) -> list[Event]:
    """The events of one body; raises ``msgspec.DecodeError`` only for a corrupt body."""
    try:
        return _batch_decoder.decode(body)
    except msgspec.ValidationError:
        pass
    report = report if report is not None else WireReport()
    events: list[Event] = []
    for raw in _raw_decoder.decode(body):
        try:
            events.append(_event_decoder.decode(raw))
            continue
        except msgspec.ValidationError:
            pass
        event = _upgraded(msgspec.msgpack.decode(raw), report)
        if event is not None:
            events.append(event)
    return events


def _upgraded(raw: object, report: WireReport) -> Event | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        return _skip(report, "?", "not an event")
    kind, _, written = raw["type"].partition("@")
    try:
        version = int(written) if written else 0
    except ValueError:
        return _skip(report, kind, f"unreadable version {written!r}")
    fields: Fields = {k: v for k, v in raw.items() if k != "type"}
    while (target := current_version(kind)) is None or version < target:
        step = UPGRADES.get((kind, version))
        if step is None:
            known = "unknown kind" if target is None else f"no upgrade from version {version}"
            return _skip(report, raw["type"], known)
        kind, fields = step(fields)
        version += 1
    if version > target:
        return _skip(report, raw["type"], f"written by a newer release (version {version})")
    try:
        event: Event = msgspec.convert({"type": f"{kind}@{version}", **fields}, AnyEvent)
    except msgspec.ValidationError as error:
        return _skip(report, raw["type"], str(error))
    report.upgraded += 1
    return event


def _skip(report: WireReport, kind: str, reason: str) -> Event | None:
    report.skipped[kind] += 1
    report.reasons.setdefault(kind, reason)
    return None
