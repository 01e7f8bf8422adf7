"""One item through detection: scan -> match -> relevance -> figures -> positions. Pure composition.

The text is scanned once (scan.py: words, sentences, and the phrases of every rules file in one pass of one
index) and every finder reads that scan.
"""

from __future__ import annotations

from datetime import date

from monitor.detect.figures.finder import FigureFinder
from monitor.detect.figures.reasons import figure_reasons
from monitor.detect.match.matcher import Matcher
from monitor.detect.positions.finder import PositionFinder
from monitor.detect.positions.reasons import position_reasons
from monitor.ruleset.schema import Ruleset
from monitor.text.phrases import PhraseIndex
from monitor.text.scan import Scan
from monitor.text.syntax import Pattern
from monitor.types import Analysis, Direction, Figure, NotKept


def item_text(title: str, text: str) -> str:
    """The text detection reads: the title as its own sentence, then the body."""
    title = title.strip()
    if not title:
        return text
    separator = "\n" if title[-1] in ".!?:\"'”’" else ".\n"
    return f"{title}{separator}{text}" if text else title


class Analyzer:
    """Runs the detection steps that the rules compile into."""

    def __init__(self, rules: Ruleset) -> None:
        self.matcher = Matcher.from_rules(rules.entities, rules.issues)
        self.figures = FigureFinder.from_rules(rules.metrics)
        self.positions = PositionFinder.from_rules(rules.stances, rules.packs)
        vocabulary: list[tuple[Pattern, object]] = [
            *self.matcher.vocabulary,
            *self.figures.vocabulary,
            *self.positions.vocabulary,
        ]
        self.index = PhraseIndex(vocabulary)
        self.directions: dict[str, Direction] = {m.id: m.direction for m in rules.metrics.metrics}
        self.any_figure = rules.issues.relevance.any_figure
        self.baselines = {m.id: m.baseline.value for m in rules.metrics.metrics if m.baseline}

    def analyze(
        self, title: str, text: str, lang: str | None, published: date | None, *, only_relevant: bool = True
    ) -> Analysis:
        """What an item mentions and, when it belongs to the tracked story, the figures and positions it reports.

        Figures and positions of unrelated items (another ceasefire, another Kushner) are not looked for: they
        would raise false alerts. `only_relevant=False` looks for them anyway (to explain rules).
        """
        scan = Scan.of(item_text(title, text), self.index)
        matches = self.matcher.find(scan)
        relevant = self.matcher.is_relevant(scan, matches, published)
        figures: list[Figure] = []
        if not relevant and self.any_figure and self.matcher.in_period(scan, published):
            figures = self.figures.find(scan, lang, matches)
            relevant = bool(figures)
        if not relevant and only_relevant:
            # Names are still mentions, but an unrelated item is about none of the story's issues.
            return Analysis(False, tuple(m for m in matches if m.kind == "entity"))
        figures = figures or self.figures.find(scan, lang, matches)
        positions = self.positions.find(scan, matches, lang)
        return Analysis(relevant, tuple(matches), tuple(figures), tuple(positions))

    def not_kept(self, title: str, text: str, lang: str | None, kept: Analysis) -> list[NotKept]:
        """The numbers near a metric's cue and the stance cues that `kept` (this item's analysis) does not hold,
        each with why: for explaining rules, never on the daemon's path."""
        scan = Scan.of(item_text(title, text), self.index)
        matches = list(kept.matches) or self.matcher.find(scan)
        return [*figure_reasons(self.figures, scan, lang, kept.figures),
                *position_reasons(self.positions, scan, matches)]
