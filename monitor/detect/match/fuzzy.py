"""Near spellings of long alias words ("Netanjahu", "Gutteres"). Pure.

Scoring every alias against every window of an article with rapidfuzz is far too slow (tech-notes
section 4). Candidates are found exactly instead, with a deletion neighbourhood (the SymSpell idea):
two words within one edit of each other share a word that both become after deleting at most one
letter. The index holds those deletion variants of the alias words that may be misspelt; a text word looks up its
own variants, and only the aliases it reaches, whose other words the text holds too (as written or near), are
scored with `rapidfuzz.fuzz.ratio`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from monitor.text.syntax import Pattern

T = TypeVar("T")

# Only words this long are looked up fuzzily: shorter ones are too close to other words (Hamas/Hamad,
# Kalin/Kaplin); an alias of short words must be spelled as the rules spell it (after folding).
MIN_FUZZY_WORD = 5
# Aliases shorter than this (all words together) are never fuzzy: one edit is too much of them.
MIN_FUZZY_ALIAS = 6
# A memo of candidates per text word: news vocabulary repeats, so most lookups are answered here.
_MEMO_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Near(Generic[T]):
    """An alias found with a different spelling: tokens `first`..`last` of the text."""

    value: T
    pattern: Pattern
    first: int
    last: int
    score: float


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    value: T
    pattern: Pattern
    keys: tuple[str, ...]
    cutoff: float
    words: frozenset[str]


def _variants(word: str) -> set[str]:
    """`word` and every word one deletion away from it."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _near(a: str, b: str) -> bool:
    """Equal, or one edit apart and both long enough to tolerate it. (Words whose lengths differ by two or more
    are never one edit apart: most pairs are told apart without computing a distance.)"""
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    return shorter >= MIN_FUZZY_WORD - 1 and longer - shorter <= 1 and OSA.distance(a, b, score_cutoff=1) <= 1


class FuzzyIndex(Generic[T]):
    """Aliases that may be found with a spelling of their own, each with its score cutoff (0-100)."""

    def __init__(self, entries: Iterable[tuple[Pattern, T, float]]) -> None:
        self._entries: list[_Entry[T]] = []
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._memo: dict[str, tuple[tuple[int, int], ...]] = {}
        self._nearby: set[str] = set()  # the words of the memo near some alias word
        self._leading: set[str] = set()  # those of them that may lead to an alias (see `_may_lead`)
        exact: set[str] = set()
        stems: set[str] = set()
        for pattern, value, cutoff in entries:
            keys = pattern.keys
            if len(keys) == 1:
                (stems if pattern.stem else exact).add(keys[0])
            if pattern.stem or len("".join(keys)) < MIN_FUZZY_ALIAS:
                continue
            if not any(len(key) >= MIN_FUZZY_WORD for key in keys):
                continue
            # A near spelling differs in at least one word, and only words this long may differ (see `_near`):
            # the text words that differ from an alias word lead to it.
            for j, key in enumerate(keys):
                for variant in _variants(key) if len(key) >= MIN_FUZZY_WORD - 1 else ():
                    self._index.setdefault(variant, []).append((len(self._entries), j))
            self._entries.append(_Entry(value, pattern, keys, cutoff, frozenset(keys)))
        self._exact, self._stems = frozenset(exact), tuple(stems)

    def _near_pairs(self, key: str) -> tuple[tuple[int, int], ...]:
        """(alias, word position) pairs whose word is near `key` and not `key` itself (a window where the text
        spells every word as the alias does is no near spelling); one-word aliases already scored. Memoised, and
        the words that have any are remembered in `_nearby` (and `_leading`)."""
        found = self._memo.get(key)
        if found is None:
            found = ()
            if len(key) >= MIN_FUZZY_WORD - 1:
                pairs = {pair for variant in _variants(key) for pair in self._index.get(variant, ())}
                found = tuple(pair for pair in pairs if self._differs(pair, key) and self._may_match(pair, key))
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
                self._nearby.clear()
                self._leading.clear()
            self._memo[key] = found
            if found:
                self._nearby.add(key)
                if self._may_lead(key):
                    self._leading.add(key)
        return found

    def _may_lead(self, key: str) -> bool:
        """A word that is a one-word alias (or starts with a one-word stem) as written is the exact stage's: a near
        spelling found from it would only be the same mention again, or a worse one. (It may still be the near
        word of a window that another word leads to.)"""
        return key not in self._exact and not key.startswith(self._stems)

    def _differs(self, pair: tuple[int, int], key: str) -> bool:
        return self._entries[pair[0]].keys[pair[1]] != key

    def _may_match(self, pair: tuple[int, int], key: str) -> bool:
        """A one-word alias is scored here, once per text word; a longer one needs its window (see find), where
        this word must be near its counterpart: checked here once, not in every window it leads to."""
        entry, position = self._entries[pair[0]], pair[1]
        if len(entry.keys) > 1:
            return _near(entry.keys[position], key)
        return self._score(entry, (key,)) is not None

    def find(self, keys: Sequence[str]) -> list[Near[T]]:
        """Aliases written unlike every spelling the rules give (exact spellings are left to phrases.py)."""
        words = set(keys)
        near = {key: self._memo[key] for key in words & self._nearby}  # most texts: a few
        for key in words.difference(self._memo):  # news vocabulary repeats: most words were seen before
            if pairs := self._near_pairs(key):
                near[key] = pairs
        # Only an alias each of whose words the text holds, as written or near one of its words (`near_words`), may
        # be found: in most texts none is, and no window is looked at.
        near_words = {self._entries[e].keys[j] for pairs in near.values() for e, j in pairs}
        leads = {
            key: [(e, j) for e, j in near[key] if self._entries[e].words - words <= near_words]
            for key in near.keys() & self._leading
        }
        if not any(leads.values()):
            return []
        starts = {(entry, i - j) for i, key in enumerate(keys) if key in leads for entry, j in leads[key]}
        found = []
        # In the rules' order: which of two equal near spellings of rival aliases wins must not depend on a set's
        # layout.
        for entry_index, start in sorted(starts):
            entry = self._entries[entry_index]
            window = keys[start : start + len(entry.keys)] if start >= 0 else ()
            score = self._score(entry, window)
            if score is not None:
                found.append(Near(entry.value, entry.pattern, start, start + len(entry.keys) - 1, score))
        return found

    @staticmethod
    def _score(entry: _Entry[T], window: Sequence[str]) -> float | None:
        """The rapidfuzz ratio of alias and window when every word is near its counterpart, else None."""
        if len(window) != len(entry.keys) or tuple(window) == entry.keys:
            return None
        if not all(map(_near, entry.keys, window)):
            return None
        score = fuzz.ratio(" ".join(entry.keys), " ".join(window), score_cutoff=entry.cutoff)
        return score or None
