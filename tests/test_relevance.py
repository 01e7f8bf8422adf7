"""Relevance: each key of `relevance` in issues.yaml, then the seed rules on real-world items."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.detect.analyze import Analyzer, item_text
from monitor.detect.match.matcher import Matcher
from monitor.ruleset.loader import load_rules
from monitor.ruleset.models.entities import EntitiesFile
from monitor.ruleset.models.issues import IssuesFile
from tests.support.scanning import scanned

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = EntitiesFile.model_validate(
    {
        "version": 1,
        "entities": [
            {"id": "netanyahu", "name": "Benjamin Netanyahu", "kind": "person", "aliases": ["Netanyahu"]},
            {"id": "rubio", "name": "Marco Rubio", "kind": "person", "aliases": ["Rubio"]},
        ],
    }
)
TRUCE = {"id": "ceasefire", "label": "Ceasefire", "keywords": ["truce", "ceasefire"]}


def matcher_with(**relevance: Any) -> Matcher:
    issues = IssuesFile.model_validate({"version": 1, "relevance": relevance, "issues": [TRUCE]})
    return Matcher.from_rules(ENTITIES, issues)


def relevant(matcher: Matcher, text: str, published: date | None = date(2025, 10, 20)) -> bool:
    scan = scanned(matcher, text)
    return matcher.is_relevant(scan, matcher.find(scan), published)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2017, 11, 27), False),
        (date(2025, 9, 1), True),
        (datetime(2025, 10, 10, 8, 30, tzinfo=UTC), True),
        (None, True),
    ],
    ids=["before", "on-the-day", "a-datetime", "undated"],
)
def test_since_drops_what_was_published_before(published: date | None, expected: bool) -> None:
    matcher = matcher_with(since="2025-09-01")
    assert relevant(matcher, "The truce held overnight.", published) is expected


@pytest.mark.parametrize(("any_issue", "expected"), [(True, True), (False, False)], ids=["on", "off"])
def test_any_issue_makes_an_issue_match_enough(any_issue: bool, expected: bool) -> None:
    matcher = matcher_with(any_issue=any_issue)
    assert relevant(matcher, "The truce held overnight.") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Netanyahu met Rubio to discuss Gaza.", True),
        ("Netanyahu met Rubio in Jerusalem.", False),
        ("Netanyahu spoke about Gaza.", False),
    ],
    ids=["entities-and-context", "entities-without-context", "context-with-one-entity"],
)
def test_enough_entities_with_a_context_word_make_an_item_relevant(text: str, expected: bool) -> None:
    matcher = matcher_with(any_issue=False, min_entities=2, context=["Gaza"])
    assert relevant(matcher, text) is expected


def test_without_context_words_enough_entities_suffice() -> None:
    assert relevant(matcher_with(any_issue=False, min_entities=2), "Netanyahu met Rubio in Jerusalem.")


def test_an_exclusion_phrase_outweighs_everything() -> None:
    matcher = matcher_with(exclude=["Lebanon front"], context=["Gaza"])
    assert not relevant(matcher, "On the Lebanon front the truce held, Netanyahu told Rubio about Gaza.")


def _dev_items() -> list[dict[str, Any]]:
    path = ROOT / "tests" / "data" / "relevance" / "items.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed() -> Matcher:
    rules = ROOT / "rules"
    entities = EntitiesFile.model_validate(yaml.safe_load((rules / "entities.yaml").read_text(encoding="utf-8")))
    issues = IssuesFile.model_validate(yaml.safe_load((rules / "issues.yaml").read_text(encoding="utf-8")))
    return Matcher.from_rules(entities, issues)


@pytest.mark.parametrize("item", _dev_items(), ids=lambda item: item["id"])
def test_seed_rules_tell_the_story_from_its_distractors(seed: Matcher, item: dict[str, Any]) -> None:
    text = item_text(item["title"], item["summary"])
    assert relevant(seed, text, date.fromisoformat(item["date"])) is item["relevant"]


@pytest.fixture(scope="module")
def seed_analyzer() -> Analyzer:
    return Analyzer(load_rules(ROOT / "rules", {}))


def test_a_report_of_a_tracked_figure_is_news(seed_analyzer: Analyzer) -> None:
    analysis = seed_analyzer.analyze(
        "Gaza death toll rises to 67,194, health ministry says",
        "The health ministry in Gaza said on Wednesday that at least 67,194 Palestinians have been killed since "
        "October 2023.", "en", date(2025, 10, 8))
    assert analysis.relevant
    assert [(f.metric, f.value) for f in analysis.figures] == [("gaza_deaths_total", 67194)]


def test_a_number_of_another_quantity_makes_no_item_news(seed_analyzer: Analyzer) -> None:
    analysis = seed_analyzer.analyze(
        "Thailand and Cambodia sign a peace accord",
        "The border conflict has killed dozens and displaced more than 300,000 people since July, in the presence "
        "of US President Donald Trump.", "en", date(2025, 10, 26))
    assert not analysis.relevant
