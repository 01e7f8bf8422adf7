"""Rules: the declarative description of what to track (entities, issues, metrics, stances, feeds, alerts).

loader reads a rules directory (YAML with line numbers: document; `file:line` problems with hints: problems,
crosscheck) into a Ruleset (schema) of validated models (models/); specs and summary derive feed specs, labels
and counts from it. Pure but for reading the files.

May import: events (the event kinds), types, errors."""
