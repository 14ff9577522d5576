"""What X costs: usage priced from the dated table, reads deduplicated per UTC day where
the posts are named (and honestly not where they are only counted), the budget's
warning and end said once each, and the meter rebuilt on resume."""

from __future__ import annotations

import math

import msgspec
import pytest

from blueroom.core.cost import (
    CostMeter,
    CostSettings,
    budget_message,
    draft_cost,
    has_link,
    hourly_cost,
    money,
)
from blueroom.core.detect import QuestionRules
from blueroom.core.events import BudgetReached, BudgetWarning, Event, XUsage
from blueroom.core.models import STATE_VERSION, RoomModel, RoomState
from blueroom.core.posting import Draft
from blueroom.core.session import default_script
from blueroom.settings import SettingsError, load_settings

DAY = 86_400.0
NOON = 20_000 * DAY + 12 * 3600.0  # some UTC noon


def test_usage_is_priced_from_the_table_reads_and_writes_apart() -> None:
    meter = CostMeter(CostSettings())
    meter.apply(
        [
            XUsage(what="stream", reads=1_000),
            XUsage(what="resolve", owned_reads=20),
            XUsage(what="post", posts=3),
            XUsage(what="post", posts_with_link=2),
            XUsage(what="media", media=4),
        ]
    )
    cost = meter.snapshot()
    assert (cost.reads, cost.owned_reads, cost.posts, cost.posts_with_link, cost.media) == (
        1_000, 20, 3, 2, 4,
    )  # fmt: skip
    assert math.isclose(cost.reads_amount, 1_000 * 0.005 + 20 * 0.001)  # $5.02
    assert math.isclose(cost.writes_amount, 3 * 0.015 + 2 * 0.20)  # media: not billed
    assert math.isclose(cost.amount, 5.02 + 0.445)
    assert cost.prices_as_of == "2026-08" and cost.currency == "USD"


def test_other_prices_price_the_same_usage_otherwise() -> None:
    meter = CostMeter(CostSettings(post_read=0.01, media_upload=0.05, currency="EUR"))
    meter.apply([XUsage(what="stream", reads=100), XUsage(what="media", media=2)])
    assert math.isclose(meter.amount, 1.10)
    assert money(meter.amount, "EUR") == "1.10 EUR"


def test_a_post_read_twice_the_same_utc_day_is_billed_once_when_named() -> None:
    meter = CostMeter()
    meter.apply(
        [
            XUsage(what="stream", reads=3, read_ids=("1", "2", "3"), at=NOON),
            # a back-fill after a reconnect: two of the same posts, one new
            XUsage(what="backfill", reads=3, read_ids=("2", "3", "4"), at=NOON + 60),
            # the next UTC day X bills them again
            XUsage(what="lookup", reads=1, read_ids=("1",), at=NOON + DAY),
        ]
    )
    cost = meter.snapshot()
    assert cost.reads == 5 and cost.deduplicated == 2 and cost.undeduplicated == 0


def test_reads_only_counted_cannot_be_deduplicated_and_say_so() -> None:
    """The limitation: without ids the meter prices what is counted, so a post read twice
    the same day costs twice here, once at X: the amount errs high, never low."""
    meter = CostMeter()
    meter.apply(
        [XUsage(what="stream", reads=3, at=NOON), XUsage(what="backfill", reads=3, at=NOON + 60)]
    )
    cost = meter.snapshot()
    assert cost.reads == 6 and cost.deduplicated == 0 and cost.undeduplicated == 6


def test_the_budget_warns_at_80_percent_then_ends_reading_each_said_once() -> None:
    meter = CostMeter(CostSettings(budget=1.0))
    assert meter.due(NOON) == []
    meter.apply([XUsage(what="stream", reads=150)])  # $0.75
    assert meter.due(NOON) == []
    meter.apply([XUsage(what="stream", reads=10)])  # $0.80
    warned = meter.due(NOON)
    assert [type(e) for e in warned] == [BudgetWarning]
    assert math.isclose(warned[0].spent, 0.80) and warned[0].cap == 1.0
    assert meter.due(NOON + 1) == [], "said once, before the event comes back applied"
    meter.apply(warned)
    meter.apply([XUsage(what="stream", reads=40)])  # $1.00
    reached = meter.due(NOON + 2)
    assert [type(e) for e in reached] == [BudgetReached]
    assert meter.over_budget()
    meter.apply(reached)
    meter.apply([XUsage(what="stream", reads=10)])  # what was in flight still counts
    assert meter.due(NOON + 3) == []
    shown = meter.snapshot()
    assert shown.reached and shown.warned and shown.reached_at == NOON + 2
    assert math.isclose(shown.amount, 1.05)


def test_no_budget_means_no_cap() -> None:
    meter = CostMeter(CostSettings(budget=0))
    meter.apply([XUsage(what="stream", reads=1_000_000)])
    assert meter.due(NOON) == [] and not meter.over_budget()


def test_a_budget_passed_at_once_says_it_was_reached_without_a_warning_first() -> None:
    meter = CostMeter(CostSettings(budget=0.10))
    meter.apply([XUsage(what="post", posts_with_link=1)])  # $0.20 in one go
    assert [type(e) for e in meter.due(NOON)] == [BudgetReached]
    assert meter.due(NOON) == []


def test_the_budget_messages_are_one_clear_line() -> None:
    import time

    at = time.mktime((2026, 12, 5, 19, 42, 0, 0, 0, -1))
    reached = budget_message(BudgetReached(spent=20.01, cap=20.0, at=at))
    assert reached == (
        "X budget of $20.00 reached at 19:42: reading stopped; posting still works;"
        " raise cost.budget to go on"
    )
    warned = budget_message(BudgetWarning(spent=16.0, cap=20.0, at=at))
    assert warned == "X cost at $16.00, 80% of the $20.00 budget: reading stops at $20.00"


def _model(prices: CostSettings) -> RoomModel:
    return RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa", "#AskBlueRoom"),
        half_life=600.0,
        prices=prices,
    )


def test_the_meter_is_rebuilt_from_the_journal_and_from_a_snapshot_alike() -> None:
    prices = CostSettings(budget=5.0)
    events: list[Event] = [
        XUsage(what="stream", reads=2, read_ids=("1", "2"), at=NOON),
        XUsage(what="stream", reads=2, read_ids=("2", "3"), at=NOON + 1),
        XUsage(what="post", posts=1, at=NOON + 2),
        BudgetWarning(spent=4.0, cap=5.0, at=NOON + 3),
    ]
    replayed = _model(prices)
    replayed.apply(events[:2])
    replayed.apply(events[2:])
    state = msgspec.msgpack.decode(msgspec.msgpack.encode(replayed.capture()()), type=RoomState)
    assert state.version == STATE_VERSION
    restored = _model(prices)
    restored.restore(state)
    for model in (replayed, restored):
        model.apply([XUsage(what="stream", reads=1, read_ids=("3",), at=NOON + 4)])
    a, b = replayed.cost.snapshot(), restored.cost.snapshot()
    assert a == b
    assert a.reads == 3 and a.deduplicated == 2 and a.warned and not a.reached


def test_what_a_post_costs_before_it_is_sent() -> None:
    prices = CostSettings()
    amount, why = draft_cost(Draft(text="Merci Inès ! #AskBlueRoom", reply_to="1"), prices)
    assert math.isclose(amount, 0.015) and why == "a post: $0.015; total $0.015"
    amount, why = draft_cost(Draft(text="Le replay : https://blueroom.fr/replay"), prices)
    assert math.isclose(amount, 0.20)
    assert why.startswith("a post with a link: $0.20 (without one: $0.015)")
    amount, _ = draft_cost(Draft(text="Photo !", media=("a.jpg", "b.jpg")), prices)
    assert math.isclose(amount, 0.015), "media uploads are not billed in the 2026-08 table"
    amount, why = draft_cost(
        Draft(text="Photo !", media=("a.jpg",)), CostSettings(media_upload=0.01)
    )
    assert math.isclose(amount, 0.025) and "1 photo at $0.01" in why


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("see https://x.com/a", True),
        ("www.blueroom.fr", True),
        ("blueroom.fr/replay tonight", True),
        ("Merci à tous ! À bientôt.", False),
        ("3.5 million views, #AskBlueRoom", False),
        ("@leamarchand merci", False),
    ],
)
def test_links_are_found_as_x_would_bill_them(text: str, linked: bool) -> None:
    assert has_link(text) is linked


@pytest.mark.parametrize(
    ("variable", "value", "needle"),
    [
        ("POST_READ", "-0.005", "cost.post_read must be a price from 0 up to 1000, not -0.005"),
        ("BUDGET", "-5", "cost.budget must be 0 (no cap) or a positive amount, not -5.0"),
        ("PRICES_AS_OF", '"last year"', "cost.prices_as_of must be the date the prices were"),
        ("CURRENCY", '"dollars"', 'cost.currency must be a currency code like "USD"'),
        ("POST_WITH_LINK", "nan", "cost.post_with_link must be a price"),
    ],
)
def test_a_bad_price_table_is_one_clear_line(variable: str, value: str, needle: str) -> None:
    with pytest.raises(SettingsError, match=r"^default settings \+ environment: ") as error:
        load_settings(environ={f"BLUEROOM_COST__{variable}": value})
    assert needle in str(error.value) and "\n" not in str(error.value)


def test_what_the_room_costs_an_hour_at_askguettas_13000_mentions() -> None:
    """The README's figure, worked out by the meter: the stream's reads alone, then with
    the room's sixty answers (no link)."""
    prices = CostSettings()
    assert math.isclose(hourly_cost(13_000, 0, prices), 65.0)
    assert math.isclose(hourly_cost(13_000, 60, prices), 65.90)
