"""Frozen values that cross module lines. Imports nothing from monitor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

EntityKind = Literal["person", "organisation", "place"]
Polarity = Literal["for", "against", "conditional"]
Direction = Literal["up", "any"]
Unit = Literal["count", "percent"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "nearly", "up_to", "less_than"]


@dataclass(frozen=True)
class FeedSpec:
    """A feed to poll, as the rules (or MONITOR_FEEDS) describe it."""

    url: str
    name: str
    interval_s: float = 300.0
    timeout_s: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    tags: tuple[str, ...] = ()
    lang: str | None = None


@dataclass(frozen=True)
class Validators:
    """What the last successful fetch told us, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True)
class FeedState:
    """What the database knows of a feed between polls."""

    id: int
    url: str
    validators: Validators
    consecutive_failures: int
    next_poll_at: datetime
    last_status: int | None = None
    last_error: str | None = None
    last_success_at: datetime | None = None
    failing_since: datetime | None = None
    health: str = "ok"


@dataclass(frozen=True)
class FetchResult:
    """The outcome of one HTTP fetch. `body` is None for a 304 or an error."""

    url: str
    final_url: str
    status: int | None
    body: bytes | None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    retry_after_s: float | None = None
    max_age_s: float | None = None
    elapsed_s: float = 0.0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class Item:
    """A normalised feed entry. `key` is stable across polls (guid, else link, else content hash)."""

    key: str
    title: str
    link: str | None
    published: datetime | None
    text: str
    content_hash: str
    lang: str | None = None


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed document yields: its entries plus hints for politeness."""

    items: tuple[Item, ...]
    title: str | None = None
    ttl_s: float | None = None
    warning: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Match:
    """An entity or issue found in an item's text, with its evidence."""

    kind: Literal["entity", "issue"]
    id: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Figure:
    """A number the text reports for a tracked metric."""

    metric: str
    value: float
    qualifier: Qualifier
    as_written: str
    sentence: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Position:
    """An actor's stated stance on an issue."""

    actor: str
    issue: str
    stance: str
    polarity: Polarity
    sentence: str
    cue: str = ""
    # False for a stance that rests on an inference (a pronoun's antecedent, a generic noun standing for the
    # item's topic, a sentence that says both for and against): stored, never alerted on.
    certain: bool = True


@dataclass(frozen=True)
class Analysis:
    """Everything detection found in one item."""

    relevant: bool
    matches: tuple[Match, ...] = ()
    figures: tuple[Figure, ...] = ()
    positions: tuple[Position, ...] = ()

    @property
    def entity_ids(self) -> list[str]:
        return sorted({m.id for m in self.matches if m.kind == "entity"})

    @property
    def issue_ids(self) -> list[str]:
        return sorted({m.id for m in self.matches if m.kind == "issue"})


@dataclass(frozen=True)
class NotKept:
    """A number or a stance cue that detection read and did not keep, and why (what `monitor explain` shows)."""

    kind: Literal["figure", "position"]
    text: str  # the number or the cue as written
    sentence: str
    reason: str
