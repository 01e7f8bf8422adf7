"""The demo's main loop: publish a step of reports, poll, deliver, repeat; then sum up."""

from __future__ import annotations

import asyncio
import time

import click
from sqlalchemy.engine import Engine

from monitor.app import App, fetcher_factory
from monitor.daemon import poll_cycle
from monitor.decide.health import HealthPolicy
from monitor.demo import Replay, load_reports, serve
from monitor.ruleset.models.alerts import Route
from monitor.ruleset.schema import Ruleset
from monitor.store import db, detection, items, outbox

CONSOLE = Route(id="console", urls=["console://"], events=["figure_change", "position_change"])


def run_demo(app: App, engine: Engine, rules: Ruleset, *, step_s: float, per_step: int) -> str:
    """Replay the bundled reports through the daemon's pipeline; returns the closing summary."""
    # The console, and MONITOR_NOTIFY's catch-all route: never the rules' own routes (their desks would get
    # months-old news).
    routes = [CONSOLE, *app.routes(rules, own=False)]
    alerter = app.alerter(rules, engine, routes, owner="demo")
    # The replayed reports are months old and one feed starts empty: that is the replay, not a broken feed.
    quiet = HealthPolicy(alert_after_failing_s=float("inf"), min_silence_s=float("inf"))
    pipeline = app.pipeline(rules, engine, alerter, health=quiet, owner="demo")
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
    with db.reading(engine) as conn:
        stored = items.count_items(conn)
        kinds = detection.count_events(conn)
        delivered = outbox.count_by_status(conn).get("sent", 0)
    return (f"\ndemo finished in {elapsed_s:.0f}s: {stored} items stored, {kinds['new_match']} relevant, "
            f"{kinds['figure_change']} figure changes, {kinds['position_change']} position changes, "
            f"{delivered} alerts delivered")
