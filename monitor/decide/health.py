"""Is a feed healthy? Pure: the feed's recent history and the policy in, a verdict out.

A feed is `failing` once its fetches have failed for longer than `alert_after_failing`, and `silent` once it
has published nothing for `silence_factor` times its usual gap between items (never less than `min_silence`).
A change of verdict is a feed_health event: once when it breaks, once when it recovers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from statistics import median
from typing import Literal

from monitor.events import Evidence, FeedHealthChange

Verdict = Literal["ok", "failing", "silent"]


@dataclass(frozen=True)
class HealthPolicy:
    alert_after_failing_s: float = 6 * 3600.0
    silence_factor: float = 10.0
    min_silence_s: float = 86400.0


@dataclass(frozen=True)
class Diagnosis:
    verdict: Verdict
    reason: str


def usual_gap(published: Sequence[datetime]) -> timedelta | None:
    """The median gap between consecutive items, from their publication times (None with fewer than 3)."""
    ordered = sorted(published)
    gaps = [(b - a).total_seconds() for a, b in pairwise(ordered)]
    return timedelta(seconds=median(gaps)) if len(gaps) >= 2 else None


def diagnose(
    now: datetime, failing_since: datetime | None, last_error: str | None, published: Sequence[datetime],
    policy: HealthPolicy,
) -> Diagnosis:
    """The verdict on one feed now, with a reason a person can act on."""
    if failing_since and (now - failing_since).total_seconds() >= policy.alert_after_failing_s:
        hours = (now - failing_since).total_seconds() / 3600
        return Diagnosis("failing", f"failing for {hours:.1f} h: {last_error or 'unknown error'}")
    gap = usual_gap(published)
    if gap is not None and published:
        quiet = (now - max(published)).total_seconds()
        limit = max(policy.min_silence_s, policy.silence_factor * gap.total_seconds())
        if quiet > limit:
            return Diagnosis("silent", f"no new item for {quiet / 3600:.1f} h (usually one every "
                                       f"{gap.total_seconds() / 3600:.1f} h)")
    return Diagnosis("ok", "polling and publishing normally")


def health_change(
    feed_name: str, feed_url: str, previous: str, found: Diagnosis, now: datetime
) -> FeedHealthChange | None:
    """The event of a feed's new verdict, if the verdict changed."""
    if found.verdict == previous:
        return None
    evidence = Evidence(f"{feed_url}@{now.isoformat()}", None, feed_name, now, found.reason)
    return FeedHealthChange(feed_name, feed_url, previous, found.verdict, found.reason, evidence)
