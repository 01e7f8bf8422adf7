"""The whole chain as a user runs it: a local feed changes between two `monitor poll --once` runs, and exactly
the expected changes are recorded and mailed, on SQLite and on PostgreSQL."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.engine import Engine

from monitor.cli import main
from monitor.store import db, detection, items
from tests.support.feedserver import FeedServer
from tests.support.processes import write_rules
from tests.support.receivers import SmtpReceiver

DATA = Path(__file__).parent / "data" / "e2e"


def poll(database_url: str, feed_url: str, notify: str = "") -> Result:
    """`monitor poll --once` on the bundled rules; `notify` is an email route's URL (sent without apprise's
    5.5 s pause between two emails, which would only slow the tests down)."""
    folder = Path(tempfile.mkdtemp(prefix="monitor-e2e-"))
    routes = [{"id": "desk", "urls": [notify], "throttle": "0s"}] if notify else []
    rules = write_rules(folder, {"Example desk": feed_url}, interval="5m", alerts={"routes": routes})
    env = {"MONITOR_DATABASE_URL": database_url, "MONITOR_RULES": str(rules), "MONITOR_LOG_LEVEL": "WARNING",
           "MONITOR_NOTIFY": "", "MONITOR_FEEDS": ""}
    try:
        return CliRunner().invoke(main, ["poll", "--once"], env=env, catch_exceptions=False)
    finally:
        shutil.rmtree(folder)


def changes(engine: Engine) -> list[tuple[str, str, str | None, str]]:
    with engine.connect() as conn:
        return [(e.kind, e.subject, e.old, e.new) for e in detection.list_events(conn)
                if e.kind in ("figure_change", "position_change")]


@pytest.fixture
def feed(feed_server: FeedServer) -> str:
    return feed_server.add("/middle-east.xml", DATA / "snapshot1.xml")


def test_second_poll_records_exactly_the_figure_and_position_changes(
    database_url: str, feed_server: FeedServer, feed: str
) -> None:
    assert poll(database_url, feed).exit_code == 0
    engine = db.create_engine(database_url)
    assert changes(engine) == []
    feed_server.add("/middle-east.xml", DATA / "snapshot2.xml")
    assert poll(database_url, feed).exit_code == 0
    assert changes(engine) == [
        ("figure_change", "gaza_deaths_total", "67160", "67194"),
        ("position_change", "hamas/disarmament", "rejects", "accepts"),
    ]
    with engine.connect() as conn:
        assert items.count_items(conn) == 4


def test_changed_death_toll_sends_exactly_one_email(
    database_url: str, feed_server: FeedServer, feed: str, smtp_server: SmtpReceiver
) -> None:
    poll(database_url, feed, smtp_server.url())
    feed_server.add("/middle-east.xml", DATA / "snapshot2.xml")
    poll(database_url, feed, smtp_server.url())
    poll(database_url, feed, smtp_server.url())
    toll = [m for m in smtp_server.messages if "67,194" in str(m["Subject"])]
    assert len(toll) == 1
    body = SmtpReceiver.text(toll[0])
    assert "https://news.example.org/2025/10/09/toll" in body
    assert "67,160" in str(toll[0]["Subject"])


def test_alert_for_a_receiver_that_was_down_arrives_once_it_is_back(
    database_url: str, feed_server: FeedServer, feed: str, smtp_server: SmtpReceiver
) -> None:
    poll(database_url, feed, smtp_server.url())
    smtp_server.stop()
    feed_server.add("/middle-east.xml", DATA / "snapshot2.xml")
    poll(database_url, feed, smtp_server.url())
    smtp_server.start()
    engine = db.create_engine(database_url)
    with engine.begin() as conn:  # skip the backoff wait: make the pending retries due now
        conn.exec_driver_sql("UPDATE alerts SET deliver_after = created_at")
    poll(database_url, feed, smtp_server.url())
    poll(database_url, feed, smtp_server.url())
    assert sum("67,194" in str(m["Subject"]) for m in smtp_server.messages) == 1


def test_poll_exits_non_zero_when_every_feed_failed(database_url: str, feed_server: FeedServer) -> None:
    result = poll(database_url, feed_server.url("/missing.xml"))
    assert result.exit_code == 1
    assert "HTTP 404" in result.output


def test_a_report_that_gives_only_a_death_toll_sends_exactly_one_email(
    database_url: str, feed_server: FeedServer, smtp_server: SmtpReceiver
) -> None:
    feed = feed_server.add("/wire.xml", DATA / "toll-only.xml")
    poll(database_url, feed, smtp_server.url())
    poll(database_url, feed, smtp_server.url())
    assert [str(m["Subject"]) for m in smtp_server.messages] == [
        "Gaza cumulative death toll: 67,160 -> 67,194 (+34)"
    ]
