"""Who takes which stance on which issue: a tracked actor, a stance cue and a tracked issue in one clause. Pure.

For every stance cue of rules/stances.yaml found in a sentence:
- the actor is the nearest tracked entity before the cue in its clause that is not the object of a
  preposition ("talks with Israel"). A title joins an organisation to the person named after it ("Hamas
  official Fawzi Barhoum" is Barhoum), a conjunction makes several actors ("Egypt and Qatar signed"), a
  passive agent wins ("was rejected by Hamas"), and a clause that starts with a pronoun or has no entity
  of its own continues the last subject seen;
- reported speech belongs to the speaker: in "X said Y rejected ..." the stance is Y's when X is not
  tracked (a newspaper, an unnamed official) or is Y, and nobody's when X is another tracked entity (a
  stance ascribed in passing). An obligation ("Y must disarm") is always the speaker's demand, never Y's;
- the issue is the nearest issue after the cue in its clause, else before it; for a connective ("only
  if", "until") it is the issue of the main clause, before the connective;
- a negation just before the cue flips a "for" stance ("refused to accept" rejects) and cancels the
  others ("did not deny" says nothing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from monitor.phrases import compile_phrases, compile_tagged, ending_with, starting_with
from monitor.ruleset.schema import POLARITY, StancesFile
from monitor.sentences import Span, clauses, sentences
from monitor.types import Match, Position

Role = Literal["cue", "connective", "obligation"]

# Not wanting something is opposing it; not denying or not demanding something says nothing.
_FLIPPED = {"supports": "opposes", "accepts": "rejects"}
# How far back a negation or a preposition may sit: "did not fully accept", "with the Qatari mediators".
_NEGATION_REACH_WORDS = 2
_PREPOSITION_REACH_WORDS = 1
# "Netanyahu: the war ends only when ..." - a short headline lead before a colon names the speaker.
_HEADLINE_LEAD_WORDS = 6
# "Hamas's exiled Gaza chief Khalil Al-Hayya": at most this many words between organisation and person.
_TITLE_GAP_WORDS = 6
# Negations and prepositions are looked for only this far back (a few words), which keeps the search cheap.
_LOOKBACK_CHARS = 48
_NOT_IN_A_TITLE_GAP = re.compile(r"[,;:()\"“”«»]")


@dataclass(frozen=True)
class _Cue:
    stance: str
    role: Role
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Phrase:
    """An entity noun phrase: the actors it names (several when coordinated) and its span."""

    ids: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class _Sentence:
    span: Span
    clauses: tuple[Span, ...]
    phrases: tuple[_Phrase, ...]
    issues: tuple[Match, ...]


@dataclass(frozen=True)
class _Lexicon:
    cues: re.Pattern[str]
    tags: dict[str, object]
    speech: re.Pattern[str]
    negated: re.Pattern[str]
    after_preposition: re.Pattern[str]
    pronoun_first: re.Pattern[str]
    agent_first: re.Pattern[str]
    titles: re.Pattern[str]
    conjunction: re.Pattern[str]

    @classmethod
    def from_rules(cls, rules: StancesFile) -> _Lexicon:
        grammar = rules.grammar
        cues, tags = compile_tagged(_tagged_cues(rules))
        conjunctions = compile_phrases(grammar.conjunctions).pattern
        return cls(
            cues=cues,
            tags=tags,
            speech=compile_phrases(rules.speech_verbs),
            negated=ending_with(rules.negation, _NEGATION_REACH_WORDS),
            after_preposition=ending_with(grammar.prepositions, _PREPOSITION_REACH_WORDS),
            pronoun_first=starting_with(grammar.pronouns),
            agent_first=starting_with(grammar.agent_markers),
            titles=compile_phrases(grammar.titles),
            conjunction=re.compile(rf"\s*(?:,\s*)?(?:{conjunctions})?\s*", re.IGNORECASE),
        )


def _tagged_cues(rules: StancesFile) -> list[tuple[str, object]]:
    tagged: list[tuple[str, object]] = []
    for stance, spec in rules.stances.items():
        tagged += [(phrase, (stance, "cue")) for phrase in spec.cues]
        tagged += [(phrase, (stance, "connective")) for phrase in spec.connectives]
        tagged += [(phrase, (stance, "obligation")) for phrase in spec.obligations]
    return tagged


class PositionFinder:
    """Finds the positions that tracked actors take on tracked issues (see the module docstring)."""

    def __init__(self, lexicon: _Lexicon) -> None:
        self._lex = lexicon

    @classmethod
    def from_rules(cls, stances: StancesFile) -> PositionFinder:
        return cls(_Lexicon.from_rules(stances))

    def find(self, text: str, matches: Sequence[Match]) -> list[Position]:
        """The positions in `text`, whose entity and issue `matches` the matcher found; one per stance."""
        entities = sorted((m for m in matches if m.kind == "entity"), key=lambda m: (m.start, -m.end))
        issues = sorted((m for m in matches if m.kind == "issue"), key=lambda m: m.start)
        found: dict[tuple[str, str, str], Position] = {}
        topic: tuple[str, ...] = ()
        for span in sentences(text):
            sentence = self._sentence(text, span, entities, issues)
            for cue in self._cues(text, span):
                for position in self._positions(text, sentence, cue, topic):
                    found.setdefault((position.actor, position.issue, position.stance), position)
            topic = self._first_subject(text, sentence, span.end) or topic
        return list(found.values())

    def _sentence(self, text: str, span: Span, entities: list[Match], issues: list[Match]) -> _Sentence:
        inside = [m for m in entities if span.start <= m.start and m.end <= span.end]
        return _Sentence(
            span,
            tuple(clauses(span)),
            tuple(self._phrases(text, inside)),
            tuple(m for m in issues if span.start <= m.start and m.end <= span.end),
        )

    def _cues(self, text: str, span: Span) -> list[_Cue]:
        found = []
        for hit in self._lex.cues.finditer(text, span.start, span.end):
            stance, role = self._lex.tags[hit.lastgroup or ""]  # type: ignore[misc]
            found.append(_Cue(stance, role, hit.start(), hit.end(), hit.group(0)))
        return found

    def _positions(self, text: str, sentence: _Sentence, cue: _Cue, topic: tuple[str, ...]) -> list[Position]:
        clause = _containing(sentence, cue.start)
        actors, actor_end = self._actors(text, sentence, clause, cue, topic)
        issue = self._issue(text, sentence, clause, cue, actor_end) if actors else None
        stance = self._stance(text, clause, cue) if issue else None
        if issue is None or stance is None:
            return []
        line = text[sentence.span.start : sentence.span.end]
        return [Position(actor, issue, stance, POLARITY[stance], line, cue.text) for actor in actors]

    # --- actors ----------------------------------------------------------------------------------

    def _phrases(self, text: str, entities: list[Match]) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        for match in entities:
            last = phrases[-1] if phrases else None
            if last is not None and match.start < last.end:
                continue  # nested in a longer match
            gap = text[last.end : match.start] if last else ""
            if last is not None and self._lex.conjunction.fullmatch(gap) and gap.strip():
                ids = last.ids + tuple(i for i in (match.id,) if i not in last.ids)
                phrases[-1] = _Phrase(ids, last.start, match.end)
            elif last is not None and self._titled(gap):
                phrases[-1] = _Phrase((match.id,), last.start, match.end)
            else:
                phrases.append(_Phrase((match.id,), match.start, match.end))
        return phrases

    def _titled(self, gap: str) -> bool:
        """Whether `gap` is a title between an organisation and a person: "'s exiled Gaza chief Khalil"."""
        if len(gap.split()) > _TITLE_GAP_WORDS or _NOT_IN_A_TITLE_GAP.search(gap):
            return False
        titles = list(self._lex.titles.finditer(gap))
        return bool(titles) and all(word[:1].isupper() for word in gap[titles[-1].end() :].split())

    def _actors(
        self, text: str, sentence: _Sentence, clause: Span, cue: _Cue, topic: tuple[str, ...]
    ) -> tuple[tuple[str, ...], int]:
        """Who takes the stance of `cue`, and where the actor ends (the issue of a passive is before it)."""
        agent = self._agent(text, sentence, cue)
        if agent is not None:
            return agent.ids, clause.start
        speech = self._speech(text, sentence, cue.start)
        if speech is None:
            if cue.role == "obligation":
                return (), cue.start
            return self._subject(text, sentence, clause.start, cue.start, topic)
        speaker_clause = _containing(sentence, speech[0])
        speaker, _ = self._subject(text, sentence, speaker_clause.start, speech[0], topic)
        embedded = self._nearest(text, sentence, speech[1], cue.start)
        if cue.role == "obligation" or embedded is None:
            return speaker, speech[1]
        if speaker and set(speaker) != set(embedded.ids):
            return (), cue.start
        return embedded.ids, embedded.end

    def _agent(self, text: str, sentence: _Sentence, cue: _Cue) -> _Phrase | None:
        """The actor of a passive cue: "a plan rejected by Hamas"."""
        marker = self._lex.agent_first.match(text, cue.end, sentence.span.end)
        if marker is None:
            return None
        return next((p for p in sentence.phrases if marker.end() <= p.start <= marker.end() + 5), None)

    def _speech(self, text: str, sentence: _Sentence, before: int) -> tuple[int, int] | None:
        """The span of the last speech verb (or headline colon) before `before` in the sentence."""
        verbs = [(m.start(), m.end()) for m in self._lex.speech.finditer(text, sentence.span.start, before)]
        colon = text.find(":", sentence.span.start, before)
        lead = text[sentence.span.start : colon]
        if colon >= 0 and len(lead.split()) <= _HEADLINE_LEAD_WORDS and self._nearest(text, sentence, 0, colon):
            verbs.append((colon, colon + 1))
        return max(verbs, default=None)

    def _subject(
        self, text: str, sentence: _Sentence, start: int, end: int, topic: tuple[str, ...]
    ) -> tuple[tuple[str, ...], int]:
        """The nearest actor in [start, end) and where it ends, else the topic when the clause continues it."""
        nearest = self._nearest(text, sentence, start, end)
        if nearest is not None:
            return nearest.ids, nearest.end
        continues = start > sentence.span.start or self._lex.pronoun_first.match(text, start, end)
        return ((self._first_subject(text, sentence, start) or topic) if continues else ()), start

    def _nearest(self, text: str, sentence: _Sentence, start: int, end: int) -> _Phrase | None:
        candidates = [p for p in sentence.phrases if start <= p.start and p.end <= end]
        return next((p for p in reversed(candidates) if not self._is_object(text, sentence, p)), None)

    def _first_subject(self, text: str, sentence: _Sentence, end: int) -> tuple[str, ...]:
        candidates = [p for p in sentence.phrases if p.end <= end and not self._is_object(text, sentence, p)]
        return candidates[0].ids if candidates else ()

    def _is_object(self, text: str, sentence: _Sentence, phrase: _Phrase) -> bool:
        window = max(sentence.span.start, phrase.start - _LOOKBACK_CHARS)
        return bool(self._lex.after_preposition.search(text, window, phrase.start))

    # --- issue and stance ------------------------------------------------------------------------

    def _issue(self, text: str, sentence: _Sentence, clause: Span, cue: _Cue, after: int) -> str | None:
        end = _object_end(text, sentence, clause)
        following = [m.id for m in sentence.issues if cue.end <= m.start and m.end <= end]
        preceding = [m.id for m in sentence.issues if after <= m.start and m.end <= cue.start]
        if cue.role == "connective":
            ranked = preceding[-1:]
        elif cue.role == "obligation":
            ranked = preceding[-1:] + following[:1]
        else:
            ranked = following[:1] + preceding[-1:]
        return ranked[0] if ranked else None

    def _stance(self, text: str, clause: Span, cue: _Cue) -> str | None:
        if self._lex.negated.search(text, max(clause.start, cue.start - _LOOKBACK_CHARS), cue.start):
            return _FLIPPED.get(cue.stance)
        return cue.stance


def _containing(sentence: _Sentence, offset: int) -> Span:
    return next((c for c in sentence.clauses if c.start <= offset < c.end), sentence.span)


def _object_end(text: str, sentence: _Sentence, clause: Span) -> int:
    """Where a cue's object may end: its clause, or the next one too after a colon ("priorities: a ceasefire")."""
    following = [c for c in sentence.clauses if c.start >= clause.end]
    if following and text[clause.end - 1] == ":":
        return following[0].end
    return clause.end
