"""Read a rules directory into a validated Ruleset, or raise one RulesError listing every problem.

Steps per file: read -> YAML with line numbers (document.py) -> ${ENV} substitution (alerts.yaml
route urls only) -> pydantic models (schema.py and models/, messages by problems.py; reading.py); then the
checks across entries and files (crosscheck.py); then the language packs (packs.py: bundled in
monitor/languages/, and the directory's own languages/*.yaml), read the same way, add their words to the
story's stances and metrics (merge.py). Nothing stops at the first problem: a rule author fixing a directory
wants the whole list at once, each with file and line.

The environment is an argument: only the CLI/daemon read os.environ.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from monitor.errors import RuleProblem, RulesError
from monitor.ruleset.crosscheck import cross_file_problems
from monitor.ruleset.document import Document, Loc
from monitor.ruleset.merge import combined, families, with_packs
from monitor.ruleset.models.fields import Strict
from monitor.ruleset.models.metrics import MetricsFile
from monitor.ruleset.models.stances import StancesFile
from monitor.ruleset.packs import bundled_packs_dir, read_packs, unknown_families
from monitor.ruleset.problems import dotted
from monitor.ruleset.reading import read_file, validated
from monitor.ruleset.schema import RULE_FILES, Ruleset, summarize

__all__ = ["REQUIRED_FILES", "expand_env", "load_rules", "substitute_route_urls", "summarize"]

# The other files are optional: absent means an empty list (no feeds, no alert targets, no speakers beyond the
# actors themselves, the packs' words alone).
REQUIRED_FILES = ("entities", "issues", "metrics")
_REQUIRED_HINT = f"a rules directory needs {', '.join(f'{name}.yaml' for name in REQUIRED_FILES)}"

_ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_MALFORMED_REFERENCE = re.compile(r"\$\{(?![A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\})")


def load_rules(directory: Path, env: Mapping[str, str]) -> Ruleset:
    """The validated rules in `directory`; `env` supplies ${VAR} values for alerts.yaml route urls."""
    if not directory.is_dir():
        raise RulesError([RuleProblem(directory, None, "rules directory not found")])
    problems: list[RuleProblem] = []
    docs: dict[str, Document] = {}
    files: dict[str, Strict] = {}
    for name, model in RULE_FILES.items():
        doc = read_file(directory / f"{name}.yaml", name in REQUIRED_FILES, problems, _REQUIRED_HINT)
        if doc is not None and name == "alerts":
            doc = substitute_route_urls(doc, env, problems)
        if doc is not None:
            docs[name] = doc
            if (valid := validated(doc, model, problems)) is not None:
                files[name] = valid
    problems += cross_file_problems(files, docs)
    packs = combined(read_packs(bundled_packs_dir(), problems), read_packs(directory / "languages", problems))
    metrics, stances = files.get("metrics"), files.get("stances")
    if isinstance(metrics, MetricsFile) and isinstance(stances, StancesFile):
        problems += unknown_families(docs["metrics"], metrics, families(packs))
        files["stances"], files["metrics"] = with_packs(stances, metrics, packs)
    if problems:
        raise RulesError(problems)
    return Ruleset.model_validate({**files, "languages": tuple(p.language for p in packs), "packs": tuple(packs)})


def substitute_route_urls(doc: Document, env: Mapping[str, str], problems: list[RuleProblem]) -> Document:
    """alerts.yaml with ${VAR} / ${VAR:-default} replaced in every route's urls; other values untouched."""
    data = doc.data
    routes = data.get("routes") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(routes, list):
        return doc  # not shaped like alerts.yaml: validation will say how
    new_routes = [_substitute_route(doc, route, ("routes", index), env, problems)
                  for index, route in enumerate(routes)]
    return replace(doc, data={**data, "routes": new_routes})


def _substitute_route(
    doc: Document, route: object, loc: Loc, env: Mapping[str, str], problems: list[RuleProblem]
) -> object:
    urls = route.get("urls") if isinstance(route, dict) else None
    if not isinstance(route, dict) or not isinstance(urls, list):
        return route
    new_urls = []
    for index, url in enumerate(urls):
        url_loc = (*loc, "urls", index)
        if isinstance(url, str) and _MALFORMED_REFERENCE.search(url):
            problems.append(_malformed_problem(doc, url_loc))
        elif isinstance(url, str):
            url, unset = expand_env(url, env)
            problems += [_unset_problem(doc, url_loc, name) for name in unset]
        new_urls.append(url)
    return {**route, "urls": new_urls}


def expand_env(text: str, env: Mapping[str, str]) -> tuple[str, list[str]]:
    """`text` with ${VAR} and ${VAR:-default} replaced from `env`, and the names that were unset."""
    unset: list[str] = []

    def value_of(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if default is not None and not env.get(name):  # shell semantics: ':-' also covers empty
            return default
        if name not in env:
            unset.append(name)
            return match.group(0)
        return env[name]

    return _ENV_REFERENCE.sub(value_of, text), unset


def _unset_problem(doc: Document, loc: Loc, name: str) -> RuleProblem:
    hint = f"set {name} in the environment of the monitor, or give a default: ${{{name}:-value}}"
    return doc.problem(loc, f"{dotted(loc)}: environment variable {name} is not set", hint)


def _malformed_problem(doc: Document, loc: Loc) -> RuleProblem:
    hint = "write ${NAME} or ${NAME:-default}; a NAME has letters, digits and _ and no spaces"
    return doc.problem(loc, f"{dotted(loc)}: a '${{' here does not start a valid ${{NAME}} reference", hint)
