"""Delivery through apprise: one apprise object per route target. The only module that imports apprise.

Also registers the `console://` target (prints alerts to standard output), used by `monitor demo`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import apprise
from apprise.decorators import notify as apprise_target

from monitor.errors import NotifyError
from monitor.ruleset.models.alerts import Route


@apprise_target(on="console", name="monitor console")
def _console(body: str, title: str, notify_type: str, *args: Any, **kwargs: Any) -> bool:
    sys.stdout.write(f"\n=== ALERT: {title}\n{body}\n")
    sys.stdout.flush()
    return True


def redact(url: str) -> str:
    """A target URL safe to print: apprise's privacy form (passwords and tokens masked) without path or query,
    where webhook tokens live."""
    try:
        service = apprise.Apprise.instantiate(url)
    except Exception:  # apprise raises assorted errors on garbage; the URL is reported redacted anyway
        service = None
    shown = service.url(privacy=True) if service else url
    parts = urlsplit(shown)
    netloc = parts.netloc.rsplit("@", 1)[-1] if not service else parts.netloc
    rest = "/…" if (parts.path.strip("/") or parts.query) else ""
    return f"{parts.scheme}://{netloc}{rest}"


@dataclass(frozen=True)
class RouteTarget:
    route_id: str
    number: int
    shown: str  # redacted
    service: apprise.Apprise


def _target(route: Route, number: int, url: str, asset: apprise.AppriseAsset) -> RouteTarget:
    service = apprise.Apprise(asset=asset)
    if not service.add(url):
        raise NotifyError(f"route {route.id!r}: URL #{number + 1} ({redact(url)}) is not a URL apprise can use")
    if route.throttle is not None:
        for plugin in service:  # apprise's per-service pause between two messages
            plugin.request_rate_per_sec = route.throttle
    return RouteTarget(route.id, number, redact(url), service)


class Notifier:
    """Sends rendered messages to the targets of the routes."""

    def __init__(self, routes: Sequence[Route], timeout_s: float = 30.0) -> None:
        asset = apprise.AppriseAsset(app_id="monitor", app_desc="monitor alerts", secure_logging=True)
        self.routes = {r.id: r for r in routes}
        self.targets = {
            (route.id, n): _target(route, n, url, asset)
            for route in routes for n, url in enumerate(route.urls)
        }
        self.timeout_s = timeout_s

    def send(self, route_id: str, target_no: int, title: str, body: str) -> str | None:
        """Deliver one message; returns None on success, else why it failed (never raises, never a secret)."""
        target = self.targets.get((route_id, target_no))
        if target is None:
            return f"route {route_id!r} target #{target_no + 1} is no longer configured"
        route = self.routes[route_id]
        body_format = apprise.NotifyFormat.MARKDOWN if route.format == "markdown" else apprise.NotifyFormat.TEXT
        try:
            result = target.service.notify(body=body, title=title, body_format=body_format)
        except Exception as exc:  # a plugin bug must not take the delivery loop down
            return f"{target.shown}: {type(exc).__name__}"
        return None if result else f"{target.shown}: delivery failed"

    def describe(self) -> list[str]:
        return [f"{t.route_id}#{t.number + 1} {t.shown}" for t in self.targets.values()]
