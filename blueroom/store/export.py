"""The questions of a session as CSV: every post, its state, support, decisions, reasons.

So the team can show how the questions were chosen. Cells a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``...) are prefixed with an apostrophe: outside text
is data, never code.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import msgspec

from blueroom.core.questions import ExportRow

COLUMNS = (
    "post_id",
    "received_utc",
    "author",
    "name",
    "followers",
    "lang",
    "text",
    "state",
    "card",
    "asked_by",
    "supporters",
    "likes",
    "starred",
    "flag",
    "rule",
    "decided_by",
    "reason",
    "decisions",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _utc(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S") if seconds else ""


def _decisions(row: ExportRow) -> str:
    return " | ".join(
        f"{_utc(at)} {state} by {actor}" + (f" ({reason})" if reason else "")
        for at, state, actor, reason in row.decisions
    )


def csv_rows(rows: Iterable[ExportRow]) -> Iterable[list[str]]:
    yield list(COLUMNS)
    for row in rows:
        tweet, author = row.tweet, row.tweet.author
        values: list[object] = [
            tweet.id,
            _utc(row.received_at),
            tweet.handle,
            author.name if author else "",
            author.followers if author else 0,
            tweet.lang,
            tweet.text,
            row.state,
            row.card_id,
            row.asked_by,
            row.supporters,
            tweet.metrics.likes,
            "yes" if row.starred else "",
            row.flag,
            row.rule,
            row.actor,
            row.reason,
            _decisions(row),
        ]
        yield [_cell(value) for value in values]


def write_csv(path: Path, rows: Iterable[ExportRow]) -> int:
    """Write atomically (a temporary file renamed over ``path``); returns the posts written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = -1
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8-sig") as file:
            writer = csv.writer(file)
            for values in csv_rows(rows):
                writer.writerow(values)
                written += 1
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return written


class ExportResult(msgspec.Struct, frozen=True):
    path: str
    rows: int
    error: str = ""


def export_questions(path: Path, rows: Iterable[ExportRow]) -> ExportResult:
    """``write_csv`` with the failure as one line (a full disk, a folder not writable)."""
    try:
        return ExportResult(str(path), write_csv(path, rows))
    except OSError as error:
        return ExportResult(str(path), 0, f"could not write {path}: {error.strerror or error}")
