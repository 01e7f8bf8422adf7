"""The subject of a stretch of a sentence: the first (or the nearest) actor named there that is no prepositional
object, or, for a leading pronoun, who the pronoun refers to. stanceactors.py asks it for the subject of a cue's
clause, of reported words and of a speech verb. Pure."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from monitor.detect.positions.marks import ActorPhrase, StanceSentence

# Who a pronoun refers to, worked out when asked.
Antecedent = Callable[[], tuple[str, ...]]


class Actor(NamedTuple):
    """Who acts (no ids: no tracked actor), as the subject search or a speaker search answers it. (A tuple, the
    cheapest object to build: every cue asks for several.)"""

    ids: tuple[str, ...]
    end: int  # where the actor's words end: an issue before the cue is looked for after it
    passive: bool = False  # "was rejected by Hamas": the issue is the subject, before the cue
    inferred: bool = False  # not named here: a pronoun's or an unnamed clause's antecedent (doubtful)


NOBODY = Actor((), 0)


def subject_in(
    sentence: StanceSentence,
    start: int,
    end: int,
    antecedent: Antecedent,
    nearest: bool = False,
    unnamed: tuple[str, ...] | None = None,
) -> Actor:
    """The first (or nearest) actor in [start, end). A leading pronoun continues `antecedent`, and so does a
    later clause that names no actor, unless `unnamed` says who acts then. (The antecedent is worked out only
    when needed: it may take the earlier sentences' subjects.)"""
    if sentence.scan.starts_with("pronoun", start, end):
        return Actor(antecedent(), start, inferred=True)
    chosen = named_subject(sentence, start, end, nearest)
    if chosen is not None:
        return Actor(chosen.ids, chosen.end)
    if unnamed is None:
        return Actor(antecedent() if start > sentence.span.start else (), start, inferred=True)
    return Actor(unnamed, start)


def named_subject(sentence: StanceSentence, start: int, end: int, nearest: bool = False) -> ActorPhrase | None:
    """The first (or nearest) actor named in [start, end) that is no prepositional object."""
    subjects = sentence.subjects_in(start, end)
    if not subjects or nearest:
        return subjects[-1] if subjects else None
    # "Hamas rejected X and Israel said ...", ", а ХАМАС ...": a subject right after a coordinator opens a clause
    opening = [p for p in subjects[1:] if sentence.scan.ends_before("coordinator", start, p.start, 0)]
    return opening[-1] if opening else subjects[0]


def antecedent_before(sentence: StanceSentence, end: int, topic: Antecedent) -> Antecedent:
    """Who a pronoun before `end` refers to: the sentence's first subject so far, else the topic."""

    def ids() -> tuple[str, ...]:
        subjects = sentence.subjects_in(sentence.span.start, end)
        return subjects[0].ids if subjects else topic()

    return ids
