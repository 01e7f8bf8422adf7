"""Rules phrases as patterns: whole words, any case, flexible spaces, wildcards at word ends."""

from __future__ import annotations

import pytest

from monitor.phrases import PhraseIndex, compile_phrases, longest_first

FINDS = [
    ("any case", "rejected", "Hamas REJECTED it", "REJECTED"),
    ("trailing wildcard", "reject*", "Hamas rejected it", "rejected"),
    ("wildcard inside a phrase", "call* for", "He called  for talks", "called  for"),
    ("line break between words", "ruled out", "it ruled\nout talks", "ruled\nout"),
    ("typographic apostrophe", "*n't", "Israel won’t accept", "won’t"),
    ("elided article", "n'", "Le Hamas n'accepte pas", "n'"),
    ("non-Latin script", "رفض*", "حماس رفضت الخطة", "رفضت"),
]


@pytest.mark.parametrize(("phrase", "text", "found"), [c[1:] for c in FINDS], ids=[c[0] for c in FINDS])
def test_a_phrase_matches_whole_words(phrase: str, text: str, found: str | None) -> None:
    hit = compile_phrases([phrase]).search(text)
    assert (hit.group(0) if hit else None) == found


NOT_FOUND = [
    ("inside a word", "deny", "the denying party"),
    ("inside a hyphenated compound", "backed", "the US-backed plan"),
    ("prefix of a longer word without a wildcard", "accept", "acceptable"),
]


@pytest.mark.parametrize(("phrase", "text"), [c[1:] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_a_phrase_does_not_match_part_of_a_word(phrase: str, text: str) -> None:
    assert compile_phrases([phrase]).search(text) is None


def test_of_overlapping_hits_the_longest_starting_first_is_kept() -> None:
    index = PhraseIndex([("rule*", "short"), ("rules out", "long"), ("out", "other")])
    text = "Netanyahu rules out Turkish troops"
    assert [(text[s:e], tag) for s, e, tag in longest_first(index.hits(text, 0, len(text)))] == [("rules out", "long")]


INDEX_NOT_FOUND = [
    ("inside a word", "en contra de", "ellos tienen contra de todo"),
    ("inside a hyphenated compound", "backed", "the US-backed plan"),
    ("prefix of a longer word", "accept", "acceptable terms"),
]


@pytest.mark.parametrize(("phrase", "text"), [c[1:] for c in INDEX_NOT_FOUND], ids=[c[0] for c in INDEX_NOT_FOUND])
def test_the_index_finds_a_phrase_only_as_whole_words(phrase: str, text: str) -> None:
    assert PhraseIndex([(phrase, None)]).hits(text, 0, len(text)) == []


def test_the_index_finds_a_wildcard_phrase_and_an_elided_word() -> None:
    index = PhraseIndex([("accept*", "a"), ("call* for", "c")])
    text = "Le Hamas n'accepte pas; Egypt called for talks"
    assert [(text[s:e], tag) for s, e, tag in index.hits(text, 0, len(text))] == [("accepte", "a"), ("called for", "c")]


def test_the_index_finds_phrases_only_inside_the_given_range() -> None:
    index = PhraseIndex([("said", None)])
    text = "He said so. She said no."
    assert [s for s, _, _ in index.hits(text, 12, len(text))] == [16]


def test_the_index_keeps_offsets_in_text_whose_lower_case_is_longer() -> None:
    index = PhraseIndex([("reddetti", None)])
    text = "İsrail reddetti"
    assert [text[s:e] for s, e, _ in longest_first(index.hits(text, 0, len(text)))] == ["reddetti"]
