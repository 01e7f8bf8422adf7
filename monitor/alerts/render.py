"""Alert text: titles and bodies from templates. Pure.

Feed text is untrusted: it is substituted into templates as a value and never read as a template, it never
carries line breaks into a title (which becomes an email Subject header), and for Markdown targets its markup
characters are escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from string import Template

from monitor.events import Event, FeedHealthChange, FigureChange, NewCoverage, PositionChange

DEFAULT_TITLES = {
    "figure_change": "${label}: ${old} -> ${new} (${delta})",
    "position_change": "${actor_name} ${new} ${issue_label} (was: ${old})",
    "new_match": "New coverage: ${title}",
    "feed_health": "Feed ${subject}: ${new}",
}
DEFAULT_BODY = """${headline}

${sentence}

Source: ${outlet}, ${published}
${link}
"""

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<])")


@dataclass(frozen=True)
class Message:
    title: str
    body: str


def number(value: float, *, signed: bool = False) -> str:
    """67194 -> '67,194', 1118000 -> '1,118,000', 12.5 -> '12.5'; with `signed`, '+34'."""
    sign = "+" if signed else ""
    return f"{value:{sign},.0f}" if float(value).is_integer() else f"{value:{sign},}"


def kind_fields(event: Event, labels: Mapping[str, str]) -> dict[str, str]:
    """The placeholders of the event's own kind."""
    match event:
        case FigureChange():
            return {"metric": event.metric, "label": labels.get(event.metric, event.metric),
                    "old": number(event.old), "new": number(event.new), "delta": number(event.delta, signed=True),
                    "qualifier": event.qualifier, "as_written": event.as_written}
        case PositionChange():
            return {"actor": event.actor, "actor_name": labels.get(event.actor, event.actor), "issue": event.issue,
                    "issue_label": labels.get(event.issue, event.issue), "old": event.old_stance,
                    "new": event.new_stance, "old_polarity": event.old_polarity,
                    "new_polarity": event.new_polarity, "cue": event.cue}
        case NewCoverage():
            return {"title": event.title, "entities": " ".join(event.entities), "issues": " ".join(event.issues)}
        case FeedHealthChange():
            return {"feed_url": event.feed_url, "reason": event.reason}


def fields(event: Event, labels: Mapping[str, str]) -> dict[str, str]:
    """Every ${placeholder} a template may use."""
    evidence, shown = event.evidence, event.shown
    values = {
        "kind": event.kind, "subject": shown.subject, "old": shown.old or "-", "new": shown.new, "delta": "",
        "label": labels.get(shown.subject, shown.subject), "actor_name": "", "issue_label": "",
        "title": evidence.sentence,
        "outlet": evidence.outlet, "link": evidence.link or "", "sentence": evidence.sentence,
        "published": evidence.published.strftime("%Y-%m-%d %H:%M UTC") if evidence.published else "date unknown",
    }
    return {**values, **kind_fields(event, labels)}


def _clean(value: str, markdown: bool) -> str:
    return _MARKDOWN.sub(r"\\\1", value) if markdown else value


def render(
    event: Event, labels: Mapping[str, str], *, title_template: str | None = None,
    body_template: str | None = None, markdown: bool = False,
) -> Message:
    """The message for one event."""
    values = {k: _clean(str(v), markdown) for k, v in fields(event, labels).items()}
    title = Template(title_template or DEFAULT_TITLES[event.kind]).safe_substitute(values)
    values["headline"] = title
    body = Template(body_template or DEFAULT_BODY).safe_substitute(values)
    return Message(one_line(title), body.strip() + "\n")


def one_line(title: str, limit: int = 200) -> str:
    """A title safe for a Subject header: no control characters or line breaks, bounded length."""
    flat = _CONTROL.sub(" ", title).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def digest(route_id: str, messages: Sequence[Message]) -> Message:
    """One message listing several alerts."""
    title = f"monitor digest ({route_id}): {len(messages)} alert{'s' if len(messages) != 1 else ''}"
    parts = [f"{n}. {m.title}\n{m.body}" for n, m in enumerate(messages, 1)]
    return Message(title, "\n".join(parts))
