"""Alerts: from events to delivered messages. Which routes want an event and when (routing), the text of
each alert (render), the outbox that holds them until sent (alerter), and apprise, the only way out (notify).

May import: store (the outbox tables), ruleset, events, types, errors. Nothing here fetches or detects."""
