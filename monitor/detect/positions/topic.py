"""What earlier sentences leave open: the issue "the deal" stands for (generic nouns, rules `grammar.references`,
as the item's topic issue: Topic) and the subject a pronoun refers to (SubjectTopic). Pure.

"Hamas said it had accepted the deal" names no issue: the deal is the one the item is about. The topic is the
first issue of the lead (the title) that the latest sentence naming issues also names: both agree on what the
item is about. When they share none, the latest sentence is nearer to the words that refer back to it; with no
earlier sentence, the lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from monitor.detect.positions.actors import ActorFinder
from monitor.text.sentences import Span
from monitor.types import Match


class Topic:
    """The issues named so far in an item, sentence by sentence, and the issue a generic noun stands for."""

    def __init__(self, references: re.Pattern[str] | None) -> None:
        self._references = references  # the rules' generic nouns (none: no generic noun stands for the topic)
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

    def references(self, text: str, span: Span, issues: Sequence[Match]) -> References:
        """The generic nouns of `span` that are not part of an issue's words, each as the topic issue."""
        return References(self._references, self.issue(), text, span, issues)


class References:
    """The generic nouns of a sentence, each as the topic issue: looked for when first asked for, and once. Few
    sentences need them, and the search (many words, in any case) is costly."""

    def __init__(
        self, pattern: re.Pattern[str] | None, topic: str | None, text: str, span: Span, issues: Sequence[Match]
    ) -> None:
        self._pattern = pattern if topic is not None else None  # with no topic, a generic noun stands for nothing
        self._topic, self._text, self._span, self._issues = topic, text, span, issues
        self._found: tuple[Match, ...] | None = None

    def __bool__(self) -> bool:
        if self._found is None and not self._issues and self._pattern is not None:
            # No issue's words to leave out: the first generic noun will do.
            return self._pattern.search(self._text, self._span.start, self._span.end) is not None
        return bool(self._all())

    def __iter__(self) -> Iterator[Match]:
        return iter(self._all())

    def _all(self) -> tuple[Match, ...]:
        if self._found is None:
            self._found = self._find()
        return self._found

    def _find(self) -> tuple[Match, ...]:
        if self._pattern is None or self._topic is None:
            return ()
        topic, issues = self._topic, self._issues
        found = self._pattern.finditer(self._text, self._span.start, self._span.end)
        return tuple(
            Match("issue", topic, hit.group(0), hit.start(), hit.end(), 100.0)
            for hit in found
            if not any(m.start < hit.end() and hit.start() < m.end for m in issues)
        )


class SubjectTopic:
    """The subject that earlier sentences leave open for a pronoun: the first subject of the last sentence that
    names one and does not itself start with a pronoun. Worked out only when a pronoun asks for it."""

    def __init__(self, actors: ActorFinder, text: str, preposition_ends: list[int]) -> None:
        self._actors, self._text, self._preposition_ends = actors, text, preposition_ends
        self._sentences: list[tuple[Match, ...]] = []  # the entities of each sentence that may set the topic
        self._known: tuple[str, ...] = ()  # the topic after the sentences already looked at

    def follows(self, entities: tuple[Match, ...]) -> None:
        self._sentences.append(entities)

    def __call__(self) -> tuple[str, ...]:
        while self._sentences:
            subject = self._actors.first_subject(self._text, self._sentences.pop(), self._preposition_ends)
            if subject:
                self._known, self._sentences = subject, []
        return self._known
