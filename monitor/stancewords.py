"""The word lists of rules/stances.yaml compiled once into the patterns positions.py looks for. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from monitor.phrases import PhraseIndex, compile_phrases, ending_with, starting_with
from monitor.ruleset.schema import StancesFile

Role = Literal["cue", "connective", "obligation"]

# How far back a negation or a preposition may sit: "did not fully accept", "with the Qatari mediators".
_NEGATION_REACH_WORDS = 2
_PREPOSITION_REACH_WORDS = 1
# "condemned violations of the truce", "ceasefire violations": a reversal this close to the issue.
_REVERSAL_REACH_WORDS = 3


@dataclass(frozen=True)
class StanceWords:
    """Compiled patterns; a cue is found with its (stance, role)."""

    cues: PhraseIndex[tuple[str, Role]]
    speech: PhraseIndex[None]
    addressing: re.Pattern[str]
    negated: re.Pattern[str]
    after_preposition: re.Pattern[str]
    pronoun_first: re.Pattern[str]
    agent_first: re.Pattern[str]
    titles: re.Pattern[str]
    conjunction: re.Pattern[str]
    open_relative: re.Pattern[str]
    reversal_before: re.Pattern[str]
    reversal_after: re.Pattern[str]

    @classmethod
    def from_rules(cls, rules: StancesFile) -> StanceWords:
        grammar = rules.grammar
        conjunctions = compile_phrases(grammar.conjunctions).pattern
        relatives = compile_phrases(grammar.relatives).pattern
        return cls(
            cues=PhraseIndex(_tagged_cues(rules)),
            speech=PhraseIndex((verb, None) for verb in rules.speech_verbs),
            addressing=compile_phrases(grammar.addressing_verbs),
            negated=ending_with(rules.negation, _NEGATION_REACH_WORDS),
            after_preposition=ending_with(grammar.prepositions, _PREPOSITION_REACH_WORDS),
            pronoun_first=starting_with(grammar.pronouns),
            agent_first=starting_with(grammar.agent_markers),
            titles=compile_phrases(grammar.titles),
            conjunction=re.compile(rf"\s*(?:,\s*)?(?:{conjunctions})?\s*", re.IGNORECASE),
            # ", which has resisted ..." is still open when no comma closes it before the cue.
            open_relative=re.compile(rf",\s*(?:{relatives})[^,]*$", re.IGNORECASE),
            reversal_before=ending_with(grammar.reversals, _REVERSAL_REACH_WORDS),
            reversal_after=re.compile(
                rf"(?:\s+[\w'’-]+){{0,{_REVERSAL_REACH_WORDS - 1}}}\s*(?:{compile_phrases(grammar.reversals).pattern})",
                re.IGNORECASE,
            ),
        )


def _tagged_cues(rules: StancesFile) -> list[tuple[str, tuple[str, Role]]]:
    tagged: list[tuple[str, tuple[str, Role]]] = []
    for stance, spec in rules.stances.items():
        tagged += [(phrase, (stance, "cue")) for phrase in spec.cues]
        tagged += [(phrase, (stance, "connective")) for phrase in spec.connectives]
        tagged += [(phrase, (stance, "obligation")) for phrase in spec.obligations]
    return tagged
