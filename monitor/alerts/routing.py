"""Which routes want an event, and when an alert may go out (digest windows, quiet hours). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from monitor.events import EVENT_KINDS, Event, FigureChange, NewCoverage, PositionChange
from monitor.ruleset.models.alerts import QuietHours, Route

CATCH_ALL_ID = "notify"


def routes_with_catch_all(routes: Sequence[Route], notify_urls: Sequence[str]) -> list[Route]:
    """`routes`, plus a catch-all route for every change event when MONITOR_NOTIFY is set."""
    routes = list(routes)
    if notify_urls:
        routes.append(Route(id=CATCH_ALL_ID, urls=list(notify_urls),
                            events=[kind for kind in EVENT_KINDS if kind != "new_match"]))
    return routes


def _overlaps(wanted: Sequence[str], found: Sequence[str]) -> bool:
    return not wanted or bool(set(wanted) & set(found))


def wants(route: Route, event: Event) -> bool:
    """Does `route` ask for `event`? Empty filters mean 'all'."""
    if event.kind not in route.events:
        return False
    match event:
        case FigureChange():
            return _overlaps(route.metrics, [event.metric]) and abs(event.delta) >= route.min_change
        case PositionChange():
            return _overlaps(route.entities, [event.actor]) and _overlaps(route.issues, [event.issue])
        case NewCoverage():
            return _overlaps(route.entities, event.entities) and _overlaps(route.issues, event.issues)
    return True


def hold_until(route: Route, now: datetime) -> datetime:
    """When an alert for `route` created at `now` may be sent: at once, at the end of its digest window,
    or at the end of quiet hours."""
    when = now
    if route.mode == "digest":
        window = route.digest.every
        when = datetime.fromtimestamp((now.timestamp() // window + 1) * window, tz=now.tzinfo)
    if route.quiet_hours:
        when = after_quiet_hours(route.quiet_hours, when)
    return when


def _hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def after_quiet_hours(quiet: QuietHours, when: datetime) -> datetime:
    """`when`, or the end of the quiet period that contains it."""
    local = when.astimezone(ZoneInfo(quiet.timezone))
    start, end = _hhmm(quiet.start), _hhmm(quiet.end)
    now = local.time()
    inside = start <= now < end if start < end else (now >= start or now < end)
    if not inside:
        return when
    day = local.date() if now < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=local.tzinfo).astimezone(when.tzinfo)


def retry_delay(attempts: int, first_s: float, max_s: float) -> float:
    """Exponential backoff between delivery attempts: first, 2x, 4x ... capped."""
    return float(min(max_s, first_s * 2 ** max(0, attempts - 1)))
