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

import ahocorasick

from monitor.phrases import phrase_pattern

_WORD = re.compile(r"\w+")
_GAP = r"(?:\W+\w+){0,3}?\W+"

Entry = tuple[re.Pattern[str], tuple[int, ...]]


def phrase_regex(phrase: str) -> str:
    """The regular expression of one rules phrase (see the module docstring)."""
    return _GAP.join(phrase_pattern(part.strip()) for part in phrase.split(" * "))


@dataclass(frozen=True)
class Hit:
    """One phrase occurrence and the tags of the phrase (what the rules attach to it)."""

    start: int
    end: int
    tags: tuple[int, ...]


class WordStarts:
    """Finds, in one pass (Aho-Corasick, in C), where `whole` words and words that begin with `prefixes` start.

    The text is searched with punctuation turned into spaces, so that " two " matches only the
    word "two" and " погиб" only words that begin with it: the automaton reports nothing inside other words.
    """

    def __init__(self, whole: Iterable[str], prefixes: Iterable[str] = ()) -> None:
        self._automaton = ahocorasick.Automaton()
        keys = {f" {_fold(w)} " for w in whole if w} | {f" {_fold(p)}" for p in prefixes if p}
        for key in keys:
            self._automaton.add_word(key, (len(key), len(key.strip())))
        self._empty = not keys
        if keys:
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, length) of each word of text[start:end] that is or begins with a key, by position."""
        end = len(text) if end is None else end
        if self._empty or start >= end:
            return []
        spaced = " " + _fold(text[start:end]).translate(_SPACE_OUT) + " "
        # A key starts one character before its word (at the space); `spaced` starts one character early too.
        return sorted((start + last - size + 1, length) for last, (size, length) in self._automaton.iter(spaced))


# Punctuation and spaces of the feed languages, turned into plain spaces (str.translate is much faster than a
# regular expression; a rarer sign just hides the word after it from the automaton).
_SPACE_OUT = str.maketrans(dict.fromkeys(string.punctuation + "«»“”‘’„‚–—…·•¿¡،؛؟׳״\u00a0\u202f\u2009\t\n\r", " "))


def _fold(text: str) -> str:
    """`text` case-folded character by character, so that positions stay those of `text` ("İ" stays)."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(f if len(f := c.casefold()) == 1 else c for c in text)


class PhraseIndex:
    """Phrases, each with tags, ready to be found in texts."""

    def __init__(self, tagged: Mapping[str, Sequence[int]]) -> None:
        self._exact: dict[str, list[Entry]] = {}
        self._prefix: dict[str, list[Entry]] = {}
        self._anywhere: list[Entry] = []  # phrases that start with a wildcard or a sign: tried at every word
        for phrase, tags in sorted(tagged.items(), key=lambda item: -len(item[0])):
            entry = (re.compile(phrase_regex(phrase), re.IGNORECASE), tuple(tags))
            first = _WORD.match(phrase.strip())
            if first is None:
                self._anywhere.append(entry)
            elif phrase.strip()[first.end() : first.end() + 1] == "*":
                self._prefix.setdefault(_fold(first.group()), []).append(entry)
            else:
                self._exact.setdefault(_fold(first.group()), []).append(entry)
        self._starts = WordStarts(self._exact, self._prefix)

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
        positions = [(p, _fold(text[p : p + n])) for p, n in self._starts.find(text, start, end)]
        if self._anywhere:
            positions += [(w.start(), "") for w in _WORD.finditer(text, start, end)]
        found: list[Hit] = []
        for position, key in sorted(positions):
            for pattern, tags in (*self._exact.get(key, ()), *self._prefix.get(key, ()), *self._anywhere):
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
