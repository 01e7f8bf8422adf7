"""Language packs: the product's language knowledge, drawn on by every story; a story adds to it, never copies it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import main
from monitor.detect.analyze import Analyzer
from monitor.errors import RuleProblem
from monitor.ruleset.loader import load_rules
from monitor.ruleset.merge import union
from monitor.ruleset.packs import bundled_packs_dir, read_packs
from monitor.ruleset.schema import Ruleset
from monitor.ruleset.starter import write_template

DATA = Path(__file__).parent / "data" / "rules"
BUNDLED_RULES = Path(__file__).parent.parent / "rules"
LANGUAGES = ["ar", "de", "en", "es", "fr", "he", "id", "it", "ms", "pt", "ru", "tr", "uk"]


def positions_in(rules: Ruleset, text: str) -> list[tuple[str, str, str]]:
    analysis = Analyzer(rules).analyze("", text, None, None, only_relevant=False)
    return [(p.actor, p.stance, p.issue) for p in analysis.positions]


def story(tmp_path: Path) -> Path:
    directory = tmp_path / "story"
    write_template(directory)
    return directory


def story_with_pack(tmp_path: Path, code: str, name: str, rejects: str, replace: bool = False) -> Path:
    """The template story with a pack of its own, languages/<code>.yaml, holding one rejects cue list."""
    directory = story(tmp_path)
    (directory / "languages").mkdir()
    head = f"version: 1\nlanguage: {code}\nname: {name}\n" + ("replace: true\n" if replace else "")
    (directory / "languages" / f"{code}.yaml").write_text(
        head + f"stances:\n  rejects:\n    cues: [{rejects}]\n", encoding="utf-8")
    return directory


def test_every_bundled_pack_is_valid_and_named_after_its_language() -> None:
    problems: list[RuleProblem] = []
    packs = read_packs(bundled_packs_dir(), problems)
    assert problems == []
    assert [pack.language for pack in packs] == LANGUAGES


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_bundled_pack_says_how_its_language_rejects(code: str) -> None:
    pack = next(p for p in read_packs(bundled_packs_dir(), []) if p.language == code)
    rejects = pack.stances["rejects"]
    assert rejects.cues or rejects.predicates


def test_a_story_without_stances_takes_every_stance_from_the_packs(tmp_path: Path) -> None:
    directory = story(tmp_path)
    (directory / "stances.yaml").unlink()
    rules = load_rules(directory, {})
    assert positions_in(rules, "Marie Dupont rejected a recount.") == [("dupont", "rejects", "recount")]
    assert positions_in(rules, "Marie Dupont a rejeté le recount.") == [("dupont", "rejects", "recount")]


def test_a_metric_counts_with_a_family_of_every_language(tmp_path: Path) -> None:
    rules = load_rules(story(tmp_path), {})
    analysis = Analyzer(rules).analyze("", "12 blessés lors d'un meeting de Dupont.", "fr", None,
                                       only_relevant=False)
    assert [(f.metric, f.value) for f in analysis.figures] == [("injured_at_rallies", 12)]


def test_a_rules_directory_can_add_a_language_of_its_own(tmp_path: Path) -> None:
    rules = load_rules(story_with_pack(tmp_path, "pl", "Polish", "odrzucił, odrzuciła"), {})
    assert "pl" in rules.languages
    assert positions_in(rules, "Marie Dupont odrzuciła recount.") == [("dupont", "rejects", "recount")]


def test_a_rules_directory_pack_adds_words_to_the_bundled_one(tmp_path: Path) -> None:
    rules = load_rules(story_with_pack(tmp_path, "en", "English", "nixed"), {})
    assert positions_in(rules, "Marie Dupont nixed a recount.") == [("dupont", "rejects", "recount")]
    assert positions_in(rules, "Marie Dupont rejected a recount.") == [("dupont", "rejects", "recount")]


def test_a_replacing_pack_drops_the_bundled_words_of_its_language(tmp_path: Path) -> None:
    rules = load_rules(story_with_pack(tmp_path, "en", "English", "nixed", replace=True), {})
    assert "reject*" not in rules.stances.stances["rejects"].cues
    assert "nixed" in rules.stances.stances["rejects"].cues


def test_a_stances_file_in_the_format_before_packs_loads_with_the_same_words() -> None:
    before, now = load_rules(DATA / "before_packs", {}), load_rules(BUNDLED_RULES, {})
    for label, stance in now.stances.stances.items():
        assert set(before.stances.stances[label].cues) == set(stance.cues), label
    assert set(before.stances.speech_verbs) == set(now.stances.speech_verbs)
    assert set(before.metrics.ignore) <= set(now.metrics.ignore)


def test_a_denial_reaches_three_words_unless_the_story_says_otherwise(tmp_path: Path) -> None:
    rules = load_rules(story(tmp_path), {})
    assert (rules.stances.stances["denies"].reach, rules.stances.stances["rejects"].reach) == (3, 10)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ([1, 2], [2, 3], [1, 2, 3]),
        ({"a": [1]}, {"a": [2], "b": [3]}, {"a": [1, 2], "b": [3]}),
        ({"a": {"x": [1]}}, {"a": {"x": [1, 4]}}, {"a": {"x": [1, 4]}}),
        ("en", "fr", "fr"),
    ],
    ids=["lists-without-repeats", "mappings-key-by-key", "nested", "scalars-the-second"],
)
def test_union_of_rules_data(first: object, second: object, expected: object) -> None:
    assert union(first, second) == expected


def test_rules_init_writes_a_story_that_checks_and_explains(tmp_path: Path) -> None:
    runner = CliRunner()
    directory = tmp_path / "elections"
    created = runner.invoke(main, ["rules", "init", str(directory)])
    assert created.exit_code == 0, created.output
    checked = runner.invoke(main, ["rules", "check", str(directory)])
    assert checked.exit_code == 0 and "rules OK" in checked.output
    explained = runner.invoke(main, ["--rules", str(directory), "explain", "Anne Leclerc rejected a recount."])
    assert "leclerc rejects recount" in explained.output


def test_rules_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "init", str(tmp_path)])
    assert result.exit_code == 2
    assert "not an empty directory" in result.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_seed_story_copies_no_language_knowledge() -> None:
    written = yaml.safe_load((BUNDLED_RULES / "stances.yaml").read_text(encoding="utf-8"))
    assert set(written) == {"version", "speaks_for"}
