"""parse_feed: every feed flavour becomes the same normalised Items; failures say why."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from monitor.errors import FeedParseError
from monitor.ingest.parse import parse_feed
from monitor.types import ParsedFeed

FEEDS = Path(__file__).parent / "data" / "feeds"
EXPECTED = sorted(FEEDS.glob("*.expected.json"))
RSS_ITEM = "<item><title>{title}</title><guid>{guid}</guid><description>{text}</description></item>"


def _document_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    (document,) = (p for p in FEEDS.glob(stem + ".*") if not p.name.endswith(".expected.json"))
    return document


def _as_json(feed: ParsedFeed) -> dict[str, Any]:
    items = [dataclasses.asdict(item) for item in feed.items]
    for item in items:
        item["published"] = item["published"] and item["published"].isoformat()
    return {
        "feed": {"title": feed.title, "ttl_s": feed.ttl_s, "lang": feed.lang, "warning": feed.warning},
        "items": items,
    }


def _rss(*items: str, channel: str = "") -> bytes:
    return f'<rss version="2.0"><channel><title>t</title>{channel}{"".join(items)}</channel></rss>'.encode()


def _parse(body: bytes, url: str = "https://feeds.example.test/feed", **kwargs: Any) -> ParsedFeed:
    return parse_feed(body, url=url, content_type=kwargs.pop("content_type", "application/rss+xml"), **kwargs)


@pytest.mark.parametrize(
    "expected_path", EXPECTED, ids=[p.name.removesuffix(".expected.json") for p in EXPECTED]
)
def test_feed_file_parses_to_its_expected_items(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    served = expected.pop("served_as")
    body = _document_for(expected_path).read_bytes()
    if "error" in expected:
        with pytest.raises(FeedParseError) as raised:
            parse_feed(body, url=served["url"], content_type=served["content_type"], lang=served["lang"])
        assert str(raised.value) == expected["error"]
    else:
        parsed = parse_feed(body, url=served["url"], content_type=served["content_type"], lang=served["lang"])
        assert _as_json(parsed) == expected


def test_every_feed_file_has_an_expected_file() -> None:
    documents = {p.name for p in FEEDS.iterdir() if not p.name.endswith(".expected.json")}
    assert documents == {_document_for(p).name for p in EXPECTED}


def test_body_naming_a_local_file_is_not_opened(tmp_path: Path) -> None:
    local = tmp_path / "feed.xml"
    local.write_bytes(_rss(RSS_ITEM.format(title="secret", guid="g", text="from disk")))
    with pytest.raises(FeedParseError):
        _parse(str(local).encode())


def test_external_entity_is_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doctype = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = doctype.encode() + _rss(RSS_ITEM.format(title="t &xxe;", guid="g", text="x"))
    assert "TOP-SECRET" not in repr(_parse(body))


def test_keys_do_not_depend_on_the_feed_url() -> None:
    body = _rss(RSS_ITEM.format(title="a", guid="relative-guid", text="x"), "<item><link>/rel</link></item>")
    first = _parse(body, url="https://old.example/feed")
    moved = _parse(body, url="https://new.example/rss")
    assert [i.key for i in first.items] == [i.key for i in moved.items] == ["guid:relative-guid", "link:/rel"]


def test_relative_link_is_resolved_against_the_feed_url() -> None:
    (item,) = _parse(_rss("<item><link>/a/1</link></item>"), url="https://news.example/feeds/all").items
    assert item.link == "https://news.example/a/1"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "mailto:desk@example.org", "ftp://files.example/x"], ids=str
)
def test_non_web_link_is_dropped(link: str) -> None:
    (item,) = _parse(_rss(f"<item><guid>g</guid><link>{link}</link></item>")).items
    assert item.link is None


def test_edited_item_keeps_its_key_and_changes_its_content_hash() -> None:
    (before,) = _parse(_rss(RSS_ITEM.format(title="Toll rises", guid="g1", text="67,160 killed"))).items
    (after,) = _parse(_rss(RSS_ITEM.format(title="Toll rises", guid="g1", text="67,173 killed"))).items
    assert (after.key, after.content_hash != before.content_hash) == (before.key, True)


def test_unchanged_item_keeps_its_content_hash() -> None:
    body = _rss(RSS_ITEM.format(title="Same", guid="g1", text="same text"))
    assert _parse(body).items[0].content_hash == _parse(body, url="https://elsewhere/").items[0].content_hash


def test_items_without_id_or_link_with_different_text_get_different_keys() -> None:
    first, second = _parse(_rss("<item><title>a</title></item>", "<item><title>b</title></item>")).items
    assert first.key != second.key


LANGUAGES = {
    "entry language wins": ('<entry xml:lang="de">', 'xml:lang="fr"', "en", "de"),
    "feed language next": ("<entry>", 'xml:lang="fr"', "en", "fr"),
    "caller's default last": ("<entry>", "", "en", "en"),
    "none at all": ("<entry>", "", None, None),
}


@pytest.mark.parametrize(
    ("entry_tag", "feed_attr", "default", "expected"), LANGUAGES.values(), ids=LANGUAGES.keys()
)
def test_item_language_falls_back_from_entry_to_feed_to_default(
    entry_tag: str, feed_attr: str, default: str | None, expected: str | None
) -> None:
    entry = f"{entry_tag}<id>x</id><title>t</title></entry>"
    body = f'<feed xmlns="http://www.w3.org/2005/Atom" {feed_attr}>{entry}</feed>'
    (item,) = _parse(body.encode(), content_type="application/atom+xml", lang=default).items
    assert item.lang == expected


TTLS = {
    "minutes to seconds": ("<ttl>15</ttl>", 900.0),
    "absent": ("", None),
    "not a number": ("<ttl>soon</ttl>", None),
    "zero": ("<ttl>0</ttl>", None),
}


@pytest.mark.parametrize(("channel", "expected"), TTLS.values(), ids=TTLS.keys())
def test_rss_ttl_becomes_seconds(channel: str, expected: float | None) -> None:
    assert _parse(_rss("<item><guid>g</guid></item>", channel=channel)).ttl_s == expected


JSON_FEED = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "content_text": "x"}]}'
DETECTION = {
    "JSON served as text/plain": (JSON_FEED, "text/plain", "guid:1"),
    "JSON served with no type": (JSON_FEED, None, "guid:1"),
    "JSON with a byte-order mark": (b"\xef\xbb\xbf" + JSON_FEED, "application/feed+json", "guid:1"),
    "XML served as application/json": (_rss("<item><guid>x</guid></item>"), "application/json", "guid:x"),
}


@pytest.mark.parametrize(("body", "content_type", "key"), DETECTION.values(), ids=DETECTION.keys())
def test_format_is_detected_from_the_body_first(body: bytes, content_type: str | None, key: str) -> None:
    assert [i.key for i in _parse(body, content_type=content_type).items] == [key]


FAILURES = {
    "whitespace only": (b"  \n ", "application/xml", "could not be parsed: empty document"),
    "invalid JSON": (b'{"version": ', "application/feed+json", "could not be parsed: invalid JSON"),
    "JSON but not a JSON Feed": (
        b'{"hello": "world"}',
        "application/json",
        "could not be parsed: JSON document is",
    ),
    "JSON Feed without items": (
        b'{"version": "https://jsonfeed.org/version/1"}',
        None,
        "parsed, but no entries",
    ),
    "XML that is no feed": (
        b"<note><to>Ana</to></note>",
        "application/xml",
        "could not be parsed: not a feed",
    ),
    "broken XML without entries": (b"<rss><channel><title>t</", "application/xml", "could not be parsed: "),
    "plain text": (b"Service Unavailable", "text/plain", "could not be parsed: "),
}


@pytest.mark.parametrize(("body", "content_type", "reason"), FAILURES.values(), ids=FAILURES.keys())
def test_failure_reason_tells_unparsable_from_empty(
    body: bytes, content_type: str | None, reason: str
) -> None:
    with pytest.raises(FeedParseError, match="^" + reason):
        _parse(body, content_type=content_type)


def test_malformed_feed_with_entries_is_accepted_with_a_warning() -> None:
    parsed = _parse(_rss("<item><guid>g</guid><title>Tom & Jerry</title></item>"))
    assert (len(parsed.items), parsed.items[0].title, parsed.warning is not None) == (1, "Tom & Jerry", True)
