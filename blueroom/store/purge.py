"""Personal data kept no longer than needed: past sessions lose their fans' posts.

A session's journal holds every post received: its text, its author's name, handle,
profile location. Once a finished session is older than the retention
(``privacy.retention_days``, or ``blueroom purge --older-than DAYS``), its figures are
worked out and kept (posts, questions asked and answered, countries, what X cost) and
every event that names or points to a fan is removed: posts, malformed records (raw
excerpts), the questions' decisions (post ids, reasons typed about them), the
moderation rules (blocked and trusted handles), and anything this release does not
know. What remains is the session's shape: its steps, sources, camera, X usage.
Snapshots of the models (which hold the posts too) are deleted. The file is then
vacuumed and its write-ahead log truncated, so the deleted text is gone from the disk
file, not merely unlinked. The running (unfinished) session is never touched.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import msgspec

from blueroom.core.cost import CostMeter, CostSettings, money
from blueroom.core.events import Event, TweetReceived, XUsage
from blueroom.core.metrics import IngestMetrics
from blueroom.core.questions import QuestionBoard, QueueView
from blueroom.core.seen import SeenPosts
from blueroom.core.wire import WireReport, decode_events
from blueroom.store.journal import Journal, SessionInfo, encode_batch

SECONDS_A_DAY = 86_400.0
# The kinds a purged session keeps: none of them names or points to a fan.
KEPT_KINDS = frozenset(
    {
        "SessionStarted",
        "SessionEnded",
        "SessionStepChanged",
        "SessionPlanned",  # the guest's plan: the guest, never a fan
        "RunOfShowMoved",
        "CueSent",
        "WallsHeld",
        "OverlayToggled",
        "RecordingAsked",
        "RecordingStarted",
        "RecordingStopped",
        "StreamAsked",
        "StreamStateChanged",
        "HeatMapChanged",
        "HeatMapReset",
        "PhotoCaptured",
        "CameraStateChanged",
        "SourceStateChanged",
        "ReplayCheckpoint",
        "XUsage",  # without the ids of the posts read
        "BudgetWarning",
        "BudgetReached",
    }
)


class SessionFigures(msgspec.Struct, frozen=True, kw_only=True):
    """How big a session was, kept after its posts are gone."""

    events: int = 0  # in the journal before the purge
    posts: int = 0
    retweets: int = 0
    replies: int = 0
    located: int = 0
    countries: int = 0  # of the posts' places
    languages: list[tuple[str, int]] = []  # the five most used
    questions: int = 0  # question posts received, as the rules in force at the purge read them
    cards: int = 0  # distinct questions
    answered: int = 0
    rejected: int = 0
    x_reads: int = 0
    x_posts: int = 0
    cost: float = 0.0
    currency: str = "USD"
    prices_as_of: str = ""

    def describe(self) -> str:
        """One line for ``blueroom sessions``."""
        said = (
            f"{self.posts:,} posts, {self.questions:,} questions ({self.answered:,} answered),"
            f" {self.countries:,} countries"
        )
        if self.x_reads or self.x_posts or self.cost:
            said += f", X {money(self.cost, self.currency)}"
        return said


@dataclass(slots=True)
class PurgeReport:
    sessions: list[SessionInfo] = field(default_factory=list)
    events_removed: int = 0
    events_kept: int = 0
    snapshots_removed: int = 0
    bytes_before: int = 0
    bytes_after: int = 0
    seconds: float = 0.0
    dry_run: bool = False

    def describe(self) -> str:
        count = len(self.sessions)
        if not count:
            return "no session to purge"
        sessions = f"{count} session{'s' if count != 1 else ''}"
        snapshots = f"{self.snapshots_removed} snapshot{'s' if self.snapshots_removed != 1 else ''}"
        if self.dry_run:
            return (
                f"would purge {sessions}: {self.events_removed:,} events naming fans"
                f" (posts, names, handles, decisions) and {snapshots}"
                f" removed, {self.events_kept:,} events and each session's figures kept"
            )
        return (
            f"purged {sessions}: {self.events_removed:,} events naming fans and"
            f" {snapshots} removed, {self.events_kept:,} events and"
            f" each session's figures kept; journal {self.bytes_before / 1e6:,.1f} MB →"
            f" {self.bytes_after / 1e6:,.1f} MB in {self.seconds:.1f} s"
        )


def due_for_purge(
    journal: Journal, older_than_days: float, now: float | None = None
) -> list[SessionInfo]:
    """Finished sessions that ended more than ``older_than_days`` ago, not purged yet."""
    limit = (time.time() if now is None else now) - older_than_days * SECONDS_A_DAY
    return [
        s
        for s in journal.sessions()
        if s.ended_at is not None and s.ended_at <= limit and s.purged_at is None
    ]


def session_figures(
    journal: Journal, session_id: str, board: QuestionBoard, prices: CostSettings
) -> SessionFigures:
    """A session's figures, read from its journal through the models that count them."""
    seen, metrics, meter = SeenPosts(), IngestMetrics(), CostMeter(prices)
    countries: set[str] = set()
    events = 0
    for batch in journal.read(session_id, wire=WireReport()):
        events += len(batch)
        fresh = seen.fresh(batch)
        metrics.apply(fresh)
        board.apply(fresh)
        meter.apply(fresh)
        for event in fresh:
            if type(event) is TweetReceived:
                place = event.tweet.place
                if place is not None and place.country_code:
                    countries.add(place.country_code.upper())
    counted, questions, cost = metrics.snapshot(), board.snapshot(), meter.snapshot()
    return SessionFigures(
        events=events,
        posts=counted.posts,
        retweets=counted.retweets,
        replies=counted.replies,
        located=counted.located,
        countries=len(countries),
        languages=[(lang, n) for lang, n in Counter(dict(counted.languages)).most_common(5)],
        questions=questions.received,
        cards=questions.cards,
        answered=questions.count(QueueView.ANSWERED),
        rejected=questions.count(QueueView.TRASH),
        x_reads=cost.reads + cost.owned_reads,
        x_posts=cost.posts + cost.posts_with_link,
        cost=cost.amount,
        currency=cost.currency,
        prices_as_of=cost.prices_as_of,
    )


def _stripped(events: Sequence[Event]) -> list[Event]:
    kept: list[Event] = []
    for event in events:
        if event.kind not in KEPT_KINDS:
            continue
        if isinstance(event, XUsage) and event.read_ids:
            event = msgspec.structs.replace(event, read_ids=())
        kept.append(event)
    return kept


def stored_figures(journal: Journal, session_id: str) -> SessionFigures | None:
    """The figures a purge kept for the session (None: not purged)."""
    raw = journal.figures(session_id)
    return msgspec.json.decode(raw, type=SessionFigures) if raw else None


def purge_sessions(
    journal: Journal,
    sessions: Sequence[SessionInfo],
    make_board: Callable[[], QuestionBoard],
    prices: CostSettings,
    *,
    dry_run: bool = False,
) -> PurgeReport:
    """Remove the fans' data of ``sessions`` (finished ones only), keeping their figures.

    ``dry_run`` reads and counts, and changes nothing.
    """
    started = time.monotonic()
    report = PurgeReport(dry_run=dry_run, bytes_before=journal.file_bytes())
    conn = journal.connection
    for session in sessions:
        if session.ended_at is None:
            raise ValueError(f"session {session.id} is not finished: it is never purged")
        report.sessions.append(session)
        report.snapshots_removed += conn.execute(
            "SELECT COUNT(*) FROM snapshots WHERE session_id = ?", (session.id,)
        ).fetchone()[0]
        if dry_run:
            _count_only(journal, session.id, report)
            continue
        figures = session_figures(journal, session.id, make_board(), prices)
        with conn:
            _strip_batches(conn, session.id, report)
            conn.execute(
                "DELETE FROM snapshot_parts WHERE snapshot_id IN"
                " (SELECT id FROM snapshots WHERE session_id = ?)",
                (session.id,),
            )
            conn.execute("DELETE FROM snapshots WHERE session_id = ?", (session.id,))
            conn.execute(
                "INSERT OR REPLACE INTO session_figures(session_id, purged_at, figures)"
                " VALUES (?, ?, ?)",
                (session.id, time.time(), msgspec.json.encode(figures).decode()),
            )
    if report.sessions and not dry_run:
        journal.compact()
    report.bytes_after = journal.file_bytes()
    report.seconds = time.monotonic() - started
    return report


def _count_only(journal: Journal, session_id: str, report: PurgeReport) -> None:
    for batch in journal.read(session_id, wire=WireReport()):
        kept = sum(1 for event in batch if event.kind in KEPT_KINDS)
        report.events_kept += kept
        report.events_removed += len(batch) - kept


def _strip_batches(conn: sqlite3.Connection, session_id: str, report: PurgeReport) -> None:
    rows = conn.execute(
        "SELECT seq, count, body FROM batches WHERE session_id = ? ORDER BY seq", (session_id,)
    ).fetchall()
    for seq, count, body in rows:
        try:
            events: list[Event] = decode_events(body, WireReport())
        except msgspec.DecodeError:
            events = []  # unreadable: it may hold anything, so it goes
        kept = _stripped(events)
        report.events_kept += len(kept)
        report.events_removed += count - len(kept)
        if not kept:
            conn.execute("DELETE FROM batches WHERE seq = ?", (seq,))
            continue
        conn.execute(
            "UPDATE batches SET first_at = ?, last_at = ?, count = ?, kinds = ?, body = ?"
            " WHERE seq = ?",
            (*encode_batch(kept), seq),
        )
