"""Alert text: what a reader sees, and what feed text can never do to it."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.alerts.render import Message, digest, render
from monitor.types import Event, Evidence

WHEN = datetime(2025, 10, 9, 8, 30, tzinfo=UTC)
LABELS = {"gaza_deaths_total": "Gaza cumulative death toll", "hamas": "Hamas", "disarmament": "Disarmament"}


def figure_event(sentence: str = "The toll rose to 67,194.", link: str = "https://example.org/a") -> Event:
    return Event("figure_change", "gaza_deaths_total", "67160", "67194",
                 Evidence("k", link, "Example News", WHEN, sentence), {"delta": "+34", "qualifier": "at_least"})


def test_figure_alert_names_metric_old_new_and_delta() -> None:
    message = render(figure_event(), LABELS)
    assert message.title == "Gaza cumulative death toll: 67,160 -> 67,194 (+34)"


def test_body_carries_sentence_outlet_time_and_link() -> None:
    body = render(figure_event(), LABELS).body
    for expected in ("The toll rose to 67,194.", "Example News", "2025-10-09 08:30 UTC", "https://example.org/a"):
        assert expected in body


def test_position_alert_names_actor_issue_and_both_stances() -> None:
    event = Event("position_change", "hamas/disarmament", "rejects", "accepts",
                  Evidence("k", None, "X", None, "s"), {"actor": "hamas", "issue": "disarmament"})
    assert render(event, LABELS).title == "Hamas accepts Disarmament (was: rejects)"


def test_user_templates_replace_the_defaults() -> None:
    message = render(figure_event(), LABELS, title_template="[${outlet}] ${new}", body_template="${link}")
    assert (message.title, message.body) == ("[Example News] 67,194", "https://example.org/a\n")


def test_feed_text_is_never_read_as_a_template() -> None:
    body = render(figure_event(sentence="Costs ${old} and $link {0.__class__}"), LABELS).body
    assert "Costs ${old} and $link {0.__class__}" in body


def test_line_breaks_in_feed_text_never_reach_the_title() -> None:
    event = Event("new_match", "k", None, "x", Evidence("k", None, "X", None, "s"),
                  {"title": "Breaking\r\nBcc: victim@example.org"})
    assert "\n" not in render(event, LABELS).title
    assert "\r" not in render(event, LABELS).title


def test_markdown_targets_get_feed_markup_escaped() -> None:
    body = render(figure_event(sentence="**bold** [click](http://evil)"), LABELS, markdown=True).body
    assert r"\*\*bold\*\* \[click\]\(http://evil\)" in body


def test_digest_lists_every_alert_in_one_message() -> None:
    message = digest("desk", [Message("one", "body 1\n"), Message("two", "body 2\n")])
    assert message.title == "monitor digest (desk): 2 alerts"
    assert "1. one" in message.body and "2. two" in message.body
