"""Reading a number as a language writes it: digits in its locale format (digits), spelled numbers
(words, kinds), and the qualifier before it ("at least", "nearly": qualifiers); reader puts them together. Pure.

May import: text, types."""
