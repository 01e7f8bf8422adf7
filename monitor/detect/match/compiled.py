"""The matcher's view of entities.yaml and issues.yaml: what each phrase found in a text stands for. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from monitor.ruleset.models.entities import EntitiesFile
from monitor.ruleset.models.fields import ContextRule
from monitor.ruleset.models.issues import Relevance
from monitor.text.syntax import Pattern


@dataclass(frozen=True, slots=True)
class Alias:
    """An alias of entity number `entity`."""

    entity: int
    capitalised: bool  # written with a capital: the text must capitalise it too
    distinctive: bool  # not part of any `others` name of the entity
    ambiguous: bool
    # Its folded words as the rules write them, and whether the last is a stem ("hostage*"): what an exact
    # spelling is (the text's words are compared with these at every mention).
    written: tuple[str, ...] = ()
    stem: bool = False


@dataclass(frozen=True, slots=True)
class Other:
    """A name that contains an alias of entity `entity` but means someone else."""

    entity: int


@dataclass(frozen=True, slots=True)
class IssueWord:
    """A keyword or phrase of issue number `issue`."""

    issue: int


@dataclass(frozen=True, slots=True)
class ContextWord:
    """A context word (of an entity, an issue or relevance), known by how the rules write it."""

    phrase: str


Value = Alias | Other | IssueWord | ContextWord


@dataclass(frozen=True)
class Tracked:
    """An entity or issue as the matcher filters its mentions."""

    id: str
    context: ContextRule | None
    threshold: float = 0.0
    context_for_all: bool = True  # require_any applies to every alias (no ambiguous ones listed)
    patterns: tuple[re.Pattern[str], ...] = ()
    # The context phrases as sets: a text has few context words, and each is looked up in these.
    require_any: frozenset[str] = field(init=False)
    forbid_any: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        context = self.context
        object.__setattr__(self, "require_any", frozenset(context.require_any if context else ()))
        object.__setattr__(self, "forbid_any", frozenset(context.forbid_any if context else ()))

    def needs(self, alias: Alias | None) -> bool:
        """Whether a mention (by `alias`) needs one of the `require_any` words: every mention does, unless
        ambiguous aliases are listed (then theirs only)."""
        return bool(self.require_any) and (self.context_for_all or (alias is not None and alias.ambiguous))

    def item_verdict(self, present: set[str], needs: bool) -> bool | None:
        """Whether the context words `present` in the whole item decide that a mention is in its context (True) or
        not (False); None when its sentence decides. (Most mentions are decided here, sparing the sentence split.)"""
        if self.context is None:
            return True
        if needs and self.require_any.isdisjoint(present):
            return False
        forbidden = not self.forbid_any.isdisjoint(present)
        if self.context.scope == "item":
            return not forbidden
        return None if needs or forbidden else True


def entity_entries(entities: EntitiesFile) -> tuple[list[tuple[str, Value]], list[Tracked]]:
    """Every alias and other-bearer name to look up, and the entities as targets (same order as the rules)."""
    entries: list[tuple[str, Value]] = []
    targets = []
    for index, entity in enumerate(entities.entities):
        others = [Pattern.parse(o).keys for o in entity.others]
        for phrase in [entity.name, *entity.aliases, *entity.ambiguous]:
            pattern = Pattern.parse(phrase)
            distinctive = not any(_contains(other, pattern.keys) for other in others)
            capitalised, ambiguous = phrase[:1].isupper(), phrase in entity.ambiguous
            alias = Alias(index, capitalised, distinctive, ambiguous, pattern.norms, pattern.stem)
            entries.append((phrase, alias))
        entries += [(other, Other(index)) for other in entity.others]
        threshold = entity.threshold or entities.defaults.threshold
        targets.append(Tracked(entity.id, entity.context, threshold, not entity.ambiguous))
    return entries, targets


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def context_words(contexts: Sequence[ContextRule | None], relevance: Relevance) -> list[tuple[str, Value]]:
    """Every context word of the rules, each looked up once however many contexts list it."""
    phrases = {p for c in contexts if c for p in (*c.require_any, *c.forbid_any)}
    phrases |= {*relevance.context, *relevance.exclude}
    return [(p, ContextWord(p)) for p in sorted(phrases)]


def short_forms(entities: EntitiesFile) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """One case-sensitive pattern for every short form, and the entity each belongs to."""
    owner = {form: i for i, e in enumerate(entities.entities) for form in e.short_forms}
    if not owner:
        return None, owner
    alternation = "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True))
    # Followed by a currency sign a short form is a currency code ("US$1 billion"), after a language code a
    # region code ("en-US"): neither is a mention.
    return re.compile(rf"(?<!\w)(?<![a-z]{{2}}-)(?:{alternation})(?![\w$])"), owner
