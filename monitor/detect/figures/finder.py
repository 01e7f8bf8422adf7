"""Reported figures: numbers in a text attributed to the metrics of the rules. Pure.

A number becomes a figure of a metric when one of the metric's cue phrases stands near it in the same sentence
and the metric's scope holds there (see `ScopeRule`). Cues are shared out between the numbers of a sentence
so that in "killed at least 67,160 people, including 18,000 children" each number gets the cue that
explains it best: the cheapest assignment wins, where cost grows with the words, commas and clause breaks
between a number and its cue (see `TaggedSentence.cost`). Numbers that are not quantities (years, dates, ages,
money) never count.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from monitor.detect.figures.assign import Option, assign, rounds
from monitor.detect.figures.compiled import ScopeRule, list_tags, tagged_phrases
from monitor.detect.figures.numbers.reader import FIGURE_KINDS, NumberPhrase, find_numbers
from monitor.detect.figures.segments import TaggedSentence, Tags
from monitor.ruleset.models.metrics import MetricsFile
from monitor.text.normalize import fold, translit_key
from monitor.text.phrases import Hit, longest_first
from monitor.text.scan import Scan
from monitor.text.sentences import Span
from monitor.text.syntax import Pattern
from monitor.types import Figure, Match

MAX_WORDS = 16  # a cue farther than this from a number does not explain it
_MISFIT = 2.5  # extra cost of a cue whose metrics do not fit the number (see `_options`)


class FigureFinder:
    """Finds the figures that a text reports for the metrics of the rules."""

    def __init__(self, rules: list[ScopeRule], vocabulary: list[tuple[Pattern, Tags]]) -> None:
        self.rules = rules
        self.vocabulary = vocabulary  # the phrases to look for (analyze.py finds them with all the others)
        self.ignore_tag, self.earlier_tag, self.other_tag = list_tags(len(rules))
        # Amounts of money are read only where a metric counts money: elsewhere they are no figure.
        money = any(rule.metric.unit == "money" for rule in rules)
        self.kinds = FIGURE_KINDS if money else FIGURE_KINDS - {"money"}
        # The one-word cues, for the word glued to a compound number ("28-point": a phrase never starts inside one).
        self._word_cues = [(pattern.words[0], tags) for pattern, tags in vocabulary
                           if len(pattern.words) == 1 and tags.tags[0] < len(rules)]
        # The metrics that each cue phrase names, worked out once for the phrases that also carry scope tags (tags
        # in order: the last is the largest). A cue that carries none keeps its tags.
        count = len(rules)
        self._metric_tags = {
            tags: Tags(tuple(t for t in tags.tags if t < count))
            for _, tags in vocabulary
            if tags.tags[-1] >= count and tags.tags != (self.other_tag,)
        }

    @classmethod
    def from_rules(cls, metrics: MetricsFile) -> FigureFinder:
        vocabulary, rules = tagged_phrases(metrics)
        return cls(rules, vocabulary)

    def find(self, scan: Scan, lang: str | None, matches: Sequence[Match] = ()) -> list[Figure]:
        """The figures in the scanned text (item language `lang`), at most one per metric and value, in text
        order."""
        phrases = scan.hits_of(Tags)
        cue_starts = sorted(hit.start for hit in phrases if hit.value.tags[0] < len(self.rules))
        text = scan.text
        figures: dict[tuple[str, float], Figure] = {}
        if _GLUED_NUMBER.search(text):  # "28-point": its cue is inside it, where no phrase is found
            for figure in self._compounds(scan, lang, phrases):
                figures.setdefault((figure.metric, figure.value), figure)
        if not cue_starts and not figures:
            return []  # no cue, no figure: most items stop here
        for span in scan.sentences:
            first_cue = bisect_left(cue_starts, span.start)
            if first_cue == len(cue_starts) or cue_starts[first_cue] >= span.end:
                continue  # no cue in the sentence
            inside = tuple(hit for hit in phrases if span.start <= hit.start < span.end)
            metrics = self._possible(inside)
            if not metrics:
                continue  # none whose metric can be found here: no number to read
            numbers = [n if n.kind != "year" else self._counted_year(text, n, inside)
                       for n in find_numbers(scan, lang, span.start, span.end)]
            numbers = [n for n in numbers if n.kind in self.kinds]
            if not any(rule.admits(number) for rule in metrics for number in numbers):
                continue  # no number that one of them admits: no sentence geometry to work out
            sentence = TaggedSentence(text, span, frozenset(n.start for n in numbers), inside)
            for figure in self._in_sentence(sentence, [n for n in numbers if n.kind != "compound"]):
                figures.setdefault((figure.metric, figure.value), figure)
        found = list(figures.values())
        kept = sorted((f for f in found if not any(rounds(f, other) for other in found)), key=lambda f: f.start)
        return self._one_state_each(kept)

    def _one_state_each(self, figures: list[Figure]) -> list[Figure]:
        """At most one value of each metric that is a state (direction `any`: hostages held, a poll's share), the
        first: an item reports one current state, and its other numbers of the kind are other answers ("27%
        oppose"), earlier values or plans ("instead of 600 a day")."""
        states = {rule.metric.id for rule in self.rules if rule.metric.direction == "any"}
        seen: set[str] = set()
        kept = []
        for figure in figures:
            if figure.metric in states and figure.metric in seen:
                continue
            seen.add(figure.metric)
            kept.append(figure)
        return kept

    def _compounds(self, scan: Scan, lang: str | None, phrases: Sequence[Hit[Tags]]) -> list[Figure]:
        """The figures of compound numbers ("28-point plan"): the glued word is their cue, or they are none."""
        found = []
        for span in scan.sentences:
            if not _GLUED_NUMBER.search(scan.text, span.start, span.end):
                continue
            numbers = [n for n in find_numbers(scan, lang, span.start, span.end) if n.kind == "compound"]
            inside = tuple(hit for hit in phrases if span.start <= hit.start < span.end)
            sentence = TaggedSentence(scan.text, span, frozenset(n.start for n in numbers), inside)
            for number in numbers:
                glued = _GLUED_WORD.match(scan.text, number.end)
                key = translit_key(fold(glued.group(1))) if glued else ""
                metrics = {m for word, tags in self._word_cues if key and word.fits(key) for m in tags.tags}
                found += [self._figure(sentence, number, m) for m in sorted(metrics) if m < len(self.rules)
                          and self.rules[m].admits(number) and self.rules[m].in_sentence(sentence)]
        return found

    def _counted_year(self, text: str, number: NumberPhrase, phrases: tuple[Hit[Tags], ...]) -> NumberPhrase:
        """A number that reads as a year but is followed by what a metric counts ("1968 палестинских заключённых",
        "1968 Filistinli mahkum") is a count."""
        follows = any(text[number.end : hit.start].isspace() and hit.value.tags[0] < 3 * len(self.rules)
                      for hit in phrases if hit.start > number.end)
        return number._replace(kind="count") if follows else number

    def _possible(self, phrases: tuple[Hit[Tags], ...]) -> list[ScopeRule]:
        """The metrics that a sentence with `phrases` may report: those that a cue names, whose required phrase, if
        they have one, is in the sentence (see `ScopeRule.distance`)."""
        tags = {tag for hit in phrases for tag in hit.value.tags}
        named = [self.rules[m] for m in tags if m < len(self.rules)]
        return [rule for rule in named if rule.require is None or rule.require in tags]

    def cues_of(self, sentence: TaggedSentence) -> list[Hit[Tags]]:
        """The cue phrases of the sentence (their tags: metric indices; the words of other quantities: no metric),
        leftmost-longest, never overlapping."""
        count, metric_tags, other = len(self.rules), self._metric_tags, self.other_tag
        cues = [h for h in sentence.phrases if h.value.tags[0] < count or h.value.tags[0] == other]
        return longest_first([h._replace(value=metric_tags[h.value]) if h.value in metric_tags else h for h in cues])

    def _in_sentence(self, sentence: TaggedSentence, numbers: list[NumberPhrase]) -> list[Figure]:
        reaches = [sentence.reach(n.start) for n in numbers]
        kept = [(n, r) for n, r in zip(numbers, reaches, strict=True) if not self._ignored(sentence, n, r)]
        cues = self.cues_of(sentence) if kept else []
        numbers = [n for n, _ in kept]
        bounds = [n.start for n in numbers], [n.end for n in numbers]  # in order, never overlapping
        chosen = assign([self._options(sentence, n, reach, cues, bounds) for n, reach in kept])
        for i, (number, _) in enumerate(kept):
            if i not in chosen and sentence.elliptic(number.start):
                self._share(sentence, kept, chosen, cues, i)
        return [self._figure(sentence, numbers[i], metric) for i, (_, metric) in chosen.items() if metric is not None]

    def _share(
        self,
        sentence: TaggedSentence,
        kept: list[tuple[NumberPhrase, Span]],
        chosen: dict[int, tuple[int, int | None]],
        cues: list[Hit[Tags]],
        index: int,
    ) -> None:
        """An elliptic number without a cue of its own shares the cue of the number before it: "6,545 trucks
        offloaded in the same period, about 113 a day", "46 bodies were recovered, bringing the total to 472"."""
        number, reach = kept[index]
        before = [i for i in chosen if i < index]
        if before:
            cue = chosen[before[-1]][0]
            tags = cues[cue].value.tags
            metrics = [m for m in tags if m != self.other_tag and not self.rules[m].excludes(sentence, reach)]
            if not self._names_another(sentence, number, metrics):
                chosen[index] = (cue, self._metric(sentence, number, reach, cues[cue], metrics))

    def _names_another(self, sentence: TaggedSentence, number: NumberPhrase, metrics: list[int]) -> bool:
        """Whether the word right after the number is a required phrase of a metric the shared cue does not name:
        in "the release of 20 living hostages and 1,808 detainees", 1,808 counts detainees, not hostages."""
        after = [h for h in sentence.phrases if sentence.text[number.end : h.start].strip() == ""
                 and h.start >= number.end]
        others = {rule.require for i, rule in enumerate(self.rules) if i not in metrics and rule.require is not None}
        return any(tag in others for hit in after for tag in hit.value.tags)

    def _ignored(self, sentence: TaggedSentence, number: NumberPhrase, reach: Span) -> bool:
        """Numbers for a short period ("in the past 24 hours") or earlier values ("up from 53%") are not news; nor
        is a part that names no kind a metric counts ("released 20 hostages, among them three Argentines")."""
        return (
            sentence.just_before(self.earlier_tag, number.start)
            or sentence.has(self.ignore_tag, reach)
            or self.untracked_part(sentence, number)
        )

    def untracked_part(self, sentence: TaggedSentence, number: NumberPhrase) -> bool:
        part = sentence.in_part(number.start)
        if part is None:
            return False
        metric_phrases = 2 * len(self.rules)  # the tags of cues and required phrases
        return not any(part.start <= hit.start and hit.end <= part.end and hit.value.tags[0] < metric_phrases
                       for hit in sentence.phrases)

    def _options(
        self,
        sentence: TaggedSentence,
        number: NumberPhrase,
        reach: Span,
        cues: list[Hit[Tags]],
        bounds: tuple[list[int], list[int]],
    ) -> list[Option]:
        """(cost, cue index, metric index) for every cue near `number` (`bounds`: where the sentence's numbers start
        and end).

        A cue whose metrics do not fit still explains the number (metric None): in "20 of the hostages are
        alive and 26 dead", 26 counts the dead and must not take "alive" from 20. Only an excluded phrase
        takes the cue away: "20 living hostages were released" are released hostages, not living ones.
        """
        found: list[Option] = []
        tags = {m for cue in cues for m in cue.value.tags if m != self.other_tag}
        excluded = {m for m in tags if self.rules[m].excludes(sentence, reach)}
        starts, ends = bounds
        for index, cue in enumerate(cues):
            metrics = [m for m in cue.value.tags if m not in excluded]
            if not metrics or (cue.start < number.end and number.start < cue.end):
                continue
            if metrics == [self.other_tag]:  # "displaced 300,000": it counts what no metric tracks
                metrics = []
            low, high = (number.end, cue.start) if number.end <= cue.start else (cue.end, number.start)
            between = max(bisect_right(ends, high) - bisect_left(starts, low), 0)  # numbers within [low, high]
            cost = sentence.cost(low, high, between, limit=MAX_WORDS)
            if cost <= MAX_WORDS:
                metric = self._metric(sentence, number, reach, cue, metrics)
                found.append((cost if metric is not None or not metrics else cost + _MISFIT, index, metric))
        return found

    def _metric(
        self, sentence: TaggedSentence, number: NumberPhrase, reach: Span, cue: Hit[Tags], metrics: list[int]
    ) -> int | None:
        """Of `metrics` (of the cue), the one that fits here whose required phrase is nearest the number:
        "freed 20 hostages and 1,968 prisoners"."""
        fitting = [
            (distance, m)
            for m in metrics
            if self.rules[m].admits(number)
            and (distance := self.rules[m].distance(sentence, number, reach, cue)) is not None
        ]
        return min(fitting)[1] if fitting else None

    def _figure(self, sentence: TaggedSentence, number: NumberPhrase, metric: int) -> Figure:
        rule = self.rules[metric].metric
        text = sentence.span.text
        return Figure(rule.id, number.value, number.qualifier, number.text, text, number.start, number.end)


_GLUED_WORD = re.compile(r"-(\w+)")
_GLUED_NUMBER = re.compile(r"\d-[^\W\d]")
