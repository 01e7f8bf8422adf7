"""One text as the matcher sees it: words, sentences, and where each context word occurs. Pure."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from monitor.normalize import Token
from monitor.sentences import sentences

Scope = Literal["sentence", "item"]


@dataclass
class Scan:
    """A text, its tokens and their keys, and the character spans of every context word found in it."""

    text: str
    tokens: list[Token]
    keys: list[str]  # the tokens' keys as the phrase index reads them
    words: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _starts: list[int] | None = None

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, offsets unchanged (İ is the one letter whose lower case is two)."""
        return self.text.replace("\u0130", "I").lower()

    def starts_word(self, offset: int) -> bool:
        return offset == 0 or not self.text[offset - 1].isalnum()

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The characters of tokens `first`..`last`."""
        return self.tokens[first].start, self.tokens[last].end

    def add_word(self, phrase: str, first: int, last: int) -> None:
        self.words.setdefault(phrase, []).append(self.span(first, last))

    def region(self, offset: int, scope: Scope) -> tuple[int, int]:
        """The sentence around `offset`, or the whole text."""
        if scope == "item":
            return 0, len(self.text)
        if self._starts is None:
            self._starts = [s.start for s in sentences(self.text)] or [0]
        index = max(bisect_right(self._starts, offset) - 1, 0)
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text)
        return self._starts[index], end

    def has_any(self, phrases: Iterable[str], start: int = 0, end: int | None = None) -> bool:
        """Whether one of `phrases` occurs within [start, end)."""
        stop = len(self.text) if end is None else end
        return any(start <= s and e <= stop for p in phrases for s, e in self.words.get(p, ()))
