"""The metrics rules compiled for finding figures: each metric's scope as a `ScopeRule`, and every phrase of
metrics.yaml with the tags that say what it is to which metric (see `tagged_phrases`). Pure.

`figures.FigureFinder` looks the phrases up in a scan and asks the rules whether a number can be a metric there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from monitor.detect.figures.numbers.reader import NumberPhrase
from monitor.detect.figures.segments import TaggedSentence, Tags
from monitor.ruleset.models.metrics import Metric, MetricsFile
from monitor.text.phrases import Hit
from monitor.text.sentences import Span
from monitor.text.syntax import Pattern

# What a metric of each unit counts: a compound number ("28-point plan") is a count of its glued word.
_UNIT_OF_KIND = {"count": "count", "compound": "count", "percent": "percent", "money": "money"}


@dataclass(frozen=True)
class ScopeRule:
    """A metric's constraints. Its phrases are found with all the others (see `tagged_phrases`): it keeps tags."""

    metric: Metric
    require: int | None
    exclude: int

    def admits(self, number: NumberPhrase) -> bool:
        """Whether the number itself can be this metric: unit (and currency) and range."""
        metric = self.metric
        if _UNIT_OF_KIND.get(number.kind) != metric.unit:
            return False
        if metric.currency is not None and number.currency != metric.currency:
            return False
        low, high = metric.min_value, metric.max_value
        return (low is None or number.value >= low) and (high is None or number.value <= high)

    def in_sentence(self, sentence: TaggedSentence) -> bool:
        """Whether the metric's required phrase, if it has one, is in the sentence (for a number without a reach)."""
        return self.require is None or bool(sentence.tagged(self.require))

    def excludes(self, sentence: TaggedSentence, reach: Span) -> bool:
        """Whether an excluded phrase is in the number's reach (its segment and the enumeration it continues)."""
        return sentence.has(self.exclude, reach)

    def distance(self, sentence: TaggedSentence, number: NumberPhrase, reach: Span, cue: Hit[Tags]) -> float | None:
        """How far from the number the nearest required phrase is (None: there is none where it must be).

        It must be in the sentence or, with `scope.near`, within that many words of the number and its cue or in
        the segments its reach continues. A metric without required phrases fits at any distance, after those
        that have one.
        """
        if self.require is None:
            return math.inf
        required = sentence.tagged(self.require)
        if not required:
            return None  # the common case: no required phrase in the sentence, so none near the number
        low, high = min(number.start, cue.start), max(number.end, cue.end)
        near = self.metric.scope.near
        # The segments that the number's own continues count as near: "Sur les 48 otages, 20 seraient vivants".
        before = Span("", reach.start, sentence.segment(number.start).start)
        areas = (sentence.widen(low, high, near), before) if near else (sentence.span,)
        found = [
            max(hit.start - number.end, number.start - hit.end, 0)
            for hit in required
            if any(area.start <= hit.start and hit.end <= area.end for area in areas)
        ]
        return min(found, default=None)


def list_tags(metric_count: int) -> tuple[int, int, int]:
    """The tags of the `ignore`, the `earlier` and the `other_quantities` phrases, after the three of each metric."""
    return 3 * metric_count, 3 * metric_count + 1, 3 * metric_count + 2


def tagged_phrases(metrics: MetricsFile) -> tuple[list[tuple[Pattern, Tags]], list[ScopeRule]]:
    """Every phrase of the rules with its tags: metric i's cues carry tag i, its required phrases n + i, its
    excluded phrases 2n + i (n metrics); the ignored phrases carry 3n, the earlier ones 3n + 1, and the words of
    other quantities 3n + 2 unless a metric names them. One pass over a text finds them all."""
    n = len(metrics.metrics)
    tagged: dict[str, list[int]] = {}
    rules = []
    for i, metric in enumerate(metrics.metrics):
        for tag, phrases in ((i, metric.cues), (n + i, metric.scope.require_any), (2 * n + i, metric.scope.exclude)):
            for phrase in phrases:
                tagged.setdefault(phrase, []).append(tag)
        rules.append(ScopeRule(metric, n + i if metric.scope.require_any else None, 2 * n + i))
    ignore_tag, earlier_tag, other_tag = list_tags(n)
    for tag, phrases in ((ignore_tag, metrics.ignore), (earlier_tag, metrics.earlier)):
        for phrase in phrases:
            tagged.setdefault(phrase, []).append(tag)
    for phrase in metrics.other_quantities:
        tagged.setdefault(phrase, [other_tag])  # a word that a metric or a list names is theirs
    # Tags in order: a phrase is a cue when its first tag is a metric index.
    return [(Pattern.parse(phrase, strict=True), Tags(tuple(sorted(tags)))) for phrase, tags in tagged.items()], rules
