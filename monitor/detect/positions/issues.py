"""What a stance is on: the issues a stance cue bears on in its sentence. Pure.

The issue is the nearest issue after the cue in its clause, within the stance's reach (ten words), before
any comma and before the next verb that takes its own object (a speech verb, a cue after "and", a
connective), unless a circumstance ("under the ceasefire") or an inquiry ("clarifications on") comes between
them; with no such object before a colon, every issue of the list after it; for a refusal ("will not
disarm") the act right after it; for a passive, and for a connective ("only if", "until"), the issue of the
main clause, before the cue; for a predicate ("X is out of the question") the issues of its subject, before
it; for an obligation the issue before the modal first.

A cue or predicate with no issue takes a generic noun right by it ("accepted the deal", "the report was
rejected by"; rules `references`) as the item's topic issue (stancetopic.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from monitor.detect.positions.compiled import StanceWords, near_before
from monitor.detect.positions.marks import StanceCue, StanceSentence
from monitor.detect.positions.subjects import Actor
from monitor.ruleset.models.stances import POLARITY
from monitor.text.sentences import Span
from monitor.types import Match

# A verb's object or a predicate's subject may be a generic noun; a condition or an obligation needs its issue.
_TAKES_A_REFERENCE = ("cue", "predicate")
# "accepted the US-brokered deal", "the resolution was swiftly rejected": a reference this close is the cue's own.
_REFERENCE_GAP_WORDS = 3
# Between a refusal and its act: "will not disarm", "won't open", "will never give up".
_REFUSAL_GAP = re.compile(r"\s*")


class IssueFinder:
    """Finds the issues that a stance cue bears on (see the module docstring)."""

    def __init__(self, words: StanceWords) -> None:
        self._words = words

    def issues(
        self, sentence: StanceSentence, clause: Span, cue: StanceCue, actor: Actor, references: Iterable[Match]
    ) -> list[Match]:
        """The issues of `sentence` that `actor`'s stance at `cue` is on, or else the generic noun right by the
        cue among `references` (each standing for the item's topic issue)."""
        issues = self._named(sentence, clause, cue, actor)
        if issues or cue.role not in _TAKES_A_REFERENCE:
            return issues
        # "accepted the deal", "the deal is unacceptable": a generic noun stands for the item's topic
        near = tuple(r for r in references if _adjacent(sentence.text, cue, r))
        # (With no generic noun by the cue there is nothing to name: the sentence need not be copied.)
        return self._named(replace(sentence, issues=near), clause, cue, actor) if near else []

    def _named(self, sentence: StanceSentence, clause: Span, cue: StanceCue, actor: Actor) -> list[Match]:
        lower = {"connective": clause.start, "obligation": actor.end}.get(cue.role, max(actor.end, clause.start))
        preceding = [m for m in sentence.issues if lower <= m.start and m.end <= cue.start]
        if cue.role == "connective" or actor.passive or (cue.role == "obligation" and preceding):
            return preceding[-1:]
        if cue.role == "predicate" and preceding:
            return preceding
        if cue.role == "refusal":  # "will not disarm", "won't open the Rafah crossing": the act right after it
            act = self._following(sentence, cue, clause.end)[:1]
            return [m for m in act if _REFUSAL_GAP.fullmatch(sentence.text, cue.end, m.start)]
        named = self._object(sentence, cue, clause.end)
        if named or not sentence.text.startswith(":", clause.end - 1):
            return named  # "agreed to the first stage: ...": the object before a colon, not the list after it
        # "set out its priorities: a ceasefire, aid and ...": no object before the colon, the list after it
        listed = self._following(sentence, cue, _next_clause_end(sentence, clause))
        return [m for m in listed if not _detached(sentence, cue, m)]

    def _object(self, sentence: StanceSentence, cue: StanceCue, end: int) -> list[Match]:
        """The first issue after the cue that is its object: near it (within the stance's reach, before any
        comma), and not after a circumstance or an inquiry ("committed to under the ceasefire")."""
        text, reach = sentence.text, self._words.reach[cue.stance]
        for issue in self._following(sentence, cue, end):
            between = text[cue.end : issue.start]
            if "," in between or len(between.split()) > reach:
                return []  # further on, an issue belongs elsewhere
            if not _detached(sentence, cue, issue):
                return [issue]
        return []

    def _following(self, sentence: StanceSentence, cue: StanceCue, end: int) -> list[Match]:
        """The issues after the cue up to `end` and before the next verb; one may begin with the cue itself
        ("train police")."""
        after = [m for m in sentence.issues if cue.start <= m.start and cue.end < m.end]
        if not after:
            return []  # no issue after the cue: the next verb need not be looked for
        end = min(end, _next_verb(sentence, cue))
        return [m for m in after if m.end <= end]


def _next_verb(sentence: StanceSentence, cue: StanceCue) -> int:
    """Where the next verb that takes its own object starts: a speech verb, a refusal, or a cue after a
    coordinator ("accepted the plan and called for a ceasefire"); not an infinitive ("urged Israel to allow")."""
    # A word that is an issue is no verb: "celebró el anuncio" (the noun reads as the verb "anunció").
    issue_words = [(m.start, m.end) for m in sentence.issues]
    speech = [s.start for s in sentence.speech if s.start >= cue.end and (s.start, s.end) not in issue_words]
    coordinated = [c.start for c in sentence.cues if c.start >= cue.end and _takes_own_object(sentence, cue, c)]
    return min(speech + coordinated, default=sentence.span.end)


def _takes_own_object(sentence: StanceSentence, cue: StanceCue, later: StanceCue) -> bool:
    # "accepted the deal in return for a withdrawal": a condition's words are not the cue's object
    if later.role in ("refusal", "connective"):
        return True
    # "vowed to oppose X": a verb after a preposition right after a cue of the other polarity takes X
    # (without the preposition it is a noun, the cue's object: "rejected calls for X")
    if (
        POLARITY[later.stance] != POLARITY[cue.stance]
        and len(sentence.text[cue.end : later.start].split()) <= 1
        and sentence.scan.any_in("preposition", cue.end, later.start)
    ):
        return True
    return sentence.scan.ends_before("coordinator", cue.end, later.start, 0)


def _detached(sentence: StanceSentence, cue: StanceCue, issue: Match) -> bool:
    return any(near_before(sentence, kind, cue.end, issue.start) for kind in ("circumstance", "inquiry"))


def _next_clause_end(sentence: StanceSentence, clause: Span) -> int:
    following = [c for c in sentence.clauses if c.start >= clause.end]
    return following[0].end if following else clause.end


def _adjacent(text: str, cue: StanceCue, reference: Match) -> bool:
    """Whether `reference` is at most a few words from the cue, on either side, with no punctuation between."""
    between = text[cue.end : reference.start] if cue.end <= reference.start else text[reference.end : cue.start]
    return len(between.split()) <= _REFERENCE_GAP_WORDS and not any(mark in between for mark in ",.;:")
