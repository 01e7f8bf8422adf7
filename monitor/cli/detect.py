"""Detection at the command line: dry runs, explanations, replays and the stored history."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from monitor.app import App
from monitor.cli.root import handle_errors, main
from monitor.detect.analyze import Analyzer
from monitor.dryrun import dry_run
from monitor.errors import MonitorError
from monitor.store import db, detection, items
from monitor.store.detection import Observation
from monitor.types import Analysis


@main.command("dry-run")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item and per alert (machine format).")
@click.pass_obj
@handle_errors
def dry_run_command(obj: App, file: Path, as_json: bool) -> None:
    """Run items from a JSON Lines FILE through the rules in file order, sending nothing.

    Each line holds an item with id, date, title, summary and lang. Prints what each item matched and the
    alerts that would be sent; change detection starts from the rules' baselines.
    """
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
    positions = "".join(f"\n    {p.actor} {p.stance} {p.issue} (cue {p.cue!r}{'' if p.certain else ', doubtful'}) in: "
                        f"{p.sentence}" for p in analysis.positions)
    return (f"  entities: {matched('entity')}\n  issues: {matched('issue')}\n"
            f"  figures: {figures or '-'}\n  positions: {positions or '-'}")


@main.command()
@click.argument("text")
@click.option("--lang", help="Language of the text (ISO code), for reading numbers, e.g. es, de, fr.")
@click.pass_obj
@handle_errors
def explain(obj: App, text: str, lang: str | None) -> None:
    """Show what the rules find in TEXT: entities and issues (matched text and score), whether it is
    relevant, the figures and positions it reports, and why each other number near a metric's cue and each
    stance cue that gave no position was not kept. For debugging rules."""
    analyzer = Analyzer(obj.rules())
    analysis = analyzer.analyze("", text, lang, None, only_relevant=False)
    click.echo(f"relevant: {'yes' if analysis.relevant else 'no (no alerts would be raised)'}")
    click.echo(describe_analysis(analysis))
    not_kept = analyzer.not_kept("", text, lang, analysis)
    click.echo("  not kept:" + ("".join(f"\n    {n.kind} {n.text!r}: {n.reason}" for n in not_kept) or " -"))


@main.command()
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only items published on or after this date.")
@click.option("--json", "as_json", is_flag=True, help="Dry-run JSON lines instead of a report.")
@click.pass_obj
@handle_errors
def replay(obj: App, since: datetime | None, as_json: bool) -> None:
    """Re-run the current rules over the items already stored, from the rules' baselines, and show the
    changes and alerts they would produce. Sends nothing and changes nothing: for backtesting a rules edit."""
    with db.reading(obj.engine()) as conn:
        rows = items.stored_items(conn, since.replace(tzinfo=UTC) if since else None)
    records = ({"id": r.key, "date": (r.published or r.first_seen_at).date().isoformat(), "title": r.title,
                "summary": r.text, "lang": r.lang, "url": r.link} for r in rows)
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
def history(obj: App, metric: str) -> None:
    """The stored reports of METRIC (a metric id from metrics.yaml), oldest first; stale reports (below the
    highest value of a cumulative metric) are marked."""
    with db.reading(obj.engine()) as conn:
        rows = detection.figure_history(conn, metric)
    print_observations(rows, f"{'value':>12} {'qualifier':<10} {'':<5}", f"no reports of {metric!r} stored",
                       lambda r: f"{r.value or 0:>12,g} {r.qualifier or '':<10} {'stale' if r.stale else '':<5}")


@main.command()
@click.argument("actor", required=False)
@click.pass_obj
@handle_errors
def positions(obj: App, actor: str | None) -> None:
    """The stored positions of ACTOR (an entity id; default: every actor) on each issue, oldest first; a doubtful
    one (its actor or its condition inferred, or its sentence on both sides) is shown, never alerted on."""
    with db.reading(obj.engine()) as conn:
        rows = detection.position_history(conn, actor)
    empty = "no positions stored" + (f" for {actor!r}" if actor else "")
    print_observations(rows, f"{'actor/issue':<32} {'stance':<10}", empty,
                       lambda r: f"{r.subject[:32]:<32} {r.stance or '':<10}{' doubtful' if r.doubtful else ''}")


def print_observations(
    rows: Sequence[Observation], header: str, empty: str, columns: Callable[[Observation], str]
) -> None:
    """A table of stored observations: when, the given columns, and the item it came from."""
    click.echo(f"{'observed':<17} {header} source")
    for row in rows:
        click.echo(f"{row.observed_at:%Y-%m-%d %H:%M} {columns(row)} {row.link or row.title}")
    if not rows:
        click.echo(empty)
