"""The word lists of rules/stances.yaml compiled once: the phrases looked for in every text (found with all the
other rules phrases in one pass, see phrases.py; stancescan.py answers questions about where they are), how near
a function word must be to what it bears on, and the few patterns matched at a known place, regular expressions
of the same phrase syntax. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from monitor.detect.positions.marks import StanceMarks, StanceSentence, StanceWord, WordKind
from monitor.ruleset.models.stances import StancesFile
from monitor.text.phrases import Hit
from monitor.text.syntax import Pattern

# How far a word may be from what it bears on: "did not fully accept", "with the Qatari mediators",
# "derail the new round of ceasefire talks", "without a full Israeli withdrawal", "amid what it called
# continuing ceasefire violations", "clarifications on the timetable of the withdrawal".
REACH_WORDS: dict[WordKind, int] = {
    "negation": 2,
    "reversal": 4,
    "exception": 3,
    "circumstance": 4,
    "inquiry": 6,
    "coordinator": 0,
}
_PREPOSITION_REACH_WORDS = 1
_GAP = "[\\s'’\"“”«»]"


def near_before(sentence: StanceSentence, kind: WordKind, start: int, end: int) -> bool:
    """Whether a word of `kind` ends in [start, end) within its reach of `end`."""
    return sentence.scan.ends_before(kind, start, end, REACH_WORDS[kind])


@dataclass(frozen=True)
class StanceWords:
    """Compiled rules words."""

    vocabulary: list[tuple[Pattern, StanceWord]]  # every word looked for in a whole text
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
            vocabulary=[(Pattern.parse(phrase, strict=True), word) for phrase, word in _tagged_words(rules)],
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

    @staticmethod
    def marks(text: str, hits: Iterable[Hit[StanceWord]]) -> StanceMarks:
        """Where the rules words are in `text`, of the stance words found in it."""
        return StanceMarks(text, hits)


def _tagged_words(rules: StancesFile) -> list[tuple[str, StanceWord]]:
    tagged: list[tuple[str, StanceWord]] = []
    for stance, spec in rules.stances.items():
        tagged += [(phrase, StanceWord("cue", stance, "cue")) for phrase in spec.cues]
        tagged += [(phrase, StanceWord("cue", stance, "connective")) for phrase in spec.connectives]
        tagged += [(phrase, StanceWord("cue", stance, "obligation")) for phrase in spec.obligations]
        tagged += [(phrase, StanceWord("cue", stance, "predicate")) for phrase in spec.predicates]
        tagged += [(phrase, StanceWord("cue", stance, "refusal")) for phrase in spec.refusals]
    grammar = rules.grammar
    lists: list[tuple[WordKind, list[str]]] = [
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
    return tagged + [(phrase, StanceWord(kind, "", "cue")) for kind, phrases in lists for phrase in phrases]


# The patterns matched at a known place: regular expressions of rules phrases, with the syntax of phrasesyntax.py
# (whole words, any case, any white space between words, ' for ’ too, a `*` at either end of a word).
_NEVER = re.compile(r"(?!x)x")
_LEFT = r"(?<![\w-])"  # a phrase that starts with a letter starts a word (not inside a compound)


def _word_pattern(word: str) -> str:
    prefix = r"\w*" if word.startswith("*") else ""
    suffix = r"\w*" if word.endswith("*") else ""
    return prefix + re.escape(word.strip("*")).replace("'", "['’]") + suffix


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    body = r"\s+".join(_word_pattern(word) for word in words)
    # A boundary only makes sense next to a word character: "n'" must still match inside "n'accepte".
    left = _LEFT if words[0][:1].isalnum() else ""
    right = r"(?!\w)" if words[-1][-1:].isalnum() else ""
    return left + body + right


def _longest_first(phrases: Iterable[str]) -> list[str]:
    # Regex alternation takes the first branch that matches, so longer phrases must come first.
    return sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p.strip("*")), p))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `phrases` (the longest where several start together)."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    patterns = [_phrase_pattern(p) for p in ordered]
    if all(p.startswith(_LEFT) for p in patterns):
        # The same matches as one branch per phrase, faster: the look-behind is tested once per character, not
        # once per phrase (ten times faster); a character that no phrase starts with (in any case, as the phrases
        # match) is passed over before it, and each first letter is tested once, then the phrases that start with
        # it (three times faster again).
        first_letters = "".join(sorted({re.escape(p[0]) for p in ordered}))
        body = _by_first_letter([p[len(_LEFT) :] for p in patterns])
        return re.compile(f"(?=[{first_letters}]){_LEFT}(?:{body})", re.IGNORECASE)
    return re.compile("|".join(patterns), re.IGNORECASE)


def _by_first_letter(patterns: list[str]) -> str:
    """The alternation of `patterns` (each starting with a letter) with one branch per first letter. Letters that
    match each other in any case share a branch, where the patterns keep their order: at any place, the same one
    matches first."""
    branches: dict[str, list[str]] = {}
    for pattern in patterns:
        letter = next((b for b in branches if re.fullmatch(b, pattern[0], re.IGNORECASE)), pattern[0])
        branches.setdefault(letter, []).append(pattern[1:])
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in branches.items())


def starting_with(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches text that starts (after white space) with one of `phrases`."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    return re.compile(r"\s*(?:" + "|".join(_phrase_pattern(p) for p in ordered) + ")", re.IGNORECASE)
