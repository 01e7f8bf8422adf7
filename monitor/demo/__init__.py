"""`monitor demo`: the whole daemon on a machine with no internet.

A local feed server on 127.0.0.1 replays a real sequence of reports (written from published news reports on
the tracked story, bundled in reports.jsonl) as two feeds that grow step by step: an RSS feed of English
reports and an Atom feed of reports in other languages. The daemon's own pipeline and alerter poll them into
a temporary SQLite database and deliver the alerts to the console (and to MONITOR_NOTIFY targets).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from monitor.types import FeedSpec

REPORTS = Path(__file__).with_name("reports.jsonl")
FEEDS = {"/world.xml": "Demo world desk (English)", "/international.xml": "Demo international desk"}


def load_reports(path: Path = REPORTS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _when(report: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(report["date"]).replace(hour=12, tzinfo=UTC)


def rss(title: str, reports: Sequence[dict[str, Any]]) -> bytes:
    """An RSS 2.0 document of `reports`, newest first."""
    entries = "".join(
        f"<item><title>{escape(r['title'])}</title><link>{escape(r['url'])}</link>"
        f"<guid isPermaLink=\"false\">{escape(r['id'])}</guid>"
        f"<pubDate>{_when(r):%a, %d %b %Y %H:%M:%S} GMT</pubDate>"
        f"<description>{escape(r['summary'])}</description><source url={quoteattr(r['url'])}>"
        f"{escape(r['outlet'])}</source></item>"
        for r in reversed(reports)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>monitor demo replay</description><language>en</language>"
            f"{entries}</channel></rss>").encode()


def atom(title: str, reports: Sequence[dict[str, Any]]) -> bytes:
    """An Atom 1.0 document of `reports`, newest first, each entry in its own language (xml:lang)."""
    entries = "".join(
        f"<entry xml:lang={quoteattr(r['lang'])}><id>urn:demo:{escape(r['id'])}</id>"
        f"<title>{escape(r['title'])}</title><link href={quoteattr(r['url'])}/>"
        f"<updated>{_when(r).isoformat()}</updated><summary>{escape(r['summary'])}</summary>"
        f"<author><name>{escape(r['outlet'])}</name></author></entry>"
        for r in reversed(reports)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:demo:international</id>"
            f"<updated>2026-01-01T00:00:00Z</updated>{entries}</feed>").encode()


class Replay:
    """The reports revealed so far, and the feed documents that show them."""

    def __init__(self, reports: Sequence[dict[str, Any]], per_step: int) -> None:
        self.reports = list(reports)
        self.per_step = per_step
        self.shown = 0
        self.lock = threading.Lock()

    @property
    def done(self) -> bool:
        return self.shown >= len(self.reports)

    def advance(self) -> int:
        """Reveal the next step's reports; returns how many are shown now."""
        with self.lock:
            self.shown = min(len(self.reports), self.shown + self.per_step)
            return self.shown

    def document(self, path: str) -> bytes | None:
        with self.lock:
            visible = self.reports[: self.shown]
        english = [r for r in visible if r["lang"] == "en"]
        others = [r for r in visible if r["lang"] != "en"]
        if path == "/world.xml":
            return rss(FEEDS[path], english)
        if path == "/international.xml":
            return atom(FEEDS[path], others)
        return None


def _handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = replay.document(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/xml" if body else "text/plain")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def serve(replay: Replay) -> Iterator[list[FeedSpec]]:
    """Serve the replay's feeds on 127.0.0.1 (a free port) while the block runs; yields their specs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(replay))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-feeds", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield [FeedSpec(url=f"http://127.0.0.1:{port}{path}", name=name, interval_s=1, timeout_s=10)
               for path, name in FEEDS.items()]
    finally:
        server.shutdown()
        server.server_close()
