"""The `monitor` command. Importing the command modules registers their commands on `main`."""

from monitor.cli import alerting, detect, operate, rules
from monitor.cli.root import main

__all__ = ["alerting", "detect", "main", "operate", "rules"]
