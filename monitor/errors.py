"""One exception root for the project; builtins are mixed in where natural."""

from __future__ import annotations

from pathlib import Path


class MonitorError(Exception):
    """Root of every error that monitor raises on purpose."""


class RuleProblem:
    """One problem found in a rules file: where it is and what is wrong."""

    __slots__ = ("hint", "line", "message", "path")

    def __init__(self, path: Path | str, line: int | None, message: str, hint: str = "") -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def __repr__(self) -> str:
        return f"RuleProblem({str(self)!r})"


class RulesError(MonitorError, ValueError):
    """A rules directory is invalid; carries every problem found, each with file and line."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class FetchError(MonitorError):
    """A fetch was refused: a limit crossed (size, redirects, encoding) or a target not allowed (scheme, private
    address). The fetcher reports its message as the feed's error; it never escapes a poll."""


class FeedParseError(MonitorError, ValueError):
    """A fetched body could not be turned into items."""


class StorageError(MonitorError):
    """The database is unreachable, read-only, full or at an unknown schema revision."""


class DatabaseUnavailableError(StorageError):
    """The database failed during work (gone, restarting, full, read-only, locked); `reason` is the driver's
    first line. The store raises it for every database failure, so no caller sees a driver's exception."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"database: {reason}")


class NotifyError(MonitorError):
    """An alert could not be delivered to a route."""
