"""Engine set-up and schema migrations (Alembic, run in-process at start)."""

from __future__ import annotations

import importlib
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from monitor.errors import DatabaseUnavailableError, StorageError

log = logging.getLogger(__name__)

# migrations/ ships inside the package as monitor.migrations (see pyproject.toml).
MIGRATIONS_DIR = Path(str(importlib.import_module("monitor.migrations").__file__)).parent
# Any fixed 64-bit number: nodes starting together take turns at migrating.
_MIGRATION_LOCK_KEY = 0x6D6F6E69746F72


def redact_url(url: str) -> str:
    """The database URL with its password masked, for logs and errors."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable database URL>"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL mode, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"invalid database URL {url!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=10)
    except (ImportError, ArgumentError) as exc:
        raise StorageError(f"cannot use database URL {redact_url(url)}: {exc}") from None


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _describe(exc: BaseException, engine: Engine) -> str:
    """One line saying what went wrong with the database, without the password."""
    return f"database {engine.url.render_as_string(hide_password=True)}: {reason_of(exc)}"


def reason_of(exc: BaseException) -> str:
    """The driver's first line, with a hint where SQLite's own words leave the cause open."""
    reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
    if reason in ("disk I/O error", "database or disk is full"):
        reason += " (is the disk full, or the database folder not writable?)"
    return reason


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision; returns (revision before, revision after).

    Refuses a database whose revision this code does not know (the code was rolled back).
    """
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
            before = MigrationContext.configure(conn).get_current_revision()
            _refuse_unknown(before)
            if before != head:
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                command.upgrade(alembic_config(conn), "head")
    except (OperationalError, DBAPIError) as exc:
        raise StorageError(_describe(exc, engine)) from exc
    if before != head:
        log.info("database schema upgraded from %s to %s", before or "empty", head)
    return before, head or ""


def _refuse_unknown(revision: str | None) -> None:
    if revision is None:
        return
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        raise StorageError(
            f"the database is at schema revision {revision}, which this version of monitor does not know "
            "(was monitor downgraded?); refusing to start"
        ) from None


def check_connection(engine: Engine) -> None:
    """Raise StorageError with one clear line if the database cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        raise StorageError(_describe(exc, engine)) from exc


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction (committed at the end, rolled back on error); a database failure inside it, or at its
    commit, is raised as DatabaseUnavailableError."""
    try:
        with engine.begin() as conn:
            yield conn
    except DBAPIError as exc:
        raise DatabaseUnavailableError(reason_of(exc)) from exc


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for reads; a database failure is raised as DatabaseUnavailableError."""
    try:
        with engine.connect() as conn:
            yield conn
    except DBAPIError as exc:
        raise DatabaseUnavailableError(reason_of(exc)) from exc
