"""Read JSON Feed 1.0 / 1.1 documents (https://jsonfeed.org/version/1.1). Pure.

feedparser 6 cannot read JSON Feed, so this is its own small reader. It returns the wire model below;
feeditems.py turns it into Items exactly as it does feedparser's entries.

Feeds in the wild get field types wrong (a number as `id`, an object as `title`): a field of the wrong type is
dropped rather than failing the whole document, the way feedparser tolerates broken XML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.errors import FeedParseError

_VERSION_PREFIX = "https://jsonfeed.org/version/"


@dataclass(frozen=True)
class JsonItem:
    """One entry of a JSON Feed, with only the fields monitor uses."""

    id: str | None
    url: str | None
    title: str | None
    content_html: str | None
    content_text: str | None
    summary: str | None
    published: datetime | None
    language: str | None


@dataclass(frozen=True)
class JsonFeed:
    title: str | None
    language: str | None
    items: tuple[JsonItem, ...]


def looks_like_json(body: bytes, content_type: str | None) -> bool:
    """True when the body is JSON: it starts with '{', or it is declared JSON and does not start with '<'."""
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    declared = content_type is not None and "json" in content_type.lower()
    return start == b"{" or (declared and start != b"<")


def parse_json_feed(body: bytes) -> JsonFeed:
    """Read a JSON Feed document; raises FeedParseError when it is not JSON or not a JSON Feed."""
    try:
        document = json.loads(body)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are both ValueErrors
        raise FeedParseError(f"could not be parsed: invalid JSON ({exc})") from exc
    except RecursionError as exc:  # "[[[[..." thousands deep: the decoder recurses once per level
        raise FeedParseError("could not be parsed: JSON nested too deeply") from exc
    version = _optional(document, "version") if isinstance(document, dict) else None
    if not isinstance(document, dict) or not (version or "").startswith(_VERSION_PREFIX):
        raise FeedParseError(f"could not be parsed: JSON document is not a JSON Feed (no {_VERSION_PREFIX}*)")
    raw_items = document.get("items")
    items = [_item(raw) for raw in raw_items if isinstance(raw, dict)] if isinstance(raw_items, list) else []
    return JsonFeed(_optional(document, "title"), _optional(document, "language"), tuple(items))


def _item(raw: dict[str, object]) -> JsonItem:
    return JsonItem(
        id=_identifier(raw.get("id")),
        url=_optional(raw, "url") or _optional(raw, "external_url"),
        title=_optional(raw, "title"),
        content_html=_optional(raw, "content_html"),
        content_text=_optional(raw, "content_text"),
        summary=_optional(raw, "summary"),
        published=_timestamp(_optional(raw, "date_published") or _optional(raw, "date_modified")),
        language=_optional(raw, "language"),
    )


def _identifier(value: object) -> str | None:
    # Version 1.0 let publishers write numeric ids; the spec asks readers to coerce them to strings.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() else None


def _optional(raw: dict[str, object], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _timestamp(value: str | None) -> datetime | None:
    """An RFC 3339 date as an aware UTC datetime; None when absent or unreadable. No zone means UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
