"""The feeds table: what we know of each feed between polls, and which feeds are due."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from monitor.store.rows import typed
from monitor.store.tables import UTCDateTime, feeds, items
from monitor.store.upsert import insert_ignoring_duplicates
from monitor.types import FeedSpec, FeedState, FetchResult, Validators


def sync_feeds(conn: Connection, specs: Sequence[FeedSpec], now: datetime) -> None:
    """Make sure every configured feed has a row (new feeds are due at once); keep names current."""
    rows = [{"url": s.url, "name": s.name, "next_poll_at": now, "created_at": now,
             "consecutive_failures": 0} for s in specs]
    insert_ignoring_duplicates(conn, feeds, rows, ["url"])
    for spec in specs:
        conn.execute(feeds.update().where(feeds.c.url == spec.url, feeds.c.name != spec.name).values(name=spec.name))


def _state(row: RowMapping) -> FeedState:
    return FeedState(
        id=row["id"],
        url=row["url"],
        validators=Validators(row["etag"], row["last_modified"], row["body_hash"]),
        consecutive_failures=row["consecutive_failures"],
        next_poll_at=row["next_poll_at"],
        last_status=row["last_status"],
        last_error=row["last_error"],
        last_success_at=row["last_success_at"],
        failing_since=row["failing_since"],
        health=row["health"],
    )


def claim_due(
    conn: Connection, urls: Sequence[str], now: datetime, owner: str, lease: timedelta, limit: int = 1000
) -> list[FeedState]:
    """Lease the configured feeds that are due, so that no other worker polls them at the same time.

    On PostgreSQL, FOR UPDATE SKIP LOCKED lets several workers share the table; SQLite ignores the clause
    and its write lock serialises claims. A worker's own lease counts as free: its cycles never overlap, so it
    is left over from a cycle that failed (the database went away mid-cycle) and must not block the feed.
    """
    free = sa.or_(feeds.c.lease_until.is_(None), feeds.c.lease_until < now, feeds.c.lease_owner == owner)
    due = (
        sa.select(feeds.c.id)
        .where(feeds.c.url.in_(urls), feeds.c.next_poll_at <= now, free)
        .order_by(feeds.c.next_poll_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(conn.execute(due).scalars())
    if not ids:
        return []
    conn.execute(feeds.update().where(feeds.c.id.in_(ids)).values(lease_owner=owner, lease_until=now + lease))
    rows = conn.execute(sa.select(feeds).where(feeds.c.id.in_(ids)).order_by(feeds.c.next_poll_at))
    return [_state(row) for row in rows.mappings()]


def get_state(conn: Connection, url: str) -> FeedState | None:
    row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).mappings().first()
    return _state(row) if row else None


def record_success(
    conn: Connection, feed_id: int, result: FetchResult, now: datetime, next_poll: datetime,
    title: str | None = None,
) -> None:
    """A fetch (and parse) worked: keep the validators, reset failures, schedule the next poll."""
    values: dict[str, object] = {
        "last_status": result.status, "last_error": None, "last_polled_at": now, "last_success_at": now,
        "failing_since": None, "consecutive_failures": 0, "next_poll_at": next_poll,
        "lease_owner": None, "lease_until": None,
    }
    if not result.not_modified:
        values.update(etag=result.etag, last_modified=result.last_modified, body_hash=result.body_hash)
    if title:
        values["title"] = title
    conn.execute(feeds.update().where(feeds.c.id == feed_id).values(**values))


def record_failure(
    conn: Connection, feed_id: int, status: int | None, error: str, now: datetime, next_poll: datetime
) -> None:
    """A fetch or parse failed: count it, keep the reason, back off."""
    conn.execute(
        feeds.update()
        .where(feeds.c.id == feed_id)
        .values(
            last_status=status, last_error=error, last_polled_at=now,
            failing_since=sa.func.coalesce(feeds.c.failing_since, sa.literal(now, UTCDateTime())),
            consecutive_failures=feeds.c.consecutive_failures + 1,
            next_poll_at=next_poll, lease_owner=None, lease_until=None,
        )
    )


@dataclass(frozen=True)
class FeedRow:
    """A feed as the health check and listings see it."""

    name: str
    url: str
    title: str | None
    health: str
    last_status: int | None
    last_error: str | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    next_poll_at: datetime


def list_feeds(conn: Connection) -> list[FeedRow]:
    return typed(FeedRow, conn.execute(sa.select(feeds).order_by(feeds.c.name)).mappings())


def set_health(conn: Connection, feed_id: int, verdict: str) -> None:
    conn.execute(feeds.update().where(feeds.c.id == feed_id).values(health=verdict))


def recent_published(conn: Connection, feed_id: int, limit: int = 20) -> list[datetime]:
    """When the feed's newest items were published: the rhythm that tells a silent feed from a slow one."""
    query = (
        sa.select(items.c.published)
        .where(items.c.feed_id == feed_id, items.c.published.is_not(None))
        .order_by(items.c.published.desc())
        .limit(limit)
    )
    return list(conn.execute(query).scalars())
