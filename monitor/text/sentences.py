"""Split plain text into sentences and clauses, keeping character spans. Pure."""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol, TypeVar

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) and white space,
# but not after a single capital letter or a common abbreviation ("U.S. envoy", "Gen. Smith").
_ABBREVIATED = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gen",
    "St",
    "No",
    "vs",
    "Lt",
    "Sgt",
    "Col",
    "Capt",
    "Maj",
    "Sen",
    "Rep",
    "Gov",
    "Prof",
    "Jr",
    "Sr",
    "Mt",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mrd",
    "Mio",
    "Nr",
    "ca",
    "bzw",
)
# German writes a date's day as an ordinal with a full stop: "am 10. Oktober" goes on.
_GERMAN_MONTHS = "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_ORDINAL_DATE = rf"(?!(?<=\d\.)\s+(?:{_GERMAN_MONTHS})\b)"
# Checked after the full stop, so that the engine only tries them at a full stop: one look-behind per length of
# abbreviation (a look-behind has a fixed width), not one per abbreviation.
_NOT_ABBREVIATED = r"(?<!\b[A-Z]\.)" + "".join(
    rf"(?<!\b(?:{'|'.join(word for word in _ABBREVIATED if len(word) == size)})\.)"
    for size in sorted({len(word) for word in _ABBREVIATED})
)
# A sentence starts with a capital (Latin, Cyrillic), a digit, or a letter of a script without case (he, ar);
# a line break always ends one (a title without a full stop).
_SENTENCE_START = r"[\"'“‘«(\[¿¡]?[A-Z0-9\u00C0-\u00DE\u0130\u015E\u0400-\u042F\u0590-\u06FF]"
# (The look-ahead first: the engine passes over every other character at once.)
_SENTENCE_END = re.compile(
    r"(?=[.!?\n])(?:[!?]|\." + _NOT_ABBREVIATED + _ORDINAL_DATE + r")[.!?]*[\"'”’»)\]]*\s+(?=" + _SENTENCE_START
    + r")|\n\s*"
)
_CLAUSE_END = re.compile(r"[;:]\s+|,\s+(?=(?:but|while|whereas|although|though|and)\b)|\s+[—–]\s+")


class Span(NamedTuple):
    """A piece of a text and where it is. (A tuple: an item has dozens, and a tuple is the cheapest to build.)"""

    text: str
    start: int
    end: int


def _split(text: str, boundary: re.Pattern[str], offset: int = 0) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for found in boundary.finditer(text):
        _add_span(spans, text, offset, start, found.start() + len(found.group(0).rstrip()))
        start = found.end()
    _add_span(spans, text, offset, start, len(text))
    return spans


def _add_span(spans: list[Span], text: str, offset: int, start: int, end: int) -> None:
    """text[start:end] without the white space around it, as a span of the whole text (`offset` is where `text`
    starts in it), unless it is only white space."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append(Span(stripped, offset + start, offset + start + len(stripped)))


def sentences(text: str) -> list[Span]:
    """The sentences of `text`, each with its span in `text`."""
    return _split(text, _SENTENCE_END)


def clauses(sentence: Span) -> list[Span]:
    """The clauses of a sentence (split at ; : dashes and ', but/while/...'), spans in the original text."""
    return _split(sentence.text, _CLAUSE_END, sentence.start)


class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Located = TypeVar("Located", bound=_Located)


def within(found: list[Located], span: Span) -> tuple[Located, ...]:
    """The ones of `found` (in order) that lie within `span`."""
    return tuple(f for f in found if span.start <= f.start and f.end <= span.end)
