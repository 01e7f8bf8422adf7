"""`monitor run` as a service manager runs it: it polls, logs one line per poll, and stops cleanly on
SIGTERM or Ctrl-C (SIGINT) within a few seconds, even with a fetch in flight."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.support.feedserver import FeedServer
from tests.support.processes import start_monitor, write_rules

SNAPSHOT = Path(__file__).parent / "data" / "e2e" / "snapshot1.xml"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_stops_the_daemon_cleanly_while_a_slow_fetch_is_in_flight(
    signum: signal.Signals, feed_server: FeedServer, tmp_path: Path
) -> None:
    fast = feed_server.add("/fast.xml", SNAPSHOT)
    slow = feed_server.add("/slow.xml", SNAPSHOT.read_bytes(), drip_s=0.5, drip_bytes=8)  # minutes to finish
    rules = write_rules(tmp_path / "rules", {"fast": fast, "slow": slow}, interval="1h")
    env = {"MONITOR_DATABASE_URL": f"sqlite:///{tmp_path / 'monitor.db'}", "MONITOR_RULES": str(rules),
           "MONITOR_TICK": "1"}
    with start_monitor(["run"], env) as daemon:
        daemon.wait_for(r"polled .*feed_name=fast")
        daemon.send(signum)
        assert daemon.proc.wait(timeout=10) == 0
    log = "\n".join(daemon.lines)
    assert "stopped" in log
    assert "Traceback" not in log


def test_each_poll_logs_feed_status_counts_and_time(feed_server: FeedServer, tmp_path: Path) -> None:
    url = feed_server.add("/a.xml", SNAPSHOT)
    rules = write_rules(tmp_path / "rules", {"desk": url}, interval="1h")
    env = {"MONITOR_DATABASE_URL": f"sqlite:///{tmp_path / 'monitor.db'}", "MONITOR_RULES": str(rules)}
    with start_monitor(["run"], env) as daemon:
        line = daemon.wait_for("polled")
        daemon.stop()
    for field in ("feed_name=desk", "status=200", "new=2", "updated=0", "unchanged=0", "elapsed_ms=", "next_poll="):
        assert field in line
