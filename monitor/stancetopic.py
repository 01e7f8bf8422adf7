"""What "the deal" stands for: generic nouns (rules `grammar.references`) as the item's topic issue. Pure.

"Hamas said it had accepted the deal" names no issue: the deal is the one the item is about. The topic is the
first issue of the lead (the title) that the latest sentence naming issues also names: both agree on what the
item is about. When they share none, the latest sentence is nearer to the words that refer back to it; with no
earlier sentence, the lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from monitor.sentences import Span
from monitor.stancewords import compile_phrases
from monitor.types import Match


class Topic:
    """The issues named so far in an item, sentence by sentence, and the issue a generic noun stands for."""

    def __init__(self, references: Sequence[str]) -> None:
        self._references: re.Pattern[str] | None = _compiled(tuple(references)) if references else None
        self._lead: tuple[Match, ...] | None = None
        self._latest: tuple[Match, ...] = ()

    def follows(self, issues: tuple[Match, ...]) -> None:
        """The issues of the next sentence (the first is the lead)."""
        if self._lead is None:
            self._lead = issues
        elif issues:
            self._latest = issues

    def issue(self) -> str | None:
        lead = self._lead or ()
        latest = {m.id for m in self._latest}
        shared = [m.id for m in lead if m.id in latest]
        return next(iter(shared + [m.id for m in self._latest] + [m.id for m in lead]), None)

    def references(self, text: str, span: Span, issues: Sequence[Match]) -> tuple[Match, ...]:
        """The generic nouns of `span` that are not part of an issue's words, each as the topic issue."""
        topic = self.issue() if self._references is not None else None
        if self._references is None or topic is None:
            return ()
        found = self._references.finditer(text, span.start, span.end)
        return tuple(
            Match("issue", topic, hit.group(0), hit.start(), hit.end(), 100.0)
            for hit in found
            if not any(m.start < hit.end() and hit.start() < m.end for m in issues)
        )


@lru_cache(maxsize=4)
def _compiled(references: tuple[str, ...]) -> re.Pattern[str]:
    """The rules' references as one pattern, built once: a Topic is made for every item."""
    return compile_phrases(references)
