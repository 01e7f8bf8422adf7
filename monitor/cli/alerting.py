"""The alerts outbox and the notification targets."""

from __future__ import annotations

import sys

import click

from monitor import __version__
from monitor.alerts.notify import Notifier
from monitor.app import App, utcnow
from monitor.cli.root import handle_errors, main
from monitor.errors import MonitorError
from monitor.store import db, outbox


@main.group(invoke_without_command=True)
@click.option("--status", type=click.Choice(["pending", "sending", "sent", "failed"]), help="Only these alerts.")
@click.option("--limit", default=50, show_default=True, help="How many of the newest alerts to show.")
@click.pass_context
@handle_errors
def alerts(ctx: click.Context, status: str | None, limit: int) -> None:
    """List alerts in the outbox (newest first): status, attempts, route and last error."""
    if ctx.invoked_subcommand:
        return
    obj: App = ctx.obj
    with db.reading(obj.engine()) as conn:
        rows = outbox.list_alerts(conn, status, limit)
    click.echo(f"{'id':>5} {'status':<8} {'tries':>5} {'route':<12} {'created':<16} title / error")
    for row in rows:
        click.echo(f"{row.id:>5} {row.status:<8} {row.attempts:>5} {row.route_id[:12]:<12} "
                   f"{row.created_at:%Y-%m-%d %H:%M} {row.title}")
        if row.last_error and row.status != "sent":
            click.echo(f"{'':>37}last error: {row.last_error}")
    if not rows:
        click.echo("no alerts")


@alerts.command("retry")
@click.argument("alert_ids", nargs=-1, type=int)
@click.pass_obj
@handle_errors
def alerts_retry(obj: App, alert_ids: tuple[int, ...]) -> None:
    """Queue failed alerts (all, or the ALERT_IDS given) for delivery again, then deliver what is due."""
    rules = obj.rules()
    engine = obj.engine()
    with db.transaction(engine) as conn:
        count = outbox.retry_failed(conn, utcnow(), alert_ids)
    click.echo(f"{count} failed alert(s) queued again")
    report = obj.alerter(rules, engine).deliver_due()
    click.echo(f"alerts: {report.sent} sent, {report.retrying} to retry, {report.failed} failed")


@main.command("notify-test")
@click.argument("route", required=False)
@click.pass_obj
@handle_errors
def notify_test(obj: App, route: str | None) -> None:
    """Send a test message to every target of ROUTE (default: all routes, MONITOR_NOTIFY included) and say
    whether each worked. Exit status 1 if any target failed."""
    rules = obj.rules()
    routes = obj.routes(rules)
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
