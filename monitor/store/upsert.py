"""INSERT ... ON CONFLICT DO NOTHING on both SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def insert_ignoring_duplicates(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], unique: Sequence[str]
) -> list[int]:
    """Insert `rows`, skipping those that collide on the `unique` columns; returns the ids of those inserted."""
    if not rows:
        return []
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).on_conflict_do_nothing(index_elements=list(unique))
    # rowcount is -1 for executemany on some drivers: the keys that come back are what was inserted.
    return list(conn.execute(statement.returning(table.c.id), list(rows)).scalars())
