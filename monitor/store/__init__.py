"""Persistence: the tables (tables) and their migrations (db, Alembic), one module per aggregate (feeds, items,
detection, outbox, leases). Values go in typed and read queries answer with frozen dataclasses (rows); every
database failure leaves as a StorageError (db.transaction, db.reading), never as a driver's exception.

May import: decide (the history it loads), events, types, errors. Nothing here fetches, detects or sends."""
