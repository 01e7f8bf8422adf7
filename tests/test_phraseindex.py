"""Rules phrases found in one pass, with the phrase syntax of the rules files."""

from __future__ import annotations

import pytest

from monitor.phraseindex import KeyScanner, PhraseIndex, WordStarts

FOUND = [
    # (id, phrases, text, the texts found)
    ("whole word", ["killed"], "Israeli fire killed 12; unskilled", ["killed"]),
    ("any case", ["death toll"], "The Death Toll rose", ["Death Toll"]),
    ("prefix wildcard", ["погиб*"], "погибли 93 человека", ["погибли"]),
    (
        "gap of up to three words",
        ["since * ceasefire"],
        "since the October 11 ceasefire",
        ["since the October 11 ceasefire"],
    ),
    ("gap too wide", ["since * ceasefire"], "since the fragile US-brokered October ceasefire", []),
    ("typographic apostrophe", ["hostages' bodies"], "six hostages’ bodies", ["hostages’ bodies"]),
    ("not inside a compound", ["backed"], "the US-backed plan", []),
    ("longest where two start together", ["toll", "toll rises"], "Gaza toll rises", ["toll rises"]),
    ("after punctuation", ["remaining"], "(remaining) 19", ["remaining"]),
    ("dotted capital", ["İsrailliler*"], "İsraillilerin yüzde 66'sı", ["İsraillilerin"]),
]


@pytest.mark.parametrize(("phrases", "text", "expected"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_finds_rules_phrases_as_whole_words(phrases: list[str], text: str, expected: list[str]) -> None:
    assert [text[h.start : h.end] for h in PhraseIndex.of(phrases).hits(text)] == expected


def test_overlapping_matches_keep_every_tag() -> None:
    index = PhraseIndex({"killed": [0], "killed since": [1]})
    assert sorted(h.tags for h in index.matches("12 killed since Friday")) == [(0,), (1,)]


def test_a_slice_of_the_text_is_searched_with_positions_in_the_whole() -> None:
    text = "Hostages freed. Prisoners freed."
    assert [(h.start, h.end) for h in PhraseIndex.of(["freed"]).hits(text, 16)] == [(26, 31)]


def test_word_starts_reports_whole_words_only() -> None:
    text = "Two-thirds; twofold; half a million"
    assert [text[p : p + n] for p, n in WordStarts(["two", "half a"]).find(text)] == ["Two", "half a"]


def test_the_scanner_finds_word_prefixes_and_hands_back_payloads() -> None:
    scanner = KeyScanner([("погиб", False, "deaths"), ("in a", True, "a period")])
    text = "погибли 93 человека in a day; paint a wall"
    assert scanner.find(text) == [(0, "deaths"), (20, "a period")]
