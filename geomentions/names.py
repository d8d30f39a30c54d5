"""Name normalisation: many spellings and scripts of one name -> one comparable key.

Arabic script, Cyrillic and the Latin romanisations of Arabic names (BGN/PCGN, French,
Turkish/Kurdish, journalistic) are folded to a small Latin alphabet, token by token, so that

>>> key("Deir ez-Zor"), key("Dayr az Zawr"), key("Deir Ezzor"), key("Дейр-эз-Зор"), key("دير الزور")
('dirzur', 'dirzur', 'dirzur', 'dirzur', 'dirzur')
>>> skeleton(key("Hmeimim")), skeleton(key("حميميم")), skeleton(key("Хмеймим"))
('hmmm', 'hmmm', 'hmmm')

``key`` (N) keeps vowels; ``skeleton`` (K) drops them, because Arabic script writes no short
vowels. Matching scores both (:func:`similarity`). Synonyms (Palmyra = Tadmur) are not a
string problem; they come from the gazetteer's alternate names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from anyascii import anyascii
from rapidfuzz.distance import Indel

__all__ = [
    "fold_tokens",
    "key",
    "key_from_tokens",
    "skeleton",
    "similarity",
    "plain_similarity",
    "feature_hint",
    "HINT_CODES",
    "PHYSICAL_HINTS",
    "script_of",
    "ARTICLES",
    "FEATURE_WORDS",
]

#: "sh" is one sound, kept as one letter (ʃ) in keys: so "sh" + "h" (Shahhat, شحات) is not
#: collapsed as a doubled letter, and ش, ш and Latin sh/sch/ch all meet.
SH = "\u0283"

# --- Arabic script -------------------------------------------------------------------------
_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_MAP = str.maketrans(
    {
        "ا": "a", "أ": "a", "آ": "a", "ى": "a", "ٱ": "a", "إ": "i",
        "ع": "", "ء": "", "ؤ": "w", "ئ": "y",
        "ب": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "h", "ه": "h",
        "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ص": "s",
        "ش": SH, "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m",
        "ن": "n", "و": "w", "ي": "y", "ی": "y", "پ": "p", "چ": "sh", "ژ": "j", "گ": "g",
        "ڤ": "w", "ۆ": "u", "ە": "e", "ڵ": "l", "ڕ": "r", "ێ": "e", "ۇ": "u",
        "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
        "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
        "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
        "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    }
)  # fmt: skip

#: Letters Arabic writers interchange: the seats of hamza on alef, ى and ي, ة and ه, and
#: the Persian forms of ي and ك.
_AR_SPELLING = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"}
)


def arabic_spelling(text: str) -> str:
    """Arabic text as spelled, up to marks and the letters writers interchange (unlike
    :func:`key`, which folds sounds: "الحدود" and "الخدود" differ here).

    >>> arabic_spelling("الأنبار") == arabic_spelling("الانبار")
    True
    """
    return _AR_DIACRITICS.sub("", text).translate(_AR_SPELLING)


# --- Cyrillic ------------------------------------------------------------------------------
_CYR_MAP = str.maketrans(
    {
        "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo",
        "є": "ye", "ж": "j", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ў": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "sh", "ш": "sh", "щ": "sh",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ө": "o",
        "ү": "u", "қ": "k", "ғ": "g", "ң": "n", "һ": "h", "ӏ": "",
    }
)  # fmt: skip

# --- Latin -----------------------------------------------------------------------------------
# Letters whose reading depends on the romanisation system; everything else is NFKD-stripped.
_LATIN_SPECIAL = str.maketrans(
    {
        "ı": "i", "ğ": "g", "ç": "ch", "ž": "zh", "š": "sh", "č": "ch", "ß": "ss",
        "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
        "ʿ": "", "ʾ": "", "‘": "", "’": "", "'": "", "`": "", "´": "", "ʼ": "", "ʻ": "",
    }
)  # fmt: skip
# Marks that say "this is BGN/PCGN romanisation", where ş/ţ/ḩ are emphatics, not sh/ts.
_BGN_MARKS = re.compile("[āīūḩţḑẓḐḨŢĀĪŪʿ‘’]|(?:^|[\\s-])(?:al|as|ash|az|ad|ar|at|an)[\\s-]", re.I)

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

ARTICLES: frozenset[str] = frozenset(
    "al el il ul ar er as es ash esh ech az ez ad ed adh an en at et ath eth l".split()
)
FEATURE_WORDS: frozenset[str] = frozenset(
    """madinat madinah qaryat qarya nahiyat nahiya mintaqat mintaqa markaz mukhayyam muhafazat
    muhafazah city town village province governorate district region airbase airport airfield
    camp subdistrict municipality air base naval military countryside""".split()
)
# Generic words spelled many ways; mapped after the other folds (see ``_fold_latin_token``).
_GENERIC = {
    "tal": "tal", "til": "tal", "tel": "tal", "tell": "tal", "tall": "tal",
    "abu": "abu", "abou": "abu", "ebu": "abu", "bu": "abu", "albu": "abu",
    "kafr": "kafr", "kfar": "kafr", "kifr": "kafr", "kufr": "kafr", "kfr": "kafr",
    "jabal": "jabal", "jibil": "jabal", "jabl": "jabal", "jbl": "jabal",
    "shih": "shih", "shaih": "shih", "shayh": "shih",
    "jisr": "jisr", "jsr": "jisr",
    "wadi": "wadi", "uid": "wadi", "wad": "wadi",
    "kalat": "kalat", "kalaat": "kalat", "kalah": "kalat",
}  # fmt: skip

_DIGRAPHS = [
    ("tch", "ch"),
    ("dsch", "j"),
    ("dzh", "j"),
    ("dj", "j"),
    ("dz", "j"),
    ("zh", "j"),
    ("sch", "sh"),
    ("ch", "sh"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "kh"),  # Kurdish/Turkish x; folded again to h below
    ("kh", "h"),
    ("v", "w"),
]
_C_SOFT = re.compile(r"c(?=[eiy])")
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1+")
_REPEATED_VOWEL = re.compile(r"([aiu])\1+")
_GLUED_ARTICLE = re.compile(r"^[ae](tt|dd|rr|zz|ss|nn|ll|sh)")
_VOWELS = "aeiou"
_SKELETON_DROP = str.maketrans("", "", "aeiouyw")


def script_of(text: str) -> str:
    """The script of the first letter: ``"arabic"``, ``"cyrillic"`` or ``"latin"``.

    >>> script_of("دير الزور"), script_of("Хмеймим"), script_of("Hama")
    ('arabic', 'cyrillic', 'latin')
    """
    if text.isascii():
        return "latin"  # no Arabic or Cyrillic letter can be in it
    for ch in text:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            return "arabic"
        if 0x0400 <= o <= 0x052F:
            return "cyrillic"
        if ch.isalpha():
            return "latin"
    return "latin"


def _fold_vowels(tok: str, arabic: bool) -> str:
    """Rule set shared by all scripts: doubles, y/w, vowel qualities, final vowel."""
    tok = _DOUBLE.sub(r"\1", tok)
    if arabic:
        # Between consonants Arabic و/ي are long vowels (no short vowels are written).
        chars = list(tok)
        for i in range(1, len(chars)):
            c = chars[i]
            if c in "wy":
                prev_v = chars[i - 1] in _VOWELS
                next_v = i + 1 < len(chars) and chars[i + 1] in _VOWELS
                if not prev_v and not next_v:
                    chars[i] = "u" if c == "w" else "i"
        tok = "".join(chars)
    # y stays a consonant initially and between vowels; elsewhere it is a vowel i.
    if "y" in tok[1:]:  # (most words have none after the first letter: nothing to do)
        out = []
        for i, c in enumerate(tok):
            if c == "y" and i > 0:
                prev_v = tok[i - 1] in _VOWELS
                next_v = i + 1 < len(tok) and tok[i + 1] in _VOWELS
                if not (prev_v and next_v):
                    c = "e" if prev_v and tok[i - 1] in "ae" else "i"
            out.append(c)
        tok = "".join(out)
    for a, b in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ai", "e"), ("ei", "e"), ("ae", "e")):
        tok = tok.replace(a, b)
    for a, b in (("aw", "u"), ("au", "u"), ("ow", "u"), ("uw", "u"), ("o", "u"), ("e", "i")):
        tok = tok.replace(a, b)
    tok = _DOUBLE.sub(r"\1", tok)
    tok = _REPEATED_VOWEL.sub(r"\1", tok)
    if len(tok) > 3 and tok[-1] in "ai" and tok[-2] not in _VOWELS:
        tok = tok[:-1] + "a"
    return tok


@lru_cache(maxsize=200_000)
def _fold_arabic_word(word: str) -> str:
    word = _AR_DIACRITICS.sub("", word)
    # The article is written joined; drop it from longer words. Not "وال", "بال": in a name
    # that is Wal-, Bal- ("والدرون" Waldron, not "and the" Dron); running text has its
    # conjunctions and prepositions taken off by recognition before a word is looked up.
    for prefix in ("لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    if word.endswith("ة") or (word.endswith("ه") and len(word) > 3):
        word = word[:-1] + "a"  # taa marbuta, often written as a plain final ha
    word = word.replace("ة", "t")
    if word.startswith("ع"):
        word = "ا" + word[1:]  # an initial ʿayn is heard as a vowel: عمان Amman, عين Ayn
    # ش is one letter: keep it whole (ʃ) so that "sh" + ح does not collapse as a double.
    return _fold_vowels(word.translate(_AR_MAP), arabic=True)


@lru_cache(maxsize=200_000)
def _fold_cyrillic_word(word: str) -> str:
    word = word.lower().replace("дж", "j").translate(_CYR_MAP)
    return word if word in ARTICLES else _fold_vowels(word, arabic=False).replace("sh", SH)


@lru_cache(maxsize=400_000)
def _fold_latin_token(tok: str, bgn: bool) -> str:
    """One lowercase ASCII Latin token -> folded token (digraphs, vowels, generic words)."""
    if tok in ARTICLES or tok in FEATURE_WORDS:
        return tok  # dropped (or kept) at the token-list level
    if len(tok) > 2 and tok[-1] == "h" and tok[-2] in _VOWELS:
        tok = tok[:-1]  # taa marbuta: Hamah -> Hama
    tok = _C_SOFT.sub("s", tok).replace("c", "k") if "c" in tok and "ch" not in tok else tok
    for a, b in _DIGRAPHS:
        if a in tok:
            tok = tok.replace(a, b)
    tok = tok.replace("c", "k")
    tok = _fold_vowels(tok, arabic=False)
    return _GENERIC.get(tok, tok).replace("sh", SH)


def _latin_ascii(text: str, bgn: bool) -> str:
    if text.isascii():
        # Most words: ASCII has no ş, no decompositions and no combining marks.
        return text.lower().translate(_LATIN_SPECIAL)
    text = text.lower()
    text = text.replace("ş", "s" if bgn else "sh").replace("ș", "s" if bgn else "sh")
    text = text.translate(_LATIN_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_APOSTROPHES = re.compile("[ʿʾ‘’'`´ʼʻ]")


def fold_tokens(name: str) -> list[str]:
    """Split a name into folded tokens, any script. Articles/feature words are kept here.

    >>> fold_tokens("Deir ez-Zor"), fold_tokens("دير الزور"), fold_tokens("Ḩamāh")
    (['dir', 'ez', 'zur'], ['dir', 'zur'], ['hama'])
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be str, not {type(name).__name__}")
    if not name.isascii():
        # Compatibility forms are their plain letters: styled "𝐀𝐥𝐞𝐩𝐩𝐨", Arabic presentation forms.
        name = unicodedata.normalize("NFKC", name)
    bgn = bool(_BGN_MARKS.search(name))
    out: list[str] = []
    # ʿayn and hamza marks sit inside words (Ma`arrat); drop them before splitting.
    for word in _WORD.findall(_APOSTROPHES.sub("", name)):
        script = script_of(word)
        if script == "arabic":
            tok = _fold_arabic_word(word)
        elif script == "cyrillic":
            tok = _fold_cyrillic_word(word)
        else:
            ascii_word = _latin_ascii(word, bgn)
            if not ascii_word.isascii():
                ascii_word = anyascii(ascii_word).lower()
            for piece in _NON_ALNUM.split(ascii_word):
                if not piece:
                    continue
                # A glued assimilated article on a later word: Deir Ezzor, Ras Assafira.
                if out and len(piece) > 4 and _GLUED_ARTICLE.match(piece):
                    out.append(piece[:2])
                    piece = piece[2:]
                out.append(_fold_latin_token(piece, bgn))
            continue
        if tok:
            out.append(tok)
    return out


def _joined_subdistrict(toks: list[str]) -> list[str]:
    """The two tokens of "sub-district" are the feature word "subdistrict"."""
    out: list[str] = []
    for t in toks:
        if t == "district" and out and out[-1] == "sub":
            out[-1] = "subdistrict"
        else:
            out.append(t)
    return out


def key_from_tokens(tokens: Sequence[str]) -> str:
    """Join folded tokens into the key N, dropping articles and feature words.

    Articles and feature words go only while more than one token is left, so "Al Bab" -> "bab"
    but a place called just "Camp" keeps its name.
    """
    toks = [t for t in tokens if t]
    if "sub" in toks:
        toks = _joined_subdistrict(toks)
    if len(toks) > 1:
        kept = [t for t in toks if t not in ARTICLES]
        toks = kept or toks[-1:]
    if len(toks) > 1:
        kept = [t for t in toks if t not in FEATURE_WORDS]
        toks = kept or toks[:1]
    return _DOUBLE.sub(r"\1", "".join(toks))


@lru_cache(maxsize=100_000)  # asked again of the same place names in every report
def key(name: str) -> str:
    """The comparable key N of a name (folded, no articles, no separators).

    >>> key("Hama"), key("Hamah"), key("Ḩamāh"), key("Хама")
    ('hama', 'hama', 'hama', 'hama')
    >>> key("حماة")  # no short vowels in Arabic script: it meets the others on the skeleton
    'hma'

    """
    return key_from_tokens(fold_tokens(name))


def skeleton(name_key: str) -> str:
    """The consonant skeleton K of a key: vowels, y and w removed.

    >>> skeleton("dirzur")
    'drzr'
    """
    return name_key.translate(_SKELETON_DROP)


@lru_cache(maxsize=100_000)
def _plain(name: str) -> str:
    return anyascii(name).lower()


def plain_similarity(a: str, b: str) -> float:
    """Similarity 0..1 of the plain ASCII transliterations (case-folded).

    >>> plain_similarity("Sirte", "Cirta")
    0.6
    """
    return Indel.normalized_similarity(_plain(a), _plain(b))


def similarity(
    query: str, name: str, *, query_key: str | None = None, name_key: str | None = None
) -> float:
    """Similarity 0..1 of two names: 0.45 key + 0.45 skeleton + 0.10 plain transliteration.

    >>> round(similarity("Deir Ezzor", "Dayr az Zawr"), 2)
    0.95
    """
    qk = query_key if query_key is not None else key(query)
    nk = name_key if name_key is not None else key(name)
    if not qk or not nk:
        return 0.0
    n_score = Indel.normalized_similarity(qk, nk)
    k_score = Indel.normalized_similarity(skeleton(qk), skeleton(nk))
    p_score = plain_similarity(query, name)
    return 0.45 * n_score + 0.45 * k_score + 0.10 * p_score


# Feature words in Arabic and Russian, folded like any other token ("محافظة إدلب" = Idlib).
_FOREIGN_FEATURE_WORDS = (
    "محافظة مدينة قرية بلدة ناحية منطقة مطار قاعدة مخيم قضاء "
    "провинция район город авиабаза аэропорт аэродром деревня село посёлок поселок область "
    "губернаторство мухафаза"
)
FEATURE_WORDS = FEATURE_WORDS | frozenset(
    tok for word in _FOREIGN_FEATURE_WORDS.split() for tok in fold_tokens(word)
)


# What a feature word asks for: "Idlib province" means the division, "Hmeymim airbase" the base.
_HINT_WORDS: dict[str, str] = {
    "admin": ("province governorate muhafazat muhafazah oblast krai kray محافظة провинция "
              "область губернаторство мухафаза"),
    "region": "region regional إقليم регион",
    "district": "district قضاء район",
    "subdistrict": "subdistrict nahiya nahiyat ناحية",
    "airbase": "airbase base airfield airport air قاعدة مطار авиабаза аэродром аэропорт",
    "camp": "camp mukhayyam مخيم",
    "crossing": "crossing معبر кпп",
    "naval": "naval navy port harbour harbor ميناء порт",
    "city": "city town village madinat madinah qaryat qarya مدينة قرية بلدة город деревня село",
    "mountains": "mountains",  # plural only: "Stone Mountain" and "Mountain View" are towns
    # "The Red Sea" is the sea, not Sudan's or Egypt's Red Sea state.
    "sea": "sea بحر البحر море",
}  # fmt: skip
#: Feature codes each hint prefers.
HINT_CODES: dict[str, tuple[str, ...]] = {
    "admin": ("ADM1", "ADM2"),
    # "The Kursk region" is the oblast; "the Kurdistan Region" is a region with no ADM row.
    "region": ("ADM1", "ADM2", "RGN"),
    "district": ("ADM2", "ADM3", "ADM1"),  # Lebanon's and Iraq's "districts" are often ADM1
    "subdistrict": ("ADM3",),  # Syria's nahiya
    "airbase": ("AIRB", "AIRP", "AIRF", "MILB", "AIRH"),
    "camp": ("CMP", "CMPRF"),
    "crossing": ("PSTB",),
    "naval": ("NVB", "PRT", "MILB"),
    "city": ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX"),
    "mountains": ("MTS", "MT", "RDGE", "HLLS", "PK", "PKS", "UPLD"),
    "sea": ("SEA", "GULF", "OCN", "STRT", "BAY", "LGN"),
}
#: Hints for land that no town is: a name that asks for one and has none gets no place
#: ("the Qandil mountains" is not Kandel, Germany).
PHYSICAL_HINTS = frozenset({"mountains"})
_HINT_OF_TOKEN = {
    tok: hint
    for hint, words in _HINT_WORDS.items()
    for w in words.split()
    for tok in fold_tokens(w)
}


@lru_cache(maxsize=100_000)  # asked of every span found in running text
def feature_hint(name: str) -> str | None:
    """The feature type a name's own words ask for, if any.

    >>> feature_hint("Idlib province"), feature_hint("Hmeymim air base"), feature_hint("Hama")
    ('admin', 'airbase', None)
    """
    toks = fold_tokens(name)
    if len(toks) < 2:
        return None
    if "sub" in toks:
        toks = _joined_subdistrict(toks)
    for tok in toks:
        hint = _HINT_OF_TOKEN.get(tok)
        if hint:
            return hint
    return None


def _abbreviations() -> dict[str, dict[str, str]]:
    ref = resources.files("geomentions") / "data" / "abbreviations.json"
    return json.loads(ref.read_text(encoding="utf-8"))


_ABBREVIATIONS = _abbreviations()
#: First-level divisions as wire copy and postal codes abbreviate them after a town
#: ("Charleston, W.Va.", "Regina, Sask.", "Austin, TX"); data in ``data/abbreviations.json``.
US_STATE_ABBREVIATIONS: dict[str, str] = _ABBREVIATIONS["divisions_after_town"]
#: Divisions whose abbreviation stands alone, being no ordinary word ("NSW").
DIVISION_ABBREVIATIONS: dict[str, str] = _ABBREVIATIONS["divisions_standalone"]
#: Country abbreviations in running text and the country each stands for ("US" is not Osh,
#: whose old name is Us; "DRC", "KSA", "BiH").
COUNTRY_ABBREVIATIONS: dict[str, str] = _ABBREVIATIONS["countries"]
