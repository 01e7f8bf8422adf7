"""The model of a language pack (monitor/languages/<code>.yaml, or languages/<code>.yaml in a rules directory):
how one language says a stance, negates it, reports speech, names who acts, and the word families that say
what a number counts. Pure.

Packs are the product's language knowledge: a story's rules name what to track and draw on every pack. A rules
directory may add a pack of its own (a new language) or add words to a bundled one; `replace: true` drops the
bundled pack of that language instead.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from monitor.ruleset.models.fields import Id, Phrase, Strict
from monitor.ruleset.models.stances import Grammar, StanceLabel


class PackStance(Strict):
    """The words of one stance in one language (see stances.Stance for what each list does)."""

    cues: list[Phrase] = Field([])
    connectives: list[Phrase] = Field([])
    obligations: list[Phrase] = Field([])
    predicates: list[Phrase] = Field([])
    refusals: list[Phrase] = Field([])


class LanguagePack(Strict):
    version: Literal[1]
    language: str = Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, the file's name")
    name: str = Field(min_length=1, description="the language's name in English")
    replace: bool = Field(False, description="in a rules directory: replace the bundled pack instead of adding to it")
    stances: dict[StanceLabel, PackStance] = Field({})
    negation: list[Phrase] = Field([])
    speech_verbs: list[Phrase] = Field([])
    grammar: Grammar = Grammar()
    families: dict[Id, list[Phrase]] = Field(
        {}, description="named word families ('killed', 'injured', 'short_period'), for metrics' cues, scopes and "
        "ignore lists"
    )
    earlier: list[Phrase] = Field(
        [], description="phrases that, right before a number, mark an earlier or compared value ('up from')"
    )
