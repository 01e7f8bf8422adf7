"""The word lists of rules/stances.yaml compiled once: one index of every word that is looked for in a text
(stancescan.py), and the few patterns matched at a known place. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.phrases import PhraseIndex, compile_phrases, starting_with
from monitor.ruleset.schema import StancesFile
from monitor.stancescan import Kind, Scan, Word

# How far a word may be from what it bears on: "did not fully accept", "with the Qatari mediators",
# "derail the new round of ceasefire talks", "without a full Israeli withdrawal", "amid what it called
# continuing ceasefire violations", "clarifications on the timetable of the withdrawal".
REACH_WORDS: dict[Kind, int] = {
    "negation": 2,
    "reversal": 4,
    "exception": 3,
    "circumstance": 4,
    "inquiry": 6,
    "coordinator": 0,
}
_PREPOSITION_REACH_WORDS = 1
_GAP = "[\\s'’\"“”«»]"


@dataclass(frozen=True)
class StanceWords:
    """Compiled rules words."""

    words: PhraseIndex[Word]  # every word looked for in a whole text, found in one pass
    reach: dict[str, int]  # per stance: how many words after a cue its issue may start
    speaks_for: dict[str, tuple[str, ...]]  # the first side is the one whose government the speaker leads
    addressing: re.Pattern[str]
    object_gap: re.Pattern[str]  # between a preposition and its object
    agent_first: re.Pattern[str]
    titles: re.Pattern[str]
    conjunction: re.Pattern[str]
    open_relative: re.Pattern[str]
    institution: re.Pattern[str]  # "'s government" right after a name

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
            # "with the Qatari mediators", "between Gaza and Egypt"
            object_gap=re.compile(
                rf"{_GAP}*(?:[\w'’-]+{_GAP}+){{0,{_PREPOSITION_REACH_WORDS}}}"
                rf"(?:[\w'’-]+,?{_GAP}+(?:{conjunctions}){_GAP}+)?",
                re.IGNORECASE,
            ),
            agent_first=starting_with(grammar.agent_markers),
            titles=compile_phrases(grammar.titles),
            # "Egypt, Qatar and Turkey"; ", and" opens a clause (sentences.clauses), which a phrase never spans.
            conjunction=re.compile(rf"\s*(?:,|{conjunctions})\s*", re.IGNORECASE),
            # ", which has resisted ..." is still open when no comma closes it before the cue.
            open_relative=re.compile(rf",\s*(?:{relatives})[^,]*$", re.IGNORECASE),
            institution=re.compile(rf"['’]s\s+(?:{compile_phrases(grammar.institutions).pattern})", re.IGNORECASE),
        )

    def scan(self, text: str) -> Scan:
        """Every rules word in `text`."""
        return Scan(text, self.words.hits(text, 0, len(text)))


def _tagged_words(rules: StancesFile) -> list[tuple[str, Word]]:
    tagged: list[tuple[str, Word]] = []
    for stance, spec in rules.stances.items():
        tagged += [(phrase, ("cue", stance, "cue")) for phrase in spec.cues]
        tagged += [(phrase, ("cue", stance, "connective")) for phrase in spec.connectives]
        tagged += [(phrase, ("cue", stance, "obligation")) for phrase in spec.obligations]
        tagged += [(phrase, ("cue", stance, "predicate")) for phrase in spec.predicates]
        tagged += [(phrase, ("cue", stance, "refusal")) for phrase in spec.refusals]
    grammar = rules.grammar
    lists: list[tuple[Kind, list[str]]] = [
        ("speech", rules.speech_verbs),
        ("preposition", grammar.prepositions),
        ("negation", rules.negation),
        ("reversal", grammar.reversals),
        ("exception", grammar.exceptions),
        ("circumstance", grammar.circumstances),
        ("inquiry", grammar.inquiries),
        ("coordinator", grammar.coordinators),
        ("pronoun", grammar.pronouns),
        ("media", grammar.media),
    ]
    return tagged + [(phrase, (kind, "", "cue")) for kind, phrases in lists for phrase in phrases]
