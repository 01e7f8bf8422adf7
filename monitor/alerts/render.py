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

from monitor.types import Event

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


def _number(text: str | None) -> str:
    """'67194' -> '67,194'; anything else unchanged."""
    try:
        value = float(text or "")
    except ValueError:
        return text or "-"
    return f"{value:+,.0f}" if text and text[0] in "+-" and value.is_integer() else (
        f"{value:,.0f}" if value.is_integer() else f"{value:,}")


def fields(event: Event, labels: Mapping[str, str]) -> dict[str, str]:
    """Every ${placeholder} a template may use."""
    details, evidence = event.details, event.evidence
    numeric = event.kind == "figure_change"
    values = {
        **details,
        "kind": event.kind, "subject": event.subject,
        "old": _number(event.old) if numeric else (event.old or "-"),
        "new": _number(event.new) if numeric else event.new,
        "delta": _number(details.get("delta")) if numeric else "",
        "label": labels.get(event.subject, event.subject),
        "actor_name": labels.get(details.get("actor", ""), details.get("actor", "")),
        "issue_label": labels.get(details.get("issue", ""), details.get("issue", "")),
        "outlet": evidence.outlet, "link": evidence.link or "", "sentence": evidence.sentence,
        "published": evidence.published.strftime("%Y-%m-%d %H:%M UTC") if evidence.published else "date unknown",
    }
    values.setdefault("title", evidence.sentence)
    return values


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
