"""Where rules words are in a text, found in one pass: the questions position extraction asks of them."""

from __future__ import annotations

import pytest

from monitor.detect.positions.compiled import compile_phrases
from monitor.detect.positions.marks import StanceMarks, StanceWord, WordKind
from monitor.text.phrases import PhraseIndex
from monitor.text.scan import Scan
from monitor.text.syntax import Pattern

WORDS: list[tuple[str, StanceWord]] = [
    ("not", StanceWord("negation", "", "cue")),
    ("*n't", StanceWord("negation", "", "cue")),
    ("violation*", StanceWord("reversal", "", "cue")),
    ("accept*", StanceWord("cue", "accepts", "cue")),
    ("said", StanceWord("speech", "", "cue")),
    ("and", StanceWord("coordinator", "", "cue")),
]
INDEX = PhraseIndex[object]((Pattern.parse(phrase, strict=True), word) for phrase, word in WORDS)


def scan(text: str) -> StanceMarks:
    return StanceMarks(text, Scan.of(text, INDEX).hits_of(StanceWord))


ENDS_BEFORE: list[tuple[str, str, WordKind, int, bool]] = [
    ("right before", "Hamas did not |accept", "negation", 0, True),
    ("one word between, one allowed", "Hamas did not fully |accept", "negation", 1, True),
    ("one word between, none allowed", "Hamas did not fully |accept", "negation", 0, False),
    ("a quote is no word", "Qatar condemned the 'violation' of the |truce", "reversal", 3, True),
    ("a comma ends the reach", "Hamas did not, however, |accept", "negation", 3, False),
    ("inside a word", "Hamas won't |accept", "negation", 0, True),
    ("not a whole word", "nothing |accepted", "negation", 2, False),
]


@pytest.mark.parametrize(
    ("text", "kind", "words", "found"), [c[1:] for c in ENDS_BEFORE], ids=[c[0] for c in ENDS_BEFORE]
)
def test_a_word_ends_within_its_reach_before_a_place(text: str, kind: WordKind, words: int, found: bool) -> None:
    """The place is the "|" in the text."""
    place = text.index("|")
    assert scan(text).ends_before(kind, 0, place, words) is found


def test_a_word_starts_within_its_reach_after_a_place() -> None:
    text = "the truce violations"
    assert scan(text).starts_after("reversal", len("the truce"), len(text), 0)
    assert not scan("the truce and its violations").starts_after("reversal", len("the truce"), 28, 1)


def test_any_word_of_a_kind_within_a_span() -> None:
    text = "Hamas welcomed the plan and said"
    assert scan(text).any_in("coordinator", 5, len(text))
    assert not scan(text).any_in("coordinator", 5, 20)


def test_cues_and_speech_verbs_are_listed_in_order() -> None:
    found = scan("Israel said it would not accept the truce.")
    assert [(c.text, c.stance) for c in found.cues] == [("accept", "accepts")]
    assert [(s.start, s.end) for s in found.speech] == [(7, 11)]


def test_of_overlapping_words_of_one_kind_the_longest_counts_and_words_apart_all_count() -> None:
    rejecting = [
        ("reject*", StanceWord("cue", "rejects", "cue")),
        ("flatly reject*", StanceWord("cue", "rejects", "cue")),
    ]
    index = PhraseIndex[object]((Pattern.parse(phrase, strict=True), word) for phrase, word in WORDS + rejecting)
    text = "Hamas accepted the plan, Israel flatly rejected it and accepted aid."
    found = StanceMarks(text, Scan.of(text, index).hits_of(StanceWord))
    assert [c.text for c in found.cues] == ["accepted", "flatly rejected", "accepted"]


PHRASES_IN_ANY_CASE: list[tuple[str, str, list[str]]] = [
    ("lower-case phrases, capitals in the text", "The DEAL and the Accord", ["DEAL", "Accord"]),
    ("a capital in the phrase, lower case in the text", "die abkommen", ["abkommen"]),
    ("Cyrillic", "ПЛАН и план", ["ПЛАН", "план"]),
    ("a letter with a second lower-case form", "the ſtep", ["ſtep"]),
    ("the longest, whatever the case of its first letter", "the Peace Plan and the PLAN", ["Peace Plan", "PLAN"]),
    ("whole words only", "an ideal plant", []),
    ("not inside a compound", "a US-deal", []),
]


@pytest.mark.parametrize(
    ("text", "found"), [c[1:] for c in PHRASES_IN_ANY_CASE], ids=[c[0] for c in PHRASES_IN_ANY_CASE]
)
def test_compiled_phrases_match_whole_words_in_any_case(text: str, found: list[str]) -> None:
    pattern = compile_phrases(["deal", "accord", "Abkommen", "план", "step", "plan", "peace plan"])
    assert [m.group(0) for m in pattern.finditer(text)] == found
