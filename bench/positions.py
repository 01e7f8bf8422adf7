"""Position extraction throughput on one core (CPU time: the machine may be shared). Prints items/s; asserts nothing.

    .venv/bin/python bench/positions.py [DEV_JSONL] [--rounds N]

The seed rules over the dev corpus texts: the scan and the matcher run once per item up front, so that the figure is
PositionFinder.find alone (the whole analysis is measured by bench/match.py).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from monitor.detect.analyze import item_text
from monitor.detect.match.matcher import Matcher
from monitor.detect.positions.finder import PositionFinder
from monitor.ruleset.loader import load_rules
from monitor.text.phrases import PhraseIndex
from monitor.text.scan import Scan

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/eval/dev.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dev", nargs="?", type=Path, default=DEV)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    rules = load_rules(ROOT / "rules", {})
    matcher = Matcher.from_rules(rules.entities, rules.issues)
    finder = PositionFinder.from_rules(rules.stances)
    records = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = PhraseIndex[object]([*matcher.vocabulary, *finder.vocabulary])
    scans = [Scan.of(item_text(r["title"], r["summary"]), index) for r in records]
    inputs = [(scan, matcher.find(scan)) for scan in scans]
    started = time.process_time()
    for _ in range(args.rounds):
        for scan, matches in inputs:
            finder.find(scan, matches)
    rate = args.rounds * len(inputs) / (time.process_time() - started)
    found = sum(len(finder.find(scan, matches)) for scan, matches in inputs)
    print(f"positions, seed rules: {rate:8.0f} items/s ({found} positions in {len(inputs)} items)")


if __name__ == "__main__":
    main()
