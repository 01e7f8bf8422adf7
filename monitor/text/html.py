"""Turn HTML (or already plain) feed text into clean plain text. Pure.

Feed titles and summaries arrive as HTML fragments of every quality. Matching and number extraction need
plain text: tags gone, entities decoded, script/style content dropped, one space between words.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

# Tags that end a run of text: without a space here "<p>Gaza</p><p>Cairo</p>" would read "GazaCairo".
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure"}
    | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main", "nav", "ol", "p"}
    | {"pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)
# Tags whose content is never text a reader sees.
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg", "math"})
# Zero-width characters and soft hyphens split words invisibly ("Ha\u00admas"), which defeats matching.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half a surrogate pair (JSON's "\ud800", undecodable bytes) is no character: no database or encoder takes it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_WHITESPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[")
# Python's HTMLParser (before 3.13) raises AssertionError on a "<![" not followed by a section name it knows
# ("<![<script>", "<![ if"). Browsers read such a thing as a bogus comment up to the next ">": so do we.
_BAD_MARKED_SECTION = re.compile(r"<!\[(?!(?i:cdata|if|else|endif|temp|ignore|include|rcdata)(?![-.\w]))[^>]*>?")


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML fragment, with a space at block boundaries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A self-closing <script/> opens nothing, so it must not hide the text after it.
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)

    def unknown_decl(self, data: str) -> None:
        # Feeds double-wrap text as "<![CDATA[...]]>" inside HTML; its content is text, not a declaration.
        if data.startswith("CDATA["):
            self.handle_data(data.removeprefix("CDATA["))


def clean_text(s: str) -> str:
    """Plain text with invisible and control characters removed and white space collapsed to single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = _CONTROL.sub(" ", _INVISIBLE.sub("", _LONE_SURROGATE.sub("\ufffd", s)))
    return _WHITESPACE.sub(" ", s).strip()


def plain_to_text(s: str) -> str:
    """Text that is plain by its type but may carry markup anyway (RSS titles often do, escaped or in CDATA):
    read as HTML when it holds a tag, a comment or a CDATA section, else only cleaned ("x<y", "AT&T" stay)."""
    return html_to_text(s) if _MARKUP.search(s) else clean_text(s)


def html_to_text(s: str) -> str:
    """The visible text of an HTML fragment: tags stripped, entities decoded, white space collapsed.

    Never raises: broken markup yields whatever text the tolerant stdlib parser can recover.
    """
    if "<" not in s and "&" not in s:
        return clean_text(s)
    collector = _TextCollector()
    collector.feed(_BAD_MARKED_SECTION.sub(" ", s))
    collector.close()
    return clean_text("".join(collector.parts))
