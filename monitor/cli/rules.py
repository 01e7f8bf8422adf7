"""Checking a rules directory."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.app import App
from monitor.cli.root import handle_errors, main
from monitor.ruleset.loader import summarize


@main.group()
def rules() -> None:
    """Check the rules directory."""


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.pass_obj
@handle_errors
def rules_check(obj: App, directory: Path | None) -> None:
    """Validate a rules directory (default: MONITOR_RULES) and print what it holds, or every error with its
    file and line."""
    counts = summarize(obj.rules(directory))
    click.echo(f"rules OK: {directory or obj.settings.rules}")
    for kind, count in counts.items():
        click.echo(f"  {kind:<10} {count}")
