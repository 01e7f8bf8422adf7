"""`monitor` as a real child process, for tests and benchmarks that kill, signal and restart it.

    daemon = start_monitor(["run"], env={"MONITOR_DATABASE_URL": url, "MONITOR_FEEDS": feed})
    daemon.wait_for("monitor running")          # a regular expression, searched in each log line
    daemon.send(signal.SIGHUP)
    daemon.kill()                               # SIGKILL, and reap it
    result = run_monitor(["rules", "check"], env=...)   # a one-shot command: CompletedProcess

`write_rules(folder, feeds)` makes a rules directory from the bundled rules that polls local feeds.
`PostgresCluster` is a throwaway PostgreSQL server of the test's own, to stop and restart under a daemon.

The child gets this interpreter (the project's virtualenv), the repository as its working directory and an
environment without the caller's MONITOR_* variables, so that only what the test sets reaches it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BUNDLED_RULES = REPO / "rules"


def write_rules(
    folder: Path, feeds: Mapping[str, str], *, interval: str = "1s", alerts: Mapping[str, Any] | None = None
) -> Path:
    """`folder` filled with the bundled story rules, polling `feeds` (name -> URL) every `interval`, with
    `alerts` as alerts.yaml (default: no routes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("entities", "issues", "metrics", "stances"):
        (folder / f"{name}.yaml").write_text((BUNDLED_RULES / f"{name}.yaml").read_text(encoding="utf-8"))
    listed = [{"name": name, "url": url} for name, url in feeds.items()]
    dump(folder / "feeds.yaml", {"version": 1, "defaults": {"interval": interval, "timeout": "5s"}, "feeds": listed})
    dump(folder / "alerts.yaml", {"version": 1, "routes": [], **(alerts or {})})
    return folder


def dump(path: Path, data: Mapping[str, Any]) -> None:
    path.write_text(yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True), encoding="utf-8")


def monitor_env(env: Mapping[str, str]) -> dict[str, str]:
    """The caller's environment minus its MONITOR_* settings, plus `env`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    return clean | {"PYTHONUNBUFFERED": "1"} | dict(env)


def run_monitor(args: Sequence[str], env: Mapping[str, str], timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
    """Run one monitor command to its end; stdout and stderr are captured apart."""
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args], env=monitor_env(env), cwd=REPO, capture_output=True, text=True,
        timeout=timeout_s, check=False,
    )


class MonitorProcess:
    """A running monitor whose log lines (stdout and stderr together) are collected as they come."""

    def __init__(self, args: Sequence[str], env: Mapping[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", *args], env=monitor_env(env), cwd=REPO, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=1,
        )
        self.lines: list[str] = []
        self._new_line = threading.Condition()
        self._reader = threading.Thread(target=self._read, name=f"monitor-{self.proc.pid}-log", daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._new_line:
                self.lines.append(line.rstrip("\n"))
                self._new_line.notify_all()
        with self._new_line:
            self._new_line.notify_all()  # end of output: waiters stop waiting for more

    def wait_for(self, pattern: str, timeout_s: float = 30, after: int = 0) -> str:
        """The first log line from number `after` on that matches `pattern`; AssertionError (with the log)
        if none comes within `timeout_s` or the process ends first."""
        wanted = re.compile(pattern)
        deadline = time.monotonic() + timeout_s
        seen = after
        with self._new_line:
            while True:
                for line in self.lines[seen:]:
                    if wanted.search(line):
                        return line
                seen = len(self.lines)
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self._reader.is_alive()):
                    raise AssertionError(f"no log line matching {pattern!r}; the log:\n{self.log()}")
                self._new_line.wait(min(left, 0.5))

    def log(self) -> str:
        with self._new_line:
            return "\n".join(self.lines)

    def send(self, signum: int) -> None:
        self.proc.send_signal(signum)

    def kill(self) -> None:
        """SIGKILL: no clean-up runs in the child, as in a power cut or an OOM kill."""
        self.proc.kill()
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)

    def stop(self, timeout_s: float = 30) -> int:
        """SIGTERM and wait for the exit status (SIGKILL if it does not stop in time)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        finally:
            self._reader.join(timeout=10)

    def __enter__(self) -> MonitorProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if self.proc.poll() is None:
            self.kill()


def start_monitor(args: Sequence[str], env: Mapping[str, str]) -> MonitorProcess:
    return MonitorProcess(args, env)


class PostgresCluster:
    """A PostgreSQL server of its own (initdb into a temporary folder, its own port and socket folder), so that
    a test may stop and restart it under a running daemon without touching the machine's server. Run as the
    postgres user when we are root (initdb refuses root). Skips the test when no PostgreSQL binaries exist."""

    def __init__(self, port: int) -> None:
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not found:
            pytest.skip("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin")
        self.bin = found[-1].parent
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="monitor-pg-", dir="/tmp"))  # postgres can reach /tmp
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._tool("initdb", "-D", str(self.folder / "data"), "-A", "trust", "-U", "postgres", "--no-sync")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._tool("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "server.log"), "-w",
                   "-o", options, "start")

    def stop(self) -> None:
        """A fast shutdown: open connections are cut, as in a restart by an administrator."""
        self._tool("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _tool(self, name: str, *args: str) -> None:
        command = [str(self.bin / name), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=60, cwd=self.folder)
