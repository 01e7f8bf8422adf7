"""Command line: parses arguments, builds the objects, prints. No logic of its own."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from monitor import __version__
from monitor.alerts import Alerter
from monitor.analyze import Analyzer
from monitor.config import Settings
from monitor.daemon import (
    Daemon,
    FetcherFactory,
    Setup,
    fetcher_factory,
    jitter,
    poll_cycle,
    process_owner,
    release_dead_leases,
    utcnow,
)
from monitor.errors import MonitorError, RulesError
from monitor.health import HealthPolicy
from monitor.logs import setup_logging
from monitor.notify import Notifier
from monitor.pipeline import Pipeline, PollReport
from monitor.routing import routes_with_catch_all
from monitor.ruleset.loader import load_rules
from monitor.ruleset.schema import Ruleset, parse_duration
from monitor.ruleset.specs import feed_specs, labels
from monitor.store import db, detection, feeds, items, outbox
from monitor.types import Analysis

F = TypeVar("F", bound=Callable[..., Any])

ENVIRONMENT_HELP = """
\b
Environment variables (a command-line option, where there is one, wins):
  MONITOR_DATABASE_URL  database (default sqlite:///monitor.db; PostgreSQL:
                        postgresql+psycopg://user:pass@host:5432/dbname)
  MONITOR_RULES         rules directory (default rules/)
  MONITOR_FEEDS         whitespace-separated feed URLs replacing the rules' feeds
  MONITOR_NOTIFY        whitespace-separated apprise URLs: a catch-all alert route
  MONITOR_LOG_FORMAT    text (default) or json
  MONITOR_LOG_LEVEL     DEBUG, INFO (default), WARNING, ERROR
  MONITOR_CONCURRENCY   feeds fetched at once (default 20)
  MONITOR_TICK          seconds between checks for due feeds (default 15)
  MONITOR_MIN_INTERVAL  shortest time in seconds between two polls of a feed,
                        whatever its interval says (default 60)
  MONITOR_USER_AGENT    User-Agent sent to feed servers
  MONITOR_BLOCK_PRIVATE true: refuse feeds on private, loopback or link-local
                        addresses (off by default: local feeds are legitimate)
"""


class Context:
    """What every command needs, built lazily from settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def rules(self, directory: Path | None = None) -> Ruleset:
        return load_rules(directory or self.rules_dir(), os.environ)

    def rules_dir(self) -> Path:
        """MONITOR_RULES, or the rules bundled with monitor when the default rules/ is not here."""
        chosen = self.settings.rules
        if chosen == Path("rules") and not chosen.is_dir() and "rules" not in self.settings.model_fields_set:
            return Path(importlib.import_module("monitor.bundled_rules").__path__[0])
        return chosen

    def engine(self, migrate: bool = True) -> Engine:
        engine = db.create_engine(self.settings.database_url)
        db.check_connection(engine)
        if migrate:
            db.upgrade(engine)
        return engine

    def fetchers(self) -> FetcherFactory:
        settings = self.settings
        return fetcher_factory(user_agent=settings.user_agent, concurrency=settings.concurrency,
                               block_private=settings.block_private)

    def alerter(self, rules: Ruleset, engine: Engine) -> Alerter:
        routes = routes_with_catch_all(rules.alerts, self.settings.notify_urls)
        return Alerter(engine, routes, Notifier(routes), labels(rules), utcnow, rules.alerts.delivery,
                       owner=process_owner())

    def pipeline(self, rules: Ruleset, engine: Engine | None = None) -> tuple[Pipeline, Alerter]:
        engine = engine or self.engine()
        alerter = self.alerter(rules, engine)
        defaults = rules.feeds.defaults
        policy = HealthPolicy(defaults.alert_after_failing, defaults.silence_factor, defaults.min_silence)
        pipeline = Pipeline(engine, Analyzer(rules), utcnow, jitter, owner=process_owner(),
                            on_event=alerter.enqueue, health=policy, min_interval_s=self.settings.min_interval)
        return pipeline, alerter


def handle_errors(func: F) -> F:
    """Turn our errors into one clear message and exit status 2, never a traceback."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RulesError as exc:
            click.echo(f"error: the rules have {len(exc.problems)} problem(s):", err=True)
            for problem in exc.problems:
                click.echo(f"  {problem}", err=True)
            sys.exit(2)
        except MonitorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except DBAPIError as exc:  # the database failed mid-command (gone, full, read-only, locked)
            reason = str(exc.orig or exc).strip().splitlines()[0]
            click.echo(f"error: database: {reason}", err=True)
            sys.exit(2)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


@click.group(epilog=ENVIRONMENT_HELP)
@click.version_option(__version__, prog_name="monitor")
@click.option("--database-url", help="Database URL [env MONITOR_DATABASE_URL].")
@click.option("--rules", "rules_dir", type=click.Path(path_type=Path), help="Rules directory [env MONITOR_RULES].")
@click.pass_context
def main(ctx: click.Context, database_url: str | None, rules_dir: Path | None) -> None:
    """monitor: watch news feeds for tracked actors, issues and figures, and alert when a position or a
    reported figure changes."""
    overrides = {k: v for k, v in {"database_url": database_url, "rules": rules_dir}.items() if v}
    settings = Settings(**overrides)  # type: ignore[arg-type]
    setup_logging(settings.log_level, settings.log_format)
    ctx.obj = Context(settings)


@main.command()
@click.pass_obj
@handle_errors
def run(obj: Context) -> None:
    """Run the daemon: poll every feed on its schedule until SIGTERM or Ctrl-C.

    Applies pending database migrations first. Logs one line per poll. Refuses to start with broken rules.
    SIGHUP reloads the rules directory: a good edit is used from the next poll, which starts at once; a broken
    one is logged with its errors and the last good rules keep running.
    """
    rules = obj.rules()
    engine = obj.engine()

    def setup(rules: Ruleset) -> Setup:
        pipeline, alerter = obj.pipeline(rules, engine)
        return Setup(pipeline, alerter, feed_specs(rules.feeds, obj.settings.feed_urls))

    Daemon(setup(rules), obj.fetchers(), tick_s=obj.settings.tick, reload=lambda: setup(obj.rules())).run()


@main.command()
@click.option("--once", is_flag=True, default=True, help="One cycle over every feed, then exit (the default).")
@click.option("--due-only", is_flag=True, help="Poll only the feeds whose next poll time has come (for cron).")
@click.pass_obj
@handle_errors
def poll(obj: Context, once: bool, due_only: bool) -> None:
    """Poll the feeds once, deliver the alerts due (new and pending), print a summary table and exit
    (status 1 if every feed failed)."""
    rules = obj.rules()
    specs = feed_specs(rules.feeds, obj.settings.feed_urls)
    pipeline, alerter = obj.pipeline(rules)
    release_dead_leases(pipeline.engine)
    reports = asyncio.run(poll_cycle(pipeline, specs, obj.fetchers(), due_only=due_only))
    print_reports(reports)
    delivered = alerter.deliver_due()
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


@main.group()
def rules() -> None:
    """Check the rules directory."""


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.pass_obj
@handle_errors
def rules_check(obj: Context, directory: Path | None) -> None:
    """Validate a rules directory (default: MONITOR_RULES) and print what it holds, or every error with its
    file and line."""
    from monitor.ruleset.loader import summarize

    counts = summarize(obj.rules(directory))
    click.echo(f"rules OK: {directory or obj.settings.rules}")
    for kind, count in counts.items():
        click.echo(f"  {kind:<10} {count}")


@main.group("db")
def db_group() -> None:
    """Database schema management."""


@db_group.command("upgrade")
@click.pass_obj
@handle_errors
def db_upgrade(obj: Context) -> None:
    """Apply pending migrations (run and poll also do this at start)."""
    engine = obj.engine(migrate=False)
    before, after = db.upgrade(engine)
    click.echo(f"database at revision {after}" + (f" (was {before or 'empty'})" if before != after else ""))


@main.command("dry-run")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item and per alert (machine format).")
@click.pass_obj
@handle_errors
def dry_run_command(obj: Context, file: Path, as_json: bool) -> None:
    """Run items from a JSON Lines FILE through the rules in file order, sending nothing.

    Each line holds an item with id, date, title, summary and lang. Prints what each item matched and the
    alerts that would be sent; change detection starts from the rules' baselines.
    """
    from monitor.dryrun import dry_run

    for line, analysis in dry_run(Analyzer(obj.rules()), read_jsonl(file)):
        if as_json:
            click.echo(json.dumps(line, ensure_ascii=False))
        else:
            click.echo(describe_line(line, analysis))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if text.strip():
                try:
                    yield json.loads(text)
                except json.JSONDecodeError as exc:
                    raise MonitorError(f"{path}:{number}: not valid JSON: {exc.msg}") from None


def describe_line(line: dict[str, Any], analysis: Analysis) -> str:
    """The readable dry-run report: per item what matched and why, then the alerts it raises."""
    if "alert" in line:
        subject = line.get("metric") or f"{line.get('actor')} on {line.get('issue')}"
        return f"  ALERT {line['alert']}: {subject}: {line['old']} -> {line['new']}"
    return f"{line['id']}: {'relevant' if line['relevant'] else 'not relevant'}\n" + describe_analysis(analysis)


def describe_analysis(analysis: Analysis) -> str:
    def matched(kind: str) -> str:
        found = [m for m in analysis.matches if m.kind == kind]
        return ", ".join(f"{m.id} ({m.text!r} {m.score:.0f})" for m in found) or "-"

    figures = "".join(f"\n    {f.metric} = {f.value:g} ({f.qualifier}, {f.as_written!r}) in: {f.sentence}"
                      for f in analysis.figures)
    positions = "".join(f"\n    {p.actor} {p.stance} {p.issue} (cue {p.cue!r}) in: {p.sentence}"
                        for p in analysis.positions)
    return (f"  entities: {matched('entity')}\n  issues: {matched('issue')}\n"
            f"  figures: {figures or '-'}\n  positions: {positions or '-'}")


@main.group(invoke_without_command=True)
@click.option("--status", type=click.Choice(["pending", "sending", "sent", "failed"]), help="Only these alerts.")
@click.option("--limit", default=50, show_default=True, help="How many of the newest alerts to show.")
@click.pass_context
@handle_errors
def alerts(ctx: click.Context, status: str | None, limit: int) -> None:
    """List alerts in the outbox (newest first): status, attempts, route and last error."""
    if ctx.invoked_subcommand:
        return
    obj: Context = ctx.obj
    with obj.engine().connect() as conn:
        rows = outbox.list_alerts(conn, status, limit)
    click.echo(f"{'id':>5} {'status':<8} {'tries':>5} {'route':<12} {'created':<16} title / error")
    for row in rows:
        click.echo(f"{row['id']:>5} {row['status']:<8} {row['attempts']:>5} {row['route_id'][:12]:<12} "
                   f"{row['created_at']:%Y-%m-%d %H:%M} {row['title']}")
        if row["last_error"] and row["status"] != "sent":
            click.echo(f"{'':>37}last error: {row['last_error']}")
    if not rows:
        click.echo("no alerts")


@alerts.command("retry")
@click.argument("alert_ids", nargs=-1, type=int)
@click.pass_obj
@handle_errors
def alerts_retry(obj: Context, alert_ids: tuple[int, ...]) -> None:
    """Queue failed alerts (all, or the ALERT_IDS given) for delivery again, then deliver what is due."""
    rules = obj.rules()
    engine = obj.engine()
    with engine.begin() as conn:
        count = outbox.retry_failed(conn, utcnow(), alert_ids)
    click.echo(f"{count} failed alert(s) queued again")
    report = obj.alerter(rules, engine).deliver_due()
    click.echo(f"alerts: {report.sent} sent, {report.retrying} to retry, {report.failed} failed")


@main.command("notify-test")
@click.argument("route", required=False)
@click.pass_obj
@handle_errors
def notify_test(obj: Context, route: str | None) -> None:
    """Send a test message to every target of ROUTE (default: all routes, MONITOR_NOTIFY included) and say
    whether each worked. Exit status 1 if any target failed."""
    rules = obj.rules()
    routes = routes_with_catch_all(rules.alerts, obj.settings.notify_urls)
    chosen = [r for r in routes if route in (None, r.id)]
    if not chosen:
        known = ", ".join(r.id for r in routes) or "none configured"
        raise MonitorError(f"no route {route!r} (routes: {known})" if route else "no alert routes configured "
                           "(add routes to alerts.yaml or set MONITOR_NOTIFY)")
    notifier = Notifier(chosen)
    failures = 0
    for (route_id, number), target in notifier.targets.items():
        error = notifier.send(route_id, number, "monitor test message",
                              f"This is a test of alert route '{route_id}' from monitor {__version__}.")
        failures += error is not None
        click.echo(f"{'ok    ' if error is None else 'FAILED'} {route_id} #{number + 1} {target.shown}"
                   + (f": {error}" if error else ""))
    if failures:
        sys.exit(1)


@main.command()
@click.argument("text")
@click.option("--lang", help="Language of the text (ISO code), for reading numbers, e.g. es, de, fr.")
@click.pass_obj
@handle_errors
def explain(obj: Context, text: str, lang: str | None) -> None:
    """Show what the rules find in TEXT: entities and issues (matched text and score), whether it is
    relevant, and the figures and positions it reports. For debugging rules."""
    analysis = Analyzer(obj.rules()).analyze("", text, lang, None, only_relevant=False)
    click.echo(f"relevant: {'yes' if analysis.relevant else 'no (no alerts would be raised)'}")
    click.echo(describe_analysis(analysis))


@main.command()
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only items published on or after this date.")
@click.option("--json", "as_json", is_flag=True, help="Dry-run JSON lines instead of a report.")
@click.pass_obj
@handle_errors
def replay(obj: Context, since: datetime | None, as_json: bool) -> None:
    """Re-run the current rules over the items already stored, from the rules' baselines, and show the
    changes and alerts they would produce. Sends nothing and changes nothing: for backtesting a rules edit."""
    from monitor.dryrun import dry_run

    with obj.engine().connect() as conn:
        rows = items.stored_items(conn, since.replace(tzinfo=UTC) if since else None)
    records = ({"id": r["key"], "date": (r["published"] or r["first_seen_at"]).date().isoformat(),
                "title": r["title"], "summary": r["text"], "lang": r["lang"]} for r in rows)
    alerts_seen = 0
    for line, analysis in dry_run(Analyzer(obj.rules()), records):
        if as_json:
            click.echo(json.dumps(line, ensure_ascii=False))
        elif "alert" in line:
            alerts_seen += 1
            click.echo(f"{line['id']}\n{describe_line(line, analysis)}")
    if not as_json:
        click.echo(f"{len(rows)} stored items replayed, {alerts_seen} alerts would be sent")


@main.command()
@click.argument("metric")
@click.pass_obj
@handle_errors
def history(obj: Context, metric: str) -> None:
    """The stored reports of METRIC (a metric id from metrics.yaml), oldest first; stale reports (below the
    highest value of a cumulative metric) are marked."""
    with obj.engine().connect() as conn:
        rows = detection.figure_history(conn, metric)
    click.echo(f"{'observed':<17} {'value':>12} {'qualifier':<10} {'':<5} source")
    for row in rows:
        click.echo(f"{row['observed_at']:%Y-%m-%d %H:%M} {row['value']:>12,g} {row['qualifier'] or '':<10} "
                   f"{'stale' if row['stale'] else '':<5} {row['link'] or row['title']}")
    if not rows:
        click.echo(f"no reports of {metric!r} stored")


@main.command()
@click.argument("actor", required=False)
@click.pass_obj
@handle_errors
def positions(obj: Context, actor: str | None) -> None:
    """The stored positions of ACTOR (an entity id; default: every actor) on each issue, oldest first."""
    with obj.engine().connect() as conn:
        rows = detection.position_history(conn, actor)
    click.echo(f"{'observed':<17} {'actor/issue':<32} {'stance':<10} source")
    for row in rows:
        click.echo(f"{row['observed_at']:%Y-%m-%d %H:%M} {row['subject'][:32]:<32} {row['stance']:<10} "
                   f"{row['link'] or row['title']}")
    if not rows:
        click.echo("no positions stored" + (f" for {actor!r}" if actor else ""))


@main.command()
@click.option("--step", default=0.5, show_default=True, help="Seconds between two steps of the replay.")
@click.option("--per-step", default=3, show_default=True, help="Reports published at each step.")
@click.option("--keep", type=click.Path(dir_okay=False, path_type=Path),
              help="Keep the demo's SQLite database at this path (default: a temporary file).")
@click.pass_obj
@handle_errors
def demo(obj: Context, step: float, per_step: int, keep: Path | None) -> None:
    """Watch monitor work with no internet: a local feed server replays a real sequence of reports on the
    tracked story, the daemon polls it into a temporary SQLite database, and the alerts it would send are
    printed here (and sent to MONITOR_NOTIFY targets, if set). Ends by itself in under a minute."""
    from monitor.demo.run import run_demo

    rules = obj.rules()
    with tempfile.TemporaryDirectory(prefix="monitor-demo-") as folder:
        database = keep or Path(folder) / "demo.db"
        engine = db.create_engine(f"sqlite:///{database}")
        db.upgrade(engine)
        summary = run_demo(engine, rules, obj.settings.notify_urls, step_s=step, per_step=per_step)
        engine.dispose()
    click.echo(summary)


@main.command()
@click.option("--max-age", default="15m", show_default=True,
              help="How long ago the last poll may have been (e.g. 90s, 15m, 1h).")
@click.pass_obj
@handle_errors
def health(obj: Context, max_age: str) -> None:
    """Exit 0 if the database answers and a feed was polled within --max-age, else print why and exit 1.
    For container health checks and external monitoring."""
    limit = timedelta(seconds=parse_duration(max_age))
    with obj.engine().connect() as conn:
        rows = feeds.list_feeds(conn)
    polled = [r["last_polled_at"] for r in rows if r["last_polled_at"]]
    failing = sum(1 for r in rows if r["consecutive_failures"])
    if rows and (not polled or utcnow() - max(polled) > limit):
        click.echo(f"unhealthy: no feed polled in the last {max_age}")
        sys.exit(1)
    click.echo(f"healthy: {len(rows)} feeds, {failing} failing")
