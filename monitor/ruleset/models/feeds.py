"""The model of feeds.yaml: the feeds polled, and the defaults for polling them and judging their health."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from monitor.ruleset.models.fields import Bytes, HttpUrl, Phrase, Seconds, Strict


class FeedDefaults(Strict):
    interval: Seconds = 300.0
    timeout: Seconds = 20.0
    max_bytes: Bytes = 10 * 1000 * 1000
    alert_after_failing: Seconds = Field(6 * 3600.0, description="a feed failing this long raises feed_health")
    silence_factor: float = Field(
        10.0, gt=1, description="a feed silent for this many times its usual gap between items raises feed_health"
    )
    min_silence: Seconds = Field(86400.0, description="never call a feed silent before this long without items")


class Feed(Strict):
    url: HttpUrl
    name: Phrase
    interval: Seconds | None = None
    timeout: Seconds | None = None
    max_bytes: Bytes | None = None
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
    tags: list[Phrase] = Field([])


class FeedsFile(Strict):
    version: Literal[1]
    defaults: FeedDefaults = FeedDefaults()
    feeds: list[Feed] = Field([])
