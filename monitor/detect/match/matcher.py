"""Which tracked entities and issues a text mentions, and whether it belongs to the story. Pure.

Entities, in order:
1. every alias (the name, `aliases`, `ambiguous`) is looked up exactly after folding (normalize.py) in one
   Aho-Corasick pass; long aliases are also looked up with other spellings (fuzzy.py); short forms are
   matched case-sensitively as written, as whole words ("UN", never "unknown" or "Un");
2. an alias written with a capital must be capitalised in the text ("Trump", not "trump card");
3. a mention inside an `others` name is someone else's ("Charles Kushner"); an item that names another
   bearer and never this entity unambiguously keeps none of its bare-name mentions;
4. `context`: a mention needs a `require_any` word (ambiguous aliases only, when some are listed) and no
   `forbid_any` word in its sentence (or item, by `scope`);
5. where mentions of two entities overlap, the longer wins ("Israel Katz" is Katz, not Israel);
   overlapping mentions of one entity merge into one Match.
Issues: `keywords` and `phrases` are looked up like aliases (no fuzziness, a final * makes a stem),
`patterns` are regular expressions on the lower-cased text, whose matches must start a word; `context` filters
issue cues the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from operator import attrgetter
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from monitor.detect.match.compiled import (
    Alias,
    ContextWord,
    IssueWord,
    Other,
    Tracked,
    Value,
    context_words,
    entity_entries,
    short_forms,
)
from monitor.detect.match.fuzzy import FuzzyIndex
from monitor.detect.match.prefilter import RegexSet
from monitor.ruleset.models.entities import EntitiesFile
from monitor.ruleset.models.issues import IssuesFile
from monitor.text.scan import Scan
from monitor.text.syntax import Pattern
from monitor.types import Match

# A match through the transliteration key (al-Hayyah for al-Hayya) differs only in ways the folding rules
# declare equivalent: it scores at least this, so a threshold above it means "exact spellings only".
FOLD_SCORE = 95.0


class _Found(NamedTuple):
    """A candidate mention before filtering: entity or issue index, span, score. (A tuple: the cheapest to build.)"""

    target: int
    start: int
    end: int
    score: float
    alias: Alias | None = None


class Matcher:
    """Finds entity and issue mentions (see the module docstring) and decides relevance."""

    def __init__(self, entities: EntitiesFile, issues: IssuesFile) -> None:
        entries, self._entities = entity_entries(entities)
        self._issues = [
            Tracked(i.id, i.context, patterns=tuple(re.compile(p) for p in i.patterns)) for i in issues.issues
        ]
        entries += [(p, IssueWord(n)) for n, i in enumerate(issues.issues) for p in (*i.keywords, *i.phrases)]
        # Every issue pattern searched in one pass, each match tagged with its issue's index.
        self._regexes = RegexSet([p for t in self._issues for p in t.patterns])
        self._regex_issues = [n for n, t in enumerate(self._issues) for _ in t.patterns]
        contexts = [t.context for t in (*self._entities, *self._issues)]
        entries += context_words(contexts, issues.relevance)
        patterns = [(Pattern.parse(phrase), value) for phrase, value in entries]
        self.vocabulary: list[tuple[Pattern, Value]] = patterns  # found by analyze.py with all the others
        self._fuzzy: FuzzyIndex[Alias] = FuzzyIndex(
            (p, v, self._entities[v.entity].threshold) for p, v in patterns if isinstance(v, Alias)
        )
        short, self._short_owner = short_forms(entities)
        # Searched where a short form's letters occur, not tried at every character of the text.
        self._short = RegexSet([short]) if short else None
        self.relevance = issues.relevance
        self._context, self._exclude = frozenset(issues.relevance.context), frozenset(issues.relevance.exclude)

    @classmethod
    def from_rules(cls, entities: EntitiesFile, issues: IssuesFile) -> Matcher:
        return cls(entities, issues)

    def find(self, scan: Scan) -> list[Match]:
        """Entity and issue mentions in the scanned text, each with its span in the text and score."""
        present = _phrases(scan)
        return self._entity_matches(scan, present) + self._issue_matches(scan, present)

    def in_period(self, scan: Scan, published: date | None) -> bool:
        """Not ruled out by `since` or `exclude`: the item may belong to the story."""
        rules = self.relevance
        if isinstance(published, datetime):
            published = published.date()
        if rules.since and published and published < rules.since:
            return False
        return not rules.exclude or self._exclude.isdisjoint(_phrases(scan))

    def is_relevant(self, scan: Scan, matches: Sequence[Match], published: date | None) -> bool:
        """Whether an item belongs to the story, by the `relevance` rules of issues.yaml (`any_figure` is
        decided by the Analyzer, which finds the figures)."""
        rules = self.relevance
        if not self.in_period(scan, published):
            return False
        if rules.any_issue and any(m.kind == "issue" for m in matches):
            return True
        entities = {m.id for m in matches if m.kind == "entity"}
        return len(entities) >= rules.min_entities and self.in_story(scan)

    def in_story(self, scan: Scan) -> bool:
        """Whether the item holds one of the story's context words (`relevance.context`), if there are any."""
        return not self.relevance.context or not self._context.isdisjoint(_phrases(scan))

    # --- entities --------------------------------------------------------------------------------

    def _entity_matches(self, scan: Scan, present: set[str]) -> list[Match]:
        found = self._alias_hits(scan) + self._near_hits(scan) + self._short_hits(scan)
        found = [f for f in found if f.alias is None or not f.alias.capitalised or scan.text[f.start].isupper()]
        found = self._without_other_bearers(scan, found)
        found = [f for f in found if self._in_context(scan, present, self._entities[f.target], f)]
        return _merged("entity", scan.text, self._entities, _longest_wins(found))

    def _alias_hits(self, scan: Scan) -> list[_Found]:
        found = []
        norms = scan.tokens.norms
        for hit in scan.hits_of(Alias):
            score = _exactness(hit.value, norms[hit.first : hit.last + 1])
            if score >= self._entities[hit.value.entity].threshold:
                found.append(_Found(hit.value.entity, hit.start, hit.end, score, hit.value))
        return found

    def _near_hits(self, scan: Scan) -> list[_Found]:
        near = self._fuzzy.find(scan.keys)
        return [_Found(n.value.entity, *scan.span(n.first, n.last), n.score, n.value) for n in near]

    def _short_hits(self, scan: Scan) -> list[_Found]:
        if self._short is None:
            return []
        owner = self._short_owner
        # An acronym is never distinctive: "ICC" names a cricket council as well as a court.
        return [
            _Found(owner[m.group()], m.start(), m.end(), 100.0, Alias(owner[m.group()], False, False, False))
            for m in self._short.matches(scan.text)[0]
        ]

    def _without_other_bearers(self, scan: Scan, found: list[_Found]) -> list[_Found]:
        """Mentions inside another bearer's name go; so do bare names where only another bearer is named."""
        others = [(h.value.entity, h.start, h.end) for h in scan.hits_of(Other)]
        if not others:
            return found  # most texts name no other bearer
        kept = [f for f in found if not any(e == f.target and s < f.end and f.start < t for e, s, t in others)]
        named = {f.target for f in kept if f.alias is None or f.alias.distinctive}
        return [f for f in kept if f.target in named or all(e != f.target for e, _, _ in others)]

    def _in_context(self, scan: Scan, present: set[str], target: Tracked, found: _Found) -> bool:
        """Whether a mention's context allows it; `present`: the rules' context words in the item."""
        if target.context is None:
            return True  # most entities
        needs = target.needs(found.alias)
        verdict = target.item_verdict(present, needs)
        if verdict is None:
            start, end = scan.sentence_around(found.start)
            verdict = not _has_any(scan, target.forbid_any, start, end)
            verdict = verdict and (not needs or _has_any(scan, target.require_any, start, end))
        return verdict

    # --- issues ----------------------------------------------------------------------------------

    def _issue_matches(self, scan: Scan, present: set[str]) -> list[Match]:
        found = [_Found(h.value.issue, h.start, h.end, 100.0) for h in scan.hits_of(IssueWord)]
        # Where the item's context words rule out every issue that has patterns (most items of a general feed),
        # the patterns are not searched.
        if any(t.item_verdict(present, t.needs(None)) is not False for t in self._issues if t.patterns):
            matched = zip(self._regex_issues, self._regexes.matches(scan.lowered), strict=True)
            # (One comprehension over every pattern's matches: most patterns have none.)
            found += [
                _Found(n, m.start(), m.end(), 100.0) for n, ms in matched for m in ms if scan.starts_word(m.start())
            ]
        found = [f for f in found if self._in_context(scan, present, self._issues[f.target], f)]
        return _merged("issue", scan.text, self._issues, found)


def _phrases(scan: Scan) -> set[str]:
    """The context words of the rules that occur in the scanned text."""
    return {hit.value.phrase for hit in scan.hits_of(ContextWord)}


def _has_any(scan: Scan, phrases: frozenset[str], start: int, end: int) -> bool:
    """Whether one of the context words `phrases` occurs within [start, end) of the scanned text."""
    return any(start <= h.start and h.end <= end and h.value.phrase in phrases for h in scan.hits_of(ContextWord))


def _exactness(alias: Alias, norms: list[str]) -> float:
    """100 when the text spells the alias as the rules do (after folding), else the transliteration score."""
    written = alias.written
    if alias.stem:
        exact = tuple(norms[:-1]) == written[:-1] and norms[-1].startswith(written[-1])
    else:
        exact = tuple(norms) == written
    return 100.0 if exact else max(FOLD_SCORE, fuzz.ratio(" ".join(written), " ".join(norms)))


def _longest_wins(found: list[_Found]) -> list[_Found]:
    """Where mentions of different entities overlap, keep the longer (then the better scored)."""
    if not _rivals_overlap(found):
        return found  # most texts: every mention stands alone, or overlaps only its own entity's
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, -f.score)):
        if not any(k.target != f.target and k.start < f.end and f.start < k.end for k in kept):
            kept.append(f)
    return kept


def _rivals_overlap(found: list[_Found]) -> bool:
    """Whether mentions of two different entities overlap. (In order of their starts, a mention that starts
    before the furthest end so far overlaps the mention that reaches it: the first one of another entity in a
    run of overlapping mentions overlaps one of the entity the run began with.)"""
    end, target = -1, -1
    for f in sorted(found, key=attrgetter("start")):
        if f.start >= end:
            target = f.target  # a new run of overlapping mentions
        elif f.target != target:
            return True
        end = max(end, f.end)
    return False


def _merged(
    kind: Literal["entity", "issue"], text: str, targets: Sequence[Tracked], found: list[_Found]
) -> list[Match]:
    """One Match per run of overlapping mentions of the same target, in text order."""
    merged: list[_Found] = []
    for f in sorted(found, key=attrgetter("target", "start")):
        last = merged[-1] if merged else None
        if last is not None and last.target == f.target and f.start < last.end:
            merged[-1] = _Found(f.target, last.start, max(last.end, f.end), max(last.score, f.score))
        else:
            merged.append(f)
    merged.sort(key=attrgetter("start", "end"))
    return [Match(kind, targets[f.target].id, text[f.start : f.end], f.start, f.end, f.score) for f in merged]
