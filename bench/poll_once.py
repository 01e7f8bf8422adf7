"""Benchmark: wall time of `monitor poll --once` over N local feeds, cold (every item new, analysed and
stored) and again (every feed answers 304), on a fresh SQLite file or PostgreSQL.

Run from the repository root:

    .venv/bin/python -m bench.poll_once                    # 100 feeds of 20 items, SQLite
    .venv/bin/python -m bench.poll_once --feeds 1000
    .venv/bin/python -m bench.poll_once --database postgresql+psycopg://postgres@127.0.0.1:5432/bench

It runs the installed `monitor` command exactly as a user would, with MONITOR_FEEDS naming the local feeds.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fetch_parse import serve


def poll(env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).parent / "monitor"), "poll", "--once"], env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"monitor poll failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=20, help="items per feed")
    parser.add_argument("--database", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.feeds, args.items, 0.0, child), daemon=True)
    server.start()
    base = parent.recv()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "MONITOR_LOG_LEVEL": "WARNING",
               "MONITOR_DATABASE_URL": args.database or f"sqlite:///{folder}/bench.db",
               "MONITOR_FEEDS": " ".join(f"{base}/{n}.xml" for n in range(args.feeds))}
        cold, cold_summary = poll(env)
        warm, warm_summary = poll(env)
    server.terminate()
    print(f"{args.feeds} feeds x {args.items} items, {env['MONITOR_DATABASE_URL'].split(':')[0]}")
    print(f"cold poll --once:    {cold:6.2f} s   ({cold_summary})")
    print(f"all-304 poll --once: {warm:6.2f} s   ({warm_summary})")


if __name__ == "__main__":
    main()
