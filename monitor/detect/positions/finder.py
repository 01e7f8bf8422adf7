"""Who takes which stance on which issue: a tracked actor, a stance cue and a tracked issue in one clause. Pure.

For every stance cue of rules/stances.yaml in a sentence (stanceactors.py finds the actor, with the subjects of
stancesubjects.py; stanceissues.py the issue):
- the actor is the first tracked entity of the cue's clause, before the cue, that is neither the object of
  a preposition ("talks with Israel") nor part of a compound ("a Doha-based member"). A title joins an
  organisation to the person named after it ("Hamas official Fawzi Barhoum" is Barhoum), a conjunction
  makes several actors ("Egypt and Qatar signed"), a passive agent wins ("rejected by Hamas"), a speaker's
  institution is the side the speaker speaks for ("Netanyahu's government" is Israel), and a clause that
  starts with a pronoun, or a later clause with no entity of its own, continues the last subject. A subject
  right after a coordinator opens a clause of its own ("... while Hamas rejected", ", а ХАМАС"), a comma joins
  actors only in a list that goes on ("Egypt, Qatar and Turkey"), and a cue that opens its clause takes the
  subject right after it (Arabic verb-first order);
- reported speech counts for the speaker (the tracked entity nearest before the speech verb, or named in a
  trailing attribution: ", Netanyahu said"): in "X said Y rejected ..." the stance is X's when Y is X or one X
  speaks for (rules `speaks_for`: Netanyahu for Israel), nobody's when Y is another tracked actor (X only
  ascribes it to Y), and Y's when the speaker is not tracked (a newspaper, "officials said") or when Y opens a
  later clause of its own. An obligation ("Y must disarm") or a predicate ("Y is unacceptable") is the
  speaker's; a pronoun in the reported words is the speaker;
- the issue is what the cue bears on (stanceissues.py): its object, the nearest issue after it in its clause,
  or the issue of its subject, before it (a passive, a connective, a predicate, an obligation). A cue or
  predicate with no issue takes a generic noun right by it ("accepted the deal"; rules `references`) as the
  item's topic issue (stancetopic.py);
- a negation just before the cue flips a "for" stance ("refused to accept" rejects) and cancels the
  others ("did not deny" says nothing); an exception before the issue ("a deal without a withdrawal") makes a
  stance against into a condition on it and cancels a stance for; a reversal next to the issue ("violations of
  the truce") flips the stance on it; a cue in an open relative clause (", which has rejected") is background
  unless the relative clause names its own subject (", which Netanyahu tied to") or speaks for its actor
  antecedent ("Qatar, which said it supports ...": Qatar's own words);
- a condition replaces its actor's other stances on the issue in the sentence ("will not disarm until ..."),
  and an item keeps one position per actor, issue and polarity: the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from monitor.detect.positions.actors import ActorFinder
from monitor.detect.positions.compiled import REACH_WORDS, StanceWords, compile_phrases, near_before
from monitor.detect.positions.issues import IssueFinder
from monitor.detect.positions.keep import CueReading, conditions_first, one_side_each
from monitor.detect.positions.marks import StanceCue, StanceMarks, StanceSentence, StanceWord
from monitor.detect.positions.subjects import NOBODY, Actor, Antecedent
from monitor.detect.positions.topic import SubjectTopic, Topic
from monitor.ruleset.models.languages import LanguagePack
from monitor.ruleset.models.stances import POLARITY, StancesFile
from monitor.text.normalize import base_language, fold
from monitor.text.scan import Scan
from monitor.text.sentences import Span, within
from monitor.text.syntax import Pattern
from monitor.types import Match, Position

# Not wanting something is opposing it; not denying or not demanding something says nothing.
_NEGATED = {"supports": "opposes", "accepts": "rejects"}
# Opposing a violation of X is being for X, and the other way round.
# Denying a violation of X ("denied blocking aid") is being for X.
_REVERSED = {
    "supports": "opposes",
    "accepts": "rejects",
    "opposes": "supports",
    "rejects": "accepts",
    "denies": "supports",
}
# Rejecting X without Y makes Y a condition; accepting X without Y says nothing about Y.
_EXCEPTED = {"for": None, "against": "conditions", "conditional": "conditions"}
# The clause's last word ("akzeptierte den Plan nicht."); a particle after it would let in "refused to cooperate."
_CLOSING_NEGATION_WORDS = 0
_CLOSING_MARKS = " .!?\"'”’»)"


class PositionFinder:
    """Finds the positions that tracked actors take on tracked issues (see the module docstring)."""

    def __init__(
        self, words: StanceWords, references: Sequence[str] = (), prepositions: Mapping[str, frozenset[str]] = {}
    ) -> None:
        self._words = words
        self._actors = ActorFinder(words)
        self._issues = IssueFinder(words)
        self._references = compile_phrases(references) if references else None  # compiled once, for every item
        # Each language's own prepositions: in an item of a known language, a word that is a preposition only in
        # another (the Romance "a", the English article) makes no object.
        self._prepositions = prepositions

    @classmethod
    def from_rules(cls, stances: StancesFile, packs: Sequence[LanguagePack] = ()) -> PositionFinder:
        prepositions = {pack.language: frozenset(map(_folded, pack.grammar.prepositions)) for pack in packs}
        return cls(StanceWords.from_rules(stances), stances.grammar.references, prepositions)

    @property
    def vocabulary(self) -> list[tuple[Pattern, StanceWord]]:
        """The phrases to look for in a text (analyze.py finds them with all the others in one pass)."""
        return self._words.vocabulary

    def find(self, scanned: Scan, matches: Sequence[Match], lang: str | None = None) -> list[Position]:
        """The positions in the scanned text, whose entity and issue `matches` the matcher found: one per actor,
        issue and polarity, the first ("urged Israel to allow aid" demands aid, and the allowing says nothing
        more)."""
        found: dict[tuple[str, str, str], Position] = {}
        for _, readings in self.readings(scanned, matches, lang):
            positions = [p for reading in readings for p in reading.positions]
            for position in one_side_each(conditions_first(positions)):
                found.setdefault((position.actor, position.issue, position.polarity), position)
        return list(found.values())

    def readings(
        self, scanned: Scan, matches: Sequence[Match], lang: str | None = None, *, explain: bool = False
    ) -> Iterator[tuple[Span, list[CueReading]]]:
        """Per sentence with a stance cue and an issue (with `explain`: or a tracked entity), what each cue says:
        its positions, or why it has none."""
        entities = sorted((m for m in matches if m.kind == "entity"), key=lambda m: (m.start, -m.end))
        issues = sorted((m for m in matches if m.kind == "issue"), key=lambda m: m.start)
        words = scanned.hits_of(StanceWord)
        if not ((entities and issues) or explain) or not any(hit.value.kind == "cue" for hit in words):
            return  # the common case, kept cheap: most items name no actor, no issue or no stance
        text = scanned.text
        scan = self._words.marks(text, words)
        cues, speech, prepositions = scan.cues, scan.speech, self._prepositions_in(scan, lang)
        topic = SubjectTopic(self._actors, text, prepositions)
        about = Topic(self._references)
        for span in scanned.sentences:
            if span.start > cues[-1].start:
                break  # no cue from here on: no stance, and no sentence left for the topic to matter to
            named = within(entities, span)
            in_sentence = within(cues, span)
            issues_here = within(issues, span)
            references = about.references(text, span, issues_here) if in_sentence else ()
            if in_sentence and (issues_here or references):  # a stance needs a cue and an issue in one sentence
                actors = tuple(self._actors.phrases(text, named, prepositions))
                sentence = StanceSentence(text, span, actors, issues_here, within(speech, span), in_sentence, scan)
                yield span, [self._reading(sentence, cue, topic, references) for cue in in_sentence]
            elif in_sentence and named and explain:
                yield span, [CueReading(cue, [], "no tracked issue in its sentence") for cue in in_sentence]
            if not scan.starts_with("pronoun", span.start, span.end):
                topic.follows(named)
            about.follows(issues_here)

    def _prepositions_in(self, scan: StanceMarks, lang: str | None) -> list[int]:
        """Where the prepositions of the item's language end (of every language, when it is not known)."""
        own = self._prepositions.get(base_language(lang) if lang else "")
        ends = scan.ends("preposition")
        if own is None:
            return ends
        return [end for start, end in zip(scan.starts("preposition"), ends, strict=True)
                if _folded(scan.text[start:end]) in own]

    def _reading(
        self, sentence: StanceSentence, cue: StanceCue, topic: Antecedent, references: Iterable[Match]
    ) -> CueReading:
        clause = sentence.clause_at(cue.start)
        if self._object_of_cue(sentence, clause, cue):
            return CueReading(cue, [], "the object of a cue of the other side right before it ('rejected calls for')")
        actor = self._actor(sentence, clause, cue, topic)
        if not actor.ids:
            return CueReading(cue, [], "no tracked actor takes it: none named as its subject, an outlet or an "
                                       "untracked speaker, or a speaker ascribing it to another actor")
        stance = self._negated(sentence, clause, cue)
        if stance is None:
            return CueReading(cue, [], "negated: not denying or not demanding says nothing")
        line = sentence.text[sentence.span.start : sentence.span.end]
        positions = []
        for issue in self._issues.issues(sentence, clause, cue, actor, references):
            on_issue = self._on_issue(sentence, clause, stance, issue)
            # A stance that rests on an inference is doubtful: an actor not named here (a pronoun, a clause that
            # names none), or a condition read from a connective that links clauses ("X ends only when ...").
            certain = not actor.inferred and cue.role != "connective"
            if on_issue is not None:
                positions += [Position(a, issue.id, on_issue, POLARITY[on_issue], line, cue.text, certain)
                              for a in actor.ids]
        reason = "" if positions else "no tracked issue it bears on (within its reach, before a comma)"
        return CueReading(cue, positions, reason)

    def _object_of_cue(self, sentence: StanceSentence, clause: Span, cue: StanceCue) -> bool:
        """Whether `cue` is a noun that a cue of the other polarity right before it takes as its object: "rejected
        calls for a state", "dismissed the demand for"; not a verb after a preposition ("vowed to oppose")."""
        text, polarity = sentence.text, POLARITY[cue.stance]
        return cue.role == "cue" and any(
            earlier.role == "cue"
            and clause.start <= earlier.start
            and earlier.end <= cue.start
            and POLARITY[earlier.stance] != polarity
            and len(text[earlier.end : cue.start].split()) <= 1
            and not sentence.scan.any_in("preposition", earlier.end, cue.start)
            for earlier in sentence.cues
        )

    def _actor(self, sentence: StanceSentence, clause: Span, cue: StanceCue, topic: Antecedent) -> Actor:
        speaking = self._relative_speaker(sentence, cue)
        if speaking is not None:
            return speaking
        actor = self._actors.actor(sentence, clause, cue, topic)
        relative = self._words.open_relative.search(sentence.text, actor.end, cue.start)
        if relative:  # ", which Netanyahu had tied to ...": the relative clause's own subject, if it has one
            own = sentence.subjects_in(relative.start() + 1, cue.start)
            return Actor(own[0].ids, own[0].end) if own else NOBODY
        return actor

    def _relative_speaker(self, sentence: StanceSentence, cue: StanceCue) -> Actor | None:
        """The antecedent of a relative clause that speaks before the cue ("Qatar, which said it supports ...",
        "Ankara, che si è detta pronta a ..."): its own words, unlike a description ("Hamas, which has resisted")."""
        text = sentence.text
        relative = self._words.open_relative.search(text, sentence.span.start, cue.start)
        if relative is None:
            return None
        speech = [s.end for s in sentence.speech if relative.start() < s.start and s.end <= cue.start]
        antecedent = [
            p for p in sentence.actors if p.end <= relative.start() and not text[p.end : relative.start()].strip()
        ]
        own = sentence.subjects_in(relative.start() + 1, cue.start)
        if not (speech and antecedent) or any(p.ids != antecedent[0].ids for p in own):
            return None
        return Actor(antecedent[0].ids, speech[-1])

    def _negated(self, sentence: StanceSentence, clause: Span, cue: StanceCue) -> str | None:
        """The cue's stance, flipped or cancelled by a negation just before it or closing its clause."""
        # "would not disarm until ...": a negation before a connective belongs to the main clause's verb.
        if cue.role == "connective":
            return cue.stance
        if near_before(sentence, "negation", clause.start, cue.start) or self._closing_negation(sentence, clause, cue):
            return _NEGATED.get(cue.stance)
        return cue.stance

    def _closing_negation(self, sentence: StanceSentence, clause: Span, cue: StanceCue) -> bool:
        """A negation that ends the cue's clause, after its object, with no other actor between: German
        "akzeptierte die Entwaffnung nicht", Turkish "hazır değil"."""
        end = clause.start + len(clause.text.rstrip(_CLOSING_MARKS))
        negation = sentence.scan.ends_before("negation", cue.end, end, _CLOSING_NEGATION_WORDS)
        return negation and not sentence.actors_in(cue.end, end)

    def _on_issue(self, sentence: StanceSentence, clause: Span, stance: str, issue: Match) -> str | None:
        """The stance on `issue`, after an exception ("without a withdrawal") or a reversal next to it."""
        if near_before(sentence, "exception", clause.start, issue.start):
            return _EXCEPTED[POLARITY[stance]]
        return _REVERSED.get(stance, stance) if self._reversed(sentence, issue) else stance

    def _reversed(self, sentence: StanceSentence, issue: Match) -> bool:
        """ "violations of the truce", "truce violations" """
        if near_before(sentence, "reversal", sentence.span.start, issue.start):
            return True
        return sentence.scan.starts_after("reversal", issue.end, sentence.span.end, REACH_WORDS["reversal"] - 1)


def _folded(phrase: str) -> str:
    return " ".join(fold(word) for word in phrase.split())
