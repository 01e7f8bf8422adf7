"""The command group, the settings it reads, and how commands report errors. Commands live beside it,
one module per area; they parse arguments, get their objects from the App (monitor.app) and print, with no
logic of their own."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from monitor import __version__
from monitor.app import App
from monitor.config import Settings
from monitor.errors import MonitorError, RulesError
from monitor.logs import setup_logging

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
        except MonitorError as exc:  # a database failure mid-command (gone, full, read-only) among them
            click.echo(f"error: {exc}", err=True)
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
    ctx.obj = App(settings)
