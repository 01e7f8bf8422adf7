"""What kind of quantity a number phrase is: a count or a percentage, or a year, date, time, age, amount of money,
ordinal, label, range or multiple, which are never reported figures. Pure.

The kind is read from the characters glued to the digits ("24th", "12-year-old", "3-0") and from the words
next to them ("October 7", "72 hours", "$70 billion", "Resolution 2803").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from monitor.detect.figures.numbers import words

NumberKind = Literal[
    "count", "percent", "money", "year", "date", "time", "age", "ordinal", "label", "range", "multiple", "compound"
]

_CURRENCY_SIGNS = {sign: code for sign, code in words.CURRENCY_BEFORE.items() if not sign.isalpha()}
_NEXT_WORD = re.compile(r"[\s\u00a0]*(?:(?:de|del|di)\s+|d['’])?([^\W\d]+(?:\.[^\W\d]+)*\.?|\S)")
_ORDINAL_SUFFIX = re.compile(
    r"(?:st|nd|rd|th|er|ère|e|ème|º|ª|°|esim[oa]|-[йяго]+|'?[iıuü]nc[iıuü])(?!\w)", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"[\s-]*(?:years?[\s-]old|year-old|-year-old|ans\b|años\b|anni\b|yaşında)", re.IGNORECASE)
_AGE_BEFORE = ("aged", "age of", "âgé de", "âgée de", "âgés de", "di età")
_NAME_COMMA = re.compile(r"[A-Z][\w'-]+,\s$")  # "Suthisak Rintalak, 43, killed": an age in apposition
_AGE_END = re.compile(r"\s*(?:[,;)]|\.(?:\s|$))")
_RANGE = re.compile(r"\s?[-–]\s?\d")
_DATE_AFTER = re.compile(r"[/.]\d{1,2}[/.]\d{2,4}")  # "10/10/2025"
_DATE_BEFORE = re.compile(r"\d{1,2}/$")  # the month and the year of "27/10/2025" follow a day and a slash
_GLUED_LETTER = re.compile(r"-[^\W\d]|[^\W\d]")  # "3a", "12-B": a letter glued to the digits
# "28-point plan", "20-strong force": a word glued with a hyphen says what the number counts.
_GLUED_WORD = re.compile(r"-([^\W\d]{2,})(?!\w)")  # "28-Punkte-Plan" too
_CLOCK_AFTER = re.compile(r"[:h]\d{2}\b")  # "19:30", "19h30"
_MONTH = set(words.MONTHS)
_DOTTED_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")  # "10.10.2025": no number groups its digits so
_TIME_UNITS = set(words.TIME_UNITS)
_MULTIPLES = set(words.MULTIPLES)
_LABELS = set(words.LABELS)

_ZERO_NAMES = frozenset(words.ZERO_NAMES)
# Hebrew glues "and", "the", "in", "about", "to", "from", "that" to a number with a hyphen or maqaf: "ב-70" (in 70),
# "כ-500" (about 500). Such a number is no label like "COVID-19".
HEBREW_PREFIX = re.compile(r"[ובכלמהש]{1,3}[-\u05be]")


def kind_of(
    text: str, span: tuple[int, int, int], digits: str, scaled: bool, percent: bool, zero: bool = False
) -> NumberKind:
    """The kind of the number in `text` whose core (digits or words) is text[span[0]:span[1]] and whose phrase
    (scale and percent words included) ends at span[2]; `digits` is the core when written in digits, `zero`
    whether its value is zero."""
    start, core_end, end = span
    if percent:
        return "percent"
    before = text[max(0, start - 24) : start]
    previous, following = previous_word(before), next_word(text, end)
    if zero and (previous in _ZERO_NAMES or following in _ZERO_NAMES):
        return "label"  # "ground zero", "zero tolerance": a name, not a count
    if currency_of(before, previous, following):
        return "money"
    if scaled:
        return _neighbour_kind(previous, following, digits) or "count"
    return (
        _attached_kind(text[core_end : core_end + 12], before)
        or _neighbour_kind(previous, following, digits)
        or _bare_kind(text, digits, end, before)
    )


def _neighbour_kind(previous: str, following: str, digits: str = "") -> NumberKind | None:
    """What the words next to a number say: 'October 7', '72 hours', '497 times', 'Resolution 2803'. After a
    month only a day or a year is a date ("7 вересня 810 БпЛА": 810 drones)."""
    day_or_year = not digits.isdigit() or int(digits) <= 31 or len(digits) == 4
    if (previous.rstrip(".") in _MONTH and day_or_year) or following.rstrip(".").split("'")[0] in _MONTH:
        return "date"
    if following in _TIME_UNITS or following.rstrip(".") in _TIME_UNITS:
        return "time"
    if following in _MULTIPLES:
        return "multiple"
    return "label" if previous in _LABELS else None


def _bare_kind(text: str, digits: str, end: int, before: str) -> NumberKind:
    """A date ('10.10.2025'), an age ('aged 43', 'Rintalak, 43,'), a year ('in 2023') or else a count."""
    if _DOTTED_DATE.fullmatch(digits):
        return "date"
    named = before.endswith(", ") and _NAME_COMMA.search(before) is not None
    if before.rstrip().casefold().endswith(_AGE_BEFORE) or (named and _AGE_END.match(text, end)):
        return "age"
    is_year = digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100
    return "year" if is_year else "count"


def _attached_kind(after: str, before: str) -> NumberKind | None:
    """What the characters glued to a digit string say: '12-year-old', '24th', '3-0', '19:00', 'COVID-19'."""
    if _AGE_AFTER.match(after):
        return "age"
    tail = before.rstrip()
    if _RANGE.match(after) or (tail[-1:] in ("-", "–") and tail[:-1].rstrip()[-1:].isdigit()):
        return "range"
    if _DATE_AFTER.match(after) or _DATE_BEFORE.search(before):
        return "date"
    if _CLOCK_AFTER.match(after):
        return "time"
    if before[-1:] == "-" and before[-2:-1].isalpha() and not HEBREW_PREFIX.fullmatch(previous_word(before)):
        return "label"
    if _ORDINAL_SUFFIX.match(after):
        return "ordinal"
    glued = _GLUED_WORD.match(after)
    if glued:
        return "time" if glued.group(1).casefold() in _TIME_UNITS else "compound"
    if _GLUED_LETTER.match(after):
        return "label"
    return None


def previous_word(before: str) -> str:
    """The last word of `before`, case-folded (punctuation stays on it)."""
    tokens = before.split()
    return tokens[-1].casefold() if tokens else ""


def currency_of(before: str, previous: str, following: str) -> str | None:
    """The ISO code of an amount's currency: a sign or code right before the number ('$70', 'US$1 billion', 'USD
    20', '€20'; `previous`: the word before it) or a currency word after it ('140 mil millones de euros'); None
    when the number is no amount of money."""
    sign = before.rstrip()[-1:]
    return (_CURRENCY_SIGNS.get(sign) or words.CURRENCY_BEFORE.get(previous)
            or words.CURRENCY_AFTER.get(following.rstrip(".")))


def currency_around(text: str, start: int, end: int) -> str | None:
    """The currency of the amount text[start:end] (its digits, or its whole phrase), as `currency_of` reads it."""
    before = text[max(0, start - 24) : start]
    return currency_of(before, previous_word(before), next_word(text, end))


@lru_cache(maxsize=16)  # asked up to three times of each number: for a scale, a percent sign, its kind
def next_word(text: str, end: int) -> str:
    """The word after text[end], lower case, skipping "de"/"di" ("10 de octubre"); a sign if no word follows."""
    found = _NEXT_WORD.match(text, end)
    return found.group(1).lower() if found else ""
