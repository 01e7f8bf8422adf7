"""Folding, transliteration keys, tokens and proclitics: the ground every match stands on."""

from __future__ import annotations

import pytest

from monitor.text.normalize import fold, tokenize, translit_key, without_proclitic


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Türkiye", "turkiye"),
        ("António Guterres", "antonio guterres"),
        ("İbrahim Kalın", "ibrahim kalin"),
        ("HAMAS", "hamas"),
        ("ＵＮ", "un"),
        ("أحمد", "احمد"),
        ("إسرائيل", "اسراييل"),
        ("غزة", "غزه"),
        ("مستشفى", "مستشفي"),
        ("حـــماس", "حماس"),
        ("حَمَاس", "حماس"),
        ("נְתַנְיָהוּ", "נתניהו"),
        ("Хамас", "хамас"),
        ("Hama\u0301s", "hamas"),
    ],
    ids=[
        "turkish-umlaut",
        "portuguese-accent",
        "turkish-dotted-and-dotless-i",
        "capitals",
        "fullwidth",
        "arabic-hamza-alef",
        "arabic-hamza-below-and-on-yeh",
        "arabic-ta-marbuta",
        "arabic-alef-maqsura",
        "arabic-tatweel",
        "arabic-harakat",
        "hebrew-niqqud",
        "cyrillic-case",
        "decomposed-accent",
    ],
)
def test_fold_makes_spellings_of_one_word_equal(written: str, folded: str) -> None:
    assert fold(written) == folded


def _key(phrase: str) -> str:
    return " ".join(tokenize(phrase).keys)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Khalil al-Hayya", "Khalil Al-Hayyah"),
        ("Khalil al-Hayya", "Khalil al Haya"),
        ("Khalil al-Hayya", "Khalil el-Hayya"),
        ("Witkoff", "Witkof"),
        ("Guterres", "Gutteres"),
        ("Fawzi Barhoum", "Fawzi Barhum"),
        ("Al Thani", "Al-Thani"),
        ("Qassem", "Kassem"),
    ],
    ids=["final-h", "doubled-and-spaced", "article-el", "double-f", "double-t", "ou-u", "hyphen", "q-k"],
)
def test_transliteration_variants_share_a_key(one: str, other: str) -> None:
    assert _key(one) == _key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Hamas", "Hamad"), ("Katz", "Kats"), ("Alexander", "al Exander"), ("Rubio", "Rubin")],
    ids=["different-letter", "different-ending", "article-only-as-a-word", "other-name"],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert _key(one) != _key(other)


def test_a_stem_keeps_its_final_h() -> None:
    assert (translit_key("allah", stem=True), translit_key("allah")) == ("alah", "ala")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Netanyahu's office", ["netanyahu", "s", "office"]),
        ("the U.S.-brokered deal", ["the", "u", "s", "brokered", "deal"]),
        ("Hamas-run health ministry", ["hamas", "run", "health", "ministry"]),
        ("Gazze'deki Filistin", ["gazze", "deki", "filistin"]),
        ("ח'ליל אל-חיה", ["ח", "ליל", "אל", "חיה"]),
    ],
    ids=["possessive", "abbreviation-and-hyphen", "hyphenated-compound", "turkish-apostrophe", "hebrew-geresh"],
)
def test_tokens_split_at_apostrophes_hyphens_and_dots(text: str, words: list[str]) -> None:
    assert tokenize(text).norms == words


@pytest.mark.parametrize(
    "text",
    ["Gaza's Hamas-run health ministry", "İbrahim Kalın, Türkiye", "Hama\u0301s said", "ﬁnal word"],
    ids=["ascii", "turkish-letters", "decomposed", "ligature-expands-when-folded"],
)
def test_token_spans_point_at_the_original_words(text: str) -> None:
    tokens = tokenize(text)
    for norm, start, end in zip(tokens.norms, tokens.starts, tokens.ends, strict=True):
        assert fold(text[start:end]) == norm


@pytest.mark.parametrize(
    ("word", "known", "expected"),
    [
        ("ונתניהו", {"נתניהו"}, "נתניהו"),
        ("בנתניהו", {"נתניהו"}, "נתניהו"),
        ("בغزه", {"غزه"}, "בغزه"),
        ("بغزه", {"غزه"}, "غزه"),
        ("وحماس", {"حماس"}, "حماس"),
        ("والرهائن", {"رهائن"}, "رهائن"),
        ("ונתניהו", {"ישראל"}, "ונתניהו"),
        ("hamas", {"amas"}, "hamas"),
    ],
    ids=[
        "hebrew-and",
        "hebrew-in",
        "mixed-script-untouched",
        "arabic-in",
        "arabic-and",
        "arabic-and-the",
        "unknown-remainder-untouched",
        "latin-untouched",
    ],
)
def test_a_proclitic_goes_only_when_a_known_word_remains(word: str, known: set[str], expected: str) -> None:
    assert without_proclitic(word, frozenset(known), ()) == expected


def test_a_proclitic_goes_when_a_known_stem_remains() -> None:
    assert without_proclitic("והחטופים", frozenset(), ("חטופ",)) == "חטופים"
