"""Leases left behind by dead processes. A process that claims a feed to poll, or an alert to send, holds a lease
in its name until it is done; if it dies, the lease would block that work until it runs out (minutes). A
restarted daemon hands the leases of its dead predecessors back at once, through these two queries. Which
owners are dead is for the caller to judge: only it can look at processes."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from monitor.store.tables import alerts, feeds


def holders(conn: Connection, now: datetime) -> set[str]:
    """The owners of the leases that have not run out yet."""
    owners: set[str] = set()
    for table in (feeds, alerts):
        query = sa.select(table.c.lease_owner).distinct().where(
            table.c.lease_owner.is_not(None), table.c.lease_until >= now)
        owners.update(conn.execute(query).scalars())
    return owners


def release(conn: Connection, owners: Collection[str]) -> tuple[int, int]:
    """Free the feeds and alerts leased by `owners`; returns how many of each. An alert that was being sent
    goes back to pending (with its attempt counted: it may have reached the target before the owner died)."""
    if not owners:
        return 0, 0
    freed_feeds = conn.execute(feeds.update().where(feeds.c.lease_owner.in_(owners)).values(
        lease_owner=None, lease_until=None)).rowcount
    freed_alerts = conn.execute(alerts.update().where(alerts.c.lease_owner.in_(owners), alerts.c.status == "sending")
                                .values(status="pending", lease_owner=None, lease_until=None)).rowcount
    return freed_feeds or 0, freed_alerts or 0
