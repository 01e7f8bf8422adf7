"""Mentions, observations and events: what items said, and the changes it made."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from monitor.decide.changes import History, seed_history
from monitor.events import Event, number_text
from monitor.store.rows import typed
from monitor.store.tables import events, items, mentions, observations
from monitor.store.upsert import insert_ignoring_duplicates
from monitor.types import Analysis, Figure, Polarity, Position

# Any fixed 64-bit number: detection on PostgreSQL runs one item at a time across workers, so that two
# workers never both see the same figure as new.
_DETECTION_LOCK_KEY = 0x6465746563740A


def lock_detection(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _DETECTION_LOCK_KEY})


def _latest(kind: str) -> sa.Select[Any]:
    newest = (
        sa.select(observations.c.subject, sa.func.max(observations.c.id).label("id"))
        .where(observations.c.kind == kind, observations.c.stale == 0, observations.c.doubtful == 0)
        .group_by(observations.c.subject)
        .subquery()
    )
    return sa.select(observations).join(newest, observations.c.id == newest.c.id)


def load_history(conn: Connection, baselines: Mapping[str, float]) -> History:
    """The change-detection memory: baselines overlaid with every observation stored so far."""
    history = seed_history(baselines)
    best_rows = conn.execute(
        sa.select(observations.c.subject, sa.func.max(observations.c.value))
        .where(observations.c.kind == "figure")
        .group_by(observations.c.subject)
    )
    best = dict(history.best)
    for subject, value in best_rows:
        best[subject] = max(value, best.get(subject, value))
    last = {**history.last, **{r.subject: r.value for r in conn.execute(_latest("figure"))}}
    stances = {(r.actor, r.issue): (r.stance, cast(Polarity, r.polarity)) for r in conn.execute(_latest("position"))}
    return History(best=best, last=last, stances=stances)


def save_analysis(
    conn: Connection, item_id: int, analysis: Analysis, published: datetime | None, now: datetime,
    stale: frozenset[str],
) -> None:
    """Store what detection found in an item; `stale` names the metrics whose report was below the maximum."""
    insert_ignoring_duplicates(conn, mentions, [
        {"item_id": item_id, "kind": m.kind, "ref_id": m.id, "text": m.text[:500], "start": m.start,
         "end": m.end, "score": m.score}
        for m in analysis.matches
    ], ["item_id", "kind", "ref_id", "start"])
    rows = [_figure_row(f, f.metric in stale) for f in analysis.figures]
    rows += [_position_row(p) for p in analysis.positions]
    for row in rows:
        row.update(item_id=item_id, published=published, observed_at=now)
    insert_ignoring_duplicates(conn, observations, rows, ["item_id", "kind", "subject", "reading"])


def _figure_row(figure: Figure, stale: bool) -> dict[str, Any]:
    return {"kind": "figure", "subject": figure.metric, "reading": number_text(figure.value), "value": figure.value,
            "qualifier": figure.qualifier, "stance": None, "polarity": None, "as_written": figure.as_written,
            "sentence": figure.sentence, "stale": int(stale), "doubtful": 0}


def _position_row(position: Position) -> dict[str, Any]:
    return {"kind": "position", "subject": f"{position.actor}/{position.issue}", "actor": position.actor,
            "issue": position.issue, "reading": position.stance,
            "value": None, "qualifier": None, "stance": position.stance, "polarity": position.polarity,
            "as_written": position.cue, "sentence": position.sentence, "stale": 0,
            "doubtful": int(not position.certain)}


def save_event(conn: Connection, event: Event, item_id: int | None, now: datetime) -> int | None:
    """Store an event once; returns its id, or None if the same change was stored before."""
    subject, old, new = event.shown
    key = f"{event.kind}|{subject}|{old}|{new}|{event.evidence.link or event.evidence.item_key}"
    inserted = insert_ignoring_duplicates(conn, events, [{
        "kind": event.kind, "subject": subject, "old": old, "new": new, "item_id": item_id,
        "dedupe_key": key[:500], "details": _details(event), "created_at": now,
    }], ["dedupe_key"])
    return inserted[0] if inserted else None


def _details(event: Event) -> dict[str, Any]:
    """The event's own fields and its evidence, as JSON."""
    payload = asdict(event)
    evidence = payload.pop("evidence")
    published = event.evidence.published
    return {**payload, **evidence, "published": published.isoformat() if published else None}


@dataclass(frozen=True)
class Observation:
    """A stored figure or position, with the item it came from."""

    kind: str
    subject: str
    value: float | None
    qualifier: str | None
    stance: str | None
    polarity: str | None
    as_written: str | None
    sentence: str
    stale: int
    doubtful: int
    published: datetime | None
    observed_at: datetime
    link: str | None
    title: str


@dataclass(frozen=True)
class StoredEvent:
    kind: str
    subject: str
    old: str | None
    new: str
    item_id: int | None
    details: dict[str, Any]
    created_at: datetime


def figure_history(conn: Connection, metric: str) -> list[Observation]:
    query = (
        sa.select(observations, items.c.link, items.c.title)
        .join(items, items.c.id == observations.c.item_id)
        .where(observations.c.kind == "figure", observations.c.subject == metric)
        .order_by(observations.c.id)
    )
    return typed(Observation, conn.execute(query).mappings())


def position_history(conn: Connection, actor: str | None) -> list[Observation]:
    query = (
        sa.select(observations, items.c.link, items.c.title)
        .join(items, items.c.id == observations.c.item_id)
        .where(observations.c.kind == "position")
        .order_by(observations.c.subject, observations.c.id)
    )
    if actor:
        query = query.where(observations.c.actor == actor)
    return typed(Observation, conn.execute(query).mappings())


def list_events(conn: Connection, kind: str | None = None) -> list[StoredEvent]:
    query = sa.select(events).order_by(events.c.id)
    if kind:
        query = query.where(events.c.kind == kind)
    return typed(StoredEvent, conn.execute(query).mappings())


def count_events(conn: Connection) -> Counter[str]:
    """How many events of each kind are stored."""
    query = sa.select(events.c.kind, sa.func.count()).group_by(events.c.kind)
    return Counter({kind: count for kind, count in conn.execute(query)})
