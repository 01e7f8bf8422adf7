"""Rules phrases found in one pass over a text, indexed by their first word. Pure.

A regular expression alternation of hundreds of phrases makes Python's engine try every phrase at every
position of the text (it builds no trie): milliseconds per item. Here each word of the text is looked up in a
dict of first words (and of first-word prefixes, for phrases such as "погиб*"), and only the phrases that start
with that word are tried there.

The phrase syntax is that of `monitor.phrases`, plus a lone `*` between words, which stands for up to three
words ("since * ceasefire" finds "since the October 11 ceasefire").
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from monitor.phrases import phrase_pattern

_WORD = re.compile(r"\w+")
_GAP = r"(?:\W+\w+){0,3}?\W+"

Entry = tuple[re.Pattern[str], tuple[int, ...]]
Payload = TypeVar("Payload")


def phrase_regex(phrase: str) -> str:
    """The regular expression of one rules phrase (see the module docstring)."""
    return _GAP.join(phrase_pattern(part.strip()) for part in phrase.split(" * "))


@dataclass(frozen=True)
class Hit:
    """One phrase occurrence and the tags of the phrase (what the rules attach to it)."""

    start: int
    end: int
    tags: tuple[int, ...]


class KeyScanner(Generic[Payload]):
    """Finds, in one pass (Aho-Corasick, in C), where keys start a word, and hands back each key's payload.

    The text is searched case-folded, with punctuation turned into spaces and a space added at both ends. A
    key is looked for with a space before it, and after it too when it is `whole`: " two " finds only the word
    "two", " погиб" only words that begin with it, and nothing is reported inside other words.
    """

    def __init__(self, keys: Iterable[tuple[str, bool, Payload]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for key, whole, payload in keys:
            spaced = f" {_spaced(key)}{' ' if whole else ''}"
            self._automaton.add_word(spaced, (len(spaced), payload))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, Payload]]:
        """(where the key's word starts, the key's payload) for each key found in text[start:end]."""
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        spaced = f" {_spaced(text[start:end])} "
        # A key starts one character before its word (at the space); `spaced` starts one character early too.
        return [(start + last - size + 1, payload) for last, (size, payload) in self._automaton.iter(spaced)]


class WordStarts:
    """Where whole `words` (or phrases) start in a text; (position, length) pairs, by position."""

    def __init__(self, words: Iterable[str]) -> None:
        self._scanner = KeyScanner((word, True, len(word)) for word in words if word)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        return sorted(self._scanner.find(text, start, end))


# Punctuation and spaces of the feed languages, turned into plain spaces (str.translate is much faster than a
# regular expression; a rarer sign just hides the word after it from the automaton).
_SPACE_OUT = str.maketrans(dict.fromkeys(string.punctuation + "«»“”‘’„‚–—…·•¿¡،؛؟׳״\u00a0\u202f\u2009\t\n\r", " "))


def _spaced(text: str) -> str:
    """`text` case-folded with punctuation as spaces, character by character, so that positions stay."""
    folded = text.casefold()
    if len(folded) != len(text):  # "İ" folds to two characters: keep such characters as they are
        folded = "".join(f if len(f := c.casefold()) == 1 else c for c in text)
    return folded.translate(_SPACE_OUT)


def _literal_start(phrase: str) -> tuple[str, bool] | None:
    """The words a phrase starts with before any wildcard, and whether they end on a whole word; None when
    the phrase starts with a wildcard or a sign (then it is tried at every word)."""
    head = phrase.strip().split(" * ")[0]
    literal = head.split("*")[0]
    if not _WORD.match(literal):
        return None
    whole = literal == head or phrase.strip().startswith(head + " * ")
    return literal.strip(), whole and head[-1:].isalnum()


class PhraseIndex:
    """Phrases, each with tags, ready to be found in texts: the automaton finds where a phrase's literal start
    stands, and only there is the phrase's own pattern tried."""

    def __init__(self, tagged: Mapping[str, Sequence[int]]) -> None:
        by_key: dict[tuple[str, bool], list[Entry]] = {}
        self._anywhere: list[Entry] = []  # phrases that start with a wildcard or a sign: tried at every word
        for phrase, tags in sorted(tagged.items(), key=lambda item: -len(item[0])):
            entry = (re.compile(phrase_regex(phrase), re.IGNORECASE), tuple(tags))
            start = _literal_start(phrase)
            if start is None:
                self._anywhere.append(entry)
            else:
                by_key.setdefault(start, []).append(entry)
        self._scanner = KeyScanner((key, whole, entries) for (key, whole), entries in by_key.items())

    @classmethod
    def of(cls, phrases: Sequence[str]) -> PhraseIndex:
        """An index of untagged phrases."""
        return cls({phrase: () for phrase in phrases})

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """The occurrences in text[start:end], leftmost first and never overlapping; where several phrases
        start at one word, the one that reaches farthest."""
        return longest_first(self.matches(text, start, end))

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Every occurrence of every phrase in text[start:end], overlapping ones included, by start."""
        end = len(text) if end is None else end
        candidates = self._scanner.find(text, start, end)
        if self._anywhere:
            candidates += [(w.start(), self._anywhere) for w in _WORD.finditer(text, start, end)]
        found: list[Hit] = []
        for position, entries in sorted(candidates, key=lambda c: c[0]):
            for pattern, tags in entries:
                match = pattern.match(text, position, end)
                if match:
                    found.append(Hit(match.start(), match.end(), tags))
        return found


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Of hits sorted by start, the non-overlapping ones: leftmost first, the longest where several start
    together."""
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen
