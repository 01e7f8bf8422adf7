"""Settings from MONITOR_* environment variables. No logic: read only by the CLI and the daemon."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every variable a user can set; `monitor --help` and the README list them."""

    model_config = SettingsConfigDict(env_prefix="MONITOR_", extra="ignore")

    database_url: str = Field("sqlite:///monitor.db", description="SQLAlchemy URL of the database")
    rules: Path = Field(Path("rules"), description="rules directory")
    feeds: str = Field("", description="whitespace-separated feed URLs replacing the rules' feeds")
    notify: str = Field("", description="whitespace-separated apprise URLs: a catch-all alert route")
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    concurrency: int = Field(20, ge=1, le=500, description="feeds fetched at once")
    tick: float = Field(15.0, gt=0, description="seconds between scheduler checks for due feeds")
    min_interval: float = Field(60.0, gt=0, description="seconds: no feed is polled more often than this")
    user_agent: str = Field("", description="User-Agent header; a default naming monitor is used if empty")
    block_private: bool = Field(False, description="refuse feeds on private, loopback or link-local addresses")

    @property
    def feed_urls(self) -> list[str]:
        return self.feeds.split()

    @property
    def notify_urls(self) -> list[str]:
        return self.notify.split()
