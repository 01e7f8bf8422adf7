"""Reported figures: numbers in a text attributed to the metrics of the rules. Pure.

A number becomes a figure of a metric when one of the metric's cue phrases stands near it in the same sentence
and the metric's scope holds there (see `ScopeRule`). Cues are shared out between the numbers of a sentence
so that in "killed at least 67,160 people, including 18,000 children" each number gets the cue that
explains it best: the cheapest assignment wins, where cost grows with the words, commas and clause breaks
between a number and its cue (see `_cost`). Numbers that are not quantities (years, dates, ages, money) never
count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from monitor.numbers import FIGURE_KINDS, NumberPhrase, find_numbers
from monitor.phrases import phrase_pattern
from monitor.ruleset.schema import Metric, MetricsFile
from monitor.sentences import Span, clauses, sentences
from monitor.types import Figure, Match

_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[;:()]|\s[—–-]\s")
# Segments: the pieces of a clause between commas and coordinating conjunctions, in the corpus languages.
_SEGMENT_BREAK = re.compile(r"[,;:()]\s|\s[—–-]\s|\s(?:and|but|while|y|pero|et|mais|e|ma|и|а|ve|ama|و)\s")
_NEVER = re.compile(r"(?!x)x")
_MAX_WORDS = 16  # a cue farther than this from a number does not explain it
_UNASSIGNED = 100.0  # the cost of leaving a number without a metric: any assignment is cheaper


def compile_phrases(phrases: Sequence[str]) -> re.Pattern[str]:
    """One pattern for rules phrases; a lone `*` between words stands for up to four words in between."""
    if not phrases:
        return _NEVER
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(_gapped(p) for p in ordered), re.IGNORECASE)


def _gapped(phrase: str) -> str:
    parts = [part.strip() for part in phrase.split(" * ")]
    return r"(?:\W+\w+){0,4}?\W+".join(phrase_pattern(part) for part in parts)


@dataclass(frozen=True)
class ScopeRule:
    """A metric's constraints, compiled. See `Metric` and `Scope` in the rules schema."""

    metric: Metric
    require: re.Pattern[str] | None
    exclude: re.Pattern[str]

    @classmethod
    def of(cls, metric: Metric) -> ScopeRule:
        require = compile_phrases(metric.scope.require_any) if metric.scope.require_any else None
        return cls(metric, require, compile_phrases(metric.scope.exclude))

    def admits(self, number: NumberPhrase) -> bool:
        """Whether the number itself can be this metric: unit and range."""
        metric = self.metric
        if (number.kind == "percent") != (metric.unit == "percent"):
            return False
        low, high = metric.min_value, metric.max_value
        return (low is None or number.value >= low) and (high is None or number.value <= high)

    def holds(self, text: str, sentence: Span, clause: Span, pair: tuple[int, int]) -> bool:
        """Whether the scope holds for a number and its cue (`pair`, the span that covers both): a required
        phrase in the sentence (or within `scope.near` words), no excluded phrase in the number's clause."""
        if self.exclude.search(text, clause.start, clause.end):
            return False
        if self.require is None:
            return True
        near = self.metric.scope.near
        where = _widen(text, sentence, pair, near) if near is not None else sentence
        return self.require.search(text, where.start, where.end) is not None


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    metrics: tuple[int, ...]


class FigureFinder:
    """Finds the figures that a text reports for the metrics of the rules."""

    def __init__(
        self,
        rules: list[ScopeRule],
        cues: re.Pattern[str],
        cue_metrics: dict[str, tuple[int, ...]],
        ignore: re.Pattern[str],
        earlier: re.Pattern[str],
    ) -> None:
        self.rules = rules
        self.cues = cues
        self.cue_metrics = cue_metrics
        self.ignore = ignore
        self.earlier = earlier

    @classmethod
    def from_rules(cls, metrics: MetricsFile) -> FigureFinder:
        tagged: dict[str, list[int]] = {}
        for index, metric in enumerate(metrics.metrics):
            for cue in metric.cues:
                tagged.setdefault(cue, []).append(index)
        ordered = sorted(tagged, key=len, reverse=True)
        pattern = "|".join(f"(?P<c{i}>{_gapped(cue)})" for i, cue in enumerate(ordered))
        cue_metrics = {f"c{i}": tuple(tagged[cue]) for i, cue in enumerate(ordered)}
        earlier = re.compile(rf"(?:{compile_phrases(metrics.earlier).pattern})\s*$", re.IGNORECASE)
        return cls(
            [ScopeRule.of(m) for m in metrics.metrics],
            re.compile(pattern, re.IGNORECASE),
            cue_metrics,
            compile_phrases(metrics.ignore),
            earlier,
        )

    def find(self, text: str, lang: str | None, matches: Sequence[Match] = ()) -> list[Figure]:
        """The figures in `text` (item language `lang`), at most one per metric and value, in text order."""
        numbers = [n for n in find_numbers(text, lang) if n.kind in FIGURE_KINDS]
        figures: dict[tuple[str, float], Figure] = {}
        for sentence in sentences(text) if numbers else ():
            inside = [n for n in numbers if sentence.start <= n.start < sentence.end]
            for figure in self._in_sentence(text, sentence, inside):
                figures.setdefault((figure.metric, figure.value), figure)
        return sorted(figures.values(), key=lambda f: f.start)

    def _in_sentence(self, text: str, sentence: Span, numbers: list[NumberPhrase]) -> list[Figure]:
        starts = {n.start for n in numbers}
        numbers = [n for n in numbers if not self._ignored(text, sentence, n, starts)]
        if not numbers:
            return []
        cues = [
            _Cue(m.start(), m.end(), self.cue_metrics[m.lastgroup or ""])
            for m in self.cues.finditer(text, sentence.start, sentence.end)
        ]
        options = [self._options(text, sentence, number, cues, numbers) for number in numbers]
        chosen = _assign(options)
        return [self._figure(text, sentence, numbers[i], metric) for i, metric in chosen.items()]

    def _ignored(self, text: str, sentence: Span, number: NumberPhrase, starts: set[int]) -> bool:
        """Numbers for a short period ("in the past 24 hours") or earlier values ("up from 53%") are not news.

        A period phrase covers its segment and the segments that continue its enumeration ("17 bodies in
        24 hours, three killed by fire and 14 retrieved from rubble"): those that start with a number.
        """
        if self.earlier.search(text, max(sentence.start, number.start - 40), number.start):
            return True
        segment = _segment(text, sentence, number.start)
        while True:
            if self.ignore.search(text, segment.start, segment.end):
                return True
            if segment.start <= sentence.start or segment.start not in starts:
                return False
            segment = _segment(text, sentence, segment.start - 2)

    def _options(
        self, text: str, sentence: Span, number: NumberPhrase, cues: list[_Cue], numbers: list[NumberPhrase]
    ) -> list[tuple[float, int, int]]:
        """(cost, cue index, metric index) for every cue that can explain `number`."""
        clause = next((c for c in clauses(sentence) if c.start <= number.start < c.end), sentence)
        found = []
        for index, cue in enumerate(cues):
            if cue.start < number.end and number.start < cue.end:
                continue
            cost = _cost(text, number, cue, numbers)
            if cost > _MAX_WORDS:
                continue
            metric = self._metric(text, sentence, clause, number, cue)
            if metric is not None:
                found.append((cost, index, metric))
        return found

    def _metric(self, text: str, sentence: Span, clause: Span, number: NumberPhrase, cue: _Cue) -> int | None:
        """The first metric of the cue whose scope holds here; one whose required phrase is there goes first."""
        pair = (min(number.start, cue.start), max(number.end, cue.end))
        fitting = [
            m
            for m in cue.metrics
            if self.rules[m].admits(number) and self.rules[m].holds(text, sentence, clause, pair)
        ]
        specific = [m for m in fitting if self.rules[m].require is not None]
        return (specific or fitting)[0] if fitting else None

    def _figure(self, text: str, sentence: Span, number: NumberPhrase, metric: int) -> Figure:
        return Figure(
            self.rules[metric].metric.id,
            number.value,
            number.qualifier,
            number.text,
            sentence.text,
            number.start,
            number.end,
        )


def _cost(text: str, number: NumberPhrase, cue: _Cue, numbers: list[NumberPhrase]) -> float:
    """Words between number and cue, plus one per comma, three per clause break, two per number in between."""
    low, high = (number.end, cue.start) if number.end <= cue.start else (cue.end, number.start)
    gap = text[low:high]
    between = sum(1 for n in numbers if low <= n.start and n.end <= high)
    return len(_WORD.findall(gap)) + gap.count(",") + 3 * len(_CLAUSE_BREAK.findall(gap)) + 2 * between


def _widen(text: str, sentence: Span, pair: tuple[int, int], words: int) -> Span:
    """`pair` and up to `words` words either side of it, within the sentence."""
    low, high = pair
    before = _word_spans(text, sentence.start, low)[-words:]
    after = _word_spans(text, high, sentence.end)[:words]
    start = before[0][0] if before else low
    end = after[-1][1] if after else high
    return Span(text[start:end], start, end)


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text, start, end)]


def _segment(text: str, sentence: Span, position: int) -> Span:
    """The comma- or conjunction-delimited piece of the sentence around `position`."""
    start, end = sentence.start, sentence.end
    for found in _SEGMENT_BREAK.finditer(text, sentence.start, sentence.end):
        if found.end() <= position:
            start = found.end()
        elif found.start() >= position:
            end = found.start()
            break
    return Span(text[start:end], start, end)


def _assign(options: list[list[tuple[float, int, int]]]) -> dict[int, int]:
    """Number index -> metric index, using each cue at most once, at the least total cost."""
    best = _best(tuple(tuple(sorted(o)) for o in options), 0, frozenset())
    return {i: metric for i, metric in best[1]}


@lru_cache(maxsize=4096)
def _best(
    options: tuple[tuple[tuple[float, int, int], ...], ...], index: int, used: frozenset[int]
) -> tuple[float, tuple[tuple[int, int], ...]]:
    if index == len(options):
        return 0.0, ()
    cost, chosen = _best(options, index + 1, used)
    best = (cost + _UNASSIGNED, chosen)
    for option_cost, cue, metric in options[index][:4]:  # the four nearest cues are plenty
        if cue not in used:
            rest_cost, rest = _best(options, index + 1, used | {cue})
            if option_cost + rest_cost < best[0]:
                best = (option_cost + rest_cost, ((index, metric), *rest))
    return best
