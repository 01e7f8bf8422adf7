"""The items table: each feed entry stored once; a changed entry is an update, not a second row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from monitor.store.rows import typed
from monitor.store.tables import items
from monitor.store.upsert import insert_ignoring_duplicates
from monitor.types import Item


@dataclass(frozen=True)
class SavedItems:
    """Which entries of a fetch were new, which changed, and the row ids that detection must (re)read."""

    new: int
    updated: int
    unchanged: int
    to_analyze: list[tuple[int, Item]]


def save_items(conn: Connection, feed_id: int, entries: Sequence[Item], now: datetime) -> SavedItems:
    """Store new entries, update changed ones, leave the rest; idempotent."""
    keys = [e.key for e in entries]
    known = {
        row.key: (row.id, row.content_hash)
        for row in conn.execute(
            sa.select(items.c.id, items.c.key, items.c.content_hash).where(
                items.c.feed_id == feed_id, items.c.key.in_(keys)
            )
        )
    }
    fresh = [e for e in entries if e.key not in known]
    changed = [e for e in entries if e.key in known and known[e.key][1] != e.content_hash]
    insert_ignoring_duplicates(conn, items, [_row(feed_id, e, now) for e in fresh], ["feed_id", "key"])
    for entry in changed:
        _update(conn, known[entry.key][0], entry, now)
    ids = _ids(conn, feed_id, [e.key for e in fresh + changed])
    to_analyze = [(ids[e.key], e) for e in fresh + changed]
    return SavedItems(len(fresh), len(changed), len(entries) - len(fresh) - len(changed), to_analyze)


def _row(feed_id: int, entry: Item, now: datetime) -> dict[str, object]:
    return {
        "feed_id": feed_id, "key": entry.key, "title": entry.title, "link": entry.link,
        "published": entry.published, "text": entry.text, "lang": entry.lang,
        "content_hash": entry.content_hash, "version": 1, "first_seen_at": now, "updated_at": now,
    }


def _update(conn: Connection, item_id: int, entry: Item, now: datetime) -> None:
    conn.execute(
        items.update()
        .where(items.c.id == item_id)
        .values(
            title=entry.title, link=entry.link, published=entry.published, text=entry.text,
            lang=entry.lang, content_hash=entry.content_hash, version=items.c.version + 1, updated_at=now,
        )
    )


def _ids(conn: Connection, feed_id: int, keys: list[str]) -> dict[str, int]:
    if not keys:
        return {}
    query = sa.select(items.c.key, items.c.id).where(items.c.feed_id == feed_id, items.c.key.in_(keys))
    return {row.key: row.id for row in conn.execute(query)}


def mark_analyzed(conn: Connection, item_id: int, content_hash: str) -> None:
    conn.execute(items.update().where(items.c.id == item_id).values(analyzed_hash=content_hash))


def count_items(conn: Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(items)).scalar_one()


@dataclass(frozen=True)
class StoredItem:
    key: str
    title: str
    link: str | None
    text: str
    lang: str | None
    published: datetime | None
    first_seen_at: datetime


def stored_items(conn: Connection, since: datetime | None = None) -> list[StoredItem]:
    """Stored items in the order they were first seen (optionally only those published since a time)."""
    query = sa.select(items).order_by(items.c.first_seen_at, items.c.id)
    if since is not None:
        query = query.where(sa.func.coalesce(items.c.published, items.c.first_seen_at) >= since)
    return typed(StoredItem, conn.execute(query).mappings())
