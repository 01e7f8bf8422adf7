"""Alert delivery through the outbox to real receivers (SMTP and a JSON webhook on 127.0.0.1),
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine

from monitor.alerts.alerter import Alerter
from monitor.alerts.notify import Notifier
from monitor.events import Event, Evidence, FigureChange
from monitor.ruleset.models.alerts import Delivery, Route
from monitor.store import detection, outbox
from tests.support.receivers import SmtpReceiver, WebhookReceiver


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 10, 9, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def death_toll(new: str = "67194", link: str = "https://example.org/a") -> Event:
    evidence = Evidence("k", link, "Example News", None, f"The toll rose to {new}.")
    return FigureChange("gaza_deaths_total", 67160, int(new), "at_least", new, evidence)


def alerter(engine: Engine, routes: list[Route], clock: Clock, max_attempts: int = 8) -> Alerter:
    policy = Delivery(max_attempts=max_attempts, first_retry=30, max_retry=600)
    return Alerter(engine, routes, Notifier(routes), {"gaza_deaths_total": "Death toll"}, clock, policy)


def raise_event(engine: Engine, sender: Alerter, event: Event) -> None:
    with engine.begin() as conn:
        event_id = detection.save_event(conn, event, None, sender.clock())
        assert event_id is not None
        sender.enqueue(conn, event_id, event)


def test_email_alert_arrives_with_old_and_new_value_and_link(engine: Engine, smtp_server: SmtpReceiver) -> None:
    sender = alerter(engine, [Route(id="desk", urls=[smtp_server.url()])], Clock())
    raise_event(engine, sender, death_toll())
    assert sender.deliver_due().sent == 1
    [message] = smtp_server.messages
    assert message["Subject"] == "Death toll: 67,160 -> 67,194 (+34)"
    body = SmtpReceiver.text(message)
    assert "The toll rose to 67194." in body and "https://example.org/a" in body


def test_webhook_receives_apprise_json_post(engine: Engine, webhook: WebhookReceiver) -> None:
    sender = alerter(engine, [Route(id="chat", urls=[webhook.url()])], Clock())
    raise_event(engine, sender, death_toll())
    sender.deliver_due()
    assert [p["title"] for p in webhook.posts] == ["Death toll: 67,160 -> 67,194 (+34)"]


def test_delivered_alert_is_never_sent_again(engine: Engine, webhook: WebhookReceiver) -> None:
    sender = alerter(engine, [Route(id="chat", urls=[webhook.url()])], Clock())
    raise_event(engine, sender, death_toll())
    sender.deliver_due()
    sender.deliver_due()
    assert len(webhook.posts) == 1


def test_alert_to_a_down_target_waits_and_arrives_once_it_is_back(engine: Engine, webhook: WebhookReceiver) -> None:
    clock = Clock()
    sender = alerter(engine, [Route(id="chat", urls=[webhook.url()])], clock)
    raise_event(engine, sender, death_toll())
    webhook.set_down(True)
    assert sender.deliver_due().retrying == 1
    clock.advance(10)
    assert sender.deliver_due().sent == 0  # backoff: not due yet
    webhook.set_down(False)
    clock.advance(30)
    assert sender.deliver_due().sent == 1
    assert len(webhook.posts) == 1


def test_alert_is_marked_failed_after_the_last_attempt(engine: Engine, webhook: WebhookReceiver) -> None:
    clock = Clock()
    sender = alerter(engine, [Route(id="chat", urls=[webhook.url()])], clock, max_attempts=2)
    raise_event(engine, sender, death_toll())
    webhook.set_down(True)
    sender.deliver_due()
    clock.advance(60)
    assert sender.deliver_due().failed == 1
    with engine.connect() as conn:
        [row] = outbox.list_alerts(conn, "failed")
    assert "delivery failed" in (row.last_error or "")


def test_failed_alert_can_be_retried_by_hand(engine: Engine, webhook: WebhookReceiver) -> None:
    clock = Clock()
    sender = alerter(engine, [Route(id="chat", urls=[webhook.url()])], clock, max_attempts=1)
    raise_event(engine, sender, death_toll())
    webhook.set_down(True)
    sender.deliver_due()
    webhook.set_down(False)
    with engine.begin() as conn:
        assert outbox.retry_failed(conn, clock()) == 1
    assert sender.deliver_due().sent == 1


def test_digest_route_sends_one_message_for_several_events(engine: Engine, webhook: WebhookReceiver) -> None:
    clock = Clock()
    route = Route(id="digest", urls=[webhook.url()], mode="digest", digest={"every": "1h"})
    sender = alerter(engine, [route], clock)
    raise_event(engine, sender, death_toll("67194", "https://example.org/1"))
    raise_event(engine, sender, death_toll("67211", "https://example.org/2"))
    assert sender.deliver_due().sent == 0
    clock.advance(3600)
    assert sender.deliver_due().sent == 2
    [post] = webhook.posts
    assert post["title"] == "monitor digest (digest): 2 alerts"
    assert "67,194" in post["message"] and "67,211" in post["message"]


def test_each_target_of_a_route_gets_the_alert(engine: Engine, webhook: WebhookReceiver,
                                               smtp_server: SmtpReceiver) -> None:
    sender = alerter(engine, [Route(id="both", urls=[webhook.url(), smtp_server.url()])], Clock())
    raise_event(engine, sender, death_toll())
    assert sender.deliver_due().sent == 2
    assert (len(webhook.posts), len(smtp_server.messages)) == (1, 1)


def test_alert_left_mid_send_by_a_dead_process_is_sent_after_its_lease(engine: Engine,
                                                                       webhook: WebhookReceiver) -> None:
    clock = Clock()
    sender = alerter(engine, [Route(id="chat", urls=[webhook.url()])], clock)
    raise_event(engine, sender, death_toll())
    with engine.begin() as conn:
        outbox.claim(conn, clock(), timedelta(minutes=2))  # a process claimed it, then died
    assert sender.deliver_due().sent == 0
    clock.advance(121)
    assert sender.deliver_due().sent == 1
