"""Detection quality, scored by the project's scorer (shared/eval/score.py) on two annotated corpora:
the shared development corpus, which must reach the floors of the detection issue, and our own held-out
corpus (tests/data/eval/holdout.jsonl, written after the rules), whose floors guard how well the rules
generalise against regressions."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from monitor.detect.analyze import Analyzer
from monitor.dryrun import dry_run
from monitor.ruleset.loader import load_rules

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
RULES = Path(__file__).resolve().parents[1] / "rules"
CORPORA = {"dev": EVAL / "dev.jsonl", "holdout": Path(__file__).parent / "data" / "eval" / "holdout.jsonl"}
FLOORS = {
    "dev": {"entities": 0.90, "issues": 0.80, "figures": 0.80, "positions": 0.60, "relevance": 0.90,
            "figure_alerts": 0.80},
    "holdout": {"entities": 0.95, "issues": 0.90, "figures": 0.85, "positions": 0.62, "relevance": 0.90,
                "figure_alerts": 0.85},
}

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason=f"no scorer at {EVAL}")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Any]]:
    score, analyzer = scorer(), Analyzer(load_rules(RULES, {}))
    results = {}
    for name, path in CORPORA.items():
        truth = score.read_jsonl(str(path))
        output = [json.loads(json.dumps(line)) for line, _ in dry_run(analyzer, truth)]
        results[name] = dict(score.score(truth, output))
    return results


@pytest.mark.parametrize(
    ("corpus", "category", "floor"),
    [(corpus, category, floor) for corpus, floors in FLOORS.items() for category, floor in floors.items()],
    ids=[f"{corpus}-{category}" for corpus, floors in FLOORS.items() for category in floors],
)
def test_f1_reaches_the_floor(scores: dict[str, dict[str, Any]], corpus: str, category: str, floor: float) -> None:
    assert scores[corpus][category]["f1"] >= floor, scores[corpus][category]


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_item_is_answered(scores: dict[str, dict[str, Any]], corpus: str) -> None:
    answered, total = scores[corpus]["items_answered"].split("/")
    assert answered == total
