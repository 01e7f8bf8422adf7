"""The command group, the settings it reads, and how commands report errors. Commands live beside it,
one module per area; they parse arguments, build objects and print, with no logic of their own."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from monitor import __version__
from monitor.alerts.alerter import Alerter
from monitor.alerts.notify import Notifier
from monitor.alerts.routing import routes_with_catch_all
from monitor.config import Settings
from monitor.daemon import FetcherFactory, fetcher_factory, jitter, process_owner, utcnow
from monitor.decide.health import HealthPolicy
from monitor.detect.analyze import Analyzer
from monitor.errors import MonitorError, RulesError
from monitor.logs import setup_logging
from monitor.pipeline import Pipeline
from monitor.ruleset.loader import load_rules
from monitor.ruleset.schema import Ruleset
from monitor.ruleset.specs import labels
from monitor.store import db

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
            click.echo(f"error: database: {db.reason_of(exc)}", err=True)
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
