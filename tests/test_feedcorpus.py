"""The peer feed corpus (2,136 files from the test suites of feedparser, miniflux and reader, kept beside the
repository in ../shared/feedcorpus) served over local HTTP and polled through the Pipeline on SQLite.

Every file must be handled without a crash or a logged traceback; every entry the parser yields on the same
bytes must be stored, normalised; every feed without entries must be marked failed with its reason."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from monitor.detect.analyze import Analyzer
from monitor.errors import FeedParseError
from monitor.ingest.fetch import Fetcher
from monitor.ingest.parse import parse_feed
from monitor.pipeline import Pipeline, PollReport
from monitor.ruleset.loader import load_rules
from monitor.store import db
from monitor.store.tables import feeds, items
from monitor.text.html import clean_text
from monitor.types import FeedSpec
from tests.support.feedserver import FeedServer

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "feedcorpus"
NOW = datetime(2025, 10, 9, 8, 0, tzinfo=UTC)
BATCH = 300  # feeds per poll: the fetches of a batch overlap, processing is one feed at a time anyway
# feedparser's cases name the HTTP headers they assume in their leading comment ("Header: Content-type: ...").
HEADER_LINE = re.compile(rb"^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.MULTILINE)
REASONS = ("parsed, but no entries", "could not be parsed: ")
SCRIPT = re.compile(r"alert\(|javascript:|\bon(click|error|load|mouseover)=|expression\(", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    """What became of one feed: how many items, or why none."""

    items: int
    error: str | None
    failures: int


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"the peer feed corpus is not at {CORPUS} (clone the repository beside shared/)")
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("LICENSE", "README.md"))


def headers_for(path: Path, body: bytes) -> dict[str, str]:
    """The headers a case assumes (its `Header:` lines; UTF-16/32 files read without their NULs), else a type."""
    named = {name.decode(): value.decode("latin-1") for name, value in HEADER_LINE.findall(body.replace(b"\0", b""))}
    default = "application/feed+json" if path.suffix == ".json" else "text/xml"
    if not any(name.lower() == "content-type" for name in named):
        named["Content-Type"] = default
    return named


def expected_outcome(body: bytes, url: str, content_type: str) -> Outcome:
    """What parse_feed makes of the same bytes."""
    try:
        return Outcome(len(parse_feed(body, url=url, content_type=content_type, now=NOW).items), None, 0)
    except FeedParseError as exc:
        return Outcome(0, str(exc), 1)


def serve(server: FeedServer, files: Sequence[Path]) -> tuple[list[FeedSpec], dict[str, Outcome]]:
    specs, expected = [], {}
    for path in files:
        body, name = path.read_bytes(), path.relative_to(CORPUS).as_posix()
        headers = headers_for(path, body)
        content_type = next(v for k, v in headers.items() if k.lower() == "content-type")
        url = server.add(f"/corpus/{name}", body, headers=headers)
        specs.append(FeedSpec(url, name))
        expected[name] = expected_outcome(body, url, content_type)
    return specs, expected


def poll_in_batches(engine: Engine, specs: Sequence[FeedSpec]) -> Iterator[PollReport]:
    pipe = Pipeline(engine, Analyzer(load_rules(Path(__file__).parent.parent / "rules", {})), lambda: NOW, lambda: 0.0)

    async def run(batch: Sequence[FeedSpec]) -> list[PollReport]:
        async with Fetcher(user_agent="monitor-test") as fetcher:
            return await pipe.poll(batch, fetcher, due_only=False)

    for start in range(0, len(specs), BATCH):
        yield from asyncio.run(run(specs[start : start + BATCH]))


def stored_outcomes(engine: Engine) -> dict[str, Outcome]:
    counts = sa.select(items.c.feed_id, sa.func.count().label("n")).group_by(items.c.feed_id).subquery()
    query = sa.select(
        feeds.c.name, sa.func.coalesce(counts.c.n, 0), feeds.c.last_error, feeds.c.consecutive_failures
    ).outerjoin(counts, counts.c.feed_id == feeds.c.id)
    with engine.connect() as conn:
        return {name: Outcome(n, error, failures) for name, n, error, failures in conn.execute(query)}


def unnormalised(engine: Engine) -> list[str]:
    """Stored items that break a promise of parse.py: a key, clean plain text, an http(s) link, an aware date,
    and none of the script payloads of feedparser's sanitize/ cases left in the text."""
    query = sa.select(items, feeds.c.name.label("feed")).join(feeds, feeds.c.id == items.c.feed_id)
    with engine.connect() as conn:
        return [f"{row['feed']}: {row['key']!r}" for row in conn.execute(query).mappings() if not _normalised(row)]


def _normalised(row: sa.RowMapping) -> bool:
    clean = all(part == clean_text(part) for part in [row["title"], *row["text"].split("\n\n")])
    link_ok = row["link"] is None or urlsplit(row["link"]).scheme in ("http", "https")
    date_ok = row["published"] is None or row["published"].tzinfo is not None
    payload = row["feed"].startswith("feedparser/wellformed/sanitize/") and SCRIPT.search(row["title"] + row["text"])
    return bool(row["key"]) and clean and link_ok and date_ok and not payload


def test_every_corpus_file_is_polled_stored_or_failed_with_its_reason(
    sqlite_url: str, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    files = corpus_files()
    engine = db.create_engine(sqlite_url)
    db.upgrade(engine)
    specs, expected = serve(feed_server, files)
    caplog.set_level(logging.INFO)

    reports = list(poll_in_batches(engine, specs))

    assert [r.feed.name for r in reports if r.status != 200] == []  # every failure is the document's own
    assert stored_outcomes(engine) == expected
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    assert all(o.error.startswith(REASONS) for o in expected.values() if o.error)
    assert unnormalised(engine) == []
    # The corpus is fixed: most of it reads, so a parser that failed on everything could not pass as "equal".
    assert (len(files), sum(o.items > 0 for o in expected.values())) == (2136, 1217)
