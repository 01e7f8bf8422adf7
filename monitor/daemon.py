"""The long-running worker: APScheduler ticks, each tick polls the feeds that are due; signals stop it cleanly."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from monitor.app import FetcherFactory, Setup, utcnow
from monitor.errors import DatabaseUnavailableError, MonitorError, RulesError
from monitor.pipeline import Pipeline, PollReport
from monitor.store import leases
from monitor.store.db import transaction
from monitor.types import FeedSpec

log = logging.getLogger(__name__)


def dead_here(owner: str) -> bool:
    """Is `owner` a process of this host that no longer runs? This process's own pid counts as dead: nothing
    has been claimed yet when this is asked, so it was a predecessor (a container restarts as pid 1 again)."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another host's process: its leases run out on their own
    return int(pid) == os.getpid() or not running(int(pid))


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def release_dead_leases(engine: Engine) -> None:
    """Take back at once the feeds and alerts that a killed predecessor was working on."""
    with transaction(engine) as conn:
        dead = {owner for owner in leases.holders(conn, utcnow()) if dead_here(owner)}
        freed_feeds, freed_alerts = leases.release(conn, dead)
    if dead:
        log.warning("released the leases of dead process(es) %s: %d feed(s), %d alert(s)",
                    ", ".join(sorted(dead)), freed_feeds, freed_alerts)


@contextmanager
def database_outage(job: str) -> Iterator[None]:
    """A database that is gone (restarting, unreachable, full) costs this run of `job` one log line, not a
    traceback; the next run tries again, and finds whatever was left undone (every step commits on its own)."""
    try:
        yield
    except DatabaseUnavailableError as exc:
        log.error("%s skipped: database unavailable: %s", job, exc.reason, extra={"error": exc.reason})


async def poll_cycle(
    pipeline: Pipeline, specs: Sequence[FeedSpec], make_fetcher: FetcherFactory, *, due_only: bool
) -> list[PollReport]:
    """One cycle: fetch and process the feeds (those due, or all)."""
    async with make_fetcher() as fetcher:
        reports = await pipeline.poll(specs, fetcher, due_only=due_only)
    for report in reports:
        log_report(report)
    return reports


def log_report(report: PollReport) -> None:
    fields = {
        "feed_name": report.feed.name, "feed_url": report.feed.url, "status": report.status,
        "new": report.new, "updated": report.updated, "unchanged": report.unchanged,
        "elapsed_ms": round(report.elapsed_s * 1000),
        "next_poll": report.next_poll.isoformat(timespec="seconds") if report.next_poll else None,
    }
    if report.error:
        log.warning("poll failed: %s", report.error, extra={**fields, "error": report.error})
    else:
        log.info("polled", extra=fields)


class Daemon:
    """Polls on a schedule until SIGTERM or SIGINT, then finishes the feed in hand and exits.

    SIGHUP rebuilds the setup from the rules (`reload`): a good edit is used from the next poll on, which starts
    at once; a broken one is logged with its file:line problems and the last good setup keeps running.
    """

    def __init__(
        self, setup: Setup, make_fetcher: FetcherFactory, *, tick_s: float, deliver_every_s: float = 2.0,
        reload: Callable[[], Setup] | None = None,
    ) -> None:
        self.setup = setup
        self.reload = reload
        self.deliver_every_s = deliver_every_s
        self.tick_s = tick_s
        self.make_fetcher = make_fetcher
        self.stopping = threading.Event()
        self._wake = threading.Event()  # set by the signal handlers: the main loop has something to do
        self._reload_wanted = threading.Event()
        self._cycle: tuple[asyncio.AbstractEventLoop, asyncio.Task[list[PollReport]]] | None = None
        self._deliver_wanted = threading.Event()

    def tick(self) -> None:
        """One scheduled run: poll what is due. Each feed commits on its own, so stopping mid-cycle is safe."""
        if not self.stopping.is_set():
            with database_outage("poll"):
                reports = asyncio.run(self._tick())
                if any(r.events for r in reports):  # new alerts go out now, not at the next delivery tick
                    self._deliver_wanted.set()
                    self._wake.set()

    async def _tick(self) -> list[PollReport]:
        setup = self.setup  # read once: a reload during the cycle takes effect at the next one
        task = asyncio.create_task(poll_cycle(setup.pipeline, setup.specs, self.make_fetcher, due_only=True))
        self._cycle = (asyncio.get_running_loop(), task)
        try:
            return await task
        except asyncio.CancelledError:
            log.info("poll cycle abandoned: stopping")
            return []
        finally:
            self._cycle = None

    def deliver(self) -> None:
        """Send due alerts. Runs in its own scheduler thread, so a slow target never delays polling."""
        if self.stopping.is_set():
            return
        with database_outage("delivery"):
            report = self.setup.alerter.deliver_due()
            if report.sent or report.retrying or report.failed:
                log.info("delivery: %d sent, %d to retry, %d failed", report.sent, report.retrying, report.failed)

    def stop(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        """Signal handler: ask the scheduler loop to end and abandon the fetches in flight."""
        self.stopping.set()
        self._wake.set()
        cycle = self._cycle
        if cycle:
            cycle[0].call_soon_threadsafe(cycle[1].cancel)

    def request_reload(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        """SIGHUP handler: the main loop reloads (loading rules takes a while; a handler must return quickly)."""
        self._reload_wanted.set()
        self._wake.set()

    def _reload(self, scheduler: BackgroundScheduler) -> None:
        if self.reload is None:
            log.warning("SIGHUP ignored: this daemon was started without a way to reload its rules")
            return
        try:
            setup = self.reload()
        except RulesError as exc:
            log.error("rules reload failed, still running the last good rules: %d problem(s)", len(exc.problems))
            for problem in exc.problems:
                log.error("  %s", problem)
            return
        except MonitorError as exc:
            log.error("rules reload failed, still running the last good rules: %s", exc, extra={"error": str(exc)})
            return
        self.setup = setup
        log.info("rules reloaded: %d feeds", len(setup.specs))
        scheduler.modify_job("poll", next_run_time=utcnow())  # new feeds and rules get their poll now

    def run(self) -> None:
        scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        )
        scheduler.add_job(
            self.tick, "interval", seconds=self.tick_s, jitter=min(5.0, self.tick_s / 4), id="poll",
            next_run_time=utcnow(), replace_existing=True,
        )
        scheduler.add_job(self.deliver, "interval", seconds=self.deliver_every_s, id="deliver",
                          next_run_time=utcnow(), replace_existing=True)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self.stop)
        signal.signal(signal.SIGHUP, self.request_reload)
        release_dead_leases(self.setup.pipeline.engine)
        scheduler.start()
        log.info("monitor running: %d feeds, checking every %gs", len(self.setup.specs), self.tick_s)
        while not self.stopping.is_set():
            # Python runs a signal's handler in this thread, but only once it wakes: if the signal reached a
            # scheduler thread, nothing wakes it but this timeout.
            self._wake.wait(timeout=0.5)
            self._wake.clear()
            if self._reload_wanted.is_set() and not self.stopping.is_set():
                self._reload_wanted.clear()
                self._reload(scheduler)
            # Jobs are rescheduled from this thread only: shutdown() holds the scheduler's locks while it waits
            # for running jobs, so a job that touched the schedule then would never finish.
            if self._deliver_wanted.is_set() and not self.stopping.is_set():
                self._deliver_wanted.clear()
                scheduler.modify_job("deliver", next_run_time=utcnow())
        log.info("stopping: finishing the feed in hand")
        scheduler.shutdown(wait=True)
        log.info("stopped")

