"""When to poll a feed next. Pure: the clock and the random jitter are arguments.

The delay is chosen in this order:
1. a healthy feed waits its interval, lengthened (never shortened) by what the publisher asked for:
   HTTP `Cache-Control: max-age` / `Expires`, or RSS `<ttl>`;
2. a failing feed backs off exponentially, interval * 2**(failures-1), capped at `backoff_cap_s`; it is never
   abandoned, since a dead feed often comes back;
3. `Retry-After` (429/503) is a floor, whatever the above says;
4. the result is clamped to [min_interval_s, max_interval_s], after `jitter` adds up to 10% so that feeds
   added together do not stay in lock step.
"""

from __future__ import annotations

from datetime import datetime, timedelta

JITTER_SHARE = 0.10  # the largest share of the delay that jitter adds
_MAX_DOUBLINGS = 60  # 2**60 intervals is past any cap; stops float overflow for absurd failure counts


def next_poll_at(
    now: datetime,
    *,
    interval_s: float,
    failures: int,
    retry_after_s: float | None,
    max_age_s: float | None,
    ttl_s: float | None,
    jitter: float,
    min_interval_s: float = 60,
    max_interval_s: float = 86400,
    backoff_cap_s: float = 6 * 3600,
) -> datetime:
    """The time of the next poll; `jitter` is a random number in [0, 1) drawn by the caller."""
    _check(interval_s=interval_s, failures=failures, jitter=jitter)
    delay = (
        _backoff(interval_s, failures, backoff_cap_s) if failures else _healthy(interval_s, max_age_s, ttl_s)
    )
    delay = max(delay, retry_after_s or 0.0)
    delay *= 1 + JITTER_SHARE * jitter
    return now + timedelta(seconds=min(max(delay, min_interval_s), max_interval_s))


def _healthy(interval_s: float, max_age_s: float | None, ttl_s: float | None) -> float:
    return max(interval_s, max_age_s or 0.0, ttl_s or 0.0)


def _backoff(interval_s: float, failures: int, cap_s: float) -> float:
    # The cap limits the backoff, but a failing feed is never polled more often than a healthy one.
    doubled = interval_s * 2.0 ** min(failures - 1, _MAX_DOUBLINGS)
    return max(interval_s, min(doubled, cap_s))


def _check(*, interval_s: float, failures: int, jitter: float) -> None:
    if interval_s <= 0:
        raise ValueError(f"interval_s must be positive, got {interval_s}")
    if failures < 0:
        raise ValueError(f"failures must be 0 or more, got {failures}")
    if not 0 <= jitter < 1:
        raise ValueError(f"jitter must be in [0, 1), got {jitter}")
