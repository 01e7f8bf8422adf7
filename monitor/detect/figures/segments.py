"""The geometry of one sentence for figure attribution: segments, reaches, distances, phrase hits. Pure.

A segment is a piece of a sentence between commas and coordinating conjunctions ("and", "y", "и", "ve", ...).
A number's reach is its segment, extended back over the segments whose enumeration it continues (see
`TaggedSentence.reach`). Distances between a number and a cue count words, segment and clause breaks
(`TaggedSentence.cost`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from monitor.text.phrases import Hit
from monitor.text.sentences import Span

_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[;:()؛]|\s[—–-]\s")
# Arabic glues "and" to the next word: "بلغ 451 والإصابات 1,251" (reached 451, and the injured 1,251). A word
# after the gap that starts with "and the" opens the next segment.
_GLUED_AND = "\u0648\u0627\u0644"  # وال
_SEGMENT_BREAK = re.compile(r"[,;:()،؛]\s|\s[—–-]\s|\s(?:and|but|while|y|pero|et|mais|e|ma|и|а|ve|ama|و)\s")
# Words that open a segment naming a part of the previous one ("..., including 18,000 children").
_SUBSET = re.compile(
    r"(?:including|among them|of them|of whom|incluidos|incluidas|incluyendo|entre ellos|dont|parmi eux|"
    r"tra cui|di cui|darunter|в том числе|среди них|aralarında|بينهم|منهم|ביניהם)(?!\w)",
    re.IGNORECASE,
)
# A superlative opening the segment after a number's: an apposition that characterises its event ("..., the
# deadliest day since the truce"). An attribution ("..., the ministry said") is not one.
_COMMA = re.compile(r",\s")
_APPOSITION = re.compile(
    r"(?:the|its|el|la|le|il)\s+(?:\w+est|most|worst|first|más|plus|più)(?!\w)|(?:el|la|le|il)\s+\w+\s+(?:más|plus|più)\s",
    re.IGNORECASE,
)
# Words that open a segment telling where the previous one leads ("..., bringing the total to 472").
_RESULT = re.compile(
    r"(?:bringing|raising|taking|pushing|elevando|llevando|portant|portando|доведя|ليرتفع|لترتفع|ليصل|لتصل)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Tags:
    """What metrics.yaml attaches to a phrase (see figurerules.py, `tagged_phrases`)."""

    tags: tuple[int, ...]


class TaggedSentence:
    """A sentence of `text` (at `span`), where its numbers start, and the rules phrases found in it."""

    def __init__(
        self,
        text: str,
        span: Span,
        number_starts: frozenset[int] = frozenset(),
        phrases: tuple[Hit[Tags], ...] = (),
    ):
        self.text = text
        self.span = span
        self.number_starts = number_starts
        self.phrases = phrases
        self._by_tag: dict[int, list[Hit[Tags]]] = {}
        for hit in phrases:
            for tag in hit.value.tags:
                self._by_tag.setdefault(tag, []).append(hit)
        # Segment boundaries, computed once: (start of the break, end of the break).
        self._breaks = [m.span() for m in _SEGMENT_BREAK.finditer(text, span.start, span.end)]

    def has(self, tag: int, where: Span) -> bool:
        """Whether a phrase tagged `tag` lies within `where`."""
        hits = self._by_tag.get(tag)
        if hits is None:
            return False  # the common case, asked of every metric: answered without a generator
        return any(where.start <= hit.start and hit.end <= where.end for hit in hits)

    def tagged(self, tag: int) -> list[Hit[Tags]]:
        """The phrases tagged `tag`."""
        return self._by_tag.get(tag, [])

    def just_before(self, tag: int, position: int) -> bool:
        """Whether a phrase tagged `tag` ends right before `position`, with only white space between."""
        return any(self.text[hit.end : position].isspace() for hit in self._by_tag.get(tag, ()))

    def segment(self, position: int) -> Span:
        """The segment around `position`."""
        start, end = self.span.start, self.span.end
        for break_start, break_end in self._breaks:
            if break_end <= position:
                start = break_end
            elif break_start >= position:
                end = break_start
                break
        return Span(self.text[start:end], start, end)

    def reach(self, position: int) -> Span:
        """The segment of the number at `position`, extended back over the segments it continues.

        In "17 bodies in 24 hours, three killed by fire and 14 retrieved from rubble" the segments that start
        with a number share the first one's period; in "would be freed within 72 hours, 2,000 prisoners
        released" its mood; in "the famine caused 463 deaths, including 157 children" a subset shares what its
        whole is about. It also takes in an apposition after it: "104 killed on Tuesday, the deadliest day".
        """
        segment = self.segment(position)
        start, end = segment.start, segment.end
        while start > self.span.start and (start in self.number_starts or _SUBSET.match(self.text, start)):
            start = self.segment(start - 2).start
        while (comma := _COMMA.match(self.text, end)) and _APPOSITION.match(self.text, comma.end()):
            end = self.segment(comma.end()).end
        return Span(self.text[start:end], start, end)

    def in_part(self, position: int) -> Span | None:
        """The segment of the number at `position` when it names a part of the previous one ("..., including
        18,000 children", "entre ellos tres argentinos"), else None."""
        segment = self.segment(position)
        return segment if segment.start > self.span.start and _SUBSET.match(self.text, segment.start) else None

    def elliptic(self, position: int) -> bool:
        """Whether the number at `position` continues the segment before its own, so that it may lack a noun:
        its segment starts with it or with a word of result ("bringing the total to"). A part ("including 250
        serving life sentences") is another quantity."""
        start = self.segment(position).start
        if start <= self.span.start:
            return False
        return start in self.number_starts or _RESULT.match(self.text, start) is not None

    def cost(self, low: int, high: int, numbers_between: int, limit: float = math.inf) -> float:
        """The distance across text[low:high]: words, plus two per segment break (comma, "and"), one more per
        clause break and two per number in between, so that a cue explains the number of its own segment first.

        Once words and numbers pass `limit`, that sum is returned: the breaks would only add to it.
        """
        gap = self.text[low:high]
        cost = len(_WORD.findall(gap)) + 2 * numbers_between
        if cost > limit:
            return cost
        glued_and = self.text.startswith(_GLUED_AND, high)  # a segment break that also opens a noun phrase
        breaks = len(_SEGMENT_BREAK.findall(gap)) + gap.endswith((",", "،")) + glued_and
        return cost + 2 * breaks + len(_CLAUSE_BREAK.findall(gap)) + glued_and

    def widen(self, low: int, high: int, words: int) -> Span:
        """text[low:high] and up to `words` words either side of it, within the sentence."""
        before = [m.start() for m in _WORD.finditer(self.text, self.span.start, low)][-words:]
        after = [m.end() for m in _WORD.finditer(self.text, high, self.span.end)][:words]
        start = before[0] if before else low
        end = after[-1] if after else high
        return Span(self.text[start:end], start, end)
