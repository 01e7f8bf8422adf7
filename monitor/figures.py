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
from monitor.sentences import Span, sentences
from monitor.types import Figure, Match

_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[;:()]|\s[—–-]\s")
# Segments: the pieces of a clause between commas and coordinating conjunctions, in the corpus languages.
_SEGMENT_BREAK = re.compile(r"[,;:()]\s|\s[—–-]\s|\s(?:and|but|while|y|pero|et|mais|e|ma|и|а|ve|ama|و)\s")
_NEVER = re.compile(r"(?!x)x")
# Words that open a segment naming part of the previous one ("..., including 18,000 children").
_SUBSET = re.compile(
    r"(?:including|among them|of them|of whom|incluidos|incluidas|incluyendo|entre ellos|dont|parmi eux|"
    r"tra cui|di cui|darunter|в том числе|среди них|aralarında|بينهم|منهم|ביניהם)(?!\w)",
    re.IGNORECASE,
)
_MAX_WORDS = 16  # a cue farther than this from a number does not explain it
_UNASSIGNED = 100.0  # the cost of leaving a number without a metric: any assignment is cheaper
_MISFIT = 2.5  # extra cost of a cue whose metrics do not fit the number (see `_options`)


def compile_phrases(phrases: Sequence[str]) -> re.Pattern[str]:
    """One pattern for rules phrases; a lone `*` between words stands for up to three words in between."""
    if not phrases:
        return _NEVER
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(_gapped(p) for p in ordered), re.IGNORECASE)


def _gapped(phrase: str) -> str:
    parts = [part.strip() for part in phrase.split(" * ")]
    return r"(?:\W+\w+){0,3}?\W+".join(phrase_pattern(part) for part in parts)


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

    def excludes(self, text: str, reach: Span) -> bool:
        """Whether an excluded phrase is in the number's reach (its segment and the enumeration it continues)."""
        return self.exclude.search(text, reach.start, reach.end) is not None

    def requires(self, text: str, sentence: Span, pair: tuple[int, int]) -> bool:
        """Whether a required phrase is in the sentence, or within `scope.near` words of `pair`, the span that
        covers a number and its cue."""
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
        found = list(figures.values())
        return sorted((f for f in found if not any(_rounds(f, other) for other in found)), key=lambda f: f.start)

    def _in_sentence(self, text: str, sentence: Span, numbers: list[NumberPhrase]) -> list[Figure]:
        starts = {n.start for n in numbers}
        reaches = [_reach(text, sentence, n.start, starts) for n in numbers]
        kept = [(n, r) for n, r in zip(numbers, reaches, strict=True) if not self._ignored(text, sentence, n, r)]
        if not kept:
            return []
        cues = [
            _Cue(m.start(), m.end(), self.cue_metrics[m.lastgroup or ""])
            for m in self.cues.finditer(text, sentence.start, sentence.end)
        ]
        numbers = [n for n, _ in kept]
        options = [self._options(text, sentence, n, reach, cues, numbers) for n, reach in kept]
        chosen = _assign(options)
        for i, (number, reach) in enumerate(kept):
            if i not in chosen and reach.start < _segment(text, sentence, number.start).start:
                self._share(text, sentence, kept, chosen, cues, i)
        return [self._figure(sentence, numbers[i], metric) for i, (_, metric) in chosen.items() if metric is not None]

    def _share(
        self,
        text: str,
        sentence: Span,
        kept: list[tuple[NumberPhrase, Span]],
        chosen: dict[int, tuple[int, int | None]],
        cues: list[_Cue],
        index: int,
    ) -> None:
        """An elliptic number, one that opens its segment without a cue of its own, shares the cue of the number
        before it: "6,545 trucks offloaded in the same period, about 113 a day"."""
        number, reach = kept[index]
        before = [i for i in chosen if i < index and kept[i][0].start >= reach.start]
        if before:
            cue = chosen[before[-1]][0]
            metrics = [m for m in cues[cue].metrics if not self.rules[m].excludes(text, reach)]
            chosen[index] = (cue, self._metric(text, sentence, number, cues[cue], metrics))

    def _ignored(self, text: str, sentence: Span, number: NumberPhrase, reach: Span) -> bool:
        """Numbers for a short period ("in the past 24 hours") or earlier values ("up from 53%") are not news."""
        earlier = self.earlier.search(text, max(sentence.start, number.start - 40), number.start)
        return earlier is not None or self.ignore.search(text, reach.start, reach.end) is not None

    def _options(
        self,
        text: str,
        sentence: Span,
        number: NumberPhrase,
        reach: Span,
        cues: list[_Cue],
        numbers: list[NumberPhrase],
    ) -> list[tuple[float, int, int | None]]:
        """(cost, cue index, metric index) for every cue near `number`.

        A cue whose metrics do not fit still explains the number (metric None): in "20 of the hostages are
        alive and 26 dead", 26 counts the dead and must not take "alive" from 20. Only an excluded phrase
        takes the cue away: "20 living hostages were released" are released hostages, not living ones.
        """
        found: list[tuple[float, int, int | None]] = []
        for index, cue in enumerate(cues):
            if cue.start < number.end and number.start < cue.end:
                continue
            cost = _cost(text, number, cue, numbers)
            metrics = [m for m in cue.metrics if not self.rules[m].excludes(text, reach)]
            if cost <= _MAX_WORDS and metrics:
                metric = self._metric(text, sentence, number, cue, metrics)
                found.append((cost if metric is not None else cost + _MISFIT, index, metric))
        return found

    def _metric(self, text: str, sentence: Span, number: NumberPhrase, cue: _Cue, metrics: list[int]) -> int | None:
        """The first of `metrics` (of the cue) that fits here; one whose required phrase is there goes first."""
        pair = (min(number.start, cue.start), max(number.end, cue.end))
        fitting = [m for m in metrics if self.rules[m].admits(number) and self.rules[m].requires(text, sentence, pair)]
        specific = [m for m in fitting if self.rules[m].require is not None]
        return (specific or fitting)[0] if fitting else None

    def _figure(self, sentence: Span, number: NumberPhrase, metric: int) -> Figure:
        return Figure(
            self.rules[metric].metric.id,
            number.value,
            number.qualifier,
            number.text,
            sentence.text,
            number.start,
            number.end,
        )


def _rounds(coarse: Figure, fine: Figure) -> bool:
    """Whether `coarse` is `fine` rounded ("more than 600" beside 601, "70 ألفًا" beside 70,100): the same report at
    a coarser grain, which one item gives in its headline and refines in its body."""
    close = abs(coarse.value - fine.value) <= 0.05 * fine.value
    return coarse.metric == fine.metric and close and _trailing_zeros(coarse.value) > _trailing_zeros(fine.value)


def _trailing_zeros(value: float) -> int:
    digits = str(int(value)) if value == int(value) else "1"
    return len(digits) - len(digits.rstrip("0"))


def _cost(text: str, number: NumberPhrase, cue: _Cue, numbers: list[NumberPhrase]) -> float:
    """Words between number and cue, plus two per segment break (comma, "and"), one more per clause break and
    two per number in between: a cue explains the number of its own segment first."""
    low, high = (number.end, cue.start) if number.end <= cue.start else (cue.end, number.start)
    gap = text[low:high]
    between = sum(1 for n in numbers if low <= n.start and n.end <= high)
    breaks = len(_SEGMENT_BREAK.findall(gap)) + gap.endswith(",")
    return len(_WORD.findall(gap)) + 2 * breaks + len(_CLAUSE_BREAK.findall(gap)) + 2 * between


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


def _reach(text: str, sentence: Span, position: int, starts: set[int]) -> Span:
    """The segment of the number at `position`, extended back over the segments whose enumeration it continues:
    in "17 bodies in 24 hours, three killed by fire and 14 retrieved from rubble" the segments that start with
    a number share the first one's period; in "would be freed within 72 hours, 2,000 prisoners released" its mood;
    in "the famine caused 463 deaths, including 157 children" a subset shares what its whole is about.
    """
    segment = _segment(text, sentence, position)
    start = segment.start
    while start > sentence.start and (start in starts or _SUBSET.match(text, start)):
        start = _segment(text, sentence, start - 2).start
    return Span(text[start : segment.end], start, segment.end)


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


def _assign(options: list[list[tuple[float, int, int | None]]]) -> dict[int, tuple[int, int | None]]:
    """Number index -> (cue index, metric index or None: a cue of no metric that fits), each cue explaining at
    most one number, at the least total cost."""
    best = _best(tuple(tuple(sorted(o)) for o in options), 0, frozenset())
    return {index: (cue, metric) for index, cue, metric in best[1]}


@lru_cache(maxsize=4096)
def _best(
    options: tuple[tuple[tuple[float, int, int | None], ...], ...], index: int, used: frozenset[int]
) -> tuple[float, tuple[tuple[int, int, int | None], ...]]:
    if index == len(options):
        return 0.0, ()
    cost, chosen = _best(options, index + 1, used)
    best = (cost + _UNASSIGNED, chosen)
    for option_cost, cue, metric in options[index][:4]:  # the four nearest cues are plenty
        if cue not in used:
            rest_cost, rest = _best(options, index + 1, used | {cue})
            if option_cost + rest_cost < best[0]:
                best = (option_cost + rest_cost, ((index, cue, metric), *rest))
    return best
