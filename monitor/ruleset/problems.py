"""Pydantic validation errors -> RuleProblems a rule author can act on. Pure.

Pydantic speaks to programmers ("Extra inputs are not permitted", "String should match pattern
'^[a-z]...'"); rule authors need the place, what is wrong in their words, and a way out
("entities[3]: unknown key 'alias' (hint: did you mean 'aliases'?)").
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Callable, Sequence
from typing import Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from monitor.errors import RuleProblem
from monitor.ruleset.document import Document, Loc

Explanation = tuple[Loc, str, str]  # where (shown before the message), message, hint

# What each pattern of the rules models (fields.py, feeds.py, alerts.py) means, in words; an unknown pattern
# falls back to showing it.
_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_PATTERN_HELP = {
    _ID_PATTERN: ("is not a valid id", "use lower-case letters, digits and _, starting with a letter"),
    r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$": ("is not a language code", "use a code such as en, ar, he or pt-BR"),
    r"^([01]\d|2[0-3]):[0-5]\d$": ("is not a time of day", "write 24-hour time as HH:MM, e.g. 22:30"),
}
_START_WITH_VERSION = "every rules file starts with the line 'version: 1'"
_KIND_NAMES = {
    "list_type": "a list, e.g. [a, b] or one '- item' per line",
    "string_type": "text",
    "dict_type": "a group of 'key: value' lines",
    "model_type": "a group of 'key: value' lines",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date such as 2025-10-07",
    "date_parsing": "a date such as 2025-10-07",
    "date_from_datetime_parsing": "a date such as 2025-10-07",
}


def validation_problems(doc: Document, model: type[BaseModel], error: ValidationError) -> list[RuleProblem]:
    """One RuleProblem per pydantic error, located at the nearest line of `doc`, in line order."""
    details = error.errors(include_url=False)
    misspelt = _misspelt_keys(details, model)
    problems = [_to_problem(doc, model, detail) for detail in details
                if not (detail["type"] == "missing" and tuple(detail["loc"]) in misspelt)]
    return sorted(problems, key=lambda problem: problem.line or 0)


def closest(word: str, choices: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """'did you mean X?' for the closest choice, or '' when nothing is close enough."""
    close = closest(word, choices)
    return f"did you mean '{close}'?" if close else ""


def show(value: object) -> str:
    """A short, quoted rendering of a value from the file."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def dotted(loc: Sequence[str | int]) -> str:
    """("entities", 3, "kind") -> "entities[3].kind"."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


def _misspelt_keys(details: Sequence[ErrorDetails], model: type[BaseModel]) -> set[Loc]:
    """Required keys written with a typo ('lable:'): reported as the unknown key only, not also as missing."""
    found: set[Loc] = set()
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden" and (key := closest(str(loc[-1]), _keys_at(model, loc[:-1]))):
            found.add((*loc[:-1], key))
    return found


def _to_problem(doc: Document, model: type[BaseModel], detail: ErrorDetails) -> RuleProblem:
    loc = tuple(detail["loc"])
    explain = _EXPLAINERS.get(detail["type"], _explain_generic)
    where, message, hint = explain(detail, loc, model)
    prefix = f"{dotted(where)}: " if where else ""
    return doc.problem([part for part in loc if part != "[key]"], prefix + message, hint)


def _explain_unknown_key(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    key, parent = str(loc[-1]), loc[:-1]
    allowed = _keys_at(model, parent)
    hint = did_you_mean(key, allowed) or (f"allowed keys here: {', '.join(allowed)}" if allowed else "")
    return parent, f"unknown key '{key}'", hint


def _explain_missing(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    key = str(loc[-1])
    hint = _START_WITH_VERSION if loc == ("version",) else f"add '{key}: ...'"
    return loc[:-1], f"missing required key '{key}'", hint


def _explain_choice(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    expected = str(detail.get("ctx", {}).get("expected", ""))
    choices = re.findall(r"'([^']*)'", expected) or [expected]
    if loc == ("version",):
        quoted = isinstance(detail["input"], str) and detail["input"].strip() == expected
        hint = "write the number without quotes" if quoted else "this monitor reads version 1"
        return (), f"version must be {expected}, not {show(detail['input'])}", hint
    where = loc[:-2] if loc[-1] == "[key]" else loc  # a wrong key of a mapping: the mapping is the place
    message = f"{show(detail['input'])} is not one of {', '.join(choices)}"
    return where, message, did_you_mean(str(detail["input"]), choices)


def _explain_pattern(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    pattern = str(detail.get("ctx", {}).get("pattern", ""))
    what, hint = _PATTERN_HELP.get(pattern, (f"does not match the pattern {pattern}", ""))
    suggestion = re.sub(r"[^a-z0-9]+", "_", str(detail["input"]).casefold()).strip("_")
    if pattern == _ID_PATTERN and re.match(_ID_PATTERN, suggestion):
        hint += f", e.g. '{suggestion}'"
    return loc, f"{show(detail['input'])} {what}", hint


def _explain_value(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    # Our own validators raise ValueError with a complete sentence; pydantic only prefixes it.
    return loc, re.sub(r"^(Value error|Assertion failed), ", "", detail["msg"]), ""


def _explain_too_short(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    least = detail.get("ctx", {}).get("min_length", 1)
    return loc, f"needs at least {least} {'entry' if least == 1 else 'entries'}", ""


def _explain_file_shape(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    if loc:
        return _explain_kind(detail, loc, model)
    if detail["input"] is None:
        return (), "the file is empty", _START_WITH_VERSION
    return (), "the file should be a group of 'key: value' lines", _START_WITH_VERSION


def _explain_kind(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    expected = _KIND_NAMES.get(detail["type"], "something else")
    if detail["input"] is None:  # `name:` with nothing after it
        return loc, f"has no value: it should be {expected}", f"write the value after '{loc[-1]}:'"
    return loc, f"should be {expected}, not {show(detail['input'])}", ""


def _explain_generic(detail: ErrorDetails, loc: Loc, model: type[BaseModel]) -> Explanation:
    message = re.sub(r"^Input should", "should", detail["msg"])
    return loc, f"{message} (found {show(detail['input'])})", ""


_EXPLAINERS: dict[str, Callable[[ErrorDetails, Loc, type[BaseModel]], Explanation]] = {
    "extra_forbidden": _explain_unknown_key,
    "missing": _explain_missing,
    "literal_error": _explain_choice,
    "string_pattern_mismatch": _explain_pattern,
    "value_error": _explain_value,
    "assertion_error": _explain_value,
    "too_short": _explain_too_short,
    "model_type": _explain_file_shape,
    **{kind: _explain_kind for kind in _KIND_NAMES if kind != "model_type"},
}


def _keys_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed at `loc`, found by walking the model's field annotations."""
    node: object = model
    for part in loc:
        node = _child_type(node, part)
    return list(node.model_fields) if isinstance(node, type) and issubclass(node, BaseModel) else []


def _child_type(annotation: object, part: str | int) -> object:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and isinstance(part, int):
        return args[0]
    if origin is dict:
        return args[1]
    if origin in (Union, types.UnionType):  # `Context | None`: the model side
        return next((child for arg in args if (child := _child_type(arg, part)) is not None), None)
    return None
