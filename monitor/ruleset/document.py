"""One rules file as plain data plus the line of every key and list element. Pure: text in, values out.

PyYAML's `safe_load` forgets where things were written, so we compose the node tree ourselves and
record, for each location path such as ("entities", 3, "kind"), the 1-based line it starts on. Later
checks (pydantic errors, cross-file conflicts) report a location path; `Document.line_of` turns it
into the nearest line the rule author can open in an editor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from monitor.errors import RuleProblem, RulesError

Loc = tuple[str | int, ...]

# libyaml parses about 8 times faster; the pure-Python parser explains syntax errors better.
_Loader = yaml.SafeLoader | yaml.CSafeLoader
_FAST_LOADER: type[_Loader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Frequent YAML slips of non-programmers, keyed by a fragment of PyYAML's problem text.
_SYNTAX_HINTS = {
    "found character '\\t'": "indent with spaces, not tabs",
    "mapping values are not allowed": "a value containing ': ' must be put in quotes",
    "could not find expected ':'": "each setting is written 'key: value'; check quotes and indentation",
    "did not find expected key": "check that this line is indented like its neighbours",
    "expected <block end>": "check that this line is indented like its neighbours",
    "found undefined alias": "a '*name' refers to an '&name' anchor that is not defined above it",
    "found '<stream end>'": "a bracket or quote opened on this line or above is never closed",
    "found another document": "a rules file holds one document: remove the '---' line",
}


@dataclass(frozen=True)
class Document:
    """A parsed rules file: `data` as PyYAML's safe loader would build it, `lines` by location path."""

    path: Path
    data: object
    lines: Mapping[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line of `loc`, or of its nearest recorded ancestor (a missing key -> its parent)."""
        path = tuple(loc)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, loc: Sequence[str | int], message: str, hint: str = "") -> RuleProblem:
        return RuleProblem(self.path, self.line_of(loc), message, hint)


def parse_document(path: Path, text: str) -> tuple[Document, list[RuleProblem]]:
    """Parse one YAML file; a syntax error raises RulesError, softer slips come back as problems."""
    try:
        return _parse(path, text, _FAST_LOADER)
    except yaml.YAMLError:
        pass  # libyaml's messages are terse ("found character that cannot start any token"): see below
    try:
        return _parse(path, text, yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise RulesError([_syntax_problem(path, exc)]) from exc


def _parse(path: Path, text: str, loader_class: type[_Loader]) -> tuple[Document, list[RuleProblem]]:
    loader = loader_class(text)
    builder = _Builder(loader, path)
    try:
        data = builder.build_root(loader.get_single_node())
    except RecursionError as exc:
        problem = RuleProblem(path, None, "the file refers to itself through an anchor ('&name' ... '*name')")
        raise RulesError([problem]) from exc
    finally:
        loader.dispose()
    return Document(path, data, builder.lines), builder.problems


def _syntax_problem(path: Path, exc: yaml.YAMLError) -> RuleProblem:
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return RuleProblem(path, None, f"not readable as YAML: {exc}")
    problem = exc.problem or "syntax error"
    hint = next((h for fragment, h in _SYNTAX_HINTS.items() if fragment in problem), "")
    context = f" ({exc.context})" if exc.context else ""
    return RuleProblem(path, exc.problem_mark.line + 1, f"YAML syntax error: {problem}{context}", hint)


class _Builder:
    """Walks a composed node tree, building plain data and recording lines as it goes."""

    def __init__(self, loader: _Loader, path: Path) -> None:
        self.loader = loader
        self.path = path
        self.lines: dict[Loc, int] = {}
        self.problems: list[RuleProblem] = []

    def build_root(self, root: yaml.Node | None) -> object:
        """The whole file (None when empty); its first line stands for file-level problems."""
        if root is None:
            return None
        self.lines[()] = root.start_mark.line + 1
        return self.build(root, ())

    def build(self, node: yaml.Node, loc: Loc) -> object:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self._element(item, (*loc, index)) for index, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node)
        except (ValueError, TypeError):  # 2025-13-45 looks like a date but is none: validation says why
            return str(node.value)

    def _element(self, node: yaml.Node, loc: Loc) -> object:
        self.lines[loc] = node.start_mark.line + 1
        return self.build(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, object]:
        self.loader.flatten_mapping(node)  # resolves '<<: *anchor' merge keys, as safe_load does
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            # Keys are kept as written: YAML 1.1 would turn a key like `no:` into False.
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key is None:
                self.problems.append(RuleProblem(self.path, line, "a key must be a plain word"))
            elif key in result:
                first = self.lines[(*loc, key)]
                self.problems.append(RuleProblem(self.path, line, f"key '{key}' appears twice here "
                                                 f"(first at line {first})", "keep only one of them"))
            else:
                self.lines[(*loc, key)] = line
                result[key] = self.build(value_node, (*loc, key))
        return result
