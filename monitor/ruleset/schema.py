"""Pydantic models of the rules files. Pure: no file access here (see loader.py).

Every model forbids unknown keys so that a typo is an error, not a silently ignored setting.
Cross-file references (a route naming an unknown entity, ...) are checked in `Ruleset`.
"""

from __future__ import annotations

import datetime
import re
from datetime import date
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="lower-case id: letters, digits, _")]

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_DURATION_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, None: 1.0}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3}


def parse_duration(value: object) -> float:
    """'90s', '5m', '1.5h', '2d' or a number of seconds -> seconds."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"{value!r} is not a duration (use e.g. 30s, 5m, 1h, 1d)")
    return float(match.group(1)) * _DURATION_UNITS[match.group(2)]


def parse_size(value: object) -> int:
    """'10MB', '512KiB' or a number of bytes -> bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    match = _SIZE.match(str(value))
    if not match:
        raise ValueError(f"{value!r} is not a size (use e.g. 500KB, 10MB)")
    return int(float(match.group(1)) * _SIZE_UNITS[(match.group(2) or "b").lower()])


def _check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
    return pattern


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^\s/]+", url):
        raise ValueError(f"{url!r} is not an http(s) URL")
    return url


Seconds = Annotated[float, BeforeValidator(parse_duration), Field(gt=0)]
Pause = Annotated[float, BeforeValidator(parse_duration), Field(ge=0)]
Bytes = Annotated[int, BeforeValidator(parse_size), Field(gt=0)]
Regex = Annotated[str, AfterValidator(_check_regex)]
HttpUrl = Annotated[str, AfterValidator(_check_url)]
Phrase = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Context(Strict):
    """Words that must (any of) or must not appear near a mention for it to count."""

    require_any: list[Phrase] = []
    forbid_any: list[Phrase] = []
    scope: Literal["sentence", "item"] = Field(
        "sentence", description="where the words are looked for: the mention's sentence, or the whole item"
    )


# --- entities.yaml -------------------------------------------------------------------------------


class EntityDefaults(Strict):
    threshold: float = Field(88, ge=50, le=100, description="rapidfuzz score (0-100) a fuzzy match needs")


class Entity(Strict):
    id: Id
    name: Phrase
    kind: Literal["person", "organisation", "place"]
    aliases: list[Phrase] = []
    short_forms: list[Phrase] = Field([], description="case-sensitive forms, matched only as written")
    context: Context | None = None
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


# --- issues.yaml ---------------------------------------------------------------------------------


class Issue(Strict):
    id: Id
    label: Phrase
    keywords: list[Phrase] = []
    phrases: list[Phrase] = []
    patterns: list[Regex] = Field(
        [], description="regular expressions matched in the lower-cased text; a match must start a word"
    )
    context: Context | None = None

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
    context: list[Phrase] = []
    exclude: list[Phrase] = Field([], description="phrases that make an item irrelevant whatever else it matches")


class IssuesFile(Strict):
    version: Literal[1]
    relevance: Relevance = Relevance()
    issues: list[Issue]


# --- metrics.yaml --------------------------------------------------------------------------------


class Scope(Strict):
    require_any: list[Phrase] = Field([], description="one of these must be in the sentence (or `near`)")
    exclude: list[Phrase] = Field([], description="none of these may be in the number's clause")
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
    unit: Literal["count", "percent"] = "count"
    direction: Literal["up", "any"] = "any"
    cues: list[Phrase] = Field(min_length=1)
    scope: Scope = Scope()
    baseline: Baseline | None = None
    min_value: float | None = Field(None, description="numbers below this are never this metric")
    max_value: float | None = Field(None, description="numbers above this are never this metric")


class MetricsFile(Strict):
    version: Literal[1]
    metrics: list[Metric]
    ignore: list[Phrase] = Field(
        [], description="phrases that make the numbers of their segment no figure ('in the past 24 hours')"
    )
    earlier: list[Phrase] = Field(
        [], description="phrases that, right before a number, mark an earlier or compared value ('up from')"
    )


# --- stances.yaml --------------------------------------------------------------------------------

StanceLabel = Literal["supports", "accepts", "demands", "opposes", "rejects", "denies", "conditions"]
POLARITY: dict[str, Literal["for", "against", "conditional"]] = {
    "supports": "for", "accepts": "for", "demands": "for",
    "opposes": "against", "rejects": "against", "denies": "against",
    "conditions": "conditional",
}


class Stance(Strict):
    cues: list[Phrase] = Field(min_length=1, description="verbs/nouns whose subject takes the stance ('rejected')")
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
        10, ge=1, le=40, description="at most this many words between a cue and the issue after it that it takes"
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
    stances: dict[StanceLabel, Stance]
    negation: list[Phrase] = Field([], description="words just before a cue that flip (for) or cancel (others) it")
    speech_verbs: list[Phrase] = Field([], description="'X said ...': what follows is X's unless it names another")
    speaks_for: dict[Id, list[Id]] = Field(
        {}, description="entity ids a tracked speaker speaks for ('netanyahu: [israel]'): 'Netanyahu said Israel will "
        "not accept ...' is Netanyahu's stance; about any other tracked actor it only ascribes one, nobody's"
    )
    grammar: Grammar = Grammar()


# --- feeds.yaml ----------------------------------------------------------------------------------


class FeedDefaults(Strict):
    interval: Seconds = 300.0
    timeout: Seconds = 20.0
    max_bytes: Bytes = 10 * 1000 * 1000
    alert_after_failing: Seconds = Field(6 * 3600.0, description="a feed failing this long raises feed_health")
    silence_factor: float = Field(
        10.0, gt=1, description="a feed silent for this many times its usual gap between items raises feed_health"
    )
    min_silence: Seconds = Field(86400.0, description="never call a feed silent before this long without items")


class Feed(Strict):
    url: HttpUrl
    name: Phrase
    interval: Seconds | None = None
    timeout: Seconds | None = None
    max_bytes: Bytes | None = None
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")
    tags: list[Phrase] = []


class FeedsFile(Strict):
    version: Literal[1]
    defaults: FeedDefaults = FeedDefaults()
    feeds: list[Feed] = []


# --- alerts.yaml ---------------------------------------------------------------------------------

EventKind = Literal["figure_change", "position_change", "new_match", "feed_health"]


class Digest(Strict):
    every: Seconds = Field(3600.0, description="one message per window of this length")


class QuietHours(Strict):
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, when holding alerts begins")
    end: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, when held alerts go out")
    timezone: str = Field("UTC", description="IANA zone of start and end, e.g. Europe/Paris")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Europe/Paris)") from None
        return value


class Delivery(Strict):
    """How hard to try before an alert is marked failed (see `monitor alerts retry`)."""

    max_attempts: int = Field(8, ge=1, le=100)
    first_retry: Seconds = 30.0
    max_retry: Seconds = 3600.0


class Route(Strict):
    id: Id
    urls: list[Phrase] = Field(min_length=1, description="apprise URLs; ${ENV_VAR} is substituted at load")
    events: list[EventKind] = ["figure_change", "position_change"]
    entities: list[Id] = []
    issues: list[Id] = []
    metrics: list[Id] = []
    min_change: float = Field(0, ge=0, description="figure changes smaller than this are not sent")
    mode: Literal["immediate", "digest"] = "immediate"
    digest: Digest = Digest()
    quiet_hours: QuietHours | None = None
    title_template: str | None = Field(None, description="string.Template text with ${placeholders}")
    body_template: str | None = Field(None, description="string.Template text with ${placeholders}")
    format: Literal["text", "markdown"] = Field("text", description="markdown only for targets that render it")
    throttle: Pause | None = Field(
        None, description="least time between two messages to one target (default: the service's own, 5.5 s "
                          "for email); 0 sends bursts at once"
    )


class AlertsFile(Strict):
    version: Literal[1]
    delivery: Delivery = Delivery()
    routes: list[Route] = []


# --- the whole ruleset ---------------------------------------------------------------------------

RULE_FILES: dict[str, type[Strict]] = {
    "entities": EntitiesFile,
    "issues": IssuesFile,
    "metrics": MetricsFile,
    "stances": StancesFile,
    "feeds": FeedsFile,
    "alerts": AlertsFile,
}


class Ruleset(Strict):
    """A validated rules directory: one model per file (see RULE_FILES)."""

    entities: EntitiesFile
    issues: IssuesFile
    metrics: MetricsFile
    stances: StancesFile
    feeds: FeedsFile
    alerts: AlertsFile
