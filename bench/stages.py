"""Where the whole analysis spends its time: microseconds of CPU per item in each step. Prints; asserts nothing.

    .venv/bin/python -m bench.stages [DEV_JSONL] [--rounds N] [--rules DIR]

The steps of Analyzer.analyze, timed one by one over the dev corpus texts (repeated): the scan (words and every
rules phrase), entity and issue matching, relevance, figures and positions (for every item, as for a relevant
one). A step that first asks the scan for something it computes lazily (its sentences) is charged for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bench.match import Item, corpus_and_rules
from monitor.detect.analyze import Analyzer, item_text
from monitor.text.scan import Scan

STEPS = ("scan", "matching", "relevance", "figures", "positions")


def timed(step: Callable[[], object]) -> tuple[object, float]:
    started = time.process_time()
    result = step()
    return result, time.process_time() - started


def one_item(analyzer: Analyzer, item: Item, spent: dict[str, float]) -> None:
    title, text, lang, published = item
    scan, spent_now = timed(lambda: Scan.of(item_text(title, text), analyzer.index))
    spent["scan"] += spent_now
    assert isinstance(scan, Scan)
    matches, spent_now = timed(lambda: analyzer.matcher.find(scan))
    spent["matching"] += spent_now
    assert isinstance(matches, list)
    spent["relevance"] += timed(lambda: analyzer.matcher.is_relevant(scan, matches, published))[1]
    spent["figures"] += timed(lambda: analyzer.figures.find(scan, lang, matches))[1]
    spent["positions"] += timed(lambda: analyzer.positions.find(scan, matches))[1]


def main() -> None:
    items, rules, rounds = corpus_and_rules(20)
    analyzer = Analyzer(rules)
    spent = dict.fromkeys(STEPS, 0.0)
    for item in items:  # warm the caches a daemon keeps warm
        one_item(analyzer, item, spent)
    spent = dict.fromkeys(STEPS, 0.0)
    for _ in range(rounds):
        for item in items:
            one_item(analyzer, item, spent)
    count = rounds * len(items)
    for step in STEPS:
        print(f"{step:<10} {spent[step] / count * 1e6:7.1f} us per item")
    total = sum(spent.values()) / count
    print(f"{'total':<10} {total * 1e6:7.1f} us per item ({1 / total:,.0f} items/s)")


if __name__ == "__main__":
    main()
