"""The Alembic history reaches exactly the schema that monitor.store.tables describes, on both databases."""

from __future__ import annotations

import sqlite3

import pytest
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

