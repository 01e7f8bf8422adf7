"""The story template that `monitor rules init` writes (monitor/ruleset/template/: an election, commented)."""

from __future__ import annotations

from pathlib import Path

from monitor.errors import MonitorError

TEMPLATE = Path(__file__).parent / "template"


def write_template(directory: Path) -> list[Path]:
    """Copy the story template (monitor/ruleset/template/) into `directory`, which must be empty or new."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise MonitorError(f"{directory} exists and is not an empty directory: choose a new one")
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(TEMPLATE.glob("*.yaml")):
        target = directory / source.name
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(target)
    return written
