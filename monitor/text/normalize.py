"""Unicode folding and word tokens with their spans in the original text. Pure.

Matching never compares raw strings. Text and rules pass through the same two steps:

1. `fold` makes spellings of the same word equal whatever the script: NFKD, combining marks
   dropped (diacritics, Hebrew points, Arabic harakat), case folded, Arabic letter variants unified
   (أ إ آ -> ا, ة -> ه, ى -> ي; hamza carriers ئ ؤ -> ي و), tatweel dropped, dotless ı -> i.
2. `translit_key` makes Latin transliterations of the same name equal: doubled letters collapse
   (Hayya -> Haya, Witkoff -> Witkof), a final h after a vowel goes (Hayyah -> Haya), ou -> u
   (Barhoum -> Barhum), ph -> f, q -> k, and the article el -> al.

Tokens keep their character span in the original text: that is the offset map back from the
normalised forms, so every match can point at what was written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# A word is a run of letters/digits (underscores too: rare in news, and one class is faster), plus any
# combining marks inside it (text may arrive decomposed).
# Apostrophes, hyphens and dots separate words: "Netanyahu's" -> netanyahu s, "U.S.-brokered" -> u s brokered.
_MARKS = r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORD = re.compile(rf"[\w{_MARKS}]+")
# Without a combining mark in the text, a word is a run of \w: the same words, found in two thirds of the time.
_MARK = re.compile(rf"[{_MARKS}]")
_PLAIN_WORD = re.compile(r"\w+")
_LETTER_VARIANTS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ـ": None, "ı": "i"}
)
_DOUBLED = re.compile(r"(\D)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_DIGRAPHS = (("ou", "u"), ("ph", "f"), ("q", "k"))
_ARTICLES = {"el": "al"}
# Hebrew and Arabic write conjunctions, prepositions and the article attached to the next word
# (ונתניהו "and Netanyahu", بغزة "in Gaza"). Longest first, so that وال is tried before و.
_ARABIC_PROCLITICS = ("وال", "بال", "فال", "كال", "وب", "ول", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_HEBREW_PROCLITICS = ("וה", "וב", "ול", "ומ", "וש", "שה", "שב", "של", "מה", "ו", "ה", "ב", "ל", "מ", "ש", "כ")
PROCLITICS = _ARABIC_PROCLITICS + _HEBREW_PROCLITICS
_SEMITIC = re.compile(r"[\u0590-\u06ff]")
SEMITIC_FROM = "\u0590"  # words that sort below this start in another script: no proclitic to look for
_ARABIC_FROM = "\u0600"  # Hebrew sorts below, Arabic from here: a proclitic and its word share a script


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of a text, as parallel lists: folded form, transliteration key and character span of each.

    (Lists rather than one object per word: an item has a hundred words, and building objects costs more
    than finding the words.)
    """

    norms: list[str]
    keys: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.norms)


def base_language(lang: str | None) -> str:
    """The language of an ISO code without its region ("pt-BR" -> "pt"); None is English."""
    return (lang or "en").split("-")[0].lower()


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Script-aware folding of one word (or phrase): same word, same result."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", bare.casefold().translate(_LETTER_VARIANTS))


@lru_cache(maxsize=1 << 16)
def translit_key(norm: str, stem: bool = False) -> str:
    """The transliteration key of a folded word. A stem (prefix) keeps its final h: it is not word-final."""
    if norm in _ARTICLES:
        return _ARTICLES[norm]
    key = _DOUBLED.sub(r"\1", norm)
    for written, spoken in _DIGRAPHS:
        key = key.replace(written, spoken)
    return key if stem else _FINAL_H.sub("", key)


class _Memo(dict[str, str]):
    """A function's results by argument, worked out on a miss (`__missing__`): a hit is a plain dict look-up,
    which `map` makes without a Python-level call. News vocabulary repeats, so nearly every word is a hit."""

    LIMIT = 1 << 17

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, argument: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        result = self[argument] = self._function(argument)
        return result


_NORMS = _Memo(fold)  # the folded form of each word seen
_KEYS = _Memo(translit_key)  # the key of each folded form seen


def tokenize(text: str) -> Tokens:
    """The words of `text` with their spans."""
    found = list((_WORD if _MARK.search(text) else _PLAIN_WORD).finditer(text))
    norms = list(map(_NORMS.__getitem__, map(re.Match.group, found)))
    if not all(norms):  # a lone combining mark folds to nothing: no word
        found = [match for match, norm in zip(found, norms, strict=True) if norm]
        norms = [norm for norm in norms if norm]
    # (map with the unbound methods: no Python-level call per word)
    starts, ends = list(map(re.Match.start, found)), list(map(re.Match.end, found))
    return Tokens(norms, list(map(_KEYS.__getitem__, norms)), starts, ends)


def words(phrase: str) -> list[str]:
    """The folded words of a rules phrase, in order."""
    return [norm for norm in (fold(w) for w in _WORD.findall(phrase)) if norm]


def is_semitic(word: str) -> bool:
    """Hebrew or Arabic script: the scripts whose words carry proclitics."""
    return bool(_SEMITIC.match(word))


def without_proclitic(key: str, known: frozenset[str], stems: tuple[str, ...]) -> str:
    """`key` with an attached proclitic removed when what remains is a word the rules know, else `key`."""
    if key in known or not is_semitic(key):
        return key
    for proclitic in PROCLITICS:
        rest = key[len(proclitic) :]
        attached = key.startswith(proclitic) and len(rest) >= 2 and _same_script(proclitic, rest)
        if attached and (rest in known or rest.startswith(stems)):
            return rest
    return key


def _same_script(proclitic: str, rest: str) -> bool:
    return (proclitic < _ARABIC_FROM) == (rest < _ARABIC_FROM)
