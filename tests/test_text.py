"""html_to_text: what a reader sees, as plain text."""

from __future__ import annotations

import pytest

from monitor.text.html import clean_text, html_to_text

CASES = {
    "tags stripped": ("<p>Talks <b>resume</b> in Cairo</p>", "Talks resume in Cairo"),
    "inline tags do not split words": ("<b>Ha</b>mas", "Hamas"),
    "block tags separate words": ("<p>Gaza</p><p>Cairo</p><li>Doha</li>", "Gaza Cairo Doha"),
    "line break separates words": ("one<br/>two<br>three", "one two three"),
    "named entities decoded": ("AT&amp;T &lt;b&gt; &quot;q&quot;", 'AT&T <b> "q"'),
    "numeric entities decoded": ("&#8220;deal&#8221; &#x2013; signed", "“deal” – signed"),
    "no-break space collapses": ("70&nbsp;percent", "70 percent"),
    "script content dropped": ("<script>track('x')</script>Story", "Story"),
    "style content dropped": ("<style>p { color: red }</style>Story", "Story"),
    "unclosed script hides the rest": ("Before <script>var x = 1;", "Before"),
    "self-closing script hides nothing": ("a <script/> b", "a b"),
    "comments dropped": ("a<!-- hidden -->b", "ab"),
    "CDATA content kept": ("<![CDATA[kept]]> text", "kept text"),
    "white space collapsed": ("  many\n\n\tspaces   here ", "many spaces here"),
    "soft hyphen removed": ("Ha\u00admas", "Hamas"),
    "zero-width space removed": ("Ne\u200btanyahu", "Netanyahu"),
    "control characters become spaces": ("a\x00b\x1fc", "a b c"),
    "bare less-than kept": ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
    "bare ampersand kept": ("Tom & Jerry", "Tom & Jerry"),
    "unterminated tag kept as text": ("text <div", "text <div"),
    "decomposed accents composed": ("Caf\u0065\u0301", "Café"),
    "empty": ("", ""),
}


@pytest.mark.parametrize(("html", "expected"), CASES.values(), ids=CASES.keys())
def test_html_to_text_returns_visible_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


GARBAGE = {
    "unbalanced end tags": "</p></div></b>text",
    "broken attribute quotes": '<a href="x>text</a>',
    "stray declaration": "<!DOCTYPE html><!weird>text",
    "binary noise": "\x00\xff<\x01>&#xD800;&#99999999;text",
    "deep nesting": "<div>" * 5000 + "text" + "</div>" * 5000,
}


@pytest.mark.parametrize("html", GARBAGE.values(), ids=GARBAGE.keys())
def test_html_to_text_survives_garbage(html: str) -> None:
    assert "text" in html_to_text(html)


def test_clean_text_does_not_read_markup() -> None:
    assert clean_text("x <y &amp; z") == "x <y &amp; z"
