"""Prepare an untrusted XML feed document for feedparser. Pure: bytes in, bytes out.

feedparser 6 gets two things wrong on hostile or careless input; both are settled before it reads a byte.

Entity expansion. feedparser drops `<!ENTITY>` declarations only when each starts a line, so a one-line
"billion laughs" reaches expat, which expands it up to its amplification limit (2.4 GB of memory and 30 s
for a 3 MB body). The entities it keeps, its loose parser (used whenever strict parsing fails) expands with
no limit at all: a 60 KB body gave a 100 MB title. Feeds have no use for a DTD, so everything before the root
element (DOCTYPE with its internal subset, comments, processing instructions) is dropped; a reference to an
entity the DTD declared is left as literal text. feedparser collects entities from whatever precedes the
first element, so a declaration that survives there (after junk that ends the prolog early) is defused too.

Charsets. Under RFC 3023 a text/xml body without a charset is US-ASCII whatever it declares, which reads
UTF-16 as NUL-ridden garbage. RFC 7303, which replaced it, lets the byte-order mark and the XML declaration
decide, as for application/xml; so only the charset parameter of the Content-Type is kept.

feedparser's own charset detection decodes the body first, so the prolog is found whatever the encoding,
UTF-16 and UTF-32 included; the document comes back as UTF-8.
"""

from __future__ import annotations

import re

import feedparser.encodings

# Comments, processing instructions (the XML declaration among them) and white space: the prolog's filler.
_MISC = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
# Inside a declaration: literals and comments may hide brackets and '>'. Unterminated, they run to the end
# (matching them lazily up to a terminator that never comes would rescan the rest for every opening).
_DECLARATION_TOKEN = re.compile(
    rb"\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z)|[\[\]>]", re.DOTALL
)
_ELEMENT_START = re.compile(rb"<\w")  # where feedparser stops looking for entity declarations
_ENTITY_DECLARATION = b"<!ENTITY"
_UTF8_DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>"  # on the first line, where the dropped one was


def prepare_xml(body: bytes, content_type: str | None) -> tuple[bytes, Exception | None]:
    """The document as UTF-8 without its prolog, and feedparser's complaint about its charset, if any."""
    _, charset = feedparser.encodings.parse_content_type(content_type or "")
    headers = {"content-type": f"application/xml; charset={charset}" if charset else "application/xml"}
    outcome: dict[str, object] = {}
    document = feedparser.encodings.convert_to_utf8(headers, body, outcome)
    problem = outcome.get("bozo_exception")
    return without_prolog(document), problem if isinstance(problem, Exception) else None


def without_prolog(document: bytes) -> bytes:
    """The document from its root element on, with no entity declaration left before its first element.

    The prolog's line breaks stay, so that a parser's complaint names the line of the original document.
    """
    prolog_end = _prolog_end(document)
    rest = document[prolog_end:]
    first = _ELEMENT_START.search(rest)
    head_end = first.start() if first else len(rest)
    line_breaks = b"\n" * document.count(b"\n", 0, prolog_end)
    return _UTF8_DECLARATION + line_breaks + rest[:head_end].replace(_ENTITY_DECLARATION, b"") + rest[head_end:]


def _prolog_end(document: bytes) -> int:
    """Where the root element starts (or the junk that stands in for it); the end when nothing follows."""
    at = _after_filler(document, 0)
    while document.startswith(b"<!", at):
        end = _declaration_end(document, at)
        if end is None:
            return len(document)  # an unterminated declaration swallows the rest: nothing is left to read
        at = _after_filler(document, end)
    return at


def _after_filler(document: bytes, at: int) -> int:
    filler = _MISC.match(document, at)
    return filler.end() if filler else at


def _declaration_end(document: bytes, at: int) -> int | None:
    """The end of the `<!...>` declaration at `at`: its first '>' outside literals, comments and `[...]`."""
    depth = 0
    for token in _DECLARATION_TOKEN.finditer(document, at):
        mark = token.group()
        if mark == b"[":
            depth += 1
        elif mark == b"]":
            depth = max(0, depth - 1)
        elif mark == b">" and not depth:
            return token.end()
    return None
