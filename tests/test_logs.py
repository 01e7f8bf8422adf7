"""Log lines: one per event, as text or JSON, never carrying a password."""

from __future__ import annotations

import json
import logging

import pytest

from monitor.logs import JsonFormatter, TextFormatter, redact


def record(message: str, **extra: object) -> logging.LogRecord:
    rec = logging.LogRecord("monitor.test", logging.INFO, __file__, 1, message, (), None)
    rec.__dict__.update(extra)
    return rec


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgresql+psycopg://monitor:s3cret@db:5432/x", "postgresql+psycopg://monitor:***@db:5432/x"),
        ("mailtos://user:p%40ss@smtp.example.org?to=a", "mailtos://user:***@smtp.example.org?to=a"),
        ("see https://example.org/a:b@c", "see https://example.org/a:b@c"),
        ("no url here", "no url here"),
    ],
    ids=["database-url", "apprise-url", "colon-in-path-is-not-a-password", "plain-text"],
)
def test_redact_masks_url_passwords(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_text_line_carries_fields_and_no_password() -> None:
    line = TextFormatter().format(record("poll failed: postgresql://u:pw@h/db", feed_name="BBC", status=500))
    assert "feed_name=BBC status=500" in line
    assert "pw@" not in line


def test_json_line_is_one_object_with_fields() -> None:
    data = json.loads(JsonFormatter().format(record("polled", feed_url="http://x/a.xml", new=3)))
    assert (data["message"], data["feed_url"], data["new"]) == ("polled", "http://x/a.xml", 3)
