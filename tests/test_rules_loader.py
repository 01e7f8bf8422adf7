"""The rules loader: a valid directory becomes a Ruleset; every mistake is reported as file:line: message.

Broken cases live in tests/data/rules/<case>/: a complete rules directory with one kind of mistake
and `expected.txt`, one reported problem per line (a substring of `file:line: message (hint: ...)`).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml

from monitor.errors import RulesError
from monitor.ruleset.document import parse_document
from monitor.ruleset.loader import REQUIRED_FILES, expand_env, load_rules, summarize
from monitor.ruleset.models.alerts import AlertsFile, Route

DATA = Path(__file__).parent / "data" / "rules"
VALID = DATA / "valid"
BUNDLED = Path(__file__).parent.parent / "rules"
ENV = {"SMTP_USER": "desk", "SMTP_PASS": "s3cret"}
BROKEN_CASES = sorted(case for case in DATA.iterdir() if (case / "expected.txt").exists())


def reported_problems(directory: Path, env: Mapping[str, str] = ENV) -> list[str]:
    with pytest.raises(RulesError) as caught:
        load_rules(directory, env)
    return [str(problem) for problem in caught.value.problems]


def valid_copy(tmp_path: Path, **replacements: str) -> Path:
    """A copy of the valid rules with some files replaced ({"alerts": "<yaml text>"}) or removed ("")."""
    directory = tmp_path / "rules"
    shutil.copytree(VALID, directory)
    for name, text in replacements.items():
        target = directory / f"{name}.yaml"
        if text:
            target.write_text(text, encoding="utf-8")
        else:
            target.unlink()
    return directory


def test_a_valid_directory_loads_into_a_ruleset() -> None:
    ruleset = load_rules(VALID, ENV)

    assert [entity.id for entity in ruleset.entities.entities] == ["hamas", "un", "qatar"]
    assert ruleset.feeds.defaults.interval == 300.0
    assert ruleset.feeds.defaults.max_bytes == 10_000_000
    assert ruleset.alerts.routes[0].metrics == ["deaths_total"]


@pytest.mark.parametrize("case", BROKEN_CASES, ids=[case.name for case in BROKEN_CASES])
def test_a_broken_directory_reports_exactly_the_expected_problems(case: Path) -> None:
    expected = case.joinpath("expected.txt").read_text(encoding="utf-8").splitlines()

    reported = reported_problems(case)

    listing = "\n".join(reported)
    assert len(reported) == len(expected), listing
    for line in expected:
        assert any(f"{case}/{line}" in problem for problem in reported), f"{line}\nnot in:\n{listing}"


def test_problems_of_all_files_come_in_file_order() -> None:
    reported = reported_problems(DATA / "several_errors_in_several_files")

    files = [Path(problem.split(":")[0]).name for problem in reported]
    assert files == ["entities.yaml", "issues.yaml", "feeds.yaml", "alerts.yaml"]


def test_a_missing_directory_is_one_clear_problem(tmp_path: Path) -> None:
    assert reported_problems(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: rules directory not found"]


def test_feeds_and_alerts_files_are_optional(tmp_path: Path) -> None:
    ruleset = load_rules(valid_copy(tmp_path, feeds="", alerts=""), env={})

    assert ruleset.feeds.feeds == []
    assert ruleset.alerts.routes == []


def test_route_urls_get_environment_values() -> None:
    ruleset = load_rules(VALID, ENV)

    assert ruleset.alerts.routes[0].urls == ["mailtos://desk:s3cret@mail.example.org?to=desk@example.org"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "json://127.0.0.1:8080/hook"), ({"DIGEST_URL": "ntfy://alerts"}, "ntfy://alerts")],
    ids=["unset-uses-default", "set-wins-over-default"],
)
def test_a_default_stands_in_for_an_unset_variable(env: dict[str, str], expected: str) -> None:
    ruleset = load_rules(VALID, {**ENV, **env})

    assert ruleset.alerts.routes[1].urls == [expected]


def test_only_route_urls_are_substituted(tmp_path: Path) -> None:
    alerts = 'version: 1\nroutes:\n  - id: r\n    urls: ["json://${HOST}/x"]\n    title_template: "${HOST}"\n'

    route = load_rules(valid_copy(tmp_path, alerts=alerts), {"HOST": "h"}).alerts.routes[0]

    assert (route.urls, route.title_template) == (["json://h/x"], "${HOST}")


def test_the_process_environment_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTP_PASS", "from-the-process")

    reported = reported_problems(VALID, {"SMTP_USER": "desk"})

    assert reported == [f"{VALID}/alerts.yaml:4: routes[0].urls[0]: environment variable SMTP_PASS is not set"
                        " (hint: set SMTP_PASS in the environment of the monitor, or give a default:"
                        " ${SMTP_PASS:-value})"]


@pytest.mark.parametrize(
    ("text", "env", "expected", "unset"),
    [
        ("json://${HOST}/hook", {"HOST": "h:1"}, "json://h:1/hook", []),
        ("${A}${B}", {"A": "1", "B": "2"}, "12", []),
        ("${A:-x}", {}, "x", []),
        ("${A:-x}", {"A": ""}, "x", []),
        ("${A:-x}", {"A": "set"}, "set", []),
        ("${A:-}", {}, "", []),
        ("${A}", {"A": ""}, "", []),
        ("${A}/${B}", {}, "${A}/${B}", ["A", "B"]),
        ("no references $HOME", {"HOME": "/root"}, "no references $HOME", []),
    ],
    ids=["variable", "two-variables", "default-when-unset", "default-when-empty", "value-over-default",
         "empty-default", "set-but-empty", "unset-reported", "bare-dollar-untouched"],
)
def test_expand_env(text: str, env: dict[str, str], expected: str, unset: list[str]) -> None:
    assert expand_env(text, env) == (expected, unset)


def test_summarize_counts_each_kind_of_rule() -> None:
    assert summarize(load_rules(VALID, ENV)) == {
        "entities": 3, "aliases": 6, "issues": 2, "metrics": 2, "stances": 7, "languages": 13, "feeds": 2,
        "routes": 2,
    }


def test_the_bundled_feeds_and_alerts_files_are_valid(tmp_path: Path) -> None:
    directory = valid_copy(tmp_path)
    for name in ("feeds.yaml", "alerts.yaml"):
        shutil.copy(BUNDLED / name, directory / name)

    ruleset = load_rules(directory, env={})

    assert 8 <= len(ruleset.feeds.feeds) <= 12
    assert ruleset.alerts.routes == []


def test_the_commented_example_in_the_bundled_alerts_file_is_valid() -> None:
    # Example lines are the indented ones and the two top-level keys; prose lines start with a capital.
    text = BUNDLED.joinpath("alerts.yaml").read_text(encoding="utf-8")
    example = [line[2:] for line in text.splitlines() if re.match(r"# (\s|delivery:|routes:)", line)]

    alerts = AlertsFile.model_validate({"version": 1, **yaml.safe_load("\n".join(example))})

    assert [route.id for route in alerts.routes] == ["desk", "morning_digest"]
    assert set().union(*(route.model_fields_set for route in alerts.routes)) == set(Route.model_fields)
    assert alerts.model_fields_set == {"version", "delivery", "routes"}


def test_the_bundled_rules_directory_is_valid() -> None:
    missing = [name for name in REQUIRED_FILES if not BUNDLED.joinpath(f"{name}.yaml").exists()]
    if missing:
        pytest.skip(f"bundled rules not written yet: {', '.join(missing)}")

    counts = summarize(load_rules(BUNDLED, env={}))

    assert all(counts[kind] > 0 for kind in ("entities", "issues", "metrics", "stances", "feeds"))
    assert counts["routes"] == 0


LINES_SAMPLE = """\
version: 1
common: &common
  kind: person
entities:
  - id: a
    aliases:
      - first
      - second
  - <<: *common
    id: b
"""


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("version",), 1),
        (("entities", 0), 5),
        (("entities", 0, "aliases", 1), 8),
        (("entities", 0, "name"), 5),
        (("entities", 1, "id"), 10),
        (("entities", 1, "kind"), 3),
        ((), 1),
    ],
    ids=["key", "list-element", "nested-element", "missing-key-points-at-parent", "key-after-merge",
         "merged-key-points-at-anchor", "whole-file"],
)
def test_every_location_maps_to_the_line_an_author_would_edit(loc: tuple[str | int, ...], line: int) -> None:
    document, slips = parse_document(Path("entities.yaml"), LINES_SAMPLE)

    assert slips == []
    assert document.line_of(loc) == line
