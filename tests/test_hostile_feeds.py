"""Hostile and broken feeds through the whole pipeline (fetch, parse, store, detect), served by a real local
server next to a well-behaved feed in the same poll. Whatever one feed does, the poll finishes, that feed is
marked failed with a reason a person can act on (or its items are stored, defused), and the good feed is
processed as if nothing had happened."""

from __future__ import annotations

import asyncio
import gzip
import socketserver
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from monitor.detect.analyze import Analyzer
from monitor.ingest.fetch import Fetcher
from monitor.pipeline import Pipeline, PollReport
from monitor.ruleset.loader import load_rules
from monitor.store import db, feeds
from monitor.store.tables import items
from monitor.types import FeedSpec
from tests.support.feedserver import FeedServer, gzip_bomb

DATA = Path(__file__).parent / "data" / "hostile"
NOW = datetime(2025, 10, 9, 8, 0, tzinfo=UTC)
ANALYZER = Analyzer(load_rules(Path(__file__).parent.parent / "rules", {}))
CAP = 1_000_000  # bytes: small, so that the oversized bodies stay quick to serve
GOOD_TITLES = ["Markets close higher", "Weather: rain expected in the north"]


def poll(engine: Engine, specs: list[FeedSpec]) -> dict[str, PollReport]:
    """One poll of these feeds through a real Pipeline and Fetcher; the reports by feed name."""
    pipe = Pipeline(engine, ANALYZER, lambda: NOW, lambda: 0.0)

    async def run() -> list[PollReport]:
        async with Fetcher(user_agent="monitor-test") as fetcher:
            return await pipe.poll(specs, fetcher, due_only=False)

    return {report.feed.name: report for report in asyncio.run(run())}


def stored(engine: Engine, url: str) -> list[sa.RowMapping]:
    """The items stored for the feed at `url`, in feed order."""
    with engine.connect() as conn:
        state = feeds.get_state(conn, url)
        assert state is not None
        return list(conn.execute(sa.select(items).where(items.c.feed_id == state.id).order_by(items.c.id)).mappings())


def titles(engine: Engine, url: str) -> list[str]:
    return [row["title"] for row in stored(engine, url)]


def poll_beside_good(engine: Engine, feed_server: FeedServer, spec: FeedSpec) -> PollReport:
    """Poll `spec` together with the good feed; check the good one came through untouched."""
    good = FeedSpec(feed_server.add("/good.xml", DATA / "good.xml"), "good")
    reports = poll(engine, [spec, good])
    assert (reports["good"].error, reports["good"].new) == (None, 2)
    assert sorted(titles(engine, good.url)) == GOOD_TITLES
    return reports[spec.name]


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Engine:
    """SQLite only: for the cases where the database plays no part (keeps the suite fast)."""
    engine = db.create_engine(sqlite_url)
    db.upgrade(engine)
    return engine


# --- feeds that must fail, each with its reason ---------------------------------------------------

Serve = Callable[[FeedServer], FeedSpec]


def _serve(path: str, body: bytes | Path, **options: object) -> Serve:
    def serve(server: FeedServer) -> FeedSpec:
        return FeedSpec(server.add(path, body, **options), "hostile", timeout_s=1.0, max_bytes=CAP)  # type: ignore[arg-type]

    return serve


def _redirect_loop(server: FeedServer) -> FeedSpec:
    server.redirect("/loop-a", "/loop-b")
    server.redirect("/loop-b", "/loop-a")
    return FeedSpec(server.url("/loop-a"), "hostile")


FAILURES: dict[str, tuple[Serve, str]] = {
    "gzip bomb": (
        _serve("/bomb.xml", gzip_bomb(50_000_000), headers={"Content-Encoding": "gzip"}),
        "gzip body expands past the size cap (1,000,000 bytes)",
    ),
    "body over the cap, with Content-Length": (
        _serve("/big.xml", b"<rss>" + b"x" * 2 * CAP),
        "response over 1,000,000 bytes (Content-Length: 2,000,005)",
    ),
    "body over the cap, without Content-Length": (
        _serve("/big.xml", b"<rss>" + b"x" * 2 * CAP, content_length=False),
        "response over 1,000,000 bytes",
    ),
    "endless slow body": (
        _serve("/slow.xml", b"<rss>" + b" " * 100_000, drip_s=0.05, drip_bytes=8),
        "timed out after 1s",
    ),
    "redirect loop": (_redirect_loop, "too many redirects (5)"),
    "HTML page": (_serve("/page", DATA / "page.html", content_type="text/html"), "could not be parsed: "),
    "JSON that is not a JSON Feed": (
        _serve("/api.json", DATA / "not-a-feed.json", content_type="application/json"),
        "could not be parsed: JSON document is not a JSON Feed",
    ),
    "JSON nested too deeply": (
        _serve("/deep.json", b"[" * 100_000 + b"]" * 100_000, content_type="application/json"),
        "could not be parsed: JSON nested too deeply",
    ),
    "binary (PNG)": (_serve("/image", DATA / "image.png", content_type="image/png"), "could not be parsed: "),
    "empty 200": (_serve("/empty.xml", b""), "could not be parsed: empty document"),
    "gzip that is not gzip": (
        _serve("/corrupt.xml", b"not gzip at all", headers={"Content-Encoding": "gzip"}),
        "corrupt or incomplete body",
    ),
}


@pytest.mark.parametrize(("serve", "reason"), FAILURES.values(), ids=FAILURES.keys())
def test_hostile_feed_fails_with_its_reason_and_the_others_are_processed(
    sqlite_engine: Engine, feed_server: FeedServer, serve: Serve, reason: str
) -> None:
    spec = serve(feed_server)
    report = poll_beside_good(sqlite_engine, feed_server, spec)
    with sqlite_engine.connect() as conn:
        state = feeds.get_state(conn, spec.url)
    assert report.error is not None and report.error.startswith(reason)
    assert state is not None and (state.last_error, state.consecutive_failures) == (report.error, 1)
    assert stored(sqlite_engine, spec.url) == []


def test_gzip_body_is_inflated_and_stored(sqlite_engine: Engine, feed_server: FeedServer) -> None:
    spec = FeedSpec(
        feed_server.add(
            "/gz.xml", gzip.compress((DATA / "good.xml").read_bytes()), headers={"Content-Encoding": "gzip"}
        ),
        "gzipped",
    )
    assert poll_beside_good(sqlite_engine, feed_server, spec).new == 2


# --- XML entities: never read from disk or network, never expanded ---------------------------------


def test_external_entity_naming_a_local_file_is_not_read(sqlite_engine: Engine, feed_server: FeedServer) -> None:
    spec = FeedSpec(feed_server.add("/xxe.xml", DATA / "xxe-file.xml"), "xxe")
    poll_beside_good(sqlite_engine, feed_server, spec)
    [item] = stored(sqlite_engine, spec.url)
    assert "root:" not in item["title"] + item["text"]


def _external_references(base: str) -> dict[str, bytes]:
    body = '<rss version="2.0"><channel><title>t</title><item><guid>g</guid><title>{}</title></item></channel></rss>'
    return {
        "general entity": f'<!DOCTYPE rss [<!ENTITY e SYSTEM "{base}/leak">]>{body.format("&e;")}'.encode(),
        "parameter entity": f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{base}/leak"> %p;]>{body.format("x")}'.encode(),
        "external DTD": f'<!DOCTYPE rss SYSTEM "{base}/leak">{body.format("x")}'.encode(),
    }


@pytest.mark.parametrize("kind", ["general entity", "parameter entity", "external DTD"])
def test_external_references_are_never_fetched(sqlite_engine: Engine, feed_server: FeedServer, kind: str) -> None:
    feed_server.add("/leak", b"LEAKED")
    spec = FeedSpec(feed_server.add("/ext.xml", _external_references(feed_server.base_url)[kind]), "ext")
    poll_beside_good(sqlite_engine, feed_server, spec)
    assert feed_server.hits("/leak") == 0
    assert all("LEAKED" not in row["title"] for row in stored(sqlite_engine, spec.url))


def _quadratic_blowup() -> bytes:
    """One 100 KB entity referenced 20,000 times: 2 GB if expanded (feedparser's loose parser would)."""
    doctype = f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "{"x" * 100_000}">\n]>\n'
    item = f"<item><guid>g</guid><title>{'&big;' * 20_000}</title></item>"
    return f'{doctype}<rss version="2.0"><channel><title>t</title>{item}</channel></rss>'.encode()


BOMBS = {
    "billion laughs": (DATA / "billion-laughs.xml").read_bytes(),
    "billion laughs on one line": (DATA / "billion-laughs-one-line.xml").read_bytes(),
    "billion laughs in UTF-16": (DATA / "billion-laughs-one-line.xml")
    .read_text()
    .replace("utf-8", "utf-16")
    .encode("utf-16"),
    "quadratic blowup": _quadratic_blowup(),
}


@pytest.mark.parametrize("body", BOMBS.values(), ids=BOMBS.keys())
def test_entity_bomb_is_stored_unexpanded(sqlite_engine: Engine, feed_server: FeedServer, body: bytes) -> None:
    spec = FeedSpec(feed_server.add("/bomb.xml", body), "bomb")
    poll_beside_good(sqlite_engine, feed_server, spec)
    [item] = stored(sqlite_engine, spec.url)
    assert "lollol" not in item["title"] + item["text"] and "xxxx" not in item["title"] + item["text"]


# --- odd but readable: stored once, normalised -------------------------------------------------------

CHARSETS = {
    "Windows-1252, declared nowhere": ("windows-1252-undeclared.xml", "text/xml", "Café talks – “progress”"),
    "UTF-16 with a byte-order mark": ("utf-16le-bom.xml", "application/xml", "مفاوضات القاهرة talks"),
    "UTF-16 without a byte-order mark, served as text/xml": (
        "utf-16be-no-bom.xml",
        "text/xml",
        "مفاوضات القاهرة talks",
    ),
    "invalid UTF-8 bytes": ("invalid-utf-8.xml", "application/xml; charset=utf-8", "Broken ÿþÃ here"),
}


@pytest.mark.parametrize(("name", "content_type", "title"), CHARSETS.values(), ids=CHARSETS.keys())
def test_wrong_or_missing_charset_is_decoded(
    sqlite_engine: Engine, feed_server: FeedServer, name: str, content_type: str, title: str
) -> None:
    spec = FeedSpec(feed_server.add(f"/{name}", DATA / name, content_type=content_type), "charset")
    poll_beside_good(sqlite_engine, feed_server, spec)
    assert titles(sqlite_engine, spec.url) == [title]


def _many_items(count: int) -> bytes:
    entries = "".join(
        f"<item><guid>n-{i}</guid><title>Item {i}</title><pubDate>Wed, 08 Oct 2025 06:00:00 GMT</pubDate></item>"
        for i in range(count)
    )
    return f'<rss version="2.0"><channel><title>Many</title>{entries}</channel></rss>'.encode()


def test_ten_thousand_items_are_stored_once(engine: Engine, feed_server: FeedServer) -> None:
    spec = FeedSpec(feed_server.add("/many.xml", _many_items(10_000)), "many", max_bytes=10 * CAP)
    first = poll_beside_good(engine, feed_server, spec)
    feed_server.add("/many.xml", _many_items(10_001))  # one more item: the rest must not be stored again
    again = poll(engine, [spec])["many"]
    assert (first.new, again.new, again.unchanged) == (10_000, 1, 10_000)
    assert len(stored(engine, spec.url)) == 10_001


def test_items_without_guid_link_or_date_keep_their_keys_across_polls(engine: Engine, feed_server: FeedServer) -> None:
    body = (DATA / "minimal-items.xml").read_bytes()
    spec = FeedSpec(feed_server.add("/minimal.xml", body), "minimal")
    poll_beside_good(engine, feed_server, spec)
    feed_server.add("/minimal.xml", body.replace(b"Minimal items", b"Minimal items, retitled"))
    again = poll(engine, [spec])["minimal"]
    rows = stored(engine, spec.url)
    assert (again.new, again.unchanged) == (0, 3)
    assert [(row["key"].split(":")[0], row["link"], row["published"]) for row in rows] == [
        ("hash", None, None),
        ("hash", None, None),
        ("link", "https://minimal.example.org/story", None),
    ]


def test_implausible_dates_are_dropped_and_plausible_ones_kept(engine: Engine, feed_server: FeedServer) -> None:
    spec = FeedSpec(feed_server.add("/dates.xml", DATA / "odd-dates.xml"), "dates")
    poll_beside_good(engine, feed_server, spec)
    published = {row["key"]: row["published"] for row in stored(engine, spec.url)}
    assert published == {
        "guid:future": None,
        "guid:epoch": None,
        "guid:hours-ahead": datetime(2025, 10, 9, 14, 0, tzinfo=UTC),
        "guid:normal": datetime(2025, 10, 8, 9, 30, tzinfo=UTC),
    }


def test_duplicate_guids_in_one_feed_are_stored_once_first_wins(engine: Engine, feed_server: FeedServer) -> None:
    spec = FeedSpec(feed_server.add("/dups.xml", DATA / "duplicate-guids.xml"), "dups")
    report = poll_beside_good(engine, feed_server, spec)
    assert report.new == 2
    assert titles(engine, spec.url) == ["First version", "Another story"]


MARKUP = {
    "RSS": ("markup-in-titles.xml", ["Talks resume", "Talks resume", "Talks resume"], "Body text"),
    "Atom": ("atom-markup-in-titles.xml", ["Talks resume", "Talks resume"], None),
}


@pytest.mark.parametrize(("name", "expected", "text"), MARKUP.values(), ids=MARKUP.keys())
def test_html_and_script_in_titles_are_stripped(
    sqlite_engine: Engine, feed_server: FeedServer, name: str, expected: list[str], text: str | None
) -> None:
    spec = FeedSpec(feed_server.add(f"/{name}", DATA / name), "markup")
    poll_beside_good(sqlite_engine, feed_server, spec)
    rows = stored(sqlite_engine, spec.url)
    assert [row["title"] for row in rows] == expected
    assert text is None or rows[-1]["text"] == text


def test_values_a_database_refuses_are_made_storable(engine: Engine, feed_server: FeedServer) -> None:
    """NUL characters, lone surrogates and over-long ids, links and language tags, as a JSON Feed allows."""
    spec = FeedSpec(feed_server.add("/odd.json", DATA / "storage-hostile.json"), "odd")
    report = poll_beside_good(engine, feed_server, spec)
    rows = stored(engine, spec.url)
    assert report.new == 4
    assert [row["title"] for row in rows[:3]] == [
        "NUL in the title",
        "Lone surrogate \ufffd here",
        "Very long id and url",
    ]
    assert all(len(row["key"]) <= 1024 and (row["link"] is None or len(row["link"]) <= 2048) for row in rows)


# --- what a server says about itself is untrusted too ------------------------------------------------


class _RawAnswer(socketserver.StreamRequestHandler):
    """Answers every request with the raw bytes in `server.answer`: what http.server would never send."""

    def handle(self) -> None:
        while self.rfile.readline() not in (b"\r\n", b""):
            pass
        self.wfile.write(self.server.answer)  # type: ignore[attr-defined]


@pytest.fixture
def raw_server() -> Iterator[socketserver.TCPServer]:
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _RawAnswer) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield server
        server.shutdown()


def test_reason_phrase_with_control_and_invalid_bytes_is_stored_printable(
    engine: Engine, feed_server: FeedServer, raw_server: socketserver.TCPServer
) -> None:
    raw_server.answer = b"HTTP/1.1 503 Down \xff\x00\xed\xa0\x80 now\r\nContent-Length: 0\r\n\r\n"  # type: ignore[attr-defined]
    host, port = raw_server.server_address[:2]
    spec = FeedSpec(f"http://{host!s}:{port}/feed.xml", "raw")
    report = poll_beside_good(engine, feed_server, spec)
    assert report.error == "HTTP 503 Down ????? now"


def test_validators_that_cannot_be_stored_are_not_kept(engine: Engine, feed_server: FeedServer) -> None:
    junk = {"ETag": '"' + "e" * 5000 + '"', "Last-Modified": "Wed, 08 Oct 2025 \xff\xfe GMT"}
    spec = FeedSpec(feed_server.add("/junk-validators.xml", DATA / "good.xml", headers=junk), "junk")
    report = poll_beside_good(engine, feed_server, spec)
    with engine.connect() as conn:
        state = feeds.get_state(conn, spec.url)
    assert (report.error, report.new) == (None, 2)
    assert state is not None and (state.validators.etag, state.validators.last_modified) == (None, None)
