"""Real databases for tests: a fresh SQLite file per test, and a fresh PostgreSQL database per test cloned
from a migrated template that is created once per run and dropped at its end.

PostgreSQL is the local server (MONITOR_TEST_PG_URL, default postgresql+psycopg://postgres@127.0.0.1:5432/test);
set MONITOR_TEST_PG_URL=skip to run the SQLite half only.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from monitor.store import db

ADMIN_URL = os.environ.get("MONITOR_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _admin() -> Engine:
    return sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """The name of a migrated PostgreSQL database that per-test databases are cloned from."""
    if ADMIN_URL == "skip":
        pytest.skip("PostgreSQL disabled by MONITOR_TEST_PG_URL=skip")
    name = f"monitor_tpl_{uuid.uuid4().hex[:10]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = db.create_engine(make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False))
    db.upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for one test."""
    name = f"monitor_t_{uuid.uuid4().hex[:10]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite file for one test (migrated on first use)."""
    return f"sqlite:///{tmp_path / 'monitor.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each test that takes this runs twice: on a SQLite file and on the local PostgreSQL."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated engine on SQLite and on PostgreSQL."""
    engine = db.create_engine(database_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()
