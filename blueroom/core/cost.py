"""What the session costs on X, which is pay-per-use: counted, priced, capped.

The X package (and the outbox) publish ``XUsage`` events in the units X bills: posts
read, posts read from the room's own account, posts created with or without a link,
media uploaded. ``CostMeter`` counts them, prices them from the dated table in the
settings (``[cost]``), and, when a budget is set, says when the session nears it (80 %)
and when it reaches it: the engine then stops reading (``engine/room.py``). Posting is
never stopped by the budget; ``draft_cost`` says what a post will cost before it is sent.

X bills a post read once per UTC day, however many times it is read that day. The
meter can only do the same when the publisher names the posts it read
(``XUsage.read_ids``); counts alone are priced as they come, so a post read twice the
same day (a back-fill after a reconnect overlapping the stream) is counted twice: the
meter then overstates the bill, never understates it (``CostSnapshot.undeduplicated``
says how many reads came without ids).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from typing import Final

import msgspec

from blueroom.core.events import BudgetReached, BudgetWarning, Event, XUsage
from blueroom.core.post_text import urls_in
from blueroom.core.posting import Draft

WARN_SHARE: Final = 0.8  # of the budget: the console warns from here
_AS_OF = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
SECONDS_A_DAY: Final = 86_400


class CostSettings(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """X's prices, as published on the date they were read, and the session's budget.

    Defaults: docs.x.com "X API pay-per-usage pricing" as read 2026-08: Posts: Read
    $0.005 a post, Owned Reads $0.001, Content: Create $0.015 a request, Content: Create
    (with URL) $0.200. The rate table lists no charge for uploading media (only "Media
    Metadata", alt text, $0.005 a request, which the room does not use): ``media_upload``
    is 0 until X bills it. ``budget`` 0: no cap.
    """

    prices_as_of: str = "2026-08"
    currency: str = "USD"
    post_read: float = 0.005
    owned_read: float = 0.001
    post_created: float = 0.015
    post_with_link: float = 0.20
    media_upload: float = 0.0
    budget: float = 0.0

    def problems(self) -> list[str]:
        """What is wrong with the table, one phrase each (empty: nothing)."""
        found = []
        for name in ("post_read", "owned_read", "post_created", "post_with_link", "media_upload"):
            value = getattr(self, name)
            if not (value >= 0 and value < 1_000):  # NaN fails both
                found.append(f"cost.{name} must be a price from 0 up to 1000, not {value!r}")
        if not (self.budget >= 0 and self.budget < 1e9):
            found.append(
                f"cost.budget must be 0 (no cap) or a positive amount, not {self.budget!r}"
            )
        if not _AS_OF.match(self.prices_as_of):
            found.append(
                f'cost.prices_as_of must be the date the prices were read, like "2026-08",'
                f" not {self.prices_as_of!r}"
            )
        if not (len(self.currency) == 3 and self.currency.isalpha() and self.currency.isupper()):
            found.append(f'cost.currency must be a currency code like "USD", not {self.currency!r}')
        return found


def money(amount: float, currency: str = "USD") -> str:
    """An amount as a person reads it: "$20.00", "$0.015", "12.50 EUR"."""
    text = f"{amount:,.3f}"
    if text.endswith("0"):
        text = text[:-1]
    return f"${text}" if currency == "USD" else f"{text} {currency}"


# -- what a post costs --------------------------------------------------------------------


def has_link(text: str) -> bool:
    """Whether X would see a link in ``text`` (its post is then priced as one with a URL)."""
    return bool(urls_in(text))


def draft_cost(draft: Draft, prices: CostSettings) -> tuple[float, str]:
    """What posting ``draft`` costs, and why in one line, for the composer's warning.

    A link in the text makes it a post with a URL (about 13 times the price); each
    photo adds ``media_upload`` (0 while X does not bill uploads).
    """
    media = len(draft.media)
    linked = has_link(draft.text)
    post = prices.post_with_link if linked else prices.post_created
    amount = post + media * prices.media_upload
    what = (
        f"a post with a link: {money(post, prices.currency)}"
        f" (without one: {money(prices.post_created, prices.currency)})"
        if linked
        else f"a post: {money(post, prices.currency)}"
    )
    if media:
        each = money(prices.media_upload, prices.currency)
        what += f", {media} photo{'s' if media != 1 else ''} at {each} each"
    return amount, f"{what}; total {money(amount, prices.currency)}"


# -- the meter --------------------------------------------------------------------------


class CostSnapshot(msgspec.Struct, frozen=True, kw_only=True):
    """The session's bill so far, for the console (sent over the pipe as it is)."""

    reads: int = 0  # posts read, as billed (once per UTC day when ids were given)
    owned_reads: int = 0
    posts: int = 0
    posts_with_link: int = 0
    media: int = 0
    deduplicated: int = 0  # reads not billed: the same post already read that UTC day
    undeduplicated: int = 0  # reads counted without ids: billed as counted (see above)
    amount: float = 0.0
    reads_amount: float = 0.0
    writes_amount: float = 0.0
    budget: float = 0.0  # 0: no cap
    currency: str = "USD"
    prices_as_of: str = ""
    warned: bool = False  # at WARN_SHARE of the budget
    reached: bool = False  # reading stopped
    reached_at: float = 0.0
    version: int = -1

    @property
    def share(self) -> float:
        """Of the budget spent (0 without a budget)."""
        return self.amount / self.budget if self.budget > 0 else 0.0


class CostState(msgspec.Struct, frozen=True):
    """The meter in a snapshot of the models."""

    counts: tuple[int, int, int, int, int, int, int]
    day: int  # the UTC day of ``day_ids``
    day_ids: list[str]
    warned_for: float
    reached_for: float
    reached_at: float
    version: int


class CostMeter:
    """Absorbs event batches (model worker); hands out snapshots (any thread).

    ``due`` (the engine's clock, on the model worker) returns a ``BudgetWarning`` or a
    ``BudgetReached`` once per budget: the room publishes it, and the event, journalled
    and applied, marks it said, so a resumed session does not say it again.
    """

    def __init__(self, prices: CostSettings | None = None) -> None:
        self.prices = prices or CostSettings()
        self._lock = threading.Lock()
        self._reads = self._owned = self._posts = self._linked = self._media = 0
        self._deduplicated = self._undeduplicated = 0
        self._day = -1
        self._day_ids: set[str] = set()
        self._warned_for = 0.0  # the budget a warning was said for (0: none)
        self._reached_for = 0.0
        self._reached_at = 0.0
        self._version = 0
        self._latest: CostSnapshot | None = None

    # -- counting -------------------------------------------------------------------
    def apply(self, events: Iterable[Event]) -> None:
        changed = False
        with self._lock:
            for event in events:
                if type(event) is XUsage:
                    self._count(event)
                elif isinstance(event, BudgetWarning):
                    self._warned_for = max(self._warned_for, event.cap)
                elif isinstance(event, BudgetReached):
                    self._reached_for = max(self._reached_for, event.cap)
                    self._reached_at = event.at
                else:
                    continue
                changed = True
            if changed:
                self._version += 1
        if changed:
            self.snapshot()

    def _count(self, usage: XUsage) -> None:
        if usage.read_ids:
            day = int(usage.at // SECONDS_A_DAY)
            if day != self._day:  # X's deduplication restarts at midnight UTC
                self._day, self._day_ids = day, set()
            seen = self._day_ids
            fresh = 0
            for post_id in usage.read_ids:
                if post_id not in seen:
                    seen.add(post_id)
                    fresh += 1
            self._reads += fresh
            self._deduplicated += len(usage.read_ids) - fresh
            unnamed = max(0, usage.reads - len(usage.read_ids))  # more counted than named
            self._reads += unnamed
            self._undeduplicated += unnamed
        else:
            self._reads += usage.reads
            self._undeduplicated += usage.reads
        self._owned += usage.owned_reads
        self._posts += usage.posts
        self._linked += usage.posts_with_link
        self._media += usage.media

    # -- pricing --------------------------------------------------------------------
    def _amounts(self) -> tuple[float, float]:
        p = self.prices
        reads = self._reads * p.post_read + self._owned * p.owned_read
        writes = self._posts * p.post_created + self._linked * p.post_with_link
        return reads, writes + self._media * p.media_upload

    @property
    def amount(self) -> float:
        with self._lock:
            reads, writes = self._amounts()
        return reads + writes

    def over_budget(self) -> bool:
        """A budget is set and the session has spent it: reading must stay stopped."""
        budget = self.prices.budget
        return budget > 0 and self.amount >= budget - 1e-9

    def due(self, now: float | None = None) -> list[BudgetWarning | BudgetReached]:
        """The budget event to publish now, if one is due and not said yet (a Timer)."""
        budget = self.prices.budget
        if budget <= 0:
            return []
        spent = self.amount
        at = time.time() if now is None else now
        with self._lock:
            if spent >= budget - 1e-9 and self._reached_for < budget:
                self._reached_for = self._warned_for = budget
                self._reached_at = at
                self._version += 1
                return [
                    BudgetReached(spent=spent, cap=budget, currency=self.prices.currency, at=at)
                ]
            if spent >= WARN_SHARE * budget and self._warned_for < budget:
                self._warned_for = budget
                self._version += 1
                return [
                    BudgetWarning(spent=spent, cap=budget, currency=self.prices.currency, at=at)
                ]
        return []

    # -- for the screens and snapshots ----------------------------------------------------
    def latest(self) -> CostSnapshot:
        latest = self._latest
        return latest if latest is not None else self.snapshot()

    def snapshot(self) -> CostSnapshot:
        p = self.prices
        with self._lock:
            reads, writes = self._amounts()
            budget = p.budget
            self._latest = CostSnapshot(
                reads=self._reads,
                owned_reads=self._owned,
                posts=self._posts,
                posts_with_link=self._linked,
                media=self._media,
                deduplicated=self._deduplicated,
                undeduplicated=self._undeduplicated,
                amount=reads + writes,
                reads_amount=reads,
                writes_amount=writes,
                budget=budget,
                currency=p.currency,
                prices_as_of=p.prices_as_of,
                warned=budget > 0 and self._warned_for >= budget,
                reached=budget > 0 and self._reached_for >= budget,
                reached_at=self._reached_at,
                version=self._version,
            )
            return self._latest

    def capture(self, locked: bool = True) -> Callable[[], CostState]:
        with self._lock if locked else nullcontext():
            counts = (
                self._reads, self._owned, self._posts, self._linked, self._media,
                self._deduplicated, self._undeduplicated,
            )  # fmt: skip
            day, ids = self._day, list(self._day_ids)
            warned, reached, reached_at = self._warned_for, self._reached_for, self._reached_at
            version = self._version
        return lambda: CostState(counts, day, ids, warned, reached, reached_at, version)

    def restore(self, state: CostState) -> None:
        with self._lock:
            (
                self._reads, self._owned, self._posts, self._linked, self._media,
                self._deduplicated, self._undeduplicated,
            ) = state.counts  # fmt: skip
            self._day, self._day_ids = state.day, set(state.day_ids)
            self._warned_for, self._reached_for = state.warned_for, state.reached_for
            self._reached_at = state.reached_at
            self._version = state.version
        self.snapshot()


def budget_message(event: BudgetWarning | BudgetReached) -> str:
    """The console's one line for a budget event."""
    cap = money(event.cap, event.currency)
    if isinstance(event, BudgetReached):
        clock = time.strftime("%H:%M", time.localtime(event.at))
        return (
            f"X budget of {cap} reached at {clock}: reading stopped; posting still works;"
            " raise cost.budget to go on"
        )
    return (
        f"X cost at {money(event.spent, event.currency)}, {event.spent / event.cap:.0%} of the"
        f" {cap} budget: reading stops at {cap}"
    )


def resumed_over_budget(spent: float, prices: CostSettings) -> str:
    """A resumed session that has already spent its budget (perhaps lowered since)."""
    return (
        f"X budget of {money(prices.budget, prices.currency)} is below the"
        f" {money(spent, prices.currency)} already spent in this session: reading stays"
        " stopped; posting still works; raise cost.budget to go on"
    )


def hourly_cost(mentions_an_hour: int, posts_an_hour: int, prices: CostSettings) -> float:
    """What an hour of the room costs: the stream's reads and the room's own posts, priced
    by a ``CostMeter`` fed as the X source and the outbox would feed it."""
    meter = CostMeter(prices)
    meter.apply(
        [
            XUsage(what="stream", reads=mentions_an_hour, at=0.0),
            XUsage(what="post", posts=posts_an_hour, at=0.0),
        ]
    )
    return meter.amount
