"""Text handling shared by every stage: HTML to plain text (html), folding and words (normalize), sentences
and clauses (sentences), the rules' phrase syntax (syntax), one phrase index (phrases) and one scan of an item
that every finder reads (scan). Pure.

May import: types only."""
