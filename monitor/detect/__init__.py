"""Detection: one item's text in, an Analysis out (analyze). Three finders read one scan of the text:
match (tracked entities and issues), figures (reported numbers of tracked metrics) and positions (actors'
stances on issues). Pure.

May import: text, ruleset, types. The three finders are independent of each other; none imports an I/O library."""
