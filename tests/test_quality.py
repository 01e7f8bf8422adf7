"""Detection quality on the shared development corpus: the dry run scored by the project's scorer must reach
the floors of the detection issue. The corpus lives beside the repository in shared/eval (read-only)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from monitor.analyze import Analyzer
from monitor.dryrun import dry_run
from monitor.ruleset.loader import load_rules

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
RULES = Path(__file__).resolve().parents[1] / "rules"
FLOORS = {"entities": 0.90, "issues": 0.80, "figures": 0.80, "positions": 0.60, "relevance": 0.90,
          "figure_alerts": 0.80}

pytestmark = pytest.mark.skipif(not (EVAL / "dev.jsonl").exists(), reason=f"no evaluation corpus at {EVAL}")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    score = scorer()
    truth = score.read_jsonl(str(EVAL / "dev.jsonl"))
    lines = [line for line, _ in dry_run(Analyzer(load_rules(RULES, {})), truth)]
    output = [json.loads(json.dumps(line)) for line in lines]
    return dict(score.score(truth, output))


@pytest.mark.parametrize(("category", "floor"), FLOORS.items(), ids=FLOORS.keys())
def test_dev_corpus_f1_reaches_the_floor(scores: dict[str, Any], category: str, floor: float) -> None:
    assert scores[category]["f1"] >= floor, scores[category]


def test_every_item_is_answered(scores: dict[str, Any]) -> None:
    answered, total = scores["items_answered"].split("/")
    assert answered == total
