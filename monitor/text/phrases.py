"""Rules phrases found in tokenised text: every phrase of every rules file in one Aho-Corasick pass. Pure.

What a phrase matches (whole words, `*`, loose and strict punctuation) is its syntax: phrasesyntax.py. Here,
Hebrew and Arabic words lose an attached proclitic (ו, ב, و, ال ...) where that reveals a word of the rules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Generic, NamedTuple, Protocol, TypeVar

import ahocorasick

from monitor.text.normalize import SEMITIC_FROM, Tokens, without_proclitic
from monitor.text.syntax import GAP_WORDS, Pattern, gap_class

T = TypeVar("T")


class Hit(NamedTuple, Generic[T]):
    """A phrase found in the text: tokens `first`..`last` (inclusive), characters `start`..`end`. (A tuple:
    an item has dozens of hits, and a tuple is the cheapest object to build.)"""

    value: T
    pattern: Pattern
    first: int
    last: int
    start: int
    end: int


class PhraseIndex(Generic[T]):
    """Phrases, each with a value (what the rules attach to it), ready to be found in texts."""

    def __init__(self, entries: Iterable[tuple[Pattern, T]]) -> None:
        anchors: dict[str, list[tuple[int, Pattern, T, int]]] = {}
        for pattern, value in entries:
            anchor, size = pattern.anchor
            if anchor.strip():
                anchors.setdefault(anchor, []).append((size, pattern, value, _checks(pattern, size)))
        self._automaton = ahocorasick.Automaton()
        for anchor, found in anchors.items():
            self._automaton.add_word(anchor, (len(anchor), not anchor.startswith(" "), found))
        self._empty = not anchors
        if anchors:
            self._automaton.make_automaton()
        words = [w for found in anchors.values() for _, p, _, _ in found for w in p.words if not w.gap]
        self.vocabulary = frozenset(w.key for w in words)
        self.stems = tuple(sorted({w.key for w in words if w.tail and not w.head}))

    def keys(self, tokens: Tokens) -> list[str]:
        """The words' keys, with Hebrew/Arabic proclitics removed where that reveals a known word."""
        keys = tokens.keys
        if not keys or max(keys) < SEMITIC_FROM:
            return keys  # no Hebrew or Arabic word: nothing to remove
        known, stems = self.vocabulary, self.stems
        return [k if k < SEMITIC_FROM else without_proclitic(k, known, stems) for k in keys]

    def find(self, text: str, tokens: Tokens, keys: Sequence[str]) -> list[Hit[T]]:
        """Every occurrence of every phrase in `text`, whose words are `tokens` with `keys`, overlapping ones
        included, in the order of their ends."""
        if self._empty or not keys:
            return []
        starts = list(accumulate([len(key) + 1 for key in keys], initial=1))  # where each key is in the joined
        word_at = {at: i for i, at in enumerate(starts)}  # most anchors start a word: a look-up, not a search
        text_starts, text_ends = tokens.starts, tokens.ends
        hits: list[Hit[T]] = []
        make = tuple.__new__  # a Hit straight from its fields: a third of the cost of calling Hit(...)
        for end, (length, inside, found) in self._automaton.iter(" " + " ".join(keys) + " "):
            # The first word: where the anchor's first key starts (or, for "*n't", the key it ends in).
            first = bisect_right(starts, end - length + 1) - 1 if inside else word_at[end - length + 2]
            start = text_starts[first]
            for size, pattern, value, checks in found:
                if checks == _NONE:  # the common case, kept cheap
                    last = first + size - 1
                elif checks == _COMPOUND:
                    if start > 0 and text[start - 1] == "-":
                        continue
                    last = first
                else:
                    last = _rest(pattern, size, first + size - 1, text, tokens, keys)
                    if last < 0 or (pattern.strict and not _bounded(pattern, text, tokens, first, last)):
                        continue
                hits.append(make(Hit, (value, pattern, first, last, start, text_ends[last])))
        return hits


# What is left to check where the automaton finds a phrase's anchor: nothing (a loose phrase that the anchor
# spans), that a strict one-word phrase does not start inside a compound, or everything.
_NONE, _COMPOUND, _ALL = 0, 1, 2


def _checks(pattern: Pattern, size: int) -> int:
    if size < len(pattern.words):
        return _ALL
    if not pattern.strict:
        return _NONE
    simple = size == 1 and not (pattern.words[0].head or pattern.before or pattern.after)
    return _COMPOUND if simple else _ALL


def _rest(pattern: Pattern, done: int, last: int, text: str, tokens: Tokens, keys: Sequence[str]) -> int:
    """The last word of the phrase when its words from `done` on follow text word `last`, else -1."""
    if pattern.strict and any(not _joined(pattern, i, text, tokens, last - done + 1 + i) for i in range(done - 1)):
        return -1
    return _follow(pattern, done, last, text, tokens, keys)


def _follow(pattern: Pattern, index: int, last: int, text: str, tokens: Tokens, keys: Sequence[str]) -> int:
    """Words `index`.. of the phrase after text word `last` (the first gap filled as briefly as possible)."""
    words = pattern.words
    while index < len(words):
        word = words[index]
        if word.gap:
            for skipped in range(GAP_WORDS + 1):
                found = _follow(pattern, index + 1, last + skipped, text, tokens, keys)
                if found >= 0:
                    return found
            return -1
        nxt = last + 1
        if nxt >= len(keys) or not word.fits(keys[nxt]):
            return -1
        if pattern.strict and not words[index - 1].gap and not _joined(pattern, index - 1, text, tokens, last):
            return -1
        index, last = index + 1, nxt
    return last


def _joined(pattern: Pattern, index: int, text: str, tokens: Tokens, word: int) -> bool:
    """Whether text words `word` and `word + 1` are separated as phrase words `index` and `index + 1` are."""
    return gap_class(text[tokens.ends[word] : tokens.starts[word + 1]]) == pattern.between[index]


def _bounded(pattern: Pattern, text: str, tokens: Tokens, first: int, last: int) -> bool:
    """A strict phrase does not start inside a compound, and has the punctuation it asks for around it."""
    start, end = tokens.starts[first], tokens.ends[last]
    preceding = text[tokens.ends[first - 1] if first else 0 : start]
    if not pattern.words[0].head and preceding.endswith("-"):
        return False
    if pattern.before and not gap_class(preceding).endswith(pattern.before):
        return False
    following = text[end : tokens.starts[last + 1] if last + 1 < len(tokens) else len(text)]
    return not pattern.after or gap_class(following).startswith(pattern.after)


class Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


def longest_first(hits: Iterable[S]) -> list[S]:
    """Of `hits`, the ones that do not overlap: leftmost first, the longest where several start together."""
    chosen: list[S] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen
