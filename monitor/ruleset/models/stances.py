"""The model of stances.yaml: the cues of each stance and its polarity, and the function words (grammar) that
tell who takes a stance on which issue.

The language packs (monitor/languages/) hold these words for every language; a story's stances.yaml holds
`speaks_for` and may add words of its own. A stances.yaml that lists every word itself (the format before the
packs) loads as it is: its words are added to the packs'.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from monitor.ruleset.models.fields import Id, Phrase, Strict

StanceLabel = Literal["supports", "accepts", "demands", "opposes", "rejects", "denies", "conditions"]
POLARITY: dict[str, Literal["for", "against", "conditional"]] = {
    "supports": "for", "accepts": "for", "demands": "for",
    "opposes": "against", "rejects": "against", "denies": "against",
    "conditions": "conditional",
}


class Stance(Strict):
    cues: list[Phrase] = Field([], description="verbs/nouns whose subject takes the stance ('rejected')")
    connectives: list[Phrase] = Field(
        [], description="clause links ('only if', 'until'): the main clause's subject takes the stance on its issue"
    )
    obligations: list[Phrase] = Field(
        [], description="modals ('must', 'should'): the speaker, not the grammatical subject, takes the stance"
    )
    predicates: list[Phrase] = Field(
        [], description="said of the clause's subject ('is unacceptable', 'out of the question'): the stance is on "
        "the issues before it in the clause, else on the issue after it"
    )
    refusals: list[Phrase] = Field(
        [], description="right before an issue that names an act ('will not disarm', 'won't withdraw'): the subject "
        "takes the stance on that act"
    )
    reach: int = Field(
        10, ge=1, le=40, description="at most this many words between a cue and the issue after it that it takes "
        "(default 10; 3 for denies: a denial is about the claim right after it)"
    )


class Grammar(Strict):
    """Function words of the corpus languages, used to find who takes a stance. A trailing * matches any ending."""

    pronouns: list[Phrase] = Field([], description="a clause starting with one continues the previous subject")
    prepositions: list[Phrase] = Field([], description="an entity right after one is an object, never the subject")
    titles: list[Phrase] = Field([], description="'Hamas official X': the name after the title is the actor")
    conjunctions: list[Phrase] = Field([], description="'X and Y rejected': both are actors")
    agent_markers: list[Phrase] = Field([], description="passive 'rejected by X': X is the actor")
    addressing_verbs: list[Phrase] = Field([], description="'told X that ...': X is addressed, not the one who acts")
    relatives: list[Phrase] = Field([], description="', which has rejected ...': background, not a stance taken")
    reversals: list[Phrase] = Field([], description="'condemned violations of the truce': the stance on it flips")
    circumstances: list[Phrase] = Field(
        [], description="'committed to under the ceasefire', 'amid the truce': an issue after one of these, between "
        "the cue and the issue, sets the scene and is not what the cue is about"
    )
    inquiries: list[Phrase] = Field(
        [], description="'asked for clarifications on X': asking about an issue, between the cue and the issue, "
        "takes no stance on it"
    )
    institutions: list[Phrase] = Field(
        [], description="'Netanyahu's government': after a speaker's possessive, the first side the speaker speaks "
        "for (speaks_for) is the actor"
    )
    media: list[Phrase] = Field(
        [], description="'Israeli media reported ...', 'Israel's Channel 12 said': after a speaker's name, an outlet "
        "that reports, not a side that speaks"
    )
    coordinators: list[Phrase] = Field(
        [], description="'Hamas welcomed the UN plan but said ...': a verb after one of these shares the clause's "
        "subject, not the entity nearest before it"
    )
    exceptions: list[Phrase] = Field(
        [], description="'rejected a deal without a withdrawal': right before an issue, a stance against makes it a "
        "condition, a stance for says nothing about it"
    )
    references: list[Phrase] = Field(
        [], description="generic nouns that stand for an issue named elsewhere ('accepted the deal', 'rejected the "
        "report'): when a cue has no issue of its own, the item's topic issue (see monitor/stancetopic.py)"
    )


class StancesFile(Strict):
    version: Literal[1]
    stances: dict[StanceLabel, Stance] = Field({})
    negation: list[Phrase] = Field([], description="words just before a cue that flip (for) or cancel (others) it")
    speech_verbs: list[Phrase] = Field([], description="'X said ...': what follows is X's unless it names another")
    speaks_for: dict[Id, list[Id]] = Field(
        {}, description="entity ids a tracked speaker speaks for ('netanyahu: [israel]'): 'Netanyahu said Israel will "
        "not accept ...' is Netanyahu's stance; about any other tracked actor it only ascribes one, nobody's"
    )
    grammar: Grammar = Grammar()
