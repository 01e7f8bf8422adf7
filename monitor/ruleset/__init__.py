"""Rules: the declarative description of what to track (entities, issues, metrics, stances, feeds, alerts)."""
