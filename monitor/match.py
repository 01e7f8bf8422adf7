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
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from rapidfuzz import fuzz

from monitor.fuzzy import FuzzyIndex
from monitor.lexicon import Hit, Pattern, PhraseIndex
from monitor.matchrules import Alias, Cue, Other, Target, Value, Word, context_words, entity_entries, short_forms
from monitor.normalize import tokenize
from monitor.ruleset.schema import EntitiesFile, IssuesFile
from monitor.scan import Scan
from monitor.types import Match

# A match through the transliteration key (al-Hayyah for al-Hayya) differs only in ways the folding rules
# declare equivalent: it scores at least this, so a threshold above it means "exact spellings only".
FOLD_SCORE = 95.0


@dataclass(frozen=True, slots=True)
class _Found:
    """A candidate mention before filtering: entity or issue index, span, score."""

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
            Target(i.id, i.context, patterns=tuple(re.compile(p) for p in i.patterns)) for i in issues.issues
        ]
        entries += [(p, Cue(n)) for n, i in enumerate(issues.issues) for p in (*i.keywords, *i.phrases)]
        contexts = [t.context for t in (*self._entities, *self._issues)]
        entries += context_words(contexts, issues.relevance)
        self._phrases: PhraseIndex[Value] = PhraseIndex(entries)
        self._fuzzy: FuzzyIndex[Alias] = FuzzyIndex(
            (Pattern.parse(p), v, self._entities[v.entity].threshold) for p, v in entries if isinstance(v, Alias)
        )
        self._short, self._short_owner = short_forms(entities)
        self.relevance = issues.relevance
        # The last scan, one reference so that threads sharing the matcher never see half of an update.
        self._last: tuple[Scan, list[Hit[Value]]] | None = None

    @classmethod
    def from_rules(cls, entities: EntitiesFile, issues: IssuesFile) -> Matcher:
        return cls(entities, issues)

    def find(self, text: str) -> list[Match]:
        """Entity and issue mentions in `text`, each with its span in `text` and score."""
        scan, hits = self._scan(text)
        return self._entity_matches(scan, hits) + self._issue_matches(scan, hits)

    def in_period(self, text: str, published: date | None) -> bool:
        """Not ruled out by `since` or `exclude`: the item may belong to the story."""
        rules = self.relevance
        if isinstance(published, datetime):
            published = published.date()
        if rules.since and published and published < rules.since:
            return False
        scan, _ = self._scan(text)
        return not scan.has_any(rules.exclude)

    def is_relevant(self, text: str, matches: Sequence[Match], published: date | None) -> bool:
        """Whether an item belongs to the story, by the `relevance` rules of issues.yaml (`any_figure` is
        decided by the Analyzer, which finds the figures)."""
        rules = self.relevance
        if not self.in_period(text, published):
            return False
        scan, _ = self._scan(text)
        if rules.any_issue and any(m.kind == "issue" for m in matches):
            return True
        entities = {m.id for m in matches if m.kind == "entity"}
        return len(entities) >= rules.min_entities and (not rules.context or scan.has_any(rules.context))

    # --- scanning --------------------------------------------------------------------------------

    def _scan(self, text: str) -> tuple[Scan, list[Hit[Value]]]:
        """The text scanned once; `is_relevant` after `find` on the same text reuses it."""
        last = self._last
        if last is not None and last[0].text == text:
            return last
        tokens = tokenize(text)
        scan = Scan(text, tokens, self._phrases.text_keys(tokens))
        hits = self._phrases.find(scan.keys)
        for hit in hits:
            if isinstance(hit.value, Word):
                scan.add_word(hit.value.phrase, hit.first, hit.last)
        self._last = scan, hits
        return scan, hits

    # --- entities --------------------------------------------------------------------------------

    def _entity_matches(self, scan: Scan, hits: list[Hit[Value]]) -> list[Match]:
        found = self._alias_hits(scan, hits) + self._near_hits(scan) + self._short_hits(scan)
        found = [f for f in found if f.alias is None or not f.alias.capitalised or scan.text[f.start].isupper()]
        found = self._without_other_bearers(scan, hits, found)
        found = [f for f in found if self._in_context(scan, self._entities[f.target], f)]
        return _merged("entity", scan.text, self._entities, _longest_wins(found))

    def _alias_hits(self, scan: Scan, hits: list[Hit[Value]]) -> list[_Found]:
        found = []
        for hit in hits:
            if isinstance(hit.value, Alias):
                score = _exactness(hit.pattern, [t.norm for t in scan.tokens[hit.first : hit.last + 1]])
                if score >= self._entities[hit.value.entity].threshold:
                    found.append(_Found(hit.value.entity, *scan.span(hit.first, hit.last), score, hit.value))
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
            for m in self._short.finditer(scan.text)
        ]

    def _without_other_bearers(self, scan: Scan, hits: list[Hit[Value]], found: list[_Found]) -> list[_Found]:
        """Mentions inside another bearer's name go; so do bare names where only another bearer is named."""
        others = [(h.value.entity, *scan.span(h.first, h.last)) for h in hits if isinstance(h.value, Other)]
        kept = [f for f in found if not any(e == f.target and s < f.end and f.start < t for e, s, t in others)]
        named = {f.target for f in kept if f.alias is None or f.alias.distinctive}
        return [f for f in kept if f.target in named or all(e != f.target for e, _, _ in others)]

    def _in_context(self, scan: Scan, target: Target, found: _Found) -> bool:
        context = target.context
        if context is None:
            return True
        needs = context.require_any and (target.context_for_all or (found.alias and found.alias.ambiguous))
        if not needs and not scan.has_any(context.forbid_any):
            return True  # nothing to look for: spare the sentence split
        start, end = scan.region(found.start, context.scope)
        if needs and not scan.has_any(context.require_any, start, end):
            return False
        return not scan.has_any(context.forbid_any, start, end)

    # --- issues ----------------------------------------------------------------------------------

    def _issue_matches(self, scan: Scan, hits: list[Hit[Value]]) -> list[Match]:
        found = [_Found(h.value.issue, *scan.span(h.first, h.last), 100.0) for h in hits if isinstance(h.value, Cue)]
        for index, issue in enumerate(self._issues):
            matched = (m for p in issue.patterns for m in p.finditer(scan.lowered))
            found += [_Found(index, m.start(), m.end(), 100.0) for m in matched if scan.starts_word(m.start())]
        found = [f for f in found if self._in_context(scan, self._issues[f.target], f)]
        return _merged("issue", scan.text, self._issues, found)


def _exactness(pattern: Pattern, norms: list[str]) -> float:
    """100 when the text spells the phrase as the rules do (after folding), else the transliteration score."""
    head, last = list(pattern.norms[:-1]), pattern.norms[-1]
    if norms[:-1] == head and (norms[-1].startswith(last) if pattern.stem else norms[-1] == last):
        return 100.0
    return max(FOLD_SCORE, fuzz.ratio(" ".join(pattern.norms), " ".join(norms)))


def _longest_wins(found: list[_Found]) -> list[_Found]:
    """Where mentions of different entities overlap, keep the longer (then the better scored)."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start - f.end, -f.score)):
        if not any(k.target != f.target and k.start < f.end and f.start < k.end for k in kept):
            kept.append(f)
    return kept


def _merged(kind: Literal["entity", "issue"], text: str, targets: Sequence[Target], found: list[_Found]) -> list[Match]:
    """One Match per run of overlapping mentions of the same target, in text order."""
    merged: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.target, f.start)):
        last = merged[-1] if merged else None
        if last is not None and last.target == f.target and f.start < last.end:
            merged[-1] = _Found(f.target, last.start, max(last.end, f.end), max(last.score, f.score))
        else:
            merged.append(f)
    merged.sort(key=lambda f: (f.start, f.end))
    return [Match(kind, targets[f.target].id, text[f.start : f.end], f.start, f.end, f.score) for f in merged]
