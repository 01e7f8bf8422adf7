"""Number phrases in news text: value, qualifier and what kind of quantity they are. Pure.

`find_numbers(scan, lang)` returns every number phrase ("at least 67,160", "68,5 тыс.", "69 bin 513",
"half a million", "70 percent", "four", "более двух тысяч", "כ-500", "zero") with its span. Each carries a
`kind`: only `count` and `percent` can be reported figures; years, dates, times, ages, money, ordinals and labels
are recognised so that they are not.
The item language decides how "68.858" and "68,5" are read (see `numdigits.parse_digits`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from monitor.detect.figures.numbers import words
from monitor.detect.figures.numbers.digits import parse_digits
from monitor.detect.figures.numbers.kinds import NumberKind, currency_around, kind_of, next_word, previous_word
from monitor.detect.figures.numbers.qualifiers import qualifier_before
from monitor.text.normalize import base_language, fold
from monitor.text.scan import Scan
from monitor.types import Qualifier

# The kinds a metric can count: a count (or a number that names what it counts, "28-point"), a percentage, money.
FIGURE_KINDS: frozenset[str] = frozenset({"count", "compound", "percent", "money"})


class NumberPhrase(NamedTuple):
    """A number as written: `text` is `source[start:end]` and includes the qualifier. (A tuple: every number of a
    sentence with a cue is read, and a tuple is the cheapest object to build.)"""

    value: float
    qualifier: Qualifier
    kind: NumberKind
    start: int
    end: int
    text: str
    currency: str | None = None  # of an amount of money: its ISO 4217 code


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_SPACES = "\u00a0\u202f\u2009"
_GROUPED_BY_SPACE = rf"\d{{1,3}}(?:[ {_SPACES}]\d{{3}}(?!\d))+(?:,\d+)?"
_GROUPED_BY_NBSP = rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}}(?!\d))+(?:,\d+)?"
_PLAIN = r"\d+(?:[.,\u066b\u066c]\d+)*"
_SCALE_WORDS = _alternation([*words.SCALES, "mil millones"])
_SCALE_OF = {**{w.lower(): v for w, v in words.SCALES.items()}, "mil millones": 10**9}
# Abbreviations keep their full stop in `as_written` ("68,5 тыс."); after a full word it ends the sentence.
_ABBREVIATED_SCALES = "(?<=тыс)|(?<=млн)|(?<=млрд)|(?<=mio)|(?<=mrd)"
_SCALE_AFTER = re.compile(
    rf"[ {_SPACES}]*(?P<word>{_SCALE_WORDS})(?!\w)(?:(?:{_ABBREVIATED_SCALES})(?P<dot>\.))?"
    rf"(?:\s+(?:\u0648\s?)?(?P<rest>\d{{1,3}})(?!\d|[.,]\d))?",  # "69 bin 513", "68 ألفاً و875" (and 875)
    re.IGNORECASE,
)
# The first words of scale and percent words, so that their (slower) patterns are tried only after one.
_SCALE_STARTS = {w.split()[0] for w in _SCALE_OF} | {f"{w}." for w in _SCALE_OF}
_PERCENT_STARTS = {w.split()[0] for w in words.PERCENT_WORDS} | {"%", "٪"}
_PERCENT_AFTER = re.compile(rf"\s?[%٪]|\s+(?:{_alternation(words.PERCENT_WORDS)})(?!\w)", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"(?:%|yüzde\s+)$", re.IGNORECASE)
# The digits that can start a number: not glued to a word, a full stop or a comma (the look-behind of the core
# pattern, which is tried only there). The look-behind follows the first digit so that the search can skip to digits.
# Arabic glues "and", "in" and "for" to a number: "و171,726" (and 171,726), "ب70". Digits right after one of these
# letters, itself after no other letter, start a number too.
_GLUE = "\u0648\u0628\u0644"  # و ب ل
_GLUED_BEFORE = rf"(?<=(?<!\w)[{_GLUE}])"
_DIGITS = re.compile(rf"\d(?:(?<![\w.,]\d)|(?<=(?<!\w)[{_GLUE}]\d))\d*")
# A thousand word alone before the units: Spanish "mil 700" (1,700), Turkish "bin 447" (1,447).
_THOUSAND_WORDS = ("mil", "bin", "тысяча", "ألف")
_THOUSAND_NORMS = frozenset(fold(word) for word in _THOUSAND_WORDS)
_WORD_BREAK = re.compile(r"[\s-]+")  # between the words of a spelled number ("twenty-one", "two hundred")
# "one of the three", "no one", "one another": a pronoun, not a count.
_PRONOUN_ONE = re.compile(r"(?<=\bno\s)one\b|(?<=\bany\s)one\b|one\s+(?:of|another|by)\b", re.IGNORECASE)
_INDEFINITE_AMOUNTS = frozenset(words.INDEFINITE_AMOUNTS)


class NumberReader:
    """Finds number phrases in the text of one language; build once per language (see `find_numbers`)."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        small = _small_words(base_language(lang))
        self.not_after = frozenset(words.NOT_A_COUNT_AFTER.get(base_language(lang), ()))
        self.small = small
        fractions = [f for f in words.FRACTIONS if f != "a"] + [
            f"a {scale}" for scale in ("hundred", "thousand", "million")
        ]
        # The words a spelled number starts with: those that stand alone ("two", "half"), and those that need given
        # words after them ("a" in "a hundred", "a quarter of a"), looked up by their first two words: the article
        # "a" is everywhere, and nearly always before some other word.
        self.single_starts: set[str] = set()
        self.paired_starts: dict[tuple[str, ...], list[list[str]]] = {}  # (first, second word) -> the rests
        for phrase in [*small, *fractions]:
            first, *rest = [fold(word) for word in phrase.split()]
            if rest:
                self.paired_starts.setdefault((first, rest[0]), []).append(rest[1:])
            else:
                self.single_starts.add(first)
        self._paired_firsts = {first for first, _ in self.paired_starts}
        digits = _GROUPED_BY_SPACE if base_language(lang) in words.SPACE_GROUPING else _GROUPED_BY_NBSP
        spelled = _alternation(list(small))
        fraction = _alternation(list(words.FRACTIONS))
        self.core = re.compile(
            rf"(?:(?<![\w.,])|{_GLUED_BEFORE})(?P<digits>{digits}|{_PLAIN})"
            rf"|(?<![\w-])(?P<thousand>{_alternation(_THOUSAND_WORDS)})\s+(?P<units>\d{{1,3}})(?![\d.,]\d|\w)"
            rf"|(?<![\w-])(?P<fraction>{fraction})\s+(?={_SCALE_WORDS}(?!\w))"
            rf"|(?<![\w-])(?P<spelled>(?:{spelled})(?:[\s-]+(?:{spelled}|{_SCALE_WORDS})(?!\w))*)(?![\w-])",
            re.IGNORECASE,
        )

    def find(self, scan: Scan, start: int = 0, end: int | None = None) -> list[NumberPhrase]:
        """Every number phrase that starts in the scanned text's [start:end], in order (the words around it may
        lie outside)."""
        found: list[NumberPhrase] = []
        text = scan.text
        for core in self._cores(scan, start, len(text) if end is None else end):
            if found and core.start() < found[-1].end:
                continue  # the units after "68 mil", already read as part of that phrase
            phrase = self._phrase(text, core)
            if phrase is not None:
                found.append(phrase)
        return found

    def _cores(self, scan: Scan, start: int, end: int) -> Iterator[re.Match[str]]:
        # The core pattern is tried only where a number can start (digits, or a number word), since an
        # alternation of words that starts with a look-behind is slow to search for.
        digits = [m.start() for m in _DIGITS.finditer(scan.text, start, end)]
        for position in sorted(digits + self._spelled_starts(scan, start, end) + _thousand_starts(scan, start, end)):
            core = self.core.match(scan.text, position)
            if core:
                yield core

    def _spelled_starts(self, scan: Scan, start: int, end: int) -> list[int]:
        """Where the words that a spelled number starts with stand in [start, end)."""
        norms, starts = scan.tokens.norms, scan.tokens.starts
        found = []
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            if norms[i] in self.single_starts:
                found.append(starts[i])
            elif norms[i] in self._paired_firsts:
                rests = self.paired_starts.get(tuple(norms[i : i + 2]), [])
                if any(norms[i + 2 : i + 2 + len(rest)] == rest for rest in rests):
                    found.append(starts[i])
        return found

    def _phrase(self, text: str, core: re.Match[str]) -> NumberPhrase | None:
        value, end, scaled = self._value(text, core)
        pronoun = not core.group("digits") and _PRONOUN_ONE.match(text, core.start())  # digits are never "one"
        if value is None or pronoun or next_word(text, end) in _INDEFINITE_AMOUNTS or self._not_a_count(text, core):
            return None
        percent = _PERCENT_AFTER.match(text, end) if next_word(text, end) in _PERCENT_STARTS else None
        end = percent.end() if percent else end
        percent_before = _PERCENT_BEFORE.search(text, max(0, core.start() - 8), core.start())
        # A qualifier stands before a percent sign or word that comes first: "yaklaşık yüzde 70".
        start, qualifier = qualifier_before(text, percent_before.start() if percent_before else core.start())
        percent_kind = bool(percent or percent_before)
        span = (core.start(), core.end(), end)
        kind = kind_of(text, span, core.group("digits") or "", scaled, percent_kind, zero=value == 0)
        if kind == "year" and qualifier != "exact":
            kind = "count"
        currency = currency_around(text, core.start(), end) if kind == "money" else None
        return NumberPhrase(value, qualifier, kind, start, end, text[start:end], currency)

    def _not_a_count(self, text: str, core: re.Match[str]) -> bool:
        """A number word after a word that makes it none: Turkish "her iki" ("both")."""
        before = self.not_after
        return bool(before) and core.group("spelled") is not None and previous_word(text[: core.start()]) in before

    def _value(self, text: str, core: re.Match[str]) -> tuple[float | None, int, bool]:
        scale = _SCALE_AFTER.match(text, core.end()) if next_word(text, core.end()) in _SCALE_STARTS else None
        if core.group("thousand"):
            return 1000 + float(core.group("units")), core.end(), True
        if core.group("fraction"):
            base: float | None = words.FRACTIONS[_squash(core.group("fraction"))] if scale else None
        elif core.group("spelled"):
            base = self._spelled(core.group("spelled"))
        else:
            base = parse_digits(core.group("digits"), self.lang, scaled=scale is not None)
        if base is None or scale is None:
            return base, core.end(), False
        multiplier = _SCALE_OF[_squash(scale.group("word"))]
        # "68 mil 858", "69 bin 513": thousands, then the units written out after the scale word.
        remainder = scale.group("rest") if multiplier == 1000 else None
        end = scale.end("rest") if remainder else scale.end("dot") if scale.group("dot") else scale.end("word")
        return base * multiplier + float(remainder or 0), end, True

    def _spelled(self, phrase: str) -> float | None:
        """The value of number words ("twenty-one", "двух тысяч", "iki bin beş yüz elli", "dos mil millones"), None
        when one of them is no number word of the language."""
        total = current = 0.0
        for word in _WORD_BREAK.split(_lower(phrase)):
            if word in self.small:
                current += self.small[word]
                continue
            scale = _SCALE_OF.get(word)
            if scale is None:
                return None
            if scale < 1000:
                current = (current or 1) * scale  # "three hundred", "beş yüz"
            elif scale > total:
                total, current = ((total + current) or 1) * scale, 0  # "двух тысяч"; "dos mil millones": 10**9
            else:
                total, current = total + (current or 1) * scale, 0  # "two million three hundred thousand"
        return total + current


def _thousand_starts(scan: Scan, start: int, end: int) -> list[int]:
    """Where a thousand word stands alone before digits ("mil 700"): a number of its own."""
    norms, starts = scan.tokens.norms, scan.tokens.starts
    return [starts[i] for i in range(bisect_left(starts, start), bisect_left(starts, end))
            if norms[i] in _THOUSAND_NORMS]


def _squash(phrase: str) -> str:
    return " ".join(_lower(phrase).split())


def _lower(phrase: str) -> str:
    """Lower case that keeps Turkish İ one letter ("İki" -> "iki")."""
    return phrase.replace("\u0130", "i").lower()


def _small_words(lang: str) -> dict[str, int]:
    """The language's number words other than scale words, zero included (English for a language without a table),
    with ё also spelled е, as Russian often writes it ("трехсот")."""
    small = {**words.SMALL.get(lang, words.SMALL["en"]), **dict.fromkeys(words.ZERO.get(lang, words.ZERO["en"]), 0)}
    return small | {word.replace("ё", "е"): value for word, value in small.items()}


@lru_cache(maxsize=64)
def reader_for(lang: str | None) -> NumberReader:
    """The (cached) reader for one language."""
    return NumberReader(lang)


def find_numbers(scan: Scan, lang: str | None, start: int = 0, end: int | None = None) -> list[NumberPhrase]:
    """Every number phrase that starts in the scanned text's [start:end], read the way `lang` (ISO code; None:
    English) writes numbers."""
    return reader_for(lang).find(scan, start, end)
