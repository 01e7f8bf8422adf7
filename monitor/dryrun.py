"""Dry run: items from a JSON Lines file through detection and change detection, sending nothing. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from monitor.decide.changes import History, Source, decide, seed_history
from monitor.detect.analyze import Analyzer
from monitor.events import Event, FigureChange, PositionChange
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


def alert_lines(item_id: object, events: Iterable[Event]) -> Iterator[dict[str, Any]]:
    """The alert lines of the dry-run format: figure and position changes (new coverage is not scored)."""
    for event in events:
        match event:
            case FigureChange():
                yield {"alert": "figure_change", "id": item_id, "metric": event.metric, "old": event.old,
                       "new": event.new}
            case PositionChange():
                yield {"alert": "position_change", "id": item_id, "actor": event.actor, "issue": event.issue,
                       "old": event.old_stance, "new": event.new_stance}


def source_of(record: dict[str, Any]) -> Source:
    """A record of the dry-run format as the decider's source."""
    day = _date(record.get("date"))
    published = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    return Source(str(record.get("id")), str(record.get("title") or ""), record.get("url"),
                  str(record.get("outlet") or ""), published, _text(record))


def _text(record: dict[str, Any]) -> str:
    return str(record.get("summary") or record.get("text") or "")


def dry_run(analyzer: Analyzer, records: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], Analysis]]:
    """Yield (line, analysis) per item followed by (alert line, analysis) per change, in file order."""
    history: History = seed_history(analyzer.baselines)
    for record in records:
        analysis = analyzer.analyze(str(record.get("title") or ""), _text(record), record.get("lang"),
                                    _date(record.get("date")))
        yield item_line(record, analysis), analysis
        decision = decide(history, analyzer.directions, analysis, source_of(record))
        history = decision.history
        for line in alert_lines(record.get("id"), decision.events):
            yield line, analysis
