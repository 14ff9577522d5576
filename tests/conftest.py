"""Shared fixtures: offscreen Qt, recordings written on the fly, and a thread-leak guard."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from blueroom.workers import WorkerThread

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class KeptWidgets(list[tuple[Any, Any]]):
    """pytest-qt's record of a test's widgets (``item.qt_widgets``, entries of a weak
    reference and a closing function) that also holds each widget strongly until
    pytest-qt closes it at the test's teardown. With weak references alone, a shown
    window whose test had returned was collected by Python's cycle collector in the
    middle of its own paint event, freeing the backing store QPainter was drawing into:
    a segfault in the pick view that depended on which tests ran before (valgrind: an
    invalid read in ``QPainter::setPen`` of a block freed by ``~QBackingStore`` under
    ``gc_collect``)."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[object] = []

    def append(self, entry: tuple[Any, Any]) -> None:
        reference, _ = entry
        self.held.append(reference())
        super().append(entry)


@pytest.fixture(autouse=True)
def widgets_held_until_teardown(request: pytest.FixtureRequest) -> None:
    request.node.qt_widgets = KeptWidgets()


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves one of the room's workers running (as napari does for
    QThreads): every thread of the room is a ``WorkerThread``."""
    before = set(threading.enumerate())
    yield
    leaked = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and isinstance(t, WorkerThread)
    ]
    for thread in leaked:
        thread.join(2.0)
    still = [t.name for t in leaked if t.is_alive()]
    assert not still, f"threads left running: {still}"


def post(
    tweet_id: str,
    text: str,
    *,
    created_at: str = "2026-11-24T18:00:00.000Z",
    author: dict[str, Any] | None = None,
    **data: Any,
) -> dict[str, Any]:
    """One X API v2 stream message, as the API sends it."""
    author = author or {"id": f"u{tweet_id}", "username": f"fan{tweet_id}", "name": "A fan"}
    message: dict[str, Any] = {
        "data": {
            "id": tweet_id,
            "text": text,
            "author_id": author["id"],
            "created_at": created_at,
            "edit_history_tweet_ids": [tweet_id],
            **data,
        },
        "includes": {"users": [author]},
        "matching_rules": [{"id": "1", "tag": "askblueroom"}],
    }
    return message


def write_recording(path: Path, messages: list[dict[str, Any] | str]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for message in messages:
            handle.write(message if isinstance(message, str) else json.dumps(message))
            handle.write("\n")
    return path


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    """A small recording: questions, a retweet, a located post, one broken line."""
    messages: list[dict[str, Any] | str] = [
        post("100", "#AskBlueRoom Léa, pourquoi la musique ?", hashtags=None),
        post(
            "101",
            "What is your favourite song? #AskBlueRoom",
            created_at="2026-11-24T18:00:01.000Z",
            geo={"coordinates": {"type": "Point", "coordinates": [-73.56, 45.5]}},
        ),
        '{"data": {"id": ',
        post(
            "102",
            "RT @fan100: #AskBlueRoom Léa, pourquoi la musique ?",
            created_at="2026-11-24T18:00:02.000Z",
            referenced_tweets=[{"type": "retweeted", "id": "100"}],
        ),
        post("103", "Trop bien ce live 😍", created_at="2026-11-24T18:00:03.000Z"),
    ]
    for message in messages:
        if isinstance(message, dict):
            message["data"] = {k: v for k, v in message["data"].items() if v is not None}
    return write_recording(tmp_path / "event.jsonl", messages)
