"""Who takes a stance: the actor of a stance cue in a sentence (the rules are listed in positions.py). Pure.

The noun phrases that a sentence's entities form, a passive cue's agent, the speaker of reported words (before
them, or in a trailing attribution) and whose stance reported words take; the subject of a stretch of the
sentence is stancesubjects.py's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from monitor.detect.positions.compiled import StanceWords
from monitor.detect.positions.marks import ActorPhrase, Speech, StanceCue, StanceSentence
from monitor.detect.positions.subjects import NOBODY, Actor, Antecedent, antecedent_before, named_subject, subject_in
from monitor.text.sentences import Span
from monitor.types import Match

# "Netanyahu: the war ends only when ..." - a short headline lead before a colon names the speaker.
_HEADLINE_LEAD_WORDS = 6
# "Hamas's exiled Gaza chief Khalil Al-Hayya": at most this many words between organisation and person.
_TITLE_GAP_WORDS = 6
_TITLE_GAP_CHARS = 80  # a quick first test: longer gaps have too many words
_NOT_IN_A_TITLE_GAP = re.compile(r"[,;:()\"“”«»]")
# "told Israel's Channel 14 that": the addressee starts this close to the verb.
_ADDRESSEE_CHARS = 5
# ", Netanyahu said in a statement on Sunday.": at most this many words after a trailing attribution's verb.
_TRAILING_WORDS = 6
_PUNCTUATION = re.compile(r"[,.;:!?]")
_QUOTES = " \"'“”‘’«»"
_POSSESSIVE = re.compile(r"['’]s?\b")


class ActorFinder:
    """Entity noun phrases of a sentence, and the actor of each stance cue among them."""

    def __init__(self, words: StanceWords) -> None:
        self._words = words

    def phrases(self, text: str, entities: Sequence[Match], preposition_ends: Sequence[int]) -> Iterator[ActorPhrase]:
        """The noun phrases that `entities` (sorted, of one sentence) form, in order: titles and conjunctions join
        them, and a compound ("Doha-based") names no actor. Lazy: the first subject is often all that is needed."""
        last: ActorPhrase | None = None
        for index, match in enumerate(entities):
            if last is not None and match.start < last.end:
                continue  # nested in a longer match
            joined = self._joined(text, last, match, entities[index + 1 :]) if last is not None else None
            if joined is not None:
                last = joined
                continue
            if last is not None and not text.startswith("-", last.end):
                yield last
            is_object = self._after_preposition(text, match.start, preposition_ends)
            last = ActorPhrase(self._ids(text, match), match.start, match.end, is_object)
        if last is not None and not text.startswith("-", last.end):
            yield last

    def first_subject(self, text: str, entities: Sequence[Match], preposition_ends: Sequence[int]) -> tuple[str, ...]:
        """The actors of the first phrase that is no prepositional object: who a later pronoun refers to."""
        return next((p.ids for p in self.phrases(text, entities, preposition_ends) if not p.is_object), ())

    def _joined(self, text: str, last: ActorPhrase, match: Match, later: Sequence[Match]) -> ActorPhrase | None:
        """`last` and the entity after it as one phrase: "Egypt and Qatar", "Hamas official Fawzi Barhoum"."""
        gap = text[last.end : match.start]
        if gap.strip() and self._words.conjunction.fullmatch(gap) and self._listed(text, gap, match, later):
            ids = last.ids + tuple(i for i in (match.id,) if i not in last.ids)
            return ActorPhrase(ids, last.start, match.end, last.is_object)
        if self._titled(gap):
            return ActorPhrase((match.id,), last.start, match.end, last.is_object)
        return None

    def _listed(self, text: str, gap: str, match: Match, later: Sequence[Match]) -> bool:
        """Whether a comma before `match` is a list's ("Egypt, Qatar and Turkey"): the list goes on after it (with
        the entity after `match` among `later`). A subject's comma is not ("Netanyahu, Türk askerlerinin ... karşı
        çıktı": the Turkish subject's comma)."""
        if gap.strip() != ",":
            return True
        following = next((m for m in later if m.start >= match.end), None)
        return following is not None and bool(self._words.conjunction.fullmatch(text, match.end, following.start))

    def _ids(self, text: str, match: Match) -> tuple[str, ...]:
        """Who a name stands for: "Netanyahu's government" is Israel, the first side Netanyahu speaks for."""
        sides = self._words.speaks_for.get(match.id)
        if sides and self._words.institution.match(text, match.end):
            return sides[:1]
        return (match.id,)

    def _after_preposition(self, text: str, start: int, preposition_ends: Sequence[int]) -> bool:
        nearest = bisect_right(preposition_ends, start) - 1
        return nearest >= 0 and bool(self._words.object_gap.fullmatch(text, preposition_ends[nearest], start))

    def _titled(self, gap: str) -> bool:
        """Whether `gap` is a title between an organisation and a person: "'s exiled Gaza chief Khalil"."""
        if len(gap) > _TITLE_GAP_CHARS or len(gap.split()) > _TITLE_GAP_WORDS or _NOT_IN_A_TITLE_GAP.search(gap):
            return False
        titles = list(self._words.titles.finditer(gap))
        return bool(titles) and all(word[:1].isupper() for word in gap[titles[-1].end() :].split())

    def actor(self, sentence: StanceSentence, clause: Span, cue: StanceCue, topic: Antecedent) -> Actor:
        """Who takes the stance of `cue`; `topic` is the subject that earlier sentences left open."""
        agent = self._agent(sentence, cue)
        if agent is not None:
            return Actor(agent.ids, clause.start, passive=True)
        speech = self._speech(sentence, cue.start)
        if speech is None:
            subject = self._verb_first(sentence, clause, cue) or subject_in(
                sentence, clause.start, cue.start, antecedent_before(sentence, clause.start, topic)
            )
            return self._attributed(sentence, cue, subject)
        speaker_clause = sentence.clause_at(speech.start).start
        antecedent = antecedent_before(sentence, speaker_clause, topic)
        speaker = self._speaker(sentence, speaker_clause, speech, antecedent)
        if cue.role in ("obligation", "predicate"):  # "X said Y must ...", "X said Y is unacceptable": X's
            return speaker._replace(end=speech.end)
        # Reported words that name no actor are the speaker's, even an untracked speaker's ("officials said").
        reported = self._after_addressee(sentence, speech)
        content = subject_in(sentence, reported, cue.start, lambda: speaker.ids or antecedent(), unnamed=speaker.ids)
        # A clause of its own after the reported words, not the words after a headline's colon.
        own_clause = clause.start > speech.start and sentence.text[speech.end : clause.start].strip(_QUOTES)
        if own_clause and named_subject(sentence, clause.start, cue.start) and content.ids != speaker.ids:
            return content  # "X said ..., while Egypt will train police": a later clause with its own subject
        return self._owner(speaker, content)

    def _verb_first(self, sentence: StanceSentence, clause: Span, cue: StanceCue) -> Actor | None:
        """The subject right after a cue that opens its clause, in Arabic verb-first order ("رفضت حماس ...": rejected
        Hamas ...); not a possessive after an English participle ("Rejecting Hamas's demands, Israel ...")."""
        text = sentence.text
        if text[clause.start : cue.start].strip(_QUOTES):
            return None
        after = next((p for p in sentence.actors if p.start >= cue.end), None)
        if (
            after is None
            or after.is_object
            or text[cue.end : after.start].strip()
            or _POSSESSIVE.match(text, after.end)
        ):
            return None
        return Actor(after.ids, after.end)

    def _owner(self, speaker: Actor, content: Actor) -> Actor:
        """Whose stance reported words take: the speaker's when they are about the speaker or one the speaker
        speaks for; the subject's when the speaker is not tracked ("a diplomat said Hamas rejects ...")."""
        if not speaker.ids:
            return content
        if self._speaks_for(speaker.ids, content.ids):
            return speaker._replace(end=content.end)
        return NOBODY  # "Netanyahu said Hamas rejects ...": ascribed to Hamas, a stance of neither

    def _attributed(self, sentence: StanceSentence, cue: StanceCue, subject: Actor) -> Actor:
        """The actor of a cue whose words are attributed after it: "Israel will not accept X, Netanyahu said"."""
        speaker = self._attribution(sentence, cue.end)
        if speaker is None:
            return NOBODY if cue.role == "obligation" else subject
        if cue.role == "obligation" or (cue.role == "predicate" and not subject.ids):
            return Actor(speaker.ids, subject.end)  # "Hamas must disarm, Netanyahu said": his demand
        return self._owner(speaker, subject)

    def _attribution(self, sentence: StanceSentence, after: int) -> Actor | None:
        """The speaker of an attribution that trails the words after `after`: ", Netanyahu said", ", said
        Netanyahu", ", officials said" (an untracked speaker: no ids); None when there is none."""
        text = sentence.text
        for verb in sentence.speech:
            comma = text.rfind(",", after, verb.start)
            if verb.start < after or comma < 0:
                continue
            tail_end = _PUNCTUATION.search(text, verb.end, sentence.span.end)
            tail = (verb.end, tail_end.start() if tail_end else sentence.span.end)
            if len(text[tail[0] : tail[1]].split()) > _TRAILING_WORDS:
                continue  # ", Netanyahu said the war would end only when ...": words of their own
            if text[comma + 1 : verb.start].strip():  # ", Netanyahu said", ", officials said"
                named = sentence.subjects_in(comma + 1, verb.start)
                return None if sentence.actors_in(*tail) else self._source(sentence, named[-1:], verb.start)
            inverted = sentence.actors_in(verb.end, tail[1])[:1]  # ", said Israeli Prime Minister Netanyahu"
            return self._source(sentence, inverted, tail[1])
        return None

    def _source(self, sentence: StanceSentence, named: list[ActorPhrase], until: int) -> Actor:
        """Who speaks: the actor named, unless media follow the name ("Israeli public broadcaster KAN", "Israel's
        Channel 12"): an outlet reports what others say and is nobody's side."""
        if not named or sentence.scan.any_in("media", named[0].end, until):
            return Actor((), until)
        return Actor(named[0].ids, until)

    def _speaker(self, sentence: StanceSentence, clause_start: int, speech: Speech, antecedent: Antecedent) -> Actor:
        """The actor nearest before the speech verb in its clause. After a comma that words follow, only there:
        in "Israeli gunfire killed three, hospital officials said" the speakers are untracked officials."""
        comma = sentence.text.rfind(",", clause_start, speech.start)
        if comma >= 0 and sentence.text[comma + 1 : speech.start].strip():
            speaker = subject_in(sentence, comma + 1, speech.start, antecedent, nearest=True, unnamed=())
        else:
            speaker = subject_in(sentence, clause_start, speech.start, antecedent, nearest=True)
            if sentence.scan.any_in("coordinator", speaker.end, speech.start):
                # "Hamas welcomed the UN plan but said ...": the coordinated verbs share the clause's subject
                speaker = subject_in(sentence, clause_start, speech.start, antecedent)
        if speaker.ids and sentence.scan.any_in("media", speaker.end, speech.start):
            return Actor((), speaker.end)  # "Israeli media reported that ...": an outlet, nobody's side
        return speaker

    def _speaks_for(self, speakers: tuple[str, ...], subjects: tuple[str, ...]) -> bool:
        sides = set(speakers).union(*(self._words.speaks_for.get(s, ()) for s in speakers))
        return sides.issuperset(subjects)

    def _agent(self, sentence: StanceSentence, cue: StanceCue) -> ActorPhrase | None:
        """The actor of a passive cue: "a plan rejected by Hamas"."""
        marker = self._words.agent_first.match(sentence.text, cue.end, sentence.span.end)
        if marker is None:
            return None
        return next((p for p in sentence.actors if marker.end() <= p.start <= marker.end() + 5), None)

    def _speech(self, sentence: StanceSentence, before: int) -> Speech | None:
        """The last speech verb (or headline colon) before `before` in the sentence."""
        start = sentence.span.start
        verbs = [verb for verb in sentence.speech if verb.end <= before]
        colon = sentence.text.find(":", start, before)
        # (Words counted only before a colon: with none, text[start:-1] would be the rest of the item.)
        short_lead = colon >= 0 and len(sentence.text[start:colon].split()) <= _HEADLINE_LEAD_WORDS
        if short_lead and named_subject(sentence, start, colon):
            verbs.append(Speech(colon, colon + 1))
        return max(verbs, key=lambda verb: verb.start, default=None)

    def _after_addressee(self, sentence: StanceSentence, speech: Speech) -> int:
        """Where reported words start: after "told Israel's Channel 14", the addressee is not their subject."""
        if not self._words.addressing.fullmatch(sentence.text, speech.start, speech.end):
            return speech.end
        nearby = (p.end for p in sentence.actors if speech.end <= p.start <= speech.end + _ADDRESSEE_CHARS)
        return next(nearby, speech.end)
