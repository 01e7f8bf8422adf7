"""Persistence: tables, engine and migrations, and the Store that maps rows to monitor.types values."""
