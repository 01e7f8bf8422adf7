"""Exact lookup of many rules phrases in tokenised text: one Aho-Corasick pass. Pure.

A rules phrase is one or more words; a final `*` makes the last word a stem ("hostage*" finds
hostages, "disarm*" finds disarmament). Phrases and text are compared by transliteration key
(see normalize.py), at word boundaries: keys are padded with spaces, so "hamas" never matches
inside "hamasiya" and "un" never inside "unknown".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from monitor.normalize import SEMITIC_FROM, Token, translit_key, without_proclitic, words

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pattern:
    """A rules phrase, compiled: its folded words and whether the last one is a stem."""

    text: str
    norms: tuple[str, ...]
    stem: bool

    @classmethod
    def parse(cls, phrase: str) -> Pattern:
        stem = phrase.rstrip().endswith("*")
        return cls(phrase, tuple(words(phrase.rstrip().rstrip("*"))), stem)

    @property
    def keys(self) -> tuple[str, ...]:
        last = len(self.norms) - 1
        return tuple(translit_key(n, stem=self.stem and i == last) for i, n in enumerate(self.norms))


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A phrase found in the text: tokens `first`..`last` (inclusive)."""

    value: T
    pattern: Pattern
    first: int
    last: int


class PhraseIndex(Generic[T]):
    """Every phrase of the rules that must be found exactly (after folding), in one automaton."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[Pattern, T]]] = {}
        for phrase, value in entries:
            pattern = Pattern.parse(phrase)
            if pattern.norms:
                padded = " " + " ".join(pattern.keys) + ("" if pattern.stem else " ")
                table.setdefault(padded, []).append((pattern, value))
        for padded, found in table.items():
            self._automaton.add_word(padded, (len(padded), found))
        if table:
            self._automaton.make_automaton()
        self._empty = not table
        self.vocabulary = frozenset(k for padded in table for k in padded.split())
        self.stems = tuple(sorted({p.keys[-1] for found in table.values() for p, _ in found if p.stem}))

    def text_keys(self, tokens: Sequence[Token]) -> list[str]:
        """The tokens' keys, with Hebrew/Arabic proclitics removed where that reveals a known word."""
        known, stems = self.vocabulary, self.stems
        return [t.key if t.key < SEMITIC_FROM else without_proclitic(t.key, known, stems) for t in tokens]

    def find(self, keys: Sequence[str]) -> list[Hit[T]]:
        """Every occurrence of every phrase in the text whose token keys are `keys`."""
        if self._empty or not keys:
            return []
        starts, position = [], 1
        for key in keys:
            starts.append(position)
            position += len(key) + 1
        first_at = {start: i for i, start in enumerate(starts)}
        hits: list[Hit[T]] = []
        for end, (length, found) in self._automaton.iter(" " + " ".join(keys) + " "):
            first = first_at[end - length + 2]
            for pattern, value in found:
                last_char = end if pattern.stem else end - 1
                hits.append(Hit(value, pattern, first, bisect_right(starts, last_char) - 1))
        return hits
