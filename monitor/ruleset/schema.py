"""The whole ruleset: RULE_FILES names the model of each rules file, Ruleset groups them. Pure: no file access
here (see loader.py).

Each file's model lives in the module named after the file (entities.py, issues.py, metrics.py, stances.py,
feeds.py, alerts.py), built from the blocks in fields.py. Checks across entries and files are in crosscheck.py.
"""

from __future__ import annotations

from monitor.ruleset.models.alerts import AlertsFile
from monitor.ruleset.models.entities import EntitiesFile
from monitor.ruleset.models.feeds import FeedsFile
from monitor.ruleset.models.fields import Strict
from monitor.ruleset.models.issues import IssuesFile
from monitor.ruleset.models.languages import LanguagePack
from monitor.ruleset.models.metrics import MetricsFile
from monitor.ruleset.models.stances import StancesFile

RULE_FILES: dict[str, type[Strict]] = {
    "entities": EntitiesFile,
    "issues": IssuesFile,
    "metrics": MetricsFile,
    "stances": StancesFile,
    "feeds": FeedsFile,
    "alerts": AlertsFile,
}


class Ruleset(Strict):
    """A validated rules directory: one model per file (see RULE_FILES)."""

    entities: EntitiesFile
    issues: IssuesFile
    metrics: MetricsFile
    stances: StancesFile
    feeds: FeedsFile
    alerts: AlertsFile
    languages: tuple[str, ...] = ()  # the codes of the language packs whose words stances and metrics hold
    packs: tuple[LanguagePack, ...] = ()  # those packs: what each language's own words are


def summarize(ruleset: Ruleset) -> dict[str, int]:
    """Counts per kind of rule; `aliases` counts every form an entity is matched by (name included)."""
    entities = ruleset.entities.entities
    return {
        "entities": len(entities),
        "aliases": sum(1 + len(entity.aliases) + len(entity.short_forms) for entity in entities),
        "issues": len(ruleset.issues.issues),
        "metrics": len(ruleset.metrics.metrics),
        "stances": len(ruleset.stances.stances),
        "languages": len(ruleset.languages),
        "feeds": len(ruleset.feeds.feeds),
        "routes": len(ruleset.alerts.routes),
    }
