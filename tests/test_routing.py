"""Routing: which routes want an event, and when it may go out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.alerts.routing import after_quiet_hours, hold_until, retry_delay, routes_with_catch_all, wants
from monitor.events import Event, Evidence, FigureChange, NewCoverage, PositionChange
from monitor.ruleset.models.alerts import QuietHours, Route

NOW = datetime(2025, 10, 8, 12, 20, tzinfo=UTC)
EVIDENCE = Evidence("k", "https://example.org/1", "Example", NOW, "A sentence.")
FIGURE = FigureChange("deaths", 67160, 67194, "exact", "67,194", EVIDENCE)
FALLING = FigureChange("held", 48, 20, "exact", "20", EVIDENCE)
POSITION = PositionChange("hamas", "disarmament", "rejects", "against", "accepts", "for", "accepted", EVIDENCE)
COVERAGE = NewCoverage("Title", ("witkoff", "hamas"), ("withdrawal",), EVIDENCE)


def route(**keys: object) -> Route:
    return Route(id="r", urls=["json://127.0.0.1/x"], **keys)


@pytest.mark.parametrize(
    ("keys", "event", "expected"),
    [
        ({}, FIGURE, True),
        ({}, COVERAGE, False),
        ({"events": ["new_match"]}, COVERAGE, True),
        ({"events": ["new_match"], "entities": ["witkoff"], "issues": ["withdrawal"]}, COVERAGE, True),
        ({"events": ["new_match"], "entities": ["kushner"]}, COVERAGE, False),
        ({"metrics": ["deaths"]}, FIGURE, True),
        ({"metrics": ["hostages"]}, FIGURE, False),
        ({"min_change": 100}, FIGURE, False),
        ({"min_change": 34}, FIGURE, True),
        ({"min_change": 28}, FALLING, True),
        ({"min_change": 29}, FALLING, False),
        ({"entities": ["hamas"]}, POSITION, True),
        ({"issues": ["ceasefire"]}, POSITION, False),
        ({"events": ["figure_change"]}, POSITION, False),
    ],
    ids=["default-takes-changes", "coverage-is-opt-in", "coverage-opted-in", "coverage-entity-and-issue",
         "coverage-other-entity", "metric-filter-match", "metric-filter-miss", "below-min-change",
         "at-min-change", "a-fall-counts-by-its-size", "a-fall-below-min-change", "actor-filter",
         "issue-filter-miss", "kind-filter"],
)
def test_route_wants_events_by_kind_and_filters(keys: dict[str, object], event: Event, expected: bool) -> None:
    assert wants(route(**keys), event) is expected


def test_notify_variable_adds_catch_all_route_for_changes() -> None:
    routes = routes_with_catch_all([], ["json://127.0.0.1/a", "mailto://x"])
    assert [(r.id, len(r.urls)) for r in routes] == [("notify", 2)]
    assert wants(routes[0], FIGURE) and not wants(routes[0], COVERAGE)


def test_immediate_alert_goes_out_now() -> None:
    assert hold_until(route(), NOW) == NOW


def test_digest_alert_waits_for_the_end_of_its_window() -> None:
    assert hold_until(route(mode="digest", digest={"every": "1h"}), NOW) == datetime(2025, 10, 8, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start", "end", "at", "expected"),
    [
        ("22:00", "07:00", datetime(2025, 10, 8, 23, 30, tzinfo=UTC), datetime(2025, 10, 9, 7, tzinfo=UTC)),
        ("22:00", "07:00", datetime(2025, 10, 8, 3, 0, tzinfo=UTC), datetime(2025, 10, 8, 7, tzinfo=UTC)),
        ("22:00", "07:00", datetime(2025, 10, 8, 12, 0, tzinfo=UTC), datetime(2025, 10, 8, 12, tzinfo=UTC)),
        ("12:00", "14:00", datetime(2025, 10, 8, 12, 20, tzinfo=UTC), datetime(2025, 10, 8, 14, tzinfo=UTC)),
    ],
    ids=["late-evening-waits-for-morning", "night-waits-for-morning", "daytime-goes-now", "same-day-window"],
)
def test_quiet_hours_hold_alerts_until_they_end(start: str, end: str, at: datetime, expected: datetime) -> None:
    assert after_quiet_hours(QuietHours(start=start, end=end), at) == expected


def test_quiet_hours_follow_their_time_zone() -> None:
    quiet = QuietHours(start="22:00", end="07:00", timezone="Asia/Jerusalem")  # UTC+3 in October
    assert after_quiet_hours(quiet, datetime(2025, 10, 8, 20, 0, tzinfo=UTC)) == datetime(2025, 10, 9, 4, tzinfo=UTC)


@pytest.mark.parametrize(("attempts", "expected"), [(1, 30), (2, 60), (4, 240), (20, 3600)],
                         ids=["first", "second", "fourth", "capped"])
def test_retry_delay_doubles_up_to_a_cap(attempts: int, expected: float) -> None:
    assert retry_delay(attempts, 30, 3600) == expected
