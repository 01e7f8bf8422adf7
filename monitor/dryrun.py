"""Dry run: items from a JSON Lines file through detection and change detection, sending nothing. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from monitor.decide.changes import FigureChange, History, PositionChange, decide, seed_history
from monitor.detect.analyze import Analyzer
from monitor.types import Analysis


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def item_line(record: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """The per-item line of the dry-run format (see shared/eval/README.md)."""
    return {
        "id": record.get("id"),
        "relevant": analysis.relevant,
        "entities": analysis.entity_ids,
        "issues": analysis.issue_ids,
        "figures": [{"metric": f.metric, "value": f.value} for f in analysis.figures],
        "positions": [{"actor": p.actor, "issue": p.issue, "stance": p.stance} for p in analysis.positions],
    }


def alert_lines(item_id: object, changes: Iterable[FigureChange | PositionChange]) -> Iterator[dict[str, Any]]:
    for change in changes:
        if isinstance(change, FigureChange):
            yield {"alert": "figure_change", "id": item_id, "metric": change.figure.metric,
                   "old": change.old, "new": change.figure.value}
        else:
            position = change.position
            yield {"alert": "position_change", "id": item_id, "actor": position.actor, "issue": position.issue,
                   "old": change.old_stance, "new": position.stance}


def dry_run(analyzer: Analyzer, records: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], Analysis]]:
    """Yield (line, analysis) per item followed by (alert line, analysis) per change, in file order."""
    history: History = seed_history(analyzer.baselines)
    for record in records:
        analysis = analyzer.analyze(
            str(record.get("title") or ""), str(record.get("summary") or record.get("text") or ""),
            record.get("lang"), _date(record.get("date")),
        )
        yield item_line(record, analysis), analysis
        changes, history = decide(history, analyzer.directions, analysis.figures, analysis.positions)
        for line in alert_lines(record.get("id"), changes):
            yield line, analysis
