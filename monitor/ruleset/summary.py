"""What a ruleset holds, counted: the output of `monitor rules check` for a valid directory. Pure."""

from __future__ import annotations

from monitor.ruleset.schema import Ruleset


def summarize(ruleset: Ruleset) -> dict[str, int]:
    """Counts per kind of rule; `aliases` counts every form an entity is matched by (name included)."""
    entities = ruleset.entities.entities
    return {
        "entities": len(entities),
        "aliases": sum(1 + len(entity.aliases) + len(entity.short_forms) for entity in entities),
        "issues": len(ruleset.issues.issues),
        "metrics": len(ruleset.metrics.metrics),
        "stances": len(ruleset.stances.stances),
        "feeds": len(ruleset.feeds.feeds),
        "routes": len(ruleset.alerts.routes),
    }
