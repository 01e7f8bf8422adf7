"""The pure deciders: which of an item's findings are news (changes), when a feed is polled again
(schedule), and whether a feed is healthy (health). Data in, typed intents out: no clock, no I/O.

May import: events, types. Never a database, HTTP or notification library."""
