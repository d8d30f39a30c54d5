"""Find place-name spans in report text with the gazetteer itself.

Every run of up to ``MAX_TOKENS`` words that could be a name (capitalised in Latin and
Cyrillic script; any word in Arabic script) is folded with :mod:`geomentions.names` and
looked up in the gazetteer's key index; the longest match wins. Around each span the
report's phrasing is read: qualifiers ("eastern Aleppo", "the southern countryside of
Idlib", "10 km north of", "ريف دير الزور الشرقي", "в районе Пальмиры") and feature words
("Hmeymim airbase", "Idlib province"). Words that are far more often ordinary words than
places, month names, titles before person names and organisation names ("Jabhat
al-Nusra", "Hayat Tahrir al-Sham") are marked or masked so that resolution can judge them.

>>> from geomentions.gazetteer import Gazetteer
>>> [s.text for s in find_spans("Strikes hit eastern Aleppo and Tadmur.", Gazetteer.default())]
['Aleppo', 'Tadmur']
"""

from __future__ import annotations

import itertools
import os
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii

from . import budget
from .commonness import zipf
from .gazetteer import Gazetteer
from .lang import ar, en, ru
from .names import (
    ARTICLES,
    COUNTRY_ABBREVIATIONS,
    DIVISION_ABBREVIATIONS,
    FEATURE_WORDS,
    US_STATE_ABBREVIATIONS,
    arabic_spelling,
    feature_hint,
    fold_tokens,
    key_from_tokens,
    script_of,
    skeleton,
)

__all__ = ["Span", "find_spans", "MAX_TOKENS"]

MAX_TOKENS = 5
MIN_KEY = 3  # two-letter keys ("Al", "Ur") are words far more often than places

# Marks inside a word: apostrophes, and an ayn or hamza as transliterations write them
# ("Ta‘izz", "Ra’s", "Shuʿayb").
_TOKEN = re.compile(r"[^\W_]+(?:['‘’ʿʾ`][^\W_]+)*", re.UNICODE)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# Lowercase words that may sit inside a Latin name: "Deir ez-Zor", "Rio de Janeiro",
# "Democratic Republic of the Congo", "Port-au-Prince", "Bosnia and Herzegovina", the Persian
# and Urdu ezafe of "Mazar-e-Sharif" / "Mazar-i-Sharif" (a name is kept only when the
# gazetteer has it whole, and never ends in one of these).
_NAME_PARTICLES = ARTICLES | {"de", "del", "la", "le", "les", "du", "da", "di", "do", "dos",
                              "das", "van", "von", "der", "den", "bin", "ibn", "bni", "beni",
                              "of", "the", "and", "au", "aux", "en", "sur", "upon",
                              "e", "i"}  # fmt: skip
# Lowercase words that may end a name as its feature word: "Hmeymim air base".
_TRAILING_FEATURES = {"province", "governorate", "district", "airbase", "airport", "airfield", "mountains",
                      "air", "base", "camp", "crossing", "city", "town", "village", "subdistrict", "region",
                      "countryside", "municipality"}  # fmt: skip

# Words that may end a name in lowercase: feature words, and the Russian nouns of seas,
# straits and peninsulas ("Ормузский пролив").
_NAME_TAILS = frozenset(_TRAILING_FEATURES | ru.NAME_TAILS)

# Capitalised words after a place name that keep it a place ("Henderson County").
_GEO_GENERICS = _TRAILING_FEATURES | set(
    """county city street st road rd avenue ave boulevard
river lake park hall council airport university college school valley mountain mountains bay
island islands beach heights springs falls creek township parish state square bridge dam
museum hospital mosque church market gate old new""".split()
)
_LOCATIVE = en.NAME_PREPOSITIONS | ar.LOCATIVE | ru.LOCATIVE

# Organisations whose names contain place names; masked before matching.
_ORGANISATIONS = [
    r"Jabhat\s+(?:al|an)[-\s]Nusra", r"Jabhat\s+Fath\s+al[-\s]Sham", r"Hay['’]?at\s+Tahrir\s+al[-\s]Sham",
    r"Ahrar\s+al[-\s]Sham", r"Jaysh\s+al[-\s]Islam", r"Jaish\s+al[-\s](?:Islam|Fatah|Izza)",
    r"Islamic\s+State\s+(?:of|in)\s+Iraq\s+and\s+(?:Syria|the\s+Levant|al[-\s]Sham)",
    r"Islamic\s+State\s+of\s+Iraq", r"Free\s+Syrian\s+Army", r"Syrian\s+Arab\s+Army",
    r"Syrian\s+Democratic\s+Forces", r"Syrian\s+National\s+Army", r"Syrian\s+Observatory(?:\s+for\s+Human\s+Rights)?",
    r"Kurdistan\s+Workers['’]?\s+Party", r"Kurdistan\s+Regional\s+Government",
    r"Liwa\s+al[-\s]Quds", r"Fatemiyoun", r"Hezbollah", r"Ansar\s+Allah",
    r"UNITA(?!\w)",  # the Angolan movement, not Unity state (SS)
    r"Hamas(?!\w)", r"HAMAS(?!\w)", r"حماس", r"ХАМАС\w*", r"Хамас\w*",  # not Hamm or Hama
    r"Al[-\s]?Jazeera", r"قناة\s+الجزيرة", r"Аль-Джазир[аыеу]",  # the broadcaster, not the region
    r"(?<!\w)[A-Z]\w+\s+University",
    r"هيئة\s+تحرير\s+الشام", r"جبهة\s+النصرة", r"أحرار\s+الشام", r"جيش\s+الإسلام",
    r"قوات\s+سوريا\s+الديمقراطية", r"المرصد\s+السوري(?:\s+لحقوق\s+الإنسان)?",
    r"Джебхат\s+ан-Нусра", r"Хайят\s+Тахрир\s+аш-Шам", r"Сирийская\s+арабская\s+армия",
]  # fmt: skip
# A look-ahead on the possible first letters lets the scan skip most positions at once. A
# pattern that opens with a class and a repeat ("[A-Z]\w+ University") starts only where a word
# starts: tried inside a long word ("AleppoIdlib..." x 100,000) at every capital, its repeat
# would run to the word's end each time, which is quadratic.
_ORG_FIRST = "".join(sorted({p[0] for p in _ORGANISATIONS if p[0] != "["})) + "A-Z"
_ORG_RE = re.compile(f"(?=[{_ORG_FIRST}])(?:" + "|".join(f"(?:{p})" for p in _ORGANISATIONS) + ")")


# Words from the language data that fold onto places they are not (diseases, currencies,
# religious movements, "X Department of Y", weapon systems); masked like the organisations.
# The look-ahead holds every first letter the masks can start with, so the scan skips most
# positions at once.
def _alternation(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + ")"


# Weapon systems: a name, maybe with a model suffix ("Tochka-U", "Бук-М2"), in quotes in
# Russian ("РСЗО «Град»"); the Arabic and Russian nouns are masked with the name.
_WEAPON_MASKS = (
    rf"{_alternation(en.WEAPONS)}(?:-[\w-]+)?(?!\w)",
    rf"{_alternation(en.WEAPONS_BY_NOUN)}(?:-[\w-]+)?(?=\s+{_alternation(en.WEAPON_NOUNS)}(?!\w))",
    rf"{_alternation(ru.WEAPONS)}\w*(?:-[\w-]+)?",
    rf"{_alternation(ru.WEAPON_NOUNS)}\w*\s+«?{_alternation(ru.WEAPONS_BY_NOUN)}\w*(?:-[\w-]+)?»?",
    rf"(?:و?ال)?{_alternation(ar.WEAPON_NOUNS)}(?:\s+(?:ال)?مسير(?:ة|ات))?(?:\s+من)?(?:\s+طراز)?"
    rf"\s+(?:ال)?{_alternation(ar.WEAPONS_BY_NOUN)}(?!\w)",
)
# First letters: those of the language masks, by hand (Latin capitals; و ا إ ح ش ب ل م; the
# Cyrillic ones of either case, and Ч, Т), and those of the weapon words, from their lists.
_MASK_FIRST = (
    "A-Zواإحشبلم"
    + "ХхШшЭэСсАаБбДдЧТ"
    + "".join(sorted({w[0] for w in (*ru.WEAPONS, *ru.WEAPON_NOUNS, *ar.WEAPON_NOUNS)}))
)
_LANG_MASK_RE = re.compile(
    f"(?=[{_MASK_FIRST}])"
    r"(?<!\w)(?:"
    + "|".join(f"(?:{p})" for p in (*en.MASKS, *ar.MASKS, *ru.MASKS, *_WEAPON_MASKS))
    + ")"
)
_AGENCY_RE = re.compile(r"(?<!\w)(?:" + "|".join(en.AGENCY_MASKS) + ")")

# --- qualifiers ------------------------------------------------------------------------------
_DIR = (r"(?P<dir>north[-\s]?east|north[-\s]?west|south[-\s]?east|south[-\s]?west|north|south"
        r"|east|west|central)(?:ern)?")  # fmt: skip
_PART = (
    r"(?P<part>countryside|outskirts|suburbs?|vicinity|environs|part|parts|areas?|region|side|edge)"
)


def _qualifier_re(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + pattern)


# Qualifier patterns run on lowercased text (case-insensitive alternations are several times
# slower in ``re``) and start where a word starts: "midwest" holds no "west".
_EN_BEFORE = [
    # "10 km north of", "5 miles south-east of"
    _qualifier_re(rf"(?P<dist>\d+(?:\.\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi)\s+(?:to\s+the\s+)?{_DIR}\s+of\s+(?:the\s+)?(?:(?:city|town|village|province|governorate)\s+of\s+)?$"),
    # "the southern countryside of", "eastern outskirts of", "northern parts of"
    _qualifier_re(rf"(?:the\s+)?{_DIR}\s+{_PART}\s+of\s+(?:the\s+)?(?:(?:city|town|village|province|governorate)\s+of\s+)?$"),
    # "outskirts of", "countryside of", "the vicinity of"
    _qualifier_re(rf"(?:the\s+)?{_PART}\s+of\s+(?:the\s+)?(?:(?:city|town|village|province|governorate)\s+of\s+)?$"),
    # "north of", "east of"
    _qualifier_re(rf"(?:just\s+)?{_DIR}\s+of\s+(?:the\s+)?$"),
    # "eastern Aleppo", "north-western Syria"
    _qualifier_re(rf"{_DIR}\s+$"),
    _qualifier_re(r"(?P<near>near|close\s+to|outside|around|in\s+the\s+vicinity\s+of|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$"),
    _qualifier_re(r"(?P<feat>(?:the\s+)?(?:province|governorate|city|town|village|district)\s+of\s+)$"),
]  # fmt: skip
# Any word that can be part of an English qualifier, as a substring ("eastern", "parts",
# "kilometres"), and "mi" as a word: their presence decides whether to look closer.
_EN_CUES = ("north", "south", "east", "west", "central", "suburb", "vicinity", "environs", "part",
            "area", "region", "side", "edge", "near", "close", "around", "km", "kilomet",
            "mile", "outskirts")  # fmt: skip
_EN_MI = re.compile(r"\bmi\b")


def _cue_near(low: str, pos: int) -> bool:
    """Whether a cue of :data:`_EN_CUES` starts at or after ``pos`` in lowercased ``low``
    (substring tests in C: far cheaper than one regex alternation tried at every position)."""
    window = low[pos:] if pos > 0 else low
    for cue in _EN_CUES:
        if cue in window:
            return True
    return "mi" in window and _EN_MI.search(low, max(pos, 0)) is not None


def _cues_near(low_before: str, low_after: str) -> bool:
    """``_cue_near(low_before, len(low_before) - 45) or _cue_near(low_after, 0)``, with one
    pass over the cues for both windows (a span asks both but for a few)."""
    pos = len(low_before) - 45
    # No cue holds a NUL: none is found across the join.
    both = (low_before[pos:] if pos > 0 else low_before) + "\0" + low_after
    for cue in _EN_CUES:
        if cue in both:
            return True
    return "mi" in both and (
        _EN_MI.search(low_before, max(pos, 0)) is not None or _EN_MI.search(low_after) is not None
    )


#: How an _EN_BEFORE match can end (before its final whitespace); at most 7 letters.
_EN_LAST_WORD = re.compile(r"(?:of|the|to|near|outside|around|north|south|east|west|central|ern)\Z")
_EN_AFTER = [
    re.compile(rf"^['’]s\s+{_DIR}\s+{_PART}", re.I),  # "Idlib's southern countryside"
    re.compile(rf"^\s+{_PART}\b", re.I),  # "Hama countryside"
]
_AR_DIR = {"شرق": "east", "غرب": "west", "شمال": "north", "جنوب": "south"}
_AR_BEFORE = [
    re.compile(r"(?P<part>ريف|أطراف|ضواحي|محيط|قرب|بالقرب\s+من|شرقي|غربي|شمالي|جنوبي|شرق|غرب|شمال|جنوب)\s+(?:مدينة\s+|محافظة\s+|بلدة\s+|قرية\s+)?$"),
]  # fmt: skip
_AR_AFTER = re.compile(r"^\s+(?:ال)?(?P<dir>شرقي|غربي|شمالي|جنوبي)(?:ة)?")
_RU_DIR = {"север": "north", "юг": "south", "восто": "east", "запад": "west"}
_RU_BEFORE = [
    _qualifier_re(r"(?P<dist>\d+)\s*км\s+(?:к\s+)?(?P<dir>северу|югу|востоку|западу|северо-востоку|северо-западу|юго-востоку|юго-западу)\s+от\s+$"),
    _qualifier_re(r"(?P<dir>северн|южн|восточн|западн)\w*\s+(?:част\w*|окраин\w*|пригород\w*|район\w*)\s+(?:города\s+|провинции\s+)?$"),
    _qualifier_re(r"(?:к\s+)?(?P<dir>северу|югу|востоку|западу)\s+от\s+$"),
    _qualifier_re(r"(?P<part>окрестност\w*|окраин\w*|пригород\w*|близ|около|недалеко\s+от|вблизи|под)\s+(?:города\s+)?$"),
    _qualifier_re(r"(?P<area>в\s+районе|в\s+районах|районе|районах)\s+(?:населённого\s+пункта\s+|населенного\s+пункта\s+|города\s+)?$"),
]  # fmt: skip


@dataclass(frozen=True)
class Span:
    """A candidate place name in a text, with the phrasing around it."""

    start: int
    end: int
    text: str
    #: Gazetteer keys the span may stand for, most literal first (an inflected Russian word
    #: or an Arabic word with a clitic has several readings; resolution picks one).
    keys: tuple[str, ...]
    script: str
    #: Feature type the words ask for ("admin", "airbase", "camp", "city", "district").
    feature_hint: str | None = None
    #: Qualifier as written ("eastern", "southern countryside", "10 km north of", "near").
    qualifier: str | None = None
    #: Compass direction of the qualifier, if any ("north", "south-east", ...).
    direction: str | None = None
    #: Distance of "10 km north of"-style offsets.
    offset_km: float | None = None
    #: How common the span is as an ordinary word (Zipf scale, :mod:`geomentions.commonness`).
    commonness: float = 0.0
    #: The same for its folded form ("Côte" -> "cote"), which is how it reached the gazetteer.
    folded_commonness: float = 0.0
    #: Preceded by a locative word ("in", "near", "في", "в").
    locative: bool = False
    #: First word of a sentence (capitalisation says nothing there).
    sentence_initial: bool = False
    #: The word before the span (lowercase, a title's period dropped; "" across punctuation),
    #: the word before that, and the word after it ("" across punctuation other than a comma).
    before: str = ""
    before2: str = ""
    after: str = ""
    #: A capitalised word glued before / after that is not part of the name ("George Bush").
    cap_before: bool = False
    cap_after: bool = False
    #: A capitalised given name right before it, even opening a sentence ("Mary Jordan").
    given_name_before: bool = False
    #: An all-capitals span in a text that is mostly upper case (a headline or telex):
    #: caps say nothing there.
    shouting: bool = False
    #: The span's line is in title case ("Shelling Hits Aleppo As Talks Stall"): a headline,
    #: where a capitalised word beside a name is no sign of a longer name.
    headline: bool = False
    #: The span's line is all capitals in a text that is not ("DAILY UPDATE"): a heading.
    caps_line: bool = False
    #: The capitalised words right after the span, lowercase, at most four ("public library").
    after_caps: tuple[str, ...] = ()
    #: ", " or " in " (with a compass word: "in south") follows: a container may come next.
    container_after: bool = False
    #: A capitalised word and a comma come right before it ("Houston, Texas"): the second
    #: name of a pair, so "said" after it ends an apposition, not a speaker's name.
    after_name_comma: bool = False
    #: What the words are: a place's "name" as the gazetteer has it, an "abbreviation"
    #: ("PRC", "США"), a "demonym" ("Libyan", "Sri Lankans") or a "bloc" ("EU"): the last two
    #: name a country or region but no place on the map; a "variant": a name in a place slot
    #: the gazetteer lacks under its key, which may be another spelling of a similar name.
    kind: str = "name"
    #: The name an abbreviation, demonym or bloc stands for ("China", "Libya", "Europe").
    stands_for: str = ""

    # Written out, not generated by @dataclass: compiled (geomentions/_native.py), this
    # __init__ is C that stores each field (about 0.3 µs); the generated one is Python that
    # sets 26 fields one object.__setattr__ at a time (about 6 µs), and a report makes
    # hundreds of candidate spans. Same names, order and defaults as the fields above
    # (tests/test_recognition_spans.py checks).
    def __init__(
        self, start: int, end: int, text: str, keys: tuple[str, ...], script: str,
        feature_hint: str | None = None, qualifier: str | None = None,
        direction: str | None = None, offset_km: float | None = None, commonness: float = 0.0,
        folded_commonness: float = 0.0, locative: bool = False, sentence_initial: bool = False,
        before: str = "", before2: str = "", after: str = "", cap_before: bool = False,
        cap_after: bool = False, given_name_before: bool = False, shouting: bool = False,
        headline: bool = False, caps_line: bool = False, after_caps: tuple[str, ...] = (),
        container_after: bool = False, after_name_comma: bool = False, kind: str = "name",
        stands_for: str = "",
    ) -> None:  # fmt: skip
        # Frozen: object.__setattr__ is how a dataclass's own __init__ sets the fields.
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "script", script)
        object.__setattr__(self, "feature_hint", feature_hint)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "direction", direction)
        object.__setattr__(self, "offset_km", offset_km)
        object.__setattr__(self, "commonness", commonness)
        object.__setattr__(self, "folded_commonness", folded_commonness)
        object.__setattr__(self, "locative", locative)
        object.__setattr__(self, "sentence_initial", sentence_initial)
        object.__setattr__(self, "before", before)
        object.__setattr__(self, "before2", before2)
        object.__setattr__(self, "after", after)
        object.__setattr__(self, "cap_before", cap_before)
        object.__setattr__(self, "cap_after", cap_after)
        object.__setattr__(self, "given_name_before", given_name_before)
        object.__setattr__(self, "shouting", shouting)
        object.__setattr__(self, "headline", headline)
        object.__setattr__(self, "caps_line", caps_line)
        object.__setattr__(self, "after_caps", after_caps)
        object.__setattr__(self, "container_after", container_after)
        object.__setattr__(self, "after_name_comma", after_name_comma)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "stands_for", stands_for)

    @property
    def key(self) -> str:
        return self.keys[0]


class _Token(NamedTuple):
    """One word (a tuple: a report has thousands of them, and tuples are cheap to make)."""

    start: int
    end: int
    text: str
    script: str
    cap: bool
    lower: str


@lru_cache(maxsize=200_000)  # the same words recur: judge each once
def _word(w: str) -> tuple[str, str, bool, str]:
    """(word without a possessive 's, script, capitalised, lowercase) of a matched word."""
    if len(w) > 3 and w[-2] in "'’" and w[-1] in "sS":
        w = w[:-2]  # possessive: "Hawaii's" is Hawaii
    # Most tokens are plain ASCII words: skip the script scan for them.
    script = "latin" if w.isascii() else script_of(w)
    # "d'Ivoire", "l'Aquila": an elided article before a capital.
    cap = (
        w[0].isupper() or (len(w) > 2 and w[1] in "'’" and w[2].isupper())
        if script != "arabic"
        else True
    )
    return w, script, cap, w.lower()


def _tokens_py(text: str) -> list[_Token]:
    # split() gives gap, word, gap, word, ..., gap: positions follow from the lengths, which
    # is faster than asking each match object for them.
    parts = _TOKEN_SPLIT.split(text)
    out: list[_Token] = []
    append, make, word = out.append, tuple.__new__, _word
    pos = len(parts[0])
    rest = iter(parts[1:])
    for found, gap in zip(rest, rest, strict=True):
        w = word(found)
        append(make(_Token, (pos, pos + len(w[0]), *w)))  # no Python-level __new__ call
        pos += len(found) + len(gap)
    return out


@lru_cache(maxsize=200_000)  # the same words recur: look each up once
def _zipf(word: str, lang: str) -> float:
    return zipf(word, lang)


@lru_cache(maxsize=200_000)
def _fold_first(word: str) -> tuple[str, ...]:
    return tuple(fold_tokens(word))


@lru_cache(maxsize=200_000)
def _fold_later(word: str) -> tuple[str, ...]:
    # As a later word of a name, a glued article splits off (Deir Ezzor -> ez + zor).
    return tuple(fold_tokens("x " + word)[1:])


_RU_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ах", "ях",
               "ов", "ев", "ию", "ии", "ью", "а", "я", "ы", "и", "у", "ю", "е")  # fmt: skip
_AR_CLITICS = ("وب", "ول", "وال", "و", "ب", "ل", "ف", "ك")
#: An Arabic word this common is that word, not a clitic and a name: "وصلت" ("arrived",
#: Zipf 5.05) is not "و" + "صلت" (As Salt); "وسوريا" (4.34) and "بحلب" (3.66) are split.
_AR_WORD_ZIPF = 4.5


@lru_cache(maxsize=100_000)
def inflection_variants(word: str, script: str) -> tuple[str, ...]:
    """Base forms to try when an inflected word is not found (Russian cases, Arabic clitics)."""
    out: list[str] = []
    if script == "cyrillic":
        low = word
        for end in _RU_ENDINGS:
            if low.lower().endswith(end) and len(low) - len(end) >= 3:
                stem = low[: -len(end)]
                out.extend([stem, stem + "а", stem + "ия" if end in ("ии", "ию") else stem + "я"])
        out.extend([word[:-1] + "а"] if len(word) > 4 else [])
    elif script == "arabic" and zipf(word, "ar") < _AR_WORD_ZIPF:
        for clitic in _AR_CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                out.append(word[len(clitic) :])
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=100_000)
def foreign_sounds(word: str) -> tuple[str, ...]:
    """An Arabic word respelled with the letters of sounds Arabic lacks (ar.FOREIGN_SOUNDS):
    a foreign name's p, v and g are often written ب, ف and ج ("خاركيف" Kharkiv)."""
    present = [(a, b) for a, b in ar.FOREIGN_SOUNDS.items() if a in word]
    out = []
    for n in range(1, len(present) + 1):
        for chosen in itertools.combinations(present, n):
            table: dict[str, str | int | None] = dict(chosen)
            out.append(word.translate(str.maketrans(table)))
    return tuple(out)


#: An ayn or hamza written before a romanised name ("the village of ‘Aqrab", "near 'Ibta"):
#: no part of the name's token, and no end of the words before it either.
_AYN_MARKS = "‘'ʿʾ`’"


def _qualifier(
    text: str, start: int, end: int, script: str
) -> tuple[str | None, str | None, float | None]:
    """(qualifier as written, direction, offset km) from the words around a span."""
    before = text[max(0, start - 80) : start].rstrip(_AYN_MARKS)
    after = text[end : end + 40]
    # The Latin and Cyrillic patterns read lowercased text; what they match is cut from the
    # original, so the qualifier keeps its case.
    low = _lower(before) if script != "arabic" else before
    if script == "latin" and not _cues_near(low, _lower(after[:30])):
        return None, None, None  # no qualifier word nearby: skip the patterns
    if script == "arabic":
        m = _AR_AFTER.match(after)
        direction = None
        if m:
            direction = {"شرقي": "east", "غربي": "west", "شمالي": "north", "جنوبي": "south"}[
                m["dir"]
            ]
        for rx in _AR_BEFORE:
            b = rx.search(before)
            if b:
                part = b["part"]
                d = next((v for k, v in _AR_DIR.items() if part.startswith(k)), None)
                direction = direction or d
                written = (b.group().strip() + (" … " + m.group().strip() if m else "")).strip()
                return written, direction, None
        if m:
            return m.group().strip(), direction, None
        return None, None, None
    if script == "cyrillic":
        for rx in _RU_BEFORE:
            b = rx.search(low)
            if b:
                gd = b.groupdict()
                d = gd.get("dir")
                direction = next((v for k, v in _RU_DIR.items() if d and d.startswith(k)), None)
                dist = float(gd["dist"]) if gd.get("dist") else None
                written = before[b.start() : b.end()].strip()
                if gd.get("area"):
                    return written, None, None
                return written, direction, dist
        return None, None, None
    for rx in _EN_AFTER:
        a = rx.match(after)
        if a:
            gd = a.groupdict()
            return a.group().strip(" '’"), _norm_dir(gd.get("dir")), None
    # Every _EN_BEFORE pattern ends in one of _EN_LAST_WORD's words and whitespace: when the
    # text before the span does not, no pattern can match and the searches are skipped.
    stripped = low.rstrip()
    if len(stripped) == len(low) or not _EN_LAST_WORD.search(stripped, len(stripped) - 7):
        return None, None, None
    for rx in _EN_BEFORE:
        b = rx.search(low)
        if b:
            gd = b.groupdict()
            if gd.get("feat") and not gd.get("dir"):
                return None, None, None  # "the province of" is a feature word, not a qualifier
            dist = float(gd["dist"]) if gd.get("dist") else None
            return before[b.start() : b.end()].strip(), _norm_dir(gd.get("dir")), dist
    return None, None, None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lower(s: str) -> str:
    """Lowercase with every offset kept (``"İ".lower()`` is two characters)."""
    low = s.lower()
    return low if len(low) == len(s) else s.translate(_ASCII_LOWER)


def _norm_dir(d: str | None) -> str | None:
    if not d:
        return None
    d = d.lower().replace(" ", "-")
    if d in ("northeast", "northwest", "southeast", "southwest"):
        d = d[:5] + "-" + d[5:]
    return d


# "the provinces of Hama and Idlib", "the villages of Kafr Zita, Haymat ad Dayir, and
# Hashshun": the locality noun is found in the lowercased words, then the list after it is
# read with its capitals (an item is up to four capitalised words, name particles between).
_FEATURE_KEYWORD = re.compile(
    r"(province|governorate|city|town|village|district|camp)s?\s+of\s+(?:the\s+)?"
)
_LIST_ITEM = (
    r"[A-Z‘'ʿ`][\w'’‘ʿ`-]*(?:\s+(?:(?:al|el|ad|ar|as|at|az|an|ash|adh|ed|es|et|ez|bin|ibn|bani|"
    r"beni|de|del|la|le|du|da|di)\s+)?[A-Z‘'ʿ`][\w'’‘ʿ`-]*){0,3}"
)
_LIST_ITEMS = re.compile(rf"(?:{_LIST_ITEM}(?i:\s*,\s*(?:and\s+)?|\s+and\s+))*")
# After "the districts of", one-word names only (as before lists were read this way): the
# district hint asks for a division, and reports call city quarters and villages districts
# too ("the districts of Abu al Qusur and Rasm Abu Sur"), whose villages it would lose.
_ONE_WORD_ITEMS = re.compile(r"(?:[\w'’‘ʿ`-]+(?:,\s*|\s+and\s+))*")
_FEATURE_BEFORE = {
    "arabic": re.compile(r"(محافظة|محافظتي|مدينة|بلدة|قرية|ناحية|مطار|قاعدة|مخيم|معبر|منطقة)\s+$"),
    "cyrillic": re.compile(
        r"(провинци\w*|губернаторств\w*|мухафаз\w*|город\w*|посел\w*|посёл\w*|деревн\w*|"
        r"авиабаз\w*|аэродром\w*|аэропорт\w*|лагер\w*|кпп)\s+(?:[\w-]+(?:,\s*|\s+и\s+))*$"
    ),
}
_FEATURE_BEFORE_HINT = {
    "ناحية": "subdistrict", "محافظة": "admin", "محافظتي": "admin", "مدينة": "city", "بلدة": "city", "قرية": "city",
    "مطار": "airbase", "قاعدة": "airbase", "مخيم": "camp", "معبر": "crossing", "منطقة": None,
}  # fmt: skip
_RU_FEATURE_STEMS = (("провинци", "admin"), ("губернатор", "admin"), ("мухафаз", "admin"),
                     ("город", "city"), ("посел", "city"), ("посёл", "city"), ("деревн", "city"),
                     ("авиабаз", "airbase"), ("аэродром", "airbase"), ("аэропорт", "airbase"),
                     ("лагер", "camp"), ("кпп", "crossing"))  # fmt: skip


# "the Tall Rifaat sub-district": the hyphenated word is not part of the name's run.
_SUBDISTRICT_AFTER = re.compile(r"\s+sub-?district\b", re.I)
# "the Qandil mountains" when the gazetteer has no range of that name: the name asks for one.
_MOUNTAINS_AFTER = re.compile(r"\s+mountains\b", re.I)
# "Maru LGA", "the Logo local government area": a district.
_DISTRICT_AFTER = re.compile(r"\s+(?:" + "|".join(en.DISTRICT_WORDS_AFTER) + r")\b", re.I)

_FEATURE_BEFORE_CUES = {
    "arabic": tuple(_FEATURE_BEFORE_HINT),
    "cyrillic": tuple(stem for stem, _ in _RU_FEATURE_STEMS),
}


def _feature_words_before(text: str, start: int, script: str) -> str | None:
    """Feature type asked for by the words before a name ("the provinces of", "محافظة")."""
    if script == "latin":
        window = text[max(0, start - 100) : start].rstrip(_AYN_MARKS)
        low = window.translate(_ASCII_LOWER)  # the same length: offsets carry over
        if "of" not in low:
            return None
        for k in _FEATURE_KEYWORD.finditer(low):
            items = _ONE_WORD_ITEMS if k.group(1) == "district" else _LIST_ITEMS
            if items.fullmatch(window, k.end()):
                return feature_hint(f"x {k.group(1)}")
        return None
    before = text[max(0, start - 60) : start].lower()
    # Each pattern needs one of a few literal words: without one, skip the search.
    for cue in _FEATURE_BEFORE_CUES[script]:  # a loop, not any(): no generator per span
        if cue in before:
            break
    else:
        return None
    m = _FEATURE_BEFORE[script].search(before)
    if not m:
        return None
    word = m.group(1)
    if script == "arabic":
        return _FEATURE_BEFORE_HINT.get(word)
    return next((hint for stem, hint in _RU_FEATURE_STEMS if word.startswith(stem)), None)


# Country (and a few division) abbreviations: too short for the key index, unambiguous in
# capitals. Not before "$": "US$460 million" is a currency.
_STANDALONE = {**COUNTRY_ABBREVIATIONS, **DIVISION_ABBREVIATIONS}
_ABBREVIATIONS = re.compile(
    f"(?=[{''.join(sorted({a[0] for a in _STANDALONE}))}])"  # skips most positions
    r"(?<![\w.])(?:"
    + "|".join(re.escape(a) for a in sorted(_STANDALONE, key=len, reverse=True))
    + r")(?![\w$])"
)


# Only after "Town, " ("Miss." alone is a title, "Ill." a word); "D.C." stands alone too.
_US_STATE_RE = re.compile(
    # A first letter first: the look-behinds are then tried at a few positions, not all.
    f"(?=[{''.join(sorted({a[0] for a in US_STATE_ABBREVIATIONS} | {'D'}))}])"
    r"(?:(?<=[A-Za-z], )(?:"
    + "|".join(re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w.])"
    # In brackets after a name, the wire forms with a dot: "The Walker County (Ga.) Sheriff's
    # Office" ("(OR)", "(ID)" in brackets are mostly not states).
    + r"|(?<=[A-Za-z] \()(?:"
    + "|".join(
        re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True) if "." in a
    )
    + r")(?=\))"
    + r"|(?<![\w.])D\.C\.(?![\w.]))"
)
# What any match needs: the look-behind above makes the full pattern slow to scan with.
_US_STATE_CUE = re.compile(r"[A-Za-z](?:, | \()[A-Z][A-Za-z.]{1,5}")


# What comes before a year's era ("100 B.C.", "the 5th century BC").
_ERA_BEFORE = re.compile(
    r"(?:\d[\d,]*|\b(?:" + "|".join(sorted(en.ERA_LEADS)) + r"))\s*$", re.IGNORECASE
)


def _is_era(text: str, m: re.Match) -> bool:
    return m.group() in en.ERA_ABBREVIATIONS and bool(
        _ERA_BEFORE.search(text, max(0, m.start() - 24), m.start())
    )


# "the Republic of Armenia": the words after it, up to three capitalised ones.
_REPUBLIC_OF = re.compile(r"\bRepublic of (?:the )?([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2})")
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")


def _republic_spans(text: str, gaz: Gazetteer) -> list[Span]:
    """ "the Republic of Armenia" as one span standing for the country (the gazetteer keeps
    short names); not where the whole is a gazetteer name ("Republic of the Congo") nor after
    a capitalised word ("Democratic People's Republic of Korea": the prefix changes the
    country)."""
    out = []
    for m in _REPUBLIC_OF.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1)[:1].isupper() and before.group(1) != "The":
            continue
        words = m.group(1).split(" ")
        for n in range(len(words), 0, -1):  # the longest country name that follows
            core = " ".join(words[:n])
            end = m.start(1) + len(core)
            whole = text[m.start() : end]
            if gaz.has_key(_key_of(whole)):
                break
            core = en.REPUBLIC_OF_ELSEWHERE.get(core, core)
            k = _key_of(core)
            rows = gaz.lookup_key(k) if gaz.has_key(k) else []
            if any(str(gaz.place(r)["feature_code"]).startswith("PCL") for r, _ in rows):
                out.append(
                    Span(start=m.start(), end=end, text=whole, keys=(k,), script="latin",
                         kind="abbreviation", stands_for=core)
                )  # fmt: skip
                break
    return out


def _abbreviation_spans(text: str, gaz: Gazetteer) -> list[Span]:
    out = _republic_spans(text, gaz) if "Republic of " in text else []
    for m in _ABBREVIATIONS.finditer(text):
        if _is_era(text, m):
            continue
        full = _STANDALONE[m.group()]
        k = _key_of(full)
        if gaz.has_key(k):
            hint = "admin" if m.group() in DIVISION_ABBREVIATIONS else None
            out.append(
                Span(start=m.start(), end=m.end(), text=m.group(), keys=(k,),
                     script=script_of(m.group()), feature_hint=hint, kind="abbreviation",
                     stands_for=full)
            )  # fmt: skip
    if _US_STATE_CUE.search(text) or "D.C." in text:
        taken = {a.start for a in out}  # "S.C." stands alone too: one span each
        for m in _US_STATE_RE.finditer(text):
            if m.start() in taken:
                continue
            k = key_from_tokens(list(fold_tokens(US_STATE_ABBREVIATIONS[m.group()])))
            if gaz.has_key(k):
                # The state, not a town of that name: ask for the first-level division.
                out.append(
                    Span(start=m.start(), end=m.end(), text=m.group(), keys=(k,),
                         script="latin", feature_hint="admin", kind="abbreviation",
                         stands_for=US_STATE_ABBREVIATIONS[m.group()])
                )  # fmt: skip
    return out  # find_spans puts them in text order with the others


@lru_cache(maxsize=1_000)
def _key_of(name: str) -> str:
    return key_from_tokens(list(fold_tokens(name)))


#: Demonyms and blocs (language data) by their first word, longest first.
_PEOPLE_WORDS: dict[str, list[tuple[str, str, str]]] = {}
for _kind, _table in (("demonym", en.DEMONYMS), ("bloc", en.BLOCS)):
    for _words, _place in _table.items():
        _PEOPLE_WORDS.setdefault(_words.split()[0], []).append((_words, _place, _kind))
for _forms in _PEOPLE_WORDS.values():
    _forms.sort(key=lambda f: -len(f[0]))


def _demonym_at(text: str, toks: list[_Token], i: int) -> tuple[int, str, str] | None:
    """(end token index, place, kind) of a demonym or bloc starting at token ``i``
    ("Sri Lankan", "Libyans", "EU")."""
    forms = _PEOPLE_WORDS.get(toks[i].text)
    if forms is None:
        return None
    for words, place, kind in forms:
        n = words.count(" ") + 1
        if i + n <= len(toks) and text[toks[i].start : toks[i + n - 1].end] == words:
            return i + n, place, kind
    return None


def _name_starts_py(toks: list[_Token], masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(token index, limit) of every word that may start a name, in order; a name starting
    there ends before token ``limit``, the first masked word after it.

    Only capitalised words (and every Arabic word) may start a name, and none inside a masked
    stretch (``masked``: sorted (start, end) character ranges)."""
    starts = [t.start for t in toks]
    out: list[tuple[int, int]] = []
    mask_i = 0
    for i, t in enumerate(toks):
        if not t.cap:
            continue
        while mask_i < len(masked) and masked[mask_i][1] <= t.start:
            mask_i += 1
        if mask_i < len(masked) and masked[mask_i][0] <= t.start < masked[mask_i][1]:
            continue
        if t.script == "arabic" and t.text in _AR_STOP:
            continue  # a preposition or feature word ("ريف", "مدينة") starts no name
        if t.script == "cyrillic" and t.lower in _RU_PREPOSITIONS:
            continue  # "В Дейр-эз-Зоре": a sentence-initial preposition is not a name's start
        if t.script == "cyrillic" and t.lower in ru.GENERIC and not _name_follows(toks, i):
            continue  # "район", "область" alone is no name
        if t.lower in _SUN_ARTICLES and not _assimilated(toks, i):
            continue
        # A name does not run into a masked word ("دين شيعي" is no Den Chai).
        limit = len(toks)
        if mask_i < len(masked):
            limit = bisect_left(starts, masked[mask_i][0], lo=i)
        out.append((i, limit))
    return out


def find_spans(text: str, gazetteer: Gazetteer) -> list[Span]:
    """Candidate place spans in ``text``, in text order, non-overlapping (longest first)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    masked = [(m.start(), m.end()) for m in _ORG_RE.finditer(text)]
    masked += [(m.start(), m.end()) for m in _LANG_MASK_RE.finditer(text)]
    abbreviations = _abbreviation_spans(text, gazetteer)
    if abbreviations:
        # A mask covers abbreviations too, and so does an agency's name: "US Department of
        # Agriculture" names no country.
        agencies = [(m.start(), m.end()) for m in _AGENCY_RE.finditer(text)]
        if masked or agencies:
            covered = sorted(masked + agencies)
            abbreviations = [a for a in abbreviations if not _inside(a.start, covered)]
    masked = sorted(masked + [(a.start, a.end) for a in abbreviations])
    toks = _tokens(text)
    spans: list[Span] = []
    slots: list[tuple[int, int]] = []  # unmatched names in a place slot (variant readings)
    after = 0  # the first token after the last span found
    for n, (i, limit) in enumerate(_name_starts(toks, masked)):
        if n % 1024 == 1023:
            budget.check()  # a batch's per-document time budget
        if i < after:
            continue
        t = toks[i]
        found = _longest_match(text, toks, i, gazetteer, limit)
        people = _demonym_at(text, toks, i) if t.script == "latin" else None
        if people is not None and (
            found is None
            or found[0] <= people[0]
            or all(tok.text in en.GENERIC for tok in toks[people[0] : found[0]])
        ):
            # "Russian jets": the country named as an adjective, unless the gazetteer has a
            # longer name ("American Samoa", "Indian Ocean"); a lowercase feature word after
            # it makes none ("the Syrian town of": no Serian, MY, by its key "sirian").
            j, place, kind = people
            k = _key_of(place)
            if gazetteer.has_key(k):
                span = _make_span(text, toks, i, j, t.start, toks[j - 1].end, (k,))
                spans.append(replace(span, kind=kind, stands_for=place))
                after = j
                continue
        if found and t.lower in en.FUNCTION_WORDS and i + 1 < len(toks) and toks[i + 1].cap:
            # "In New Zealand": "In New" may be a village somewhere; the name after the
            # function word wins when it reaches further (not "An Nabk" over "Nabk").
            later = _longest_match(text, toks, i + 1, gazetteer, limit)
            if (
                later is not None
                and (
                    later[0] > found[0]
                    # "A Gaza clinic": as far, and no place is spelled "A Gaza" ("Agazza" only
                    # shares its key); "A Coruña", "An Nabk", "The Hague" are spelled so.
                    or (
                        later[0] == found[0]
                        and not _spelled(
                            text[t.start : toks[found[0] - 1].end], found[1], gazetteer
                        )
                    )
                )
            ):
                i, found = i + 1, later
        if found is None:
            if t.script == "latin" and _variant_slot(text, toks, i):
                slots.append((i, limit))
            continue
        j, keys = found
        if t.lower == "the" and all(tok.lower in en.GENERIC for tok in toks[i + 1 : j]):
            continue  # "The city", "The province": a reference back, no name
        start, end = toks[i].start, toks[j - 1].end
        spans.append(_make_span(text, toks, i, j, start, end, keys))
        after = j
    if slots:
        spans = _with_variants(text, toks, slots, spans, gazetteer)
    listed = _division_list_spans(text, toks, gazetteer) + _ru_division_spans(text, toks, gazetteer)
    if listed:
        # "Clarke, Madison and Oconee counties": each listed name is the county, whatever
        # town or word the scan found there.
        spans = [s for s in spans + abbreviations if not _overlaps(s, listed)] + listed
        return sorted(spans, key=lambda s: s.start)
    return sorted(spans + abbreviations, key=lambda s: s.start)


def _spelled(surface: str, keys: tuple[str, ...], gaz: Gazetteer) -> bool:
    """Whether some place with one of ``keys`` has a name spelled as ``surface`` (case and
    accents aside)."""
    want = anyascii(surface).casefold()
    return any(anyascii(name).casefold() == want for k in keys for _, name in gaz.lookup_key(k))


#: A variant reading's key needs this many letters and consonants: shorter names differ in
#: one letter from too many others ("Baiji" and Bijie, "Qaim" and Kemi).
_VARIANT_MIN_KEY = 5
_VARIANT_MIN_SKELETON = 3
#: An English word as common as this ("Sunday", "Government") is no misspelt place.
_VARIANT_MAX_ZIPF = 3.0


def _variant_slot(text: str, toks: list[_Token], i: int) -> bool:
    """Whether the capitalised word at token ``i`` stands where a place name goes: after a
    locative preposition ("near Al-Zorba", "the village of Ma'arshurin"). Not after "the"
    ("in the Henrys", "into the Balqon": names of things), nor in a list after a recognised
    place ("Bell and Eggers", "Haydn, Chopin, Liszt": people far more often)."""
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.lower in ARTICLES and i > 1 and text[prev.end : toks[i].start] in ("-", " "):
        i -= 1  # "near al-Latmana": the slot is before the article
        prev = toks[i - 1]
    if text[prev.end : toks[i].start] == " ":
        if prev.lower in en.VARIANT_PREPOSITIONS:
            return True
        if prev.lower == "of" and i > 1 and toks[i - 2].lower in en.VARIANT_PLACE_NOUNS:
            return True
    return False


def _with_variants(
    text: str, toks: list[_Token], slots: list[tuple[int, int]], spans: list[Span], gaz: Gazetteer
) -> list[Span]:
    """``spans`` and, for each slot run no span covers whose key the gazetteer lacks but some
    key of a similar skeleton has, a span of kind "variant": its key is the run's own, and
    resolution reads it as a spelling variant of a similar name (extraction._best)."""
    out = list(spans)
    for i, limit in slots:
        run_end = _run_end(text, toks, i, max(limit, i + 1))
        j = i + 1
        while j < run_end and (toks[j].cap or toks[j].lower in ARTICLES):
            j += 1  # the capitalised words and articles: "and" ends the name ("X and Y")
        while j > i + 1 and toks[j - 1].lower in ARTICLES:
            j -= 1  # a name does not end in an article
        start, end = toks[i].start, toks[j - 1].end
        if any(s.start < end and start < s.end for s in out):
            continue
        folded = [tok for n, t in enumerate(toks[i:j]) for tok in
                  (_fold_first(t.text) if n == 0 else _fold_later(t.text))]  # fmt: skip
        k, _least, only_features = _candidate_key(tuple(folded))
        if (
            only_features
            or _zipf(" ".join(t.lower for t in toks[i:j]), "en") >= _VARIANT_MAX_ZIPF
            or len(k) < _VARIANT_MIN_KEY
            or len(skeleton(k)) < _VARIANT_MIN_SKELETON
            or gaz.has_key(k)
        ):
            continue
        span = _make_span(text, toks, i, j, start, end, (k,))
        out.append(replace(span, kind="variant"))
    return sorted(out, key=lambda s: s.start)


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


#: Longest listed name, in words ("Otter Tail", "St. Lucie", "Miami-Dade" is one word).
_LISTED_WORDS = 3
_DIVISION_LIST_RE = re.compile(r"\b(?:" + "|".join(en.DIVISION_LIST_WORDS) + r")\b", re.I)
#: The non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter ("ſ" to "s",
#: "ı" and "İ" to "i", the Kelvin sign to "k"); ``str.lower`` keeps them apart.
_ODD_CASE = ("ſ", "ı", "İ", "\u212a")


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when no lowercase ASCII word of ``words`` can match ``text`` under
    ``re.IGNORECASE``: a substring test of the lowercased text (in C) in place of a
    case-insensitive pattern with a word boundary, which is tried at every position."""
    if not text.isascii() and any(c in text for c in _ODD_CASE):
        return True  # let the pattern decide
    low = text.lower()
    return any(w in low for w in words)


_DIVISION_LIST_WORDS = tuple(en.DIVISION_LIST_WORDS)


def _division_list_spans(text: str, toks: list[_Token], gaz: Gazetteer) -> list[Span]:
    """The names of a list closed by a plural division word ("Becker, Clay and Otter Tail
    counties"), each standing for its division ("Otter Tail County"). Read backwards from the
    plural word; the list ends at the first name the gazetteer has no such division for, and
    takes two names at least (one name before "counties" is no list)."""
    out: list[Span] = []
    if not _may_hold(text, _DIVISION_LIST_WORDS) or _DIVISION_LIST_RE.search(text) is None:
        return out  # most reports list no counties: no pass over their words
    for c, t in enumerate(toks):
        word = en.DIVISION_LIST_WORDS.get(t.lower) if t.script == "latin" else None
        if word is None or c == 0:
            continue
        found: list[Span] = []
        k = c - 1  # the last token of the next name to read
        while k >= 0:
            item = _listed_name(text, toks, k, word, gaz)
            if item is None:
                break
            i, name = item
            found.append(
                replace(
                    _make_span(text, toks, i, k + 1, toks[i].start, toks[k].end,
                               (_key_of(name),)),
                    stands_for=name, feature_hint=feature_hint(name) or "admin",
                )
            )  # fmt: skip
            # The separator before it: ", ", " and ", ", and ", " or ".
            p = i - 1
            if p < 0:
                break
            gap = text[toks[p].end : toks[i].start]
            if toks[p].lower in en.LIST_WORDS and gap.isspace():
                before = text[toks[p - 1].end : toks[p].start] if p > 0 else ""
                if before.strip() not in ("", ","):
                    break
                k = p - 1
            elif gap.strip() == ",":
                k = p
            else:
                break
        if len(found) >= 2:
            out.extend(reversed(found))
    return out


def _ru_division_spans(text: str, toks: list[_Token], gaz: Gazetteer) -> list[Span]:
    """Russian divisions named by their seat's adjective ("в Херсонской области", "Курскую
    область"): the two words are one name, read by the seat's name and asking for a division
    (the oblast, not its town)."""
    out: list[Span] = []
    # Most reports name no oblast: no pass over their words. A class of the nouns' first
    # letters finds none in a report without them several times faster than the pattern
    # (which opens with a look-behind, so is tried at every position).
    if _DIVISION_NOUN_FIRST.search(text) is None or _DIVISION_NOUN_RE.search(text) is None:
        return out
    for c in range(1, len(toks)):
        t = toks[c]
        if text[toks[c - 1].end : t.start] != " ":
            continue
        if t.lower in ru.DIVISION_NOUNS:
            noun_end = c + 1
        elif c + 1 < len(toks) and any(
            t.lower.startswith(a) and toks[c + 1].lower.startswith(b)
            for a, b in ru.DIVISION_PHRASES
        ):
            noun_end = c + 2
        else:
            continue
        # The adjective before the noun, and those listed before it that share the noun
        # ("Белгородской, Брянской и Курской областей"), last first.
        a = c - 1
        while a >= 0 and _ru_adjective_ending(toks[a]):
            if (read := _ru_seat_adjective(toks[a], gaz)) is not None:
                k, seat = read
                end_tok = noun_end if a == c - 1 else a + 1
                span = _make_span(
                    text, toks, a, end_tok, toks[a].start, toks[end_tok - 1].end, (k,)
                )
                out.append(replace(span, stands_for=seat, feature_hint="admin"))
            if a >= 1 and text[toks[a - 1].end : toks[a].start] == ", ":
                a -= 1
            elif (
                a >= 2
                and toks[a - 1].lower == "и"
                and text[toks[a - 2].end : toks[a].start] == " и "
            ):
                a -= 2
            else:
                break
    return sorted(out, key=lambda s: s.start)


def _ru_seat_adjective(adj: _Token, gaz: Gazetteer) -> tuple[str, str] | None:
    """(key, seat name) of a capitalised Russian adjective made from the name of a division's
    seat ("Курской" from Курск), when the gazetteer has that seat or division."""
    ending = _ru_adjective_ending(adj)
    if ending is None:
        return None
    base = adj.text[: -len(ending)]
    # The seat is "Курск" in "Курск-ой" but "Херсон" in "Херсон-ск-ой", maybe with an
    # ending of its own ("Запорож-ск-ой" is Запорожье's).
    stem = base[:-2] if base.lower().endswith("ск") else base
    if len(stem) < 3:
        return None
    if (division := ru.IRREGULAR_DIVISIONS.get(stem.lower())) is not None:
        k = _key_of(division)
        if _key_has_code(gaz, k, _ADM12):
            return k, division
    seats = [stem + e for e in ru.SEAT_ENDINGS]
    if stem != base:
        seats.insert(0, base)
    for seat in seats:
        k = _key_of(seat)
        if any(_seat_or_division(gaz, row, stem) for row, _ in gaz.lookup_key(k)):
            return k, seat
    return None


def _ru_adjective_ending(tok: _Token) -> str | None:
    """The case ending of a capitalised Russian word shaped like a division adjective."""
    if tok.script != "cyrillic" or not tok.cap:
        return None
    return next((e for e in ru.DIVISION_ADJECTIVE_ENDINGS if tok.lower.endswith(e)), None)


_DIVISION_NOUN_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join([*sorted(ru.DIVISION_NOUNS), *(rf"{a}\w*\s+{b}\w*" for a, b in ru.DIVISION_PHRASES)])
    + r")(?!\w)",
    re.IGNORECASE,
)
#: Every letter a match of _DIVISION_NOUN_RE can start with, matched the same way (same flag).
_DIVISION_NOUN_FIRST = re.compile(
    "["
    + "".join(sorted({w[0] for w in ru.DIVISION_NOUNS} | {a[0] for a, _ in ru.DIVISION_PHRASES}))
    + "]",
    re.IGNORECASE,
)


def _seat_or_division(gaz: Gazetteer, row: int, stem: str) -> bool:
    """Whether a place may be the division named by an adjective of ``stem``: the division
    itself or its seat, known by a name in the adjective's own script ("Сумы" for "Сумской";
    not As Sawm, Yemen, by its letters)."""
    if gaz.place(row)["feature_code"] not in _SEAT_OR_DIVISION:
        return False
    return any(n.startswith(stem) for n in gaz.names_of(row))


_SEAT_OR_DIVISION = frozenset({"ADM1", "ADM2", "PPLA", "PPLC"})


def _listed_name(
    text: str, toks: list[_Token], k: int, word: str, gaz: Gazetteer
) -> tuple[int, str] | None:
    """(first token, division name) of the longest capitalised name ending at token ``k``
    whose division ("<name> County") the gazetteer has."""
    best = None
    i = k
    while i >= 0 and k - i < _LISTED_WORDS and toks[i].cap and toks[i].script == "latin":
        if i < k and text[toks[i].end : toks[i + 1].start].strip() not in ("", "."):
            break  # names do not run across punctuation other than a dot ("St. Lucie")
        name = f"{text[toks[i].start : toks[k].end]} {word}"
        # "Sumy Region" is Sumy's key (a feature word is no part of a key): the city's too;
        # "Midwest Region" only a town's, Midwest City.
        if _key_has_code(gaz, _key_of(name), _DIVISION_CODES):
            best = (i, name)
        i -= 1
    return best


_ADM12 = frozenset({"ADM1", "ADM2"})
_DIVISION_CODES = _ADM12 | {"ADM3", "RGN"}


def _key_has_code(gaz: Gazetteer, k: str, codes: frozenset[str]) -> bool:
    """Whether some place under the key ``k`` has one of these feature codes."""
    return any(gaz.place(row)["feature_code"] in codes for row, _ in gaz.lookup_key(k))


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a position falls in one of the (start, end) ranges."""
    return any(a <= pos < b for a, b in ranges)


# Russian and Ukrainian prepositions: capitalised at a sentence start, never a name's start.
_RU_PREPOSITIONS = frozenset("в во на у под около близ возле из с со к от до за при біля".split())
_AR_PREPOSITIONS = ar.NAME_PREPOSITIONS | ar.FUNCTION_WORDS
# Arabic function, generic and event words that never start a name ("غارة", a raid, names no
# place); the span model judges the rest.
_AR_STOP = _AR_PREPOSITIONS | ar.GENERIC | ar.ORDINARY_WORDS | set(ar.EVENT_WORDS)


#: Arabic articles that take the sound of the next word's first consonant ("As Sukhnah",
#: "Ar Raqqah", "Ash Shaddadi"): before any other word they are English ("An Alexandria
#: grand jury", "At Aleppo airport").
_SUN_ARTICLES = frozenset(a for a in ARTICLES if a[0] in "ae" and a[1:] not in ("l", ""))


def _name_follows(toks: list[_Token], i: int) -> bool:
    """A capitalised word right after token ``i`` ("область Идлиб" may be a name)."""
    return i + 1 < len(toks) and toks[i + 1].cap


def _assimilated(toks: list[_Token], i: int) -> bool:
    article = toks[i].lower
    return i + 1 < len(toks) and toks[i + 1].lower.startswith(article[1:])


def _is_particle(t: _Token) -> bool:
    return t.lower in _NAME_PARTICLES or (
        t.script == "cyrillic" and _fold_first(t.text)[:1] in _ARTICLE_TUPLES
    )


_ARTICLE_TUPLES = {(a,) for a in ARTICLES}


def _keys_for(toks_folded: list[str], gaz: Gazetteer) -> str | None:
    k, least, only_features = _candidate_key(tuple(toks_folded))
    if len(k) >= least and not only_features and gaz.has_key(k):
        return k
    return None


@lru_cache(maxsize=200_000)  # the same word runs recur across reports
def _candidate_key(toks_folded: tuple[str, ...]) -> tuple[str, int, bool]:
    """(key, least key length accepted, only feature words) of a run of folded words."""
    # A two-letter key is a name only with its feature word: "T4 air base", not "T4".
    least = 2 if any(t in FEATURE_WORDS for t in toks_folded[1:]) else MIN_KEY
    return key_from_tokens(toks_folded), least, _only_feature_words(list(toks_folded))


#: Abbreviated words that begin names and keep their period ("St. Louis", "Ft. Worth").
_NAME_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft"})
#: What may stand between two words of one name, and what ends a sentence.
_NAME_GAP = frozenset(" -‐'’\u00a0") | frozenset(_AYN_MARKS)  # "Ayn ‘Issa", "Ra’s al-‘Ayn"
_SENTENCE_END = frozenset(".!?:\n؟")


def _longest_match(
    text: str, toks: list[_Token], i: int, gaz: Gazetteer, limit: int | None = None
) -> tuple[int, tuple[str, ...]] | None:
    """(end token index, keys) of the longest name starting at token ``i``.

    A span's last word may be inflected (Пальмиры, Дейр-эз-Зора) or carry an Arabic clitic
    (وحلب): base forms are tried too, and every reading found is returned.
    """
    n = len(toks) if limit is None else max(limit, i + 1)
    j = _run_end(text, toks, i, n)
    e = toks[j - 1].end
    if j < n and text[e : e + 2] in _POSSESSIVE_GAPS:
        # "Cox's Bazar": the run stopped at the possessive ending the tokeniser took off
        # "Cox's"; it goes on only to a name so spelled ("Putin's Russia" stays two names).
        longer = _possessive_match(text, toks, i, j, n, gaz)
        if longer is not None:
            return longer
    # Which name a run of words holds depends only on the words (a word's script, case and
    # lowercase follow from its text) and the gazetteer: the same runs recur across reports,
    # so the answer is memoised on the gazetteer (freed with it; ``generation`` changes when
    # user places are added).
    texts = (toks[i].text,) if j == i + 1 else tuple([t.text for t in toks[i:j]])
    memo_key = ("run", gaz.generation, texts)
    found = gaz.cache.get(memo_key)
    if found is None:
        found = _run_match(tuple([t[2:] for t in toks[i:j]]), gaz) or (0, ())
        gaz.cache.put(memo_key, found)
    return None if not found[0] else (i + found[0], found[1])


#: A possessive ending ("'s", "’s") right after a token: the tokeniser took it off the word.
_POSSESSIVE_GAPS = frozenset({"'s", "'S", "’s", "’S"})
#: A word of a place's name with an apostrophe kept ("cox's" in "cox's bazar").
_POSSESSIVE_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _possessive_match(
    text: str, toks: list[_Token], i: int, j: int, n: int, gaz: Gazetteer
) -> tuple[int, tuple[str, ...]] | None:
    """(end token index, keys) of a name starting at token ``i`` that runs on across the
    possessive ending of token ``j - 1`` ("Cox's Bazar", "King's Lynn"), spelled with it;
    None when the gazetteer has no such name or the next word cannot go on a name."""
    last, nxt = toks[j - 1], toks[j]
    if text[last.end + 2 : nxt.start] not in (" ", "\u00a0") or not nxt.cap:
        return None
    if nxt.script != last.script or last.script == "arabic":
        return None
    end = _run_end(text, toks, j, min(n, i + MAX_TOKENS))
    full = text[last.start : last.end + 2]  # the word with its possessive: "Cox's"
    words = [t[2:] for t in toks[i : j - 1]] + [(full, last.script, True, full.lower())]
    words += [t[2:] for t in toks[j:end]]
    memo_key = ("possessive run", gaz.generation, tuple(w[0] for w in words))
    found = gaz.cache.get(memo_key)
    if found is None:
        found = _run_match(tuple(words), gaz) or (0, ())
        # Keys join words and fold spellings: "Lincoln's Center" has the key of Lincoln
        # Center, "Mary's County" that of Maries County. Only a place whose name has the
        # word with its "s" ("Cox's", "Cox’s" or "Bishops") is read.
        stem = anyascii(last.text).lower()
        forms = {stem + "'s", stem + "s"}
        keys = tuple(
            k for k in found[1]
            if any(forms.intersection(_POSSESSIVE_WORD.findall(anyascii(name).lower()))
                   for _, name in gaz.lookup_key(k))
        )  # fmt: skip
        found = (found[0], keys) if keys else (0, ())
        gaz.cache.put(memo_key, found)
    # Only a name past the possessive: "Cox's" alone is no reading of "Cox".
    return (i + found[0], found[1]) if found[0] > j - i else None


def _run_end_py(text: str, toks: list[_Token], i: int, n: int) -> int:
    """The index after the last word of the run that could be a name starting at token
    ``i`` (at most ``MAX_TOKENS`` words, not past token ``n - 1``)."""
    first = toks[i]
    script = first.script
    j, prev_end = i + 1, first.end
    while j < n and j - i < MAX_TOKENS:
        t = toks[j]
        # Names do not run across punctuation other than hyphens, apostrophes and spaces,
        # and the period of "St. Louis" or "Mt. Pleasant".
        gap = text[prev_end : t.start]
        if len(gap) > 2 or not _NAME_GAP.issuperset(gap):
            if gap not in (". ", ".") or toks[j - 1].lower not in _NAME_ABBREVIATIONS:
                break
        if t.script != script:
            break
        if script == "arabic":
            if t.text.startswith("و") and not t.text.startswith("وادي"):
                break  # "سراقب وبلدة": a conjunction starts the next phrase, not the name
            if t.text in _AR_PREPOSITIONS:
                break  # "حلب في": a preposition is never inside a name (and runs stay short)
        elif not t.cap and not _is_particle(t) and t.lower not in _NAME_TAILS:
            break
        prev_end = t.end
        j += 1
    return j


def _run_match(
    words: tuple[tuple[str, str, bool, str], ...], gaz: Gazetteer
) -> tuple[int, tuple[str, ...]] | None:
    """(number of words, keys) of the longest name that starts a run of (text, script,
    capitalised, lowercase) words."""
    toks = [_Token(0, 0, *w) for w in words]
    i, j = 0, len(toks)
    folded = [list(_fold_first(toks[0].text))] + [list(_fold_later(t.text)) for t in toks[1:]]
    for end in range(j, i, -1):
        last = toks[end - 1]
        if end > i + 1 and (
            (last.script != "arabic" and not last.cap and last.lower not in _NAME_TAILS)
            or last.text in _AR_STOP
            or last.lower in ARTICLES
        ):
            continue  # a name does not end in a particle, an article or an Arabic function word
        head = [tok for part in folded[: end - 1 - i] for tok in part]
        keys: list[str] = []
        direct = _keys_for(head + folded[end - 1 - i], gaz)
        if direct:
            keys.append(direct)
        fold_last = _fold_first if end - 1 == i else _fold_later
        for variant in inflection_variants(last.text, last.script):
            k = _keys_for(head + list(fold_last(variant)), gaz)
            if (
                k
                and k not in keys
                and (last.script != "arabic" or _written_in_arabic(k, end - i, gaz))
            ):
                # Without its clitic, an Arabic word is a name only as Arabic writes it:
                # "وأسقطت" ("and it downed") less its "و" spells Ascot in Cyrillic (Аскът).
                keys.append(k)
        if not keys and end - i > 1 and toks[i].script == "arabic":
            # A clitic on the first word of a longer name: "ومعرة النعمان", "بدير الزور". Only
            # a name so written in Arabic: "وحمص صباح" ("and Homs, in the morning") without
            # its "و" has the key of Hemsbach.
            tail = [tok for part in folded[1 : end - i] for tok in part]
            for variant in inflection_variants(toks[i].text, "arabic"):
                k = _keys_for(list(_fold_first(variant)) + tail, gaz)
                if k and k not in keys and _written_in_arabic(k, end - i, gaz):
                    keys.append(k)
        if not keys and last.script == "arabic":
            bases = (last.text, *inflection_variants(last.text, "arabic"))
            # The hamza seat or final letter spelled the other common way, where a place is
            # so written: "إسطنبول" is the gazetteer's "اسطنبول".
            for variant in bases:
                k = _keys_for(head + list(fold_last(arabic_spelling(variant))), gaz)
                if k and k not in keys and _spelled_so(variant, k, gaz):
                    keys.append(k)
            if not keys:
                # A foreign name spelled with Arabic's nearest letters: "زابوريجيا".
                for variant in (v for b in bases for v in foreign_sounds(b)):
                    k = _keys_for(head + list(fold_last(variant)), gaz)
                    if k and k not in keys:
                        keys.append(k)
        if not keys and end - i > 1 and last.script == "cyrillic":
            # An adjective opening the name declines with it: "Восточной Гуте".
            for alt in _adjective_heads(tuple(t.text for t in toks[i : end - 1])):
                for variant in (last.text, *inflection_variants(last.text, last.script)):
                    k = _keys_for(alt + list(_fold_later(variant)), gaz)
                    if k and k not in keys:
                        keys.append(k)
        if not keys and last.script == "latin" and toks[i].cap:
            # A key of two letters is a word far more often than a place ("Al", "Ur"), but
            # some towns have one: "Ibb" is "ib". The words must spell such a place's own
            # name as written ("Ibb", "Owo", "Yei", "Wau", "Al Ain").
            k = _short_key(tuple([t.text for t in toks[i:end]]), head + folded[end - 1 - i], gaz)
            if k:
                keys.append(k)
        if keys and end - i > 1 and toks[i].script == "arabic":
            # Words of running text are no shorter name: "حمص صباح" ("Homs, in the morning")
            # has the key of Hemsbach, whose every name is one word. A noun before a name
            # ("مطار حماة", Hama airport) leaves the name's own key.
            own = _keys_for(list(_fold_first(last.text)), gaz)
            keys = [k for k in keys if k == own or _names_this_long(k, end - i, gaz)]
        if keys:
            return end, tuple(keys)
    return None


#: A word this common ("bay", "ann", "ain" of Arabic names) is no two-letter-key place's name.
_SHORT_MAX_ZIPF = 3.0


def _short_key(texts: tuple[str, ...], folded: list[str], gaz: Gazetteer) -> str | None:
    """The two-letter key of words that spell, letter for letter, a name filed under it."""
    k, least, only_features = _candidate_key(tuple(folded))
    if only_features or len(k) != 2 or least <= 2 or not gaz.has_key(k):
        return None
    want = _letters(" ".join(texts))
    if len(want) < 3 or zipf(" ".join(texts).lower(), "en") >= _SHORT_MAX_ZIPF:
        return None  # "The Bay Area" is no Bay, Somalia; "Ann said" no town in Myanmar
    if any(t.isupper() for t in texts):
        return None  # an acronym ("AGH" is no Ig)
    return k if any(_letters(name) == want for _, name in gaz.lookup_key(k)) else None


def _letters(name: str) -> str:
    """A name's Latin letters, lowercase ("Al-Ain" and "Al Ain" alike)."""
    return "".join([c for c in anyascii(name).casefold() if "a" <= c <= "z"])


def _names_this_long(k: str, words: int, gaz: Gazetteer) -> bool:
    """Whether some place under the key ``k`` has a name of at least this many words."""
    return any(len(name.split()) >= words for _, name in gaz.lookup_key(k))


def _spelled_so(word: str, k: str, gaz: Gazetteer) -> bool:
    """Whether some place under the key ``k`` has a name ending in ``word``, up to the
    letters Arabic writers interchange (names.arabic_spelling)."""
    spelled = arabic_spelling(word)
    return any(arabic_spelling(name).split()[-1] == spelled for _, name in gaz.lookup_key(k))


def _written_in_arabic(k: str, words: int, gaz: Gazetteer) -> bool:
    """Whether some place has a name of this many words in Arabic script with the key ``k``
    (keys join words: "حمص صباح" has the key of Hemsbach's one-word "همسباخ")."""
    return any(
        script_of(name) == "arabic" and len(name.split()) == words for _, name in gaz.lookup_key(k)
    )


def _adjective_heads(words: tuple[str, ...]) -> list[list[str]]:
    """Folded readings of the first words of a Russian name with each declined adjective put
    back in its dictionary form ("Восточной" -> "Восточная"); the words as written are not
    among them."""
    options = []
    for w in words:
        low = w.lower()
        forms = [w]
        for end, bases in ru.ADJECTIVE_ENDINGS:
            if low.endswith(end) and len(low) - len(end) >= 3:
                forms += [w[: -len(end)] + base for base in bases]
                break
        options.append(forms)
    out = []
    for combo in itertools.product(*options):
        if list(combo) != list(words):
            first, *rest = combo
            out.append([t for part in (_fold_first(first), *map(_fold_later, rest)) for t in part])
    return out


def _only_feature_words(toks: list[str]) -> bool:
    return all(t in FEATURE_WORDS or t in ARTICLES for t in toks)


@lru_cache(maxsize=8)  # asked once per short capitalised span, about the whole text
def _shouting(text: str) -> bool:
    """Whether a text is mostly upper case (a headline or telex), where caps say nothing."""
    # filter/map with str methods run the per-character loop in C.
    letters = list(filter(str.isalpha, text[:2000]))
    return bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters)


def _line(text: str, start: int, end: int) -> str:
    """The line (or paragraph) a span sits on; the spans of one line share it, so its
    title-case check is made once."""
    hi = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : hi if hi != -1 else len(text)]


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=1_000)
def _title_case(line: str) -> bool:
    """Whether most longer words of a line are capitalised (a title-case headline)."""
    words = _LONG_WORD.findall(line)
    # The first letters counted in C (a line may be a whole report without line breaks).
    return len(words) >= 4 and sum(map(str.isupper, [w[0] for w in words])) >= 0.8 * len(words)


def _caps_after(text: str, toks: list[_Token], j: int) -> tuple[str, ...]:
    """Lowercase words of the capitalised run starting at token ``j`` (at most four)."""
    out: list[str] = []
    prev_end = toks[j - 1].end
    for t in toks[j : j + 4]:
        if not t.cap or text[prev_end : t.start] != " ":
            break
        out.append(t.lower)
        prev_end = t.end
    return tuple(out)


_CONTAINER_AFTER = re.compile(
    r",\s|\s(?:in|в|في)\s+(?:(?:the\s+)?(?:north|south|east|west|central)(?:ern)?\s+)?"
)


@lru_cache(maxsize=1_000)
def _caps_line(line: str) -> bool:
    """Whether a line's letters are all capitals (a heading such as "DAILY UPDATE")."""
    return line.upper() == line and any(c.isalpha() for c in line)


def _starts_sentence(toks: list[_Token], idx: int, text: str) -> bool:
    """Whether token ``idx`` starts a sentence (or the text)."""
    if idx == 0:
        return True
    return not _SENTENCE_END.isdisjoint(text[toks[idx - 1].end : toks[idx].start])


@lru_cache(maxsize=100_000)  # a name recurs in a report and across reports
def _commonness(phrase: str, surface: str, script: str) -> tuple[float, float]:
    """(commonness, folded_commonness) of a span: how common its words (lowercase, joined by
    spaces) and its folded form are as ordinary words. They depend on the words only."""
    lang = _LANG[script]
    words = phrase.split(" ")  # the words' lowercase forms (no word has a space)
    commonness = _zipf(phrase, lang)
    if script != "latin" and len(words) > 1 and any(_zipf(w, lang) < 3.5 for w in words):
        # The word-frequency rules that judge Arabic and Cyrillic spans (extraction) count a
        # phrase as an ordinary word only when all its words are ("حمام العليل" is a name,
        # though "حمام" is "bath"); the span model reads Latin phrases' own frequency.
        commonness = 0.0
    # Folding gives Latin letters: only a Latin span's folded form is an English word.
    folded = " ".join(_fold_first(surface)) if script == "latin" else phrase
    folded_commonness = _zipf(folded, lang) if folded != phrase else commonness
    return commonness, folded_commonness


def _make_span(
    text: str, toks: list[_Token], i: int, j: int, start: int, end: int, keys: tuple[str, ...]
) -> Span:
    """A span with the facts about its wording that the span model reads
    (:mod:`geomentions.span_features`); no keep/drop decision is taken here."""
    first = toks[i]
    surface = text[start:end]
    script = first.script
    prev = toks[i - 1] if i > 0 else None
    gap_before = text[prev.end : start] if prev else ""
    sentence_initial = _starts_sentence(toks, i, text)
    locative = prev is not None and prev.lower in _LOCATIVE
    commonness, folded_commonness = _commonness(
        " ".join([t.lower for t in toks[i:j]]), surface, script
    )
    if (
        prev is not None
        and prev.lower in ARTICLES
        and i > 1
        and (gap_before == "-" or (gap_before == " " and prev.lower in ("al", "el")))
    ):
        # "Suheil al-Hassan": the word before the article decides (not across the English
        # "as", "at", "an": "from Chad as Sudanese families").
        i_prev = i - 2
        prev, gap_before = toks[i_prev], text[toks[i_prev].end : toks[i - 1].start]
    else:
        i_prev = i - 1
    nxt = toks[j] if j < len(toks) else None
    gap_after = text[end : nxt.start] if nxt else ""
    before = prev.lower.rstrip(".") if prev is not None and len(gap_before) <= 2 else ""
    before2 = ""
    if (
        before
        and prev is not None
        and i_prev > 0
        and text[toks[i_prev - 1].end : prev.start] == " "
    ):
        before2 = toks[i_prev - 1].lower
    after = nxt.lower if nxt is not None and gap_after in (" ", ", ", "-") else ""
    cap_before = cap_after = False
    if script != "arabic":
        # A capitalised word glued to the name that is not part of it: a title-case run
        # ("George Bush", "Brian Lane"), not "Henderson County" or a sentence start.
        cap_before = (
            prev is not None
            and prev.cap
            and prev.script == script
            and gap_before == " "
            and not _starts_sentence(toks, i_prev, text)
            and prev.lower not in _LOCATIVE
            and prev.lower not in en.MONTHS
        )
        cap_after = (
            nxt is not None
            and nxt.cap
            and nxt.script == script
            and gap_after == " "
            and nxt.lower not in _GEO_GENERICS
            # "demonstrated in Bonn Tuesday": a date, not the rest of a name
            and nxt.lower not in en.MONTHS
        )
    given_name_before = (
        script == "latin"
        and prev is not None
        and prev.cap
        and gap_before == " "
        and prev.lower in en.FIRST_NAMES
    )
    hint = (
        feature_hint(surface)
        or _feature_words_before(text, start, script)
        or ("subdistrict" if _SUBDISTRICT_AFTER.match(text, end) else None)
        or ("mountains" if _MOUNTAINS_AFTER.match(text, end) else None)
        or ("district" if script == "latin" and _DISTRICT_AFTER.match(text, end) else None)
    )
    qualifier, direction, offset = _qualifier(text, start, end, script)
    return Span(
        start=start, end=end, text=surface, keys=keys, script=script, feature_hint=hint,
        qualifier=qualifier, direction=direction, offset_km=offset, commonness=commonness,
        folded_commonness=folded_commonness, locative=locative,
        sentence_initial=sentence_initial, before=before, before2=before2, after=after,
        cap_before=cap_before, cap_after=cap_after, given_name_before=given_name_before,
        shouting=script == "latin" and surface.isupper() and _shouting(text),
        headline=script == "latin" and _title_case(_line(text, start, end)),
        caps_line=script != "arabic" and surface.isupper() and _caps_line(_line(text, start, end)),
        container_after=_CONTAINER_AFTER.match(text, end) is not None,
        after_name_comma=prev is not None and prev.cap and gap_before == ", ",
        after_caps=_caps_after(text, toks, j) if cap_after or (nxt is not None and nxt.cap) else (),
    )  # fmt: skip


_LANG = {"latin": "en", "arabic": "ar", "cyrillic": "ru"}
# The compiled scan (geomentions/_scan.pyx, built by ``pip install``) when it is there, the
# pure-Python functions above otherwise or with GEOMENTIONS_PURE=1; both give the same tokens
# and runs (tests/test_scan.py).
_tokens = _tokens_py
_run_end = _run_end_py
_name_starts = _name_starts_py
SCAN = "python"
try:
    from . import _scan
except ImportError:  # built without a compiler: the pure-Python scan
    _scan = None
if _scan is not None:
    _scan.configure(
        _word, _Token, _is_particle, _NAME_ABBREVIATIONS, _NAME_PARTICLES, _AR_PREPOSITIONS,
        _NAME_TAILS, MAX_TOKENS, _AR_STOP, _RU_PREPOSITIONS, ru.GENERIC, _SUN_ARTICLES,
    )  # fmt: skip
    if not os.environ.get("GEOMENTIONS_PURE"):
        _tokens, _run_end, _name_starts = _scan.tokens, _scan.run_end, _scan.name_starts
        SCAN = "compiled"
