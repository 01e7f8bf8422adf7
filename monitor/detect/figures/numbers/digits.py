"""Digit tokens read in a language's number format: "68.858", "68,5", "1,250 millones", "70 100", "٦٨٬٨٥٨". Pure.

`parse_digits` gives the value of a token that `numbers.NumberReader` found: which separator groups thousands and
which marks decimals depends on the item language (`base_language`) and on whether a scale word follows.
"""

from __future__ import annotations

from monitor.detect.figures.numbers import words
from monitor.text.normalize import base_language

# Arabic separators and the no-break and thin spaces, in the forms that `parse_digits` reads.
_SEPARATOR_FORMS = str.maketrans({0x066C: ",", 0x066B: ".", 0xA0: " ", 0x202F: " ", 0x2009: " "})
_DECIMAL_COMMA = words.DOT_GROUPING | words.SPACE_GROUPING  # the languages that write decimals with a comma


def parse_digits(token: str, lang: str | None, scaled: bool = False) -> float:
    """The value of a digit string, reading its separators the way `lang` writes numbers.

    A separator followed by exactly three digits groups thousands, since counts are whole numbers; only before
    a scale word ("1,250 millones") does the language's decimal mark decide.
    """
    token = token.translate(_SEPARATOR_FORMS)
    if " " in token:
        return float(token.replace(" ", "").replace(",", "."))
    separators = [c for c in token if c in ".,"]
    if not separators:
        return float(token)
    last = separators[-1]
    if len(set(separators)) == 2:
        return _join(token, decimal=last)
    if len(separators) > 1:
        return _join(token, decimal=None)
    after = len(token) - token.index(last) - 1
    if after != 3 or (scaled and last == _decimal_mark(lang)):
        return _join(token, decimal=last)
    return _join(token, decimal=None)


def _decimal_mark(lang: str | None) -> str:
    return "," if base_language(lang) in _DECIMAL_COMMA else "."


def _join(token: str, decimal: str | None) -> float:
    if decimal is None:
        return float(token.replace(",", "").replace(".", ""))
    grouping = "." if decimal == "," else ","
    return float(token.replace(grouping, "").replace(decimal, "."))
