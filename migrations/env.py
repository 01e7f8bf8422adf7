"""Alembic environment. monitor runs migrations in-process (monitor.store.db.upgrade) on a shared connection;
the `alembic` command line also works, reading the URL from MONITOR_DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from monitor.store.tables import metadata

# No logging.config.fileConfig here: it would disable monitor's own loggers when migrating in-process.


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = os.environ.get("MONITOR_DATABASE_URL", "sqlite:///monitor.db")
    with create_engine(url).begin() as conn:
        _run(conn)
