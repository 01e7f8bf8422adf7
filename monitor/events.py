"""The changes monitor tells of: one frozen dataclass per event kind, each with its evidence. Imports only types.

The deciders (decide/) build them, the store keeps them, routing and rendering read them: every value stays
typed on the way (a delta is a number, an item's entities a tuple), and text is made only for people to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal, NamedTuple, get_args

from monitor.types import Polarity, Qualifier

EventKind = Literal["figure_change", "position_change", "new_match", "feed_health"]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)


@dataclass(frozen=True)
class Evidence:
    """Where an event came from, so that an alert can show it."""

    item_key: str
    link: str | None
    outlet: str
    published: datetime | None
    sentence: str


class Shown(NamedTuple):
    """An event as one line of text: what the events table and the logs show (never read back)."""

    subject: str
    old: str | None
    new: str


def number_text(value: float) -> str:
    """A reported value written exactly: 67194, 1118000, 12.5 (never 1.118e+06)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass(frozen=True)
class FigureChange:
    """A tracked metric moved: a cumulative one to a new maximum, any other to a new value."""

    kind: ClassVar[Literal["figure_change"]] = "figure_change"
    metric: str
    old: float
    new: float
    qualifier: Qualifier
    as_written: str
    evidence: Evidence

    @property
    def delta(self) -> float:
        return self.new - self.old

    @property
    def shown(self) -> Shown:
        return Shown(self.metric, number_text(self.old), number_text(self.new))


@dataclass(frozen=True)
class PositionChange:
    """An actor's polarity on an issue differs from the last one recorded."""

    kind: ClassVar[Literal["position_change"]] = "position_change"
    actor: str
    issue: str
    old_stance: str
    old_polarity: Polarity
    new_stance: str
    new_polarity: Polarity
    cue: str
    evidence: Evidence

    @property
    def shown(self) -> Shown:
        return Shown(f"{self.actor}/{self.issue}", self.old_stance, self.new_stance)


@dataclass(frozen=True)
class NewCoverage:
    """A new item about the tracked story: routes that opt in hear of it."""

    kind: ClassVar[Literal["new_match"]] = "new_match"
    title: str
    entities: tuple[str, ...]
    issues: tuple[str, ...]
    evidence: Evidence

    @property
    def shown(self) -> Shown:
        return Shown(self.evidence.item_key[:200], None, self.title[:100])


@dataclass(frozen=True)
class FeedHealthChange:
    """A feed broke (failing, silent) or recovered."""

    kind: ClassVar[Literal["feed_health"]] = "feed_health"
    feed_name: str
    feed_url: str
    old: str
    new: str
    reason: str
    evidence: Evidence

    @property
    def shown(self) -> Shown:
        return Shown(self.feed_name[:200], self.old, self.new)


Event = FigureChange | PositionChange | NewCoverage | FeedHealthChange
