"""Number phrases in news text: value, qualifier and what kind of quantity they are. Pure.

`find_numbers(text, lang)` returns every number phrase ("at least 67,160", "68,5 тыс.", "69 bin 513",
"half a million", "70 percent", "four") with its span. Each carries a `kind`: only `count` and `percent` can
be reported figures; years, dates, times, ages, money, ordinals and labels are recognised so that they are
not.
The item language decides how "68.858" and "68,5" are read (see `parse_digits`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from monitor import numwords as words
from monitor.types import Qualifier

Kind = Literal["count", "percent", "money", "year", "date", "time", "age", "ordinal", "label", "range", "multiple"]
FIGURE_KINDS: frozenset[str] = frozenset({"count", "percent"})


@dataclass(frozen=True)
class NumberPhrase:
    """A number as written: `text` is `source[start:end]` and includes the qualifier."""

    value: float
    qualifier: Qualifier
    kind: Kind
    start: int
    end: int
    text: str


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_SPACES = "\u00a0\u202f\u2009"
_GROUPED_BY_SPACE = rf"\d{{1,3}}(?:[ {_SPACES}]\d{{3}}(?!\d))+(?:,\d+)?"
_GROUPED_BY_NBSP = rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}}(?!\d))+(?:,\d+)?"
_PLAIN = r"\d+(?:[.,\u066b\u066c]\d+)*"
_SCALE_WORDS = _alternation([*words.SCALES, "mil millones"])
_QUALIFIER_OF = {p.lower(): q for q, phrases in words.QUALIFIERS.items() for p in phrases}
_QUALIFIER_BEFORE = re.compile(
    rf"(?<!\w)({_alternation(list(_QUALIFIER_OF))})\s*(?:the|los|las|les|le|el|la|il)?\s*$", re.IGNORECASE
)
_SCALE_OF = {**{w.lower(): v for w, v in words.SCALES.items()}, "mil millones": 10**9}
# Abbreviations keep their full stop in `as_written` ("68,5 тыс."); after a full word it ends the sentence.
_ABBREVIATED_SCALES = "(?<=тыс)|(?<=млн)|(?<=млрд)|(?<=mio)|(?<=mrd)"
_SCALE_AFTER = re.compile(
    rf"[ {_SPACES}]*(?P<word>{_SCALE_WORDS})(?!\w)(?:(?:{_ABBREVIATED_SCALES})(?P<dot>\.))?"
    rf"(?:\s+(?P<rest>\d{{1,3}})(?!\d|[.,]\d))?",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(rf"\s?[%٪]|\s+(?:{_alternation(words.PERCENT_WORDS)})(?!\w)", re.IGNORECASE)
_PERCENT_BEFORE = re.compile(r"(?:%|yüzde\s+)$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(rf"(?:{_alternation(words.CURRENCY_BEFORE)})\s?$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\s\u00a0]*(?:(?:de|del|di)\s+)?([^\W\d]+(?:\.[^\W\d]+)*\.?|\S)")
_PREVIOUS_WORD = re.compile(r"(\S+)\s*$")
_ORDINAL_SUFFIX = re.compile(
    r"(?:st|nd|rd|th|er|ère|e|ème|º|ª|°|esim[oa]|-[йяго]+|'?[iıuü]nc[iıuü])(?!\w)", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"[\s-]*(?:years?[\s-]old|year-old|-year-old|ans\b|años\b|anni\b|yaşında)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:aged|age of|âgée?s? de|di età|de \d+ años de edad)\s*$", re.IGNORECASE)
_NAME_COMMA = re.compile(r"[A-Z][\w'-]+,\s$")  # "Suthisak Rintalak, 43, killed": an age in apposition
_AGE_END = re.compile(r"\s*(?:[,;)]|\.(?:\s|$))")
_RANGE = re.compile(r"\s?[-–]\s?\d")
_ISO_DATE = re.compile(r"[-/.]\d{1,2}[-/.]\d{2,4}|:\d{2}")
_MONTH = set(words.MONTHS)
# "one of the three", "no one", "one another": a pronoun, not a count.
_PRONOUN_ONE = re.compile(r"(?<=\bno\s)one\b|(?<=\bany\s)one\b|one\s+(?:of|another|by)\b", re.IGNORECASE)
_TIME_UNITS = set(words.TIME_UNITS)
_MULTIPLES = set(words.MULTIPLES)
_LABELS = set(words.LABELS)
_PARTICLE_VERBS = set(words.PARTICLE_VERBS)
_CURRENCY_AFTER = set(words.CURRENCY_AFTER)


def parse_digits(token: str, lang: str | None, scaled: bool = False) -> float:
    """The value of a digit string, reading its separators the way `lang` writes numbers.

    A separator followed by exactly three digits groups thousands, since counts are whole numbers; only before
    a scale word ("1,250 millones") does the language's decimal mark decide.
    """
    token = token.translate({0x066C: ",", 0x066B: ".", 0xA0: " ", 0x202F: " ", 0x2009: " "})
    if " " in token:
        return float(token.replace(" ", "").replace(",", "."))
    separators = [c for c in token if c in ".,"]
    if not separators:
        return float(token)
    decimal_mark = "," if _base(lang) in words.DOT_GROUPING | words.SPACE_GROUPING else "."
    last = separators[-1]
    if len(set(separators)) == 2:
        return _join(token, decimal=last)
    if len(separators) > 1:
        return _join(token, decimal=None)
    after = len(token) - token.index(last) - 1
    if after != 3 or (scaled and last == decimal_mark):
        return _join(token, decimal=last)
    return _join(token, decimal=None)


def _base(lang: str | None) -> str:
    return (lang or "en").split("-")[0].lower()


def _join(token: str, decimal: str | None) -> float:
    if decimal is None:
        return float(token.replace(",", "").replace(".", ""))
    grouping = "." if decimal == "," else ","
    return float(token.replace(grouping, "").replace(decimal, "."))


class NumberReader:
    """Finds number phrases in the text of one language; build once per language (see `find_numbers`)."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        small = words.SMALL.get(_base(lang), words.SMALL["en"])
        self.small = small
        digits = _GROUPED_BY_SPACE if _base(lang) in words.SPACE_GROUPING else _GROUPED_BY_NBSP
        spelled = _alternation(list(small))
        fraction = _alternation(list(words.FRACTIONS))
        self.core = re.compile(
            rf"(?<![\w.,])(?P<digits>{digits}|{_PLAIN})"
            rf"|(?<![\w-])(?P<fraction>{fraction})\s+(?={_SCALE_WORDS}(?!\w))"
            rf"|(?<![\w-])(?P<spelled>(?:{spelled})(?:[\s-]+(?:{spelled}|hundred)(?!\w))*)(?![\w-])",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[NumberPhrase]:
        """Every number phrase in `text`, in order."""
        found: list[NumberPhrase] = []
        for core in self.core.finditer(text):
            if found and core.start() < found[-1].end:
                continue  # the units after "68 mil", already read as part of that phrase
            phrase = self._phrase(text, core)
            if phrase is not None:
                found.append(phrase)
        return found

    def _phrase(self, text: str, core: re.Match[str]) -> NumberPhrase | None:
        value, end, scaled = self._value(text, core)
        if value is None or _PRONOUN_ONE.match(text, core.start()):
            return None
        percent = _PERCENT_AFTER.match(text, end)
        end = percent.end() if percent else end
        start, qualifier = self._qualifier(text, core.start())
        kind = self._kind(text, core, end, scaled, bool(percent) or self._percent_before(text, core.start()))
        if kind == "year" and qualifier != "exact":
            kind = "count"
        return NumberPhrase(value, qualifier, kind, start, end, text[start:end])

    def _value(self, text: str, core: re.Match[str]) -> tuple[float | None, int, bool]:
        scale = _SCALE_AFTER.match(text, core.end())
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

    def _spelled(self, phrase: str) -> float:
        total = current = 0
        for word in re.split(r"[\s-]+", phrase.lower()):
            if word in self.small:
                current += self.small[word]
            elif word == "hundred":
                current = (current or 1) * 100
        return float(total + current)

    @staticmethod
    def _percent_before(text: str, start: int) -> bool:
        return _PERCENT_BEFORE.search(text, max(0, start - 8), start) is not None

    @staticmethod
    def _qualifier(text: str, start: int) -> tuple[int, Qualifier]:
        before = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
        if not before or _previous_word(text[max(0, before.start() - 12) : before.start()]) in _PARTICLE_VERBS:
            return start, "exact"  # "handed over 20 captives": "over" belongs to the verb
        return before.start(), _QUALIFIER_OF[_squash(before.group(1))]

    def _kind(self, text: str, core: re.Match[str], end: int, scaled: bool, percent: bool) -> Kind:
        if percent:
            return "percent"
        after_core = text[core.end() : core.end() + 12]
        before = text[max(0, core.start() - 24) : core.start()]
        if _CURRENCY_BEFORE.search(before) or _next_word(text, end) in _CURRENCY_AFTER:
            return "money"
        if not scaled and (kind := _attached_kind(after_core, before)):
            return kind
        previous, following = _previous_word(before), _next_word(text, end)
        if previous.rstrip(".") in _MONTH or following.rstrip(".").split("'")[0] in _MONTH:
            return "date"
        if following in _TIME_UNITS or following.rstrip(".") in _TIME_UNITS:
            return "time"
        if following in _MULTIPLES:
            return "multiple"
        if previous in _LABELS:
            return "label"
        if not scaled and (_AGE_BEFORE.search(before) or _NAME_COMMA.search(before) and _AGE_END.match(text, end)):
            return "age"
        digits = core.group("digits") or ""
        if digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100 and not scaled:
            return "year"
        return "count"


def _attached_kind(after: str, before: str) -> Kind | None:
    """What the characters glued to a digit string say: '12-year-old', '24th', '3-0', '19:00', 'COVID-19'."""
    if _AGE_AFTER.match(after):
        return "age"
    if _RANGE.match(after) or re.search(r"\d\s?[-–]\s?$", before):
        return "range"
    if _ISO_DATE.match(after):
        return "time"
    if re.search(r"[^\W\d]-$", before):
        return "label"
    if _ORDINAL_SUFFIX.match(after):
        return "ordinal"
    if re.match(r"-[^\W\d]|[^\W\d]", after):
        return "label"
    return None


def _previous_word(before: str) -> str:
    found = _PREVIOUS_WORD.search(before)
    return found.group(1).lower() if found else ""


def _next_word(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text, end)
    return found.group(1).lower() if found else ""


def _squash(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@lru_cache(maxsize=64)
def reader_for(lang: str | None) -> NumberReader:
    """The (cached) reader for one language."""
    return NumberReader(lang)


def find_numbers(text: str, lang: str | None) -> list[NumberPhrase]:
    """Every number phrase in `text`, read the way `lang` (ISO code; None: English) writes numbers."""
    return reader_for(lang).find(text)
