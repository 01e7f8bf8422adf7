"""Change detection: which reports are news."""

from __future__ import annotations

from dataclasses import replace

import pytest

from monitor.decide.changes import Decision, History, Source, decide, seed_history, stale_metrics
from monitor.events import FigureChange, NewCoverage, PositionChange
from monitor.types import Analysis, Direction, Figure, Match, Position

Changes = list[tuple[float, float]]  # (old, new) of each figure change
DIRECTIONS: dict[str, Direction] = {"deaths": "up", "held": "any", "poll": "any"}
SOURCE = Source("guid:1", "Toll rises", "https://example.org/a", "Example News", None, "The toll rose.")


def figure(metric: str, value: float) -> Figure:
    return Figure(metric, value, "exact", f"{value:g}", f"{metric} is {value:g}.")


def position(actor: str, issue: str, stance: str, polarity: str) -> Position:
    return Position(actor, issue, stance, polarity, f"{actor} {stance} {issue}.")  # type: ignore[arg-type]


def decide_on(
    history: History, figures: list[Figure], positions: list[Position] | None = None, *, relevant: bool = False
) -> Decision:
    return decide(history, DIRECTIONS, Analysis(relevant, (), tuple(figures), tuple(positions or [])), SOURCE)


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
    events = decide_on(seed_history({"deaths": 67160}), [figure("deaths", v) for v in reports]).events
    assert [(e.old, e.new) for e in events if isinstance(e, FigureChange)] == expected


@pytest.mark.parametrize(
    ("reports", "expected"),
    [([20], [(48, 20)]), ([48], []), ([20, 48], [(48, 20), (20, 48)])],
    ids=["different-is-news", "same-is-not-news", "back-and-forth"],
)
def test_any_direction_metric_changes_when_the_value_differs(reports: list[float], expected: Changes) -> None:
    events = decide_on(seed_history({"held": 48}), [figure("held", v) for v in reports]).events
    assert [(e.old, e.new) for e in events if isinstance(e, FigureChange)] == expected


def test_first_report_without_baseline_sets_history_silently() -> None:
    decision = decide_on(History(), [figure("poll", 62)])
    assert decision.events == ()
    assert decision.history.last["poll"] == 62


def test_position_changes_when_polarity_differs() -> None:
    history = History(stances={("hamas", "disarmament"): ("rejects", "against")})
    events = decide_on(history, [], [position("hamas", "disarmament", "accepts", "for")]).events
    assert len(events) == 1
    change = events[0]
    assert isinstance(change, PositionChange)
    assert (change.old_stance, change.new_stance, change.old_polarity, change.new_polarity) == (
        "rejects", "accepts", "against", "for")


def test_position_with_same_polarity_and_other_label_is_not_a_change() -> None:
    history = History(stances={("hamas", "disarmament"): ("rejects", "against")})
    assert decide_on(history, [], [position("hamas", "disarmament", "opposes", "against")]).events == ()


def test_first_position_sets_history_silently() -> None:
    decision = decide_on(History(), [], [position("hamas", "ceasefire", "accepts", "for")])
    assert decision.events == ()
    assert decision.history.stances[("hamas", "ceasefire")] == ("accepts", "for")


def test_lower_report_of_cumulative_metric_is_stale() -> None:
    history = seed_history({"deaths": 67160})
    assert stale_metrics(history, DIRECTIONS, [figure("deaths", 1200), figure("held", 1)]) == {"deaths"}


def test_an_item_below_the_maximum_of_a_cumulative_metric_is_marked_stale() -> None:
    decision = decide_on(seed_history({"deaths": 67160}), [figure("deaths", 1200), figure("held", 1)])
    assert decision.stale == {"deaths"}


def test_figure_event_carries_old_new_delta_and_evidence() -> None:
    event = decide_on(seed_history({"deaths": 67160}), [figure("deaths", 67194)]).events[0]
    assert isinstance(event, FigureChange)
    assert (event.metric, event.old, event.new, event.delta) == ("deaths", 67160, 67194, 34)
    assert event.shown == ("deaths", "67160", "67194")
    assert (event.evidence.sentence, event.evidence.link) == ("deaths is 67194.", "https://example.org/a")


def test_a_relevant_item_is_new_coverage_before_its_changes() -> None:
    history = seed_history({"deaths": 67160})
    analysis = Analysis(True, (Match("entity", "hamas", "Hamas", 0, 5, 100.0),), (figure("deaths", 67194),))
    events = decide(history, DIRECTIONS, analysis, SOURCE).events
    assert [type(e) for e in events] == [NewCoverage, FigureChange]
    coverage = events[0]
    assert isinstance(coverage, NewCoverage)
    assert (coverage.title, coverage.entities, coverage.issues) == ("Toll rises", ("hamas",), ())


def test_an_item_not_about_the_story_is_no_coverage() -> None:
    assert decide_on(History(), [], relevant=False).events == ()


def test_a_doubtful_stance_is_no_news_and_no_memory() -> None:
    history = History(stances={("hamas", "disarmament"): ("rejects", "against")})
    doubtful = replace(position("hamas", "disarmament", "accepts", "for"), certain=False)
    decision = decide_on(history, [], [doubtful])
    assert decision.events == ()
    assert decision.history.stances == {("hamas", "disarmament"): ("rejects", "against")}
