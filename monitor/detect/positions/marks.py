"""Every rules word of rules/stances.yaml in an item's text, found in one pass, and the questions the position
finder (positions.py, stanceactors.py, stanceissues.py) asks about where they are ("is there a negation just
before this cue?"); a sentence with what it holds. Pure.

Asking a compiled regex of a long word list the same questions, window by window, tries every word of the list
at every word of the window: one pass over the text and a binary search per question is ten times cheaper.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from monitor.text.phrases import Hit, longest_first
from monitor.text.sentences import Span, clauses
from monitor.types import Match

Role = Literal["cue", "connective", "obligation", "predicate", "refusal"]
WordKind = Literal[
    "cue",
    "speech",
    "preposition",
    "negation",
    "reversal",
    "exception",
    "circumstance",
    "inquiry",
    "coordinator",
    "pronoun",
    "media",
]


class StanceWord(NamedTuple):
    """A rules word: its kind, and for a stance cue its stance and role."""

    kind: WordKind
    stance: str
    role: Role


# Between two words of a phrase and what it governs: spaces, quotes, apostrophes; a comma or a stop ends it.
_NOT_BETWEEN_WORDS = re.compile(r"[^\w'’\-\s\"“”«»]")
_WORD = re.compile(r"\w[\w'’-]*")  # a quote alone is no word


class StanceCue(NamedTuple):
    """A stance cue found in the text. (Cues, speech verbs, phrases and actors are tuples: a sentence has
    dozens, and a tuple is the cheapest object to build.)"""

    stance: str
    role: Role
    start: int
    end: int
    text: str


class Speech(NamedTuple):
    """A speech verb ("said"), or the colon after a headline's speaker."""

    start: int
    end: int


class StanceMarks:
    """The words of each kind in a text: of overlapping words of one kind, the longest, in order."""

    def __init__(self, text: str, hits: Iterable[Hit[StanceWord]]) -> None:
        by_kind: dict[str, list[Hit[StanceWord]]] = {}
        overlapping: set[str] = set()
        for hit in hits:  # in the order of their ends
            found = by_kind.setdefault(hit.value.kind, [])
            if found and hit.start < found[-1].end:
                overlapping.add(hit.value.kind)
            found.append(hit)
        # Words of a kind that do not overlap (most kinds, in most texts) need no choosing, nor sorting: their
        # starts are in order too (a word is never empty).
        chosen = {kind: longest_first(found) if kind in overlapping else found for kind, found in by_kind.items()}
        self.text = text
        self.cues = [
            StanceCue(h.value.stance, h.value.role, h.start, h.end, text[h.start : h.end])
            for h in chosen.get("cue", [])
        ]
        self.speech = [Speech(m.start, m.end) for m in chosen.get("speech", [])]
        # Words of one kind do not overlap, so both their starts and their ends are in order.
        self._starts = {kind: [m.start for m in found] for kind, found in chosen.items()}
        self._ends = {kind: [m.end for m in found] for kind, found in chosen.items()}

    def ends(self, kind: WordKind) -> list[int]:
        return self._ends.get(kind, [])

    def starts(self, kind: WordKind) -> list[int]:
        return self._starts.get(kind, [])

    def ends_before(self, kind: WordKind, start: int, end: int, words: int) -> bool:
        """Whether a word of `kind` in [start, end) ends at most `words` words before `end` ("not fully|")."""
        ends = self._ends.get(kind, [])
        nearest = bisect_right(ends, end) - 1
        return nearest >= 0 and ends[nearest] > start and self._close(ends[nearest], end, words)

    def starts_after(self, kind: WordKind, start: int, end: int, words: int) -> bool:
        """Whether a word of `kind` in [start, end) starts at most `words` words after `start`."""
        starts = self._starts.get(kind, [])
        nearest = bisect_left(starts, start)
        return nearest < len(starts) and starts[nearest] < end and self._close(start, starts[nearest], words)

    def starts_with(self, kind: WordKind, start: int, end: int) -> bool:
        """Whether text[start:end] starts with a word of `kind` (after spaces or quotes): "He rejected ..."."""
        return self.starts_after(kind, start, end, 0)

    def any_in(self, kind: WordKind, start: int, end: int) -> bool:
        """Whether a word of `kind` lies within [start, end)."""
        starts = self._starts.get(kind, [])
        first = bisect_left(starts, start)
        return first < len(starts) and self._ends[kind][first] <= end

    def _close(self, start: int, end: int, words: int) -> bool:
        between = self.text[start:end]
        # A comma or a stop is found by a quick scan, before the words are counted: often none need to be.
        return not _NOT_BETWEEN_WORDS.search(between) and len(_WORD.findall(between)) <= words


class ActorPhrase(NamedTuple):
    """An entity noun phrase: the actors it names (several when coordinated), its span, and whether it is the
    object of a preposition ("talks with Israel"), which is never a subject."""

    ids: tuple[str, ...]
    start: int
    end: int
    is_object: bool = False


@dataclass(frozen=True)
class StanceSentence:
    text: str  # the whole item's text: every offset points into it
    span: Span
    actors: tuple[ActorPhrase, ...]
    issues: tuple[Match, ...]
    speech: tuple[Speech, ...]
    cues: tuple[StanceCue, ...]
    scan: StanceMarks  # of the whole text

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        return tuple(clauses(self.span))

    def clause_at(self, offset: int) -> Span:
        return next((c for c in self.clauses if c.start <= offset < c.end), self.span)

    def actors_in(self, start: int, end: int) -> list[ActorPhrase]:
        return [p for p in self.actors if start <= p.start and p.end <= end]

    def subjects_in(self, start: int, end: int) -> list[ActorPhrase]:
        return [p for p in self.actors if start <= p.start and p.end <= end and not p.is_object]
