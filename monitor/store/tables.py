"""SQLAlchemy tables: the single source of truth that the Alembic migrations must reach."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect

# Named constraints let Alembic's batch mode alter them on SQLite.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite stores naive text, so convert at the edge)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", String(2048), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("title", Text),
    Column("etag", String(1024)),
    Column("last_modified", String(200)),
    Column("body_hash", String(64)),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("last_polled_at", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("failing_since", UTCDateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("health", String(10), nullable=False, default="ok", server_default="ok"),  # ok | failing | silent
    Column("next_poll_at", UTCDateTime, nullable=False, index=True),
    Column("lease_owner", String(100)),
    Column("lease_until", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(1024), nullable=False),
    Column("title", Text, nullable=False),
    Column("link", String(2048)),
    Column("published", UTCDateTime, index=True),
    Column("text", Text, nullable=False),
    Column("lang", String(16)),
    Column("content_hash", String(64), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("first_seen_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("analyzed_hash", String(64)),
    UniqueConstraint("feed_id", "key", name="uq_items_feed_id_key"),
)



# --- detection (what each item mentions and reports, and the changes it made) ----------------------

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("ref_id", String(100), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("score", Float, nullable=False),
    UniqueConstraint("item_id", "kind", "ref_id", "start", name="uq_mentions_item_id_kind_ref_start"),
    Index("ix_mentions_ref", "kind", "ref_id"),
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),  # figure | position
    Column("subject", String(200), nullable=False),  # metric id, or "actor/issue" (a key, never split)
    Column("actor", String(100)),  # of a position
    Column("issue", String(100)),  # of a position
    Column("reading", String(100), nullable=False),  # the value or stance as text: the unique part
    Column("value", Float),
    Column("qualifier", String(20)),
    Column("stance", String(20)),
    Column("polarity", String(20)),
    Column("as_written", Text),
    Column("sentence", Text, nullable=False),
    Column("published", UTCDateTime),
    Column("observed_at", UTCDateTime, nullable=False),
    Column("stale", Integer, nullable=False, default=0),  # 1: a lower report of a cumulative metric
    # 1: a stance that rests on an inference (see types.Position.certain): kept, never part of the history
    Column("doubtful", Integer, nullable=False, default=0, server_default="0"),
    UniqueConstraint("item_id", "kind", "subject", "reading", name="uq_observations_item_subject"),
    Index("ix_observations_subject", "kind", "subject"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(30), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("old", String(100)),
    Column("new", String(100), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id", ondelete="SET NULL")),
    Column("dedupe_key", String(500), nullable=False, unique=True),
    Column("details", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False, index=True),
)


# --- alerts outbox: written with the event, delivered after, marked sent -----------------------------

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("route_id", String(100), nullable=False),
    Column("target_no", Integer, nullable=False),  # which of the route's URLs
    Column("idempotency_key", String(300), nullable=False, unique=True),
    Column("mode", String(10), nullable=False),  # immediate | digest
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("status", String(10), nullable=False),  # pending | sending | sent | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("deliver_after", UTCDateTime, nullable=False),
    Column("lease_owner", String(100)),  # the process sending it: a restart releases its dead leases
    Column("lease_until", UTCDateTime),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Index("ix_alerts_due", "status", "deliver_after"),
)
