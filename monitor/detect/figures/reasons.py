"""Why a number of a sentence with a metric's cue is no figure: what `monitor explain` says of it. Pure.

The reasons are checked in the order the finder applies its rules: the kind of number, the phrases that make a
segment's numbers no running total, the nearest cue, then each metric of that cue (unit, range, scope); a
number that fits all of them lost its cue to a nearer number, or repeats a state or a rounded report.
"""

from __future__ import annotations

from collections.abc import Sequence

from monitor.detect.figures.finder import MAX_WORDS, FigureFinder
from monitor.detect.figures.numbers.reader import NumberPhrase, find_numbers
from monitor.detect.figures.segments import TaggedSentence, Tags
from monitor.text.phrases import Hit
from monitor.text.scan import Scan
from monitor.text.sentences import Span
from monitor.types import Figure, NotKept

_NOT_COUNTS = {"year": "a year", "date": "a date", "time": "a time or a duration", "age": "an age",
               "ordinal": "an ordinal ('24th')", "label": "a label or name ('COVID-19', 'Resolution 2803')",
               "range": "one end of a range or a score", "multiple": "a multiple ('three times')",
               "money": "an amount of money (no metric counts money)",
               "compound": "a compound number whose glued word is no cue ('20-strong')"}


def figure_reasons(finder: FigureFinder, scan: Scan, lang: str | None, kept: Sequence[Figure]) -> list[NotKept]:
    """For each number of a sentence with a metric's cue that is not among `kept`, why not."""
    phrases = scan.hits_of(Tags)
    found = []
    for span in scan.sentences:
        inside = tuple(hit for hit in phrases if span.start <= hit.start < span.end)
        if not any(hit.value.tags[0] < len(finder.rules) for hit in inside):
            continue
        numbers = find_numbers(scan, lang, span.start, span.end)
        sentence = TaggedSentence(scan.text, span, frozenset(n.start for n in numbers), inside)
        line = scan.text[span.start : span.end]
        for number in numbers:
            if not any(f.start == number.start and f.end == number.end for f in kept):
                found.append(NotKept("figure", number.text, line, _reason(finder, sentence, number, kept)))
    return found


def _reason(finder: FigureFinder, sentence: TaggedSentence, number: NumberPhrase, kept: Sequence[Figure]) -> str:
    if number.kind not in ("count", "percent") and number.kind not in finder.kinds:
        return _NOT_COUNTS.get(number.kind, number.kind)
    reach = sentence.reach(number.start)
    if sentence.just_before(finder.earlier_tag, number.start):
        return "an earlier or compared value ('up from', 'compared with': metrics.earlier)"
    ignored = _tagged_in(sentence, finder.ignore_tag, reach)
    if ignored:
        return f"its segment says it is no running total ({ignored!r}: metrics.ignore)"
    if finder.untracked_part(sentence, number):
        return "a part of a number before it ('including', 'among them') that names no kind a metric counts"
    cue = _nearest_cue(finder, sentence, number)
    if cue is None:
        return f"no metric's cue within {MAX_WORDS} words"
    text = sentence.text[cue.start : cue.end]
    metrics = [m for m in cue.value.tags if m < len(finder.rules)]
    if not metrics:
        return f"it counts something no metric tracks ({text!r}: other_quantities)"
    return "; ".join(_metric_reason(finder, sentence, number, reach, cue, m, kept) for m in metrics)


def _metric_reason(
    finder: FigureFinder, sentence: TaggedSentence, number: NumberPhrase, reach: Span, cue: Hit[Tags], index: int,
    kept: Sequence[Figure],
) -> str:
    rule = finder.rules[index]
    metric = rule.metric
    if not rule.admits(number):
        low, high = metric.min_value, metric.max_value
        if low is not None and number.value < low:
            return f"{metric.id}: below its min_value {low:g}"
        if high is not None and number.value > high:
            return f"{metric.id}: above its max_value {high:g}"
        return f"{metric.id}: counts {metric.unit}{f' in {metric.currency}' if metric.currency else ''}, not this"
    excluded = _tagged_in(sentence, rule.exclude, reach)
    if excluded:
        return f"{metric.id}: excluded by {excluded!r} (scope.exclude)"
    if rule.distance(sentence, number, reach, cue) is None:
        return f"{metric.id}: none of its scope.require_any where it must be"
    if any(f.metric == metric.id for f in kept):
        return f"{metric.id}: the item gives another value of it (a state keeps its first, a rounded value its exact)"
    return f"{metric.id}: its cue {sentence.text[cue.start:cue.end]!r} explains a nearer number"


def _nearest_cue(finder: FigureFinder, sentence: TaggedSentence, number: NumberPhrase) -> Hit[Tags] | None:
    options = []
    for cue in finder.cues_of(sentence):
        if cue.start < number.end and number.start < cue.end:
            continue
        low, high = (number.end, cue.start) if number.end <= cue.start else (cue.end, number.start)
        cost = sentence.cost(low, high, 0, limit=MAX_WORDS)
        if cost <= MAX_WORDS:
            options.append((cost, cue.start, cue))
    return min(options, key=lambda o: (o[0], o[1]))[2] if options else None


def _tagged_in(sentence: TaggedSentence, tag: int, where: Span) -> str | None:
    hits = [h for h in sentence.tagged(tag) if where.start <= h.start and h.end <= where.end]
    return sentence.text[hits[0].start : hits[0].end] if hits else None
