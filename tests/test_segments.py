"""Sentence geometry for figure attribution: segments, reaches, ellipsis, distances."""

from __future__ import annotations

import pytest

from monitor.detect.figures.segments import TaggedSentence
from monitor.text.sentences import Span


def sentence(text: str, *numbers: str) -> TaggedSentence:
    return TaggedSentence(text, Span(text, 0, len(text)), frozenset(text.index(n) for n in numbers))


REACHES = [
    # (id, text, numbers in it, the number asked about, its reach)
    (
        "own segment",
        "Israel freed 1,968 prisoners, the ministry said so.",
        ["1,968"],
        "1,968",
        "Israel freed 1,968 prisoners",
    ),
    (
        "enumeration shares the period",
        "17 bodies in 24 hours, three killed and 14 retrieved",
        ["17", "three", "14"],
        "14",
        "17 bodies in 24 hours, three killed and 14 retrieved",
    ),
    (
        "a subset shares its whole",
        "The famine caused 463 deaths, including 157 children",
        ["463", "157"],
        "157",
        "The famine caused 463 deaths, including 157 children",
    ),
    (
        "an apposition joins",
        "Strikes killed 104 on Tuesday, the deadliest day since the truce",
        ["104"],
        "104",
        "Strikes killed 104 on Tuesday, the deadliest day since the truce",
    ),
    (
        "a new clause does not",
        "Hamas freed 20 hostages and Israel freed 1,968 prisoners",
        ["20", "1,968"],
        "1,968",
        "Israel freed 1,968 prisoners",
    ),
]


@pytest.mark.parametrize(
    ("text", "numbers", "number", "expected"), [c[1:] for c in REACHES], ids=[c[0] for c in REACHES]
)
def test_a_number_reaches_the_segments_it_continues(text: str, numbers: list[str], number: str, expected: str) -> None:
    assert sentence(text, *numbers).reach(text.index(number)).text == expected


ELLIPTIC = [
    (
        "number opens its segment",
        "6,545 trucks in the period, about 113 a day",
        ["6,545", "about 113"],
        "about 113",
        True,
    ),
    ("result word", "46 bodies were recovered, bringing the total to 472", ["46", "472"], "472", True),
    ("a part is another quantity", "Israel released 1,968, including 250 lifers", ["1,968", "250"], "250", False),
    ("first segment", "Some 113 a day", ["113"], "113", False),
]


@pytest.mark.parametrize(
    ("text", "numbers", "number", "expected"), [c[1:] for c in ELLIPTIC], ids=[c[0] for c in ELLIPTIC]
)
def test_a_number_that_continues_a_segment_may_lack_its_noun(
    text: str, numbers: list[str], number: str, expected: bool
) -> None:
    assert sentence(text, *numbers).elliptic(text.index(number)) is expected


def test_distance_counts_words_breaks_and_numbers_between() -> None:
    text = "20 of the hostages are alive, and 26 dead"
    gap_start, gap_end = text.index("26") + 2, text.index("dead")
    assert sentence(text, "20", "26").cost(text.index("alive") + 5, text.index("26"), 0) == 1 + 2 * 1
    assert sentence(text, "20", "26").cost(gap_start, gap_end, 0) == 0
    assert sentence(text, "20", "26").cost(2, text.index("alive"), 1) == 4 + 2


def test_a_distance_past_the_limit_is_only_known_to_exceed_it() -> None:
    text = "20 of the hostages are alive, and 26 dead"
    found = sentence(text, "20", "26")
    assert found.cost(2, text.index("alive"), 1, limit=6) == found.cost(2, text.index("alive"), 1) == 6
    assert found.cost(2, len(text), 0, limit=3) > 3


def test_widening_takes_whole_words_within_the_sentence() -> None:
    text = "Sur les 48 otages, 20 seraient toujours vivants"
    start = text.index("20")
    assert sentence(text).widen(start, start + 2, 2).text == "48 otages, 20 seraient toujours"
