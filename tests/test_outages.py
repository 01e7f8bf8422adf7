"""What the daemon's surroundings do to it: a mail server that is down for a while, a PostgreSQL server restarted
under it, a disk that fills up, a database file that is read-only. Alerts wait and arrive once, events are not
lost, errors are one clear line, and the database stays sound. Real processes throughout."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from monitor.daemon import release_dead_leases
from monitor.store import db, detection, feeds, items
from monitor.types import FeedSpec
from tests.support.feedserver import FeedServer
from tests.support.processes import MonitorProcess, PostgresCluster, run_monitor, start_monitor, write_rules
from tests.support.receivers import SmtpReceiver, free_port

E2E = Path(__file__).parent / "data" / "e2e"
# snapshot1 -> snapshot2: the death toll rises and Hamas turns from rejecting disarmament to accepting it.
CHANGES = [("figure_change", "gaza_deaths_total", "67160", "67194"),
           ("position_change", "hamas/disarmament", "rejects", "accepts")]
FAST_RETRIES = {"max_attempts": 100, "first_retry": "1s", "max_retry": "2s"}
SPECS = [FeedSpec(f"http://127.0.0.1/{name}.xml", name) for name in ("dead", "elsewhere", "alive")]


@pytest.fixture
def mail() -> Iterator[SmtpReceiver]:
    """A mail receiver that is not running yet: the test starts it."""
    receiver = SmtpReceiver(free_port())
    yield receiver
    receiver.stop()


@pytest.fixture
def feed(feed_server: FeedServer) -> str:
    return feed_server.add("/desk.xml", E2E / "snapshot1.xml")


def daemon_env(tmp_path: Path, feed: str, database_url: str, mail: SmtpReceiver) -> dict[str, str]:
    route = {"id": "desk", "urls": [mail.url()], "throttle": "0s"}  # no 5.5 s pause between two emails
    rules = write_rules(tmp_path / "rules", {"Desk": feed}, alerts={"routes": [route], "delivery": FAST_RETRIES})
    return {"MONITOR_DATABASE_URL": database_url, "MONITOR_RULES": str(rules), "MONITOR_TICK": "0.5",
            "MONITOR_MIN_INTERVAL": "0.5"}


def wait_for_mail(mail: SmtpReceiver, daemon: MonitorProcess, count: int) -> None:
    """Until `count` messages have arrived, then a few delivery rounds more, for a duplicate to show."""
    daemon.wait_for("alert sent", after=0)
    while len(mail.messages) < count:
        daemon.wait_for("alert sent", after=len(daemon.lines) - 1)
    for _ in range(3):
        daemon.wait_for(r"polled ", after=len(daemon.lines))


def subjects(mail: SmtpReceiver) -> Counter[str]:
    return Counter(mail.subjects())


def stored_changes(database_url: str) -> list[tuple[str, str, str | None, str]]:
    engine = db.create_engine(database_url)
    with engine.connect() as conn:
        rows = detection.list_events(conn)
    engine.dispose()
    return [(e.kind, e.subject, e.old, e.new) for e in rows if e.kind.endswith("_change")]


def test_alerts_queued_while_the_mail_server_is_down_arrive_once_when_it_is_back(
    tmp_path: Path, feed_server: FeedServer, feed: str, sqlite_url: str, mail: SmtpReceiver
) -> None:
    feed_server.add("/desk.xml", E2E / "snapshot2.xml")
    with start_monitor(["run"], daemon_env(tmp_path, feed, sqlite_url, mail)) as daemon:
        daemon.wait_for("alert not delivered")
        daemon.wait_for("alert not delivered", after=len(daemon.lines))  # it retried, and failed again
        mail.start()
        wait_for_mail(mail, daemon, len(CHANGES))
        assert daemon.stop() == 0
    assert sorted(subjects(mail).values()) == [1, 1]
    assert stored_changes(sqlite_url) == CHANGES


@pytest.fixture
def postgres() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster(free_port())
    cluster.start()
    yield cluster
    cluster.remove()


def test_daemon_rides_out_a_postgresql_restart_and_loses_no_event(
    tmp_path: Path, feed_server: FeedServer, feed: str, postgres: PostgresCluster, mail: SmtpReceiver
) -> None:
    mail.start()
    with start_monitor(["run"], daemon_env(tmp_path, feed, postgres.url(), mail)) as daemon:
        daemon.wait_for(r"polled .*new=2")
        postgres.stop()
        feed_server.add("/desk.xml", E2E / "snapshot2.xml")  # published while the database is down
        daemon.wait_for("database unavailable", after=len(daemon.lines))
        postgres.start()
        wait_for_mail(mail, daemon, len(CHANGES))
        assert daemon.stop() == 0
    assert "Traceback" not in daemon.log()
    assert sorted(subjects(mail).values()) == [1, 1]
    assert stored_changes(postgres.url()) == CHANGES


def poll_once(database_url: str, feed: str) -> subprocess.CompletedProcess[str]:
    return run_monitor(["poll", "--once"], {"MONITOR_DATABASE_URL": database_url, "MONITOR_FEEDS": feed,
                                            "MONITOR_RULES": "rules"})


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def item_count(database_url: str) -> int:
    engine = db.create_engine(database_url)
    with engine.connect() as conn:
        count = items.count_items(conn)
    engine.dispose()
    return count


@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 2 MB tmpfs filesystem (we run as root; skipped where mounting is not allowed)."""
    mount_point = Path(subprocess.check_output(["mktemp", "-d", "/tmp/monitor-disk-XXXXXX"], text=True).strip())
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        mount_point.rmdir()
        pytest.skip(f"cannot mount a small filesystem here: {mounted.stderr.decode().strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)
    mount_point.rmdir()


def fill(folder: Path) -> Path:
    """Take every free byte of the filesystem of `folder`; returns the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_full_disk_is_one_clear_error_and_leaves_the_database_sound(
    small_disk: Path, feed_server: FeedServer
) -> None:
    database = small_disk / "monitor.db"
    url = f"sqlite:///{database}"
    feed = feed_server.add("/desk.xml", E2E / "snapshot1.xml")
    assert poll_once(url, feed).returncode == 0
    feed_server.add("/desk.xml", E2E / "snapshot2.xml")
    filler = fill(small_disk)
    result = poll_once(url, feed)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: database {url}: ")  # SQLite says "disk I/O error" or "... disk is full"
    assert line.endswith("(is the disk full, or the database folder not writable?)")
    filler.unlink()
    assert integrity(database) == "ok"
    assert item_count(url) == 2  # the failed poll stored nothing, not half of it
    assert poll_once(url, feed).returncode == 0
    assert item_count(url) == 4


def test_read_only_database_is_one_clear_error_and_is_left_unchanged(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    database = tmp_path / "monitor.db"
    feed = feed_server.add("/desk.xml", E2E / "snapshot1.xml")
    assert poll_once(f"sqlite:///{database}", feed).returncode == 0
    feed_server.add("/desk.xml", E2E / "snapshot2.xml")
    result = poll_once(f"sqlite:///file:{database}?mode=ro&uri=true", feed)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["error: database: attempt to write a readonly database"]
    assert integrity(database) == "ok"
    assert item_count(f"sqlite:///{database}") == 2


def test_unreachable_database_is_one_clear_line_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://monitor:s3cret@127.0.0.1:{free_port()}/monitor"
    result = run_monitor(["run"], {"MONITOR_DATABASE_URL": url, "MONITOR_RULES": "rules"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: database postgresql+psycopg://monitor:***@127.0.0.1")
    assert "s3cret" not in result.stderr


def test_database_url_that_is_not_a_url_is_one_clear_line() -> None:
    result = run_monitor(["run"], {"MONITOR_DATABASE_URL": "not a url", "MONITOR_RULES": "rules"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: invalid database URL 'not a url': Could not parse SQLAlchemy URL from given URL string"]


def claim_one(engine: Engine, spec: FeedSpec, owner: str, now: datetime) -> list[str]:
    with engine.begin() as conn:
        feeds.sync_feeds(conn, SPECS, now)
        return [state.url for state in feeds.claim_due(conn, [spec.url], now, owner, timedelta(minutes=5))]


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_restart_takes_back_the_leases_of_dead_processes_of_this_host_only(engine: Engine) -> None:
    now = datetime.now(UTC)
    here = socket.gethostname()
    claim_one(engine, SPECS[0], f"{here}:{dead_pid()}", now)
    claim_one(engine, SPECS[1], "another-host:1", now)
    claim_one(engine, SPECS[2], f"{here}:1", now)  # init: alive
    release_dead_leases(engine)
    free = {spec.name: claim_one(engine, spec, "successor", now) != [] for spec in SPECS}
    assert free == {"dead": True, "elsewhere": False, "alive": False}


def test_a_lease_left_by_a_failed_cycle_does_not_block_the_same_worker(engine: Engine) -> None:
    now = datetime.now(UTC)
    claim_one(engine, SPECS[0], "worker", now)  # then the database went away before the feed was recorded
    assert claim_one(engine, SPECS[0], "other worker", now) == []
    assert claim_one(engine, SPECS[0], "worker", now) == [SPECS[0].url]
