"""Turn a fetched feed body into normalised Items. Pure: bytes in, values out, no I/O.

RSS 0.9x/1.0/2.0 and Atom go through feedparser (sanitising on); JSON Feed through monitor.jsonfeed.
Both readers yield `Entry` values, which monitor.ingest.entries normalises in one place (key, text, link, content
hash, language fallback). The readers see to the rest:

- `title`, texts: plain text; ids and links clean of NUL and lone surrogates, None when blank;
- `published`: aware UTC (published, else updated; None when absent, unreadable or implausible);
- `lang`: the entry's language tag, lower-cased; the feed's is the fallback, else the caller's default.
"""

from __future__ import annotations

import io
import time
import xml.sax
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from monitor.errors import FeedParseError
from monitor.ingest.entries import Entry, is_web_url, normalised_items
from monitor.ingest.jsonfeed import JsonFeed, JsonItem, looks_like_json, parse_json_feed
from monitor.ingest.xmlprep import prepare_xml
from monitor.text.html import clean_text, html_to_text, plain_to_text
from monitor.types import Item, ParsedFeed

_EARLIEST = datetime(1991, 1, 1, tzinfo=UTC)  # before the web: the Unix epoch, year 1 and other placeholders
_MAX_LANG_CHARS = 16  # the width of the items table's column: no real language tag comes near it
_CLOCK_SKEW = timedelta(days=1)  # time zones written wrong and fast clocks put honest items hours ahead


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
        items=normalised_items((_feedparser_entry(entry) for entry in parsed.entries), url, feed_lang or lang),
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


def _feedparser_entry(entry: dict[str, Any]) -> Entry:
    details = [entry.get("summary_detail"), *entry.get("content", [])]
    # With no <link>, feedparser copies a permalink guid into `link`; a guid like "story-7" is no link at all.
    link = None if entry.get("guidislink") and not is_web_url(entry.get("link")) else entry.get("link")
    return Entry(
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
    items = normalised_items((_json_entry(item) for item in feed.items), url, feed_lang or lang)
    return ParsedFeed(items=items, title=clean_text(feed.title or "") or None, lang=feed_lang)


def _json_entry(item: JsonItem) -> Entry:
    # JSON Feed titles, summaries and content_text are plain text by the spec (tags in them still stripped).
    texts = (
        plain_to_text(item.summary or ""),
        html_to_text(item.content_html or ""),
        plain_to_text(item.content_text or ""),
    )
    return Entry(
        id=_nonblank(item.id),
        link=_nonblank(item.url),
        title=plain_to_text(item.title or ""),
        texts=texts,
        published=item.published,
        lang=_language(item.language),
    )


# --- cleaning shared by both readers -------------------------------------------------------------


def _nonblank(value: object) -> str | None:
    """The value as clean text (no NUL, no lone surrogate: both break databases), None when blank."""
    return clean_text(str(value)) or None if value is not None else None


def _language(value: object) -> str | None:
    """A language tag, lower-cased for comparison ("en-US" -> "en-us")."""
    tag = (_nonblank(value) or "").lower()
    return (tag if len(tag) <= _MAX_LANG_CHARS else tag.split("-")[0][:_MAX_LANG_CHARS]) or None
