"""A real HTTP server on 127.0.0.1 for tests that fetch feeds: the `feed_server` fixture.

Register what each path answers, then point the code under test at `feed_server.url(path)`:

    def test_something(feed_server: FeedServer) -> None:
        feed_server.add("/a.xml", Path("tests/data/feeds/rss20.xml"), etag='"v1"')  # 304 on If-None-Match
        feed_server.add("/gone", status=410)
        feed_server.add("/slow", b"<rss/>" * 100, drip_s=0.2)                         # one chunk per 0.2 s
        feed_server.add("/big", b"x" * 2_000_000, content_length=False)               # length unknown
        feed_server.add("/bomb", gzip_bomb(50_000_000), headers={"Content-Encoding": "gzip"})
        feed_server.redirect("/old", "/a.xml", status=301)
        ...
        assert feed_server.hits("/a.xml") == 1
        assert feed_server.requests("/a.xml")[0]["user-agent"].startswith("monitor/")

Unknown paths answer 404. `feed_server` is function-scoped: routes and counters start empty in every test,
while the server thread itself is shared by the session. Use `FeedServer()` as a context manager directly
for another scope (a module-wide corpus run, a benchmark).
"""

from __future__ import annotations

import gzip as gzip_codec
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

import pytest

_CONTENT_TYPES = {".json": "application/feed+json", ".rdf": "application/rdf+xml", ".html": "text/html"}
_DEFAULT_CONTENT_TYPE = "application/xml"


@dataclass(frozen=True)
class Route:
    """What one path answers. Build it through FeedServer.add() / redirect()."""

    body: bytes = b""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    content_length: bool = True
    drip_s: float = 0.0
    drip_bytes: int = 16
    delay_s: float = 0.0


def gzip_bomb(expanded_bytes: int) -> bytes:
    """A gzip stream of zeros that expands to `expanded_bytes` (about 1,000 times its own size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    parts = [compressor.compress(block) for _ in range(expanded_bytes // len(block))]
    parts.append(compressor.compress(bytes(expanded_bytes % len(block))))
    return b"".join([*parts, compressor.flush()])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default backlog of 5 drops connections when a client opens 50 at once


class FeedServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 (random port) answering from a table of routes."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._requests: defaultdict[str, list[dict[str, str]]] = defaultdict(list)
        self._lock = threading.Lock()
        self._in_flight = 0
        self._peak_in_flight = 0
        self._generation = 0  # bumped by clear(): a request still running from an earlier test counts no more
        self._httpd = _Server(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="feed-server", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def add(
        self,
        path: str,
        body: bytes | str | Path = b"",
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        gzip: bool = False,
        content_length: bool = True,
        drip_s: float = 0.0,
        drip_bytes: int = 16,
        delay_s: float = 0.0,
    ) -> str:
        """Answer `path` with this body and status; returns the URL.

        - `etag` / `last_modified`: sent, and a matching If-None-Match / If-Modified-Since gets a 304;
        - `gzip`: compress the body and say so in Content-Encoding;
        - `content_length=False`: no Content-Length; the body ends when the connection closes;
        - `drip_s`: send the body `drip_bytes` at a time with this pause in between (a slow server);
        - `delay_s`: wait this long before answering at all (network latency, a server that hangs).
        """
        raw = body.read_bytes() if isinstance(body, Path) else body.encode() if isinstance(body, str) else body
        content_type = content_type or (_CONTENT_TYPES.get(Path(path).suffix, _DEFAULT_CONTENT_TYPE) if raw else "")
        all_headers = {"Content-Type": content_type} if content_type else {}
        all_headers |= {"Content-Encoding": "gzip"} if gzip else {}
        all_headers |= dict(headers or {})
        route = Route(
            gzip_codec.compress(raw) if gzip else raw, status, all_headers, etag, last_modified,
            content_length, drip_s, drip_bytes, delay_s,
        )  # fmt: skip
        with self._lock:
            self._routes[path] = route
        return self.url(path)

    def redirect(self, path: str, to: str, *, status: int = 302) -> str:
        """Answer `path` with a redirect to `to` (a path on this server or any URL); returns the URL."""
        return self.add(path, status=status, headers={"Location": to})

    def add_tree(self, prefix: str, root: Path) -> list[str]:
        """Serve every file under `root` at prefix + its relative path; returns the URLs."""
        files = sorted(p for p in root.rglob("*") if p.is_file())
        return [self.add(f"{prefix}/{p.relative_to(root).as_posix()}", p) for p in files]

    def hits(self, path: str) -> int:
        """How many requests `path` has received."""
        return len(self.requests(path))

    def requests(self, path: str) -> list[dict[str, str]]:
        """The headers of each request to `path`, names lower-cased, oldest first."""
        with self._lock:
            return list(self._requests[path])

    @property
    def peak_in_flight(self) -> int:
        """The most requests this server has been answering at the same time (since the last clear)."""
        return self._peak_in_flight

    def clear(self) -> None:
        """Forget every route and request."""
        with self._lock:
            self._routes.clear()
            self._requests.clear()
            self._generation += 1
            self._in_flight = self._peak_in_flight = 0

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FeedServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def _started(self) -> int:
        with self._lock:
            self._in_flight += 1
            self._peak_in_flight = max(self._peak_in_flight, self._in_flight)
            return self._generation

    def _finished(self, generation: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._in_flight -= 1

    def _answer(self, path: str, request_headers: dict[str, str]) -> Route:
        with self._lock:
            self._requests[path].append(request_headers)
            route = self._routes.get(path, Route(b"not found", 404, {"Content-Type": "text/plain"}))
        if _not_modified(route, request_headers):
            return Route(status=304, headers=_validator_headers(route), delay_s=route.delay_s)
        return route


def _not_modified(route: Route, request_headers: Mapping[str, str]) -> bool:
    if route.etag and "if-none-match" in request_headers:
        tags = {tag.strip() for tag in request_headers["if-none-match"].split(",")}
        return route.etag in tags or "*" in tags
    return bool(route.last_modified) and request_headers.get("if-modified-since") == route.last_modified


def _validator_headers(route: Route) -> dict[str, str]:
    etag = {"ETag": route.etag} if route.etag else {}
    return etag | ({"Last-Modified": route.last_modified} if route.last_modified else {})


def _handler_for(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real feed servers do
        disable_nagle_algorithm = True  # else headers and body, written apart, wait on delayed ACKs

        def do_GET(self) -> None:
            generation = server._started()
            try:
                self._respond()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (a timeout or a size cap): expected
            finally:
                server._finished(generation)

        def _respond(self) -> None:
            route = server._answer(urlsplit(self.path).path, {k.lower(): v for k, v in self.headers.items()})
            time.sleep(route.delay_s)
            self.send_response_only(route.status)
            own_date = {"Date": self.date_time_string()}  # unless the route sets one, to test date arithmetic
            for name, value in (own_date | dict(route.headers) | _validator_headers(route)).items():
                self.send_header(name, value)
            if route.content_length or route.status == 304:
                self.send_header("Content-Length", str(len(route.body)))
            else:
                self.close_connection = True
                self.send_header("Connection", "close")
            self.end_headers()
            self._send_body(route)

        def _send_body(self, route: Route) -> None:
            for chunk in _chunks(route):
                self.wfile.write(chunk)
                self.wfile.flush()
                time.sleep(route.drip_s)

        def log_message(self, format: str, *args: object) -> None:
            """Silent: test output is for test failures."""

    return Handler


def _chunks(route: Route) -> Iterator[bytes]:
    if route.status == 304 or not route.body:
        return iter(())
    size = route.drip_bytes if route.drip_s else len(route.body)
    return (route.body[i : i + size] for i in range(0, len(route.body), size))


@pytest.fixture(scope="session")
def _feed_server_for_session() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


@pytest.fixture
def feed_server(_feed_server_for_session: FeedServer) -> FeedServer:
    """The shared local feed server, emptied of routes and request counts for this test."""
    _feed_server_for_session.clear()
    return _feed_server_for_session
