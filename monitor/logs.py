"""Logging setup: one line per event, as text or JSON, with a fixed key vocabulary.

Keys used across the code base (pass them through `extra=`): feed_url, feed_name, status, new, updated,
unchanged, elapsed_ms, error, next_poll, route, alert_id, event.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

# user:password@ in any URL a log line carries (database URLs, apprise URLs, proxies) is masked.
_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<secret>[^@\s]+)@", re.I)


def redact(text: str) -> str:
    """`text` with the passwords of the URLs in it replaced by ***."""
    return _CREDENTIALS.sub(r"\g<scheme>\g<user>:***@", text)


FIELDS = ("feed_url", "feed_name", "status", "new", "updated", "unchanged", "elapsed_ms", "error",
          "next_poll", "route", "alert_id", "event")


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {key: getattr(record, key) for key in FIELDS if hasattr(record, key)}


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%d %H:%M:%S")
        extra = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        line = f"{stamp} {record.levelname:<7} {record.getMessage()}" + (f"  {extra}" if extra else "")
        return redact(line + ("\n" + self.formatException(record.exc_info) if record.exc_info else ""))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return redact(json.dumps(data, default=str))


def setup_logging(level: str = "INFO", fmt: str = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Third-party loggers that print secrets (apprise plugin URLs) or noise at DEBUG stay at WARNING.
    for noisy in ("apprise", "apscheduler", "aiohttp", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
