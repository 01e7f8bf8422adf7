"""The demo's main loop: publish a step of reports, poll, deliver, repeat; then sum up."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Sequence

import click
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from monitor.alerts.alerter import Alerter
from monitor.alerts.notify import Notifier
from monitor.alerts.routing import routes_with_catch_all
from monitor.daemon import fetcher_factory, jitter, poll_cycle, utcnow
from monitor.decide.health import HealthPolicy
from monitor.demo import Replay, load_reports, serve
from monitor.detect.analyze import Analyzer
from monitor.pipeline import Pipeline
from monitor.ruleset.models.alerts import Route
from monitor.ruleset.schema import Ruleset
from monitor.ruleset.specs import labels
from monitor.store.tables import alerts, events, items

CONSOLE = Route(id="console", urls=["console://"], events=["figure_change", "position_change"])


def run_demo(engine: Engine, rules: Ruleset, notify_urls: Sequence[str], *, step_s: float, per_step: int) -> str:
    """Replay the bundled reports through the daemon's pipeline; returns the closing summary."""
    routes = [CONSOLE, *routes_with_catch_all(rules.alerts.model_copy(update={"routes": []}), notify_urls)]
    alerter = Alerter(engine, routes, Notifier(routes), labels(rules), utcnow, rules.alerts.delivery)
    # The replayed reports are months old and one feed starts empty: that is the replay, not a broken feed.
    quiet = HealthPolicy(alert_after_failing_s=float("inf"), min_silence_s=float("inf"))
    pipeline = Pipeline(engine, Analyzer(rules), utcnow, jitter, owner="demo", on_event=alerter.enqueue,
                        health=quiet)
    replay = Replay(load_reports(), per_step)
    started = time.monotonic()
    with serve(replay) as specs:
        click.echo(f"demo: replaying {len(replay.reports)} reports on {len(specs)} local feeds "
                   f"({', '.join(s.url for s in specs)})")
        while not replay.done:
            shown = replay.advance()
            asyncio.run(poll_cycle(pipeline, specs, fetcher_factory(concurrency=4), due_only=False))
            alerter.deliver_due()
            click.echo(f"-- {shown}/{len(replay.reports)} reports published", err=True)
            time.sleep(step_s)
    return summary(engine, time.monotonic() - started)


def summary(engine: Engine, elapsed_s: float) -> str:
    with engine.connect() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(items)).scalar_one()
        kinds = Counter(conn.execute(sa.select(events.c.kind)).scalars())
        sent = conn.execute(sa.select(sa.func.count()).select_from(alerts).where(alerts.c.status == "sent"))
        delivered = sent.scalar_one()
    return (f"\ndemo finished in {elapsed_s:.0f}s: {stored} items stored, {kinds['new_match']} relevant, "
            f"{kinds['figure_change']} figure changes, {kinds['position_change']} position changes, "
            f"{delivered} alerts delivered")
