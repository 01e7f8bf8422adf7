"""From rules to the values the pipeline works with. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from monitor.ruleset.models.feeds import FeedsFile
from monitor.ruleset.schema import Ruleset
from monitor.types import FeedSpec


def feed_specs(feeds: FeedsFile, override_urls: Sequence[str] = ()) -> list[FeedSpec]:
    """The feeds to poll: the rules' feeds with their defaults applied, or `override_urls` instead
    (MONITOR_FEEDS), which take the rules' defaults and are named after their host."""
    defaults = feeds.defaults
    if override_urls:
        return [
            FeedSpec(url=url, name=urlsplit(url).netloc or url, interval_s=defaults.interval,
                     timeout_s=defaults.timeout, max_bytes=defaults.max_bytes)
            for url in dict.fromkeys(override_urls)
        ]
    return [
        FeedSpec(
            url=feed.url, name=feed.name,
            interval_s=feed.interval or defaults.interval,
            timeout_s=feed.timeout or defaults.timeout,
            max_bytes=feed.max_bytes or defaults.max_bytes,
            tags=tuple(feed.tags), lang=feed.lang,
        )
        for feed in feeds.feeds
    ]


def labels(rules: Ruleset) -> dict[str, str]:
    """Readable names for the ids that alerts mention."""
    names = {e.id: e.name for e in rules.entities.entities}
    names.update({i.id: i.label for i in rules.issues.issues})
    names.update({m.id: m.label for m in rules.metrics.metrics})
    return names
