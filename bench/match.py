"""Matching and whole-analysis throughput on one core. Prints items/s; asserts nothing.

    .venv/bin/python bench/match.py [DEV_JSONL] [--rounds N] [--rules DIR]

1. matching: the seed rules (rules/) over the dev corpus texts, repeated: scan + Matcher.find + is_relevant
   (the detection issue's matching floor: 2,000/s);
2. the whole Analyzer (matching, then figures and positions for the relevant items) with the seed rules: no
   floor, reported (the dev texts are nearly all relevant and dense with figures and stances);
3. a generated ruleset of 5,000 entities x 3 aliases over the same texts, each with two generated names
   planted, one misspelt (floor 500/s).
"""

from __future__ import annotations

import argparse
import json
import random
import string
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from monitor.detect.analyze import Analyzer, item_text
from monitor.detect.match.matcher import Matcher
from monitor.ruleset.loader import load_rules
from monitor.ruleset.models.entities import EntitiesFile
from monitor.ruleset.models.issues import IssuesFile
from monitor.ruleset.schema import Ruleset
from monitor.text.phrases import PhraseIndex
from monitor.text.scan import Scan

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/eval/dev.jsonl")

Item = tuple[str, str, str | None, date | None]


def read_items(path: Path) -> list[Item]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["title"], r["summary"], r.get("lang"), date.fromisoformat(r["date"])) for r in records]


def generated_entities(count: int, aliases: int, seed: int = 7) -> EntitiesFile:
    """`count` people with `aliases` two-word names each, letters drawn at random (reproducibly)."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9))).capitalize()

    entities = [
        {
            "id": f"e{i}",
            "name": f"{word()} {word()}",
            "kind": "person",
            "aliases": [f"{word()} {word()}" for _ in range(aliases - 1)],
        }
        for i in range(count)
    ]
    return EntitiesFile.model_validate({"version": 1, "entities": entities})


def planted(items: Sequence[Item], entities: EntitiesFile, seed: int = 11) -> list[Item]:
    """The items with two generated names added to each: one as written, one misspelt (a letter dropped)."""
    rng = random.Random(seed)
    names = [alias for e in entities.entities for alias in e.aliases]
    out = []
    for title, text, lang, published in items:
        exact, other = rng.sample(names, 2)
        cut = rng.randrange(1, len(other) - 1)
        out.append((title, f"{text} {exact} met {other[:cut]}{other[cut + 1 :]} on Tuesday.", lang, published))
    return out


def rate(run: Callable[[Item], object], items: Sequence[Item], rounds: int) -> float:
    for item in items:  # warm the caches a daemon keeps warm
        run(item)
    # CPU time of this process: other work on a shared machine does not count against us.
    started = time.process_time()
    for _ in range(rounds):
        for item in items:
            run(item)
    return rounds * len(items) / (time.process_time() - started)


def matching(matcher: Matcher) -> Callable[[Item], object]:
    index = PhraseIndex[object](matcher.vocabulary)

    def run(item: Item) -> object:
        scan = Scan.of(item_text(item[0], item[1]), index)
        return matcher.is_relevant(scan, matcher.find(scan), item[3])

    return run


def corpus_and_rules(rounds: int) -> tuple[list[Item], Ruleset, int]:
    """The command line of a detection benchmark: the texts (dev corpus), the rules and how many rounds."""
    parser = argparse.ArgumentParser()
    parser.add_argument("dev", nargs="?", type=Path, default=DEV)
    parser.add_argument("--rounds", type=int, default=rounds)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules", help="rules directory (default: the seed rules)")
    args = parser.parse_args()
    return read_items(args.dev), load_rules(args.rules, {}), args.rounds


def main() -> None:
    items, rules, rounds = corpus_and_rules(40)
    seed = Matcher.from_rules(rules.entities, rules.issues)
    print(f"matching, seed rules:            {rate(matching(seed), items, rounds):8.0f} items/s")
    analyzer = Analyzer(rules)
    whole = rate(lambda i: analyzer.analyze(*i), items, rounds)
    print(f"whole analysis, seed rules:      {whole:8.0f} items/s")
    started = time.perf_counter()
    generated = generated_entities(5000, 3)
    big = Matcher.from_rules(generated, IssuesFile.model_validate({"version": 1, "issues": []}))
    print(f"  (5,000 x 3 aliases compiled in {time.perf_counter() - started:.2f} s)")
    big_rate = rate(matching(big), planted(items, generated), max(rounds // 4, 1))
    print(f"matching, 5,000 x 3 aliases:     {big_rate:8.0f} items/s (two generated names planted per item)")


if __name__ == "__main__":
    main()
