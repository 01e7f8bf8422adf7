"""Wiring: the one place where monitor's objects are built from the settings and the rules, for the CLI, the
daemon and the demo alike. It owns the clock, the randomness and the process's identity, and hands them down
as arguments; it decides nothing and does no work of its own."""

from __future__ import annotations

import importlib
import os
import random
import socket
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from monitor import __version__
from monitor.alerts.alerter import Alerter
from monitor.alerts.notify import Notifier
from monitor.alerts.routing import routes_with_catch_all
from monitor.config import Settings
from monitor.decide.health import HealthPolicy
from monitor.detect.analyze import Analyzer
from monitor.ingest.fetch import Fetcher
from monitor.pipeline import Pipeline
from monitor.ruleset.loader import load_rules
from monitor.ruleset.models.alerts import Route
from monitor.ruleset.schema import Ruleset
from monitor.ruleset.specs import feed_specs, labels
from monitor.store import db
from monitor.types import FeedSpec

USER_AGENT = f"monitor/{__version__} (media-monitoring feed reader; +https://github.com/monitor-project/monitor)"

FetcherFactory = Callable[[], Fetcher]


def utcnow() -> datetime:
    return datetime.now(UTC)


def jitter() -> float:
    return random.random()


def process_owner() -> str:
    """This process as the owner of leases: host and pid, so that a restart can tell that the owner is dead."""
    return f"{socket.gethostname()}:{os.getpid()}"


def fetcher_factory(*, user_agent: str = "", concurrency: int = 20, block_private: bool = False) -> FetcherFactory:
    """How each cycle makes its HTTP client (one aiohttp session per cycle, on that cycle's event loop)."""
    return lambda: Fetcher(user_agent=user_agent or USER_AGENT, concurrency=concurrency,
                           block_private=block_private)


@dataclass(frozen=True)
class Setup:
    """What a poller works with, all built from one ruleset: swapped as a whole when the rules are reloaded."""

    pipeline: Pipeline
    alerter: Alerter
    specs: Sequence[FeedSpec]


def health_policy(rules: Ruleset) -> HealthPolicy:
    defaults = rules.feeds.defaults
    return HealthPolicy(defaults.alert_after_failing, defaults.silence_factor, defaults.min_silence)


class App:
    """Builds what a command needs from the settings, lazily: a command that only lists alerts never compiles
    the rules."""

    def __init__(self, settings: Settings, environ: Mapping[str, str] = os.environ) -> None:
        self.settings = settings
        self.environ = environ

    def rules(self, directory: Path | None = None) -> Ruleset:
        return load_rules(directory or self.rules_dir(), self.environ)

    def rules_dir(self) -> Path:
        """MONITOR_RULES, or the rules bundled with monitor when the default rules/ is not here."""
        chosen = self.settings.rules
        if chosen == Path("rules") and not chosen.is_dir() and "rules" not in self.settings.model_fields_set:
            return Path(importlib.import_module("monitor.bundled_rules").__path__[0])
        return chosen

    def engine(self, migrate: bool = True) -> Engine:
        engine = db.create_engine(self.settings.database_url)
        db.check_connection(engine)
        if migrate:
            db.upgrade(engine)
        return engine

    def fetchers(self) -> FetcherFactory:
        settings = self.settings
        return fetcher_factory(user_agent=settings.user_agent, concurrency=settings.concurrency,
                               block_private=settings.block_private)

    def routes(self, rules: Ruleset, *, own: bool = True) -> list[Route]:
        """The rules' routes (unless `own` is false), and MONITOR_NOTIFY's catch-all route."""
        return routes_with_catch_all(rules.alerts.routes if own else [], self.settings.notify_urls)

    def alerter(self, rules: Ruleset, engine: Engine, routes: Sequence[Route] | None = None,
                owner: str | None = None) -> Alerter:
        chosen = self.routes(rules) if routes is None else list(routes)
        return Alerter(engine, chosen, Notifier(chosen), labels(rules), utcnow, rules.alerts.delivery,
                       owner=owner or process_owner())

    def pipeline(self, rules: Ruleset, engine: Engine, alerter: Alerter, health: HealthPolicy | None = None,
                 owner: str | None = None) -> Pipeline:
        return Pipeline(engine, Analyzer(rules), utcnow, jitter, owner=owner or process_owner(),
                        on_event=alerter.enqueue, health=health or health_policy(rules),
                        min_interval_s=self.settings.min_interval)

    def setup(self, rules: Ruleset, engine: Engine) -> Setup:
        """The pipeline, its alerter and the feeds, for `run` and `poll`."""
        alerter = self.alerter(rules, engine)
        return Setup(self.pipeline(rules, engine, alerter), alerter, feed_specs(rules.feeds, self.settings.feed_urls))
