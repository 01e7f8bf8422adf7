"""The HTTP headers that say when to fetch a feed again: Date, Cache-Control, Expires, Retry-After. Pure.

The Fetcher (fetch.py) reads them into FetchResult.max_age_s and .retry_after_s. It passes the response's
Date as `now` (its own clock only when the server sends none), so the server's clock and ours need not agree.
"""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime


def http_date(value: str | None) -> datetime | None:
    """An HTTP date ("Tue, 07 Oct 2025 09:30:00 GMT") as aware UTC; None when absent or unreadable."""
    try:
        moment = email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds from `now`: either a number of seconds or an HTTP date (never negative)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    when = http_date(value)
    return max(0.0, (when - now).total_seconds()) if when else None


def freshness_seconds(cache_control: str | None, expires: str | None, now: datetime) -> float | None:
    """How long the response stays fresh: Cache-Control max-age, else Expires - now; None if unsaid/stale."""
    directives = {
        d.strip().lower().partition("=")[0]: d.partition("=")[2].strip() for d in (cache_control or "").split(",")
    }
    if "no-store" in directives or "no-cache" in directives:
        return None
    if directives.get("max-age", "").isdigit():
        return float(directives["max-age"]) or None
    when = http_date(expires)
    seconds = (when - now).total_seconds() if when else 0.0
    return seconds if seconds > 0 else None
