"""The word lists of rules/stances.yaml compiled once into the patterns positions.py looks for. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from monitor.phrases import PhraseIndex, compile_phrases, ending_with, longest_first, starting_with
from monitor.ruleset.schema import StancesFile

Role = Literal["cue", "connective", "obligation", "predicate", "refusal"]

# How far back a negation or a preposition may sit: "did not fully accept", "with the Qatari mediators".
_NEGATION_REACH_WORDS = 2
_PREPOSITION_REACH_WORDS = 1
# "condemned violations of the truce", "ceasefire violations": a reversal this close to the issue.
_REVERSAL_REACH_WORDS = 3
# "without a full Israeli withdrawal"; "amid what it called continuing ceasefire violations"
_EXCEPTION_REACH_WORDS = 3
_CIRCUMSTANCE_REACH_WORDS = 4
# "clarifications on the timetable of the withdrawal"
_INQUIRY_REACH_WORDS = 6
_GAP = "[\\s'’\"“”«»]"


@dataclass(frozen=True)
class Cue:
    stance: str
    role: Role
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Speech:
    """A speech verb ("said"), or the colon after a headline's speaker."""

    start: int
    end: int


@dataclass(frozen=True)
class Scan:
    """What one pass over a text finds: stance cues, speech verbs, and where prepositions end."""

    cues: list[Cue]
    speech: list[Speech]
    preposition_ends: list[int]


# A word of the one index: (what it is, its stance, its role); speech verbs and prepositions have no stance.
_Word = tuple[Literal["cue", "speech", "preposition"], str, Role]


@dataclass(frozen=True)
class StanceWords:
    """Compiled patterns; a cue is found with its (stance, role)."""

    words: PhraseIndex[_Word]  # cues, speech verbs and prepositions, found in one pass
    reach: dict[str, int]  # per stance: how many words after a cue its issue may start
    speaks_for: dict[str, tuple[str, ...]]  # the first side is the one whose government the speaker leads
    addressing: re.Pattern[str]
    negated: re.Pattern[str]
    object_gap: re.Pattern[str]  # between a preposition and its object
    pronoun_first: re.Pattern[str]
    agent_first: re.Pattern[str]
    titles: re.Pattern[str]
    conjunction: re.Pattern[str]
    open_relative: re.Pattern[str]
    reversal_before: re.Pattern[str]
    reversal_after: re.Pattern[str]
    institution: re.Pattern[str]  # "'s government" right after a name
    coordinator: re.Pattern[str]
    coordinated: re.Pattern[str]  # a coordinator right before the end
    circumstance: re.Pattern[str]
    inquiry: re.Pattern[str]
    excepted: re.Pattern[str]

    @classmethod
    def from_rules(cls, rules: StancesFile) -> StanceWords:
        grammar = rules.grammar
        conjunctions = compile_phrases(grammar.conjunctions).pattern
        relatives = compile_phrases(grammar.relatives).pattern
        return cls(
            words=PhraseIndex(_tagged_words(rules)),
            reach={stance: spec.reach for stance, spec in rules.stances.items()},
            speaks_for={speaker: tuple(sides) for speaker, sides in rules.speaks_for.items()},
            addressing=compile_phrases(grammar.addressing_verbs),
            negated=ending_with(rules.negation, _NEGATION_REACH_WORDS),
            # "with the Qatari mediators", "between Gaza and Egypt"
            object_gap=re.compile(
                rf"{_GAP}*(?:[\w'’-]+{_GAP}+){{0,{_PREPOSITION_REACH_WORDS}}}(?:[\w'’-]+,?{_GAP}+(?:{conjunctions}){_GAP}+)?",
                re.IGNORECASE,
            ),
            pronoun_first=starting_with(grammar.pronouns),
            agent_first=starting_with(grammar.agent_markers),
            titles=compile_phrases(grammar.titles),
            # "Egypt, Qatar and Turkey"; ", and" opens a clause (sentences.clauses), which a phrase never spans.
            conjunction=re.compile(rf"\s*(?:,|{conjunctions})\s*", re.IGNORECASE),
            # ", which has resisted ..." is still open when no comma closes it before the cue.
            open_relative=re.compile(rf",\s*(?:{relatives})[^,]*$", re.IGNORECASE),
            reversal_before=ending_with(grammar.reversals, _REVERSAL_REACH_WORDS),
            reversal_after=re.compile(
                rf"(?:\s+[\w'’-]+){{0,{_REVERSAL_REACH_WORDS - 1}}}\s*(?:{compile_phrases(grammar.reversals).pattern})",
                re.IGNORECASE,
            ),
            institution=re.compile(rf"['’]s\s+(?:{compile_phrases(grammar.institutions).pattern})", re.IGNORECASE),
            coordinator=compile_phrases(grammar.coordinators),
            coordinated=ending_with(grammar.coordinators, 0),
            circumstance=ending_with(grammar.circumstances, _CIRCUMSTANCE_REACH_WORDS),
            inquiry=ending_with(grammar.inquiries, _INQUIRY_REACH_WORDS),
            excepted=ending_with(grammar.exceptions, _EXCEPTION_REACH_WORDS),
        )

    def scan(self, text: str) -> Scan:
        """The cues, speech verbs and preposition ends of `text`; of overlapping words of one kind, the longest."""
        kinds: dict[str, list[tuple[int, int, _Word]]] = {"cue": [], "speech": [], "preposition": []}
        for hit in self.words.hits(text, 0, len(text)):
            kinds[hit[2][0]].append(hit)
        cues = [
            Cue(stance, role, start, end, text[start:end])
            for start, end, (_, stance, role) in longest_first(kinds["cue"])
        ]
        speech = [Speech(start, end) for start, end, _ in longest_first(kinds["speech"])]
        return Scan(cues, speech, [end for _, end, _ in longest_first(kinds["preposition"])])


def _tagged_words(rules: StancesFile) -> list[tuple[str, _Word]]:
    tagged: list[tuple[str, _Word]] = []
    for stance, spec in rules.stances.items():
        tagged += [(phrase, ("cue", stance, "cue")) for phrase in spec.cues]
        tagged += [(phrase, ("cue", stance, "connective")) for phrase in spec.connectives]
        tagged += [(phrase, ("cue", stance, "obligation")) for phrase in spec.obligations]
        tagged += [(phrase, ("cue", stance, "predicate")) for phrase in spec.predicates]
        tagged += [(phrase, ("cue", stance, "refusal")) for phrase in spec.refusals]
    tagged += [(verb, ("speech", "", "cue")) for verb in rules.speech_verbs]
    return tagged + [(word, ("preposition", "", "cue")) for word in rules.grammar.prepositions]
