"""Checks across entries and files: duplicate ids and urls, shared aliases, dangling route references. Pure.

Each check runs only on files that validated on their own: a reference check against a broken
entities.yaml would report every route as dangling and bury the real mistake.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from monitor.errors import RuleProblem
from monitor.ruleset.document import Document, Loc
from monitor.ruleset.models.alerts import AlertsFile, Route
from monitor.ruleset.models.entities import EntitiesFile, Entity
from monitor.ruleset.models.feeds import FeedsFile
from monitor.ruleset.models.fields import Strict
from monitor.ruleset.models.issues import Issue, IssuesFile
from monitor.ruleset.models.metrics import Metric, MetricsFile
from monitor.ruleset.models.stances import StancesFile
from monitor.ruleset.problems import did_you_mean, dotted

# Route keys are named after the file they point into.
_SINGULAR = {"entities": "entity", "issues": "issue", "metrics": "metric"}


@dataclass(frozen=True)
class _Claim:
    """One value that must be unique: `key` is what is compared, `owner` who may repeat it harmlessly."""

    loc: Loc
    key: str
    shown: str
    owner: object


def cross_file_problems(files: Mapping[str, Strict], docs: Mapping[str, Document]) -> list[RuleProblem]:
    """Every cross-entry problem among the valid `files` (by name, e.g. "entities"), located in `docs`."""
    problems: list[RuleProblem] = []
    for name, file in files.items():
        for what, claims in _unique_values(file):
            problems += _duplicates(docs[name], claims, what)
    alerts = files.get("alerts")
    if isinstance(alerts, AlertsFile):
        problems += _dangling_references(docs["alerts"], alerts, files)
    stances, entities = files.get("stances"), files.get("entities")
    if isinstance(stances, StancesFile) and entities is not None:
        problems += _unknown_speakers(docs["stances"], stances, set(_ids(entities)))
    return problems


def _unknown_speakers(doc: Document, stances: StancesFile, known: set[str]) -> list[RuleProblem]:
    """`speaks_for` names entities on both sides: each must be an id of entities.yaml."""
    problems = []
    for speaker, bodies in stances.speaks_for.items():
        for loc, ref in [(("speaks_for", speaker), speaker)] + [
            (("speaks_for", speaker, n), body) for n, body in enumerate(bodies)
        ]:
            if ref not in known:
                hint = did_you_mean(ref, sorted(known)) or "speaks_for names ids of entities.yaml"
                problems.append(doc.problem(loc, f"{dotted(loc)}: unknown entity '{ref}'", hint))
    return problems


def _unique_values(file: Strict) -> list[tuple[str, list[_Claim]]]:
    """(kind of value, claims) for each kind of value that must be unique within `file`."""
    if isinstance(file, EntitiesFile):
        return [("id", _id_claims("entities", file.entities)), ("name", list(_alias_claims(file)))]
    if isinstance(file, IssuesFile):
        return [("id", _id_claims("issues", file.issues))]
    if isinstance(file, MetricsFile):
        return [("id", _id_claims("metrics", file.metrics))]
    if isinstance(file, AlertsFile):
        return [("id", _id_claims("routes", file.routes))]
    if isinstance(file, FeedsFile):
        return [("url", list(_url_claims(file)))]
    return []


def _ids(file: Strict) -> list[str]:
    return [claim.key for kind, claims in _unique_values(file) if kind == "id" for claim in claims]


def _id_claims(key: str, entries: Sequence[Entity | Issue | Metric | Route]) -> list[_Claim]:
    return [_Claim((key, index, "id"), entry.id, entry.id, index) for index, entry in enumerate(entries)]


def _alias_claims(file: EntitiesFile) -> Iterator[_Claim]:
    """Names, aliases and short forms, compared ignoring case and spacing, as the matcher reads text."""
    for index, entity in enumerate(file.entities):
        yield _Claim(("entities", index, "name"), _fold(entity.name), entity.name, entity.id)
        for key in ("aliases", "short_forms"):
            for position, form in enumerate(getattr(entity, key)):
                yield _Claim(("entities", index, key, position), _fold(form), form, entity.id)


def _url_claims(file: FeedsFile) -> Iterator[_Claim]:
    for index, feed in enumerate(file.feeds):
        yield _Claim(("feeds", index, "url"), feed.url.rstrip("/"), feed.url, index)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _duplicates(doc: Document, claims: Iterable[_Claim], what: str) -> list[RuleProblem]:
    first: dict[str, _Claim] = {}
    problems = []
    for claim in claims:
        earlier = first.setdefault(claim.key, claim)
        if earlier.owner != claim.owner:
            problems.append(_duplicate_problem(doc, claim, earlier, what))
    return problems


def _duplicate_problem(doc: Document, claim: _Claim, earlier: _Claim, what: str) -> RuleProblem:
    at = f"line {doc.line_of(earlier.loc)}"
    if what == "name":
        message = f"{claim.shown!r} is already a name of entity '{earlier.owner}' ({at})"
        hint = "a name, alias or short form can belong to only one entity: remove it from one of them"
    else:
        message = f"{claim.shown!r} is used twice (first at {at})"
        hint = f"each {what} must be unique in {doc.path.name}"
    return doc.problem(claim.loc, f"{dotted(claim.loc)}: {message}", hint)


def _dangling_references(doc: Document, alerts: AlertsFile, files: Mapping[str, Strict]) -> list[RuleProblem]:
    problems = []
    for name, singular in _SINGULAR.items():
        if name not in files:
            continue  # that file has its own errors; see the module docstring
        known = _ids(files[name])
        for index, route in enumerate(alerts.routes):
            for position, ref in enumerate(getattr(route, name)):
                if ref not in known:
                    loc = ("routes", index, name, position)
                    message = f"route '{route.id}' names unknown {singular} '{ref}'"
                    hint = did_you_mean(ref, known) or f"the {name} it can name are the ids in {name}.yaml"
                    problems.append(doc.problem(loc, f"{dotted(loc)}: {message}", hint))
    return problems
