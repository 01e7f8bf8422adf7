"""The model of entities.yaml: the people, organisations and places tracked, their names, aliases and context."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from monitor.ruleset.models.fields import ContextRule, Id, Phrase, Strict


class EntityDefaults(Strict):
    threshold: float = Field(88, ge=50, le=100, description="rapidfuzz score (0-100) a fuzzy match needs")


class Entity(Strict):
    id: Id
    name: Phrase
    kind: Literal["person", "organisation", "place"]
    aliases: list[Phrase] = Field([])
    short_forms: list[Phrase] = Field([], description="case-sensitive forms, matched only as written")
    context: ContextRule | None = None
    threshold: float | None = Field(None, ge=50, le=100)
    ambiguous: list[Phrase] = Field(
        [], description="aliases with everyday meanings ('health ministry'): they count only where "
        "context.require_any is met (when this list is empty, require_any applies to every alias)"
    )
    others: list[Phrase] = Field(
        [], description="names that contain an alias but mean someone or something else ('Charles Kushner', "
        "'trump card'); when an item names one and never this entity unambiguously, its bare name is not counted"
    )


class EntitiesFile(Strict):
    version: Literal[1]
    defaults: EntityDefaults = EntityDefaults()
    entities: list[Entity]
