"""The model of alerts.yaml: the routes (which events go to which apprise URLs, when and how) and delivery retries."""

from __future__ import annotations

from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator

from monitor.events import EventKind
from monitor.ruleset.models.fields import Id, Pause, Phrase, Seconds, Strict


class Digest(Strict):
    every: Seconds = Field(3600.0, description="one message per window of this length")


class QuietHours(Strict):
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, when holding alerts begins")
    end: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, when held alerts go out")
    timezone: str = Field("UTC", description="IANA zone of start and end, e.g. Europe/Paris")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Europe/Paris)") from None
        return value


class Delivery(Strict):
    """How hard to try before an alert is marked failed (see `monitor alerts retry`)."""

    max_attempts: int = Field(8, ge=1, le=100)
    first_retry: Seconds = 30.0
    max_retry: Seconds = 3600.0


class Route(Strict):
    id: Id
    urls: list[Phrase] = Field(min_length=1, description="apprise URLs; ${ENV_VAR} is substituted at load")
    events: list[EventKind] = Field(["figure_change", "position_change"])
    entities: list[Id] = Field([])
    issues: list[Id] = Field([])
    metrics: list[Id] = Field([])
    min_change: float = Field(0, ge=0, description="figure changes smaller than this are not sent")
    mode: Literal["immediate", "digest"] = "immediate"
    digest: Digest = Digest()
    quiet_hours: QuietHours | None = None
    title_template: str | None = Field(None, description="string.Template text with ${placeholders}")
    body_template: str | None = Field(None, description="string.Template text with ${placeholders}")
    format: Literal["text", "markdown"] = Field("text", description="markdown only for targets that render it")
    throttle: Pause | None = Field(
        None, description="least time between two messages to one target (default: the service's own, 5.5 s "
                          "for email); 0 sends bursts at once"
    )


class AlertsFile(Strict):
    version: Literal[1]
    delivery: Delivery = Delivery()
    routes: list[Route] = Field([])
