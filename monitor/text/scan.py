"""One item's text as every finder reads it: its words, its sentences, every rules phrase in it. Pure.

analyze.py builds one Scan per item and hands it to the matcher, the figure finder and the position finder: the
text is tokenised once, split into sentences once (when a finder asks) and searched for the phrases of every
rules file in one pass.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar, cast

from monitor.text.normalize import Tokens, tokenize
from monitor.text.phrases import Hit, PhraseIndex
from monitor.text.sentences import Span, sentences

V = TypeVar("V")


@dataclass
class Scan:
    """A text, its words (with their keys as the phrase index reads them) and the phrases found in it."""

    text: str
    tokens: Tokens
    keys: Sequence[str]
    hits: Sequence[Hit[object]]

    @classmethod
    def of(cls, text: str, index: PhraseIndex[object] | None = None) -> Scan:
        """`text` scanned for the phrases of `index` (none: words only)."""
        tokens = tokenize(text)
        if index is None:
            return cls(text, tokens, tokens.keys, ())
        keys = index.keys(tokens)
        return cls(text, tokens, keys, index.find(text, tokens, keys))

    def hits_of(self, kind: type[V]) -> list[Hit[V]]:
        """The phrases found whose value is a `kind` (each finder reads its own rules' phrases), in order."""
        # (The type as a string: a subscripted type would be built at every call of this hot method.)
        return cast("list[Hit[V]]", self._by_kind.get(kind, []))

    @cached_property
    def _by_kind(self) -> dict[type, list[Hit[object]]]:
        grouped: dict[type, list[Hit[object]]] = {}
        for hit in self.hits:
            grouped.setdefault(type(hit.value), []).append(hit)
        return grouped

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences] or [0]

    @cached_property
    def lowered(self) -> str:
        """The text in lower case, offsets unchanged (İ is the one letter whose lower case is two)."""
        return self.text.replace("\u0130", "I").lower()

    def starts_word(self, offset: int) -> bool:
        return offset == 0 or not self.text[offset - 1].isalnum()

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The characters of words `first`..`last`."""
        return self.tokens.starts[first], self.tokens.ends[last]

    def sentence_around(self, offset: int) -> tuple[int, int]:
        """The sentence around `offset` (from its start to the next sentence's)."""
        starts = self._sentence_starts
        index = max(bisect_right(starts, offset) - 1, 0)
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return starts[index], end
