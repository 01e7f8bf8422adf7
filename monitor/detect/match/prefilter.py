"""Regular expressions searched only where they can start: at their literal prefixes. Pure.

`re.finditer` tries a pattern at every character of a text. Most rules patterns start with words ("(?:open\\w*|
clos\\w*)\\s+..."), so their matches can only start where one of those words' literal beginnings ("open", "clos")
occurs: one Aho-Corasick pass finds those places for every pattern at once, and each pattern is tried there
only. The matches are exactly those of `finditer` (leftmost, not overlapping). A pattern whose matches may start
with anything (a class such as `\\w`, an optional part) is searched the ordinary way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import ahocorasick

# The standard library's own parser of regular expressions (no public interface exposes the parsed form).
_parser: Any = importlib.import_module("re._parser")

_MAX_PREFIXES = 256  # past this many alternatives, a pattern stops at the prefixes it has
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})  # consume nothing: a prefix goes on after them
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_ONE_CHARACTER = frozenset({"LITERAL", "NOT_LITERAL", "IN", "ANY", "CATEGORY"})
_MAX_SLACK = 4  # a pattern that may start with more characters of any kind is searched the ordinary way

Prefixes = tuple[frozenset[str], bool]  # the literal beginnings of a part, and whether they are all of it


def literal_prefixes(pattern: re.Pattern[str]) -> tuple[frozenset[str], int] | None:
    """Strings one of which every match of `pattern` starts with, after at most so many characters of any kind
    ("\\w{0,2}(?:...)"); None when a match may start with anything."""
    if pattern.flags & re.IGNORECASE:
        return None
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    slack = 0
    while items and (width := _short_repeat(*items[0])) is not None:
        slack, items = slack + width, items[1:]
    found, _ = _sequence(items)
    if "" in found:
        return None
    # "end" finds where "ending" starts too: the longer ones add nothing.
    return frozenset(p for p in found if not any(p != q and p.startswith(q) for q in found)), slack


def _short_repeat(op: Any, argument: Any) -> int | None:
    """How many characters an optional repeat of one character ("\\w{0,2}") takes at most; None for any other
    element."""
    if op.name not in _REPEATS or argument[0] != 0 or argument[1] > _MAX_SLACK or len(argument[2]) != 1:
        return None
    return int(argument[1]) if argument[2][0][0].name in _ONE_CHARACTER else None


def _sequence(items: list[tuple[Any, Any]]) -> Prefixes:
    found = frozenset({""})
    for op, argument in items:
        options, complete = _item(op.name, argument)
        extended = frozenset(a + b for a in found for b in options)
        if len(extended) > _MAX_PREFIXES:
            return found, False
        found = extended
        if not complete:
            return found, False
    return found, True


def _item(op: str, argument: Any) -> Prefixes:
    """The literal beginnings of one parsed element (empty string: it may begin with anything)."""
    if op == "LITERAL":
        return frozenset({chr(argument)}), True
    if op in _ZERO_WIDTH:
        return frozenset({""}), True
    if op == "IN" and all(kind.name == "LITERAL" for kind, _ in argument):
        return frozenset(chr(code) for _, code in argument), True
    if op == "SUBPATTERN" and not (argument[1] or argument[2]):  # a group that sets no flags
        return _sequence(list(argument[3]))
    if op == "BRANCH":
        branches = [_sequence(list(branch)) for branch in argument[1]]
        return frozenset().union(*(b for b, _ in branches)), all(complete for _, complete in branches)
    if op in _REPEATS and argument[0] >= 1:
        found, complete = _sequence(list(argument[2]))
        return found, complete and argument[0] == argument[1] == 1
    return frozenset({""}), False


class RegexSet:
    """Patterns whose matches in a text are found together (see the module docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._patterns = list(patterns)
        owners: dict[str, list[tuple[int, int]]] = {}  # prefix -> (pattern, slack) of each pattern it starts
        anywhere = []  # patterns tried at every character
        for index, pattern in enumerate(self._patterns):
            prefixes = literal_prefixes(pattern)
            if prefixes is None:
                anywhere.append(index)
                continue
            found, slack = prefixes
            for prefix in found:
                owners.setdefault(prefix, []).append((index, slack))
        self._anywhere = frozenset(anywhere)
        self._automaton: Any = None
        if owners:
            self._automaton = ahocorasick.Automaton()
            for prefix, indices in owners.items():
                self._automaton.add_word(prefix, (len(prefix), tuple(indices)))
            self._automaton.make_automaton()

    def matches(self, text: str) -> list[list[re.Match[str]]]:
        """The matches of each pattern in `text`, as `finditer` finds them."""
        starts: dict[int, set[int]] = {}  # only the patterns whose prefixes occur: most often, none or a few
        if self._automaton is not None:
            for end, (length, owners) in self._automaton.iter(text):
                start = end - length + 1
                for index, slack in owners:
                    starts.setdefault(index, set()).update(range(max(start - slack, 0), start + 1))
        found: list[list[re.Match[str]]] = [[] for _ in self._patterns]
        for index in self._anywhere:
            found[index] = list(self._patterns[index].finditer(text))
        for index, places in starts.items():
            found[index] = list(_leftmost(self._patterns[index], text, places))
        return found


def _leftmost(pattern: re.Pattern[str], text: str, starts: set[int]) -> Iterator[re.Match[str]]:
    """The matches `finditer` finds, when every one of them starts at one of `starts` (never empty: a match
    holds a literal prefix)."""
    free = 0  # where the last match ended: matches do not overlap
    for start in sorted(starts):
        if start >= free and (found := pattern.match(text, start)):
            free = found.end()
            yield found
