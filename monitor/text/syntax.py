"""The syntax of a rules phrase, the same in every rules file, and how a written phrase compiles (Pattern). Pure.

- words are compared after folding and transliteration (normalize.py: case, accents, Arabic letter variants,
  "Hayyah" = "Haya"), as whole words: "hamas" is never found inside "hamasiya", nor "un" inside "unknown";
- a `*` at the end of a word matches the rest of the word ("hostage*" finds hostages, "call* for" finds
  called for), a `*` at its start the beginning of the word ("*n't" finds didn't, won't);
- a lone `*` between words stands for up to three words ("since * ceasefire" finds "since the October 11
  ceasefire").

Punctuation between words depends on the phrase's kind. A *loose* phrase (an entity name, an issue keyword, a
context word) ignores it: "al-Hayya" finds "al Hayya", "U.S." finds "U.S". A *strict* phrase (a stance or figure
phrase) needs what it is written with: any white space where it has a space, an apostrophe (' or ’) where it
has one ("won't", "n'" in "n'accepte"), a full stop ("since Oct. 10"); and it never starts inside a hyphenated
compound ("backed" is not found in "US-backed").

phrases.py finds compiled phrases in text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.normalize import tokenize, translit_key

GAP_WORDS = 3  # how many words a lone `*` stands for, at most
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PatternWord:
    """One word of a phrase: its folded form and key, and where it is open (`*`). A lone `*` is a gap."""

    norm: str
    key: str
    head: bool = False  # "*n't": anything may come before
    tail: bool = False  # "call*": anything may come after
    gap: bool = False

    def fits(self, key: str) -> bool:
        """Whether a text word with key `key` is this word."""
        if self.head:
            return self.key in key if self.tail else key.endswith(self.key)
        return key.startswith(self.key) if self.tail else key == self.key


@dataclass(frozen=True, slots=True)
class Pattern:
    """A rules phrase, compiled: its words, the punctuation between them (for a strict phrase), and the
    punctuation it asks for before its first and after its last word ("n'")."""

    text: str
    words: tuple[PatternWord, ...]
    between: tuple[str, ...]  # between words i and i+1, as `gap_class` writes it
    before: str = ""
    after: str = ""
    strict: bool = False

    @classmethod
    def parse(cls, phrase: str, strict: bool = False) -> Pattern:
        words: list[PatternWord] = []
        between: list[str] = []
        before, pending = "", None  # pending: the punctuation since the last word ("Oct." -> ".")
        for written in phrase.split():
            pieces, inner, lead, trail = _pieces(written.strip("*"))
            if written != "*" and not pieces:
                continue
            if words:  # what stands between the last word and this one; after or before a gap, anything
                between.append(" " if pending is None or written == "*" else gap_class(f"{pending} {lead}"))
            else:
                before = lead
            if written == "*":
                words.append(PatternWord("", "", gap=True))
                pending = None
                continue
            head, tail = written.startswith("*"), written.endswith("*")
            for i, norm in enumerate(pieces):
                stem = tail and i == len(pieces) - 1
                words.append(PatternWord(norm, translit_key(norm, stem=stem), head and i == 0, stem))
            between += inner
            pending = trail
        return cls(phrase, tuple(words), tuple(between), before, pending or "", strict)

    @property
    def norms(self) -> tuple[str, ...]:
        return tuple(w.norm for w in self.words if not w.gap)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(w.key for w in self.words if not w.gap)

    @property
    def stem(self) -> bool:
        """Whether the last word is open at its end ("hostage*")."""
        return bool(self.words) and self.words[-1].tail

    @property
    def anchor(self) -> tuple[str, int]:
        """The literal start of the phrase as the automaton looks for it in the text's keys (space separated,
        a space before and after every whole word), and how many words it spans: up to the first gap or open
        word."""
        taken: list[PatternWord] = []
        for i, word in enumerate(self.words):
            if word.gap or (word.head and i > 0):
                break
            taken.append(word)
            if word.tail:
                break
        if not taken:
            return "", 0
        opening = "" if taken[0].head else " "
        closing = "" if taken[-1].tail else " "
        return opening + " ".join(w.key for w in taken) + closing, len(taken)


def _pieces(written: str) -> tuple[list[str], list[str], str, str]:
    """The folded words of one written word ("n't" -> n, t), the punctuation between them, before and after."""
    tokens = tokenize(written)
    if not tokens:
        return [], [], "", ""
    starts, ends = tokens.starts, tokens.ends
    inner = [gap_class(written[ends[i] : starts[i + 1]]) for i in range(len(tokens) - 1)]
    return tokens.norms, inner, gap_class(written[: starts[0]]), gap_class(written[ends[-1] :])


def gap_class(gap: str) -> str:
    """Punctuation between words as a strict phrase compares it: any white space as one space, ’ as '."""
    return _SPACES.sub(" ", gap.replace("’", "'").replace("‘", "'"))
