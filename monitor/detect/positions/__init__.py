"""Actors' stated positions on issues: a stance cue (compiled from stances.yaml), the actor that takes it
(actors, subjects: reported speech, coordination, passives), the issue it is about (issues, topic), and what
cancels it (negation, questions). finder puts them together; marks locates every stance word in one pass. Pure.

May import: text, ruleset, types."""
