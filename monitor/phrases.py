"""Rules phrases compiled into regular expressions (whole words, any case, flexible spaces). Pure.

NOTE (matching helper): the original of this file, written by the positions helper, was overwritten by
mistake when the matching helper created a module of the same name (now monitor/lexicon.py). This is a
reconstruction from how monitor/positions.py calls it; please compare with your original and replace it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_WORD_CHAR = r"\w"


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases longest first (so that the longer of two wins), spaces matching any run of white space."""
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in unique)


def _bounded(alternation: str) -> str:
    return rf"(?<!{_WORD_CHAR})(?:{alternation})(?!{_WORD_CHAR})"


def compile_phrases(phrases: Sequence[str]) -> re.Pattern[str]:
    """One pattern finding any of `phrases` as whole words; `.pattern` is the bare alternation."""
    alternation = _alternation(phrases) or r"(?!)"
    return re.compile(f"(?:{_bounded(alternation)})", re.IGNORECASE)


def compile_tagged(tagged: Sequence[tuple[str, object]]) -> tuple[re.Pattern[str], dict[str, object]]:
    """One pattern with a named group per phrase; `match.lastgroup` names the tag of what was found."""
    ordered = sorted(((p.strip(), tag) for p, tag in tagged if p.strip()), key=lambda pt: len(pt[0]), reverse=True)
    tags: dict[str, object] = {}
    groups = []
    for i, (phrase, tag) in enumerate(ordered):
        name = f"t{i}"
        tags[name] = tag
        groups.append(f"(?P<{name}>{_bounded(_alternation([phrase]))})")
    return re.compile("|".join(groups) or r"(?!)", re.IGNORECASE), tags


def ending_with(phrases: Sequence[str], reach_words: int) -> re.Pattern[str]:
    """A pattern that finds one of `phrases` followed by at most `reach_words` words and the end of the region."""
    alternation = _alternation(phrases) or r"(?!)"
    return re.compile(rf"{_bounded(alternation)}(?:\W+\w+){{0,{reach_words}}}\W*\Z", re.IGNORECASE)


def starting_with(phrases: Sequence[str]) -> re.Pattern[str]:
    """A pattern that `.match`es when the region starts with one of `phrases` (after punctuation or spaces)."""
    alternation = _alternation(phrases) or r"(?!)"
    return re.compile(rf"\W*{_bounded(alternation)}", re.IGNORECASE)
