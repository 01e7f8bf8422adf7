"""Alert text: what a reader sees, and what feed text can never do to it."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.alerts.render import Message, digest, render
from monitor.events import Evidence, FeedHealthChange, FigureChange, NewCoverage, PositionChange

WHEN = datetime(2025, 10, 9, 8, 30, tzinfo=UTC)
LABELS = {"gaza_deaths_total": "Gaza cumulative death toll", "hamas": "Hamas", "disarmament": "Disarmament"}


def figure_event(
    sentence: str = "The toll rose to 67,194.", link: str = "https://example.org/a", old: float = 67160,
    new: float = 67194,
) -> FigureChange:
    return FigureChange("gaza_deaths_total", old, new, "at_least", "67,194",
                        Evidence("k", link, "Example News", WHEN, sentence))


def test_figure_alert_names_metric_old_new_and_delta() -> None:
    message = render(figure_event(), LABELS)
    assert message.title == "Gaza cumulative death toll: 67,160 -> 67,194 (+34)"


def test_big_values_are_written_in_full() -> None:
    message = render(figure_event(old=1000340, new=1234567), LABELS)
    assert message.title == "Gaza cumulative death toll: 1,000,340 -> 1,234,567 (+234,227)"


def test_a_fall_is_written_with_its_sign() -> None:
    message = render(figure_event(old=48, new=20), LABELS, title_template="${old} -> ${new} (${delta})")
    assert message.title == "48 -> 20 (-28)"


def test_the_qualifier_and_words_as_written_are_placeholders() -> None:
    message = render(figure_event(), LABELS, title_template="${qualifier}: ${as_written}")
    assert message.title == "at_least: 67,194"


def test_body_carries_sentence_outlet_time_and_link() -> None:
    body = render(figure_event(), LABELS).body
    for expected in ("The toll rose to 67,194.", "Example News", "2025-10-09 08:30 UTC", "https://example.org/a"):
        assert expected in body


def test_position_alert_names_actor_issue_and_both_stances() -> None:
    event = PositionChange("hamas", "disarmament", "rejects", "against", "accepts", "for", "accepted",
                           Evidence("k", None, "X", None, "s"))
    assert render(event, LABELS).title == "Hamas accepts Disarmament (was: rejects)"


def test_coverage_alert_names_the_items_title() -> None:
    event = NewCoverage("Talks resume in Cairo", ("hamas",), ("ceasefire",), Evidence("k", None, "X", None, "s"))
    assert render(event, LABELS).title == "New coverage: Talks resume in Cairo"


def test_feed_health_alert_names_the_feed_and_its_state() -> None:
    event = FeedHealthChange("Wire", "https://wire.example/rss", "ok", "failing", "failing for 6.0 h: 503",
                             Evidence("k", None, "Wire", WHEN, "failing for 6.0 h: 503"))
    message = render(event, LABELS, body_template="${reason} (${feed_url})")
    assert (message.title, message.body) == ("Feed Wire: failing", "failing for 6.0 h: 503 (https://wire.example/rss)\n")


def test_user_templates_replace_the_defaults() -> None:
    message = render(figure_event(), LABELS, title_template="[${outlet}] ${new}", body_template="${link}")
    assert (message.title, message.body) == ("[Example News] 67,194", "https://example.org/a\n")


def test_feed_text_is_never_read_as_a_template() -> None:
    body = render(figure_event(sentence="Costs ${old} and $link {0.__class__}"), LABELS).body
    assert "Costs ${old} and $link {0.__class__}" in body


def test_line_breaks_in_feed_text_never_reach_the_title() -> None:
    event = NewCoverage("Breaking\r\nBcc: victim@example.org", (), (), Evidence("k", None, "X", None, "s"))
    assert "\n" not in render(event, LABELS).title
    assert "\r" not in render(event, LABELS).title


def test_markdown_targets_get_feed_markup_escaped() -> None:
    body = render(figure_event(sentence="**bold** [click](http://evil)"), LABELS, markdown=True).body
    assert r"\*\*bold\*\* \[click\]\(http://evil\)" in body


def test_digest_lists_every_alert_in_one_message() -> None:
    message = digest("desk", [Message("one", "body 1\n"), Message("two", "body 2\n")])
    assert message.title == "monitor digest (desk): 2 alerts"
    assert "1. one" in message.body and "2. two" in message.body
