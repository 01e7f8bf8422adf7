"""Rules phrases found in one pass: the one phrase syntax of every rules file, loose and strict punctuation."""

from __future__ import annotations

import pytest

from monitor.text.phrases import Hit, PhraseIndex, longest_first
from monitor.text.scan import Scan
from monitor.text.syntax import Pattern


def found(phrases: list[str], text: str, strict: bool = True) -> list[str]:
    """The texts of every hit, in the order of their ends."""
    return [text[h.start : h.end] for h in hits(phrases, text, strict)]


def hits(phrases: list[str], text: str, strict: bool = True) -> list[Hit[object]]:
    index = PhraseIndex[object]((Pattern.parse(p, strict), p) for p in phrases)
    return list(Scan.of(text, index).hits)


FINDS = [
    ("any case", ["rejected"], "Hamas REJECTED it", ["REJECTED"]),
    ("trailing wildcard", ["reject*"], "Hamas rejected it", ["rejected"]),
    ("wildcard inside a phrase", ["call* for"], "He called  for talks", ["called  for"]),
    ("line break between words", ["ruled out"], "it ruled\nout talks", ["ruled\nout"]),
    ("leading wildcard, typographic apostrophe", ["*n't"], "Israel won’t accept", ["won’t"]),
    ("elided article", ["n'"], "Le Hamas n'accepte pas", ["n"]),
    ("non-Latin script", ["رفض*"], "حماس رفضت الخطة", ["رفضت"]),
    ("prefix wildcard, Cyrillic", ["погиб*"], "погибли 93 человека", ["погибли"]),
    (
        "gap of up to three words",
        ["since * ceasefire"],
        "since the October 11 ceasefire",
        ["since the October 11 ceasefire"],
    ),
    ("gap too wide", ["since * ceasefire"], "since the fragile US-brokered October ceasefire", []),
    ("apostrophe after a word", ["hostages' bodies"], "six hostages’ bodies", ["hostages’ bodies"]),
    ("full stop inside a phrase", ["since Oct. 10"], "killed since Oct. 10, officials said", ["since Oct. 10"]),
    ("after punctuation", ["remaining"], "(remaining) 19", ["remaining"]),
    ("dotted capital", ["İsrailliler*"], "İsraillilerin yüzde 66'sı", ["İsraillilerin"]),
    ("accents folded", ["désarmement"], "le desarmement du Hamas", ["desarmement"]),
    (
        "overlapping phrases both found",
        ["killed", "killed since"],
        "12 killed since Friday",
        ["killed", "killed since"],
    ),
]


@pytest.mark.parametrize(("phrases", "text", "expected"), [c[1:] for c in FINDS], ids=[c[0] for c in FINDS])
def test_a_phrase_is_found_as_whole_words(phrases: list[str], text: str, expected: list[str]) -> None:
    assert found(phrases, text) == expected


NOT_FOUND = [
    ("inside a word", "deny", "the denying party"),
    ("prefix of a longer word without a wildcard", "accept", "acceptable terms"),
    ("inside a hyphenated compound", "backed", "the US-backed plan"),
    ("a comma between the words", "call* for", "they called, for once, a truce"),
    ("a space where the phrase has an apostrophe", "won't", "won t"),
    ("no apostrophe after an elided word", "n'", "the letter n is"),
    ("inside another word's letters", "en contra de", "ellos tienen contra de todo"),
]


@pytest.mark.parametrize(("phrase", "text"), [c[1:] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_a_strict_phrase_needs_its_own_words_and_punctuation(phrase: str, text: str) -> None:
    assert found([phrase], text) == []


LOOSE = [
    ("hyphen for a space", "al-Hayya", "Khalil al Hayya", ["al Hayya"]),
    ("spelling variant", "al-Hayya", "Khalil el-Hayyah", ["el-Hayyah"]),
    ("inside a compound", "Hamas", "the Hamas-run ministry", ["Hamas"]),
    ("after a hyphen", "brokered", "the U.S.-brokered deal", ["brokered"]),
    ("stem", "hostage*", "Hostages freed", ["Hostages"]),
]


@pytest.mark.parametrize(("phrase", "text", "expected"), [c[1:] for c in LOOSE], ids=[c[0] for c in LOOSE])
def test_a_loose_phrase_ignores_punctuation_between_words(phrase: str, text: str, expected: list[str]) -> None:
    assert found([phrase], text, strict=False) == expected


def test_a_proclitic_goes_where_a_known_word_remains() -> None:
    assert found(["חטופים"], "והחטופים שוחררו", strict=False) == ["והחטופים"]


def test_a_hit_spans_its_words_and_carries_its_value() -> None:
    [hit] = hits(["rules out"], "Netanyahu rules out Turkish troops")
    assert (hit.value, hit.first, hit.last, hit.start, hit.end) == ("rules out", 1, 2, 10, 19)


def test_of_overlapping_hits_the_longest_starting_first_is_kept() -> None:
    text = "Netanyahu rules out Turkish troops"
    chosen = longest_first(hits(["rule*", "rules out", "out"], text))
    assert [text[h.start : h.end] for h in chosen] == ["rules out"]


PARSED = [
    ("words", "rules out", ("rules", "ut"), (" ",)),
    ("stem keeps its final h", "allah*", ("alah",), ()),
    ("punctuation inside a word", "won't", ("won", "t"), ("'",)),
    ("punctuation between words", "since Oct. 10", ("since", "oct", "10"), (" ", ". ")),
    ("a lone star is a gap", "since * truce", ("since", "", "truce"), (" ", " ")),
]


@pytest.mark.parametrize(("phrase", "keys", "between"), [c[1:] for c in PARSED], ids=[c[0] for c in PARSED])
def test_a_phrase_compiles_to_word_keys_and_what_stands_between(
    phrase: str, keys: tuple[str, ...], between: tuple[str, ...]
) -> None:
    pattern = Pattern.parse(phrase, strict=True)
    assert (tuple(w.key for w in pattern.words), pattern.between) == (keys, between)


def test_a_scan_hands_each_finder_the_phrases_of_its_own_rules_in_order() -> None:
    index = PhraseIndex[object](
        [(Pattern.parse("hostage*"), "cue"), (Pattern.parse("Hamas"), 1), (Pattern.parse("released"), "cue")]
    )
    scan = Scan.of("Hamas released two hostages", index)
    assert [(h.value, h.start) for h in scan.hits_of(str)] == [("cue", 6), ("cue", 19)]
    assert [h.value for h in scan.hits_of(int)] == [1]
    assert scan.hits_of(float) == []
