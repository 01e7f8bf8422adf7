"""Why a stance cue of a sentence gives no position: what `monitor explain` says of it. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.detect.positions.finder import PositionFinder
from monitor.detect.positions.keep import conditions_first, one_side_each
from monitor.text.scan import Scan
from monitor.types import Match, NotKept, Position


def position_reasons(finder: PositionFinder, scanned: Scan, matches: Sequence[Match]) -> list[NotKept]:
    """For each stance cue in a sentence that names a tracked actor or issue and that gives no position, why not."""
    found = []
    for span, readings in finder.readings(scanned, matches, explain=True):
        line = scanned.text[span.start : span.end]
        standing = {_key(p) for p in one_side_each(conditions_first([p for r in readings for p in r.positions]))}
        for reading in readings:
            if reading.reason:
                found.append(NotKept("position", reading.cue.text, line, reading.reason))
            elif not any(_key(p) in standing for p in reading.positions):
                found.append(NotKept("position", reading.cue.text, line, "set aside in its sentence: a condition on "
                                     "the issue replaces it, or the sentence took the other side first"))
    return found


def _key(position: Position) -> tuple[str, str, str, str]:
    return position.actor, position.issue, position.stance, position.cue
