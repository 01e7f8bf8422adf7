"""The pipeline over real local feeds: failures stay local, unchanged feeds cost nothing, and broken or
recovered feeds raise feed_health alerts once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from monitor.alerts.alerter import Alerter
from monitor.alerts.notify import Notifier
from monitor.decide.health import HealthPolicy
from monitor.detect.analyze import Analyzer
from monitor.ingest.fetch import Fetcher
from monitor.pipeline import Pipeline, PollReport
from monitor.ruleset.loader import load_rules
from monitor.ruleset.models.alerts import Route
from monitor.store import detection, feeds
from monitor.types import FeedSpec
from tests.support.feedserver import FeedServer
from tests.support.receivers import WebhookReceiver

RULES = load_rules(Path(__file__).parent.parent / "rules", {})
SNAPSHOT = Path(__file__).parent / "data" / "e2e" / "snapshot1.xml"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 10, 9, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def pipeline(engine: Engine, clock: Clock, webhook: WebhookReceiver | None = None) -> tuple[Pipeline, Alerter]:
    routes = [Route(id="ops", urls=[webhook.url()], events=["feed_health"])] if webhook else []
    alerter = Alerter(engine, routes, Notifier(routes), {}, clock)
    policy = HealthPolicy(alert_after_failing_s=3600, silence_factor=10, min_silence_s=86400)
    return Pipeline(engine, Analyzer(RULES), clock, lambda: 0.0, on_event=alerter.enqueue, health=policy), alerter


def poll(pipe: Pipeline, specs: list[FeedSpec]) -> list[PollReport]:
    async def run() -> list[PollReport]:
        async with Fetcher(user_agent="monitor-test") as fetcher:
            return await pipe.poll(specs, fetcher, due_only=False)

    return sorted(asyncio.run(run()), key=lambda r: r.feed.name)


def test_one_broken_feed_does_not_stop_the_others(engine: Engine, feed_server: FeedServer) -> None:
    specs = [FeedSpec(feed_server.add("/good.xml", SNAPSHOT), "good"), FeedSpec(feed_server.url("/gone"), "gone")]
    gone, good = poll(pipeline(engine, Clock())[0], specs)
    assert (good.error, good.new) == (None, 2)
    assert gone.error is not None and "404" in gone.error


def test_failed_feed_keeps_its_reason_and_backs_off(engine: Engine, feed_server: FeedServer) -> None:
    clock = Clock()
    spec = FeedSpec(feed_server.add("/broken.xml", b"<html><body>not a feed</body></html>"), "broken")
    [report] = poll(pipeline(engine, clock)[0], [spec])
    with engine.connect() as conn:
        state = feeds.get_state(conn, spec.url)
    assert state is not None and state.consecutive_failures == 1
    assert state.last_error == report.error
    assert state.next_poll_at > clock.now + timedelta(seconds=spec.interval_s * 0.9)


def test_unchanged_feed_is_answered_304_and_not_parsed_again(engine: Engine, feed_server: FeedServer) -> None:
    spec = FeedSpec(feed_server.add("/a.xml", SNAPSHOT, etag='"v1"'), "a")
    pipe = pipeline(engine, Clock())[0]
    poll(pipe, [spec])
    [again] = poll(pipe, [spec])
    assert (again.status, again.new, again.error) == (304, 0, None)
    assert feed_server.requests("/a.xml")[1]["if-none-match"] == '"v1"'


@pytest.mark.parametrize("recovery", [False, True], ids=["breaks", "breaks-then-recovers"])
def test_feed_failing_past_the_limit_raises_one_health_alert_and_one_on_recovery(
    engine: Engine, feed_server: FeedServer, webhook: WebhookReceiver, recovery: bool
) -> None:
    clock = Clock()
    pipe, alerter = pipeline(engine, clock, webhook)
    spec = FeedSpec(feed_server.url("/flaky.xml"), "flaky")
    for _ in range(4):  # failing for 0, 40, 80, 120 minutes: over the one-hour limit from the third poll
        poll(pipe, [spec])
        clock.now += timedelta(minutes=40)
    if recovery:
        feed_server.add("/flaky.xml", SNAPSHOT)
        poll(pipe, [spec])
        poll(pipe, [spec])
    alerter.deliver_due()
    with engine.connect() as conn:
        health = [(e.old, e.new) for e in detection.list_events(conn, "feed_health")]
    assert health == ([("ok", "failing"), ("failing", "ok")] if recovery else [("ok", "failing")])
    assert len(webhook.posts) == len(health)
    assert "HTTP 404" in webhook.posts[0]["message"]
