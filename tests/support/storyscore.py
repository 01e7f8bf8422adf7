"""Scoring a story of our own the way shared/eval/score.py scores the seed story: F1 of figures, positions and of
the alerts that the annotations imply, with the directions of the story's own metrics and no baselines (the
first report of a metric or a position sets it silently)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

POLARITY = {"supports": "for", "accepts": "for", "demands": "for", "opposes": "against", "rejects": "against",
            "denies": "against", "conditions": "conditional"}

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    expected: int
    got: int


def prf(expected: set[Key], got: set[Key]) -> Score:
    hits = len(expected & got)
    precision = hits / len(got) if got else float(not expected)
    recall = hits / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(round(precision, 3), round(recall, 3), round(f1, 3), len(expected), len(got))


def implied_alerts(truth: Iterable[Mapping[str, Any]], directions: Mapping[str, str]) -> tuple[set[Key], set[Key]]:
    """The figure and position alerts a correct daemon sends for the annotated items, in file order."""
    figures: set[Key] = set()
    positions: set[Key] = set()
    best: dict[str, float] = {}
    last: dict[str, float] = {}
    stances: dict[tuple[str, str], str] = {}
    for item in truth:
        for figure in item.get("figures", []):
            metric, value = figure["metric"], float(figure["value"])
            known = best if directions[metric] == "up" else last
            if metric in known and (value > known[metric] if directions[metric] == "up" else value != known[metric]):
                figures.add((item["id"], metric, value))
            best[metric] = max(best.get(metric, value), value)
            last[metric] = value
        for position in item.get("positions", []):
            key, polarity = (position["actor"], position["issue"]), POLARITY[position["stance"]]
            if key in stances and stances[key] != polarity:
                positions.add((item["id"], *key, polarity))
            stances[key] = polarity
    return figures, positions


def score(
    truth: Sequence[Mapping[str, Any]], output: Sequence[Mapping[str, Any]], directions: Mapping[str, str]
) -> dict[str, Score]:
    """Per category, how the dry-run `output` compares with the annotated `truth`."""
    expected: dict[str, set[Key]] = {"figures": set(), "positions": set(), "relevance": set()}
    got: dict[str, set[Key]] = {"figures": set(), "positions": set(), "relevance": set()}
    for item in truth:
        expected["figures"] |= {(item["id"], f["metric"], float(f["value"])) for f in item.get("figures", [])}
        expected["positions"] |= {(item["id"], p["actor"], p["issue"], POLARITY[p["stance"]])
                                  for p in item.get("positions", [])}
        expected["relevance"] |= {(item["id"],)} if item.get("relevant") else set()
    got_figure_alerts: set[Key] = set()
    got_position_alerts: set[Key] = set()
    for line in output:
        if line.get("alert") == "figure_change":
            got_figure_alerts.add((line["id"], line["metric"], float(line["new"])))
        elif line.get("alert") == "position_change":
            got_position_alerts.add((line["id"], line["actor"], line["issue"], POLARITY[line["new"]]))
        elif "alert" not in line:
            got["figures"] |= {(line["id"], f["metric"], float(f["value"])) for f in line["figures"]}
            got["positions"] |= {(line["id"], p["actor"], p["issue"], POLARITY[p["stance"]]) for p in line["positions"]}
            got["relevance"] |= {(line["id"],)} if line["relevant"] else set()
    figure_alerts, position_alerts = implied_alerts(truth, directions)
    result = {name: prf(expected[name], got[name]) for name in expected}
    result["figure_alerts"] = prf(figure_alerts, got_figure_alerts)
    result["position_alerts"] = prf(position_alerts, got_position_alerts)
    return result
