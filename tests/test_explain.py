"""`monitor explain` says why: each number near a metric's cue and each stance cue that detection did not keep,
with the rule that set it aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.detect.analyze import Analyzer
from monitor.ruleset.loader import load_rules

RULES = Path(__file__).parent.parent / "rules"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_rules(RULES, {}))


def reasons(analyzer: Analyzer, text: str, lang: str = "en") -> dict[str, str]:
    analysis = analyzer.analyze("", text, lang, None, only_relevant=False)
    return {n.text: n.reason for n in analyzer.not_kept("", text, lang, analysis)}


WHY_NOT = [
    ("below a range", "The Gaza toll rose to 1,200 killed.", "1,200", "below its min_value"),
    ("out of scope", "Since the ceasefire, 30,000 people were killed in Sudan, the UN said.", "30,000",
     "below its min_value"),
    ("excluded", "Under the ceasefire Israel had pledged 600 truckloads a day for Gaza.", "600",
     "excluded by 'pledged'"),
    ("a short period", "In the past 24 hours, 12 people were killed in Gaza since the ceasefire.", "12",
     "no running total"),
    ("an earlier value", "In a new poll, 66% of Israelis favour ending the war, up from 53% in March.", "53%",
     "an earlier or compared value"),
    ("another quantity", "The war in Gaza has displaced more than 90,000 people and killed many.",
     "more than 90,000", "something no metric tracks"),
    ("an untracked part", "Hamas handed 20 hostages to the Red Cross, among them three Argentines, who were "
     "released on Monday.", "three", "names no kind a metric counts"),
    ("a year", "At least 67,160 people have been killed in Gaza since 2023.", "2023", "a year"),
    ("no actor", "The plan to disarm Hamas was rejected.", "rejected", "no tracked actor"),
    ("ascribed", "Netanyahu said Hamas rejects disarmament.", "rejects", "no tracked actor"),
    ("no issue", "Hamas rejected the talks venue.", "rejected", "no tracked issue"),
    ("negated", "Netanyahu did not deny that famine exists in Gaza.", "deny", "negated"),
]


@pytest.mark.parametrize(("text", "written", "reason"), [pytest.param(t, w, r, id=i) for i, t, w, r in WHY_NOT])
def test_explain_says_why_a_number_or_a_cue_was_not_kept(
    analyzer: Analyzer, text: str, written: str, reason: str
) -> None:
    found = reasons(analyzer, text)
    assert written in found, found
    assert reason in found[written]


def test_what_was_kept_is_not_explained_away(analyzer: Analyzer) -> None:
    found = reasons(analyzer, "Hamas rejected any plan to disarm, as the Gaza toll rose to 67,194 killed.")
    assert "67,194" not in found and "rejected" not in found
