"""The long-running worker: APScheduler ticks, each tick polls the feeds that are due; signals stop it cleanly."""

from __future__ import annotations

import asyncio
import logging
import random
import signal
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from monitor import __version__
from monitor.alerts import Alerter
from monitor.fetch import Fetcher
from monitor.pipeline import Pipeline, PollReport
from monitor.types import FeedSpec

log = logging.getLogger(__name__)

USER_AGENT = f"monitor/{__version__} (media-monitoring feed reader; +https://github.com/monitor-project/monitor)"


def utcnow() -> datetime:
    return datetime.now(UTC)


FetcherFactory = Callable[[], Fetcher]


def fetcher_factory(*, user_agent: str = "", concurrency: int = 20, block_private: bool = False) -> FetcherFactory:
    """How each cycle makes its HTTP client (one aiohttp session per cycle, on that cycle's event loop)."""
    return lambda: Fetcher(user_agent=user_agent or USER_AGENT, concurrency=concurrency,
                           block_private=block_private)


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
    """Polls on a schedule until SIGTERM or SIGINT, then finishes the feed in hand and exits."""

    def __init__(
        self, pipeline: Pipeline, alerter: Alerter, specs: Sequence[FeedSpec], make_fetcher: FetcherFactory, *,
        tick_s: float, deliver_every_s: float = 2.0,
    ) -> None:
        self.pipeline = pipeline
        self.alerter = alerter
        self.deliver_every_s = deliver_every_s
        self.specs = specs
        self.tick_s = tick_s
        self.make_fetcher = make_fetcher
        self.stopping = threading.Event()
        self._cycle: tuple[asyncio.AbstractEventLoop, asyncio.Task[list[PollReport]]] | None = None

    def tick(self) -> None:
        """One scheduled run: poll what is due. Each feed commits on its own, so stopping mid-cycle is safe."""
        if not self.stopping.is_set():
            asyncio.run(self._tick())

    async def _tick(self) -> None:
        task = asyncio.create_task(poll_cycle(self.pipeline, self.specs, self.make_fetcher, due_only=True))
        self._cycle = (asyncio.get_running_loop(), task)
        try:
            await task
        except asyncio.CancelledError:
            log.info("poll cycle abandoned: stopping")
        finally:
            self._cycle = None

    def deliver(self) -> None:
        """Send due alerts. Runs in its own scheduler thread, so a slow target never delays polling."""
        if not self.stopping.is_set():
            report = self.alerter.deliver_due()
            if report.sent or report.retrying or report.failed:
                log.info("delivery: %d sent, %d to retry, %d failed", report.sent, report.retrying, report.failed)

    def stop(self, signum: int | None = None, _frame: FrameType | None = None) -> None:
        """Signal handler: ask the scheduler loop to end and abandon the fetches in flight."""
        self.stopping.set()
        cycle = self._cycle
        if cycle:
            cycle[0].call_soon_threadsafe(cycle[1].cancel)

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
        scheduler.start()
        log.info("monitor running: %d feeds, checking every %gs", len(self.specs), self.tick_s)
        self.stopping.wait()
        log.info("stopping: finishing the feed in hand")
        scheduler.shutdown(wait=True)
        log.info("stopped")


def jitter() -> float:
    return random.random()
