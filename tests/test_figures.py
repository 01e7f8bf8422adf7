"""Figures: numbers attributed to the metrics of the rules by cue and scope, never by proximity alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from monitor.detect.figures.finder import FigureFinder
from monitor.ruleset.models.metrics import MetricsFile
from monitor.ruleset.packs import with_bundled_packs
from tests.support.scanning import scanned

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "rules" / "metrics.yaml"
ELECTION = Path(__file__).parent / "data" / "metrics" / "election.yaml"
UNITS = Path(__file__).parent / "data" / "metrics" / "units.yaml"


def finder(path: Path) -> FigureFinder:
    _, metrics = with_bundled_packs(metrics=MetricsFile.model_validate(yaml.safe_load(path.read_text("utf-8"))))
    return FigureFinder.from_rules(metrics)


@pytest.fixture(scope="module")
def seed() -> FigureFinder:
    return finder(SEED)


def figures(found: FigureFinder, text: str, lang: str | None = "en") -> set[tuple[str, float]]:
    return {(f.metric, f.value) for f in found.find(scanned(found, text), lang, [])}


# fmt: off
ATTRIBUTION = [
    # (id, text, lang, expected figures)
    ("toll and wounded",
     "Gaza's health ministry said the death toll had risen to 68,229, with 170,375 wounded.",
     "en", {("gaza_deaths_total", 68229), ("gaza_injured_total", 170375)}),
    ("cumulative toll reached", "The cumulative death toll has reached 70,112, the ministry said.",
     "en", {("gaza_deaths_total", 70112)}),
    ("killed including children", "At least 67,160 people, including 18,000 children, have been killed.",
     "en", {("children_killed", 18000), ("gaza_deaths_total", 67160)}),
    ("killed since the ceasefire",
     "The ministry said 241 people had been killed since the ceasefire took effect.",
     "en", {("deaths_since_ceasefire", 241)}),
    ("fronted since phrase", "Since the October 11 ceasefire, 405 people have been killed and 1,115 injured.",
     "en", {("deaths_since_ceasefire", 405), ("injured_since_ceasefire", 1115)}),
    ("headline with both", "Gaza ministry: 69,775 dead, 345 killed since the ceasefire",
     "en", {("deaths_since_ceasefire", 345), ("gaza_deaths_total", 69775)}),
    ("bodies recovered",
     "Since the truce, 345 were killed, 889 wounded and 588 bodies recovered from the rubble.",
     "en", {("bodies_recovered", 588), ("deaths_since_ceasefire", 345), ("injured_since_ceasefire", 889)}),
    ("living hostages released", "Hamas released all 20 living hostages on Monday.",
     "en", {("hostages_released", 20)}),
    ("prisoners freed", "Israel freed 1,968 Palestinian prisoners and detainees in exchange.",
     "en", {("prisoners_released", 1968)}),
    ("hostages alive", "Israel believes 20 of the hostages are alive and 26 dead.",
     "en", {("hostages_living_held", 20)}),
    ("bodies that handing over leaves", "Hamas has handed over the remains of 15 of the 28 deceased hostages, "
     "leaving 13 in Gaza.", "en", {("deceased_hostages_remaining", 13)}),
    ("bodies still in Gaza", "The bodies of four deceased hostages are still held in Gaza.",
     "en", {("deceased_hostages_remaining", 4)}),
    ("age in apposition", "That leaves one hostage, Ran Gvili, 24, whose body is still held in Gaza.",
     "en", {("deceased_hostages_remaining", 1)}),
    ("remaining bodies", "Hamas says it needs equipment to reach the remaining 19 under rubble.",
     "en", {("deceased_hostages_remaining", 19)}),
    ("poll", "A Channel 12 poll found 64% of Israelis favour ending the war.",
     "en", {("poll_end_war_pct", 64)}),
    ("poll in words", "Recent polls indicate that about 70 percent of Israelis now favor ending the war.",
     "en", {("poll_end_war_pct", 70)}),
    ("trucks a day", "About 600 aid trucks a day are entering Gaza, the UN said.",
     "en", {("aid_trucks", 600)}),
    ("elliptic rate", "UN records show only 6,545 trucks offloaded in the period, about 113 a day.",
     "en", {("aid_trucks", 113)}),
    ("famine", "More than half a million people in Gaza are facing famine, the IPC said.",
     "en", {("famine_population", 500000)}),
    ("es total", "El Ministerio de Salud de Gaza elevó a 68.643 el número de muertos.",
     "es", {("gaza_deaths_total", 68643)}),
    ("es since", "Sanidad cifró en 601 las víctimas mortales desde que comenzó la tregua.",
     "es", {("deaths_since_ceasefire", 601)}),
    ("es mil", "El balance total de la guerra ronda los 68 mil 858 muertos y 170 mil 664 heridos.",
     "es", {("gaza_deaths_total", 68858), ("gaza_injured_total", 170664)}),
    ("fr", "Le bilan s'élève à 68 229 morts selon le ministère de la Santé de Gaza.",
     "fr", {("gaza_deaths_total", 68229)}),
    ("it", "Sono 67.967 i morti a Gaza dall'inizio della guerra.",
     "it", {("gaza_deaths_total", 67967)}),
    ("de", "Im Gazastreifen wurden mehr als 68.000 Menschen getötet.",
     "de", {("gaza_deaths_total", 68000)}),
    ("ru", "Общее число погибших оценивается в 68,5 тыс., раненых — в 170,4 тыс.",
     "ru", {("gaza_deaths_total", 68500), ("gaza_injured_total", 170400)}),
    ("tr", "7 Ekim 2023'ten beri ölenlerin sayısı 69 bin 513'e, yaralıların sayısı 170 bin 745'e yükseldi.",
     "tr", {("gaza_deaths_total", 69513), ("gaza_injured_total", 170745)}),
    ("ar", "وذكرت الوزارة أن النيران الإسرائيلية أودت بحياة 354 فلسطينيًا منذ بدء الهدنة في 10 أكتوبر.",
     "ar", {("deaths_since_ceasefire", 354)}),
    ("toll passes", "Gaza death toll passes 70,000 as Israeli strikes continue",
     "en", {("gaza_deaths_total", 70000)}),
    ("killed and wounded since the war began",
     "The health ministry said at least 69,169 Palestinians had been killed and 170,685 wounded since the war began.",
     "en", {("gaza_deaths_total", 69169), ("gaza_injured_total", 170685)}),
    ("since the truce took effect",
     "Since the truce took effect on October 10, Israeli fire has killed 236 Palestinians and wounded 600.",
     "en", {("deaths_since_ceasefire", 236), ("injured_since_ceasefire", 600)}),
    ("hostages for prisoners",
     "The remaining 20 living hostages were freed on October 13 in exchange for nearly 2,000 Palestinian prisoners.",
     "en", {("hostages_released", 20), ("prisoners_released", 2000)}),
    ("released Palestinians", "Israel released 1,968 Palestinians, including 250 serving life sentences.",
     "en", {("prisoners_released", 1968)}),
    ("two releases", "Hamas freed the last 20 living hostages on Monday; Israel freed 1,968 prisoners.",
     "en", {("hostages_released", 20), ("prisoners_released", 1968)}),
    ("bodies still held", "Hamas still holds the bodies of 16 hostages, Israel says.",
     "en", {("deceased_hostages_remaining", 16)}),
    ("leaving bodies", "Israel received the remains of a hostage, leaving 13 bodies still in Gaza.",
     "en", {("deceased_hostages_remaining", 13)}),
    ("yet to return", "Hamas has yet to return the remains of 13 hostages.",
     "en", {("deceased_hostages_remaining", 13)}),
    ("alive among those held", "Trump said 59 hostages were still being held, including 24 believed alive.",
     "en", {("hostages_living_held", 24)}),
    ("alive in a list", "The 48 hostages include 20 believed to be alive.",
     "en", {("hostages_living_held", 20)}),
    ("survey",
     "A survey by the Israel Democracy Institute found that 62% of Israelis support ending the war.",
     "en", {("poll_end_war_pct", 62)}),
    ("rate headline", "UN: only 145 trucks a day are reaching Gaza.",
     "en", {("aid_trucks", 145)}),
    ("total after an increment",
     "The ministry said 46 bodies had been recovered since the ceasefire, bringing the total to 472.",
     "en", {("bodies_recovered", 472)}),
    ("children among the dead",
     "In all, 67,967 people have been killed, among them more than 20,000 children.",
     "en", {("children_killed", 20000), ("gaza_deaths_total", 67967)}),
    ("fr since", "Depuis l'entrée en vigueur du cessez-le-feu, 242 Palestiniens ont été tués.",
     "fr", {("deaths_since_ceasefire", 242)}),
    ("es since both",
     "Desde el inicio del alto el fuego, 211 palestinos han muerto y 597 han resultado heridos.",
     "es", {("deaths_since_ceasefire", 211), ("injured_since_ceasefire", 597)}),
    ("it both", "Secondo il ministero della Sanità di Gaza, i morti sono 68.643 e i feriti 170.655.",
     "it", {("gaza_deaths_total", 68643), ("gaza_injured_total", 170655)}),
    ("ru spaces", "Минздрав сектора Газа сообщил, что с начала войны погибли 68 527 человек.",
     "ru", {("gaza_deaths_total", 68527)}),
    ("tr verb", "Gazze'de 7 Ekim 2023'ten bu yana hayatını kaybedenlerin sayısı 68 bin 643'e yükseldi.",
     "tr", {("gaza_deaths_total", 68643)}),
    ("ministry risen to",
     "Gaza's Health Ministry says the number of Palestinians killed in the war has risen to 69,733.",
     "en", {("gaza_deaths_total", 69733)}),
    ("toll at more than",
     "The ministry's figures, which do not tell civilians from combatants, put the toll at more than 68,000.",
     "en", {("gaza_deaths_total", 68000)}),
    ("since began on Oct. 10",
     "At least 93 people have been killed by Israeli fire since the ceasefire began on Oct. 10, the ministry says.",
     "en", {("deaths_since_ceasefire", 93)}),
    ("killed and wounded since the truce",
     "Israeli forces have killed 357 Palestinians and wounded 903 since the truce, the ministry said on Monday.",
     "en", {("deaths_since_ceasefire", 357), ("injured_since_ceasefire", 903)}),
    ("retrieved since",
     "Rescue teams have retrieved 582 bodies from under the rubble since the ceasefire took effect.",
     "en", {("bodies_recovered", 582)}),
    ("leaving bodies still",
     "Hamas handed over the bodies of three hostages on Sunday, leaving eight still in Gaza.",
     "en", {("deceased_hostages_remaining", 8)}),
    ("twenty living released",
     "Twenty living hostages were released on Monday under the first phase of the deal.",
     "en", {("hostages_released", 20)}),
    ("around prisoners", "Israel freed around 1,950 Palestinian prisoners and detainees.",
     "en", {("prisoners_released", 1950)}),
    ("channel 12 poll",
     "According to a Channel 12 poll, 66 percent of Israelis back ending the war to bring the hostages home.",
     "en", {("poll_end_war_pct", 66)}),
    ("rate actually entering",
     "An average of 600 trucks per day should enter Gaza under the deal, but only about 145 have been entering daily.",
     "en", {("aid_trucks", 145)}),
    ("IPC projection",
     "The IPC estimates that 641,000 people will face catastrophic conditions by the end of September.",
     "en", {("famine_population", 641000)}),
    ("famine-like", "Some 470,000 people are enduring famine-like conditions, the IPC said.",
     "en", {("famine_population", 470000)}),
    ("half women and children",
     "The war has killed more than 64,000 Palestinians, about half of them women and children.",
     "en", {("gaza_deaths_total", 64000)}),
    ("UNICEF children", "At least 20,000 children have been killed in Gaza since October 2023, UNICEF says.",
     "en", {("children_killed", 20000)}),
    ("strike with children", "The strike killed 25 people, including 10 children, in Gaza City.",
     "en", {("children_killed", 10)}),
    ("es cifra", "La cifra de muertos en Gaza asciende a 69.182, según el Ministerio de Sanidad.",
     "es", {("gaza_deaths_total", 69182)}),
    ("fr day with children", "Les frappes israéliennes ont fait 104 morts en une journée, dont 46 enfants.",
     "fr", {("children_killed", 46)}),
    ("it bilancio", "Il bilancio delle vittime a Gaza è salito a 68.527 morti e 170.395 feriti.",
     "it", {("gaza_deaths_total", 68527), ("gaza_injured_total", 170395)}),
    ("ru since date",
     "По данным минздрава, с 10 октября, когда вступило в силу перемирие, погибли 241 человек.",
     "ru", {("deaths_since_ceasefire", 241)}),
    ("tr since date", "Ateşkesin başladığı 10 Ekim'den bu yana 242 Filistinli hayatını kaybetti.",
     "tr", {("deaths_since_ceasefire", 242)}),
    ("ar since", "ارتفع عدد الشهداء منذ بدء وقف إطلاق النار إلى 245 شهيدا",
     "ar", {("deaths_since_ceasefire", 245)}),
    ("bodies remain", "Five hostages' bodies remain in Gaza, Israel says.",
     "en", {("deceased_hostages_remaining", 5)}),
    ("figure the UN considers",
     "The health ministry said 68,229 people had been killed, a figure the UN considers reliable.",
     "en", {("gaza_deaths_total", 68229)}),
    ("zero living hostages", "The number of living hostages held in Gaza is now zero, Israeli officials said.",
     "en", {("hostages_living_held", 0)}),
    ("rose from zero", "Deaths since the ceasefire rose from zero to 12 in the first week.",
     "en", {("deaths_since_ceasefire", 12)}),
    ("fell to zero", "Aid trucks entering Gaza fell from 600 a day to zero after the crossings closed.",
     "en", {("aid_trucks", 0)}),
    ("he about thousands", "לפי משרד הבריאות בעזה, כ-70 אלף בני אדם נהרגו מאז תחילת המלחמה.",
     "he", {("gaza_deaths_total", 70000)}),
    ("he percent word", "לפי סקר חדש, 72 אחוזים מהישראלים תומכים בסיום המלחמה.",
     "he", {("poll_end_war_pct", 72)}),
    ("he last 24 hours", "מאז הפסקת האש נהרגו ב-24 השעות האחרונות 5 בני אדם.",
     "he", set()),
    ("ru genitive", "С начала перемирия погибли более трёхсот палестинцев.",
     "ru", {("deaths_since_ceasefire", 300)}),
    ("ru thousands in words", "Всего с начала войны погибли более семидесяти тысяч человек.",
     "ru", {("gaza_deaths_total", 70000)}),
    ("tr percent in words", "Ankete göre savaşın sona ermesini isteyen İsraillilerin oranı yüzde yetmiş.",
     "tr", {("poll_end_war_pct", 70)}),
    ("tr hundreds in words", "Ateşkesten bu yana iki yüz elli kişi hayatını kaybetti.",
     "tr", {("deaths_since_ceasefire", 250)}),
    ("tr ablative thousand", "Ateşkesten bu yana 2 binden fazla kişi yaralandı.",
     "tr", {("injured_since_ceasefire", 2000)}),
    ("the cause of deaths is no other quantity",
     "Gaza's health ministry said the death toll from Israeli strikes has risen to 67,194.",
     "en", {("gaza_deaths_total", 67194)}),
    ("another quantity nearer", "The border war has killed dozens and displaced more than 300,000 people.",
     "en", set()),
    ("another quantity in German", "Der Krieg hat 70.000 Menschen getötet und 90.000 Häuser zerstört.",
     "de", {("gaza_deaths_total", 70000)}),
    ("slashed date", "On 27/10/2025 Hamas freed 20 hostages held in Gaza.",
     "en", {("hostages_released", 20)}),
    ("the other answers of a poll",
     "In the poll, 66% of Israelis want an end to the war, 27% want to keep fighting and 7% are undecided.",
     "en", {("poll_end_war_pct", 66)}),
    ("instead of a number is a compared value", "Only 200 aid trucks a day enter Gaza instead of 600 a day.",
     "en", {("aid_trucks", 200)}),
    ("ru instead of", "Власти Газы: вместо 600 грузовиков в день въезжают лишь 200 грузовиков в день.",
     "ru", {("aid_trucks", 200)}),
    ("one state per item", "Some 200 aid trucks a day now enter Gaza; in the summer it was 500 trucks a day.",
     "en", {("aid_trucks", 200)}),
    ("the release of living hostages", "The ICRC facilitated the release of 20 living hostages on Monday.",
     "en", {("hostages_released", 20)}),
    ("a shared cue is not for a number whose noun is another metric's",
     "The ICRC facilitated the release of 20 living hostages and 1,808 detainees.",
     "en", {("hostages_released", 20)}),
    ("ar totals glued to and", "وارتفعت الحصيلة في غزة إلى 71,441 شهيدًا و171,329 إصابة.",
     "ar", {("gaza_deaths_total", 71441), ("gaza_injured_total", 171329)}),
    ("ar cues before their numbers, joined by a glued and",
     "وأفادت وزارة الصحة في غزة بأن عدد الشهداء منذ وقف إطلاق النار بلغ 451 والإصابات 1,251، مع انتشال 710 جثامين.",
     "ar", {("deaths_since_ceasefire", 451), ("injured_since_ceasefire", 1251), ("bodies_recovered", 710)}),
    ("a year that counts prisoners",
     "ХАМАС освободил 20 живых заложников, Израиль освободил 1968 палестинских заключённых.", "ru",
     {("hostages_released", 20), ("prisoners_released", 1968)}),
    ("tr Israeli captives are hostages", "Hamas, hayatta olan 20 İsrailli esiri serbest bıraktı.",
     "tr", {("hostages_released", 20)}),
    ("tr since the start of the truce", "Ateşkesin 10 Ekim'de başlamasından bu yana 526 kişi hayatını kaybetti.",
     "tr", {("deaths_since_ceasefire", 526)}),
    ("tr bodies that remain", "Gazze'de 7 esirin cenazesinin kaldığı tahmin ediliyor.",
     "tr", {("deceased_hostages_remaining", 7)}),
    ("a part of untracked kind",
     "Hamas handed 20 hostages to the Red Cross, among them three Argentines, who were released on Monday.",
     "en", {("hostages_released", 20)}),
    ("es a part of untracked kind",
     "Hamás dejó en libertad a 20 rehenes, entre ellos tres argentinos, que la Cruz Roja entregó a Israel.",
     "es", {("hostages_released", 20)}),
    ("fr a part of untracked kind", "Le Hamas a remis 20 otages, dont trois Argentins, qui ont été libérés lundi.",
     "fr", {("hostages_released", 20)}),
]
# fmt: on


@pytest.mark.parametrize(("text", "lang", "expected"), [c[1:] for c in ATTRIBUTION], ids=[c[0] for c in ATTRIBUTION])
def test_attributes_each_number_to_the_metric_its_cue_and_scope_name(
    seed: FigureFinder, text: str, lang: str, expected: set[tuple[str, float]]
) -> None:
    assert figures(seed, text, lang) == expected


NOT_FIGURES = [
    ("the hostages taken", "Troops recovered the remains of Ran Gvili, the last of the 251 hostages taken into Gaza."),
    ("remains returned", "Hamas returned the remains of four hostages on Monday."),
    ("hostages taken", "The October 7, 2023 attack killed about 1,200 people and saw 251 hostages taken."),
    ("age", "A 12-year-old boy was killed in Khan Younis, the ministry said."),
    (
        "money",
        "Rebuilding Gaza will cost $70 billion, the UN estimates, as the death toll tops 68,000 killed.",
    ),
    ("label", "The 20-point plan was unveiled on Sept. 29 and endorsed by Resolution 2803."),
    ("plan", "Under the plan, all hostages would be freed within 72 hours and 2,000 prisoners released."),
    ("period count", "Hospitals received 12 bodies and 40 injured in the past 24 hours, the ministry said."),
    (
        "enumeration of a period",
        "Hospitals received 17 bodies in 24 hours, three killed and 14 retrieved from rubble.",
    ),
    ("pledge", "Under the ceasefire Israel had pledged 600 truckloads a day."),
    ("trucks without a rate", "By COGAT's figures just over 25,700 trucks entered Gaza."),
    ("earlier value", "Two-thirds of Israelis want the war to end, up from 53% in the previous poll."),
    ("poll without its cue", "Some 65% of Israelis said freeing the hostages should come first."),
    ("famine deaths", "The famine has caused 463 deaths, including 157 children."),
    ("ratio", "Israel returns 15 Palestinian bodies for each hostage, the Red Cross said."),
    ("malnourished children", "More than 51,100 children under five are severely malnourished."),
    ("date and year", "Since 7 October 2023, when the war began, life in Gaza has changed."),
    ("violations", "Gaza authorities counted more than 1,600 Israeli violations in four months."),
    ("dead hostages handed back", "Hamas handed over two more dead captives on Friday."),
    (
        "deadliest day",
        "Israeli strikes killed 104 people on Tuesday, the deadliest day since the ceasefire began.",
    ),
    ("soldiers", "The army said 466 soldiers had been killed in Gaza since the ground offensive began."),
    ("trucks on one day", "Some 200 aid trucks entered Gaza on Sunday, far below the 600 a day agreed."),
    (
        "children at risk",
        "About 132,000 children under five are at risk of acute malnutrition, the IPC said.",
    ),
    ("past 24 hours", "Over the past 24 hours, 3 bodies were recovered and 2 people were killed."),
    (
        "October 7 attack",
        "Israel says 1,200 people were killed in the October 7 attack and 251 taken hostage.",
    ),
    ("earlier poll", "In a 2024 poll, 48% wanted the war to end."),
    ("future release", "Netanyahu said 20 hostages would come home within days."),
    (
        "plan release",
        "The plan calls for the release of 250 prisoners serving life sentences and 1,700 Gazans detained in the war.",
    ),
    ("returned of total", "The IDF said 4 of the 28 deceased hostages have been returned."),
    ("zero tolerance", "Katz said Israel has zero tolerance while hostages are still alive in Hamas tunnels."),
    ("ground zero", "Hamas still holds the bodies of hostages at ground zero of the war, Israel says."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FIGURES], ids=[c[0] for c in NOT_FIGURES])
def test_numbers_for_other_quantities_are_not_figures(seed: FigureFinder, text: str) -> None:
    found = figures(seed, text)
    assert found <= {("gaza_deaths_total", 68000)}  # the one real figure in the "money" case


def test_a_number_outside_the_range_of_its_cues_metrics_is_no_figure(seed: FigureFinder) -> None:
    assert figures(seed, "The death toll reached 3,000.") == set()
    assert figures(seed, "The death toll reached 68,000.") == {("gaza_deaths_total", 68000)}


SCOPE_IN_THE_SENTENCE = [
    ("required phrase absent", "Strikes have killed 241 people.", set()),
    (
        "required phrase in another sentence",
        "The ceasefire took effect on October 10. Strikes have killed 241 people.",
        set(),
    ),
    (
        "required phrase in the sentence",
        "Strikes have killed 241 people since the ceasefire took effect.",
        {("deaths_since_ceasefire", 241)},
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SCOPE_IN_THE_SENTENCE], ids=[c[0] for c in SCOPE_IN_THE_SENTENCE]
)
def test_a_metric_that_requires_a_phrase_needs_it_in_the_numbers_sentence(
    seed: FigureFinder, text: str, expected: set[tuple[str, float]]
) -> None:
    assert figures(seed, text) == expected


CUE_SHARING = [
    (
        "each number has a cue of its own",
        "Hamas freed 20 hostages and Israel freed 1,968 prisoners.",
        {("hostages_released", 20), ("prisoners_released", 1968)},
    ),
    # "children" is the nearest cue of both numbers: 18,000 takes it, and 67,160 the next nearest, "killed".
    (
        "two numbers want the same cue",
        "At least 67,160 people, including 18,000 children, have been killed.",
        {("children_killed", 18000), ("gaza_deaths_total", 67160)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CUE_SHARING], ids=[c[0] for c in CUE_SHARING])
def test_each_cue_explains_one_number_at_the_least_total_cost(
    seed: FigureFinder, text: str, expected: set[tuple[str, float]]
) -> None:
    assert figures(seed, text) == expected


def test_a_rounded_headline_figure_gives_way_to_the_precise_one() -> None:
    text = "Más de 600 gazatíes muertos desde el alto el fuego.\nSanidad cifró en 601 los muertos desde la tregua."
    assert figures(finder(SEED), text, "es") == {("deaths_since_ceasefire", 601)}


def test_a_figure_keeps_its_qualifier_words_and_sentence(seed: FigureFinder) -> None:
    text = "Talks resumed. Over 67,000 Palestinians have been killed in the two-year war."
    [figure] = seed.find(scanned(seed, text), "en", [])
    assert (figure.qualifier, figure.as_written, figure.sentence) == (
        "more_than",
        "Over 67,000",
        "Over 67,000 Palestinians have been killed in the two-year war.",
    )
    assert text[figure.start : figure.end] == "Over 67,000"


def test_one_figure_per_metric_and_value(seed: FigureFinder) -> None:
    text = "Gaza toll reaches 70,112.\nOverall, 70,112 people have been killed."
    assert [(f.metric, f.value) for f in seed.find(scanned(seed, text), "en", [])] == [("gaza_deaths_total", 70112)]


ELECTION_CASES = [
    ("poll share", "A new poll puts the Greens at 23% and Labour at 31%.", {("greens_pct", 23)}),
    ("turnout", "Turnout reached 71.4 percent, the electoral commission said.", {("turnout_pct", 71.4)}),
    ("seats", "The Greens won 12 seats, up from 8.", {("greens_seats", 12)}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ELECTION_CASES], ids=[c[0] for c in ELECTION_CASES])
def test_other_stories_need_only_other_rules(text: str, expected: set[tuple[str, float]]) -> None:
    assert figures(finder(ELECTION), text) == expected


UNIT_CASES = [
    # (id, text, lang, expected figures) with tests/data/metrics/units.yaml
    ("euros with a sign", "The EU agreed a €90 billion loan to Ukraine.", "en", {("eu_loan_eur", 90e9)}),
    ("euros in Spanish words", "La UE aprobó un préstamo de 140 mil millones de euros.", "es",
     {("eu_loan_eur", 140e9)}),
    ("dollars with a suffix", "Rebuilding Gaza will cost $1.2bn this year.", "en", {("reconstruction_usd", 1.2e9)}),
    ("the wrong currency", "The EU agreed a $90 billion loan to Ukraine.", "en", set()),
    ("money is no count", "The 28-point plan includes a €90 billion loan.", "en",
     {("plan_points", 28), ("eu_loan_eur", 90e9)}),
    ("a glued word that is no cue", "A 20-strong delegation discussed the points.", "en", set()),
]


@pytest.mark.parametrize(("text", "lang", "expected"), [c[1:] for c in UNIT_CASES], ids=[c[0] for c in UNIT_CASES])
def test_money_with_its_currency_and_compound_numbers(text: str, lang: str, expected: set[tuple[str, float]]) -> None:
    assert figures(finder(UNITS), text, lang) == expected
