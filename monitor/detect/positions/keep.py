"""What each stance cue of a sentence says (CueReading), and which of the sentence's positions stand: a condition
replaces its actor's other stances on the issue, and an actor stands on one side of an issue per sentence. Pure."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from monitor.detect.positions.marks import StanceCue
from monitor.types import Position


class CueReading(NamedTuple):
    """What one stance cue says: its positions, or why it has none."""

    cue: StanceCue
    positions: list[Position]
    reason: str


def one_side_each(positions: list[Position]) -> list[Position]:
    """A sentence's positions, each actor on one side of an issue: where the sentence also says the other
    ("rejects disarmament ... may accept only guarantees"), the first stands, and it is doubtful."""
    sides: dict[tuple[str, str], set[str]] = {}
    for p in positions:
        sides.setdefault((p.actor, p.issue), set()).add(p.polarity)
    first: dict[tuple[str, str], str] = {}
    kept = []
    for p in positions:
        key = (p.actor, p.issue)
        polarity = first.setdefault(key, p.polarity)
        if p.polarity != polarity and {p.polarity, polarity} == {"for", "against"}:
            continue
        both = {"for", "against"} <= sides[key]
        kept.append(replace(p, certain=False) if both else p)
    return kept


def conditions_first(positions: list[Position]) -> list[Position]:
    """A sentence's positions, but for a condition: "will not disarm until ..." conditions disarmament, and
    the actor's other stances on it in the sentence go."""
    conditioned = {(p.actor, p.issue) for p in positions if p.polarity == "conditional"}
    return [p for p in positions if p.polarity == "conditional" or (p.actor, p.issue) not in conditioned]
