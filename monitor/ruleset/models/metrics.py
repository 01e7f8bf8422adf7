"""The model of metrics.yaml: the figures tracked (tolls, counts, percentages), their cues, scope and bounds."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from monitor.ruleset.models.fields import Id, Phrase, Strict


class Scope(Strict):
    require_any: list[Phrase] = Field([], description="one of these must be in the sentence (or `near`)")
    require_families: list[Id] = Field(
        [], description="word families of the language packs whose words count as require_any ('hostages')"
    )
    exclude: list[Phrase] = Field(
        [], description="none of these may be in the number's reach (its segment): this metric's own ignore list"
    )
    exclude_families: list[Id] = Field([], description="word families whose words count as exclude")
    near: int | None = Field(
        None, ge=1, description="require_any counts only within this many words of the number or its cue"
    )


class Baseline(Strict):
    value: float
    date: datetime.date | None = None  # the field name shadows `date` inside this class
    source: str | None = None


class Metric(Strict):
    id: Id
    label: Phrase
    unit: Literal["count", "percent", "money"] = "count"
    currency: str | None = Field(
        None, pattern=r"^[A-Z]{3}$", description="with unit money: only amounts in this ISO 4217 currency (EUR, USD)"
    )
    direction: Literal["up", "any"] = "any"
    cues: list[Phrase] = Field([], description="words that say what a number counts ('killed', 'trucks')")
    cue_families: list[Id] = Field(
        [], description="word families of the language packs whose words are cues ('killed', 'injured')"
    )
    scope: Scope = Scope()
    baseline: Baseline | None = None
    min_value: float | None = Field(None, description="numbers below this are never this metric")
    max_value: float | None = Field(None, description="numbers above this are never this metric")

    @model_validator(mode="after")
    def _has_a_cue(self) -> Metric:
        if not (self.cues or self.cue_families):
            raise ValueError(f"metric {self.id!r} needs cues or cue_families")
        return self


class MetricsFile(Strict):
    version: Literal[1]
    metrics: list[Metric]
    ignore: list[Phrase] = Field(
        [], description="phrases that make the numbers of their segment no figure of any metric ('for each')"
    )
    ignore_families: list[Id] = Field(
        [], description="word families of the language packs whose words count as ignore ('short_period')"
    )
    earlier: list[Phrase] = Field(
        [], description="phrases that, right before a number, mark an earlier or compared value ('up from')"
    )
    other_quantities: list[Phrase] = Field(
        [], description="words that say a number counts something no metric tracks ('displaced', 'homes'): a number "
        "they explain better than a metric's cue is no figure; added to the packs' family other_quantities"
    )
