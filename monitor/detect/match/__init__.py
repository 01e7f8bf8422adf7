"""Which tracked entities and issues a text mentions, and whether it is about the tracked story. Pure.

matcher (the Matcher), compiled (entities.yaml and issues.yaml as the matcher reads them), fuzzy (near
spellings), prefilter (literal prefixes of the issue regexes). May import: text, ruleset, types."""
