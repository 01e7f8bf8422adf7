"""Events to alerts: enqueue an alert per wanting route (inside the event's transaction), then deliver the
due ones through the notifier, with retries and backoff. Orchestration only: routing and rendering decide."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Connection, Engine

from monitor.alerts.notify import Notifier
from monitor.alerts.render import Message, digest, render
from monitor.alerts.routing import hold_until, retry_delay, wants
from monitor.events import Event
from monitor.ruleset.models.alerts import Delivery, Route
from monitor.store import outbox
from monitor.store.db import transaction

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


@dataclass
class Alerter:
    """Turns events into outbox rows and delivers them."""

    engine: Engine
    routes: Sequence[Route]
    notifier: Notifier
    labels: Mapping[str, str]
    clock: Callable[[], datetime]
    policy: Delivery = field(default_factory=Delivery)
    owner: str = "monitor"  # who holds the lease of the alerts being sent (see store.leases)

    def enqueue(self, conn: Connection, event_id: int, event: Event) -> None:
        """Called by the pipeline in the transaction that stores `event`."""
        now = self.clock()
        for route in self.routes:
            if not wants(route, event):
                continue
            message = render(event, self.labels, title_template=route.title_template,
                             body_template=route.body_template, markdown=route.format == "markdown")
            outbox.enqueue(conn, event_id, route.id, len(route.urls), route.mode, message.title, message.body,
                           hold_until(route, now), now)

    def deliver_due(self) -> DeliveryReport:
        """Send every alert that is due; digest alerts of one route and target go out as one message."""
        with transaction(self.engine) as conn:
            claimed = outbox.claim(conn, self.clock(), LEASE, self.owner)
        totals = DeliveryReport()
        for batch in batches(claimed):
            totals = self._send(batch, totals)
        return totals

    def _send(self, batch: Batch, totals: DeliveryReport) -> DeliveryReport:
        # A long run of sends (apprise pauses between two messages to one target) must not outlive the claim:
        # renew it, so that no other worker takes these alerts while they wait their turn.
        with transaction(self.engine) as conn:
            outbox.renew(conn, batch.ids, self.clock() + LEASE)
        error = self.notifier.send(batch.route_id, batch.target_no, batch.message.title, batch.message.body)
        extra = {"route": batch.route_id, "alert_id": batch.ids[0]}
        if error is None:
            with transaction(self.engine) as conn:
                outbox.mark_sent(conn, batch.ids, self.clock())
            log.info("alert sent: %s", batch.message.title, extra=extra)
            return DeliveryReport(totals.sent + len(batch.ids), totals.retrying, totals.failed)
        give_up = batch.attempts >= self.policy.max_attempts
        delay = retry_delay(batch.attempts, self.policy.first_retry, self.policy.max_retry)
        with transaction(self.engine) as conn:
            outbox.mark_attempt_failed(conn, batch.ids, error,
                                       None if give_up else self.clock() + timedelta(seconds=delay))
        log.warning("alert not delivered (attempt %d%s): %s", batch.attempts, ", giving up" if give_up else "",
                    error, extra={**extra, "error": error})
        if give_up:
            return DeliveryReport(totals.sent, totals.retrying, totals.failed + len(batch.ids))
        return DeliveryReport(totals.sent, totals.retrying + len(batch.ids), totals.failed)


@dataclass(frozen=True)
class Batch:
    """What goes out as one message: one alert, or a route's digest."""

    route_id: str
    target_no: int
    ids: list[int]
    message: Message
    attempts: int


def batches(claimed: Sequence[outbox.Outgoing]) -> list[Batch]:
    """Immediate alerts one by one; digest alerts of the same route and target together."""
    result = [Batch(r.route_id, r.target_no, [r.id], Message(r.title, r.body), r.attempts)
              for r in claimed if r.mode != "digest"]
    held: dict[tuple[str, int], list[outbox.Outgoing]] = defaultdict(list)
    for row in claimed:
        if row.mode == "digest":
            held[(row.route_id, row.target_no)].append(row)
    for (route_id, target_no), rows in held.items():
        message = digest(route_id, [Message(r.title, r.body) for r in rows])
        result.append(Batch(route_id, target_no, [r.id for r in rows], message, max(r.attempts for r in rows)))
    return result
