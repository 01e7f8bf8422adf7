"""Feed health: failing too long or silent too long is news, and so is the recovery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.decide.health import HealthPolicy, diagnose, usual_gap

NOW = datetime(2025, 10, 9, 12, 0, tzinfo=UTC)
POLICY = HealthPolicy(alert_after_failing_s=6 * 3600, silence_factor=10, min_silence_s=86400)


def hourly(count: int, last: datetime) -> list[datetime]:
    return [last - timedelta(hours=n) for n in range(count)]


@pytest.mark.parametrize(
    ("failing_for_h", "expected"), [(None, "ok"), (1, "ok"), (6, "failing"), (48, "failing")],
    ids=["never-failed", "briefly-failing", "at-the-limit", "long-failing"],
)
def test_feed_failing_longer_than_the_limit_is_failing(failing_for_h: float | None, expected: str) -> None:
    since = NOW - timedelta(hours=failing_for_h) if failing_for_h is not None else None
    assert diagnose(NOW, since, "HTTP 500", hourly(5, NOW), POLICY).verdict == expected


def test_failing_reason_says_how_long_and_why() -> None:
    found = diagnose(NOW, NOW - timedelta(hours=7), "HTTP 404 Not Found", [], POLICY)
    assert found.reason == "failing for 7.0 h: HTTP 404 Not Found"


@pytest.mark.parametrize(
    ("quiet_h", "gap_h", "expected"),
    [(2, 1, "ok"), (23, 1, "ok"), (25, 1, "silent"), (100, 12, "ok"), (121, 12, "silent")],
    ids=["just-quiet", "under-min-silence", "hourly-feed-silent-a-day", "daily-rhythm-slow-ok", "daily-rhythm-silent"],
)
def test_feed_silent_for_many_usual_gaps_is_silent(quiet_h: float, gap_h: float, expected: str) -> None:
    newest = NOW - timedelta(hours=quiet_h)
    published = [newest - timedelta(hours=gap_h * n) for n in range(10)]
    assert diagnose(NOW, None, None, published, POLICY).verdict == expected


def test_feed_without_enough_history_is_never_silent() -> None:
    assert diagnose(NOW, None, None, [NOW - timedelta(days=30)], POLICY).verdict == "ok"


def test_usual_gap_is_the_median_gap() -> None:
    times = [NOW, NOW - timedelta(hours=1), NOW - timedelta(hours=2), NOW - timedelta(hours=30)]
    assert usual_gap(times) == timedelta(hours=1)
