"""The language packs: one YAML file per language (`<ISO code>.yaml`), the product's knowledge of how news is
written in that language. A story's rules draw on every pack; a rules directory may add its own packs, or add
words to these, in a `languages/` folder of the same format (see monitor/ruleset/models/languages.py).

Each pack holds:
  stances       per stance (supports, accepts, demands, opposes, rejects, denies, conditions) its cues,
                connectives, obligations, predicates and refusals (what each does: the README's Rules reference)
  negation      words just before a cue that flip or cancel it
  speech_verbs  'X said ...': what follows is X's
  grammar       function words that tell who acts (pronouns, prepositions, titles, conjunctions, ...)
  families      named word families for metrics: what a number counts (killed, injured, released, ...), where
                it must or must not stand (hostages, daily, ...), and the phrases that make it no figure
                (short_period, per_unit, before_war, ...)
  earlier       right before a number, an earlier or compared value ('up from')

Data only: read by monitor.ruleset.loader.
"""
