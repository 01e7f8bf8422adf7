"""The building blocks of every rules file's model: the Strict base, the field types (ids, phrases, durations,
sizes, regexes, URLs) and the `context` block that entities and issues share. Pure.

Strict forbids unknown keys, so that a typo is an error, not a silently ignored setting.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

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


class ContextRule(Strict):
    """Words that must (any of) or must not appear near a mention for it to count."""

    require_any: list[Phrase] = Field([])
    forbid_any: list[Phrase] = Field([])
    scope: Literal["sentence", "item"] = Field(
        "sentence", description="where the words are looked for: the mention's sentence, or the whole item"
    )
