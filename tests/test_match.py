"""Entity and issue matching with the seed rules (rules/entities.yaml, rules/issues.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from monitor.detect.match.matcher import Matcher
from monitor.ruleset.models.entities import EntitiesFile
from monitor.ruleset.models.issues import IssuesFile
from monitor.types import Match
from tests.support.scanning import scanned

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    entities = EntitiesFile.model_validate(yaml.safe_load((RULES / "entities.yaml").read_text(encoding="utf-8")))
    issues = IssuesFile.model_validate(yaml.safe_load((RULES / "issues.yaml").read_text(encoding="utf-8")))
    return Matcher.from_rules(entities, issues)


def entity_ids(matcher: Matcher, text: str) -> set[str]:
    return {m.id for m in matcher.find(scanned(matcher, text)) if m.kind == "entity"}


def issue_ids(matcher: Matcher, text: str) -> set[str]:
    return {m.id for m in matcher.find(scanned(matcher, text)) if m.kind == "issue"}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Chief Hamas negotiator Khalil al-Hayya said the group was ready.", "al_hayya"),
        ("Khalil Al-Hayyah told Al Jazeera the war was over.", "al_hayya"),
        ("Khalil al Haya said mediators had given guarantees.", "al_hayya"),
        ("US envoy Steve Witkof arrived in Cairo.", "witkoff"),
        ("Envoy Steve Witkopf met the mediators.", "witkoff"),
        ("UN chief Antonio Gutteres welcomed the deal.", "guterres"),
        ("Qatar's prime minister Sheikh Mohammed bin Abdulrahman Al-Thani attended.", "al_thani"),
        ("The hostage deal, Benjamin Netanyhau said, would hold.", "netanyahu"),
        ("Turkish intelligence chief Ibrahim Kalin joined the talks.", "kalin"),
        ("Fawzi Barhum accused Israel of stalling.", "barhoum"),
    ],
    ids=[
        "listed",
        "final-h",
        "spaced-single-y",
        "one-f",
        "near-spelling",
        "double-t",
        "hyphenated-article",
        "transposed-letters",
        "dotless-i-dropped",
        "ou-as-u",
    ],
)
def test_spelling_variants_match_without_being_listed(matcher: Matcher, text: str, entity: str) -> None:
    assert entity in entity_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Netanyahu's office said the findings would be tested.", "netanyahu"),
        ("According to Gaza's Hamas-run health ministry, the toll rose.", "hamas"),
        ("The U.S.-brokered plan requires a technocratic committee.", "united_states"),
        ("A US-drafted resolution was put to the vote.", "united_states"),
        ("A Trump-led board will oversee Gaza.", "trump"),
        ("Israeli forces pulled back to the yellow line.", "israel"),
        ("The Qatari mediators met the delegation.", "qatar"),
        ("An Egyptian source told Asharq Al-Awsat of progress.", "egypt"),
    ],
    ids=[
        "possessive",
        "hyphen-run",
        "dotted-abbreviation",
        "hyphen-drafted",
        "hyphen-led",
        "demonym-plural",
        "demonym-adjective",
        "demonym-source",
    ],
)
def test_possessives_hyphenation_and_demonyms_are_mentions(matcher: Matcher, text: str, entity: str) -> None:
    assert entity in entity_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Singer Ayumi Hamasaki announced a tour.", "hamas"),
        ("The cause of the fire is still unknown.", "un"),
        ("Un accord a été trouvé entre les partis.", "un"),
        ("Permanent members must pay US$1 billion.", "united_states"),
        ("See developer.mozilla.org/en-US/docs for details.", "united_states"),
        ("He played his trump card at the last minute.", "trump"),
        ("Quality trumped quantity in the final vote.", "trump"),
        ("The minister praised a gallant effort by the rescuers.", "gallant"),
        ("Ein Kushnir-Ensemble spielte in Berlin.", "kushner"),
    ],
    ids=[
        "inside-a-longer-word",
        "acronym-inside-a-word",
        "capitalised-article",
        "currency-code",
        "locale-code",
        "idiom-lower-case",
        "verb",
        "adjective",
        "below-threshold",
    ],
)
def test_no_mention_where_only_the_letters_agree(matcher: Matcher, text: str, entity: str) -> None:
    assert entity not in entity_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("قالت حماس إنها سلمت جثث الرهائن", "hamas"),
        ("أعلن نتنياهو أن الحرب لن تنتهي", "netanyahu"),
        ("وقال نتنياهو للصحفيين", "netanyahu"),
        ("قصف إسرائيلي على غزة", "israel"),
        ("ראש הממשלה בנימין נתניהו קבע", "netanyahu"),
        ("נקמה של קושנר וויטקוף בנתניהו", "witkoff"),
        ("נקמה של קושנר וויטקוף בנתניהו", "netanyahu"),
        ("Удары ЦАХАЛ, по данным ХАМАС, продолжаются", "hamas"),
        ("Израиль и Египет договорились", "egypt"),
        ("Türkiye asker göndermeye hazır", "turkey"),
        ("İsrail'in saldırıları sürüyor", "israel"),
    ],
    ids=[
        "arabic",
        "arabic-name",
        "arabic-proclitic-wa",
        "arabic-demonym",
        "hebrew",
        "hebrew-proclitic-vav",
        "hebrew-proclitic-bet",
        "cyrillic-capitals",
        "cyrillic-inflected",
        "turkish",
        "turkish-suffix",
    ],
)
def test_names_match_in_any_script(matcher: Matcher, text: str, entity: str) -> None:
    assert entity in entity_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "entity", "mentioned"),
    [
        ("Thanksgiving Turkey Recipes: how to roast the perfect bird.", "turkey", False),
        ("Turkey's intelligence chief will attend the Cairo talks.", "turkey", True),
        ("Lebanon's health ministry said five people died.", "gaza_health_ministry", False),
        ("Gaza's health ministry said 104 people were killed.", "gaza_health_ministry", True),
        ("The Palestinian health ministry raised the toll.", "gaza_health_ministry", True),
        ("The planned international force in Gaza needs troops.", "isf", True),
        ("An international force patrols the Sinai.", "isf", False),
        ("The ICC fined the team after the T20 match.", "icc", False),
    ],
    ids=[
        "thanksgiving",
        "country",
        "another-health-ministry",
        "gaza-health-ministry",
        "palestinian-ministry",
        "ambiguous-alias-in-context",
        "ambiguous-alias-out-of-context",
        "cricket-council",
    ],
)
def test_context_decides_what_a_name_means(matcher: Matcher, text: str, entity: str, mentioned: bool) -> None:
    assert (entity in entity_ids(matcher, text)) is mentioned


@pytest.mark.parametrize(
    ("text", "entity", "mentioned"),
    [
        ("US ambassador to France Charles Kushner was summoned. Kushner declined to comment.", "kushner", False),
        ("Charles Kushner's son Jared Kushner presented a masterplan. Kushner said it would work.", "kushner", True),
        ("Qatar's emir, Sheikh Tamim bin Hamad Al Thani, condemned the violation.", "al_thani", False),
        ("Tamim bin Hamad Al Thani received the prime minister, Al Thani, in Doha.", "al_thani", False),
        ("Tamim bin Hamad Al Thani received Sheikh Mohammed bin Abdulrahman Al Thani.", "al_thani", True),
        ("Melania Trump opened the exhibition.", "trump", False),
        ("The International Cricket Council (ICC) fined the team.", "icc", False),
    ],
    ids=[
        "another-kushner-then-surname",
        "both-named",
        "the-emir",
        "the-emir-and-a-bare-surname",
        "the-emir-and-the-pm-in-full",
        "another-trump",
        "another-icc-acronym",
    ],
)
def test_another_bearer_of_the_name_is_not_a_mention(matcher: Matcher, text: str, entity: str, mentioned: bool) -> None:
    assert (entity in entity_ids(matcher, text)) is mentioned


def test_the_longer_of_two_overlapping_names_wins(matcher: Matcher) -> None:
    assert entity_ids(matcher, "Defence Minister Israel Katz ordered the army to prepare.") == {"katz"}


def test_the_longer_name_wins_over_any_mention_of_another_entity_it_overlaps() -> None:
    # "Peace Council" overlaps "Council Chamber"; "Board of Peace", where the run of overlapping mentions starts,
    # does not.
    matcher = Matcher.from_rules(
        EntitiesFile.model_validate(
            {
                "version": 1,
                "entities": [
                    {"id": "board", "name": "Board of Peace", "kind": "organisation", "aliases": ["Peace Council"]},
                    {"id": "chamber", "name": "Council Chamber", "kind": "place"},
                ],
            }
        ),
        IssuesFile.model_validate({"version": 1, "issues": []}),
    )
    found = matcher.find(scanned(matcher, "The Board of Peace Council Chamber opened."))
    assert [(m.id, m.text) for m in found] == [("board", "Board of Peace"), ("chamber", "Council Chamber")]


def test_overlapping_mentions_of_one_entity_merge(matcher: Matcher) -> None:
    text = "The International Committee of the Red Cross (ICRC) received the remains."
    assert [(m.id, m.text) for m in matcher.find(scanned(matcher, text)) if m.kind == "entity"] == [
        ("red_cross", "International Committee of the Red Cross"),
        ("red_cross", "ICRC"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Benjamin Netanyahu's office objected. Netanyahu later met Rubio.",
        "مصادر: نتنياهو يرفض. وقال ترامب إن الحرب انتهت",
        "Envoy Steve Witkopf and Khalil Al-Hayyah met in Doha.",
    ],
    ids=["latin", "arabic", "fuzzy-and-folded"],
)
def test_a_match_records_its_span_text_and_score(matcher: Matcher, text: str) -> None:
    matches = matcher.find(scanned(matcher, text))
    assert matches
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert 88 <= match.score <= 100


@pytest.mark.parametrize(
    ("text", "score"),
    [("Khalil al-Hayya", 100.0), ("Khalil al-Haya", 96.55), ("Khalil el-Hayya", 95.0), ("Steve Witkopf", 96.0)],
    ids=["as-listed", "folded", "folded-floor", "fuzzy"],
)
def test_the_score_says_how_close_the_spelling_is(matcher: Matcher, text: str, score: float) -> None:
    [match] = [m for m in matcher.find(scanned(matcher, text)) if m.kind == "entity"]
    assert match.score == pytest.approx(score, abs=0.01)


def _only(matches: list[Match], kind: str) -> list[Match]:
    return [m for m in matches if m.kind == kind]


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Hamas handed over the bodies of four hostages in Gaza.", "hostage_exchange"),
        ("The truce in Gaza held for a second day.", "ceasefire"),
        ("Two-thirds of Israelis say it is time to end the Gaza war.", "ceasefire"),
        ("Israel keeps Rafah shut and halves aid to Gaza.", "humanitarian_aid"),
        ("Netanyahu: the Gaza war is over only when Hamas is disarmed.", "disarmament"),
        ("A technocratic committee will run Gaza under the Board of Peace.", "governance"),
        ("Israeli forces pulled back to the yellow line in Gaza.", "withdrawal"),
        ("UNICEF says child malnutrition in Gaza remains shockingly high.", "famine"),
        ("تجاوزت حصيلة القتلى في غزة منذ بدء الهدنة", "ceasefire"),
        ("ישראל דורשת את השבת גופות החטופים מעזה", "hostage_exchange"),
    ],
    ids=[
        "hostages-stem",
        "truce",
        "end-the-war-pattern",
        "crossing-pattern",
        "disarm-stem",
        "governance",
        "pull-back",
        "malnutrition",
        "arabic-truce",
        "hebrew-hostages-with-article",
    ],
)
def test_issue_cues_find_what_an_item_is_about(matcher: Matcher, text: str, issue: str) -> None:
    assert issue in issue_ids(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thailand and Cambodia agree to a ceasefire and the release of 18 prisoners of war.",
        "Israeli strikes in Lebanon continued despite last year's ceasefire.",
    ],
    ids=["another-war", "another-front"],
)
def test_issues_need_the_story_in_the_item(matcher: Matcher, text: str) -> None:
    assert issue_ids(matcher, text) == set()


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        ("Gaza: the crossings open today.", {"crossings"}),
        ("The crossings open today.", set()),
        ("The crossings open today, and they will end the war.", {"war"}),
    ],
    ids=["in-context", "out-of-context", "another-issue-in-context"],
)
def test_an_issue_pattern_counts_where_its_context_does(text: str, issues: set[str]) -> None:
    rules = [
        {"id": "crossings", "label": "C", "patterns": [r"crossings?\s+open"], "context": {"require_any": ["Gaza"]}},
        {"id": "war", "label": "W", "patterns": [r"end\s+the\s+war"]},
    ]
    matcher = Matcher.from_rules(
        EntitiesFile.model_validate({"version": 1, "entities": []}),
        IssuesFile.model_validate({"version": 1, "issues": rules}),
    )
    assert {m.id for m in matcher.find(scanned(matcher, text))} == issues


def _single(entity: dict[str, object], issues: list[dict[str, object]] | None = None) -> Matcher:
    return Matcher.from_rules(
        EntitiesFile.model_validate({"version": 1, "entities": [entity]}),
        IssuesFile.model_validate({"version": 1, "issues": issues or []}),
    )


@pytest.mark.parametrize(
    ("threshold", "text", "mentioned"),
    [
        (88, "Khalil el-Hayya spoke.", True),
        (100, "Khalil el-Hayya spoke.", False),
        (100, "Khalil al-Hayya spoke.", True),
        (99, "Steve Witkopf spoke.", False),
    ],
    ids=["folded-passes-default", "folded-fails-exact-only", "exact-passes-exact-only", "fuzzy-below-threshold"],
)
def test_an_entity_threshold_bounds_how_far_a_spelling_may_stray(threshold: float, text: str, mentioned: bool) -> None:
    matcher = _single(
        {"id": "x", "name": "Khalil al-Hayya", "kind": "person", "aliases": ["Steve Witkoff"], "threshold": threshold}
    )
    assert bool(matcher.find(scanned(matcher, text))) is mentioned


@pytest.mark.parametrize(
    "text",
    [
        "Kahn Younis Hospital was hit.",
        "Khan Yunos Hospital was hit.",
        "Khan Younis Hospitl was hit.",
        "Khan Younis Hosspital was hit.",
        "Khan Younis Hsopital was hit.",
        "Khan Yunis Hosptal was hit.",
    ],
    ids=[
        "a-four-letter-word-differs",
        "a-middle-word-differs",
        "the-last-word-differs",
        "a-letter-added",
        "letters-swapped",
        "two-words-differ",
    ],
)
def test_a_near_spelling_is_found_whichever_word_differs(text: str) -> None:
    matcher = _single({"id": "x", "name": "Khan Younis Hospital", "kind": "place"})
    assert [m.id for m in matcher.find(scanned(matcher, text))] == ["x"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Khan Younis Hosptl was hit.", []),
        ("Khan Younis Hopsitla was hit.", []),
        ("Khan Younis Hospital, Younis Hopsitla.", ["Khan Younis Hospital"]),
    ],
    ids=["two-letters-dropped", "two-letters-moved", "beside-the-exact-spelling"],
)
def test_a_word_two_edits_away_is_no_near_spelling(text: str, found: list[str]) -> None:
    matcher = _single({"id": "x", "name": "Khan Younis Hospital", "kind": "place"})
    assert [m.text for m in matcher.find(scanned(matcher, text))] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Strikes near Hamad Hosptal.", [("hospital", "Hamad Hosptal")]),
        ("Strikes near Hamas Hosptal.", [("hospital", "Hamas Hosptal")]),
        ("Strikes near Hamas Hospital.", [("hamas", "Hamas")]),
    ],
    ids=["one-word-differs", "beside-a-misspelt-word", "alone"],
)
def test_a_word_spelled_as_another_alias_is_a_near_spelling_only_beside_a_misspelt_word(
    text: str, found: list[tuple[str, str]]
) -> None:
    matcher = Matcher.from_rules(
        EntitiesFile.model_validate(
            {
                "version": 1,
                "entities": [
                    {"id": "hospital", "name": "Hamad Hospital", "kind": "place"},
                    {"id": "hamas", "name": "Hamas", "kind": "organisation"},
                ],
            }
        ),
        IssuesFile.model_validate({"version": 1, "issues": []}),
    )
    assert [(m.id, m.text) for m in matcher.find(scanned(matcher, text))] == found


@pytest.mark.parametrize(
    ("scope", "mentioned"), [("sentence", False), ("item", True)], ids=["same-sentence", "whole-item"]
)
def test_context_scope_is_the_sentence_or_the_item(scope: str, mentioned: bool) -> None:
    matcher = _single(
        {
            "id": "x",
            "name": "health ministry",
            "kind": "organisation",
            "context": {"require_any": ["Gaza"], "scope": scope},
        }
    )
    assert (
        bool(matcher.find(scanned(matcher, "Strikes hit Gaza overnight. The health ministry counted the dead.")))
        is mentioned
    )


def test_a_capitalised_alias_needs_a_capital_but_a_lower_case_one_does_not() -> None:
    matcher = _single({"id": "x", "name": "Turkey", "kind": "place", "aliases": ["turkish"]})
    assert [m.text for m in matcher.find(scanned(matcher, "turkey and Turkish coffee in Turkey"))] == [
        "Turkish",
        "Turkey",
    ]
