"""Who takes which stance on which issue: a tracked actor, a stance cue and a tracked issue in one clause. Pure.

For every stance cue of rules/stances.yaml in a sentence:
- the actor is the first tracked entity of the cue's clause, before the cue, that is neither the object of
  a preposition ("talks with Israel") nor part of a compound ("a Doha-based member"). A title joins an
  organisation to the person named after it ("Hamas official Fawzi Barhoum" is Barhoum), a conjunction
  makes several actors ("Egypt and Qatar signed"), a passive agent wins ("rejected by Hamas"), and a clause
  that starts with a pronoun, or a later clause with no entity of its own, continues the last subject;
- reported speech counts for the speaker (the tracked entity nearest before the speech verb): in "X said
  Y rejected ..." the stance is X's when X is tracked (an official speaking for their side), and Y's when
  the speaker is not tracked (a newspaper, an unnamed official) or when Y opens a later clause of its own.
  An obligation ("Y must disarm") is always the speaker's demand, never Y's;
- the issue is the nearest issue within ten words after the cue in its clause (every issue of a list
  after a colon); for a passive, and for a connective ("only if", "until"), it is the issue of the main
  clause, before the cue; for an obligation the issue before the modal comes first;
- a negation just before the cue flips a "for" stance ("refused to accept" rejects) and cancels the
  others ("did not deny" says nothing); a reversal next to the issue ("violations of the truce") flips
  the stance on it; a cue in an open relative clause (", which has rejected") is background unless the
  relative clause names its own subject (", which Netanyahu tied to").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol, TypeVar

from monitor.ruleset.schema import POLARITY, StancesFile
from monitor.sentences import Span, clauses, sentences
from monitor.stancewords import Role, StanceWords
from monitor.types import Match, Position

# Not wanting something is opposing it; not denying or not demanding something says nothing.
_NEGATED = {"supports": "opposes", "accepts": "rejects"}
# Opposing a violation of X is being for X, and the other way round.
_REVERSED = {"supports": "opposes", "accepts": "rejects", "opposes": "supports", "rejects": "accepts"}
# "Netanyahu: the war ends only when ..." - a short headline lead before a colon names the speaker.
_HEADLINE_LEAD_WORDS = 6
# "Hamas's exiled Gaza chief Khalil Al-Hayya": at most this many words between organisation and person.
_TITLE_GAP_WORDS = 6
_NOT_IN_A_TITLE_GAP = re.compile(r"[,;:()\"“”«»]")
# "opposes letting Turkish forces into Gaza as part of the Stabilization Force": objects are seldom longer.
_OBJECT_WORDS = 10
# Negations, prepositions and reversals are looked for only this far back, which keeps the search cheap.
_LOOKBACK_CHARS = 48


@dataclass(frozen=True)
class _Cue:
    stance: str
    role: Role
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Speech:
    """A speech verb ("said"), or the colon after a headline's speaker."""

    start: int
    end: int


@dataclass(frozen=True)
class _Phrase:
    """An entity noun phrase: the actors it names (several when coordinated) and its span."""

    ids: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class _Sentence:
    text: str
    span: Span
    actors: tuple[_Phrase, ...]
    issues: tuple[Match, ...]
    speech: tuple[_Speech, ...]

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        return tuple(clauses(self.span))

    def clause_at(self, offset: int) -> Span:
        return next((c for c in self.clauses if c.start <= offset < c.end), self.span)

    def actors_in(self, start: int, end: int) -> list[_Phrase]:
        return [p for p in self.actors if start <= p.start and p.end <= end]


@dataclass(frozen=True)
class _Actor:
    ids: tuple[str, ...]
    end: int  # where the actor's words end: an issue before the cue is looked for after it
    passive: bool = False  # "was rejected by Hamas": the issue is the subject, before the cue


_NOBODY = _Actor((), 0)


class PositionFinder:
    """Finds the positions that tracked actors take on tracked issues (see the module docstring)."""

    def __init__(self, words: StanceWords) -> None:
        self._words = words

    @classmethod
    def from_rules(cls, stances: StancesFile) -> PositionFinder:
        return cls(StanceWords.from_rules(stances))

    def find(self, text: str, matches: Sequence[Match]) -> list[Position]:
        """The positions in `text`, whose entity and issue `matches` the matcher found; one per stance."""
        entities = sorted((m for m in matches if m.kind == "entity"), key=lambda m: (m.start, -m.end))
        issues = sorted((m for m in matches if m.kind == "issue"), key=lambda m: m.start)
        cues = self._cues(text) if entities and issues else []
        if not cues:
            return []  # the common case, kept cheap: most items state no stance
        speech = [_Speech(start, end) for start, end, _ in self._words.speech.finditer(text, 0, len(text))]
        found: dict[tuple[str, str, str], Position] = {}
        topic: tuple[str, ...] = ()
        for span in sentences(text):
            sentence = _Sentence(
                text, span, tuple(self._phrases(text, _within(entities, span))), _within(issues, span),
                _within(speech, span),
            )
            for cue in _within(cues, span):
                for position in self._positions(sentence, cue, topic):
                    found.setdefault((position.actor, position.issue, position.stance), position)
            if not self._words.pronoun_first.match(text, span.start, span.end):
                topic = self._first_subject(sentence, span.end) or topic
        return list(found.values())

    def _cues(self, text: str) -> list[_Cue]:
        found = self._words.cues.finditer(text, 0, len(text))
        return [_Cue(stance, role, start, end, text[start:end]) for start, end, (stance, role) in found]

    def _positions(self, sentence: _Sentence, cue: _Cue, topic: tuple[str, ...]) -> list[Position]:
        clause = sentence.clause_at(cue.start)
        actor = self._actor(sentence, clause, cue, topic)
        relative = self._words.open_relative.search(sentence.text, actor.end, cue.start)
        if relative:  # ", which Netanyahu had tied to ...": the relative clause's own subject, if it has one
            own = self._explicit(sentence, relative.start() + 1, cue.start)
            actor = _Actor(own.ids, own.end) if own else _NOBODY
        if not actor.ids:
            return []
        line = sentence.text[sentence.span.start : sentence.span.end]
        positions = []
        for issue in self._issues(sentence, clause, cue, actor):
            stance = self._stance(sentence, clause, cue, issue)
            if stance is not None:
                positions += [Position(a, issue.id, stance, POLARITY[stance], line, cue.text) for a in actor.ids]
        return positions

    # --- actors ----------------------------------------------------------------------------------

    def _phrases(self, text: str, entities: Sequence[Match]) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        for match in entities:
            last = phrases[-1] if phrases else None
            if last is not None and match.start < last.end:
                continue  # nested in a longer match
            gap = text[last.end : match.start] if last else ""
            if last is not None and gap.strip() and self._words.conjunction.fullmatch(gap):
                ids = last.ids + tuple(i for i in (match.id,) if i not in last.ids)
                phrases[-1] = _Phrase(ids, last.start, match.end)
            elif last is not None and self._titled(gap):
                phrases[-1] = _Phrase((match.id,), last.start, match.end)
            else:
                phrases.append(_Phrase((match.id,), match.start, match.end))
        return [p for p in phrases if not text.startswith("-", p.end)]  # "Doha-based" names no actor

    def _titled(self, gap: str) -> bool:
        """Whether `gap` is a title between an organisation and a person: "'s exiled Gaza chief Khalil"."""
        if len(gap.split()) > _TITLE_GAP_WORDS or _NOT_IN_A_TITLE_GAP.search(gap):
            return False
        titles = list(self._words.titles.finditer(gap))
        return bool(titles) and all(word[:1].isupper() for word in gap[titles[-1].end() :].split())

    def _actor(self, sentence: _Sentence, clause: Span, cue: _Cue, topic: tuple[str, ...]) -> _Actor:
        agent = self._agent(sentence, cue)
        if agent is not None:
            return _Actor(agent.ids, clause.start, passive=True)
        speech = self._speech(sentence, cue.start)
        if speech is None:
            return _NOBODY if cue.role == "obligation" else self._subject(sentence, clause.start, cue.start, topic)
        speaker = self._subject(sentence, sentence.clause_at(speech.start).start, speech.start, topic, nearest=True)
        if cue.role == "obligation":
            return _Actor(speaker.ids, speech.end)
        content = self._subject(sentence, self._after_addressee(sentence, speech), cue.start, speaker.ids or topic)
        later_clause = clause.start > speech.start and self._explicit(sentence, clause.start, cue.start)
        if later_clause and content.ids != speaker.ids:
            return content  # "X said ..., while Egypt will train police": a later clause with its own subject
        return _Actor(speaker.ids, content.end) if speaker.ids else content

    def _agent(self, sentence: _Sentence, cue: _Cue) -> _Phrase | None:
        """The actor of a passive cue: "a plan rejected by Hamas"."""
        marker = self._words.agent_first.match(sentence.text, cue.end, sentence.span.end)
        if marker is None:
            return None
        return next((p for p in sentence.actors if marker.end() <= p.start <= marker.end() + 5), None)

    def _speech(self, sentence: _Sentence, before: int) -> _Speech | None:
        """The span of the last speech verb (or headline colon) before `before` in the sentence."""
        start = sentence.span.start
        verbs = [verb for verb in sentence.speech if verb.end <= before]
        colon = sentence.text.find(":", start, before)
        short_lead = len(sentence.text[start:colon].split()) <= _HEADLINE_LEAD_WORDS
        if colon >= 0 and short_lead and self._explicit(sentence, start, colon):
            verbs.append(_Speech(colon, colon + 1))
        return max(verbs, key=lambda verb: verb.start, default=None)

    def _after_addressee(self, sentence: _Sentence, speech: _Speech) -> int:
        """Where reported words start: after "told Israel's Channel 14", the addressee is not their subject."""
        if not self._words.addressing.fullmatch(sentence.text, speech.start, speech.end):
            return speech.end
        nearby = [p for p in sentence.actors_in(speech.end, sentence.span.end) if p.start - speech.end <= 5]
        return nearby[0].end if nearby else speech.end

    def _subject(
        self, sentence: _Sentence, start: int, end: int, topic: tuple[str, ...], nearest: bool = False
    ) -> _Actor:
        """The first (or nearest) actor in [start, end), or the topic when the words there continue it."""
        if self._words.pronoun_first.match(sentence.text, start, end):
            return _Actor(self._first_subject(sentence, start) or topic, start)
        chosen = self._explicit(sentence, start, end, nearest)
        if chosen is not None:
            return _Actor(chosen.ids, chosen.end)
        if start > sentence.span.start:  # a later clause shares the sentence's subject
            return _Actor(self._first_subject(sentence, start) or topic, start)
        return _Actor((), start)

    def _explicit(self, sentence: _Sentence, start: int, end: int, nearest: bool = False) -> _Phrase | None:
        """The first (or nearest) actor named in [start, end) that is no prepositional object."""
        subjects = [p for p in sentence.actors_in(start, end) if not self._is_object(sentence, p)]
        return (subjects[-1] if nearest else subjects[0]) if subjects else None

    def _first_subject(self, sentence: _Sentence, end: int) -> tuple[str, ...]:
        candidates = sentence.actors_in(sentence.span.start, end)
        return next((p.ids for p in candidates if not self._is_object(sentence, p)), ())

    def _is_object(self, sentence: _Sentence, phrase: _Phrase) -> bool:
        window = max(sentence.span.start, phrase.start - _LOOKBACK_CHARS)
        return bool(self._words.after_preposition.search(sentence.text, window, phrase.start))

    # --- issue and stance ------------------------------------------------------------------------

    def _issues(self, sentence: _Sentence, clause: Span, cue: _Cue, actor: _Actor) -> list[Match]:
        lower = {"connective": clause.start, "obligation": actor.end}.get(cue.role, max(actor.end, clause.start))
        preceding = [m for m in sentence.issues if lower <= m.start and m.end <= cue.start]
        listed = sentence.text.startswith(":", clause.end - 1)
        end = _next_clause_end(sentence, clause) if listed else clause.end
        # An issue may begin with the cue itself: "train police".
        following = [m for m in sentence.issues if cue.start <= m.start and cue.end < m.end <= end]
        if not listed:  # an object is near its verb: further on, an issue belongs to another verb
            following = [m for m in following if len(sentence.text[cue.end : m.start].split()) <= _OBJECT_WORDS]
        if cue.role == "connective" or actor.passive:
            return preceding[-1:]
        if listed and following:
            return following
        if cue.role == "obligation":
            return (preceding[-1:] + following[:1])[:1]
        return following[:1]

    def _stance(self, sentence: _Sentence, clause: Span, cue: _Cue, issue: Match) -> str | None:
        stance: str | None = cue.stance
        if self._words.negated.search(sentence.text, max(clause.start, cue.start - _LOOKBACK_CHARS), cue.start):
            stance = _NEGATED.get(cue.stance)
        if stance is not None and self._reversed(sentence, issue):
            stance = _REVERSED.get(stance, stance)
        return stance

    def _reversed(self, sentence: _Sentence, issue: Match) -> bool:
        text = sentence.text
        before = self._words.reversal_before.search(text, max(0, issue.start - _LOOKBACK_CHARS), issue.start)
        return bool(before or self._words.reversal_after.match(text, issue.end, sentence.span.end))


class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Located = TypeVar("Located", bound=_Located)


def _within(found: list[Located], span: Span) -> tuple[Located, ...]:
    return tuple(f for f in found if span.start <= f.start and f.end <= span.end)


def _next_clause_end(sentence: _Sentence, clause: Span) -> int:
    following = [c for c in sentence.clauses if c.start >= clause.end]
    return following[0].end if following else clause.end
