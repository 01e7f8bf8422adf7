"""The alerts outbox: an alert row is written in the transaction of its event, then claimed, sent, and
marked. A row being sent holds a lease; if the process dies, the lease runs out and the row is sent again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from monitor.store.rows import typed
from monitor.store.tables import alerts, events
from monitor.store.upsert import insert_ignoring_duplicates


@dataclass(frozen=True)
class Outgoing:
    """A claimed alert row, as delivery needs it."""

    id: int
    route_id: str
    target_no: int
    mode: str
    title: str
    body: str
    attempts: int


def enqueue(
    conn: Connection, event_id: int, route_id: str, targets: int, mode: str, title: str, body: str,
    deliver_after: datetime, now: datetime,
) -> int:
    """One row per target of the route; the idempotency key (event, route, target) makes this safe to repeat."""
    rows = [{
        "event_id": event_id, "route_id": route_id, "target_no": n,
        "idempotency_key": f"{event_id}:{route_id}:{n}", "mode": mode, "title": title, "body": body,
        "status": "pending", "attempts": 0, "deliver_after": deliver_after, "created_at": now,
    } for n in range(targets)]
    return len(insert_ignoring_duplicates(conn, alerts, rows, ["idempotency_key"]))


def claim(
    conn: Connection, now: datetime, lease: timedelta, owner: str = "monitor", limit: int = 500
) -> list[Outgoing]:
    """Lease the alerts that are due, and those whose sender died mid-send (lease run out)."""
    due = sa.or_(
        sa.and_(alerts.c.status == "pending", alerts.c.deliver_after <= now),
        sa.and_(alerts.c.status == "sending", alerts.c.lease_until < now),
    )
    query = sa.select(alerts.c.id).where(due).order_by(alerts.c.id).limit(limit).with_for_update(skip_locked=True)
    ids = list(conn.execute(query).scalars())
    if not ids:
        return []
    conn.execute(alerts.update().where(alerts.c.id.in_(ids)).values(
        status="sending", lease_owner=owner, lease_until=now + lease, attempts=alerts.c.attempts + 1))
    rows = conn.execute(sa.select(alerts).where(alerts.c.id.in_(ids)).order_by(alerts.c.id)).mappings()
    return [Outgoing(r["id"], r["route_id"], r["target_no"], r["mode"], r["title"], r["body"], r["attempts"])
            for r in rows]


def renew(conn: Connection, ids: Sequence[int], until: datetime) -> None:
    """Extend the lease on alerts this process is about to send."""
    conn.execute(alerts.update().where(alerts.c.id.in_(ids), alerts.c.status == "sending").values(lease_until=until))


def mark_sent(conn: Connection, ids: Sequence[int], now: datetime) -> None:
    conn.execute(alerts.update().where(alerts.c.id.in_(ids)).values(
        status="sent", sent_at=now, lease_owner=None, lease_until=None, last_error=None))


def mark_attempt_failed(
    conn: Connection, ids: Sequence[int], error: str, retry_at: datetime | None
) -> None:
    """Keep the error; retry at `retry_at`, or give up (status failed) when it is None."""
    values: dict[str, object] = {"status": "failed", "lease_owner": None, "lease_until": None, "last_error": error}
    if retry_at is not None:
        values.update(status="pending", deliver_after=retry_at)
    conn.execute(alerts.update().where(alerts.c.id.in_(ids)).values(**values))


def release(conn: Connection, ids: Sequence[int]) -> None:
    """Give back claimed rows without counting an attempt (delivery stopped before sending them)."""
    conn.execute(alerts.update().where(alerts.c.id.in_(ids)).values(
        status="pending", lease_owner=None, lease_until=None, attempts=alerts.c.attempts - 1))


def retry_failed(conn: Connection, now: datetime, alert_ids: Sequence[int] = ()) -> int:
    """Put failed alerts (all, or those named) back in the queue with a fresh attempt count."""
    query = alerts.update().where(alerts.c.status == "failed")
    if alert_ids:
        query = query.where(alerts.c.id.in_(alert_ids))
    return conn.execute(query.values(status="pending", attempts=0, deliver_after=now)).rowcount or 0


@dataclass(frozen=True)
class AlertRow:
    """An alert in the outbox, as `monitor alerts` lists it."""

    id: int
    status: str
    attempts: int
    route_id: str
    title: str
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    kind: str
    subject: str


def list_alerts(conn: Connection, status: str | None = None, limit: int = 100) -> list[AlertRow]:
    query = (
        sa.select(alerts, events.c.kind, events.c.subject)
        .join(events, events.c.id == alerts.c.event_id)
        .order_by(alerts.c.id.desc())
        .limit(limit)
    )
    if status:
        query = query.where(alerts.c.status == status)
    return typed(AlertRow, conn.execute(query).mappings())


def pending_count(conn: Connection, now: datetime) -> int:
    """Alerts due now (not those held for a digest, quiet hours or a later retry)."""
    query = sa.select(sa.func.count()).select_from(alerts).where(
        alerts.c.status.in_(["pending", "sending"]), alerts.c.deliver_after <= now)
    return int(conn.execute(query).scalar_one())



def count_by_status(conn: Connection) -> dict[str, int]:
    """How many alerts are pending, sending, sent and failed."""
    query = sa.select(alerts.c.status, sa.func.count()).group_by(alerts.c.status)
    return {status: count for status, count in conn.execute(query)}
