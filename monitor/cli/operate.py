"""Running monitor: the daemon, one poll, the schema, the demo, the health check."""

from __future__ import annotations

import asyncio
import logging
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import click

from monitor.app import App, Setup, utcnow
from monitor.cli.root import handle_errors, main
from monitor.daemon import Daemon, poll_cycle, release_dead_leases
from monitor.pipeline import PollReport
from monitor.ruleset.models.fields import parse_duration
from monitor.store import db, feeds


@main.command()
@click.pass_obj
@handle_errors
def run(obj: App) -> None:
    """Run the daemon: poll every feed on its schedule until SIGTERM or Ctrl-C.

    Applies pending database migrations first. Logs one line per poll. Refuses to start with broken rules.
    SIGHUP reloads the rules directory: a good edit is used from the next poll, which starts at once; a broken
    one is logged with its errors and the last good rules keep running.
    """
    rules = obj.rules()
    engine = obj.engine()

    def reload() -> Setup:
        return obj.setup(obj.rules(), engine)

    Daemon(obj.setup(rules, engine), obj.fetchers(), tick_s=obj.settings.tick, reload=reload).run()


@main.command()
@click.option("--once", is_flag=True, default=True, help="One cycle over every feed, then exit (the default).")
@click.option("--due-only", is_flag=True, help="Poll only the feeds whose next poll time has come (for cron).")
@click.pass_obj
@handle_errors
def poll(obj: App, once: bool, due_only: bool) -> None:
    """Poll the feeds once, deliver the alerts due (new and pending), print a summary table and exit
    (status 1 if every feed failed)."""
    setup = obj.setup(obj.rules(), obj.engine())
    release_dead_leases(setup.pipeline.engine)
    reports = asyncio.run(poll_cycle(setup.pipeline, setup.specs, obj.fetchers(), due_only=due_only))
    print_reports(reports)
    delivered = setup.alerter.deliver_due()
    click.echo(f"alerts: {delivered.sent} sent, {delivered.retrying} to retry, {delivered.failed} failed")
    if reports and all(r.error for r in reports):
        sys.exit(1)


def print_reports(reports: list[PollReport]) -> None:
    click.echo(f"{'feed':<32} {'status':>6} {'new':>5} {'upd':>5} {'same':>5} {'events':>6} {'ms':>6}  error")
    for r in sorted(reports, key=lambda r: r.feed.name):
        status = str(r.status) if r.status is not None else "-"
        click.echo(f"{r.feed.name[:32]:<32} {status:>6} {r.new:>5} {r.updated:>5} {r.unchanged:>5} "
                   f"{r.events:>6} {round(r.elapsed_s * 1000):>6}  {r.error or ''}")
    failed = sum(1 for r in reports if r.error)
    click.echo(f"{len(reports)} feeds polled, {failed} failed, {sum(r.new for r in reports)} new items, "
               f"{sum(r.events for r in reports)} events")


@main.group("db")
def db_group() -> None:
    """Database schema management."""


@db_group.command("upgrade")
@click.pass_obj
@handle_errors
def db_upgrade(obj: App) -> None:
    """Apply pending migrations (run and poll also do this at start)."""
    engine = obj.engine(migrate=False)
    before, after = db.upgrade(engine)
    click.echo(f"database at revision {after}" + (f" (was {before or 'empty'})" if before != after else ""))


@main.command()
@click.option("--step", default=0.5, show_default=True, help="Seconds between two steps of the replay.")
@click.option("--per-step", default=3, show_default=True, help="Reports published at each step.")
@click.option("--keep", type=click.Path(dir_okay=False, path_type=Path),
              help="Keep the demo's SQLite database at this path (default: a temporary file).")
@click.pass_obj
@handle_errors
def demo(obj: App, step: float, per_step: int, keep: Path | None) -> None:
    """Watch monitor work with no internet: a local feed server replays a real sequence of reports on the
    tracked story, the daemon polls it into a temporary SQLite database, and the alerts it would send are
    printed here (and sent to MONITOR_NOTIFY targets, if set). Ends by itself in under a minute."""
    from monitor.demo.run import run_demo

    if "log_level" not in obj.settings.model_fields_set:  # the demo prints its own progress
        logging.getLogger().setLevel(logging.ERROR)
    rules = obj.rules()
    with tempfile.TemporaryDirectory(prefix="monitor-demo-") as folder:
        database = keep or Path(folder) / "demo.db"
        engine = db.create_engine(f"sqlite:///{database}")
        db.upgrade(engine)
        summary = run_demo(obj, engine, rules, step_s=step, per_step=per_step)
        engine.dispose()
    click.echo(summary)


@main.command()
@click.option("--max-age", default="15m", show_default=True,
              help="How long ago the last poll may have been (e.g. 90s, 15m, 1h).")
@click.pass_obj
@handle_errors
def health(obj: App, max_age: str) -> None:
    """Exit 0 if the database answers and a feed was polled within --max-age, else print why and exit 1.
    For container health checks and external monitoring."""
    limit = timedelta(seconds=parse_duration(max_age))
    with db.reading(obj.engine()) as conn:
        rows = feeds.list_feeds(conn)
    polled = [r.last_polled_at for r in rows if r.last_polled_at]
    failing = sum(1 for r in rows if r.consecutive_failures)
    if rows and (not polled or utcnow() - max(polled) > limit):
        click.echo(f"unhealthy: no feed polled in the last {max_age}")
        sys.exit(1)
    click.echo(f"healthy: {len(rows)} feeds, {failing} failing")
