"""Reading one rules file: its text, YAML with line numbers (document.py), then its model; every problem is
recorded with file and line, and reading goes on (see loader.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from monitor.errors import RuleProblem, RulesError
from monitor.ruleset.document import Document, parse_document
from monitor.ruleset.models.fields import Strict
from monitor.ruleset.problems import validation_problems

M = TypeVar("M", bound=Strict)


def read_file(path: Path, required: bool, problems: list[RuleProblem], hint: str = "") -> Document | None:
    """The parsed file, a stand-in for an absent optional file, or None after recording why not."""
    if not path.exists():
        if required:
            problems.append(RuleProblem(path, None, f"missing required file {path.name}", hint))
            return None
        return Document(path, {"version": 1})
    try:
        doc, slips = parse_document(path, path.read_text(encoding="utf-8"))
    except RulesError as exc:
        problems += exc.problems
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(RuleProblem(path, None, f"cannot read the file: {exc}", "save it as UTF-8 text"))
        return None
    problems += slips
    return doc


def validated(doc: Document, model: type[M], problems: list[RuleProblem]) -> M | None:
    """The file's model, or None after recording every problem with its line."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems += validation_problems(doc, model, exc)
        return None
