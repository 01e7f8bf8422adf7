"""Entries as a feed reader found them -> normalised Items, the same way for every feed format. Pure.

- `key`: the publisher's id ("guid:..."), else the link ("link:..."), else a hash of title and text
  ("hash:..."); the first entry wins when a feed repeats a key;
- `text`: joins the entry's texts (summary, content), leaving out one that another contains;
- `link`: absolute against the feed's URL, and only http(s);
- `content_hash`: sha256 of title, link and text, so a story edited under the same key is seen to change;
- `lang`: the entry's language, else the fallback the reader gives (the feed's, else the caller's default).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from monitor.types import Item

_PART_SEPARATOR = "\n\n"  # between summary and content, so the paragraph boundary survives
# Widths of the items table's columns: no real id or link comes near them.
_MAX_KEY_CHARS, _MAX_LINK_CHARS = 1024, 2048


@dataclass(frozen=True)
class Entry:
    """An entry as a reader found it: texts already plain, id and link as written."""

    id: str | None
    link: str | None
    title: str
    texts: tuple[str, ...]
    published: datetime | None
    lang: str | None


def normalised_items(entries: Iterable[Entry], feed_url: str, fallback_lang: str | None) -> tuple[Item, ...]:
    """Normalised items in feed order; a repeated key keeps its first entry."""
    by_key: dict[str, Item] = {}
    for entry in entries:
        item = _item(entry, feed_url, fallback_lang)
        by_key.setdefault(item.key, item)
    return tuple(by_key.values())


def _item(entry: Entry, feed_url: str, fallback_lang: str | None) -> Item:
    """The key and hash use the link as written, so that they do not change when the feed's URL does."""
    text = _join_distinct(entry.texts)
    return Item(
        key=_key(entry, text),
        title=entry.title,
        link=_web_link(entry.link, feed_url),
        published=entry.published,
        text=text,
        content_hash=_sha256(entry.title, entry.link or "", text),
        lang=entry.lang or fallback_lang,
    )


def _key(entry: Entry, text: str) -> str:
    if entry.id:
        return _bounded_key("guid", entry.id)
    if entry.link:
        return _bounded_key("link", entry.link)
    return f"hash:{_sha256(entry.title, text)}"


def _bounded_key(kind: str, value: str) -> str:
    """Ids and links of any length make keys that fit the store: a long one is known by its hash."""
    key = f"{kind}:{value}"
    return key if len(key) <= _MAX_KEY_CHARS else f"{kind}-sha256:{_sha256(value)}"


def _join_distinct(texts: Iterable[str]) -> str:
    """Join the non-empty texts, leaving out any that another contains (a summary that starts the content)."""
    kept: list[str] = []
    for text in texts:
        if text and not any(text in other for other in kept):
            kept = [other for other in kept if other not in text] + [text]
    return _PART_SEPARATOR.join(kept)


def _sha256(*parts: str) -> str:
    # The unit separator keeps ("ab", "c") and ("a", "bc") apart.
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _web_link(link: str | None, base_url: str) -> str | None:
    """The link made absolute against the feed's URL; None unless it is http(s) (no javascript: in alerts)."""
    absolute = urljoin(base_url, link) if link else None
    return absolute if is_web_url(absolute) and len(absolute or "") <= _MAX_LINK_CHARS else None


def is_web_url(value: object) -> bool:
    """An absolute http(s) URL with a host: not a bare guid such as "story-7", not javascript:."""
    return (
        isinstance(value, str)
        and urlsplit(value).scheme in ("http", "https")
        and bool(urlsplit(value).netloc)
    )
