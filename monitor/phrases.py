"""Rules phrase lists (stance cues, negations, speech verbs) compiled into regular expressions. Pure.

A rules phrase is a few words matched case-insensitively as whole words: any run of white space in the
text may separate its words, a straight apostrophe also matches a typographic one, and a `*` at either
end of a word matches the rest of that word ("reject*" finds rejects, rejected; "call* for" finds
calls for, called for; "*n't" finds didn't, won't). A phrase never starts inside a hyphenated compound:
"backed" is not found in "US-backed".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_NEVER = re.compile(r"(?!x)x")


def _word_pattern(word: str) -> str:
    prefix = r"\w*" if word.startswith("*") else ""
    suffix = r"\w*" if word.endswith("*") else ""
    return prefix + re.escape(word.strip("*")).replace("'", "['’]") + suffix


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one rules phrase (see the module docstring)."""
    words = phrase.split()
    body = r"\s+".join(_word_pattern(word) for word in words)
    first, last = words[0], words[-1]
    # A boundary only makes sense next to a word character: "n'" must still match inside "n'accepte".
    left = r"(?<![\w-])" if first[:1].isalnum() else ""
    right = r"(?!\w)" if last[-1:].isalnum() else ""
    return left + body + right


def _longest_first(phrases: Iterable[str]) -> list[str]:
    # Regex alternation takes the first branch that matches, so longer phrases must come first.
    return sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p.strip("*")), p))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `phrases` (the longest where several start together)."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    return re.compile("|".join(phrase_pattern(p) for p in ordered), re.IGNORECASE)


def compile_tagged(tagged: Sequence[tuple[str, object]]) -> tuple[re.Pattern[str], dict[str, object]]:
    """A pattern over phrases that each carry a tag; `tags[match.lastgroup]` tells which tag matched."""
    ordered = sorted(tagged, key=lambda pair: (-len(pair[0].strip("*")), pair[0]))
    if not ordered:
        return _NEVER, {}
    tags = {f"p{i}": tag for i, (_, tag) in enumerate(ordered)}
    pattern = "|".join(f"(?P<p{i}>{phrase_pattern(phrase)})" for i, (phrase, _) in enumerate(ordered))
    return re.compile(pattern, re.IGNORECASE), tags


def ending_with(phrases: Iterable[str], words_between: int) -> re.Pattern[str]:
    """Matches text that ends with one of `phrases` followed by at most `words_between` more words."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    alternation = "|".join(phrase_pattern(p) for p in ordered)
    # Quotes may sit between the words: "violation' of the".
    gap = "[\\s'’\"“”«»]"
    return re.compile(rf"(?:{alternation})(?:{gap}+[\w'’-]+){{0,{words_between}}}{gap}*$", re.IGNORECASE)


def starting_with(phrases: Iterable[str]) -> re.Pattern[str]:
    """Matches text that starts (after white space) with one of `phrases`."""
    ordered = _longest_first(phrases)
    if not ordered:
        return _NEVER
    return re.compile(r"\s*(?:" + "|".join(phrase_pattern(p) for p in ordered) + ")", re.IGNORECASE)
