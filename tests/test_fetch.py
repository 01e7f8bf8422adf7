"""Fetcher against a real HTTP server on 127.0.0.1: what comes back, and why a fetch failed."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import socket
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from monitor import __version__
from monitor.ingest.cacheheaders import freshness_seconds, http_date, retry_after_seconds
from monitor.ingest.fetch import Fetcher, default_user_agent
from monitor.types import FeedSpec, FetchResult, Validators
from tests.support.feedserver import FeedServer, gzip_bomb

RSS = (Path(__file__).parent / "data" / "feeds" / "rss20.xml").read_bytes()
RSS_HASH = hashlib.sha256(RSS).hexdigest()
UA = default_user_agent("https://example.test/monitor")
NOW = datetime(2025, 10, 7, 12, 0, tzinfo=UTC)


def _spec(url: str, **changes: Any) -> FeedSpec:
    return FeedSpec(url=url, name="test feed", **changes)


def fetch(
    url: str, validators: Validators | None = None, spec: dict[str, Any] | None = None, **fetcher: Any
) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(user_agent=UA, **fetcher) as f:
            return await f.fetch(_spec(url, **(spec or {})), validators or Validators())

    return asyncio.run(run())


# --- a successful fetch --------------------------------------------------------------------------


def test_ok_response_carries_body_and_metadata(feed_server: FeedServer) -> None:
    url = feed_server.add(
        "/a.xml",
        RSS,
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified="Tue, 07 Oct 2025 10:00:00 GMT",
    )
    result = fetch(url)
    assert (result.ok, result.status, result.body, result.final_url, result.error) == (
        True,
        200,
        RSS,
        url,
        None,
    )
    assert (result.content_type, result.etag, result.last_modified, result.body_hash) == (
        "application/rss+xml",
        '"v1"',
        "Tue, 07 Oct 2025 10:00:00 GMT",
        RSS_HASH,
    )


def test_request_names_us_and_asks_for_compression(feed_server: FeedServer) -> None:
    fetch(feed_server.add("/a.xml", RSS))
    (request,) = feed_server.requests("/a.xml")
    assert (request["user-agent"], request["accept-encoding"]) == (UA, "gzip, deflate")


def test_default_user_agent_names_the_version_and_a_contact() -> None:
    assert default_user_agent("https://example.test/x") == f"monitor/{__version__} (+https://example.test/x)"


ENCODINGS = {
    "gzip": (gzip.compress(RSS), "gzip"),
    "x-gzip": (gzip.compress(RSS), "x-gzip"),
    "deflate (zlib)": (zlib.compress(RSS), "deflate"),
    "identity": (RSS, "identity"),
}


@pytest.mark.parametrize(("wire", "encoding"), ENCODINGS.values(), ids=ENCODINGS.keys())
def test_compressed_body_is_inflated(feed_server: FeedServer, wire: bytes, encoding: str) -> None:
    result = fetch(feed_server.add("/a.xml", wire, headers={"Content-Encoding": encoding}))
    assert (result.body, result.body_hash) == (RSS, RSS_HASH)


# --- conditional GET and unchanged bodies --------------------------------------------------------

CONDITIONAL = {
    "etag": ({"etag": '"v1"'}, Validators(etag='"v1"'), "if-none-match", '"v1"'),
    "last-modified": (
        {"last_modified": "Tue, 07 Oct 2025 10:00:00 GMT"},
        Validators(last_modified="Tue, 07 Oct 2025 10:00:00 GMT"),
        "if-modified-since",
        "Tue, 07 Oct 2025 10:00:00 GMT",
    ),
}


@pytest.mark.parametrize(("route", "validators", "header", "sent"), CONDITIONAL.values(), ids=CONDITIONAL.keys())
def test_validators_are_sent_and_304_has_no_body(
    feed_server: FeedServer, route: dict[str, str], validators: Validators, header: str, sent: str
) -> None:
    served = feed_server.add("/a.xml", RSS, etag=route.get("etag"), last_modified=route.get("last_modified"))
    result = fetch(served, validators)
    assert (result.status, result.body, result.not_modified, result.ok) == (304, None, True, True)
    assert feed_server.requests("/a.xml")[0][header] == sent


def test_304_without_validators_keeps_the_previous_ones(feed_server: FeedServer) -> None:
    previous = Validators(etag='"v1"', last_modified="Tue, 07 Oct 2025 10:00:00 GMT", body_hash=RSS_HASH)
    result = fetch(feed_server.add("/a.xml", status=304), previous)
    assert Validators(result.etag, result.last_modified, result.body_hash) == previous


def test_stale_validator_gets_the_new_body(feed_server: FeedServer) -> None:
    result = fetch(feed_server.add("/a.xml", RSS, etag='"v2"'), Validators(etag='"v1"'))
    assert (result.status, result.body, result.etag) == (200, RSS, '"v2"')


def test_identical_body_is_reported_unchanged(feed_server: FeedServer) -> None:
    result = fetch(feed_server.add("/a.xml", RSS), Validators(body_hash=RSS_HASH))
    assert (result.status, result.body, result.error, result.body_hash) == (200, None, None, RSS_HASH)


def test_changed_body_is_returned(feed_server: FeedServer) -> None:
    result = fetch(feed_server.add("/a.xml", RSS), Validators(body_hash="0" * 64))
    assert result.body == RSS


# --- HTTP errors ---------------------------------------------------------------------------------

STATUSES = {
    "404": (404, {}, "HTTP 404 Not Found", None),
    "410": (410, {}, "HTTP 410 Gone", None),
    "500": (500, {}, "HTTP 500 Internal Server Error", None),
    "429 with seconds": (429, {"Retry-After": "120"}, "HTTP 429 Too Many Requests", 120.0),
    "503 with a date": (
        503,
        {"Retry-After": "Tue, 07 Oct 2025 12:10:00 GMT", "Date": "Tue, 07 Oct 2025 12:00:00 GMT"},
        "HTTP 503 Service Unavailable",
        600.0,
    ),
}


@pytest.mark.parametrize(("status", "headers", "error", "retry_after"), STATUSES.values(), ids=STATUSES.keys())
def test_error_status_is_a_reason(
    feed_server: FeedServer, status: int, headers: dict[str, str], error: str, retry_after: float | None
) -> None:
    result = fetch(feed_server.add("/a.xml", b"oops", status=status, headers=headers))
    assert (result.ok, result.status, result.body, result.error, result.retry_after_s) == (
        False,
        status,
        None,
        error,
        retry_after,
    )


def test_unknown_path_is_404(feed_server: FeedServer) -> None:
    assert fetch(feed_server.url("/nothing-here")).error == "HTTP 404 Not Found"


def test_cache_lifetime_is_reported(feed_server: FeedServer) -> None:
    result = fetch(feed_server.add("/a.xml", RSS, headers={"Cache-Control": "public, max-age=900"}))
    assert result.max_age_s == 900.0


# --- redirects -----------------------------------------------------------------------------------


def test_redirect_chain_is_followed_to_the_final_url(feed_server: FeedServer) -> None:
    feed_server.redirect("/old", "/older", status=301)
    feed_server.redirect("/older", feed_server.url("/a.xml"), status=308)
    feed_server.add("/a.xml", RSS)
    result = fetch(feed_server.url("/old"))
    assert (result.body, result.url, result.final_url) == (
        RSS,
        feed_server.url("/old"),
        feed_server.url("/a.xml"),
    )


def test_validators_are_sent_on_every_hop(feed_server: FeedServer) -> None:
    feed_server.redirect("/old", "/a.xml")
    result = fetch(feed_server.add("/a.xml", RSS, etag='"v1"').replace("/a.xml", "/old"), Validators(etag='"v1"'))
    assert (result.status, feed_server.requests("/old")[0]["if-none-match"]) == (304, '"v1"')


@pytest.mark.parametrize(
    ("hops", "limit", "error"),
    [(5, 5, None), (6, 5, "too many redirects (5)"), (1, 0, "too many redirects (0)")],
    ids=["at the limit", "one past the limit", "no redirects allowed"],
)
def test_redirects_are_bounded(feed_server: FeedServer, hops: int, limit: int, error: str | None) -> None:
    for hop in range(hops):
        feed_server.redirect(f"/r{hop}", f"/r{hop + 1}")
    feed_server.add(f"/r{hops}", RSS)
    assert fetch(feed_server.url("/r0"), max_redirects=limit).error == error


def test_redirect_loop_stops(feed_server: FeedServer) -> None:
    feed_server.redirect("/a", "/b")
    feed_server.redirect("/b", "/a")
    result = fetch(feed_server.url("/a"))
    assert (result.error, feed_server.hits("/a"), feed_server.hits("/b")) == ("too many redirects (5)", 3, 3)


def test_redirect_to_a_non_http_scheme_is_refused(feed_server: FeedServer) -> None:
    result = fetch(feed_server.redirect("/a", "file:///etc/passwd"))
    assert (result.error, result.final_url) == (
        "only http and https URLs are fetched, not 'file'",
        "file:///etc/passwd",
    )


# --- limits --------------------------------------------------------------------------------------


def test_slow_drip_hits_the_total_deadline(feed_server: FeedServer) -> None:
    url = feed_server.add("/slow.xml", RSS, drip_s=0.1, drip_bytes=64)  # RSS takes about 2.5 s to arrive
    assert fetch(url, spec={"timeout_s": 0.5}).error == "timed out after 0.5s"


def test_server_that_does_not_answer_hits_the_deadline(feed_server: FeedServer) -> None:
    url = feed_server.add("/hang.xml", RSS, delay_s=3)
    assert fetch(url, spec={"timeout_s": 0.3}).error == "timed out after 0.3s"


SIZES = {
    "declared too long": (True, "response over 1,000 bytes (Content-Length: 1,580)"),
    "undeclared, counted": (False, "response over 1,000 bytes"),
}


@pytest.mark.parametrize(("declared", "error"), SIZES.values(), ids=SIZES.keys())
def test_body_over_the_cap_is_refused(feed_server: FeedServer, declared: bool, error: str) -> None:
    url = feed_server.add("/big.xml", RSS, content_length=declared)
    assert fetch(url, spec={"max_bytes": 1000}).error == error


def test_body_at_the_cap_is_accepted(feed_server: FeedServer) -> None:
    assert fetch(feed_server.add("/a.xml", RSS, content_length=False), spec={"max_bytes": len(RSS)}).body == RSS


def test_gzip_bomb_stops_at_the_cap(feed_server: FeedServer) -> None:
    url = feed_server.add("/bomb.xml", gzip_bomb(64 * 1024 * 1024), headers={"Content-Encoding": "gzip"})
    assert fetch(url, spec={"max_bytes": 1024 * 1024}).error == "gzip body expands past the size cap (1,048,576 bytes)"


def test_gzip_body_expanding_to_exactly_the_cap_is_accepted(feed_server: FeedServer) -> None:
    url = feed_server.add("/a.xml", RSS, gzip=True)
    assert fetch(url, spec={"max_bytes": len(RSS)}).body == RSS


BROKEN = {
    "corrupt gzip": (
        b"\x1f\x8b\x08\x00garbage-not-deflate",
        {"Content-Encoding": "gzip"},
        "corrupt or incomplete body",
    ),
    "unadvertised encoding": (b"xyz", {"Content-Encoding": "br"}, "unsupported Content-Encoding 'br'"),
}


@pytest.mark.parametrize(("wire", "headers", "error"), BROKEN.values(), ids=BROKEN.keys())
def test_undecodable_body_is_a_reason(
    feed_server: FeedServer, wire: bytes, headers: dict[str, str], error: str
) -> None:
    assert (fetch(feed_server.add("/a.xml", wire, headers=headers)).error or "").startswith(error)


# --- network failures and refused targets --------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused_is_a_reason() -> None:
    result = fetch(f"http://127.0.0.1:{_closed_port()}/feed.xml")
    assert (result.status, result.error) == (None, "connection refused")


def test_unknown_host_is_a_reason() -> None:
    result = fetch("http://no-such-host.invalid/feed.xml", spec={"timeout_s": 10})
    assert result.error == "DNS lookup failed for no-such-host.invalid"


URLS = {
    "file URL": ("file:///etc/passwd", "only http and https URLs are fetched, not 'file'"),
    "relative URL": ("/feed.xml", "only http and https URLs are fetched, not 'a relative URL'"),
    "no host": ("http://", "invalid URL"),
}


@pytest.mark.parametrize(("url", "error"), URLS.values(), ids=URLS.keys())
def test_unfetchable_url_is_a_reason(url: str, error: str) -> None:
    assert (fetch(url).error or "").startswith(error)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"], ids=["address literal", "name resolving to loopback"])
def test_private_address_is_refused_when_asked(feed_server: FeedServer, host: str) -> None:
    url = feed_server.add("/a.xml", RSS).replace("127.0.0.1", host)
    result = fetch(url, block_private=True)
    assert (result.error or "").startswith(f"refused to fetch from {host}: 127.0.0.1 is a private")
    assert feed_server.hits("/a.xml") == 0


def test_private_address_is_allowed_by_default(feed_server: FeedServer) -> None:
    assert fetch(feed_server.add("/a.xml", RSS).replace("127.0.0.1", "localhost")).body == RSS


# --- many feeds ----------------------------------------------------------------------------------


def test_fetch_all_returns_results_in_order_and_keeps_to_the_concurrency(feed_server: FeedServer) -> None:
    urls = [feed_server.add(f"/{n}.xml", f"<rss>{n}</rss>" * 8, drip_s=0.02, drip_bytes=32) for n in range(8)]
    urls.insert(3, feed_server.url("/missing"))

    async def run() -> list[FetchResult]:
        async with Fetcher(user_agent=UA, concurrency=3) as fetcher:
            return await fetcher.fetch_all([(_spec(url), Validators()) for url in urls])

    results = asyncio.run(run())
    assert [r.url for r in results] == urls
    assert [r.error for r in results].count("HTTP 404 Not Found") == 1
    assert feed_server.peak_in_flight == 3


# --- header parsing (pure) -----------------------------------------------------------------------

RETRY_AFTER = {
    "seconds": ("120", 120.0),
    "seconds with spaces": (" 30 ", 30.0),
    "HTTP date": ("Tue, 07 Oct 2025 12:05:00 GMT", 300.0),
    "date in the past": ("Tue, 07 Oct 2025 11:00:00 GMT", 0.0),
    "absent": (None, None),
    "garbage": ("soon", None),
    "negative": ("-5", None),
}


@pytest.mark.parametrize(("value", "expected"), RETRY_AFTER.values(), ids=RETRY_AFTER.keys())
def test_retry_after_seconds(value: str | None, expected: float | None) -> None:
    assert retry_after_seconds(value, NOW) == expected


FRESHNESS = {
    "max-age": ("max-age=600", None, 600.0),
    "max-age among others": ("public, s-maxage=10, max-age=60", None, 60.0),
    "max-age wins over Expires": ("max-age=60", "Tue, 07 Oct 2025 13:00:00 GMT", 60.0),
    "Expires": (None, "Tue, 07 Oct 2025 13:00:00 GMT", 3600.0),
    "Expires in the past": (None, "Tue, 07 Oct 2025 11:00:00 GMT", None),
    "Expires invalid (e.g. 0)": (None, "0", None),
    "no-cache": ("no-cache, max-age=600", None, None),
    "no-store": ("no-store", None, None),
    "max-age=0": ("max-age=0", None, None),
    "nothing": (None, None, None),
}


@pytest.mark.parametrize(("cache_control", "expires", "expected"), FRESHNESS.values(), ids=FRESHNESS.keys())
def test_freshness_seconds(cache_control: str | None, expires: str | None, expected: float | None) -> None:
    assert freshness_seconds(cache_control, expires, NOW) == expected


def test_http_date_without_zone_is_utc() -> None:
    assert http_date("Tue, 07 Oct 2025 12:00:00 -0000") == NOW
