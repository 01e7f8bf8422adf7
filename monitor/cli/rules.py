"""Checking a rules directory, and starting one."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.app import App
from monitor.cli.root import handle_errors, main
from monitor.ruleset.loader import summarize
from monitor.ruleset.starter import write_template


@main.group()
def rules() -> None:
    """Check a rules directory, or start one from a template."""


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


@rules.command("init")
@click.argument("directory", type=click.Path(path_type=Path))
@handle_errors
def rules_init(directory: Path) -> None:
    """Write a small commented story (an election) into DIRECTORY, to edit into your own: entities, issues,
    metrics, stances, feeds and alerts. The language packs supply how each language says a stance, negates
    it and counts; the story holds only what is its own. Refuses a DIRECTORY that has files in it."""
    written = write_template(directory)
    click.echo(f"wrote {', '.join(p.name for p in written)} to {directory}")
    click.echo(f"next: edit them, then `monitor rules check {directory}` and "
               f"`monitor --rules {directory} explain \"some text\"`")
