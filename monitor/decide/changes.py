"""The decider: given what is known so far and what an item reports, which changes are news. Pure.

A metric with direction `up` is cumulative (a death toll): only a value above the highest seen so far is a
change; a lower one is a stale report. A metric with direction `any` (hostages still held, a poll) changes when
a report differs from the last value. A position changes when an actor's polarity on an issue differs from
the last one recorded. Anything seen for the first time, without a baseline, sets the history silently. A
relevant item is new coverage.

`decide` is the one place where an item's analysis becomes events: the pipeline and the dry run both call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from monitor.events import Event, Evidence, FigureChange, NewCoverage, PositionChange
from monitor.types import Analysis, Direction, Figure, Polarity, Position


@dataclass(frozen=True)
class History:
    """What change detection remembers: per metric the highest and the last value, per (actor, issue) the last
    stance and its polarity."""

    best: Mapping[str, float] = field(default_factory=dict)
    last: Mapping[str, float] = field(default_factory=dict)
    stances: Mapping[tuple[str, str], tuple[str, Polarity]] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    """The item an analysis came from, as its events show it."""

    item_key: str
    title: str
    link: str | None
    outlet: str
    published: datetime | None
    text: str

    def evidence(self, sentence: str) -> Evidence:
        return Evidence(self.item_key, self.link, self.outlet, self.published, sentence)


@dataclass(frozen=True)
class Decision:
    """What one item changes: its events in order (new coverage first, then figures and positions in text
    order), the history after it, and the cumulative metrics it reports below their maximum (stale)."""

    events: tuple[Event, ...]
    history: History
    stale: frozenset[str]


def seed_history(baselines: Mapping[str, float]) -> History:
    """A history that starts from the rules' baselines."""
    return History(best=dict(baselines), last=dict(baselines))


def figure_change(history: History, direction: Direction, figure: Figure, source: Source) -> FigureChange | None:
    """The change `figure` makes to its metric, if it is news."""
    old = (history.best if direction == "up" else history.last).get(figure.metric)
    if old is None or not is_news(direction, old, figure.value):
        return None
    return FigureChange(figure.metric, old, figure.value, figure.qualifier, figure.as_written,
                        source.evidence(figure.sentence))


def is_news(direction: Direction, old: float, new: float) -> bool:
    """A cumulative metric moves only up; any other moves to any other value."""
    return new > old if direction == "up" else new != old


def record_figure(history: History, figure: Figure) -> History:
    best = max(history.best.get(figure.metric, figure.value), figure.value)
    return replace(
        history,
        best={**history.best, figure.metric: best},
        last={**history.last, figure.metric: figure.value},
    )


def position_change(history: History, position: Position, source: Source) -> PositionChange | None:
    """The change `position` makes to its actor's stance on the issue, if it is news."""
    previous = history.stances.get((position.actor, position.issue))
    if previous is None or previous[1] == position.polarity:
        return None
    return PositionChange(position.actor, position.issue, previous[0], previous[1], position.stance,
                          position.polarity, position.cue, source.evidence(position.sentence))


def record_position(history: History, position: Position) -> History:
    key = (position.actor, position.issue)
    return replace(history, stances={**history.stances, key: (position.stance, position.polarity)})


def decide(history: History, directions: Mapping[str, Direction], analysis: Analysis, source: Source) -> Decision:
    """The events one analysed item raises, and the history after it."""
    stale = stale_metrics(history, directions, analysis.figures)
    events: list[Event] = []
    if analysis.relevant:
        events.append(NewCoverage(source.title, tuple(analysis.entity_ids), tuple(analysis.issue_ids),
                                  source.evidence(source.text[:400])))
    for figure in analysis.figures:
        moved = figure_change(history, directions[figure.metric], figure, source)
        events += [moved] if moved else []
        history = record_figure(history, figure)
    for position in (p for p in analysis.positions if p.certain):  # a doubtful stance is stored, never news
        changed = position_change(history, position, source)
        events += [changed] if changed else []
        history = record_position(history, position)
    return Decision(tuple(events), history, frozenset(stale))


def stale_metrics(history: History, directions: Mapping[str, Direction], figures: Iterable[Figure]) -> set[str]:
    """Cumulative metrics that an item reports below the highest value already known (an old number)."""
    return {
        f.metric for f in figures
        if directions[f.metric] == "up" and f.value < history.best.get(f.metric, f.value)
    }
