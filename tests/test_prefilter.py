"""Regular expressions searched only where they can start (monitor/prefilter.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from monitor.detect.analyze import item_text
from monitor.detect.match.prefilter import RegexSet, literal_prefixes
from monitor.ruleset.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "data" / "eval" / "holdout.jsonl"

PREFIXES = [
    ("open", ({"open"}, 0)),
    (r"(?:end|ending|ended|ends)\s+war", ({"end"}, 0)),
    (r"bod(?:y|ies)\s+", ({"body", "bodies"}, 0)),
    (r"(?:hand(?:s|ed)?\s+over|return\w*)", ({"hand", "return"}, 0)),
    (r"neutrali[sz]\w*", ({"neutralis", "neutraliz"}, 0)),
    (r"crossings?\b", ({"crossing"}, 0)),
    (r"(?<!\w)rafah", ({"rafah"}, 0)),
    (r"\w{0,2}(?:יסיים|לסיים)", ({"יסיים", "לסיים"}, 2)),
    (r"\w+ing", None),
    (r"(?:the\s+)?war", None),
    (r"(?:war|\d+)", None),
    (r"(?i)war", None),
]


@pytest.mark.parametrize(("pattern", "expected"), PREFIXES, ids=[p for p, _ in PREFIXES])
def test_literal_prefixes_are_what_every_match_starts_with(pattern: str, expected: tuple[set[str], int] | None) -> None:
    found = literal_prefixes(re.compile(pattern))
    assert (found if found is None else (set(found[0]), found[1])) == expected


SEARCHES = [
    ("overlapping starts keep finditer's leftmost matches", [r"ab\w*", r"b\w+"], "xab abb bab"),
    ("a match inside a word counts", [r"war\w*"], "postwar warfare"),
    ("a lookbehind sees the text before the start", [r"(?<![\w-])open"], "reopen open pre-open"),
    ("characters before the prefix", [r"\w{0,2}end"], "legend bend end xxend"),
    ("a pattern without prefix", [r"\d+"], "20 hostages, 1,968 prisoners"),
    (
        "case-sensitive short forms behind lookbehinds",
        [r"(?<!\w)(?<![a-z]{2}-)(?:U\.S\.|US|UN)(?![\w$])"],
        "US and UN, not USA, US$5, en-US or UNRWA; U.S. too",
    ),
]


@pytest.mark.parametrize(("patterns", "text"), [s[1:] for s in SEARCHES], ids=[s[0] for s in SEARCHES])
def test_matches_are_those_of_finditer(patterns: list[str], text: str) -> None:
    compiled = [re.compile(p) for p in patterns]
    expected = [[m.span() for m in p.finditer(text)] for p in compiled]
    assert [[m.span() for m in found] for found in RegexSet(compiled).matches(text)] == expected


def test_the_issue_patterns_of_the_rules_find_what_finditer_finds_in_the_holdout_items() -> None:
    issues = load_rules(ROOT / "rules", {}).issues.issues
    compiled = [re.compile(p) for issue in issues for p in issue.patterns]
    regexes = RegexSet(compiled)
    records = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [item_text(r["title"], r["summary"]).lower() for r in records]
    found = [[[m.span() for m in ms] for ms in regexes.matches(text)] for text in texts]
    expected = [[[m.span() for m in p.finditer(text)] for p in compiled] for text in texts]
    assert found == expected
    assert any(spans for item in found for spans in item)  # the items do match some patterns
