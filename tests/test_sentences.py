"""Sentences and clauses with spans into the original text."""

from __future__ import annotations

import pytest

from monitor.text.sentences import clauses, sentences

SPLITS = [
    # (id, text, sentences)
    ("full stops", "Talks resumed. Hamas agreed.", ["Talks resumed.", "Hamas agreed."]),
    ("initials", "U.S. envoy Steve Witkoff arrived.", ["U.S. envoy Steve Witkoff arrived."]),
    ("titles", "Gen. Smith and Lt. Col. Jones met Mr. Katz.", ["Gen. Smith and Lt. Col. Jones met Mr. Katz."]),
    (
        "month before a day",
        "Since Oct. 11 the toll rose. It is 70,117.",
        ["Since Oct. 11 the toll rose.", "It is 70,117."],
    ),
    ("sentence starting with a number", "The toll rose. 405 were killed.", ["The toll rose.", "405 were killed."]),
    ("question and exclamation", "Was it good? Yes! Fine.", ["Was it good?", "Yes!", "Fine."]),
    ("closing quote", 'He said "no." Then he left.', ['He said "no."', "Then he left."]),
    (
        "line break ends a title",
        "Gaza toll rises to 72,045\nThe ministry said so.",
        ["Gaza toll rises to 72,045", "The ministry said so."],
    ),
    ("cyrillic", "Погибли 93 человека. По данным минздрава.", ["Погибли 93 человека.", "По данным минздрава."]),
    ("accented capital", "Se firmó. Él dijo que sí.", ["Se firmó.", "Él dijo que sí."]),
    ("lower case goes on", "He left at 7 p.m. and came back.", ["He left at 7 p.m. and came back."]),
    ("a German ordinal date goes on", "Seit dem 10. Oktober wurden 366 getötet. Die Armee schwieg.",
     ["Seit dem 10. Oktober wurden 366 getötet.", "Die Armee schwieg."]),
    ("a German abbreviation goes on", "Sie erhält 90 Mrd. Euro. Das reicht.",
     ["Sie erhält 90 Mrd. Euro.", "Das reicht."]),
    ("a number at a sentence's end still ends it", "They killed 10. The army said.",
     ["They killed 10.", "The army said."]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_splits_sentences_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert [s.text for s in sentences(text)] == expected


def test_spans_point_into_the_text() -> None:
    text = "  Talks resumed.  Hamas agreed.  "
    assert [text[s.start : s.end] for s in sentences(text)] == ["Talks resumed.", "Hamas agreed."]


def test_clauses_split_at_semicolons_colons_dashes_and_but() -> None:
    text = "Gaza ministry: 69,775 dead; talks go on — slowly, but surely"
    [sentence] = sentences(text)
    assert [c.text for c in clauses(sentence)] == [
        "Gaza ministry:",
        "69,775 dead;",
        "talks go on —",
        "slowly,",
        "but surely",
    ]
