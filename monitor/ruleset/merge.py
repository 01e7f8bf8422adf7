"""The rules detection reads: a story's stances and metrics with the words of the language packs added. Pure.

Every list is a union: the packs' words (in the order of their language codes), then the story's own. A story
names word families (`cue_families: [killed]`) where it would otherwise copy a language's words; the families
of all packs with one name make one list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from monitor.ruleset.models.languages import LanguagePack
from monitor.ruleset.models.metrics import Metric, MetricsFile
from monitor.ruleset.models.stances import StancesFile

# Words a stance reaches after its cue, where the story says nothing: a denial is about the claim right after it
# ("denied that famine exists"), not a noun further on ("denied a deal with Israel on the Rafah opening").
DEFAULT_REACH = {"denies": 3}
_STANCE_PARTS = ("stances", "negation", "speech_verbs", "grammar")
# The family that every story uses: what numbers count that no metric tracks.
OTHER_QUANTITIES = "other_quantities"


def union(first: Any, second: Any) -> Any:
    """Lists concatenated without repeats, mappings merged key by key, anything else: the second."""
    if isinstance(first, list) and isinstance(second, list):
        return list(dict.fromkeys([*first, *second]))
    if isinstance(first, dict) and isinstance(second, dict):
        return {key: union(first[key], second[key]) if key in first and key in second else
                second.get(key, first.get(key)) for key in dict.fromkeys([*first, *second])}
    return second


def combined(bundled: Sequence[LanguagePack], own: Sequence[LanguagePack]) -> list[LanguagePack]:
    """One pack per language: a rules directory's pack adds to the bundled one, or replaces it (`replace`)."""
    packs = {pack.language: pack for pack in bundled}
    for pack in own:
        base = packs.get(pack.language)
        if base is None or pack.replace:
            packs[pack.language] = pack
        else:
            merged = union(base.model_dump(exclude_unset=True), pack.model_dump(exclude_unset=True))
            packs[pack.language] = LanguagePack.model_validate({**merged, "replace": False})
    return [packs[code] for code in sorted(packs)]


def families(packs: Sequence[LanguagePack]) -> dict[str, list[str]]:
    """Each word family's words in every language."""
    found: dict[str, list[str]] = {}
    for pack in packs:
        found = union(found, pack.families)
    return found


def with_packs(stances: StancesFile, metrics: MetricsFile, packs: Sequence[LanguagePack]) -> tuple[
    StancesFile, MetricsFile
]:
    """The story's stances and metrics with the packs' words added."""
    return _stances(stances, packs), _metrics(metrics, packs)


def _stances(story: StancesFile, packs: Sequence[LanguagePack]) -> StancesFile:
    merged: dict[str, Any] = {}
    for pack in packs:
        merged = union(merged, pack.model_dump(include=set(_STANCE_PARTS), exclude_unset=True))
    merged = union(merged, story.model_dump(exclude_unset=True))
    for label, spec in merged.get("stances", {}).items():
        spec.setdefault("reach", DEFAULT_REACH.get(label, 10))
    return StancesFile.model_validate({**merged, "version": 1})


def _metrics(story: MetricsFile, packs: Sequence[LanguagePack]) -> MetricsFile:
    words = families(packs)
    earlier: list[str] = []
    for pack in packs:
        earlier = union(earlier, pack.earlier)
    return story.model_copy(update={
        "metrics": [_metric(metric, words) for metric in story.metrics],
        "ignore": union(_words_of(words, story.ignore_families), story.ignore),
        "earlier": union(earlier, story.earlier),
        "other_quantities": union(words.get(OTHER_QUANTITIES, []), story.other_quantities),
    })


def _metric(metric: Metric, words: Mapping[str, list[str]]) -> Metric:
    scope = metric.scope
    return metric.model_copy(update={
        "cues": union(_words_of(words, metric.cue_families), metric.cues),
        "scope": scope.model_copy(update={
            "require_any": union(_words_of(words, scope.require_families), scope.require_any),
            "exclude": union(_words_of(words, scope.exclude_families), scope.exclude),
        }),
    })


def _words_of(words: Mapping[str, list[str]], names: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(word for name in names for word in words.get(name, [])))


def family_references(metrics: MetricsFile) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(where in metrics.yaml, family name) for every family a metrics file names."""
    lists: list[tuple[tuple[str | int, ...], list[str]]] = [(("ignore_families",), metrics.ignore_families)]
    for index, metric in enumerate(metrics.metrics):
        lists += [(("metrics", index, "cue_families"), metric.cue_families),
                  (("metrics", index, "scope", "require_families"), metric.scope.require_families),
                  (("metrics", index, "scope", "exclude_families"), metric.scope.exclude_families)]
    for loc, names in lists:
        for position, name in enumerate(names):
            yield (*loc, position), name
