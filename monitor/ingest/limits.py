"""The limits the Fetcher (fetch.py) puts on what an untrusted feed server can make it do.

- size: `max_bytes` caps the bytes received AND the decompressed body. The Fetcher asks for gzip/deflate
  itself and `read_body` inflates incrementally, so a gzip bomb stops at the cap instead of after expanding
  in memory;
- targets: http(s) URLs only (`check_target`, on every redirect hop) and, with `block_private`, never a
  private, loopback or link-local address: an IP written in the URL is checked by `check_target`, every DNS
  answer by `PublicOnlyResolver` (on every connection).

A limit crossed raises FetchError, whose message is the reason the Fetcher reports.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import zlib
from urllib.parse import urlsplit

import aiohttp
from aiohttp.abc import ResolveResult

from monitor.errors import FetchError

_CHUNK_BYTES = 64 * 1024
_COMPRESSED = frozenset({"gzip", "x-gzip", "deflate"})


# --- body: size caps and incremental decompression ----------------------------------------------


class _Inflater:
    """Inflates gzip or zlib data chunk by chunk, never producing more than `cap` bytes in total."""

    def __init__(self, cap: int) -> None:
        self._cap = cap
        self._room = cap
        self._inflate = zlib.decompressobj(wbits=32 + zlib.MAX_WBITS)  # 32: accept a gzip or a zlib header

    def feed(self, data: bytes) -> bytes:
        # Asking for one byte more than the room left is enough to see the cap crossed, whatever the ratio.
        return self._take(self._inflate.decompress(data, self._room + 1))

    def finish(self) -> bytes:
        return self._take(self._inflate.flush())

    def _take(self, out: bytes) -> bytes:
        if len(out) > self._room:
            raise FetchError(f"gzip body expands past the size cap ({self._cap:,} bytes)")
        self._room -= len(out)
        return out


async def read_body(response: aiohttp.ClientResponse, max_bytes: int) -> bytes:
    """The body, inflated, at most `max_bytes` on the wire and after inflating; else FetchError."""
    declared = response.content_length
    if declared is not None and declared > max_bytes:
        raise FetchError(f"response over {max_bytes:,} bytes (Content-Length: {declared:,})")
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in _COMPRESSED | {"identity", ""}:
        raise FetchError(f"unsupported Content-Encoding {encoding!r}")
    inflater = _Inflater(max_bytes) if encoding in _COMPRESSED else None
    parts: list[bytes] = []
    received = 0
    async for chunk in response.content.iter_chunked(_CHUNK_BYTES):
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"response over {max_bytes:,} bytes")
        parts.append(inflater.feed(chunk) if inflater else chunk)
    return b"".join(parts) + (inflater.finish() if inflater else b"")


# --- targets: schemes and addresses (SSRF guard) -------------------------------------------------


def check_target(url: str, *, block_private: bool) -> None:
    """Refuse a URL (the first or a redirect's) that is not http(s), or that names a blocked IP."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parts.scheme or 'a relative URL'!r}")
    if block_private and parts.hostname:
        _refuse_private_literal(parts.hostname)


def _refuse_private(host: str, address: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if not ip.is_global or ip.is_multicast:
        raise FetchError(f"refused to fetch from {host}: {address} is a private, loopback or reserved address")


def _refuse_private_literal(host: str) -> None:
    """An IP written in the URL never reaches the resolver, so it is checked here."""
    with contextlib.suppress(ValueError):  # a host name: PublicOnlyResolver checks it when resolving
        _refuse_private(host, host)


class PublicOnlyResolver(aiohttp.ThreadedResolver):
    """Resolves names, refusing any that resolve to a non-public address (checked on every connection)."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await super().resolve(host, port, family)
        for answer in answers:
            _refuse_private(host, answer["host"])
        return answers
