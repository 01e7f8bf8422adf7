"""The Alembic history reaches exactly the schema that monitor.store.tables describes, on both databases."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine

from monitor.errors import StorageError
from monitor.store import db
from monitor.store.tables import metadata


def test_upgrade_from_empty_leaves_no_difference_from_the_tables(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_twice_changes_nothing(engine: Engine) -> None:
    before, after = db.upgrade(engine)
    assert before == after


def test_sqlite_database_runs_in_wal_mode(sqlite_url: str) -> None:
    engine = db.create_engine(sqlite_url)
    db.upgrade(engine)
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_database_at_unknown_revision_is_refused(sqlite_url: str) -> None:
    engine = db.create_engine(sqlite_url)
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    with pytest.raises(StorageError, match="does not know"):
        db.upgrade(engine)


def test_unreachable_database_is_one_clear_error_without_password() -> None:
    engine = db.create_engine("postgresql+psycopg://someone:s3cret@127.0.0.1:1/nowhere")
    with pytest.raises(StorageError) as caught:
        db.check_connection(engine)
    assert "127.0.0.1:1" in str(caught.value)
    assert "s3cret" not in str(caught.value)


def test_invalid_database_url_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="invalid database URL"):
        db.create_engine("not a url at all")



def test_upgrade_gives_stored_positions_their_actor_and_issue(sqlite_url: str) -> None:
    engine = db.create_engine(sqlite_url)
    with engine.begin() as conn:
        command.upgrade(db.alembic_config(conn), "0004")
        conn.exec_driver_sql("INSERT INTO feeds (url, name, next_poll_at, consecutive_failures, health, created_at) "
                             "VALUES ('https://x/rss', 'x', '2025-10-09', 0, 'ok', '2025-10-09')")
        conn.exec_driver_sql("INSERT INTO items (feed_id, key, title, text, content_hash, version, first_seen_at, "
                             "updated_at) VALUES (1, 'k', 't', 's', 'h', 1, '2025-10-09', '2025-10-09')")
        conn.exec_driver_sql("INSERT INTO observations (item_id, kind, subject, reading, stance, polarity, "
                             "sentence, observed_at, stale) VALUES (1, 'position', 'hamas/disarmament', "
                             "'rejects', 'rejects', 'against', 's', '2025-10-09', 0)")
    db.upgrade(engine)
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT actor, issue FROM observations").one()
    assert tuple(row) == ("hamas", "disarmament")
