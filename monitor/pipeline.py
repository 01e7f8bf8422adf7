"""The pipeline: one poll of a set of feeds, step by step. It sequences the steps and records their
outcomes; every decision is made by a pure module.

    claim due feeds (store.feeds)
    -> fetch, conditional GET, size- and time-capped (fetch)
    -> parse bytes into normalised items (parse)
    -> store new and changed items (store.items)
    -> detect: match, figures, positions (detect.analyze)
    -> decide which are news: typed events (decide.changes; feed health: decide.health)
    -> store observations and events, and hand each event to `on_event` in the same transaction (store.detection)
    -> schedule the next poll, with backoff on failure (decide.schedule)

A failure stays local to its feed: it is recorded with its reason and the feed is retried later.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Connection, Engine

from monitor.decide.changes import Source, decide
from monitor.decide.health import HealthPolicy, diagnose, health_change
from monitor.decide.schedule import next_poll_at
from monitor.detect.analyze import Analyzer
from monitor.errors import DatabaseUnavailableError, FeedParseError
from monitor.events import Event
from monitor.ingest.fetch import Fetcher
from monitor.ingest.parse import parse_feed
from monitor.store import detection, feeds, items
from monitor.store.db import transaction
from monitor.types import FeedSpec, FeedState, FetchResult, Item, ParsedFeed

log = logging.getLogger(__name__)

EventSink = Callable[[Connection, int, Event], None]


@dataclass(frozen=True)
class PollReport:
    """The outcome of polling one feed."""

    feed: FeedSpec
    status: int | None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    elapsed_s: float = 0.0
    error: str | None = None
    next_poll: datetime | None = None


@dataclass
class Pipeline:
    engine: Engine
    analyzer: Analyzer
    clock: Callable[[], datetime]
    jitter: Callable[[], float]
    owner: str = "monitor"
    on_event: EventSink | None = None
    health: HealthPolicy = field(default_factory=HealthPolicy)
    min_interval_s: float = 60.0  # the shortest time between two polls of one feed (MONITOR_MIN_INTERVAL)

    async def poll(self, specs: Sequence[FeedSpec], fetcher: Fetcher, *, due_only: bool = True) -> list[PollReport]:
        """Poll the configured feeds that are due (or all of them), processing each as its fetch completes."""
        claimed = self._claim(specs, due_only)
        by_url = {spec.url: spec for spec in specs}
        one_at_a_time = asyncio.Lock()

        async def run(state: FeedState) -> PollReport:
            spec = by_url[state.url]
            result = await fetcher.fetch(spec, state.validators)
            async with one_at_a_time:  # database writes and CPU-bound parsing, off the event loop
                return await asyncio.to_thread(self.process, spec, state, result)

        return list(await asyncio.gather(*(run(state) for state in claimed)))

    def _claim(self, specs: Sequence[FeedSpec], due_only: bool) -> list[FeedState]:
        now = self.clock()
        lease = timedelta(seconds=max((s.timeout_s for s in specs), default=60) + 120)
        with transaction(self.engine) as conn:
            feeds.sync_feeds(conn, specs, now)
            when = now if due_only else now + timedelta(days=365 * 100)
            return feeds.claim_due(conn, [s.url for s in specs], when, self.owner, lease)

    def process(self, spec: FeedSpec, state: FeedState, result: FetchResult) -> PollReport:
        """Everything after the fetch, in one transaction per feed. An unexpected error (a bug, the database
        gone) is logged and reported for this feed alone; its lease runs out and it is polled again later."""
        try:
            return self._process(spec, state, result)
        except DatabaseUnavailableError as exc:  # the database went away (restart, full disk): one line, no traceback
            log.error("processing failed: database unavailable: %s", exc.reason,
                      extra={"feed_url": spec.url, "feed_name": spec.name, "error": exc.reason})
            return PollReport(spec, result.status, error=f"database unavailable: {exc.reason}"[:500])
        except Exception as exc:  # a failure stays local to its feed: the rest of the cycle goes on
            log.exception("processing failed", extra={"feed_url": spec.url, "feed_name": spec.name})
            return PollReport(spec, result.status, error=f"internal error: {type(exc).__name__}: {exc}"[:500])

    def _process(self, spec: FeedSpec, state: FeedState, result: FetchResult) -> PollReport:
        started = time.monotonic()
        if result.error:
            return self._fail(spec, state, result.status, result.error, result, started)
        if result.body is None:  # 304, or a 200 identical to the last body
            return self._succeed(spec, state, result, None, started)
        try:
            parsed = parse_feed(
                result.body, url=result.final_url, content_type=result.content_type, lang=spec.lang, now=self.clock()
            )
        except FeedParseError as exc:
            return self._fail(spec, state, result.status, str(exc), result, started)
        return self._succeed(spec, state, result, parsed, started)

    def _next(self, spec: FeedSpec, failures: int, result: FetchResult, ttl_s: float | None = None) -> datetime:
        return next_poll_at(
            self.clock(), interval_s=spec.interval_s, failures=failures, retry_after_s=result.retry_after_s,
            max_age_s=result.max_age_s, ttl_s=ttl_s, jitter=self.jitter(), min_interval_s=self.min_interval_s,
        )

    def _fail(
        self, spec: FeedSpec, state: FeedState, status: int | None, error: str, result: FetchResult,
        started: float,
    ) -> PollReport:
        next_poll = self._next(spec, state.consecutive_failures + 1, result)
        with transaction(self.engine) as conn:
            feeds.record_failure(conn, state.id, status, error, self.clock(), next_poll)
            self._check_health(conn, spec, state, state.failing_since or self.clock(), error)
        return self._report(spec, result, started, error=error, next_poll=next_poll)

    def _succeed(
        self, spec: FeedSpec, state: FeedState, result: FetchResult, parsed: ParsedFeed | None, started: float
    ) -> PollReport:
        next_poll = self._next(spec, 0, result, parsed.ttl_s if parsed else None)
        with transaction(self.engine) as conn:
            saved = items.save_items(conn, state.id, parsed.items, self.clock()) if parsed else None
            events = self._detect(conn, spec, saved.to_analyze) if saved else 0
            feeds.record_success(conn, state.id, result, self.clock(), next_poll, parsed.title if parsed else None)
            self._check_health(conn, spec, state, None, None)
        if saved is None:
            return self._report(spec, result, started, next_poll=next_poll)
        return self._report(
            spec, result, started, saved.new, saved.updated, saved.unchanged, events, next_poll=next_poll
        )

    def _detect(self, conn: Connection, spec: FeedSpec, entries: list[tuple[int, Item]]) -> int:
        """Analyse new and changed items oldest first (feeds list the newest first), so that changes read
        from the older report to the newer; store what they report and the changes it makes."""
        if not entries:
            return 0
        entries = sorted(entries, key=lambda pair: pair[1].published or datetime.max.replace(tzinfo=UTC))
        detection.lock_detection(conn)
        history = detection.load_history(conn, self.analyzer.baselines)
        count = 0
        for item_id, entry in entries:
            published = entry.published.date() if entry.published else None
            analysis = self.analyzer.analyze(entry.title, entry.text, entry.lang or spec.lang, published)
            source = Source(entry.key, entry.title, entry.link, spec.name, entry.published, entry.text)
            decision = decide(history, self.analyzer.directions, analysis, source)
            history = decision.history
            detection.save_analysis(conn, item_id, analysis, entry.published, self.clock(), decision.stale)
            count += sum(self._emit(conn, item_id, event) for event in decision.events)
            items.mark_analyzed(conn, item_id, entry.content_hash)
        return count

    def _check_health(
        self, conn: Connection, spec: FeedSpec, state: FeedState, failing_since: datetime | None, error: str | None
    ) -> None:
        """Raise a feed_health event when the feed breaks (failing, silent) or recovers."""
        now = self.clock()
        found = diagnose(now, failing_since, error, feeds.recent_published(conn, state.id), self.health)
        event = health_change(spec.name, spec.url, state.health, found, now)
        if event is None:
            return
        feeds.set_health(conn, state.id, event.new)
        log.warning("feed %s is %s: %s", spec.name, event.new, event.reason, extra={"feed_url": spec.url})
        self._emit(conn, None, event)

    def _emit(self, conn: Connection, item_id: int | None, event: Event) -> int:
        event_id = detection.save_event(conn, event, item_id, self.clock())
        if event_id is None:
            return 0
        log.info("%s %s: %s -> %s", event.kind, *event.shown, extra={"event": event.kind})
        if self.on_event:
            self.on_event(conn, event_id, event)
        return 1

    @staticmethod
    def _report(
        spec: FeedSpec, result: FetchResult, started: float, new: int = 0, updated: int = 0, unchanged: int = 0,
        events: int = 0, *, error: str | None = None, next_poll: datetime | None = None,
    ) -> PollReport:
        elapsed = result.elapsed_s + time.monotonic() - started
        return PollReport(spec, result.status, new, updated, unchanged, events, elapsed, error, next_poll)

