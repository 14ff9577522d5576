"""The reconnection policy, as X's "handling disconnections" guide gives it."""

from __future__ import annotations

import itertools

from blueroom.x.backoff import BackOff


def test_network_errors_back_off_linearly_from_250_ms_to_16_s() -> None:
    policy = BackOff()
    waits = [policy.network_error() for _ in range(70)]
    assert waits[:4] == [0.25, 0.5, 0.75, 1.0]
    assert max(waits) == 16.0 and waits[-1] == 16.0
    assert all(b - a in (0.0, 0.25) for a, b in itertools.pairwise(waits))


def test_http_errors_back_off_exponentially_from_5_s_to_320_s() -> None:
    policy = BackOff()
    assert [policy.http_error() for _ in range(9)] == [5, 10, 20, 40, 80, 160, 320, 320, 320]


def test_a_429_waits_at_least_60_s_doubling_without_a_reset() -> None:
    policy = BackOff()
    assert [policy.rate_limited() for _ in range(4)] == [60, 120, 240, 320]


def test_a_429_with_a_reset_waits_until_it_and_a_wrong_clock_is_not_believed() -> None:
    policy = BackOff(clock=lambda: 1_000.0)
    assert policy.rate_limited(reset_at=1_030.0) == 31.0  # until the reset, and a second
    assert policy.rate_limited(reset_at=990.0) == 60.0  # in the past: the 60 s rule
    assert policy.rate_limited(reset_at=1_000.0 + 86_400) == 120.0  # a day away: not believed


def test_a_good_connection_starts_the_count_again() -> None:
    policy = BackOff()
    policy.network_error(), policy.network_error(), policy.http_error(), policy.http_error()
    policy.succeeded()
    assert policy.failures == 0
    assert policy.network_error() == 0.25
    assert policy.http_error() == 5.0
