"""next_poll_at: a table of situations and the delay each one gets."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from monitor.decide.schedule import next_poll_at

NOW = datetime(2025, 10, 7, 12, 0, tzinfo=UTC)
HEALTHY: dict[str, Any] = {
    "interval_s": 300,
    "failures": 0,
    "retry_after_s": None,
    "max_age_s": None,
    "ttl_s": None,
    "jitter": 0.0,
}


def _delay(**changes: Any) -> float:
    return (next_poll_at(NOW, **(HEALTHY | changes)) - NOW).total_seconds()


DELAYS = {
    "healthy feed waits its interval": ({}, 300),
    "max-age lengthens the interval": ({"max_age_s": 900}, 900),
    "max-age never shortens it": ({"max_age_s": 10}, 300),
    "ttl lengthens the interval": ({"ttl_s": 3600}, 3600),
    "the longer of max-age and ttl wins": ({"max_age_s": 600, "ttl_s": 1200}, 1200),
    "max-age is clamped to the maximum": ({"max_age_s": 365 * 86400}, 86400),
    "interval below the minimum is raised": ({"interval_s": 5}, 60),
    "interval above the maximum is lowered": ({"interval_s": 10 * 86400}, 86400),
    "first failure waits one interval": ({"failures": 1}, 300),
    "second failure doubles it": ({"failures": 2}, 600),
    "fifth failure waits 16 intervals": ({"failures": 5}, 4800),
    "backoff stops at the cap": ({"failures": 12}, 6 * 3600),
    "absurd failure count stays at the cap": ({"failures": 100_000}, 6 * 3600),
    "cap never polls a failing feed more often than a healthy one": (
        {"interval_s": 12 * 3600, "failures": 3},
        12 * 3600,
    ),
    "own cap": ({"failures": 4, "backoff_cap_s": 1000}, 1000),
    "failing feed ignores max-age": ({"failures": 1, "max_age_s": 7200}, 300),
    "retry-after is a floor": ({"failures": 1, "retry_after_s": 1800}, 1800),
    "retry-after below the backoff changes nothing": ({"failures": 3, "retry_after_s": 60}, 1200),
    "retry-after is clamped to the maximum": ({"failures": 1, "retry_after_s": 10 * 86400}, 86400),
    "retry-after on a healthy feed is honoured": ({"retry_after_s": 3600}, 3600),
    "jitter adds up to a tenth": ({"jitter": 0.5}, 315),
    "jitter scales the backoff too": ({"failures": 2, "jitter": 0.99}, 600 * 1.099),
    "jitter past the maximum is clamped": ({"interval_s": 86400, "jitter": 0.9}, 86400),
    "own bounds": ({"interval_s": 30, "min_interval_s": 10, "max_interval_s": 20}, 20),
}


@pytest.mark.parametrize(("changes", "expected_s"), DELAYS.values(), ids=DELAYS.keys())
def test_next_poll_delay(changes: dict[str, Any], expected_s: float) -> None:
    assert _delay(**changes) == pytest.approx(expected_s)


def test_result_keeps_the_time_zone_of_now() -> None:
    assert next_poll_at(NOW, **HEALTHY).tzinfo is UTC


INVALID = {
    "jitter of one": {"jitter": 1.0},
    "negative jitter": {"jitter": -0.1},
    "negative failures": {"failures": -1},
    "zero interval": {"interval_s": 0},
}


@pytest.mark.parametrize("changes", INVALID.values(), ids=INVALID.keys())
def test_invalid_argument_is_rejected(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        _delay(**changes)
