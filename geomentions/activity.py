"""Link a place mention to the activity its report ties to it (English, Arabic, Russian).

Three public functions, all stdlib-only and linear in the length of the text:

* :func:`sentence_spans` - where the sentences of a report start and end;
* :func:`find_date` - the first explicit full date in a text;
* :func:`activity_for` - the :class:`~geomentions.model.Activity` of one mention: event type,
  counts ("24 targets"), named actors, date and sentence.

Event types
-----------
Each type is recognised by a keyword lexicon (``_TRIGGERS``). Arabic stems may carry the usual
prefixes (و ف ب ك ل and the article ال) and any suffix; Russian stems any ending.

``airstrike``
    Bombs or missiles delivered from the air, drones included: "airstrike(s)", "air strike",
    "air raid", "barrel bombs"; weak (generic) words "struck", "strikes", "bombed", "hit";
    ar غارة/غارات, قصف جوي, ضربات جوية, براميل متفجرة; ru авиаудар, авианалёт, бомбардировка,
    weak удар(ы), поражены.
``shelling``
    Artillery, mortar, rocket and missile fire (ACLED puts missiles here too): "shelling",
    "shelled", "artillery", "mortar", "rocket fire", "missiles"; ar قصف مدفعي, قذائف, هاون,
    صواريخ, and bare قصف as a weak word; ru обстрел, артиллерия, миномёт, РСЗО, снаряды.
``clashes``
    Armed fighting between parties on the ground: "clashes", "fighting", "battle",
    "firefight"; weak "offensive", "assault", "ambush"; ar اشتباكات, معارك, قتال, مواجهات;
    ru бои, столкновения, перестрелка, weak штурм, наступление.
``sortie``
    Combat flights by aircraft, as counted in defence-ministry briefings: "sortie(s)",
    "combat flights", weak "flights"; ar طلعة/طلعات; ru вылет(ов), самолёто-вылеты.
``explosion``
    Explosive devices and blasts not fired by artillery or aircraft: "explosion", "blast",
    "IED", "car bomb", "suicide bombing", "landmine"; ar انفجار, تفجير, عبوة ناسفة,
    سيارة مفخخة; ru взрыв, подрыв, СВУ, смертник.
``displacement``
    People forced from their homes: "displaced", "fled", "IDPs", "refugees"; weak
    "evacuated"; ar نزوح, نازحين, تهجير, لاجئين; ru беженцы, переселенцы, бежали.
``protest``
    Demonstrations and protests: "protest", "demonstration", "rally", "sit-in";
    ar مظاهرة, احتجاج, اعتصام; ru протест, митинг, демонстрация, пикет.
``other``
    No trigger word in the sentence.

How a mention gets its type: the sentence is cut into clauses at strong breaks (";", "while",
"whereas", "but", ", and in", فيما/بينما/كما, "а"/"но"/"однако") and clauses into segments at
weak breaks (commas, "and", "و", "и", colons, dashes). The nearest trigger in the mention's own
segment wins (specific words before weak ones); a segment without one takes the trigger of the
nearest earlier segment in its clause, then of a later one - so a list of places shares the
event of its clause. A weak strike word ("struck", قصف) next to aircraft words ("warplanes",
الطائرات, самолёты) means an airstrike. "sortie" wins over "airstrike" only when sorties are what
the clause counts ("carried out 12 sorties against 24 targets").

Counts are read from the whole sentence; vague quantities are kept at their smallest reading
("dozens" 24, "hundreds" 200, "thousands" 2000, عشرات 20, десятки 20). Years, dates, clock
times, durations and distances are not counts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache
from collections.abc import Iterable, Sequence

from geomentions.model import EVENT_TYPES, Activity, Count

__all__ = ["activity_for", "find_date", "sentence_spans"]

# ----------------------------------------------------------------------------- helpers

#: Arabic short vowels, shadda, sukun, dagger alef and tatweel: written in some texts, never
#: part of a word's identity, so patterns allow them after every letter.
_AR_MARKS = "\u064b-\u065f\u0670\u0640"
_AR_LETTER = "\u0621-\u064a"
_ALEFS = "اأإآ"
#: Conjunction (و ف), preposition (ب ك ل) and article (ال, or لل after ل).
_AR_PREFIX = "(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"


def _ar_literal(word: str) -> str:
    """Regex for an Arabic word: any alef form, final ي/ى alike, diacritics allowed."""
    out = []
    for i, ch in enumerate(word):
        if ch in _ALEFS:
            out.append(f"[{_ALEFS}]")
        elif ch in "يى" and i == len(word) - 1:
            out.append("[يى]")
        elif ch.isspace():
            out.append(r"\s+")
            continue
        else:
            out.append(re.escape(ch))
        out.append(f"[{_AR_MARKS}]*")
    return "".join(out)


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _ar_phrase(phrase: str, *, stem: bool) -> str:
    """Arabic phrase: prefixes on the first word, optional article on the others.

    ``stem`` lets each word run on into suffixes (غارة -> غاراتها); otherwise words end there.
    """
    tail = r"\w*" if stem else ""
    words = [_ar_literal(_strip_article(w)) + tail for w in phrase.split()]
    rest = "".join(rf"\s+(?:ال)?{w}" for w in words[1:])
    return rf"(?<!\w){_AR_PREFIX}{words[0]}{rest}(?!\w)"


def _ru_phrase(phrase: str) -> str:
    """Russian phrase of stems: each word may take any ending; е and ё alike."""
    words = [re.sub("[её]", "[её]", re.escape(w)) + r"\w*" for w in phrase.split()]
    return r"\b" + r"\s+".join(words)


def _word_phrase(phrase: str) -> str:
    """Whole words (any script); a space also matches a hyphen ("air-strike")."""
    return r"\b" + r"[\s\-]{1,3}".join(re.escape(w) for w in phrase.split()) + r"\b"


def _compile_lexicon(entries: dict[str, Sequence[str]], *, ar_stem: bool) -> str:
    """One regex from ``{"words"|"abbr"|"ru"|"ar": literals}``; only the abbreviations are
    case-sensitive."""
    parts: list[str] = []
    for kind, items in entries.items():
        # Longest first: Python alternation takes the first branch that matches.
        items = sorted(items, key=len, reverse=True)
        if kind == "words":
            parts.append("(?i:" + "|".join(_word_phrase(w) for w in items) + ")")
        elif kind == "abbr":
            parts.append("|".join(_word_phrase(w) for w in items))
        elif kind == "ru":
            parts.append("(?i:" + "|".join(_ru_phrase(w) for w in items) + ")")
        elif kind == "ar":
            parts.append("|".join(_ar_phrase(w, stem=ar_stem) for w in items))
        else:  # pragma: no cover - a typo in the data below
            raise KeyError(kind)
    return "|".join(p for p in parts if p)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


# ----------------------------------------------------------------------------- sentences

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'»”’)]"
#: A run of terminators (+ closing quotes) followed by space or the end, or a line break.
#: The lookbehind stops retries inside a run, which keeps long runs of dots linear.
_BOUNDARY_RE = re.compile(
    rf"(?P<p>(?<![{_TERMINATORS}])[{_TERMINATORS}]+[{re.escape(_CLOSERS)}]*)(?=\s|\Z)(?P<w>\s*)"
    r"|(?P<n>\n\s*)"
)

#: Abbreviations after which "." never ends a sentence (lowercase, without the final dot).
_NONTERMINAL_ABBREVS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt brig adm gov sen rep st mt no nos vs approx
    est ca cf fig vol art para ref e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec
    им ул пр пос пгт н.п с д п х р-н обл ст св тыс млн млрд руб ген т.е см""".split()
)
#: Abbreviations that may end a sentence but never before a number ("km. 5", "No. 5").
_NUMBER_ABBREVS = frozenset("km kms m mi kg ft no nos p pp км м кг т.д т.п etc".split())


def _is_period_end(text: str, dot: int, seg_start: int, nxt: str) -> bool:
    """Does the "." at ``dot`` end a sentence? ``nxt`` is the next non-space character."""
    i = dot
    while i > seg_start and not text[i - 1].isspace() and dot - i < 40:
        i -= 1
    token = text[i:dot].lstrip("\"'«“‘([")
    if not token:
        return True
    low = token.lower()
    if low == "г":  # год after a year ("2016 г. Вечером ..."), город before a name
        j = i - 1
        while j >= seg_start and text[j].isspace():
            j -= 1
        return j >= seg_start and text[j].isdigit()
    if low in _NONTERMINAL_ABBREVS:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Smith", "В. Иванов"
    if "." in low and low not in _NUMBER_ABBREVS:
        parts = low.split(".")
        if all(p.isalpha() and len(p) <= 3 for p in parts):
            return False  # "U.S.", "U.N." before a capitalised word
    if nxt.isdigit() and low in _NUMBER_ABBREVS:
        return False
    # A list number or letter alone at the start of a line ("1. Russian aircraft ...").
    if i == seg_start and len(token) <= 3 and (token.isdigit() or len(token) == 1):
        return False
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries of ``text`` as ``(start, end)`` character offsets.

    Spans are in order, do not overlap, start and end on non-space characters, and together
    hold every non-space character of the text. A sentence ends at ".", "!", "?", "؟" or "…"
    followed by space (not after abbreviations such as "U.S.", "No. 5" or initials, and not
    before a lowercase word), at a blank line, and at a line break unless the next line goes on
    in lowercase. Runs in linear time.

    >>> text = "Jets struck Idlib. The U.S. said No. 5 was hit!\\nهل قصفت؟ نعم."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Jets struck Idlib.', 'The U.S. said No. 5 was hit!', 'هل قصفت؟', 'نعم.']
    """
    _check_text(text)
    n = len(text)
    cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
    seg_start = 0
    for m in _BOUNDARY_RE.finditer(text):
        nxt_pos = m.end()
        punct = m.group("p")
        if punct is not None:
            cut, space = m.end("p"), m.group("w")
        else:
            cut, space = m.start(), m.group("n")
        if nxt_pos >= n:
            split = True
        else:
            nxt = text[nxt_pos]
            breaks = space.count("\n")
            if breaks >= 2:
                split = True  # a paragraph always ends a sentence
            elif nxt.islower():
                split = False  # the sentence goes on
            elif punct is None or breaks == 1:
                split = True
            elif nxt.isdigit() and punct.startswith("..."):
                split = False  # a dotted leader in a table: "Ain Issa camp ...... 9,200"
            elif punct.rstrip(_CLOSERS) == ".":
                split = _is_period_end(text, m.start("p"), seg_start, nxt)
            else:
                split = True
        if split:
            cuts.append((cut, nxt_pos))
            seg_start = nxt_pos
    spans: list[tuple[int, int]] = []
    start = 0
    for cut, nxt_pos in [*cuts, (n, n)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start = nxt_pos
    return spans


# ----------------------------------------------------------------------------- dates

_EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
#: Genitive stems as used after a day ("24 марта"); the nominative also matches.
_RU_MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_RU_MONTH_ENDINGS = "(?:я|а|ь|й|е)?"
#: Levantine/Iraqi (كانون الثاني ...), Egyptian/Gulf (يناير ...) and Maghrebi (جانفي ...) names.
_AR_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "كانون ثاني", "يناير", "جانفي"),
    2: ("شباط", "فبراير", "فيفري"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "أفريل"),
    5: ("أيار", "مايو", "ماي"),
    6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "جويلية"),
    8: ("آب", "أغسطس", "أوت"),
    9: ("أيلول", "سبتمبر"),
    10: ("تشرين الأول", "تشرين أول", "أكتوبر"),
    11: ("تشرين الثاني", "تشرين ثاني", "نوفمبر"),
    12: ("كانون الأول", "كانون أول", "ديسمبر"),
}


def _ar_norm(word: str) -> str:
    """Arabic word for dictionary look-up: no diacritics, one alef, ي for final ى, no spaces."""
    word = re.sub(f"[{_AR_MARKS}\\s]", "", word)
    return re.sub(f"[{_ALEFS}]", "ا", word).replace("ى", "ي")


_AR_MONTH_LOOKUP = {_ar_norm(name): m for m, names in _AR_MONTHS.items() for name in names}
_EN_MONTH_RE = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_RU_MONTH_RE = "|".join(sorted(_RU_MONTHS, key=len, reverse=True))
_AR_MONTH_RE = "|".join(
    _ar_literal(n) for n in sorted({n for v in _AR_MONTHS.values() for n in v}, key=len)[::-1]
)
_SP = r"\s{1,3}"
_ORD = "(?:st|nd|rd|th)?"
#: Every full-date form; the outer group name says which one matched (``lastgroup``).
#: Spaces are bounded so that no branch can scan far ahead: the pattern stays linear.
_DATE_RE = re.compile(
    "|".join(
        (
            r"(?P<iso>(?<![\d.])\d{4}-\d{1,2}-\d{1,2}(?!\d))",
            r"(?P<num>(?<![\d.,:/-])\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{4}(?!\d))",
            rf"(?P<en_dmy>(?<!\d)\d{{1,2}}{_ORD}{_SP}(?:of{_SP})?(?i:{_EN_MONTH_RE})\b\.?,?"
            rf"{_SP}\d{{4}}(?!\d))",
            rf"(?P<en_mdy>\b(?i:{_EN_MONTH_RE})\b\.?{_SP}\d{{1,2}}{_ORD},?{_SP}\d{{4}}(?!\d))",
            rf"(?P<ru>(?<!\d)\d{{1,2}}{_SP}(?i:(?:{_RU_MONTH_RE}){_RU_MONTH_ENDINGS})\b"
            rf"{_SP}\d{{4}}(?!\d))",
            rf"(?P<ar>(?<!\d)\d{{1,2}}\s{{0,3}}(?:من{_SP})?(?:شهر{_SP})?(?:{_AR_MONTH_RE})(?!\w)"
            rf"(?:\s{{0,3}}/\s{{0,3}}(?:{_AR_MONTH_RE})(?!\w))?\s{{0,3}}[،,]?\s{{0,3}}"
            rf"(?:(?:من{_SP})?(?:ال)?(?:عام|سنة){_SP})?\d{{4}}(?!\d))",
        )
    )
)
_DIGITS_RE = re.compile(r"\d+")
_EN_MONTH_FIND = re.compile(rf"(?i:\b(?:{_EN_MONTH_RE})\b)")
_RU_MONTH_FIND = re.compile(rf"(?i:\b(?:{_RU_MONTH_RE}){_RU_MONTH_ENDINGS}\b)")
_AR_MONTH_FIND = re.compile(rf"(?:{_AR_MONTH_RE})(?!\w)")


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    """The date a ``_DATE_RE`` match spells, or None when it is not a real day."""
    kind = m.lastgroup
    s = m.group(0)
    nums = [int(x) for x in _DIGITS_RE.findall(s)]
    if kind == "iso":
        y, mo, d = nums
    elif kind == "num":
        d, mo, y = nums
    else:
        d, y = nums[0], nums[-1]
        if kind == "en_mdy":
            d = nums[0]
        if kind in ("en_dmy", "en_mdy"):
            found = _EN_MONTH_FIND.search(s)
            mo = _EN_MONTHS[found.group(0).lower()] if found else 0
        elif kind == "ru":
            found = _RU_MONTH_FIND.search(s)
            word = found.group(0).lower() if found else ""
            mo = next((v for k, v in _RU_MONTHS.items() if word.startswith(k) and k != "ма"), 0)
            if not mo and word.startswith("ма"):
                mo = 5 if word in ("мая", "май") else 0
        else:
            found = _AR_MONTH_FIND.search(s)
            mo = _AR_MONTH_LOOKUP.get(_ar_norm(found.group(0)), 0) if found else 0
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """The first explicit full date (day, month and year) in ``text``, or None.

    Reads "24 March 2016", "March 24, 2016", "2016-03-24", "24/03/2016" and "24.03.2016"
    (day first), Arabic "24 آذار 2016" / "24 مارس 2016" (also with Arabic-Indic digits and
    "آذار/مارس"), Russian "24 марта 2016 года". Impossible dates (31 February) are skipped.

    >>> find_date("Brifing, 24 марта 2016 года")
    datetime.date(2016, 3, 24)
    >>> find_date("٢٤ آذار ٢٠١٦") == dt.date(2016, 3, 24)
    True
    >>> find_date("31 February 2016, then 1 March 2016")
    datetime.date(2016, 3, 1)
    """
    _check_text(text)
    for m in _DATE_RE.finditer(text):
        day = _date_from_match(m)
        if day is not None:
            return day
    return None


# ----------------------------------------------------------------------------- event lexicon

#: Strong triggers: words that name one kind of event. Keys of the inner dicts: "words" whole
#: words or phrases (case-insensitive), "abbr" case-sensitive whole words, "ru" Russian stems,
#: "ar" Arabic stems (prefixes and suffixes allowed). All entries are literals.
_TRIGGERS: dict[str, dict[str, tuple[str, ...]]] = {
    "airstrike": {
        "words": (
            "airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids",
            "airraid", "airraids", "air attack", "air attacks", "aerial attack",
            "aerial attacks", "aerial bombardment", "aerial bombing", "aerial strikes",
            "bombing raid", "bombing raids", "barrel bomb", "barrel bombs", "drone strike",
            "drone strikes", "drone attack", "drone attacks",
        ),
        "ru": (
            "авиаудар", "авианалёт", "авиационн удар", "бомбардировк", "ракетно-бомбов",
            "авиабомб",
        ),
        "ar": (
            "غارة", "غارات", "قصف جوي", "ضربة جوية", "ضربات جوية", "براميل متفجرة",
            "برميل متفجر",
        ),
    },
    "explosion": {
        "words": (
            "explosion", "explosions", "exploded", "explosive device", "explosive devices",
            "blast", "blasts", "car bomb", "car bombs", "car bombing", "car bombings",
            "suicide bomber", "suicide bombers", "suicide bombing", "suicide bombings",
            "suicide attack", "suicide attacks", "landmine", "landmines", "land mine",
            "land mines", "detonated", "detonation", "roadside bomb", "roadside bombs",
            "booby trap", "booby-trapped",
        ),
        "abbr": ("IED", "IEDs", "VBIED", "VBIEDs", "СВУ"),
        "ru": ("взрыв", "подрыв", "смертник", "самодельн взрывн", "заминир"),
        "ar": (
            "انفجار", "انفجر", "تفجير", "عبوة ناسفة", "عبوات ناسفة", "سيارة مفخخة",
            "سيارات مفخخة", "انتحاري", "لغم", "ألغام",
        ),
    },
    "shelling": {
        "words": (
            "shelling", "shellings", "shelled", "shells", "artillery", "mortar", "mortars",
            "rocket fire", "rocket attack", "rocket attacks", "missile", "missiles",
            "missile strike", "missile strikes", "howitzer", "howitzers", "tank fire",
            "cannon fire", "multiple rocket launchers", "barrage", "barrages", "rocket",
            "rockets",
        ),
        "abbr": ("MLRS", "Grad", "HIMARS", "РСЗО"),
        "ru": ("обстрел", "артиллер", "миномёт", "реактивн систем залпов", "ракетн", "снаряд"),
        "ar": (
            "قصف مدفعي", "قصف صاروخي", "مدفعية", "مدفعي", "قذائف", "قذيفة", "هاون", "صاروخ",
            "صواريخ", "راجمات", "راجمة",
        ),
    },
    "clashes": {
        "words": (
            "clash", "clashes", "clashed", "fighting", "fought", "battle", "battles", "battled",
            "firefight", "firefights", "gunfight", "gunfights", "gun battle", "gun battles",
            "skirmish", "skirmishes", "exchange of fire", "exchanges of fire",
            # Russian бой has too short a stem; its forms are listed as words.
            "бой", "боя", "бою", "боем", "бои", "боёв", "боев", "боях", "боям", "боями",
        ),
        "ru": ("столкновени", "боестолкновени", "сражени", "перестрелк"),
        "ar": ("اشتباك", "اشتبك", "معارك", "معركة", "قتال", "اقتتال", "مواجهات"),
    },
    "sortie": {
        "words": ("sortie", "sorties", "combat flight", "combat flights"),
        "ru": ("вылет",),
        "ar": ("طلعة", "طلعات"),
    },
    "displacement": {
        "words": (
            "displaced", "displacement", "fled", "flee", "flees", "fleeing", "refugee",
            "refugees", "exodus", "uprooted",
        ),
        "abbr": ("IDP", "IDPs"),
        "ru": ("беженц", "переселенц", "бежал"),
        "ar": ("نزوح", "نازح", "نزح", "تهجير", "مهجر", "لاجئ", "فرار", "فروا"),
    },
    "protest": {
        "words": (
            "protest", "protests", "protested", "protesting", "protester", "protesters",
            "protestor", "protestors", "demonstration", "demonstrations", "demonstrators",
            "demonstrated", "rally", "rallies", "sit-in", "sit-ins",
        ),
        "ru": ("протест", "митинг", "демонстрант", "демонстраци", "пикет"),
        "ar": ("مظاهرة", "مظاهرات", "تظاهر", "متظاهر", "احتجاج", "اعتصام"),
    },
}  # fmt: skip

#: Weak triggers: generic words used only when the scope has no strong one.
_WEAK_TRIGGERS: dict[str, dict[str, tuple[str, ...]]] = {
    "airstrike": {
        "words": (
            "struck", "strike", "strikes", "striking", "bombed", "bombing", "bombings",
            "bombard", "bombarded", "bombardment", "bombardments", "pounded", "hit", "raid",
            "raids",
        ),
        "ru": ("удар", "бомбил", "отбомбил", "поражен", "поразил"),
        "ar": ("ضربة", "ضربات"),
    },
    # Bare قصف is any bombardment; aircraft words nearby make it an airstrike.
    "shelling": {"ar": ("قصف",)},
    "clashes": {
        "words": ("offensive", "assault", "assaults", "ambush", "ambushed", "ambushes"),
        "ru": ("штурм", "наступлени"),
        "ar": ("اقتحام",),
    },
    "sortie": {"words": ("flight", "flights")},
    "displacement": {
        "words": ("evacuated", "evacuation", "evacuations"),
        "ru": ("эвакуаци", "эвакуир"),
        "ar": ("إجلاء",),
    },
}  # fmt: skip

#: Aircraft words: a weak strike word in a clause with one of these is an airstrike.
_AIR_CONTEXT: dict[str, tuple[str, ...]] = {
    "words": (
        "aircraft", "jet", "jets", "warplane", "warplanes", "plane", "planes", "helicopter",
        "helicopters", "gunship", "gunships", "drone", "drones", "bomber", "bombers",
        "air force", "aerospace forces", "aviation",
    ),
    "abbr": ("VKS", "UAV", "UAVs", "ВКС", "БПЛА", "ВВС"),
    "ru": ("авиаци", "самолёт", "вертолёт", "беспилотн", "бомбардировщ", "штурмовик", "дрон"),
    "ar": ("طائرة", "طائرات", "طيران", "مروحي", "مسيرة", "مسيرات", "مقاتلات"),
}  # fmt: skip


def _build_trigger_re() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    # Strong before weak, airstrike first: at one position the first branch wins, so
    # "قصف جوي" is an airstrike, not a weak قصف, and "ракетно-бомбовый" not a ракетн.
    groups: list[str] = []
    names: dict[str, tuple[str, bool]] = {}
    for strong, table in ((True, _TRIGGERS), (False, _WEAK_TRIGGERS)):
        for etype, entries in table.items():
            name = f"t{len(names)}"
            names[name] = (etype, strong)
            groups.append(f"(?P<{name}>{_compile_lexicon(entries, ar_stem=True)})")
    return re.compile("|".join(groups)), names


_TRIGGER_RE, _TRIGGER_GROUPS = _build_trigger_re()
_AIR_RE = re.compile(_compile_lexicon(_AIR_CONTEXT, ar_stem=True))
assert {t for t, _ in _TRIGGER_GROUPS.values()} <= set(EVENT_TYPES)

# ----------------------------------------------------------------------------- clauses

#: Strong breaks start a new clause that does not inherit its neighbours' event.
_STRONG_BREAK_RE = re.compile(
    "|".join(
        (
            "[;؛]",
            r"(?i:\b(?:while|whereas|but|meanwhile|although)\b)",
            r"(?i:,\s{0,3}and\s{1,3}(?=(?:in|on|near|at|around)\b))",
            _ar_phrase("فيما", stem=False),
            _ar_phrase("بينما", stem=False),
            _ar_phrase("في حين", stem=False),
            _ar_phrase("كما", stem=False),
            _ar_phrase("لكن", stem=False),
            r"،\s{0,3}وفي(?!\w)",
            r"(?i:,\s{0,3}(?:а|но|и\s{1,3}в)\b)",
            r"(?i:\b(?:однако|тогда\s+как|в\s+то\s+время\s+как|при\s+этом)\b)",
        )
    )
)
#: Weak breaks cut a clause into segments (list items, coordinated phrases).
_WEAK_BREAK_RE = re.compile(r"[,،:]|\s[-–—]\s|(?i:\b(?:and|as well as|и)\b)|(?<!\w)و\s")


def _split(start: int, end: int, breaks: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """Cut ``[start, end)`` at the given matches (offsets already absolute)."""
    parts, pos = [], start
    for m in breaks:
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, end))
    return parts


def _shifted(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


_Trigger = tuple[int, int, str, bool]  # start, end, event type, strong


def _best(trigs: list[_Trigger], mention: tuple[int, int]) -> _Trigger | None:
    """Nearest strong trigger, else nearest weak one; ties go to the earlier trigger."""
    for strong in (True, False):
        pool = [t for t in trigs if t[3] is strong]
        if pool:
            return min(pool, key=lambda t: (_distance((t[0], t[1]), mention), t[0]))
    return None


# ----------------------------------------------------------------------------- counts

_EN_UNITS = frozenset(
    """km kms kilometer kilometers kilometre kilometres m meter meters metre metres mile miles
    mi ft feet foot yard yards kg kilogram kilograms ton tons tonne tonnes t percent per pc
    hour hours hrs hr h minute minutes mins min second seconds sec secs day days week weeks
    month months year years am pm p gmt utc o'clock mm cm times""".split()
)
_RU_UNIT_STEMS = (
    "километр", "метр", "миль", "час", "минут", "секунд", "сут", "дней", "дня", "день", "недел",
    "месяц", "лет", "год", "процент", "тонн", "килограм", "миллиметр",
)  # fmt: skip
_RU_UNITS = frozenset("км м ч мин сек мм см кг т г гг".split())
_AR_UNITS = frozenset(
    _ar_norm(w)
    for w in """كم كلم كيلومتر كيلومترات كيلومترا متر مترا أمتار ميل أميال ساعة ساعات
    دقيقة دقائق ثانية ثوان يوم يوما أيام أسبوع أسابيع شهر أشهر شهور سنة سنوات سنين عام
    أعوام بالمئة بالمائة طن أطنان ملم""".split()
)
_STOPWORDS = frozenset(
    """of the a an and or to in on at by for from with into per than more less were was are is
    be been had have has who which that this these those as if it its over under about
    в на по из и или с к от до за у о об более менее что как а
    من في على إلى الى عن مع او أو حتى منذ بين خلال""".split()
)
_EN_IRREGULAR = frozenset(
    """people men women children personnel police staff militia aircraft livestock sheep cattle
    infantry crew""".split()
)
_RU_ADJ_ENDINGS = (
    "ых", "их", "ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ым", "им",
    "ыми", "ими",
)  # fmt: skip
_RU_VERB_ENDINGS = ("ли", "ла", "ло", "ся", "сь", "ют", "ят", "ет", "ит", "ут", "ат")

_EN_UNITS_1_19 = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_NUMBER_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_EN_UNITS_1_19)},
    **{w: 20 + 10 * i for i, w in enumerate(_EN_TENS)},
    "dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thousands": 2000,
}  # fmt: skip
_RU_NUMBER_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
    "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6,
    "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "двадцати": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "сто": 100, "десятки": 20, "десятков": 20, "сотни": 200,
    "сотен": 200, "тысячи": 2000,
}  # fmt: skip
#: Normalised Arabic number words (see ``_ar_norm``).
_AR_NUMBER_WORDS: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3,
    "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
    "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "مئة": 100, "مائة": 100, "مئتان": 200, "مئتي": 200,
    "مائتي": 200, "الف": 1000, "عشرات": 20, "مئات": 200, "الاف": 2000,
}  # fmt: skip
#: First words of 11 and 12 ("أحد عشر", "اثنا عشر"), valid only before عشر/عشرة.
_AR_TEEN_UNITS = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_VAGUE = frozenset({"dozens", "hundreds", "thousands", "десятки", "десятков", "сотни", "сотен",
                    "тысячи", "عشرات", "مئات", "الاف"})  # fmt: skip
_MULTIPLIERS: dict[str, int] = {
    "thousand": 1000, "million": 1_000_000, "тыс": 1000, "тысяч": 1000, "тысячи": 1000,
    "тысяча": 1000, "млн": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "الف": 1000, "الاف": 1000, "مليون": 1_000_000,
}  # fmt: skip


def _number_re() -> re.Pattern[str]:
    en_units = "|".join(_EN_UNITS_1_19[::-1])
    en_tens = "|".join(_EN_TENS)
    en = (
        rf"(?:a|one|two|three|four|five|six|seven|eight|nine)\s{{1,3}}hundred"
        rf"|a\s{{1,3}}dozen|dozens|hundreds|thousands"
        rf"|(?:{en_tens})(?:[\s\-]{{1,3}}(?:one|two|three|four|five|six|seven|eight|nine))?"
        rf"|{en_units}"
    )
    ru = "|".join(sorted(_RU_NUMBER_WORDS, key=len, reverse=True))
    ar_words = sorted([*_AR_NUMBER_WORDS, *_AR_TEEN_UNITS], key=len, reverse=True)
    ar = "|".join(_ar_literal(w) for w in ar_words)
    return re.compile(
        # Digits, with thousands separators; not part of a code, decimal, time or range.
        r"(?P<dig>(?<![\w.,:/\-])(?:\d{1,3}(?:[,\u00a0\u202f٬]\d{3})+|\d+)"
        r"(?!\w|[.,:/\-٫٬]\d))"
        rf"|(?P<en>(?i:\b(?:{en})\b))"
        rf"|(?P<ru>(?i:\b(?:{ru})\b))"
        rf"|(?P<ar>(?<!\w)و?(?:{ar})(?:\s{{1,3}}{_ar_literal('عشرة')}|\s{{1,3}}{_ar_literal('عشر')})?"
        r"(?!\w))"
    )


_NUMBER_RE = _number_re()
_WORD_RE = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_AR_MARKS}]|['’\-](?=[^\W\d_]))*")
_GAP_RE = re.compile(r"\s{1,3}")
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)\.?\s{1,3}$|([#№])\s{0,2}$")
_AR_MONTH_WORDS = {_ar_norm(w) for names in _AR_MONTHS.values() for n in names for w in n.split()}
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARABIC = re.compile(f"[{_AR_LETTER}]")


def _number_value(m: re.Match[str]) -> tuple[int, bool] | None:
    """Value of a ``_NUMBER_RE`` match and whether it is a vague quantity ("dozens")."""
    s = m.group(0)
    kind = m.lastgroup
    if kind == "dig":
        return int(re.sub(r"\D", "", s)), False
    if kind == "en":
        words = re.split(r"[\s\-]+", s.lower())
        if words[-1] == "hundred":
            return _EN_NUMBER_WORDS.get(words[0], 1) * 100, False
        if words == ["a", "dozen"]:
            return 12, False
        return sum(_EN_NUMBER_WORDS[w] for w in words), words[0] in _VAGUE
    if kind == "ru":
        low = s.lower()
        return _RU_NUMBER_WORDS[low], low in _VAGUE
    parts = [_ar_norm(p) for p in s.split()]
    first = parts[0]
    if first not in _AR_NUMBER_WORDS and first not in _AR_TEEN_UNITS and first.startswith("و"):
        first = first[1:]
    if len(parts) == 2:  # 11..19: unit + عشر
        unit = _AR_TEEN_UNITS.get(first, _AR_NUMBER_WORDS.get(first, 0))
        return (10 + unit, False) if 1 <= unit <= 9 else None
    if first in _AR_TEEN_UNITS and first not in _AR_NUMBER_WORDS:
        return None  # أحد alone is "one of" / "Sunday", not a count
    return _AR_NUMBER_WORDS[first], first in _VAGUE


def _is_month(word: str) -> bool:
    low = word.lower().rstrip(".")
    if _ARABIC.match(low):
        return _ar_norm(low) in _AR_MONTH_WORDS
    return low in _EN_MONTHS or bool(_RU_MONTH_FIND.fullmatch(low))


def _is_unit(word: str) -> bool:
    low = word.lower().rstrip(".")
    if low in _EN_UNITS or low in _RU_UNITS:
        return True
    if _CYRILLIC.match(low):
        return low.startswith(_RU_UNIT_STEMS)
    if _ARABIC.match(low):
        norm = _ar_norm(low)
        return norm in _AR_UNITS or norm.startswith("كيلو")
    return False


def _noun_after(sent: str, pos: int, value: int, vague: bool) -> tuple[str, int, int] | None:
    """The counted noun after a number ending at ``pos``: (noun, start, end) or None."""
    words: list[re.Match[str]] = []
    p = pos
    while len(words) < 4:
        gap = _GAP_RE.match(sent, p)
        if not gap:
            break
        w = _WORD_RE.match(sent, gap.end())
        if not w:
            break
        words.append(w)
        p = w.end()
    low = [w.group(0).lower() for w in words]
    if vague and low and low[0] in ("of", "من"):  # "dozens of civilians", "عشرات من ..."
        words, low = words[1:], low[1:]
    if not words or low[0] in _STOPWORDS or _is_unit(low[0]) or _is_month(low[0]):
        return None
    first = words[0].group(0)
    if _ARABIC.match(first):
        n_words = 1  # Arabic adjectives follow their noun: "غارة جوية" counts غارة
    elif _CYRILLIC.match(first):
        two = (
            len(words) > 1
            and low[0].endswith(_RU_ADJ_ENDINGS)
            and low[1] not in _STOPWORDS
            and not low[1].endswith(_RU_VERB_ENDINGS)
        )
        n_words = 2 if two else 1
    else:
        # English modifiers come first: take words up to the first plural-looking one.
        n_words = 1
        if value != 1:
            for i, word in enumerate(low[:3]):
                if word in _STOPWORDS:
                    break
                plural = word in _EN_IRREGULAR or (
                    word.endswith("s") and not word.endswith(("ss", "us", "is"))
                )
                if plural:
                    n_words = i + 1
                    break
    start, end = words[0].start(), words[n_words - 1].end()
    return sent[start:end].lower(), start, end


@lru_cache(maxsize=4096)  # every mention of a sentence asks again
def _counts(sent: str) -> list[tuple[Count, int, int]]:
    """Counts of a sentence with the span of each noun."""
    date_spans = [(m.start(), m.end()) for m in _DATE_RE.finditer(sent)]
    out: list[tuple[Count, int, int]] = []
    for m in _NUMBER_RE.finditer(sent):
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        parsed = _number_value(m)
        if parsed is None:
            continue
        value, vague = parsed
        end = m.end()
        if m.lastgroup == "dig":
            if 1900 <= value <= 2100 and len(m.group(0)) == 4:
                continue  # a year
            prev = _PREV_WORD_RE.search(sent, max(0, m.start() - 20), m.start())
            if prev and (prev.group(2) or _is_month(prev.group(1))):
                continue  # "#5", "№ 5", "March 24"
            if prev and prev.group(1).lower() in ("no", "number", "номер", "رقم"):
                continue  # "No. 5"
            gap = _GAP_RE.match(sent, end)
            word = _WORD_RE.match(sent, gap.end()) if gap else None
            key = _ar_norm(word.group(0).lower()) if word else ""
            if word and key in _MULTIPLIERS:  # "2 million", "5 тыс. человек", "3 آلاف"
                value *= _MULTIPLIERS[key]
                end = word.end() + sent.startswith(".", word.end())
        noun = _noun_after(sent, end, value, vague)
        if noun is not None and value > 0:
            out.append((Count(value, noun[0]), noun[1], noun[2]))
    return out


# ----------------------------------------------------------------------------- actors

#: Named actors: canonical English name -> lexicon (same keys as ``_TRIGGERS``; Arabic entries
#: are whole words here). Specific names come first: at one position the first match wins,
#: so "Free Syrian Army" is not read as "Syrian army".
_ACTORS: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    ("Free Syrian Army", {
        "words": ("Free Syrian Army",), "abbr": ("FSA",), "ru": ("свободн сирийск арми",),
        "ar": ("الجيش السوري الحر", "الجيش الحر"),
    }),
    ("Syrian National Army", {
        "words": ("Syrian National Army",), "abbr": ("SNA",),
        "ru": ("сирийск национальн арми",), "ar": ("الجيش الوطني السوري", "الجيش الوطني"),
    }),
    ("Syrian Democratic Forces", {
        "words": ("Syrian Democratic Forces",), "abbr": ("SDF", "СДС"),
        "ru": ("сирийск демократическ сил",), "ar": ("قوات سوريا الديمقراطية", "قسد"),
    }),
    ("YPG", {
        "words": ("People's Protection Units",), "abbr": ("YPG",),
        "ru": ("отряд народн самооборон",), "ar": ("وحدات حماية الشعب",),
    }),
    ("Islamic State", {
        "words": ("Islamic State", "Daesh", "Da'esh"),
        "abbr": ("ISIS", "ISIL", "ИГИЛ", "ИГ", "ДАИШ"),
        "ru": ("исламск государств",),
        "ar": ("داعش", "تنظيم الدولة", "الدولة الإسلامية"),
    }),
    ("Hayat Tahrir al-Sham", {
        "words": ("Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Tahrir al-Sham"),
        "abbr": ("HTS", "ХТШ"), "ru": ("хайят тахрир аш-шам", "тахрир аш-шам"),
        "ar": ("هيئة تحرير الشام", "تحرير الشام"),
    }),
    ("Jabhat al-Nusra", {
        "words": ("Jabhat al-Nusra", "al-Nusra Front", "Nusra Front", "Jabhat Fatah al-Sham"),
        "ru": ("джебхат ан-нуср", "джабхат ан-нуср", "ан-нуср"),
        "ar": ("جبهة النصرة", "النصرة"),
    }),
    ("Hezbollah", {
        "words": ("Hezbollah", "Hizbullah", "Hizballah"), "ru": ("хезболл",),
        "ar": ("حزب الله",),
    }),
    ("Hamas", {"words": ("Hamas",), "abbr": ("ХАМАС",), "ar": ("حماس",)}),
    ("Houthis", {
        "words": ("Houthi", "Houthis", "Huthi", "Huthis", "Ansar Allah", "Ansarullah"),
        "ru": ("хусит", "ансар алл"),
        "ar": ("الحوثي", "الحوثيين", "الحوثيون", "جماعة الحوثي", "أنصار الله"),
    }),
    ("Wagner Group", {
        "words": ("Wagner Group", "Wagner mercenaries"), "ru": ("чвк вагнер",),
        "ar": ("فاغنر",),
    }),
    ("Peshmerga", {"words": ("Peshmerga",), "ru": ("пешмерг",), "ar": ("البيشمركة",)}),
    ("Saudi-led coalition", {
        "words": ("Saudi-led coalition", "Arab coalition"),
        "ru": ("коалиц во главе с саудовск",), "ar": ("التحالف العربي", "تحالف دعم الشرعية"),
    }),
    ("US-led coalition", {
        "words": (
            "US-led coalition", "U.S.-led coalition", "international coalition",
            "anti-ISIS coalition", "anti-IS coalition",
        ),
        "ru": ("международн коалиц", "коалиц во главе с сша"), "ar": ("التحالف الدولي",),
    }),
    ("Russian Aerospace Forces", {
        "words": ("Russian Aerospace Forces", "Russian Air Force", "Russian Aerospace Force"),
        "abbr": ("VKS", "ВКС"), "ru": ("воздушно-космическ сил",),
    }),
    ("Israeli forces", {
        "words": ("Israel Defense Forces",), "abbr": ("IDF", "ЦАХАЛ"),
        "ru": ("армия обороны израиля",), "ar": ("قوات الاحتلال", "جيش الاحتلال"),
    }),
    ("Ukrainian forces", {
        "words": ("Armed Forces of Ukraine",), "abbr": ("AFU", "ВСУ"),
        "ru": ("вооружённ сил украин",),
    }),
    ("Russian forces", {"abbr": ("ВС РФ",), "ru": ("вооружённ сил российск федерац",)}),
    ("Syrian government forces", {
        "words": (
            "Syrian Arab Army", "Syrian government forces", "Syrian government troops",
            "Assad's forces", "pro-regime forces",
        ),
        "abbr": ("SAA", "САА"), "ru": ("сирийск арабск арми",),
        "ar": ("الجيش العربي السوري", "قوات الأسد", "قوات الحكومة السورية"),
    }),
    ("government forces", {
        "words": ("government forces", "pro-government forces"), "ru": ("правительственн войск",),
        "ar": ("القوات الحكومية",),
    }),
    ("coalition", {"words": ("coalition",), "ru": ("коалиц",), "ar": ("التحالف",)}),
)  # fmt: skip

#: Nationality (or "regime") + a force noun: "Turkish artillery", "القوات التركية",
#: "российские военные". Tuple: English adjectives, Arabic adjective (masc.), Russian stem,
#: canonical ground name, canonical air name.
_NATIONS: tuple[tuple[tuple[str, ...], str, str, str, str], ...] = (
    (("Russian",), "روسي", "российск", "Russian forces", "Russian Aerospace Forces"),
    (("Syrian", "regime", "Assad regime"), "سوري", "сирийск",
     "Syrian government forces", "Syrian government forces"),
    (("Turkish",), "تركي", "турецк", "Turkish forces", "Turkish forces"),
    (("Israeli",), "إسرائيلي", "израильск", "Israeli forces", "Israeli forces"),
    (("Ukrainian",), "أوكراني", "украинск", "Ukrainian forces", "Ukrainian forces"),
    (("US", "U.S.", "American"), "أمريكي", "американск", "US forces", "US forces"),
    ((), "أميركي", "", "US forces", "US forces"),
    (("Iraqi",), "عراقي", "иракск", "Iraqi forces", "Iraqi forces"),
    (("Iranian",), "إيراني", "иранск", "Iranian forces", "Iranian forces"),
    (("government", "pro-government"), "", "правительственн",
     "government forces", "government forces"),
)  # fmt: skip
_EN_GROUND = (
    "forces", "troops", "army", "military", "soldiers", "artillery", "navy", "armed forces",
    "special forces", "ground forces", "tanks", "units",
)  # fmt: skip
_EN_AIR = (
    "aircraft", "jets", "jet", "warplanes", "warplane", "planes", "bombers", "helicopters",
    "helicopter", "drones", "drone", "air force", "aerospace forces", "military aircraft",
    "combat aircraft", "fighter jets", "gunships",
)  # fmt: skip
_AR_GROUND = ("قوات", "جيش", "مدفعية", "وحدات", "بحرية")
_AR_AIR = ("طيران", "طائرات", "مقاتلات", "مروحيات", "مسيرات", "قاذفات", "سلاح الجو")
_RU_GROUND = ("войск", "военн", "арми", "сил", "подразделени", "военнослужащ", "артиллери")
_RU_AIR = ("авиаци", "самолёт", "вертолёт", "беспилотн", "бомбардировщ", "ввс", "вкс")
#: Arabic: "the Syrian regime" is written "النظام"; its forces are Syrian government forces.
_AR_REGIME = "نظام"


def _nation_patterns(
    nouns: tuple[str, ...],
    en: tuple[str, ...],
    ar: str,
    ru: str,
    ar_nouns: tuple[str, ...],
    ru_nouns: tuple[str, ...],
) -> str:
    parts = []
    if en:
        # Adjectives keep their case ("US forces", not "us forces"); headlines in capitals too.
        variants = {v for a in en for v in (a, a.upper(), a[0].upper() + a[1:])}
        adj = "|".join(re.escape(a) for a in sorted(variants, key=len, reverse=True))
        noun = "|".join(_word_phrase(n)[2:-2] for n in sorted(nouns, key=len, reverse=True))
        # Not "Iranian-backed", "pro-Turkish" (a hyphen joins the word to something else).
        parts.append(rf"(?<![\w\-])(?:{adj})\s{{1,3}}(?i:{noun})\b")
    if ar:
        noun = "|".join(_ar_literal(_strip_article(n)) for n in ar_nouns)
        mid = rf"(?:\s+(?:ال)?[{_AR_LETTER}][\w{_AR_MARKS}]*)?"
        parts.append(
            rf"(?<!\w){_AR_PREFIX}(?:{noun}){mid}\s+(?:ال)?{_ar_literal(ar)}(?:ة|ين|ون)?(?!\w)"
        )
    if ru:
        noun = "|".join(_ru_phrase(n)[2:] for n in ru_nouns)
        parts.append(rf"(?i:\b{_ru_phrase(ru)[2:]}\s+(?:\w+\s+)?(?:{noun}))")
    return "|".join(parts)


def _build_actor_re() -> tuple[re.Pattern[str], dict[str, str]]:
    groups: list[str] = []
    names: dict[str, str] = {}

    def add(canonical: str, pattern: str) -> None:
        name = f"a{len(names)}"
        names[name] = canonical
        groups.append(f"(?P<{name}>{pattern})")

    for canonical, entries in _ACTORS:
        add(canonical, _compile_lexicon(entries, ar_stem=False))
    # Air before ground: "Russian military aircraft" is the air force, not "Russian military".
    for en, ar, ru, ground, air in _NATIONS:
        add(air, _nation_patterns(_EN_AIR, en, ar, ru, _AR_AIR, _RU_AIR))
        add(ground, _nation_patterns(_EN_GROUND, en, ar, ru, _AR_GROUND, _RU_GROUND))
    regime_nouns = "|".join(_ar_literal(n) for n in (*_AR_GROUND, *_AR_AIR))
    add(
        "Syrian government forces",
        rf"(?<!\w){_AR_PREFIX}(?:{regime_nouns})\s+ال{_AR_REGIME}(?!\w)",
    )
    return re.compile("|".join(groups)), names


_ACTOR_RE, _ACTOR_GROUPS = _build_actor_re()


@lru_cache(maxsize=4096)  # every mention of a sentence asks again
def _actors(sent: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in _ACTOR_RE.finditer(sent):
        seen.setdefault(_ACTOR_GROUPS[m.lastgroup or ""], None)
    return tuple(seen)


# ----------------------------------------------------------------------------- activity


def _sentence_of(
    text: str, start: int, end: int, sentences: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The sentence span holding ``start`` (widened to ``end`` if the mention runs on)."""
    i = bisect.bisect_right(sentences, start, key=lambda s: s[0]) - 1
    if i < 0 or start > sentences[i][1] or (start == sentences[i][1] and start < end):
        return (start, end)  # between sentences: the mention is its own context
    s, e = sentences[i]
    j = i
    while e < end and j + 1 < len(sentences):
        j += 1
        e = sentences[j][1]
    return s, max(e, end)


@lru_cache(maxsize=4096)  # the big trigger pattern runs once per sentence, not per mention
def _triggers(sentence: str) -> tuple[_Trigger, ...]:
    out = []
    for m in _TRIGGER_RE.finditer(sentence):
        etype, strong = _TRIGGER_GROUPS[m.lastgroup or ""]
        out.append((m.start(), m.end(), etype, strong))
    return tuple(out)


def _event_type(
    text: str,
    sent: tuple[int, int],
    mention: tuple[int, int],
    sortie_counted: list[tuple[int, int]],
) -> str:
    base = sent[0]
    trigs = [(base + a, base + b, et, st) for a, b, et, st in _triggers(text[sent[0] : sent[1]])]
    if not trigs:
        return "other"
    clauses = _split(*sent, _STRONG_BREAK_RE.finditer(text, *sent))
    clause = next((c for c in clauses if c[0] <= mention[0] < c[1]), None)
    chosen: _Trigger | None = None
    scope = sent
    if clause is not None:
        segs = _split(*clause, _WEAK_BREAK_RE.finditer(text, *clause))
        k = next((i for i, g in enumerate(segs) if g[0] <= mention[0] < g[1]), 0)
        order = [k, *range(k - 1, -1, -1), *range(k + 1, len(segs))]
        for i in order:
            lo, hi = segs[i]
            chosen = _best([t for t in trigs if lo <= t[0] < hi], mention)
            if chosen is not None:
                scope = clause
                break
    if chosen is None:
        chosen = _best(trigs, mention)
        scope = sent
    assert chosen is not None
    etype = chosen[2]
    in_scope = [t for t in trigs if scope[0] <= t[0] < scope[1]]
    if not chosen[3] and etype in ("airstrike", "shelling") and _AIR_RE.search(text, *scope):
        etype = "airstrike"
    counted = any(
        t[2] == "sortie" and any(s <= t[0] < e for s, e in sortie_counted) for t in in_scope
    )
    if etype == "airstrike" and counted:
        etype = "sortie"
    elif etype == "sortie" and not counted and any(t[2] == "airstrike" for t in in_scope):
        etype = "airstrike"
    return etype


def activity_for(
    text: str,
    start: int,
    end: int,
    *,
    date: dt.date | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> Activity:
    """What the report says happened where ``text[start:end]`` is mentioned.

    Looks at the sentence holding the mention (pass ``sentences`` from
    :func:`sentence_spans` when calling this for many mentions of one text). The event type
    comes from the nearest trigger word in the mention's clause (see the module docstring);
    counts, actors and a date come from the whole sentence; ``date`` is used when the sentence
    states none.

    >>> text = "Over the past day, Russian aircraft carried out 12 sorties against 24 targets "
    >>> text += "near Idlib and Hama."
    >>> a = activity_for(text, text.index("Hama"), text.index("Hama") + 4)
    >>> a.event_type, [str(c) for c in a.counts], a.actors
    ('sortie', ['12 sorties', '24 targets'], ('Russian Aerospace Forces',))
    """
    _check_text(text)
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"mention span ({start}, {end}) is outside the text (0, {len(text)})")
    if date is not None and not isinstance(date, dt.date):
        raise TypeError(f"date must be datetime.date or None, not {type(date).__name__}")
    spans = sentence_spans(text) if sentences is None else sentences
    s, e = _sentence_of(text, start, end, spans)
    sentence = text[s:e]
    counts = _counts(sentence)
    sortie_nouns = [(s + c[1], s + c[2]) for c in counts]
    event = _event_type(text, (s, e), (start, end), sortie_nouns)
    return Activity(
        event_type=event,
        counts=tuple(c[0] for c in counts),
        actors=_actors(sentence),
        date=find_date(sentence) or date,
        sentence=sentence.strip(),
    )
