"""The versioned event wire: kinds and versions on every event, older ones upgraded,
unknown ones skipped alone."""

from __future__ import annotations

import msgspec
import pytest

from blueroom.core.events import (
    QuestionStarred,
    QuestionState,
    QuestionStateChanged,
    SessionStepChanged,
    wire_tag,
)
from blueroom.core.wire import WireReport, decode_events, encode_events


def test_every_event_carries_its_kind_and_version() -> None:
    body = encode_events([QuestionStarred(tweet_id="1", starred=True, at=1.0)])
    (raw,) = msgspec.msgpack.decode(body)
    assert raw["type"] == "QuestionStarred@1" == wire_tag("QuestionStarred")


def test_this_releases_events_come_back_as_they_were() -> None:
    events = [
        QuestionStateChanged(tweet_id="7", state=QuestionState.APPROVED, at=2.0),
        SessionStepChanged(step=1, step_id="first-post", at=3.0),
    ]
    report = WireReport()
    assert decode_events(encode_events(events), report) == events
    assert report.upgraded == 0 and not report.skipped


def _body(*maps: dict[str, object]) -> bytes:
    return msgspec.msgpack.encode(list(maps))


def test_an_event_of_release_0_1_is_upgraded() -> None:
    report = WireReport()
    (event,) = decode_events(
        _body({"type": "QuestionStarred", "at": 5.0, "tweet_id": "9", "starred": True}), report
    )
    assert event == QuestionStarred(tweet_id="9", starred=True, at=5.0)
    assert report.upgraded == 1


def test_an_unknown_kind_is_skipped_alone_and_counted() -> None:
    report = WireReport()
    events = decode_events(
        _body(
            {"type": "QuestionStarred@1", "at": 1.0, "tweet_id": "1", "starred": True},
            {"type": "QuestionRenamedLongAgo@1", "at": 2.0, "tweet_id": "1"},
            {"type": "QuestionStarred@1", "at": 3.0, "tweet_id": "2", "starred": False},
            {"type": "QuestionRenamedLongAgo@1", "at": 4.0, "tweet_id": "2"},
        ),
        report,
    )
    assert [e.tweet_id for e in events] == ["1", "2"], "the rest of the batch is kept"
    assert report.skipped == {"QuestionRenamedLongAgo@1": 2}
    assert "unknown kind" in report.reasons["QuestionRenamedLongAgo@1"]
    assert report.summary().startswith("2 events this release cannot read were skipped")


def test_a_newer_version_or_a_broken_event_is_skipped_with_its_reason() -> None:
    report = WireReport()
    events = decode_events(
        _body(
            {"type": "QuestionStarred@7", "at": 1.0, "tweet_id": "1", "starred": True},
            {"type": "QuestionStarred@1", "at": 1.0, "tweet_id": 12, "starred": True},
            {"type": "QuestionStarred@x", "at": 1.0},
            {"no": "type"},
            {"type": "SessionStepChanged@1", "at": 1.0, "step": 2, "step_id": "qa"},
        ),
        report,
    )
    assert events == [SessionStepChanged(step=2, step_id="qa", at=1.0)]
    assert report.skipped_total == 4
    assert "newer release" in report.reasons["QuestionStarred@7"]
    assert "Expected `str`" in report.reasons["QuestionStarred@1"]


def test_a_body_that_is_not_messagepack_raises() -> None:
    with pytest.raises(msgspec.DecodeError):
        decode_events(b"\xc1 not a batch")
