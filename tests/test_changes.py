"""Change detection: which reports are news."""

from __future__ import annotations

import pytest

from monitor.decide.changes import (
    FigureChange,
    History,
    PositionChange,
    as_event,
    decide,
    seed_history,
    stale_metrics,
)
from monitor.types import Direction, Evidence, Figure, Position

Changes = list[tuple[float, float]]  # (old, new) of each figure change
DIRECTIONS: dict[str, Direction] = {"deaths": "up", "held": "any", "poll": "any"}


def figure(metric: str, value: float) -> Figure:
    return Figure(metric, value, "exact", f"{value:g}", f"{metric} is {value:g}.")


def position(actor: str, issue: str, stance: str, polarity: str) -> Position:
    return Position(actor, issue, stance, polarity, f"{actor} {stance} {issue}.")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        ([67194], [(67160, 67194)]),
        ([67000], []),
        ([67160], []),
        ([67194, 67194], [(67160, 67194)]),
        ([67194, 67100, 67300], [(67160, 67194), (67194, 67300)]),
    ],
    ids=["higher-is-news", "lower-is-stale", "equal-is-not-news", "repeat-is-not-news", "only-new-maxima"],
)
def test_cumulative_metric_changes_only_on_a_new_maximum(reports: list[float], expected: Changes) -> None:
    changes, _ = decide(seed_history({"deaths": 67160}), DIRECTIONS, [figure("deaths", v) for v in reports], [])
    assert [(c.old, c.figure.value) for c in changes if isinstance(c, FigureChange)] == expected


@pytest.mark.parametrize(
    ("reports", "expected"),
    [([20], [(48, 20)]), ([48], []), ([20, 48], [(48, 20), (20, 48)])],
    ids=["different-is-news", "same-is-not-news", "back-and-forth"],
)
def test_any_direction_metric_changes_when_the_value_differs(reports: list[float], expected: Changes) -> None:
    changes, _ = decide(seed_history({"held": 48}), DIRECTIONS, [figure("held", v) for v in reports], [])
    assert [(c.old, c.figure.value) for c in changes if isinstance(c, FigureChange)] == expected


def test_first_report_without_baseline_sets_history_silently() -> None:
    changes, history = decide(History(), DIRECTIONS, [figure("poll", 62)], [])
    assert changes == []
    assert history.last["poll"] == 62


def test_position_changes_when_polarity_differs() -> None:
    history = History(stances={("hamas", "disarmament"): ("rejects", "against")})
    changes, _ = decide(history, DIRECTIONS, [], [position("hamas", "disarmament", "accepts", "for")])
    assert len(changes) == 1
    change = changes[0]
    assert isinstance(change, PositionChange)
    assert (change.old_stance, change.position.stance) == ("rejects", "accepts")


def test_position_with_same_polarity_and_other_label_is_not_a_change() -> None:
    history = History(stances={("hamas", "disarmament"): ("rejects", "against")})
    changes, _ = decide(history, DIRECTIONS, [], [position("hamas", "disarmament", "opposes", "against")])
    assert changes == []


def test_first_position_sets_history_silently() -> None:
    changes, history = decide(History(), DIRECTIONS, [], [position("hamas", "ceasefire", "accepts", "for")])
    assert changes == []
    assert history.stances[("hamas", "ceasefire")] == ("accepts", "for")


def test_lower_report_of_cumulative_metric_is_stale() -> None:
    history = seed_history({"deaths": 67160})
    assert stale_metrics(history, DIRECTIONS, [figure("deaths", 1200), figure("held", 1)]) == {"deaths"}


def test_figure_event_carries_old_new_delta_and_evidence() -> None:
    changes, _ = decide(seed_history({"deaths": 67160}), DIRECTIONS, [figure("deaths", 67194)], [])
    evidence = Evidence("guid:1", "https://example.org/a", "Example News", None, "deaths is 67194.")
    event = as_event(changes[0], evidence)
    assert (event.kind, event.subject, event.old, event.new) == ("figure_change", "deaths", "67160", "67194")
    assert event.details["delta"] == "+34"
    assert event.evidence.sentence == "deaths is 67194."
