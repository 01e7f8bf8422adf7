"""Number phrases: value, qualifier and kind, read the way each language writes numbers."""

from __future__ import annotations

import pytest

from monitor.detect.figures.numbers.digits import parse_digits
from monitor.detect.figures.numbers.reader import NumberPhrase, find_numbers
from monitor.text.scan import Scan


def only(text: str, lang: str | None = "en") -> NumberPhrase:
    found = find_numbers(Scan.of(text), lang)
    assert len(found) == 1, found
    return found[0]


VALUES = [
    # (text, lang, value)
    ("67,160", "en", 67160),
    ("68.5 thousand", "en", 68500),
    ("half a million", "en", 500000),
    ("a quarter of a million", "en", 250000),
    ("a hundred", "en", 100),
    ("one and a half million", "en", 1_500_000),
    ("bir buçuk milyon", "tr", 1_500_000),
    ("two thousand", "en", 2000),
    ("1.2 million", "en", 1_200_000),
    ("Four", "en", 4),
    ("twenty-three", "en", 23),
    ("10k", "en", 10000),
    ("68.858", "es", 68858),
    ("68.858", "de", 68858),
    ("68.858", "it", 68858),
    ("68.858", "pt", 68858),
    ("68 858", "fr", 68858),
    ("68\u00a0858", "fr", 68858),
    ("68\u202f858", "fr", 68858),
    ("68\u00a0858", "en", 68858),
    ("68 858", "es", 68858),
    ("68,5 тыс.", "ru", 68500),
    ("170,4 тыс.", "ru", 170400),
    ("69 тысяч", "ru", 69000),
    ("68 mil 858", "es", 68858),
    ("170 mil 664", "pt", 170664),
    ("69 bin 513", "tr", 69513),
    ("1.607", "es", 1607),
    ("1,250 millones", "es", 1_250_000),
    ("1,5 millones", "es", 1_500_000),
    ("70 ألفًا", "ar", 70000),
    ("70,100", "ar", 70100),
    ("68.858", None, 68858),
    ("68,5", None, 68.5),
    ("68.5", None, 68.5),
    ("1,234,567", None, 1_234_567),
    ("1.234.567", None, 1_234_567),
    ("1,234.5", "en", 1234.5),
    ("1.234,5", "de", 1234.5),
    ("cinco", "es", 5),
    ("trois", "fr", 3),
    ("sette", "it", 7),
    ("ב-70", "he", 70),
    ("מ-1,200", "he", 1200),
]


@pytest.mark.parametrize(("text", "lang", "value"), VALUES, ids=[f"{lang}:{text}" for text, lang, _ in VALUES])
def test_reads_the_value_the_way_the_language_writes_it(text: str, lang: str | None, value: float) -> None:
    assert only(text, lang).value == value


QUALIFIERS = [
    ("at least 68,527", "en", "at_least"),
    ("no fewer than 40", "en", "at_least"),
    ("more than 170,000", "en", "more_than"),
    ("over 67,000", "en", "more_than"),
    ("nearly 100", "en", "nearly"),
    ("almost 2,000", "en", "nearly"),
    ("about 70 percent", "en", "about"),
    ("some 65%", "en", "about"),
    ("an estimated 1.9 million", "en", "about"),
    ("up to 180", "en", "up_to"),
    ("as many as 600", "en", "up_to"),
    ("fewer than 300", "en", "less_than"),
    ("less than 10%", "en", "less_than"),
    ("67,160", "en", "exact"),
    ("más de 600", "es", "more_than"),
    ("al menos 104", "es", "at_least"),
    ("ronda los 68 mil 858", "es", "about"),
    ("aproximadamente el 53%", "es", "about"),
    ("plus de 500 000", "fr", "more_than"),
    ("près de 2 000", "fr", "nearly"),
    ("oltre 20", "it", "more_than"),
    ("около 600", "ru", "about"),
    ("не менее 93", "ru", "at_least"),
    ("yaklaşık 600", "tr", "about"),
    ("yaklaşık yüzde 70", "tr", "about"),
    ("более двух тысяч", "ru", "more_than"),
    ("около трёхсот", "ru", "about"),
    ("כ-500", "he", "about"),
    ("כ־500", "he", "about"),
    ("וכ-500", "he", "about"),
    ("יותר מ-1,200", "he", "more_than"),
    ("למעלה מ-1,200", "he", "more_than"),
    ("פחות מ-100", "he", "less_than"),
    ("לפחות 70", "he", "at_least"),
    ("כמעט 2,000", "he", "nearly"),
    ("קרוב ל-600", "he", "nearly"),
    ("כ-70 אלף", "he", "about"),
]


@pytest.mark.parametrize(("text", "lang", "qualifier"), QUALIFIERS, ids=[t for t, _, _ in QUALIFIERS])
def test_keeps_the_qualifier_written_before_the_number(text: str, lang: str, qualifier: str) -> None:
    phrase = only(text, lang)
    assert (phrase.qualifier, phrase.text) == (qualifier, text)


def test_a_particle_after_a_verb_is_not_a_qualifier() -> None:
    assert only("Hamas handed over 20 captives").qualifier == "exact"


KINDS = [
    ("70 percent of Israelis", "en", "percent"),
    ("70% of Israelis", "en", "percent"),
    ("70 per cent", "en", "percent"),
    ("el 53 por ciento", "es", "percent"),
    ("yüzde 66", "tr", "percent"),
    ("yüzde yetmiş", "tr", "percent"),
    ("72 אחוזים מאזרחי ישראל", "he", "percent"),
    ("ו-19 אחוזים מתנגדים", "he", "percent"),
    ("כ-70% מהישראלים", "he", "percent"),
    ("ב-70 הרוגים", "he", "count"),
    ("ב-2023", "he", "year"),
    ("ב-7 באוקטובר", "he", "date"),
    ("ב-24 השעות האחרונות", "he", "time"),
    ("67,160 people", "en", "count"),
    ("in 2023", "en", "year"),
    ("October 7", "en", "date"),
    ("Oct. 10", "en", "date"),
    ("7 October", "en", "date"),
    ("10 de octubre", "es", "date"),
    ("le 3 octobre", "fr", "date"),
    ("25 октября", "ru", "date"),
    ("10 Ekim'deki", "tr", "date"),
    ("within 72 hours", "en", "time"),
    ("48 horas", "es", "time"),
    ("two years", "en", "time"),
    ("789 days", "en", "time"),
    ("7 p.m.", "en", "time"),
    ("10.10.2025", "ru", "date"),
    ("10/10/2025", "en", "date"),
    ("19h30", "fr", "time"),
    ("19:30", "en", "time"),
    ("a 14-year-old boy", "en", "age"),
    ("aged 43", "en", "age"),
    ("Suthisak Rintalak, 43, killed", "en", "age"),
    ("$70 billion", "en", "money"),
    ("US$1 billion", "en", "money"),
    ("50 million dollars", "en", "money"),
    ("€20", "en", "money"),
    ("the 24th body", "en", "ordinal"),
    ("la 19esima squadra", "it", "ordinal"),
    ("a 20-point plan", "en", "compound"),
    ("Resolution 2803", "en", "label"),
    ("COVID-19", "en", "label"),
    ("3-0", "it", "range"),
    ("497 times", "en", "multiple"),
]


@pytest.mark.parametrize(("text", "lang", "kind"), KINDS, ids=[t for t, _, _ in KINDS])
def test_tells_quantities_from_years_dates_times_ages_money_and_labels(text: str, lang: str, kind: str) -> None:
    assert find_numbers(Scan.of(text), lang)[0].kind == kind


def test_spans_point_into_the_text() -> None:
    text = "The toll rose to at least 68,527, officials said."
    phrase = only(text)
    assert text[phrase.start : phrase.end] == "at least 68,527"


NOT_NUMBERS = [
    ("Two-thirds of Israelis", "en"),
    ("dozens were killed", "en"),
    ("no one", "en"),
    ("un otage", "fr"),
    ("a man and a boy", "en"),
    ("Mohammed bin Salman", "en"),
    ("hundreds were wounded", "en"),
    ("yüzlerce kişi yaralandı", "tr"),
    ("on binlerce kişi", "tr"),
    ("enkaz altından çıkarıldı", "tr"),
    ("сотни погибших", "ru"),
    ("потерял семью", "ru"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_NUMBERS, ids=[t for t, _ in NOT_NUMBERS])
def test_words_that_are_not_counts_give_no_number(text: str, lang: str) -> None:
    assert find_numbers(Scan.of(text), lang) == []


INFLECTED = [
    ("более двух тысяч человек", "ru", 2000),
    ("около трёхсот", "ru", 300),
    ("около трехсот", "ru", 300),
    ("с пятидесяти", "ru", 50),
    ("двадцати пяти", "ru", 25),
    ("более семидесяти тысяч", "ru", 70000),
    ("полторы тысячи", "ru", 1500),
    ("iki bin", "tr", 2000),
    ("on iki kişi", "tr", 12),
    ("İki bin kişi", "tr", 2000),
    ("2 binden fazla", "tr", 2000),
    ("5 bini aşkın", "tr", 5000),
    ("yarım milyon", "tr", 500000),
]


@pytest.mark.parametrize(("text", "lang", "value"), INFLECTED, ids=[t for t, _, _ in INFLECTED])
def test_reads_russian_and_turkish_number_words_in_their_cases(text: str, lang: str, value: float) -> None:
    assert only(text, lang).value == value


AFTER_A_SCALE = [
    ("two thousand three hundred", "en", 2300),
    ("three hundred thousand", "en", 300000),
    ("две тысячи триста", "ru", 2300),
    ("iki bin beş yüz elli", "tr", 2550),
    ("dos mil millones", "es", 2_000_000_000),
]


@pytest.mark.parametrize(("text", "lang", "value"), AFTER_A_SCALE, ids=[t for t, _, _ in AFTER_A_SCALE])
def test_number_words_after_a_scale_word_belong_to_the_same_number(text: str, lang: str, value: float) -> None:
    phrase = only(text, lang)
    assert (phrase.value, phrase.text) == (value, text)


ZEROS = [
    ("the number of living hostages is now zero", "en"),
    ("cero camiones", "es"),
    ("zéro mort", "fr"),
    ("null Tote", "de"),
    ("снизилось до нуля", "ru"),
    ("sıfıra indi", "tr"),
    ("صفر شاحنات", "ar"),
    ("אפס חטופים", "he"),
]


@pytest.mark.parametrize(("text", "lang"), ZEROS, ids=[t for t, _ in ZEROS])
def test_reads_zero_written_as_a_word(text: str, lang: str) -> None:
    phrase = only(text, lang)
    assert (phrase.value, phrase.kind) == (0, "count")


ZERO_NAMES = [
    ("ground zero", "en"),
    ("zero tolerance", "en"),
    ("patient zero", "en"),
    ("tolerancia cero", "es"),
    ("tolérance zéro", "fr"),
    ("die Stunde null", "de"),
    ("sıfır tolerans", "tr"),
    ("אפס סובלנות", "he"),
]


@pytest.mark.parametrize(("text", "lang"), ZERO_NAMES, ids=[t for t, _ in ZERO_NAMES])
def test_a_zero_that_is_part_of_a_name_is_no_count(text: str, lang: str) -> None:
    assert only(text, lang).kind == "label"


def test_a_change_from_zero_reads_both_ends() -> None:
    assert [n.value for n in find_numbers(Scan.of("Deaths rose from zero to 12"), "en")] == [0, 12]


def test_a_hebrew_preposition_glued_to_a_number_is_not_part_of_it() -> None:
    assert only("נהרגו ב-70 תקיפות", "he").text == "70"


def test_one_as_a_pronoun_is_no_count() -> None:
    assert [n.value for n in find_numbers(Scan.of("one of the three still held; no one knows"), "en")] == [3]


def test_digits_glued_to_a_word_or_a_separator_start_no_number() -> None:
    assert [n.text for n in find_numbers(Scan.of("Model A320 jets flew 67,160 km"), "en")] == ["67,160"]


def test_the_units_after_a_scale_word_are_not_read_twice() -> None:
    assert [n.value for n in find_numbers(Scan.of("68 mil 858 muertos y 170 mil 664 heridos"), "es")] == [68858, 170664]


SEPARATORS = [
    ("67,160", "en", False, 67160),
    ("68.858", "en", False, 68858),
    ("68.858", "en", True, 68.858),
    ("1,250", "es", True, 1.25),
    ("1,250", "es", False, 1250),
    ("1.250", "es", True, 1250),
    ("68,5", "ru", True, 68.5),
    ("67\u066c160", "ar", False, 67160),
    ("2\u066b5", "ar", True, 2.5),
]


@pytest.mark.parametrize(
    ("token", "lang", "scaled", "value"), SEPARATORS, ids=[f"{lang}:{t}:{s}" for t, lang, s, _ in SEPARATORS]
)
def test_three_digits_after_a_separator_group_thousands_unless_a_scale_word_follows(
    token: str, lang: str, scaled: bool, value: float
) -> None:
    assert parse_digits(token, lang, scaled=scaled) == value


GLUED_AND_BARE = [
    # (text, lang, values): Arabic glues "and" to a number; a thousand word alone counts its units.
    ("إلى 72,063 شهيدًا و171,726 مصابًا", "ar", [72063, 171726]),
    ("68 ألفاً و875 شهيداً", "ar", [68875]),
    ("unos mil 700 presos", "es", [1700]),
    ("yaralananlar da bin 447 kişiye ulaştı", "tr", [1447]),
    ("Mohammed bin Salman met 15 envoys", "en", [15]),
    ("Pada Senin (27/10/2025) Hamas", "id", [27, 10, 2025]),
]


@pytest.mark.parametrize(("text", "lang", "values"), GLUED_AND_BARE, ids=[t for t, _, _ in GLUED_AND_BARE])
def test_reads_numbers_glued_to_and_or_after_a_lone_thousand(text: str, lang: str, values: list[float]) -> None:
    assert [n.value for n in find_numbers(Scan.of(text), lang)] == values


def test_the_day_month_and_year_of_a_slashed_date_are_no_counts() -> None:
    assert {n.kind for n in find_numbers(Scan.of("on 27/10/2025 at noon"), "en")} == {"date"}


MONEY_AND_DATES = [
    # (text, lang, [(value, kind, currency)])
    ("90 Milliarden Euro", "de", [(90e9, "money", "EUR")]),
    ("90 milliards d'euros", "fr", [(90e9, "money", "EUR")]),
    ("90 milliards €", "fr", [(90e9, "money", "EUR")]),
    ("90 мільярдів євро", "uk", [(90e9, "money", "EUR")]),
    ("90 milyar euroluk kredi", "tr", [(90e9, "money", "EUR")]),
    ("У ніч на 7 вересня 810 БпЛА", "uk", [(7, "date", None), (810, "count", None)]),
    ("понад двох тисяч полонених", "uk", [(2000, "count", None)]),
    ("her iki taraf 390 esiri serbest bıraktı", "tr", [(390, "count", None)]),
    ("the 28-Punkte-Plan", "de", [(28, "compound", None)]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), MONEY_AND_DATES, ids=[t for t, _, _ in MONEY_AND_DATES])
def test_reads_amounts_with_their_currency_and_tells_a_day_from_a_count(
    text: str, lang: str, expected: list[tuple[float, str, str | None]]
) -> None:
    assert [(n.value, n.kind, n.currency) for n in find_numbers(Scan.of(text), lang)] == expected
