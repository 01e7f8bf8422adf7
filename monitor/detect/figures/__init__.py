"""The figures a text reports for the tracked metrics: numbers read in the item's language, each given
to the metric whose cue and scope fit it. Pure.

finder (the FigureFinder), compiled (metrics.yaml as the finder reads it), segments (a sentence with its tagged
phrases), numbers/ (reading a number and its qualifier). May import: text, ruleset, types."""
