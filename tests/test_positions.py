"""Position extraction, specified by tables of real-world phrasings run through the seed stances and the packs.

The entity and issue matches that PositionFinder receives are written out here (MENTIONS), so that each
case shows exactly what the finder starts from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from _pytest.mark import ParameterSet

from monitor.detect.analyze import Analyzer
from monitor.detect.positions.finder import PositionFinder
from monitor.ruleset.loader import load_rules
from monitor.ruleset.models.stances import StancesFile
from monitor.ruleset.packs import with_bundled_packs
from monitor.types import Match
from tests.support.scanning import scanned

SEED_STANCES = Path(__file__).parent.parent / "rules" / "stances.yaml"

# What the matcher would report: surface form -> (kind, id).
MENTIONS: dict[str, tuple[str, str]] = {
    "Hamas": ("entity", "hamas"),
    "Le Hamas": ("entity", "hamas"),
    "ХАМАС": ("entity", "hamas"),
    "حماس": ("entity", "hamas"),
    "Hamás": ("entity", "hamas"),
    "Netanyahu": ("entity", "netanyahu"),
    "Benjamin Netanyahu": ("entity", "netanyahu"),
    "Israel": ("entity", "israel"),
    "Israël": ("entity", "israel"),
    "Израиль": ("entity", "israel"),
    "Israeli": ("entity", "israel"),
    "Trump": ("entity", "trump"),
    "Fawzi Barhoum": ("entity", "barhoum"),
    "Guterres": ("entity", "guterres"),
    "Egypt": ("entity", "egypt"),
    "Egipto": ("entity", "egypt"),
    "Qatar": ("entity", "qatar"),
    "Ankara": ("entity", "turkey"),
    "Turkish": ("entity", "turkey"),
    "Türk": ("entity", "turkey"),
    "Netanjahu": ("entity", "netanyahu"),
    "US": ("entity", "united_states"),
    "disarm": ("issue", "disarmament"),
    "disarmament": ("issue", "disarmament"),
    "disarmed": ("issue", "disarmament"),
    "weapons": ("issue", "disarmament"),
    "désarmement": ("issue", "disarmament"),
    "разоружения": ("issue", "disarmament"),
    "نزع السلاح": ("issue", "disarmament"),
    "وقف إطلاق النار": ("issue", "ceasefire"),
    "famine": ("issue", "famine"),
    "ceasefire": ("issue", "ceasefire"),
    "truce": ("issue", "ceasefire"),
    "trêve": ("issue", "ceasefire"),
    "перемирие": ("issue", "ceasefire"),
    "ateşkesi": ("issue", "ceasefire"),
    "ateşkese": ("issue", "ceasefire"),
    "the war will end": ("issue", "ceasefire"),
    "alto el fuego": ("issue", "ceasefire"),
    "Rafah crossing": ("issue", "humanitarian_aid"),
    "aid": ("issue", "humanitarian_aid"),
    "stabilization force": ("issue", "governance"),
    "istikrar gücünde": ("issue", "governance"),
    "Entwaffnung": ("issue", "disarmament"),
    "Waffenruhe": ("issue", "ceasefire"),
    "forza di stabilizzazione": ("issue", "governance"),
    "Palestinian state": ("issue", "governance"),
    "hostages": ("issue", "hostage_exchange"),
    "otages": ("issue", "hostage_exchange"),
    "rehenes": ("issue", "hostage_exchange"),
    "hostage": ("issue", "hostage_exchange"),
    "retirada": ("issue", "withdrawal"),
    "withdraw": ("issue", "withdrawal"),
}
_MENTION = re.compile("|".join(rf"(?<!\w){re.escape(m)}(?!\w)" for m in sorted(MENTIONS, key=len, reverse=True)))


def mentions(text: str) -> list[Match]:
    found = []
    for hit in _MENTION.finditer(text):
        kind, id_ = MENTIONS[hit.group(0)]
        found.append(Match(kind, id_, hit.group(0), hit.start(), hit.end(), 100.0))  # type: ignore[arg-type]
    return found


@pytest.fixture(scope="module")
def finder() -> PositionFinder:
    stances, _ = with_bundled_packs(stances=StancesFile.model_validate(yaml.safe_load(SEED_STANCES.read_text())))
    return PositionFinder.from_rules(stances)


Expected = set[tuple[str, str, str]]
Case = tuple[str, str, Expected]  # (id, text, expected positions as (actor, issue, stance))


def cases(table: list[Case]) -> list[ParameterSet]:
    return [pytest.param(text, expected, id=case_id) for case_id, text, expected in table]


def check(finder: PositionFinder, text: str, expected: Expected) -> None:
    assert {(p.actor, p.issue, p.stance) for p in finder.find(scanned(finder, text), mentions(text))} == expected


SUBJECT_VERB_OBJECT: list[Case] = [
    ("rejects", "Hamas rejected any plan to disarm.", {("hamas", "disarmament", "rejects")}),
    ("denies", "Netanyahu has repeatedly denied that famine exists.", {("netanyahu", "famine", "denies")}),
    ("supports", "Guterres welcomed the agreement on a ceasefire.", {("guterres", "ceasefire", "supports")}),
    ("demands", "Egypt insists on two-way traffic at the Rafah crossing.", {("egypt", "humanitarian_aid", "demands")}),
    (
        "rules out",
        "Netanyahu rules out Turkish troops in the stabilization force.",
        {("netanyahu", "governance", "rejects")},
    ),
    (
        "predicate adjective",
        "Israel said Turkish troops are unacceptable for the stabilization force.",
        {("israel", "governance", "rejects")},
    ),
    (
        "predicate: the issues of its subject",
        "Hamas said the plan to disarm is out of the question.",
        {("hamas", "disarmament", "rejects")},
    ),
    (
        "subject, not the object before the cue",
        "Benjamin Netanyahu firmly opposes letting Turkish forces into the stabilization force.",
        {("netanyahu", "governance", "opposes")},
    ),
    ("prepositional object is not the subject", "Talks with Hamas rejected nothing about the truce.", set()),
    (
        "a cue right after a cue of the other polarity is its object, a noun",
        "Netanyahu rejected calls for a Palestinian state.",
        {("netanyahu", "governance", "rejects")},
    ),
    (
        "a cue after a preposition is a verb with its own object",
        "Hamas vowed to oppose disarmament.",
        {("hamas", "disarmament", "opposes")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(SUBJECT_VERB_OBJECT))
def test_actor_cue_and_issue_in_a_clause_make_a_position(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


WHO_ACTS: list[Case] = [
    (
        "title joins organisation to person",
        "Hamas official Fawzi Barhoum called for a permanent ceasefire.",
        {("barhoum", "ceasefire", "demands")},
    ),
    ("passive agent", "The plan to disarm was rejected by Hamas.", {("hamas", "disarmament", "rejects")}),
    (
        "coordinated actors",
        "Egypt and Qatar welcomed the truce.",
        {("egypt", "ceasefire", "supports"), ("qatar", "ceasefire", "supports")},
    ),
    (
        "object of the cue does not act",
        "Guterres urged Israel to allow aid into Gaza.",
        {("guterres", "humanitarian_aid", "demands")},
    ),
    (
        "pronoun continues the subject",
        "Netanyahu spoke on Sunday. He rejected a Palestinian state.",
        {("netanyahu", "governance", "rejects")},
    ),
    ("compound adjective is no actor", "The US-backed plan calls for disarmament.", set()),
    ("relative clause is background", "Hamas, which has resisted disarmament, freed two hostages.", set()),
    (
        "a relative clause that speaks gives its antecedent's words",
        "Qatar, which said it supports the truce, hosted the talks.",
        {("qatar", "ceasefire", "supports")},
    ),
    (
        "it: a relative clause that speaks gives its antecedent's words",
        "Ankara, che si è detta pronta a inviare truppe nella forza di stabilizzazione, accusa Israele.",
        {("turkey", "governance", "supports")},
    ),
    ("a relative clause that describes is background", "Qatar, which supports the truce, hosted the talks.", set()),
    ("the antecedent of a relative clause must be an actor", "Hamas met the mediators, who said they back aid.", set()),
    (
        "a subject after a coordinator starts its own clause",
        "Israel backed the truce while Hamas rejected disarmament.",
        {("israel", "ceasefire", "supports"), ("hamas", "disarmament", "rejects")},
    ),
    (
        "fr: a subject after 'et' starts its own clause",
        "Le Hamas rejette le désarmement et Israël se dit prêt à la trêve.",
        {("hamas", "disarmament", "rejects"), ("israel", "ceasefire", "supports")},
    ),
    (
        "ru: a subject after ', а' starts its own clause",
        "Израиль одобрил перемирие, а ХАМАС отверг план разоружения.",
        {("israel", "ceasefire", "accepts"), ("hamas", "disarmament", "rejects")},
    ),
    (
        "a comma closes a Turkish subject: it starts no list",
        "Netanyahu, Türk askerlerinin istikrar gücünde yer almasına karşı çıktı.",
        {("netanyahu", "governance", "opposes")},
    ),
    (
        "a comma list ends with a conjunction",
        "Egypt, Qatar, US and Israel welcomed the truce.",
        {(actor, "ceasefire", "supports") for actor in ("egypt", "qatar", "united_states", "israel")},
    ),
    (
        "an object after a coordinator is no subject",
        "Hamas met envoys from Egypt and Qatar and rejected disarmament.",
        {("hamas", "disarmament", "rejects")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(WHO_ACTS))
def test_the_actor_is_the_one_who_takes_the_stance(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


NEGATION: list[Case] = [
    ("did not reject cancels", "Hamas did not reject the plan to disarm.", set()),
    ("did not deny cancels", "Netanyahu did not deny that famine exists.", set()),
    ("refused to accept flips", "Israel refused to accept the truce.", {("israel", "ceasefire", "rejects")}),
    ("will not support flips", "Trump will not support a Palestinian state.", {("trump", "governance", "opposes")}),
    (
        "contracted negation",
        "Israel won't accept Turkish troops in the stabilization force.",
        {("israel", "governance", "rejects")},
    ),
    ("refusal of the act right after it", "Israel will not withdraw from Gaza.", {("israel", "withdrawal", "rejects")}),
    ("a refusal of another act", "Israel will not let the truce collapse.", set()),
    (
        "negation before a connective is the main verb's",
        "Hamas would not disarm until Israel leaves Gaza.",
        {("hamas", "disarmament", "conditions")},
    ),
    (
        "denying a violation is being for it",
        "Israel denied violating the truce.",
        {("israel", "ceasefire", "supports")},
    ),
    ("negation too far back", "Hamas did not say much but agreed to the truce.", {("hamas", "ceasefire", "accepts")}),
]


@pytest.mark.parametrize(("text", "expected"), cases(NEGATION))
def test_negation_flips_for_stances_and_cancels_others(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


REPORTED_SPEECH: list[Case] = [
    (
        "tracked speaker owns it",
        "Netanyahu said Israel will not accept a Palestinian state.",
        {("netanyahu", "governance", "rejects")},
    ),
    (
        "tracked speaker ascribing a stance to another: nobody's",
        "Netanyahu said Hamas rejects the plan to disarm.",
        set(),
    ),
    (
        "speaker speaks for the subject (rules speaks_for)",
        "Netanyahu said Israel's opposition to a Palestinian state has not changed.",
        {("netanyahu", "governance", "opposes")},
    ),
    (
        "pronoun in the reported words is the speaker",
        "Trump met Guterres, and Egypt said it would host aid talks.",
        {("egypt", "humanitarian_aid", "supports")},
    ),
    (
        "untracked speaker after a comma",
        "Israeli strikes hit Gaza, officials said, as the truce held pending the return of the hostages.",
        set(),
    ),
    (
        "predicate: the speaker judges",
        "Israel said Turkish troops are unacceptable for the stabilization force.",
        {("israel", "governance", "rejects")},
    ),
    (
        "untracked speaker: the subject's",
        "A Western diplomat said Hamas rejects the plan to disarm.",
        {("hamas", "disarmament", "rejects")},
    ),
    ("speaker about itself", "Hamas said it rejects any disarmament.", {("hamas", "disarmament", "rejects")}),
    (
        "speaker's own subject",
        "Hamas said Hamas would never accept disarmament.",
        {("hamas", "disarmament", "rejects")},
    ),
    (
        "addressee is not the subject",
        "Netanyahu told Israel's Channel 14 that he opposes a Palestinian state.",
        {("netanyahu", "governance", "opposes")},
    ),
    ("obligation is the speaker's demand", "Trump warned Hamas it must disarm.", {("trump", "disarmament", "demands")}),
    (
        "headline colon names the speaker",
        "Trump at Davos: Hamas must give up its weapons.",
        {("trump", "disarmament", "demands")},
    ),
    (
        "headline colon before words about one the speaker speaks for",
        'Netanyahu: "Israel will never accept a Palestinian state."',
        {("netanyahu", "governance", "rejects")},
    ),
    ("quoted words, then the speaker", '"We will not disarm," Hamas said.', {("hamas", "disarmament", "rejects")}),
    ("obligation without a speaker", "Hamas must disarm.", set()),
    (
        "trailing attribution: the speaker's",
        "Israel will not accept a Palestinian state, Netanyahu said on Sunday.",
        {("netanyahu", "governance", "rejects")},
    ),
    (
        "trailing attribution, inverted",
        "Israel will not accept a Palestinian state, said Netanyahu.",
        {("netanyahu", "governance", "rejects")},
    ),
    ("trailing attribution to another: nobody's", "Hamas rejects the plan to disarm, Netanyahu said.", set()),
    (
        "trailing untracked attribution: the subject's",
        "Hamas rejects the plan to disarm, officials said.",
        {("hamas", "disarmament", "rejects")},
    ),
    (
        "trailing obligation: the speaker's demand",
        "Hamas must disarm, Trump said.",
        {("trump", "disarmament", "demands")},
    ),
    (
        "media report, no side speaks",
        "Israeli media reported that Hamas rejected the plan to disarm.",
        {("hamas", "disarmament", "rejects")},
    ),
    (
        "trailing media report",
        "Hamas rejected the plan to disarm, Israel's Channel 12 reported.",
        {("hamas", "disarmament", "rejects")},
    ),
    (
        "coordinated speech verb shares the clause's subject",
        "Hamas welcomed the US plan but said disarmament is out of the question.",
        {("hamas", "disarmament", "rejects")},
    ),
    (
        "an institution of a speaker is the side they speak for",
        "Netanyahu's government rejected a Palestinian state.",
        {("israel", "governance", "rejects")},
    ),
]


PASSIVE_FUTURES: list[Case] = [
    (
        "a speaker's passive future is the speaker's intent",
        "Trump said Hamas will be disarmed.",
        {("trump", "disarmament", "supports")},
    ),
    (
        "the issue may be the passive's subject",
        "Netanyahu said the Rafah crossing would be opened on Sunday.",
        {("netanyahu", "humanitarian_aid", "supports")},
    ),
    (
        "a negated subject makes it opposition",
        "Netanyahu said no Palestinian state would be established.",
        {("netanyahu", "governance", "opposes")},
    ),
    ("es", "Trump dijo que los rehenes serán liberados.", {("trump", "hostage_exchange", "supports")}),
    ("without a speaker it is nobody's", "Hamas will be disarmed.", set()),
]


@pytest.mark.parametrize(("text", "expected"), cases(PASSIVE_FUTURES))
def test_a_passive_future_is_the_speakers_intent(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


@pytest.mark.parametrize(("text", "expected"), cases(REPORTED_SPEECH))
def test_reported_speech_counts_for_the_speaker(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


CONDITIONS: list[Case] = [
    (
        "the words of a condition are not the object of the cue before it",
        "Talks on the truce.\nHamas accepted the deal in return for aid.",
        {("hamas", "ceasefire", "accepts")},
    ),
    (
        "only when",
        "Netanyahu: the war will end only when Hamas is disarmed.",
        {("netanyahu", "ceasefire", "conditions")},
    ),
    (
        "only as part of",
        "Hamas would disarm only as part of a process leading to a Palestinian state.",
        {("hamas", "disarmament", "conditions")},
    ),
    (
        "until: the main clause's issue",
        "Israel will keep the Rafah crossing shut until every hostage is returned.",
        {("israel", "humanitarian_aid", "conditions")},
    ),
    ("open to", "Hamas is open to storing its weapons.", {("hamas", "disarmament", "conditions")}),
    (
        "must start with",
        "Hamas said any arrangement must start with a complete halt to the truce breaches.",
        {("hamas", "ceasefire", "conditions")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(CONDITIONS))
def test_conditional_stances(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


NO_POSITION: list[Case] = [
    ("cue without an issue", "Hamas rejected the accusation.", set()),
    ("issue without a cue", "Hamas and Israel discussed the truce.", set()),
    (
        "issue belongs to a later verb",
        "Hamas denied involvement in the gun attack and then delayed a planned handover of another hostage.",
        set(),
    ),
    (
        "issue before a plain cue belongs to an earlier verb",
        "Guterres discussed the truce and welcomed the news.",
        set(),
    ),
    ("issue after a circumstance", "The 600 trucks that Israel committed to under the ceasefire never came.", set()),
    (
        "issue after a circumstance, a few words on",
        "Hamas criticised the meeting amid what it called continuing truce violations.",
        set(),
    ),
    (
        "asking for clarifications takes no stance",
        "Hamas demanded clarifications on the timetable of the retirada.",
        set(),
    ),
    (
        "a denial is about what follows it closely",
        "Egypt denies a deal with Israel on opening the Rafah crossing.",
        set(),
    ),
    (
        "issue of the next coordinated verb",
        "Hamas accepted the plan and then called for the hostages' release.",
        {("hamas", "hostage_exchange", "demands")},
    ),
    ("issue after a comma belongs elsewhere", "Israel pledged to send 600 trucks, the minimum aid groups need.", set()),
    (
        "prepositional object of a coordination",
        "Trucks crossed between Gaza and Egypt, subject to checks on aid.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(NO_POSITION))
def test_no_position_without_actor_cue_and_issue(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


def test_a_condition_replaces_the_other_stances_of_its_sentence(finder: PositionFinder) -> None:
    text = "Israel rejected any withdraw unless the hostages are freed."
    check(finder, text, {("israel", "withdrawal", "conditions")})


def test_one_position_per_polarity_the_first(finder: PositionFinder) -> None:
    text = "Guterres urged Israel to allow aid into Gaza and welcomed the aid."
    assert [(p.stance, p.cue) for p in finder.find(scanned(finder, text), mentions(text))] == [("demands", "urged")]


REVERSALS: list[Case] = [
    (
        "condemning a suspension",
        "Egypt condemned the suspension of aid.",
        {("egypt", "humanitarian_aid", "supports")},
    ),
    (
        "a passive future that halts",
        "Netanyahu said aid would be halted.",
        {("netanyahu", "humanitarian_aid", "opposes")},
    ),
    (
        "condemning a violation",
        "Qatar condemned Israel's 'continued violation' of the truce.",
        {("qatar", "ceasefire", "supports")},
    ),
    (
        "accusing of derailing",
        "Hamas accused Israel of trying to derail the new round of truce talks.",
        {("hamas", "ceasefire", "supports")},
    ),
    (
        "blaming for delays",
        "Israel blamed Hamas for delays in returning the hostages.",
        {("israel", "hostage_exchange", "supports")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(REVERSALS))
def test_a_reversal_next_to_the_issue_flips_the_stance(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


EXCEPTIONS: list[Case] = [
    (
        "against X without Y: a condition on Y",
        "Netanyahu said a Palestinian state without disarmament is out of the question.",
        {("netanyahu", "governance", "rejects"), ("netanyahu", "disarmament", "conditions")},
    ),
    (
        "for X without Y: nothing on Y",
        "Israel accepted the truce without a retirada.",
        {("israel", "ceasefire", "accepts")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(EXCEPTIONS))
def test_an_exception_before_an_issue(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


COLON_LISTS: list[Case] = [
    (
        "a cue with no object before a colon takes every issue listed after it",
        "Fawzi Barhoum set out his priorities: a permanent ceasefire, unrestricted aid and hostages freed.",
        {("barhoum", i, "demands") for i in ("ceasefire", "humanitarian_aid", "hostage_exchange")},
    ),
    (
        "the object before a colon wins over the list that details it",
        "Hamas accepted the truce: aid flows and the hostages go home.",
        {("hamas", "ceasefire", "accepts")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), cases(COLON_LISTS))
def test_a_list_after_a_colon(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


GENERIC_NOUNS: list[Case] = [
    (
        "the issue of the item stands in for a generic object",
        "Mediators met on the truce.\nHamas accepted the deal on Sunday.",
        {("hamas", "ceasefire", "accepts")},
    ),
    (
        "the lead's issue that the latest sentence names again is the topic",
        "Rafah crossing to reopen once hostages are home.\nThe hostages and the Rafah crossing were on the agenda. "
        "Egypt welcomed the step.",
        {("egypt", "humanitarian_aid", "supports")},
    ),
    (
        "with nothing shared, the latest sentence's issue is the topic",
        "Talks on the truce.\nA stabilization force was then proposed. Egypt welcomed the proposal.",
        {("egypt", "governance", "supports")},
    ),
    (
        "a generic subject of a passive",
        "Warnings of famine grow.\nThe report was swiftly rejected by Israel.",
        {("israel", "famine", "rejects")},
    ),
    (
        "a generic subject of a predicate",
        "Talks on the truce.\nHamas said the plan is unacceptable.",
        {("hamas", "ceasefire", "rejects")},
    ),
    (
        "an issue named after the cue wins over the topic",
        "Talks on the truce.\nHamas accepted the deal on aid.",
        {("hamas", "humanitarian_aid", "accepts")},
    ),
    (
        "a generic noun far from the cue is another verb's object",
        "Talks on the truce.\nHamas urged the mediators to make sure the deal holds.",
        set(),
    ),
    ("no topic before the generic noun", "Hamas accepted the deal.", set()),
    (
        "es: a generic noun spelt like a speech verb is still a noun",
        "Habla sobre el alto el fuego.\nEgipto celebró el anuncio.",
        {("egypt", "ceasefire", "supports")},
    ),
    ("fr", "Trêve : les otages rentrent.\nLe Hamas a accepté l'accord.", {("hamas", "hostage_exchange", "accepts")}),
]


@pytest.mark.parametrize(("text", "expected"), cases(GENERIC_NOUNS))
def test_a_generic_noun_stands_for_the_topic_issue(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


OTHER_LANGUAGES: list[Case] = [
    ("fr", "Le Hamas rejette tout désarmement.", {("hamas", "disarmament", "rejects")}),
    (
        "fr pronoun after colon",
        "Le Hamas a répondu au plan : il accepte de rendre tous les otages.",
        {("hamas", "hostage_exchange", "accepts")},
    ),
    ("fr negation", "Le Hamas n'accepte pas le désarmement.", {("hamas", "disarmament", "rejects")}),
    ("es", "Israel rechaza la retirada de Gaza.", {("israel", "withdrawal", "rejects")}),
    ("es", "Hamás apoya el alto el fuego.", {("hamas", "ceasefire", "supports")}),
    ("ru", "ХАМАС отверг план разоружения.", {("hamas", "disarmament", "rejects")}),
    ("ar", "حماس ترفض نزع السلاح", {("hamas", "disarmament", "rejects")}),
    (
        "ar: a verb first that opens the last sentence",
        "Trump spoke.\nرفضت حماس نزع السلاح",
        {("hamas", "disarmament", "rejects")},
    ),
    ("ar: a noun of acceptance", "أعلنت حماس موافقتها على وقف إطلاق النار", {("hamas", "ceasefire", "accepts")}),
    (
        "de: a separable verb around its object",
        "Israel stimmte der Waffenruhe zu.",
        {("israel", "ceasefire", "accepts")},
    ),
    (
        "ar: the subject after a verb that opens the clause",
        "ورفضت حماس نزع السلاح",
        {("hamas", "disarmament", "rejects")},
    ),
]


VERB_FINAL: list[Case] = [
    ("tr: a verb at the end", "Hamas ateşkesi kabul etti.", {("hamas", "ceasefire", "accepts")}),
    (
        "tr: a negation inside the verb",
        "Hamas ateşkesi kabul etmeyeceğini söyledi.",
        {("hamas", "ceasefire", "rejects")},
    ),
    (
        "tr: not supporting is opposing",
        "Hamas ateşkesi desteklemediğini açıkladı.",
        {("hamas", "ceasefire", "opposes")},
    ),
    (
        "de: a negated adjective at the end",
        "Die Hamas ist zur Entwaffnung nicht bereit.",
        {("hamas", "disarmament", "opposes")},
    ),
    (
        "de: an infinitive at the end",
        "Netanjahu sagte, Israel werde der Waffenruhe niemals zustimmen.",
        {("netanyahu", "ceasefire", "rejects")},
    ),
    (
        "de: a negation closing the clause",
        "Die Hamas akzeptierte die Entwaffnung nicht.",
        {("hamas", "disarmament", "rejects")},
    ),
    ("tr: a negation closing the clause", "Hamas ateşkese hazır değil.", {("hamas", "ceasefire", "opposes")}),
    (
        "a negation closing another actor's clause",
        "Hamas accepted the truce and Israel did not.",
        {("hamas", "ceasefire", "accepts")},
    ),
    ("de: a participle at the end", "Israel hat der Waffenruhe zugestimmt.", {("israel", "ceasefire", "accepts")}),
]


@pytest.mark.parametrize(("text", "expected"), cases(VERB_FINAL))
def test_verb_final_predicates_take_the_issues_before_them(
    finder: PositionFinder, text: str, expected: Expected
) -> None:
    check(finder, text, expected)


@pytest.mark.parametrize(("text", "expected"), cases(OTHER_LANGUAGES))
def test_cues_in_the_languages_of_the_feeds(finder: PositionFinder, text: str, expected: Expected) -> None:
    check(finder, text, expected)


def test_a_position_carries_polarity_sentence_and_cue(finder: PositionFinder) -> None:
    text = "Talks resumed. Hamas rejected any plan to disarm."
    [position] = finder.find(scanned(finder, text), mentions(text))
    assert (position.polarity, position.sentence, position.cue) == (
        "against",
        "Hamas rejected any plan to disarm.",
        "rejected",
    )


CERTAINTY = [
    # (id, text, expected (actor, issue, stance, certain)): a doubtful stance is stored, never alerted on.
    ("an actor named in its clause", "Hamas rejected any plan to disarm.",
     {("hamas", "disarmament", "rejects", True)}),
    ("a pronoun's antecedent", "Hamas met the mediators in Cairo. It rejected any plan to disarm.",
     {("hamas", "disarmament", "rejects", False)}),
    ("a condition read from a linking clause", "Hamas will hand over its weapons only if Israel withdraw.",
     {("hamas", "disarmament", "conditions", False)}),
    ("both sides in one sentence: the first stands", "Hamas rejected disarmament but may accept disarmament later.",
     {("hamas", "disarmament", "rejects", False)}),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CERTAINTY])
def test_a_stance_that_rests_on_an_inference_is_doubtful(
    finder: PositionFinder, text: str, expected: set[tuple[str, str, str, bool]]
) -> None:
    found = finder.find(scanned(finder, text), mentions(text))
    assert {(p.actor, p.issue, p.stance, p.certain) for p in found} == expected


@pytest.fixture(scope="module")
def seed_analyzer() -> Analyzer:
    return Analyzer(load_rules(Path(__file__).parent.parent / "rules", {}))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("A Hamas official said the movement would not hand over its weapons in Gaza.", "en",
                     {("hamas", "disarmament", "rejects")}, id="the English article is no preposition"),
        pytest.param("A Hamas official said the movement would not hand over its weapons in Gaza.", None,
                     set(), id="in an item of no known language every pack's prepositions count"),
    ],
)
def test_an_items_own_language_says_which_words_are_prepositions(
    seed_analyzer: Analyzer, text: str, lang: str | None, expected: Expected
) -> None:
    analysis = seed_analyzer.analyze("", text, lang, None, only_relevant=False)
    assert {(p.actor, p.issue, p.stance) for p in analysis.positions} == expected
