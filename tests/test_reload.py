"""Rules and a running daemon: `monitor run` refuses broken rules at start, SIGHUP reloads the rules directory,
and a broken edit never replaces the rules that work. Each test drives a real `monitor run` process."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from monitor.store import db
from monitor.store.tables import items, mentions
from tests.support.feedserver import FeedServer
from tests.support.processes import MonitorProcess, run_monitor, start_monitor, write_rules

DATA = Path(__file__).parent / "data"
BROKEN_RULES = DATA / "rules"
NEWCOMER = "\n  - id: zorvani\n    name: Zorvani Institute\n    kind: organisation\n"


@pytest.fixture
def rules(tmp_path: Path, feed_server: FeedServer) -> Path:
    feed_server.add("/desk.xml", DATA / "reload" / "before.xml")
    return write_rules(tmp_path / "rules", {"Desk": feed_server.url("/desk.xml")})


@pytest.fixture
def daemon(rules: Path, sqlite_url: str) -> Iterator[MonitorProcess]:
    """`monitor run` on the rules above, once it has polled the feed."""
    env = {"MONITOR_DATABASE_URL": sqlite_url, "MONITOR_RULES": str(rules), "MONITOR_TICK": "0.5",
           "MONITOR_MIN_INTERVAL": "0.5"}
    with start_monitor(["run"], env) as process:
        process.wait_for(r"polled .*feed_name=Desk")
        yield process
        assert process.stop() == 0


def reload(daemon: MonitorProcess) -> int:
    """SIGHUP; returns the number of log lines before it, to wait for what comes after."""
    mark = len(daemon.lines)
    daemon.send(signal.SIGHUP)
    return mark


def mentioned_in(database_url: str, entity: str) -> list[str]:
    """The links of the stored items that mention `entity`."""
    engine = db.create_engine(database_url)
    query = sa.select(items.c.link).join(mentions, mentions.c.item_id == items.c.id).where(mentions.c.ref_id == entity)
    with engine.connect() as conn:
        links = sorted(set(conn.execute(query).scalars()))
    engine.dispose()
    return links


@pytest.mark.parametrize("case", ["unknown_key_with_hint", "yaml_syntax_error", "several_errors_in_several_files"])
def test_run_refuses_to_start_with_broken_rules_and_names_each_file_and_line(case: str, tmp_path: Path) -> None:
    database = tmp_path / "monitor.db"
    env = {"MONITOR_DATABASE_URL": f"sqlite:///{database}", "MONITOR_RULES": str(BROKEN_RULES / case)}
    result = run_monitor(["run"], env)
    assert result.returncode == 2
    for expected in (BROKEN_RULES / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not database.exists()  # it stopped before touching the database


def test_a_good_edit_adds_a_feed_that_is_polled_at_once(
    daemon: MonitorProcess, rules: Path, feed_server: FeedServer
) -> None:
    second = feed_server.add("/second.xml", DATA / "reload" / "before.xml")
    write_rules(rules, {"Desk": feed_server.url("/desk.xml"), "Second": second})
    mark = reload(daemon)
    daemon.wait_for("rules reloaded: 2 feeds", after=mark)
    daemon.wait_for(r"polled .*feed_name=Second", after=mark)
    assert feed_server.hits("/second.xml") >= 1


def test_a_good_edit_applies_new_entities_to_the_next_items(
    daemon: MonitorProcess, rules: Path, feed_server: FeedServer, sqlite_url: str
) -> None:
    with (rules / "entities.yaml").open("a", encoding="utf-8") as entities:
        entities.write(NEWCOMER)
    mark = reload(daemon)
    daemon.wait_for("rules reloaded", after=mark)
    feed_server.add("/desk.xml", DATA / "reload" / "after.xml")
    daemon.wait_for(r"polled .*new=1", after=mark)
    assert mentioned_in(sqlite_url, "zorvani") == ["https://news.example.org/reload/2"]


def test_a_broken_edit_is_logged_with_file_and_line_and_the_last_good_rules_keep_running(
    daemon: MonitorProcess, rules: Path, feed_server: FeedServer
) -> None:
    entities = rules / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8").replace("aliases:", "alias:", 1), encoding="utf-8")
    mark = reload(daemon)
    daemon.wait_for("rules reload failed, still running the last good rules", after=mark)
    daemon.wait_for(r"entities\.yaml:\d+: .*unknown key 'alias'", after=mark)
    feed_server.add("/desk.xml", DATA / "reload" / "after.xml")
    daemon.wait_for(r"polled .*feed_name=Desk .*new=1", after=mark)
    assert daemon.proc.poll() is None


def test_a_fixed_edit_after_a_broken_one_is_loaded(daemon: MonitorProcess, rules: Path) -> None:
    entities = rules / "entities.yaml"
    good = entities.read_text(encoding="utf-8")
    entities.write_text(good.replace("aliases:", "alias:", 1), encoding="utf-8")
    daemon.wait_for("rules reload failed", after=reload(daemon))
    entities.write_text(good + NEWCOMER, encoding="utf-8")
    daemon.wait_for("rules reloaded: 1 feeds", after=reload(daemon))
