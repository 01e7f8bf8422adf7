"""Turn a fetched feed body into normalised Items. Pure: bytes in, values out, no I/O.

RSS 0.9x/1.0/2.0 and Atom go through feedparser (sanitising on); JSON Feed through monitor.jsonfeed.
Both readers yield `_Entry` values, which are normalised in one place:

- `key`: the publisher's id ("guid:..."), else the link ("link:..."), else a hash of title and text
  ("hash:..."); the first entry wins when a feed repeats a key;
- `title`, `text`: plain text; `text` joins summary and content when they differ;
- `published`: aware UTC (published, else updated; None when absent, unreadable or implausible);
- `content_hash`: sha256 of title, link and text, so a story edited under the same key is seen to change;
- `lang`: the entry's language, else the feed's, else the caller's default.
"""

from __future__ import annotations

import hashlib
import io
import time
import xml.sax
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from monitor.errors import FeedParseError
from monitor.jsonfeed import JsonFeed, JsonItem, looks_like_json, parse_json_feed
from monitor.text import clean_text, html_to_text, plain_to_text
from monitor.types import Item, ParsedFeed
from monitor.xmlprep import prepare_xml

_PART_SEPARATOR = "\n\n"  # between summary and content, so the paragraph boundary survives
_EARLIEST = datetime(1991, 1, 1, tzinfo=UTC)  # before the web: the Unix epoch, year 1 and other placeholders
# Widths of the items table's columns: no real id, link or language tag comes near them.
_MAX_KEY_CHARS, _MAX_LINK_CHARS, _MAX_LANG_CHARS = 1024, 2048, 16
_CLOCK_SKEW = timedelta(days=1)  # time zones written wrong and fast clocks put honest items hours ahead


@dataclass(frozen=True)
class _Entry:
    """An entry as a reader found it: texts already plain, id and link as written."""

    id: str | None
    link: str | None
    title: str
    texts: tuple[str, ...]
    published: datetime | None
    lang: str | None


def parse_feed(
    body: bytes, *, url: str, content_type: str | None, lang: str | None = None, now: datetime | None = None
) -> ParsedFeed:
    """Parse a feed document; raises FeedParseError "could not be parsed: ..." or "parsed, but no entries".

    An entry dated before the web existed, or more than a day after `now` (when given), is taken as undated:
    such dates are placeholders or clock errors, and believed they would file a new report as stale or hide
    that a feed has gone silent.
    """
    if not body.strip():
        raise FeedParseError("could not be parsed: empty document")
    if looks_like_json(body, content_type):
        parsed = _from_json_feed(parse_json_feed(body), url, lang)
    else:
        parsed = _from_feedparser(body, url, content_type, lang)
    latest = now + _CLOCK_SKEW if now else datetime.max.replace(tzinfo=UTC)
    return replace(parsed, items=tuple(_dated_between(item, _EARLIEST, latest) for item in parsed.items))


def _dated_between(item: Item, earliest: datetime, latest: datetime) -> Item:
    plausible = item.published is None or earliest <= item.published <= latest
    return item if plausible else replace(item, published=None)


# --- feedparser (RSS, RDF, Atom) -----------------------------------------------------------------


def _from_feedparser(body: bytes, url: str, content_type: str | None, lang: str | None) -> ParsedFeed:
    document, charset_problem = prepare_xml(body, content_type)  # UTF-8, and no DTD to expand entities from
    # No content-location on purpose: feedparser would resolve relative guids against it, so a feed that moved
    # (or redirected) would give every item a new key. _item() resolves links against `url` instead.
    headers = {"content-type": "application/xml; charset=utf-8"}
    # Never hand feedparser bytes or str directly: it treats them as a path or URL and would open it.
    parsed = feedparser.parse(io.BytesIO(document), response_headers=headers, sanitize_html=True)
    problem: Exception | None = parsed.get("bozo_exception") if parsed.get("bozo") else charset_problem
    if not parsed.entries:
        raise FeedParseError(_why_no_entries(parsed.get("version", ""), problem))
    feed_lang = _language(parsed.feed.get("language"))
    return ParsedFeed(
        items=_items((_feedparser_entry(entry) for entry in parsed.entries), url, feed_lang or lang),
        title=_detail_text(parsed.feed.get("title_detail")) or None,
        ttl_s=_ttl_seconds(parsed.feed.get("ttl")),
        warning=_describe(problem) if problem else None,
        lang=feed_lang,
    )


def _why_no_entries(version: str, problem: Exception | None) -> str:
    # A charset or media-type complaint is no reason to doubt that an empty feed really is empty.
    if problem and not isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe):
        return f"could not be parsed: {_describe(problem)}"
    if version:
        return "parsed, but no entries"
    return "could not be parsed: not a feed (no RSS, RDF, Atom or JSON Feed document found)"


def _describe(problem: Exception) -> str:
    if isinstance(problem, xml.sax.SAXParseException):  # its str() names the source "<unknown>"
        return f"{problem.getMessage()} at line {problem.getLineNumber()}, column {problem.getColumnNumber()}"
    return str(problem) or type(problem).__name__


def _feedparser_entry(entry: dict[str, Any]) -> _Entry:
    details = [entry.get("summary_detail"), *entry.get("content", [])]
    # With no <link>, feedparser copies a permalink guid into `link`; a guid like "story-7" is no link at all.
    link = None if entry.get("guidislink") and not _is_web_url(entry.get("link")) else entry.get("link")
    return _Entry(
        id=_nonblank(entry.get("id")),
        link=_nonblank(link),
        title=_detail_text(entry.get("title_detail")) or plain_to_text(entry.get("title", "")),
        texts=tuple(_detail_text(detail) for detail in details),
        # dict.get: FeedParserDict.get("updated_parsed") falls back to published_parsed with a warning.
        published=_utc(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")),
        lang=_language(next((d.get("language") for d in [entry.get("title_detail"), *details] if d), None)),
    )


def _detail_text(detail: Mapping[str, Any] | None) -> str:
    """Plain text of a feedparser text construct (text/plain is already unescaped: read as HTML only if tagged)."""
    if not detail:
        return ""
    value = str(detail.get("value") or "")
    return plain_to_text(value) if detail.get("type") == "text/plain" else html_to_text(value)


def _utc(moment: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None when absent or impossible (year 0, ...)."""
    if moment is None:
        return None
    try:
        return datetime(*moment[:5], min(moment[5], 59), tzinfo=UTC)  # a leap second (60) is not a datetime
    except (ValueError, TypeError):
        return None


def _ttl_seconds(ttl: object) -> float | None:
    """RSS <ttl> is in minutes."""
    try:
        minutes = float(str(ttl).strip())
    except ValueError:
        return None
    return minutes * 60 if minutes > 0 else None


# --- JSON Feed -----------------------------------------------------------------------------------


def _from_json_feed(feed: JsonFeed, url: str, lang: str | None) -> ParsedFeed:
    if not feed.items:
        raise FeedParseError("parsed, but no entries")
    feed_lang = _language(feed.language)
    items = _items((_json_entry(item) for item in feed.items), url, feed_lang or lang)
    return ParsedFeed(items=items, title=clean_text(feed.title or "") or None, lang=feed_lang)


def _json_entry(item: JsonItem) -> _Entry:
    # JSON Feed titles, summaries and content_text are plain text by the spec (tags in them still stripped).
    texts = (
        plain_to_text(item.summary or ""),
        html_to_text(item.content_html or ""),
        plain_to_text(item.content_text or ""),
    )
    return _Entry(
        id=_nonblank(item.id),
        link=_nonblank(item.url),
        title=plain_to_text(item.title or ""),
        texts=texts,
        published=item.published,
        lang=_language(item.language),
    )


# --- normalisation shared by both readers --------------------------------------------------------


def _items(entries: Iterable[_Entry], feed_url: str, fallback_lang: str | None) -> tuple[Item, ...]:
    """Normalised items in feed order; a repeated key keeps its first entry."""
    by_key: dict[str, Item] = {}
    for entry in entries:
        item = _item(entry, feed_url, fallback_lang)
        by_key.setdefault(item.key, item)
    return tuple(by_key.values())


def _item(entry: _Entry, feed_url: str, fallback_lang: str | None) -> Item:
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


def _key(entry: _Entry, text: str) -> str:
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
    return absolute if _is_web_url(absolute) and len(absolute or "") <= _MAX_LINK_CHARS else None


def _is_web_url(value: object) -> bool:
    return (
        isinstance(value, str)
        and urlsplit(value).scheme in ("http", "https")
        and bool(urlsplit(value).netloc)
    )


def _nonblank(value: object) -> str | None:
    """The value as clean text (no NUL, no lone surrogate: both break databases), None when blank."""
    return clean_text(str(value)) or None if value is not None else None


def _language(value: object) -> str | None:
    """A language tag, lower-cased for comparison ("en-US" -> "en-us")."""
    tag = (_nonblank(value) or "").lower()
    return (tag if len(tag) <= _MAX_LANG_CHARS else tag.split("-")[0][:_MAX_LANG_CHARS]) or None
