"""A text scanned for one finder's phrases, as analyze.py scans an item for every finder's at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from monitor.text.phrases import PhraseIndex
from monitor.text.scan import Scan
from monitor.text.syntax import Pattern


class Finder(Protocol):
    @property
    def vocabulary(self) -> Sequence[tuple[Pattern, object]]: ...


def scanned(finder: Finder, text: str) -> Scan:
    return Scan.of(text, PhraseIndex[object](finder.vocabulary))
