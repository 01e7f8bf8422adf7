"""Fault injection: `monitor run` is SIGKILLed at random moments while it polls and while it delivers, and
restarted; its mail server goes down and comes back; its feeds answer errors. At the end every expected alert
must have arrived exactly once and every item must be stored once.

    .venv/bin/python -m bench.faults --kills 50 [--seed 7] [--keep DIR]

Three local feeds tell stories whose figures rise step by step (a death toll, the injured, prisoners
released), in sentences that the bundled rules read as figures. Each round publishes one more report, so the
alerts to expect are known: one per report that raises its metric above the last (the first report of a
metric without a baseline sets it silently). Alerts are recognised by the report link in their body.

Each round starts the daemon (a SQLite file, a 0.5 s tick, feeds due every second) and kills it in one of
three ways: at a random moment (start-up included), just after a feed request reaches the server (mid-poll),
or when the daemon opens a mail transaction (mid-delivery). Two rounds in ten run with the mail server down, and
one in four with a feed answering HTTP 500. Then the daemon runs once more without faults until
every expected alert has arrived, and a table is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import sqlalchemy as sa

from monitor.store import db
from monitor.store.tables import alerts, items
from tests.support.feedserver import FeedServer
from tests.support.processes import MonitorProcess, start_monitor, write_rules
from tests.support.receivers import SmtpReceiver, free_port

KILL_KINDS = ("at a random moment", "mid-poll", "mid-delivery")
FIRST_REPORT = datetime(2025, 11, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    """One feed: report n says `sentence` with the value first + n * step."""

    slug: str
    sentence: str
    first: int
    step: int
    has_baseline: bool  # the rules know a value before the first report: that report is a change too

    def link(self, n: int) -> str:
        return f"https://news.example.org/faults/{self.slug}/{n}"

    def expected(self, reports: int) -> list[str]:
        """The links of the reports that raise an alert."""
        return [self.link(n) for n in range(0 if self.has_baseline else 1, reports)]

    def rss(self, reports: int) -> str:
        """The feed after `reports` reports, newest first."""
        entries = "".join(self._item(n) for n in reversed(range(reports)))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{self.slug}</title>'
                f"<link>https://news.example.org/{self.slug}</link><description>fault run</description>"
                f"{entries}</channel></rss>")

    def _item(self, n: int) -> str:
        when = (FIRST_REPORT + timedelta(hours=n)).strftime("%a, %d %b %Y %H:%M:%S GMT")
        text = escape(self.sentence.format(value=self.first + n * self.step))
        return (f"<item><title>{escape(self.slug)} update {n}</title><link>{self.link(n)}</link>"
                f"<guid>{self.link(n)}</guid><pubDate>{when}</pubDate><description>{text}</description></item>")


STORIES = (
    Story("deaths", "Gaza's health ministry said the death toll from Israeli strikes since October 2023 has "
          "risen to {value:,}.", 67_200, 37, has_baseline=True),
    Story("injured", "Gaza's health ministry said {value:,} people have been wounded in Israeli strikes since "
          "October 2023.", 170_300, 121, has_baseline=False),
    Story("prisoners", "The Red Cross said {value:,} Palestinian prisoners have been released from Israeli "
          "jails under the ceasefire deal with Hamas.", 2_000, 15, has_baseline=False),
)


@dataclass
class WatchedSmtp(SmtpReceiver):
    """The mail receiver, telling when a client starts a mail transaction. It answers MAIL after a pause, as a
    busy server does, so that a kill meant for the middle of a delivery lands there (a whole transaction takes a
    millisecond on the loopback)."""

    mail_started: threading.Event = field(default_factory=threading.Event)
    pause_s: float = 0.3

    async def handle_MAIL(  # noqa: N802 (aiosmtpd API)
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        self.mail_started.set()
        await asyncio.sleep(self.pause_s)
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    def links(self) -> Counter[str]:
        """How many times each report link arrived in an alert."""
        found: Counter[str] = Counter()
        for message in self.messages:
            found.update(w for w in self.text(message).split() if w.startswith("https://news.example.org/"))
        return found


@dataclass
class Tally:
    """What was injected and what the daemon did about it."""

    kills: Counter[str] = field(default_factory=Counter)
    mail_outages: int = 0
    feed_errors: int = 0
    crashes: int = 0  # the daemon exited on its own
    crash_logs: list[str] = field(default_factory=list)
    final_exit: int | None = None


@dataclass(frozen=True)
class Outcome:
    tally: Tally
    expected: list[str]
    received: Counter[str]
    items_expected: int
    items_stored: int
    items_distinct: int
    alerts_unsent: int

    @property
    def duplicated(self) -> int:
        return sum(count - 1 for link, count in self.received.items() if link in self.expected and count > 1)

    @property
    def lost(self) -> int:
        return sum(1 for link in self.expected if not self.received[link])

    @property
    def unexpected(self) -> int:
        return sum(count for link, count in self.received.items() if link not in self.expected)

    @property
    def perfect(self) -> bool:
        return (self.duplicated == self.lost == self.unexpected == self.tally.crashes == 0
                and self.items_stored == self.items_distinct == self.items_expected and self.tally.final_exit == 0)


class FaultRun:
    """The feeds, the mail receiver and the daemon's environment for one run."""

    def __init__(self, folder: Path, kills: int, seed: int, feeds: FeedServer, smtp: WatchedSmtp) -> None:
        self.kills = kills
        self.random = random.Random(seed)
        self.feeds = feeds
        self.smtp = smtp
        self.reports = dict.fromkeys((s.slug for s in STORIES), 1)
        self.total_reports = max(2, -(-kills // len(STORIES)))
        self.tally = Tally()
        self.folder = folder
        self.database_url = f"sqlite:///{folder / 'monitor.db'}"
        urls = {story.slug: feeds.url(f"/{story.slug}.xml") for story in STORIES}
        route = {"id": "desk", "urls": [smtp.url()], "events": ["figure_change"]}
        delivery = {"max_attempts": 100, "first_retry": "1s", "max_retry": "2s"}
        rules = write_rules(folder / "rules", urls, alerts={"routes": [route], "delivery": delivery})
        self.env = {"MONITOR_DATABASE_URL": self.database_url, "MONITOR_RULES": str(rules),
                    "MONITOR_TICK": "0.5", "MONITOR_MIN_INTERVAL": "0.5", "MONITOR_LOG_LEVEL": "INFO"}
        self._publish_all()

    def _publish_all(self, error_slug: str | None = None) -> None:
        for story in STORIES:
            if story.slug == error_slug:
                self.feeds.add(f"/{story.slug}.xml", "internal error", status=500, content_type="text/plain")
            else:
                self.feeds.add(f"/{story.slug}.xml", story.rss(self.reports[story.slug]))

    def run(self) -> Outcome:
        for number in range(self.kills):
            story = STORIES[number % len(STORIES)]
            self.reports[story.slug] = min(self.total_reports, self.reports[story.slug] + 1)
            self._publish_all(self._failing_feed(number))
            self._set_mail_server(up=number % 10 not in (3, 4))
            self._round(KILL_KINDS[number % len(KILL_KINDS)])
        return self._finish()

    def _failing_feed(self, number: int) -> str | None:
        """One round in four, a random feed answers HTTP 500."""
        if number % 4 != 2:
            return None
        self.tally.feed_errors += 1
        return self.random.choice(STORIES).slug

    def _set_mail_server(self, up: bool) -> None:
        """Rounds 3 and 4 of every ten run with the mail server down."""
        if up and self.smtp.controller is None:
            self.smtp.start()
        elif not up and self.smtp.controller is not None:
            self.smtp.stop()
            self.tally.mail_outages += 1

    def _round(self, kind: str) -> None:
        with start_monitor(["run"], self.env) as daemon:
            hit = self._wait_for_moment(kind)
            if daemon.proc.poll() is not None:
                self._crashed(daemon)
                return
            daemon.kill()
            self.tally.kills[kind if hit else KILL_KINDS[0]] += 1
        self._keep_log(daemon, f"killed {kind if hit else KILL_KINDS[0]}")

    def _keep_log(self, daemon: MonitorProcess, end: str) -> None:
        with (self.folder / "daemon.log").open("a", encoding="utf-8") as log:
            log.write(f"{daemon.log()}\n=== {end}\n")

    def _wait_for_moment(self, kind: str) -> bool:
        """Sleep until the moment to kill; False if that moment did not come (a random one was used)."""
        if kind == "mid-poll":
            before = self._hits()
            return self._wait(lambda: self._hits() > before, jitter_s=0.1)
        if kind == "mid-delivery":
            self.smtp.mail_started.clear()
            return self._wait(self.smtp.mail_started.is_set, jitter_s=0.0)
        time.sleep(self.random.uniform(0.0, 2.5))
        return True

    def _wait(self, happened: Callable[[], bool], jitter_s: float, timeout_s: float = 6.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while not happened():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
        time.sleep(self.random.uniform(0.0, jitter_s))
        return True

    def _hits(self) -> int:
        return sum(self.feeds.hits(f"/{story.slug}.xml") for story in STORIES)

    def _crashed(self, daemon: MonitorProcess) -> None:
        self.tally.crashes += 1
        self.tally.crash_logs.append(daemon.log())

    def expected(self) -> list[str]:
        return [link for story in STORIES for link in story.expected(self.total_reports)]

    def _finish(self) -> Outcome:
        """Publish everything, no faults, and let the daemon run until every expected alert has arrived
        (apprise waits 5.5 s between two messages to one target, hence the generous deadline)."""
        self.reports = dict.fromkeys(self.reports, self.total_reports)
        self._publish_all()
        if self.smtp.controller is None:
            self.smtp.start()
        expected = self.expected()
        with start_monitor(["run"], self.env) as daemon:
            deadline = time.monotonic() + 60 + 6 * len(expected)
            while time.monotonic() < deadline and not (set(expected) <= set(self.smtp.links()) and self._idle()):
                time.sleep(0.5)
            time.sleep(3.0)  # a duplicate still on its way arrives in this time
            self.tally.final_exit = daemon.stop()
        self._keep_log(daemon, f"stopped with status {self.tally.final_exit}")
        return self._outcome(expected)

    def _idle(self) -> bool:
        """Nothing left to send."""
        engine = db.create_engine(self.database_url)
        with engine.connect() as conn:
            left = conn.execute(sa.select(sa.func.count()).select_from(alerts).where(alerts.c.status != "sent"))
            count = int(left.scalar_one())
        engine.dispose()
        return count == 0

    def _outcome(self, expected: list[str]) -> Outcome:
        engine = db.create_engine(self.database_url)
        with engine.connect() as conn:
            stored = int(conn.execute(sa.select(sa.func.count()).select_from(items)).scalar_one())
            distinct = int(conn.execute(sa.select(sa.func.count(sa.distinct(items.c.link)))).scalar_one())
            unsent = int(conn.execute(sa.select(sa.func.count()).select_from(alerts)
                                      .where(alerts.c.status != "sent")).scalar_one())
        engine.dispose()
        return Outcome(self.tally, expected, self.smtp.links(), self.total_reports * len(STORIES), stored, distinct,
                       unsent)


@contextmanager
def fault_run(kills: int, seed: int, keep: Path | None = None) -> Iterator[FaultRun]:
    """A FaultRun with its feed server and mail receiver, in `keep` or a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="monitor-faults-") as scratch, FeedServer() as feeds:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        smtp = WatchedSmtp(free_port())
        smtp.start()
        try:
            yield FaultRun(folder, kills, seed, feeds, smtp)
        finally:
            smtp.stop()


def table(outcome: Outcome) -> str:
    """The report: faults injected per kind, then what arrived and what was stored."""
    tally = outcome.tally
    rows: list[tuple[str, object]] = [(f"SIGKILL {kind}", tally.kills[kind]) for kind in KILL_KINDS]
    rows += [("mail server down (2 rounds)", tally.mail_outages), ("feed answering HTTP 500 (1 round)",
             tally.feed_errors), ("daemon crashes (exited on its own)", tally.crashes),
             ("alerts expected", len(outcome.expected)), ("alerts received", sum(outcome.received.values())),
             ("alerts duplicated", outcome.duplicated), ("alerts lost", outcome.lost),
             ("alerts unexpected", outcome.unexpected), ("alerts not marked sent", outcome.alerts_unsent),
             ("items expected", outcome.items_expected), ("items stored", outcome.items_stored),
             ("items stored once (distinct links)", outcome.items_distinct),
             ("exit status of the final clean stop", tally.final_exit)]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value!s:>6}" for name, value in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="SIGKILLs to inject (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the fault schedule")
    parser.add_argument("--keep", type=Path, help="keep the database, rules and logs in this folder")
    args = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)  # aiosmtpd's tracebacks for the killed clients
    started = time.monotonic()
    with fault_run(args.kills, args.seed, args.keep) as run:
        outcome = run.run()
    print(table(outcome))
    print(f"{'wall time':<36}  {time.monotonic() - started:>5.0f}s")
    for log in outcome.tally.crash_logs:
        print("--- log of a daemon that exited on its own:\n" + log)
    raise SystemExit(0 if outcome.perfect else 1)


if __name__ == "__main__":
    main()
