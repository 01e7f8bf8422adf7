"""Rules phrase lists (stance cues, negations, speech verbs) compiled into regular expressions. Pure.

A rules phrase is a few words matched case-insensitively as whole words: any run of white space in the
text may separate its words, a straight apostrophe also matches a typographic one, and a `*` at either
end of a word matches the rest of that word ("reject*" finds rejects, rejected; "call* for" finds
calls for, called for; "*n't" finds didn't, won't). A phrase never starts inside a hyphenated compound:
"backed" is not found in "US-backed".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

import ahocorasick

Tag = TypeVar("Tag")
_NEVER = re.compile(r"(?!x)x")
# What may stand just before a word (a hyphen may not: "backed" is not found in "US-backed").
_BEFORE_A_WORD = " \t\n\r\xa0\u202f\u200e\u200f\"'“”‘’«»„‚([{<.,;:!?¿¡/—–…*"


def _word_pattern(word: str) -> str:
    prefix = r"\w*" if word.startswith("*") else ""
    suffix = r"\w*" if word.endswith("*") else ""
    return prefix + re.escape(word.strip("*")).replace("'", "['’]") + suffix


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one rules phrase (see the module docstring)."""
    words = phrase.split()
    body = r"\s+".join(_word_pattern(word) for word in words)
    first, last = words[0], words[-1]
    # A boundary only makes sense next to a word character: "n'" must still match inside "n'accepte".
    left = r"(?<![\w-])" if first[:1].isalnum() else ""
    right = r"(?!\w)" if last[-1:].isalnum() else ""
    return left + body + right


def _longest_first(phrases: Iterable[str]) -> list[str]:
    # Regex alternation takes the first branch that matches, so longer phrases must come first.
    return sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p.strip("*")), p))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `phrases` (the longest where several start together)."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    return re.compile("|".join(phrase_pattern(p) for p in ordered), re.IGNORECASE)


class PhraseIndex(Generic[Tag]):
    """Finds many tagged phrases fast: an Aho-Corasick pass over the lower-cased text finds where a phrase's
    literal beginning (up to its first `*`) starts a word, and only there is the phrase's own pattern tried.
    Feed text has one space between words (monitor/text.py), so the beginning is looked for with one space.

    (One regex alternation of hundreds of phrases tries every branch at every position: 100 times slower; and
    keyed by first words only, an index tries "a favor de", "a salué", ... at every "a".)
    """

    def __init__(self, tagged: Iterable[tuple[str, Tag]]) -> None:
        # Per key, the phrases that begin with it: the whole phrase when it is the key itself (no regex needed).
        self._by_key: dict[str, list[tuple[re.Pattern[str] | None, Tag]]] = {}
        for phrase, tag in tagged:
            key = _literal_beginning(phrase)
            pattern = None if key == phrase.lower() else re.compile(phrase_pattern(phrase), re.IGNORECASE)
            self._by_key.setdefault(key, []).append((pattern, tag))
        self._keys = ahocorasick.Automaton()
        for key, entries in self._by_key.items():
            # The key follows a character that can precede a word, so that the automaton reports it only where
            # a word starts: "en contra de" is not looked for inside "tienen contra".
            inside_words = any(pattern and pattern.pattern.startswith(r"\w*") for pattern, _ in entries)  # "*n't"
            for spelling in {key, key.replace("'", "’")}:
                for before in [""] if inside_words else _BEFORE_A_WORD:
                    self._keys.add_word(before + spelling, (len(spelling), key))
        if self._by_key:
            self._keys.make_automaton()

    def hits(self, text: str, start: int, end: int) -> list[tuple[int, int, Tag]]:
        """(start, end, tag) of every phrase in text[start:end], overlapping ones included."""
        if not self._by_key:
            return []
        # The leading space lets a key start the text; offsets in `lowered` are one past those in the text.
        lowered = " " + _lower(text[start:end])
        found = []
        for last, (size, key) in self._keys.iter(lowered):
            first = start + last - size
            for pattern, tag in self._by_key[key]:
                if pattern is None:  # the key is the phrase: it only has to end a word ("accept" in "acceptable")
                    after = first + size
                    if after == end or not (key[-1].isalnum() and (text[after].isalnum() or text[after] == "_")):
                        found.append((first, after, tag))
                elif match := pattern.match(text, first, end):
                    found.append((first, match.end(), tag))
        return found


def longest_first(hits: Iterable[tuple[int, int, Tag]]) -> list[tuple[int, int, Tag]]:
    """Of `hits`, the ones that do not overlap: leftmost first, the longest where several start together."""
    chosen: list[tuple[int, int, Tag]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if not chosen or hit[0] >= chosen[-1][1]:
            chosen.append(hit)
    return chosen


def _literal_beginning(phrase: str) -> str:
    """The lower-cased words of `phrase` up to its first wildcard: "call* for" -> "call", "a favor de" -> itself."""
    literal = phrase.strip().lstrip("*").split("*")[0]
    return " ".join(literal.split()).lower()


def _lower(text: str) -> str:
    """Lower case with the same length as `text` (a dotted capital I lowers to two characters), so that offsets
    still point into the original."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.replace("İ", "I").lower()  # the one common case (Turkish names): no slow path
    return lowered if len(lowered) == len(text) else "".join(c.lower()[:1] for c in text)


def starting_with(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches text that starts (after white space) with one of `phrases`."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    return re.compile(r"\s*(?:" + "|".join(phrase_pattern(p) for p in ordered) + ")", re.IGNORECASE)
