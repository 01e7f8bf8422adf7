"""The README stays true: its rules example works, and it names every rules key and every setting."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from monitor.cli import main
from monitor.config import Settings
from monitor.ruleset.models.languages import LanguagePack
from monitor.ruleset.schema import RULE_FILES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def key_paths(model: type[BaseModel], path: str) -> Iterator[str]:
    for name, field in model.model_fields.items():
        here = f"{path}.{name}"
        yield here
        annotation = field.annotation
        nested = [a for arg in (*typing.get_args(annotation), annotation) for a in (typing.get_args(arg) or (arg,))
                  if isinstance(a, type) and issubclass(a, BaseModel)]
        for sub in dict.fromkeys(nested):
            suffix = ".<label>" if "dict[" in str(annotation) else "[]" if "list[" in str(annotation) else ""
            yield from key_paths(sub, here + suffix)


FILE_MODELS: dict[str, type[BaseModel]] = {**RULE_FILES, "languages": LanguagePack}
ALL_KEYS = sorted({k for name, model in FILE_MODELS.items() for k in key_paths(model, name)
                   if not k.endswith(".version")})


@pytest.mark.parametrize("key", ALL_KEYS)
def test_readme_reference_names_every_rules_key(key: str) -> None:
    assert f"| `{key}` |" in README


@pytest.mark.parametrize("setting", sorted(Settings.model_fields))
def test_readme_documents_every_setting(setting: str) -> None:
    assert f"`MONITOR_{setting.upper()}`" in README


def test_readme_election_example_works_as_shown(tmp_path: Path) -> None:
    block = README.split("A minimal example, an election:\n\n```yaml\n")[1].split("```")[0]
    parts = re.split(r"^# (\w+\.yaml)\n", block, flags=re.MULTILINE)[1:]
    for name, body in zip(parts[::2], parts[1::2], strict=True):
        (tmp_path / name).write_text(body, encoding="utf-8")
    text = "Marie Dupont demanded a recount after turnout fell to 41 percent in the election."
    result = CliRunner().invoke(main, ["--rules", str(tmp_path), "explain", text], env={"MONITOR_LOG_LEVEL": "ERROR"})
    shown = README.split("$ monitor --rules elections explain")[1].split("```")[0].split("\n", 1)[1]
    assert result.output.split() == shown.split()


def test_readme_explain_example_shows_what_explain_prints() -> None:
    command = '$ monitor explain "'
    block = README.split(command, 1)[1].split("```")[0]
    text, shown = block.split('"\n', 1)
    rules = str(Path(__file__).parent.parent / "rules")
    result = CliRunner().invoke(main, ["--rules", rules, "explain", text], env={"MONITOR_LOG_LEVEL": "ERROR"})
    assert result.output.split() == shown.split()
