"""The model of issues.yaml: the issues tracked with their cues, and what makes an item part of the story."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from monitor.ruleset.models.fields import ContextRule, Id, Phrase, Regex, Strict


class Issue(Strict):
    id: Id
    label: Phrase
    keywords: list[Phrase] = Field([])
    phrases: list[Phrase] = Field([])
    patterns: list[Regex] = Field(
        [], description="regular expressions matched in the lower-cased text; a match must start a word"
    )
    context: ContextRule | None = None

    @model_validator(mode="after")
    def _has_a_cue(self) -> Issue:
        if not (self.keywords or self.phrases or self.patterns):
            raise ValueError(f"issue {self.id!r} needs at least one of keywords, phrases, patterns")
        return self


class Relevance(Strict):
    """What makes an item part of the tracked story."""

    since: date | None = Field(None, description="items published before this date are not relevant")
    any_issue: bool = Field(True, description="an item that matches any issue is relevant")
    any_figure: bool = Field(False, description="an item that reports a figure of a tracked metric is relevant")
    min_entities: int = Field(2, ge=1, description="...or this many tracked entities together with a context word")
    context: list[Phrase] = Field([])
    exclude: list[Phrase] = Field([], description="phrases that make an item irrelevant whatever else it matches")


class IssuesFile(Strict):
    version: Literal[1]
    relevance: Relevance = Relevance()
    issues: list[Issue]
