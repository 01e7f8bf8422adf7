"""The qualifier that the words before a number give it: "at least 67,160", "más de 600", "כ-500". Pure.

The phrases are those of `numwords.QUALIFIERS`, in every language; `numbers.py` asks for the qualifier of each
number it reads.
"""

from __future__ import annotations

import re

from monitor.detect.figures.numbers import words
from monitor.detect.figures.numbers.kinds import HEBREW_PREFIX
from monitor.types import Qualifier

_QUALIFIER_OF = {p.lower(): q for q, phrases in words.QUALIFIERS.items() for p in phrases}
_QUALIFIER_ENDS = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in _QUALIFIER_OF)
_ARTICLES = frozenset({"the", "los", "las", "les", "le", "el", "la", "il"})
_OPENING_MARKS = "([«\"'“‘"
_PARTICLE_VERBS = frozenset(words.PARTICLE_VERBS)
_TOKEN = re.compile(r"\S+")
_GLUES = ("-", "\u05be")  # hyphen and maqaf, after a Hebrew prefix


def qualifier_before(text: str, start: int) -> tuple[int, Qualifier]:
    """The qualifier written before the number at `start`, and where it starts (`start` and "exact": none)."""
    words_before = text[max(0, start - 40) : start].split()  # the tokens below, as plain strings
    last = _word(words_before[-1]) if words_before else ""
    if last not in _QUALIFIER_ENDS and last not in _ARTICLES:
        return start, "exact"  # most numbers: no word before them ends a qualifier
    tokens = list(_TOKEN.finditer(text, max(0, start - 40), start))[-5:]
    found = _qualifier_at_end(tokens)
    if found is None and tokens and _word(tokens[-1].group()) in _ARTICLES:
        found = _qualifier_at_end(tokens[:-1])  # "about the 600", "aproximadamente el 53%"
    return found or (start, "exact")


def _word(token: str) -> str:
    """A token as the qualifier phrases spell it: lower case, no opening mark, and a Hebrew prefix as the letter
    next to the number ("כ-500" is "כ" 500, about 500; "יותר מ-1,200" is "יותר מ" 1,200, more than 1,200)."""
    word = token.casefold().lstrip(_OPENING_MARKS)
    return word[-2] if word.endswith(_GLUES) and HEBREW_PREFIX.fullmatch(word) else word


def _qualifier_at_end(tokens: list[re.Match[str]]) -> tuple[int, Qualifier] | None:
    """The qualifier (and where it starts) that the last one to three tokens spell, if any."""
    spelled = [_word(t.group()) for t in tokens[-3:]]
    for size in (3, 2, 1):
        phrase = " ".join(spelled[-size:])
        if len(tokens) >= size and phrase in _QUALIFIER_OF:
            verb = tokens[-size - 1].group().casefold() if len(tokens) > size else ""
            if verb in _PARTICLE_VERBS:
                return None  # "handed over 20 captives": "over" belongs to the verb
            first = tokens[-size].group()
            return tokens[-size].end() - len(first.lstrip(_OPENING_MARKS)), _QUALIFIER_OF[phrase]
    return None
