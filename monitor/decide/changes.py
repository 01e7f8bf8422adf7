"""The decider: given what is known so far and what an item reports, which changes are news. Pure.

A metric with direction `up` is cumulative (a death toll): only a value above the highest seen so far is a
change; a lower one is a stale report. A metric with direction `any` (hostages still held, a poll) changes when
a report differs from the last value. A position changes when an actor's polarity on an issue differs from
the last one recorded. Anything seen for the first time, without a baseline, sets the history silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from monitor.types import Direction, Event, Evidence, Figure, Polarity, Position


@dataclass(frozen=True)
class History:
    """What change detection remembers: per metric the highest and the last value, per (actor, issue) the last
    stance and its polarity."""

    best: Mapping[str, float] = field(default_factory=dict)
    last: Mapping[str, float] = field(default_factory=dict)
    stances: Mapping[tuple[str, str], tuple[str, Polarity]] = field(default_factory=dict)


@dataclass(frozen=True)
class FigureChange:
    figure: Figure
    old: float

    @property
    def sentence(self) -> str:
        return self.figure.sentence


@dataclass(frozen=True)
class PositionChange:
    position: Position
    old_stance: str
    old_polarity: Polarity

    @property
    def sentence(self) -> str:
        return self.position.sentence


def seed_history(baselines: Mapping[str, float]) -> History:
    """A history that starts from the rules' baselines."""
    return History(best=dict(baselines), last=dict(baselines))


def figure_change(history: History, direction: Direction, figure: Figure) -> FigureChange | None:
    """The change `figure` makes to its metric, if it is news."""
    if direction == "up":
        best = history.best.get(figure.metric)
        return FigureChange(figure, best) if best is not None and figure.value > best else None
    last = history.last.get(figure.metric)
    return FigureChange(figure, last) if last is not None and figure.value != last else None


def record_figure(history: History, figure: Figure) -> History:
    best = max(history.best.get(figure.metric, figure.value), figure.value)
    return replace(
        history,
        best={**history.best, figure.metric: best},
        last={**history.last, figure.metric: figure.value},
    )


def position_change(history: History, position: Position) -> PositionChange | None:
    """The change `position` makes to its actor's stance on the issue, if it is news."""
    previous = history.stances.get((position.actor, position.issue))
    if previous is None or previous[1] == position.polarity:
        return None
    return PositionChange(position, previous[0], previous[1])


def record_position(history: History, position: Position) -> History:
    key = (position.actor, position.issue)
    return replace(history, stances={**history.stances, key: (position.stance, position.polarity)})


def decide(
    history: History,
    directions: Mapping[str, Direction],
    figures: Iterable[Figure],
    positions: Iterable[Position],
) -> tuple[list[FigureChange | PositionChange], History]:
    """The changes one item makes, in text order, and the history after it."""
    changes: list[FigureChange | PositionChange] = []
    for figure in figures:
        found = figure_change(history, directions[figure.metric], figure)
        if found:
            changes.append(found)
        history = record_figure(history, figure)
    for position in positions:
        moved = position_change(history, position)
        if moved:
            changes.append(moved)
        history = record_position(history, position)
    return changes, history


def stale_metrics(history: History, directions: Mapping[str, Direction], figures: Iterable[Figure]) -> set[str]:
    """Cumulative metrics that an item reports below the highest value already known (an old number)."""
    return {
        f.metric for f in figures
        if directions[f.metric] == "up" and f.value < history.best.get(f.metric, f.value)
    }


def as_event(change: FigureChange | PositionChange, evidence: Evidence) -> Event:
    """The event a change raises, with what an alert needs to show."""
    if isinstance(change, FigureChange):
        figure = change.figure
        return Event(
            kind="figure_change", subject=figure.metric, old=f"{change.old:g}", new=f"{figure.value:g}",
            evidence=evidence,
            details={"metric": figure.metric, "qualifier": figure.qualifier, "as_written": figure.as_written,
                     "delta": f"{figure.value - change.old:+g}"},
        )
    position = change.position
    return Event(
        kind="position_change", subject=f"{position.actor}/{position.issue}", old=change.old_stance,
        new=position.stance, evidence=evidence,
        details={"actor": position.actor, "issue": position.issue, "old_polarity": change.old_polarity,
                 "new_polarity": position.polarity, "cue": position.cue},
    )
