"""The command line as a user meets it: what each command prints and how it exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from monitor.cli import main
from tests.support.feedserver import FeedServer
from tests.support.receivers import WebhookReceiver

ROOT = Path(__file__).parent.parent
RULES = ROOT / "rules"
SNAPSHOTS = Path(__file__).parent / "data" / "e2e"


def run(*args: str, **env: str) -> Result:
    defaults = {"MONITOR_RULES": str(RULES), "MONITOR_LOG_LEVEL": "WARNING", "MONITOR_NOTIFY": ""}
    return CliRunner().invoke(main, list(args), env={**defaults, **env}, catch_exceptions=False)


def test_help_lists_commands_and_environment_variables() -> None:
    result = run("--help")
    for word in ("run", "poll", "rules", "dry-run", "demo", "MONITOR_DATABASE_URL", "MONITOR_NOTIFY"):
        assert word in result.output


def test_rules_check_prints_counts_of_the_bundled_rules() -> None:
    result = run("rules", "check", str(RULES))
    assert result.exit_code == 0
    assert "rules OK" in result.output and "entities" in result.output


def test_rules_check_of_broken_rules_prints_file_and_line_and_exits_2(tmp_path: Path) -> None:
    for name in ("entities", "issues", "metrics", "stances"):
        (tmp_path / f"{name}.yaml").write_text((RULES / f"{name}.yaml").read_text())
    (tmp_path / "feeds.yaml").write_text("version: 1\nfeeds:\n  - url: not-a-url\n    name: X\n")
    result = run("rules", "check", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'feeds.yaml'}:3" in result.output


def test_explain_shows_entities_issues_and_positions() -> None:
    result = run("explain", "Hamas rejected any plan to disarm, its negotiator Khalil al-Hayya said.")
    assert "hamas" in result.output and "al_hayya" in result.output
    assert "al_hayya rejects disarmament" in result.output  # Hamas's negotiator speaks for it (positions.py)


def test_dry_run_readable_report_names_each_item(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"id": "a1", "date": "2025-10-09", "lang": "en", "title": "Gaza toll rises", "summary": '
                     '"Gaza\'s health ministry said the death toll from Israeli strikes has risen to 67,194."}\n')
    result = run("dry-run", str(items))
    assert "a1: relevant" in result.output
    assert "ALERT figure_change: gaza_deaths_total: 67160.0 -> 67194.0" in result.output


def test_dry_run_of_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"id": "a1"}\n{oops\n')
    result = run("dry-run", str(items), "--json")
    assert result.exit_code == 2
    assert f"{items}:2: not valid JSON" in result.output


def test_history_positions_and_replay_read_what_poll_stored(feed_server: FeedServer, sqlite_url: str) -> None:
    env = {"MONITOR_DATABASE_URL": sqlite_url, "MONITOR_FEEDS": feed_server.url("/f.xml")}
    feed_server.add("/f.xml", SNAPSHOTS / "snapshot2.xml")
    run("poll", "--once", **env)
    assert "67,194" in run("history", "gaza_deaths_total", **env).output
    assert "hamas/disarmament" in run("positions", "hamas", **env).output
    replayed = run("replay", **env).output
    assert "4 stored items replayed" in replayed and "67194" in replayed


def test_notify_test_reports_each_target(webhook: WebhookReceiver, sqlite_url: str) -> None:
    result = run("notify-test", MONITOR_NOTIFY=webhook.url(), MONITOR_DATABASE_URL=sqlite_url)
    assert result.exit_code == 0
    assert result.output.startswith("ok")
    assert webhook.posts[0]["title"] == "monitor test message"


def test_notify_test_to_a_dead_target_fails_with_status_1(sqlite_url: str) -> None:
    result = run("notify-test", MONITOR_NOTIFY="json://127.0.0.1:9/hook", MONITOR_DATABASE_URL=sqlite_url)
    assert result.exit_code == 1
    assert "FAILED" in result.output


def test_notify_test_without_routes_says_how_to_add_one(sqlite_url: str) -> None:
    result = run("notify-test", MONITOR_DATABASE_URL=sqlite_url)
    assert result.exit_code == 2
    assert "MONITOR_NOTIFY" in result.output


def test_alerts_lists_the_outbox(feed_server: FeedServer, webhook: WebhookReceiver, sqlite_url: str) -> None:
    env = {"MONITOR_DATABASE_URL": sqlite_url, "MONITOR_FEEDS": feed_server.url("/f.xml"),
           "MONITOR_NOTIFY": webhook.url()}
    feed_server.add("/f.xml", SNAPSHOTS / "snapshot1.xml")
    run("poll", "--once", **env)
    feed_server.add("/f.xml", SNAPSHOTS / "snapshot2.xml")
    run("poll", "--once", **env)
    listing = run("alerts", **env).output
    assert "sent" in listing and "67,194" in listing


def test_unreachable_database_is_one_line_without_password() -> None:
    result = run("poll", MONITOR_DATABASE_URL="postgresql+psycopg://me:hunter2@127.0.0.1:9/x")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "hunter2" not in result.output


@pytest.mark.parametrize("command", [["health"], ["db", "upgrade"]], ids=["health", "db-upgrade"])
def test_maintenance_commands_succeed_on_a_fresh_database(command: list[str], sqlite_url: str) -> None:
    assert run(*command, MONITOR_DATABASE_URL=sqlite_url).exit_code == 0


def test_demo_replays_reports_and_prints_alerts() -> None:
    result = run("demo", "--step", "0", "--per-step", "25")
    assert result.exit_code == 0
    assert "=== ALERT:" in result.output
    assert "demo finished" in result.output
