"""Benchmark: CPU and wall time of fetching and parsing N local feeds, cold and all-304.

Run from the repository root:

    .venv/bin/python -m bench.fetch_parse                      # 100 feeds, concurrency 10, 20, 50
    .venv/bin/python -m bench.fetch_parse --feeds 1000 --concurrency 20

The feeds (RSS 2.0, gzip-compressed, with an ETag) are served by tests.support.feedserver in a child
process, so the CPU time printed is the client's alone: fetch (aiohttp + inflating) and parse (feedparser).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection

from monitor.ingest.fetch import Fetcher, default_user_agent
from monitor.ingest.parse import parse_feed
from monitor.types import FeedSpec, FetchResult, Validators

ITEM = """<item><title>Story {feed}-{n}: talks resume in Cairo</title>
<link>https://news{feed}.example/{n}</link><guid>news{feed}-{n}</guid>
<pubDate>Tue, 07 Oct 2025 09:{minute:02d}:00 GMT</pubDate>
<description><![CDATA[<p>Negotiators met on Tuesday. The health ministry said at least 67,160 people
had been killed. <a href="/more">More</a> on the <b>ceasefire</b> talks and the hostage exchange.</p>]]>
</description></item>"""


def feed_document(feed: int, items: int) -> bytes:
    body = "".join(ITEM.format(feed=feed, n=n, minute=n % 60) for n in range(items))
    return f'<rss version="2.0"><channel><title>Feed {feed}</title>{body}</channel></rss>'.encode()


def serve(feeds: int, items: int, latency_s: float, conn: Connection) -> None:
    """Child process: serve the feeds and report the base URL, until terminated."""
    from tests.support.feedserver import FeedServer

    server = FeedServer()
    for feed in range(feeds):
        document = feed_document(feed, items)
        server.add(f"/{feed}.xml", document, etag=f'"{feed}-v1"', gzip=True, delay_s=latency_s)
    conn.send(server.base_url)
    time.sleep(3600)


async def fetch_cycle(specs: Sequence[tuple[FeedSpec, Validators]], concurrency: int) -> list[FetchResult]:
    async with Fetcher(user_agent=default_user_agent(), concurrency=concurrency) as fetcher:
        return await fetcher.fetch_all(specs)


def measure(label: str, specs: Sequence[tuple[FeedSpec, Validators]], concurrency: int) -> list[FetchResult]:
    wall, cpu = time.perf_counter(), time.process_time()
    results = asyncio.run(fetch_cycle(specs, concurrency))
    fetch_wall, fetch_cpu = time.perf_counter() - wall, time.process_time() - cpu
    items = sum(len(parse_feed(r.body, url=r.final_url, content_type=r.content_type).items) for r in results if r.body)
    parse_cpu = time.process_time() - cpu - fetch_cpu
    failed = sum(1 for r in results if r.error)
    print(
        f"{label:<10} concurrency {concurrency:>3}: fetch wall {fetch_wall:6.2f}s cpu {fetch_cpu:6.2f}s "
        f"({1000 * fetch_cpu / len(specs):5.2f} ms/feed) | parse cpu {parse_cpu:6.2f}s, {items} items | "
        f"{failed} failed"
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=30, help="items per feed (30 is about 15 KB of RSS)")
    parser.add_argument("--concurrency", default="10,20,50", help="comma-separated values to compare")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds each answer waits (a remote server)")
    args = parser.parse_args()
    ours, theirs = multiprocessing.Pipe()
    child = multiprocessing.Process(target=serve, args=(args.feeds, args.items, args.latency, theirs), daemon=True)
    child.start()
    try:
        base_url = ours.recv()
        cold = [(FeedSpec(f"{base_url}/{n}.xml", f"feed {n}"), Validators()) for n in range(args.feeds)]
        size = len(feed_document(0, args.items))
        print(f"{args.feeds} feeds of {size:,} bytes (gzip on the wire), {args.latency:g}s latency each")
        for concurrency in (int(c) for c in args.concurrency.split(",")):
            results = measure("cold", cold, concurrency)
            warm = [
                (spec, Validators(r.etag, r.last_modified, r.body_hash))
                for (spec, _), r in zip(cold, results, strict=True)
            ]
            measure("all-304", warm, concurrency)
    finally:
        child.terminate()


if __name__ == "__main__":
    main()
