"""The language packs a ruleset draws on: the bundled ones (monitor/languages/) and a rules directory's own
(its languages/ folder), read and validated like any rules file, and the check that every word family a story
names exists in one of them."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

from monitor.errors import RuleProblem
from monitor.ruleset.document import Document
from monitor.ruleset.merge import family_references, with_packs
from monitor.ruleset.models.languages import LanguagePack
from monitor.ruleset.models.metrics import MetricsFile
from monitor.ruleset.models.stances import StancesFile
from monitor.ruleset.problems import did_you_mean, dotted
from monitor.ruleset.reading import read_file, validated


def bundled_packs_dir() -> Path:
    """The language packs that ship with monitor."""
    return Path(importlib.import_module("monitor.languages").__path__[0])


def with_bundled_packs(
    stances: StancesFile | None = None, metrics: MetricsFile | None = None
) -> tuple[StancesFile, MetricsFile]:
    """One story file (or none) with the bundled packs' words, as `load_rules` reads it: for a tool or a test that
    compiles the stances or the metrics of one file."""
    packs = read_packs(bundled_packs_dir(), [])
    return with_packs(stances or StancesFile(version=1), metrics or MetricsFile(version=1, metrics=[]), packs)


def read_packs(folder: Path, problems: list[RuleProblem]) -> list[LanguagePack]:
    """The valid language packs in `folder` (none if it does not exist); each one's problems are recorded."""
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return [pack for path in paths if (pack := _read_pack(path, problems))]


def _read_pack(path: Path, problems: list[RuleProblem]) -> LanguagePack | None:
    doc = read_file(path, True, problems)
    pack = validated(doc, LanguagePack, problems) if doc is not None else None
    if pack is None or doc is None:
        return None
    if pack.language != path.stem:
        hint = f"name the file {pack.language}.yaml, or write language: {path.stem}"
        problems.append(doc.problem(("language",), f"language: '{pack.language}' in a file named {path.name}", hint))
        return None
    return pack


def unknown_families(doc: Document, metrics: MetricsFile, known: Mapping[str, list[str]]) -> list[RuleProblem]:
    names = sorted(known)
    return [doc.problem(loc, f"{dotted(loc)}: no language pack has a word family '{name}'",
                        did_you_mean(name, names) or f"the families are: {', '.join(names)}")
            for loc, name in family_references(metrics) if name not in known]
