"""Benchmark: how long from a feed change being served to the alert arriving at an SMTP server.

Run from the repository root:

    .venv/bin/python -m bench.latency              # 7 changes, polling every second
    .venv/bin/python -m bench.latency --runs 15 --interval 5

A real `monitor run` (SQLite, the bundled story rules) polls one local feed; each run publishes a report with
a higher Gaza death toll and waits for the alert email at a local aiosmtpd server. It prints each latency and
the median. The route sets `throttle: 0s`: with apprise's default pause between two emails to one server
(5.5 s), alerts that follow each other closely wait for it (`--throttle 5.5s` shows that).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tests.support.feedserver import FeedServer
from tests.support.processes import start_monitor, write_rules
from tests.support.receivers import SmtpReceiver, free_port

REPORT = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Latency desk</title>
<link>http://127.0.0.1/</link><description>bench</description><language>en</language>{items}</channel></rss>"""
ITEM = """<item><title>Gaza death toll rises to {toll:,}</title><guid>toll-{toll}</guid>
<link>https://news.example.org/toll/{toll}</link><pubDate>{date}</pubDate><description>Gaza's health ministry
said the death toll from Israeli strikes since October 2023 has risen to {toll:,}.</description></item>"""


def feed(tolls: list[int]) -> bytes:
    date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
    return REPORT.format(items="".join(ITEM.format(toll=t, date=date) for t in reversed(tolls))).encode()


def wait_for_mail(smtp: SmtpReceiver, text: str, timeout_s: float = 60) -> float:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(text in str(m["Subject"]) for m in smtp.messages):
            return time.monotonic()
        time.sleep(0.01)
    raise SystemExit(f"no alert containing {text!r} within {timeout_s}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--interval", type=float, default=1.0, help="poll interval and scheduler tick, seconds")
    parser.add_argument("--throttle", default="0s", help="the alert route's throttle (default 0s)")
    args = parser.parse_args()
    smtp = SmtpReceiver(free_port())
    smtp.start()
    with FeedServer() as server, tempfile.TemporaryDirectory() as folder:
        tolls = [67160]
        url = server.add("/toll.xml", feed(tolls))
        route = {"id": "desk", "urls": [smtp.url()], "throttle": args.throttle}
        rules = write_rules(Path(folder) / "rules", {"Latency desk": url}, interval=f"{args.interval}s",
                            alerts={"routes": [route]})
        env = {"MONITOR_DATABASE_URL": f"sqlite:///{folder}/bench.db", "MONITOR_RULES": str(rules),
               "MONITOR_TICK": str(args.interval),
               "MONITOR_MIN_INTERVAL": str(args.interval)}
        with start_monitor(["run"], env) as daemon:
            daemon.wait_for("polled")
            latencies = []
            for run in range(args.runs):
                tolls.append(tolls[-1] + 17)
                server.add("/toll.xml", feed(tolls))
                served = time.monotonic()
                latencies.append(wait_for_mail(smtp, f"{tolls[-1]:,}") - served)
                print(f"run {run + 1}: {tolls[-2]:,} -> {tolls[-1]:,} alert received after {latencies[-1]:.2f} s")
    smtp.stop()
    print(f"median latency {statistics.median(latencies):.2f} s over {args.runs} runs "
          f"(poll interval and tick {args.interval:g} s, throttle {args.throttle})")


if __name__ == "__main__":
    main()
