"""Link a place mention to the activity its report ties to it (English, Arabic, Russian).

Three public functions, stdlib only, each linear in the length of its input:

* :func:`sentence_spans` - where the sentences of a report start and end;
* :func:`find_date` - the first explicit full date in a text;
* :func:`activity_for` - the :class:`~geomentions.model.Activity` of one mention: event type,
  counts ("24 targets"), named actors, date and sentence.

Event types
-----------
Each type is recognised by a keyword lexicon (``_TRIGGERS``, plain literal strings). English
words are listed in every form; Russian entries are stems that take any ending; Arabic entries
are stems that may carry the prefixes و ف ب ك ل and the article ال, and any suffix.

``airstrike``
    Bombs or missiles delivered from the air, drones included: "airstrike(s)", "air strike",
    "air raid", "barrel bombs"; weak (generic) words "struck", "strikes", "bombed";
    ar غارة/غارات, قصف جوي, ضربات جوية, براميل متفجرة; ru авиаудар, авианалёт, бомбардировка,
    weak удар(ы), поражены.
``shelling``
    Artillery, mortar, rocket and missile fire (ACLED files missiles here too): "shelling",
    "shelled", "artillery", "mortar", "rocket fire", "missiles"; ar قصف مدفعي, قذائف, هاون,
    صواريخ, and bare قصف as a weak word; ru обстрел, артиллерия, миномёт, РСЗО, снаряды.
``clashes``
    Armed fighting between parties on the ground: "clashes", "fighting", "battle",
    "firefight"; weak "offensive", "assault", "ambush"; ar اشتباكات, معارك, قتال, مواجهات;
    ru бои, столкновения, перестрелка, weak штурм, наступление.
``sortie``
    Combat flights, as counted in defence-ministry briefings: "sortie(s)", "combat flights",
    and "flights" when counted ("40 flights"); ar طلعة/طلعات; ru вылет(ов), самолёто-вылеты.
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
    No trigger word in the sentence, or only a generic one ("attacked", "hit", "targeted",
    "raid", هجوم, атака) with no aircraft words in its clause.

How a mention gets its type: its sentence is cut into clauses at strong breaks (";", "while",
"whereas", "but", ", and in", فيما/بينما/كما/لكن, ", а", ", но", "однако") and clauses into
segments at weak breaks (commas, colons, dashes, "and", "و", "и"). The nearest trigger in the
mention's own segment wins, specific words before weak ones; a segment without a trigger takes
the one of the nearest earlier segment of its clause, then of a later one - so a list of places
shares the event of its clause. With no trigger in the clause, the nearest in the sentence
counts. A weak strike word ("struck", قصف) in a clause with aircraft words ("warplanes",
الطائرات, самолёты) means an airstrike. "sortie" wins over "airstrike" only when sorties are what
the clause counts ("carried out 12 sorties against 24 targets"); uncounted sorties beside an
airstrike word give "airstrike".

Counts, actors and the date come from the whole sentence. Vague quantities are kept at their
smallest reading ("dozens" 24, "hundreds" 200, "thousands" 2000, عشرات 20, десятки 20); years,
dates, clock times, durations and distances are not counts. Actors are canonical English names
(``_ACTORS``, ``_NATIONS``); plain "government forces" stays generic because the country is not
stated.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from geomentions.model import EVENT_TYPES, Activity, Count

__all__ = [
    "activity_for",
    "event_type_at",
    "event_words",
    "find_date",
    "sentence_of",
    "sentence_spans",
]

# ----------------------------------------------------------------------------- text basics

#: Arabic short vowels, shadda, sukun and dagger alef: optional in writing, never part of a
#: word's identity, so look-ups drop them.
_AR_MARKS = "\u064b-\u065f\u0670"
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_NORM_TABLE = str.maketrans(
    {"ё": "е", "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "\u0640": None}
    | {chr(c): None for c in range(0x064B, 0x0660)}
    | {"\u0670": None}
)
#: A token is a run of letters/digits (Arabic marks included); "-", "'" and "." split tokens,
#: so "air-strike", "Hay'at" and "U.S." are looked up token by token.
_TOKEN_SPLIT_RE = re.compile(rf"([\w{_AR_MARKS}]+)")
#: What may stand between two tokens of one phrase.
_PHRASE_GAP = frozenset(" \t\r\n\u00a0-'’.")


def _norm(token: str) -> str:
    """Look-up form of a token: lowercase, ё as е, one alef, ي for ى, no Arabic marks."""
    return token.lower().translate(_NORM_TABLE)


def _strip_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


#: Normalised Arabic prefix clusters: conjunction و/ف, preposition ب/ك/ل, article ال.
_AR_PREFIXES = (
    "", "و", "ف", "ب", "ك", "ل", "ال", "وب", "وك", "ول", "فب", "فك", "فل", "وال", "فال", "بال",
    "كال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال", "فكال",
)  # fmt: skip


def _ar_variants(norm: str) -> list[str]:
    """A normalised Arabic word with each possible prefix cluster removed."""
    return [norm[len(p) :] for p in _AR_PREFIXES if norm.startswith(p) and len(norm) > len(p) + 1]


@functools.lru_cache(maxsize=65_536)  # the same words recur: their look-up keys are made once
def _token_keys(norm: str, raw: str, script: str) -> tuple[tuple[str, str], ...]:
    keys = [("w", norm), ("a", raw)]
    if script == "ru":
        keys += [("r", norm[:k]) for k in range(2, len(norm) + 1)]
    elif script == "ar":
        stems: set[str] = set()
        for v in _ar_variants(norm):
            keys.append(("x", v))
            stems.update(v[:k] for k in range(2, len(v) + 1))
        keys += [("s", stem) for stem in sorted(stems)]
    return tuple(keys)


@functools.lru_cache(maxsize=65_536)  # the same words recur: normalise each once
def _word(raw: str) -> tuple[str, str]:
    """(look-up form, script) of a token; script is "ar", "ru" or "" (Latin, digits)."""
    script = "ar" if _ARABIC_RE.match(raw) else "ru" if _CYRILLIC_RE.match(raw) else ""
    return _norm(raw), script


class _Toks:
    """The tokens of one sentence, the gaps between them, and the few that may start something.

    One ``re.split`` in C yields tokens and gaps alike, and offsets are running sums of their
    lengths, so building this runs no Python code per token. Most tokens start nothing; only
    the ``hits`` (see :func:`_word_info`) are then looked at one by one.
    """

    __slots__ = ("text", "raws", "gaps", "_offsets", "hits")

    def __init__(self, text: str) -> None:
        parts = _TOKEN_SPLIT_RE.split(text)  # gap, token, gap, token, ..., gap
        self.text = text
        self.raws: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]  # gaps[k] is the text just before token k
        self._offsets = list(itertools.accumulate(map(len, parts)))
        infos = map(_word_info, self.raws)
        self.hits: list[tuple[int, _WordInfo]] = [
            (k, info) for k, info in enumerate(infos) if info is not None
        ]

    def start(self, k: int) -> int:
        return self._offsets[2 * k]

    def end(self, k: int) -> int:
        return self._offsets[2 * k + 1]

    def norm(self, k: int) -> str:
        return _word(self.raws[k])[0]

    def joined(self, k: int) -> bool:
        """Is token ``k`` close enough to token ``k - 1`` to go on a phrase?"""
        gap = self.gaps[k]
        return 1 <= len(gap) <= 3 and _PHRASE_GAP.issuperset(gap)


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


_Entry = tuple[int, tuple[str, ...], str, object]  # rank, word patterns, key code, label


class _Lexicon:
    """Literal phrases found token by token: leftmost-longest, non-overlapping.

    ``add(kind, phrase, label)`` with kind "words" (whole words, any case), "abbr" (whole words,
    exact case), "ru" (Russian stems: each word may take any ending) or "ar" (Arabic: prefixes
    on the first word, an optional article on the others, and - if ``ar_stem`` - any suffix).
    A "*" word in a phrase stands for any one word. Ties go to the entry added first.
    """

    def __init__(self, *, ar_stem: bool, after_hyphen: bool = True) -> None:
        self._ar_stem = ar_stem
        #: False: no match may start on a word joined by a hyphen to the one before it,
        #: so "pro-Turkish forces" and "anti-ISIS" name no actor.
        self._after_hyphen = after_hyphen
        self._index: dict[tuple[str, str], list[_Entry]] = {}
        self._count = 0

    def add(self, kind: str, phrase: str, label: object) -> None:
        words = re.findall(rf"\*|[\w{_AR_MARKS}]+", phrase)
        if kind == "abbr":
            code, pats = "a", tuple(words)
        elif kind == "words":
            code, pats = "w", tuple(_norm(w) for w in words)
        elif kind == "ru":
            code, pats = "r", tuple(_norm(w) for w in words)
        elif kind == "ar":
            code = "s" if self._ar_stem else "x"
            pats = tuple(_strip_article(_norm(w)) for w in words)
        else:
            raise KeyError(kind)
        self._index.setdefault((code, pats[0]), []).append((self._count, pats, code, label))
        self._count += 1

    def add_all(self, entries: Mapping[str, Sequence[str]], label: object) -> None:
        for kind, phrases in entries.items():
            for phrase in phrases:
                self.add(kind, phrase, label)

    def starts(self, norm: str, script: str, raw: str) -> _Starts | None:
        """The entries whose first word matches a token, or None if there are none."""
        get = self._index.get
        entries = [e for key in _token_keys(norm, raw, script) for e in get(key, ())]
        return _Starts(entries) if entries else None

    @staticmethod
    def _follows(code: str, pat: str, norm: str, raw: str) -> bool:
        """Does a non-first word of a phrase match the token ``raw`` (look-up form ``norm``)?"""
        if pat == "*":
            return True
        if code == "w":
            return norm == pat
        if code == "a":
            return raw == pat
        if code == "r":
            return norm.startswith(pat)
        forms = (norm, norm[2:]) if norm.startswith("ال") else (norm,)
        if code == "x":
            return pat in forms
        return any(f.startswith(pat) for f in forms)

    def find(
        self, toks: _Toks, starts: Iterable[tuple[int, _Starts]]
    ) -> list[tuple[int, int, object]]:
        """Matches in ``toks`` as (start, end, label), in text order.

        ``starts`` are (token index, entries) of the tokens that start an entry of this
        lexicon, in order; the walk skips tokens a match has already covered.
        """
        out: list[tuple[int, int, object]] = []
        raws, n_toks = toks.raws, len(toks.raws)
        i = 0
        for k, group in starts:
            if k < i:
                continue  # inside the previous match
            if not self._after_hyphen and k > 0 and toks.gaps[k] == "-":
                continue
            # The longest match wins, then the entry added first: the largest (end, -rank).
            # No two entries share a rank, so the order they are tried in does not matter.
            best: tuple[int, int, int, object] | None = None  # end, -rank, n tokens, label
            for rank, _, _, label in group.single:
                cand = (toks.end(k), -rank, 1, label)
                if best is None or cand[:2] > best[:2]:
                    best = cand
            if group.by_second and k + 1 < n_toks and toks.joined(k + 1):
                # Only entries whose second word the next token matches: one set look-up
                # instead of a test per entry (a word such as القوات starts dozens).
                for key in group.by_second.keys() & _follow_keys(raws[k + 1]):
                    for rank, pats, code, label in group.by_second[key]:
                        n = len(pats)
                        if k + n > n_toks:
                            continue
                        if all(
                            toks.joined(k + j)
                            and self._follows(code, pats[j], toks.norm(k + j), raws[k + j])
                            for j in range(2, n)
                        ):
                            cand = (toks.end(k + n - 1), -rank, n, label)
                            if best is None or cand[:2] > best[:2]:
                                best = cand
            if best is not None:
                out.append((toks.start(k), best[0], best[3]))
                i = k + best[2]
        return out


#: The key of a "*" (any word) in second place.
_ANY_WORD = ("*", "*")


class _Starts:
    """The entries of a lexicon that one token may start: one-word entries, and longer ones
    grouped by what their second word must be - a key that :func:`_follow_keys` lists for
    every token that word would match."""

    __slots__ = ("single", "by_second")

    def __init__(self, entries: Iterable[_Entry]) -> None:
        self.single: list[_Entry] = []
        self.by_second: dict[tuple[str, str], list[_Entry]] = {}
        for entry in entries:
            _, pats, code, _ = entry
            if len(pats) == 1:
                self.single.append(entry)
            else:
                key = _ANY_WORD if pats[1] == "*" else (code, pats[1])
                self.by_second.setdefault(key, []).append(entry)


@functools.lru_cache(maxsize=65_536)  # the same words recur: list their keys once
def _follow_keys(raw: str) -> frozenset[tuple[str, str]]:
    """Every (code, pattern) of a non-first phrase word that the token ``raw`` matches.

    The same tests as :meth:`_Lexicon._follows`, turned round: "w" its look-up form, "a" the
    raw token, "r" any prefix of the look-up form, "x" the look-up form with or without the
    Arabic article, "s" any prefix of those, and "*" always.
    """
    norm = _word(raw)[0]
    forms = (norm, norm[2:]) if norm.startswith("ال") else (norm,)
    keys = {_ANY_WORD, ("w", norm), ("a", raw)}
    keys.update(("r", norm[:i]) for i in range(1, len(norm) + 1))
    keys.update(("x", form) for form in forms)
    keys.update(("s", form[:i]) for form in forms for i in range(1, len(form) + 1))
    return frozenset(keys)


# ----------------------------------------------------------------------------- sentences

_TERMINATORS = ".!?؟…"
_CLOSERS = "\"'»”’)]"
_T, _C = re.escape(_TERMINATORS), re.escape(_CLOSERS)
#: A line break, or a run of terminators (+ closing quotes) followed by space or the end. The
#: pattern starts with a character class, so ``re`` skips other text quickly; the lookbehind
#: stops retries inside a run of dots, which keeps long runs linear.
_BOUNDARY_RE = re.compile(
    rf"[{_T}\n](?:(?<=\n)\s*|(?<![{_T}][{_T}])(?P<p>[{_T}]*[{_C}]*)(?=\s|\Z)\s*)"
)
#: Abbreviations after which "." never ends a sentence (lowercase, without the final dot).
_NONTERMINAL_ABBREVS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt brig adm gov sen rep st mt no nos vs approx
    est ca cf fig vol art para ref e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec
    им ул пр пос пгт н.п с д п х р-н обл ст св тыс млн млрд руб ген т.е см""".split()
)
#: Abbreviations that may end a sentence, but not before a number ("km. 5", "p. 12").
_NUMBER_ABBREVS = frozenset("km kms m mi kg ft p pp км м кг т.д т.п etc".split())


#: "U.S", "U.N", "т.е" (the final dot is not part of the token).
_DOTTED_ABBREV_RE = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")


def _is_period_end(text: str, dot: int, seg_start: int, nxt: str) -> bool:
    """Does the "." at ``dot`` end a sentence? ``nxt`` is the next non-space character."""
    lo = max(seg_start, dot - 40)
    i = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot), text.rfind("\t", lo, dot))
    i = lo if i < 0 else i + 1
    token = text[i:dot].lstrip("\"'«“‘([")
    if not token:
        return True
    low = token.lower()
    if low == "г":  # "2016 г." (год) may end a sentence; "г. Алеппо" (город) does not
        return text[max(seg_start, i - 8) : i].rstrip()[-1:].isdigit()
    if low in _NONTERMINAL_ABBREVS:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Smith", "В. Иванов"
    if low not in _NUMBER_ABBREVS and _DOTTED_ABBREV_RE.fullmatch(low):
        return False  # "U.S.", "U.N." before a capitalised word
    if nxt.isdigit() and low in _NUMBER_ABBREVS:
        return False
    # A list number or letter alone at the start of a sentence ("1. Russian aircraft ...").
    if i == seg_start and len(token) <= 3 and (token.isdigit() or len(token) == 1):
        return False
    return True


def _wrapped(text: str, newline: int, seg_start: int, nxt: str) -> bool:
    """Is the line break at ``newline`` hard wrapping inside a sentence?

    Yes when the line before is long (60+ characters, not a heading in capitals) and ends in a
    letter, digit or comma, and the next line starts with a letter (not a bullet or number).
    """
    line = text[max(seg_start, newline - 80) : newline].rstrip()
    line = line[line.rfind("\n") + 1 :]
    if len(line) < 60 or line.isupper() or not nxt.isalpha():
        return False
    return line[-1].isalnum() or line[-1] in ",،"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries of ``text`` as ``(start, end)`` character offsets.

    Spans are in order, do not overlap, start and end on non-space characters, and together
    hold every non-space character of the text. A sentence ends at ".", "!", "?", "؟" or "…"
    followed by space - not after abbreviations such as "U.S.", "No." or initials, not before a
    lowercase word, not inside a dotted table leader - at a blank line, and at a line break
    unless the next line goes on in lowercase or the line is hard-wrapped text (a long line
    ending mid-sentence). Linear time.

    >>> text = "Jets struck Idlib. The U.S. said site No. 5 was hit!\\nهل قصفت؟ نعم."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Jets struck Idlib.', 'The U.S. said site No. 5 was hit!', 'هل قصفت؟', 'نعم.']
    """
    _check_text(text)
    n = len(text)
    spans: list[tuple[int, int]] = []
    seg_start = n - len(text.lstrip())  # where the current sentence starts
    for m in _BOUNDARY_RE.finditer(text):
        ms, nxt_pos = m.span()
        if text[ms] == "\n":
            punct, cut = "", ms
        else:
            cut = m.end("p")
            punct = text[ms:cut]
        if nxt_pos >= n:
            split = True
        else:
            nxt = text[nxt_pos]
            breaks = text.count("\n", cut, nxt_pos)
            if breaks >= 2:
                split = True  # a blank line always ends a sentence
            elif nxt.islower():
                split = False  # the sentence goes on
            elif not punct:
                split = not _wrapped(text, ms, seg_start, nxt)
            elif breaks == 1:
                split = True
            elif punct == "." and (ms == seg_start or text[ms - 1].isspace()):
                split = True  # a lone dot
            elif nxt.isdigit() and punct.startswith("..."):
                split = False  # a dotted leader in a table: "Ain Issa camp ...... 9,200"
            elif punct.rstrip(_CLOSERS) == ".":
                split = _is_period_end(text, ms, seg_start, nxt)
            else:
                split = True
        if split:
            if cut > seg_start and text[cut - 1].isspace():
                cut = seg_start + len(text[seg_start:cut].rstrip())
            if cut > seg_start:
                spans.append((seg_start, cut))
            seg_start = nxt_pos
    if seg_start < n:
        end = seg_start + len(text[seg_start:].rstrip())
        if end > seg_start:
            spans.append((seg_start, end))
    return spans


# ----------------------------------------------------------------------------- dates

_EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
#: Russian month stems; the genitive after a day ("24 марта") and the nominative both match.
_RU_MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_RU_MONTH_ENDINGS = {"ма": ("я", "й", "е"), "": ("я", "а", "ь", "е", "")}
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


def _ar_regex(word: str) -> str:
    """Regex for an Arabic literal: any alef, ي/ى alike, optional marks after each letter."""
    out = []
    for ch in word:
        if ch.isspace():
            out.append(r"\s+")
            continue
        if ch in "اأإآ":
            out.append("[اأإآ]")
        elif ch in "يى":
            out.append("[يى]")
        else:
            out.append(re.escape(ch))
        out.append(f"[{_AR_MARKS}\u0640]*")
    return "".join(out)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _fast_alternation(words: Iterable[str]) -> str:
    """Case-insensitive alternation grouped by first letter: ``[Mm](?i:arch|ar|ay)|...``.

    Each branch then starts with a plain character class, which ``re`` tests before entering
    the branch; a flat case-insensitive alternation would be tried word by word.
    """
    by_initial: dict[str, list[str]] = {}
    for w in words:
        by_initial.setdefault(w[0].lower(), []).append(w[1:].lower())
    return "|".join(
        f"[{re.escape(c + c.upper())}](?i:{_alternation(rest)})"
        for c, rest in sorted(by_initial.items())
    )


def _ru_month_forms() -> list[str]:
    return [s + e for s in _RU_MONTHS for e in _RU_MONTH_ENDINGS["ма" if s == "ма" else ""]]


_AR_MONTH_LOOKUP = {_norm(n).replace(" ", ""): m for m, names in _AR_MONTHS.items() for n in names}
_AR_MONTH_WORDS = frozenset(
    _norm(w) for names in _AR_MONTHS.values() for n in names for w in n.split()
)
_AR_MONTH_RE = "|".join(
    _ar_regex(n) for n in sorted({n for v in _AR_MONTHS.values() for n in v}, key=len)[::-1]
)
_SP = r"\s{1,3}"
_ORD = "(?:st|nd|rd|th)?"
_DAY2 = r"\d(?<!\d\d)\d?"  # one or two digits, not inside a longer number
_DAY2_REST = r"(?<!\d\d)\d?"  # _DAY2 after its first digit
#: Dates that start with a digit. The pattern starts with ``\d`` so that ``re`` jumps from
#: digit to digit; each lookbehind then checks the character before that first digit.
_DATE_NUM_RE = re.compile(
    r"\d(?<!\d\d)(?:"
    r"(?P<iso>(?<![\d.]\d)\d{3}-\d{1,2}-\d{1,2}(?!\d))"
    r"|(?P<num>(?<![\d.,:/-]\d)\d?(?P<sep>[./-])\d{1,2}(?P=sep)\d{4}(?!\d))"
    rf"|(?P<en_dmy>{_DAY2_REST}{_ORD}{_SP}(?:of{_SP})?(?:{_fast_alternation(_EN_MONTHS)})\b\.?,?"
    rf"{_SP}\d{{4}}(?!\d))"
    rf"|(?P<ru>{_DAY2_REST}{_SP}(?:{_fast_alternation(_ru_month_forms())})\b{_SP}\d{{4}}(?!\d))"
    rf"|(?P<ar>{_DAY2_REST}\s{{0,3}}(?:من{_SP})?(?:شهر{_SP})?(?:{_AR_MONTH_RE})(?!\w)"
    rf"(?:\s{{0,3}}/\s{{0,3}}(?:{_AR_MONTH_RE})(?!\w))?\s{{0,3}}[،,]?\s{{0,3}}"
    rf"(?:(?:من{_SP})?(?:ال)?(?:عام|سنة){_SP})?\d{{4}}(?!\d))"
    r")"
)


def _month_first_re() -> str:
    """English month name as a pattern that starts with a character class (fast to scan)."""
    by_initial: dict[str, list[str]] = {}
    for name in _EN_MONTHS:
        by_initial.setdefault(name[0], []).append(name[1:])
    initials = "".join(sorted(c + c.upper() for c in by_initial))
    rests = "|".join(f"(?<={c})(?:{_alternation(r)})" for c, r in sorted(by_initial.items()))
    # The lookbehind after the initial checks the character before it: a word start.
    return rf"[{initials}](?<!\w[{initials}])(?i:{rests})\b"


#: "March 24, 2016".
_DATE_MDY_RE = re.compile(
    rf"(?P<en_mdy>{_month_first_re()}\.?{_SP}{_DAY2}{_ORD},?{_SP}\d{{4}}(?!\d))"
)
_DIGITS_RE = re.compile(r"\d+")
_EN_MONTH_FIND = re.compile(rf"(?i:\b(?:{_alternation(_EN_MONTHS)})\b)")
_RU_MONTH_FIND = re.compile(rf"(?i:\b(?:{_alternation(_ru_month_forms())})\b)")
_AR_MONTH_FIND = re.compile(rf"(?<!\w)(?:{_AR_MONTH_RE})(?!\w)")


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    """The date a date-pattern match spells, or None when it is not a real day."""
    kind, s = m.lastgroup, m.group(0)
    nums = [int(x) for x in _DIGITS_RE.findall(s)]
    if kind == "iso":
        y, mo, d = nums
    elif kind == "num":
        d, mo, y = nums
    else:
        d, y = nums[0], nums[-1]
        if kind in ("en_dmy", "en_mdy"):
            found = _EN_MONTH_FIND.search(s)
            mo = _EN_MONTHS[found.group(0).lower()] if found else 0
        elif kind == "ru":
            found = _RU_MONTH_FIND.search(s)
            word = found.group(0).lower() if found else ""
            # Longest stem: "ма" (май) is a prefix of "март" too.
            stem = max((k for k in _RU_MONTHS if word.startswith(k)), key=len, default="")
            mo = _RU_MONTHS.get(stem, 0)
        else:
            found = _AR_MONTH_FIND.search(s)
            key = re.sub(r"\s", "", _norm(found.group(0))) if found else ""
            mo = _AR_MONTH_LOOKUP.get(key, 0)
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


#: A four-digit number: every full date has one. Starts with ``\d``, so it scans fast.
_YEAR_RE = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")


def _date_matches(text: str) -> Iterable[re.Match[str]]:
    """Date-shaped matches (valid or not), in text order.

    The date patterns only run near four-digit numbers: from 100 characters before a year (the
    longest day-first form) to 8 after it (the "-03-24" of an ISO date).
    """
    windows: list[list[int]] = []
    for y in _YEAR_RE.finditer(text):
        lo, hi = max(0, y.start() - 100), min(len(text), y.end() + 8)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        found = [*_DATE_NUM_RE.finditer(text, lo, hi), *_DATE_MDY_RE.finditer(text, lo, hi)]
        yield from sorted(found, key=lambda m: m.start())


def find_date(text: str) -> dt.date | None:
    """The first explicit full date (day, month and year) in ``text``, or None.

    Reads "24 March 2016", "March 24, 2016", "2016-03-24", "24/03/2016" and "24.03.2016"
    (day first), Arabic "24 آذار 2016" / "24 مارس 2016" (also with Arabic-Indic digits and
    "آذار/مارس"), Russian "24 марта 2016 года". Impossible dates (31 February) are skipped.

    >>> find_date("Брифинг, 24 марта 2016 года")
    datetime.date(2016, 3, 24)
    >>> find_date("٢٤ آذار ٢٠١٦")
    datetime.date(2016, 3, 24)
    >>> find_date("31 February 2016, then March 1, 2016")
    datetime.date(2016, 3, 1)
    """
    _check_text(text)
    for m in _date_matches(text):
        day = _date_from_match(m)
        if day is not None:
            return day
    return None


# ----------------------------------------------------------------------------- event lexicon

#: Strong triggers: words that name one kind of event. Inner keys are ``_Lexicon`` kinds.
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
            "غارة", "غارات", "غارت", "قصف جوي", "ضربة جوية", "ضربات جوية", "براميل متفجرة",
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
            "rocket", "rockets", "rocket fire", "rocket attack", "rocket attacks", "missile",
            "missiles", "missile strike", "missile strikes", "howitzer", "howitzers",
            "tank fire", "cannon fire", "multiple rocket launchers", "barrage", "barrages",
        ),
        "abbr": ("MLRS", "Grad", "HIMARS", "РСЗО"),
        "ru": ("обстрел", "артиллер", "миномёт", "реактивн систем залпов", "ракетн", "снаряд"),
        "ar": (
            "قصف مدفعي", "قصف صاروخي", "مدفعي", "قذائف", "قذيفة", "هاون", "صاروخ", "صواريخ",
            "راجمات", "راجمة",
        ),
    },
    "clashes": {
        "words": (
            "clash", "clashes", "clashed", "fighting", "fought", "battle", "battles", "battled",
            "firefight", "firefights", "gunfight", "gunfights", "gun battle", "gun battles",
            "skirmish", "skirmishes", "exchange of fire", "exchanges of fire",
            # Russian бой has too short a stem to match on; its forms are listed instead.
            "бой", "боя", "бою", "боем", "бои", "боёв", "боях", "боям", "боями",
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

#: Weak triggers: generic words, used only where no strong one is nearer in the clause.
_WEAK_TRIGGERS: dict[str, dict[str, tuple[str, ...]]] = {
    "airstrike": {
        "words": (
            "struck", "strike", "strikes", "striking", "bombed", "bombing", "bombings",
            "bombard", "bombarded", "bombardment", "bombardments",
        ),
        "ru": ("удар", "бомбил", "отбомбил", "поражен", "поразил"),
        "ar": ("ضربة", "ضربات"),
    },
    # Bare قصف is any bombardment; aircraft words in the clause make it an airstrike.
    "shelling": {"ar": ("قصف",)},
    "clashes": {
        "words": ("offensive", "assault", "assaults", "ambush", "ambushed", "ambushes"),
        "ru": ("штурм", "наступлени"),
        "ar": ("اقتحام",),
    },
    # Only when counted ("12 flights"): "flights resumed at the airport" is no sortie.
    "sortie": {"words": ("flight", "flights")},
    # These alone name no event type; aircraft words in the clause make them an airstrike.
    "other": {
        "words": (
            "attack", "attacks", "attacked", "hit", "targeted", "raid", "raids", "pounded",
        ),
        "ru": ("атак", "атаковал"),
        "ar": ("هجوم", "هجمات", "هاجم"),
    },
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

#: Words that open a new clause (see the module docstring).
_CLAUSE_BREAKS: dict[str, dict[str, tuple[str, ...]]] = {
    "strong": {
        "words": (
            "while", "whereas", "but", "meanwhile", "although", "однако", "тогда как",
            "в то время как", "при этом",
        ),
        "ar": ("فيما", "بينما", "في حين", "كما", "لكن"),
    },
    "weak": {"words": ("and", "as well as", "и"), "abbr": ("و",)},
}  # fmt: skip


def _build_triggers() -> _Lexicon:
    lex = _Lexicon(ar_stem=True)
    for strong, table in ((True, _TRIGGERS), (False, _WEAK_TRIGGERS)):
        for etype, entries in table.items():
            assert etype in EVENT_TYPES
            lex.add_all(entries, (etype, strong))
    return lex


_TRIGGER_LEX = _build_triggers()
_AIR_LEX = _Lexicon(ar_stem=True)
_AIR_LEX.add_all(_AIR_CONTEXT, "air")
_BREAK_LEX = _Lexicon(ar_stem=False)
for _strength, _entries in _CLAUSE_BREAKS.items():
    _BREAK_LEX.add_all(_entries, _strength)
#: ";" (strong), or "," ":" or a spaced dash (weak). The pattern opens with a character class,
#: so ``re`` skips other text quickly; the lookbehinds then tell which break it found.
_PUNCT_BREAK_RE = re.compile(r"[;؛,،:\s](?:(?<=[;؛])(?P<strong>)|(?<=[,،:])|(?<=\s)[-–—]\s)")
#: Words after ", and" that start a new clause about another place ("..., and in Hama ...").
_PLACE_PREPOSITIONS = frozenset({"in", "on", "near", "at", "around", "в", "во"})

# ----------------------------------------------------------------------------- actors

#: Named actors: canonical English name -> lexicon entries (Arabic entries are whole words).
#: Where two entries match the same words, the one listed first wins.
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
        "ar": ("الحوثي", "الحوثيين", "الحوثيون", "أنصار الله"),
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
        "words": ("pro-government forces",), "ar": ("القوات الحكومية", "قوات حكومية"),
    }),
    ("coalition", {"words": ("coalition",), "ru": ("коалиц",), "ar": ("التحالف",)}),
)  # fmt: skip

#: Nationality + force noun ("Turkish artillery", "القوات التركية", "российские военные"):
#: English adjectives, Arabic adjective (masculine), Russian stem, canonical ground name,
#: canonical air name.
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
    (("government",), "", "правительственн", "government forces", "government forces"),
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
_RU_AIR = ("авиаци", "самолёт", "вертолёт", "беспилотн", "бомбардировщ", "ввс")
#: Arabic reports call the Syrian government "the regime" (النظام): قوات النظام, طيران النظام.
_AR_REGIME = "النظام"


def _build_actors() -> _Lexicon:
    lex = _Lexicon(ar_stem=False, after_hyphen=False)
    for canonical, entries in _ACTORS:
        lex.add_all(entries, canonical)
    for en, ar, ru, ground, air in _NATIONS:
        for nouns, ar_nouns, ru_nouns, name in (
            (_EN_AIR, _AR_AIR, _RU_AIR, air),
            (_EN_GROUND, _AR_GROUND, _RU_GROUND, ground),
        ):
            for adj in en:
                for noun in nouns:
                    lex.add("words", f"{adj} {noun}", name)
            for noun in ar_nouns if ar else ():
                for form in (ar, ar + "ة", ar + "ين", ar + "ون"):
                    lex.add("ar", f"{noun} {form}", name)
                    lex.add("ar", f"{noun} * {form}", name)  # "الطائرات الحربية الروسية"
            for noun in ru_nouns if ru else ():
                lex.add("ru", f"{ru} {noun}", name)
                lex.add("ru", f"{ru} * {noun}", name)  # "российские военные самолёты"
    for noun in (*_AR_GROUND, *_AR_AIR):
        lex.add("ar", f"{noun} {_AR_REGIME}", "Syrian government forces")
    return lex


_ACTOR_LEX = _build_actors()

# ----------------------------------------------------------------------------- counts

_EN_UNITS = frozenset(
    """km kms kilometer kilometers kilometre kilometres m meter meters metre metres mile miles
    mi ft feet foot yard yards kg kilogram kilograms ton tons tonne tonnes t percent per pc
    hour hours hrs hr h minute minutes mins min second seconds sec secs day days week weeks
    month months year years am pm p gmt utc o'clock mm cm times""".split()
)
_RU_UNIT_STEMS = (
    "километр", "метр", "миль", "минут", "секунд", "сутк", "суток", "недел", "месяц", "процент",
    "тонн", "килограм", "миллиметр",
)  # fmt: skip
_RU_UNITS = frozenset(
    """км м ч мин сек мм см кг т г гг час часа часов день дня дней год года году лет годы
    годов""".split()
)
_AR_UNITS = frozenset(
    _norm(w)
    for w in """كم كلم متر مترا أمتار ميل أميال ساعة ساعات دقيقة دقائق ثانية ثوان يوم يوما أيام
    أسبوع أسابيع شهر أشهر شهور سنة سنوات سنين عام أعوام بالمئة بالمائة طن أطنان ملم""".split()
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

_EN_ONES = "one two three four five six seven eight nine".split()
_EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_NUMBER_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_EN_ONES)},
    **{w: i + 10 for i, w in enumerate(_EN_TEENS.split())},
    **{w: 20 + 10 * i for i, w in enumerate(_EN_TENS)},
    "dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thousands": 2000,
}  # fmt: skip
_RU_NUMBER_WORDS: dict[str, int] = {
    _norm(k): v
    for k, v in {
        "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3,
        "четыре": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7,
        "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10,
        "десяти": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
        "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
        "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "двадцати": 20,
        "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100, "десятки": 20,
        "десятков": 20, "сотни": 200, "сотен": 200, "тысячи": 2000,
    }.items()
}  # fmt: skip
_AR_NUMBER_WORDS: dict[str, int] = {
    _norm(k): v
    for k, v in {
        "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3,
        "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
        "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10,
        "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40,
        "أربعين": 40, "خمسون": 50, "خمسين": 50, "مئة": 100, "مائة": 100, "مئتان": 200,
        "مئتي": 200, "مائتي": 200, "ألف": 1000, "عشرات": 20, "مئات": 200, "آلاف": 2000,
    }.items()
}  # fmt: skip
#: First words of 11 and 12 ("أحد عشر", "اثنا عشر"): numbers only before عشر/عشرة.
_AR_TEEN_UNITS = {_norm(k): 1 if k[0] in "أإ" else 2 for k in ("أحد", "إحدى", "اثنا", "اثني")}
_AR_TEN = frozenset({"عشر", "عشرة"})
_VAGUE = frozenset(
    {"dozens", "hundreds", "thousands", "десятки", "десятков", "сотни", "сотен", "тысячи",
     "عشرات", "مئات", "الاف"}
)  # fmt: skip
_MULTIPLIERS: dict[str, int] = {
    "thousand": 1000, "million": 1_000_000, "тыс": 1000, "тысяч": 1000, "тысячи": 1000,
    "тысяча": 1000, "млн": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "الف": 1000, "الاف": 1000, "مليون": 1_000_000,
}  # fmt: skip

#: Digits with optional thousands separators; not part of a code ("M5"), decimal, time or
#: range, but maybe after the Arabic conjunction و ("و14"). Starts with ``\d`` (fast scan);
#: the lookbehinds check the characters before that digit.
_DIGIT_NUMBER_RE = re.compile(
    r"\d(?<![.,:/\-]\d)(?<![^\Wو]\d)(?<!\wو\d)"
    r"(?:\d{0,2}(?:[,\u00a0\u202f٬]\d{3})+|\d*)(?!\w|[.,:/\-٫٬]\d)"
)
#: A word: letters, Arabic marks, and "'" or "-" between letters (runs of letters are taken
#: whole, which is faster than letter by letter and matches the same). Each repeat opens with
#: the one mark or joiner that ends the run before it, so a word splits into repeats one way
#: only: a failing match cannot backtrack through every split of a long word.
_WORD = rf"[^\W\d_]+(?:(?:[{_AR_MARKS}]|['’\-](?=[^\W\d_]))[^\W\d_]*)*"
#: Up to four words, each after one to three spaces. One greedy match reads the same words
#: as matching space and word by turns, in a quarter of the calls.
_WORDS_AFTER_RE = re.compile(
    rf"\s{{1,3}}({_WORD})(?:\s{{1,3}}({_WORD})(?:\s{{1,3}}({_WORD})(?:\s{{1,3}}({_WORD}))?)?)?"
)
#: The word (or "#", "№") that ends a window of text. The lookbehind lets a match start only
#: where a word (or the window) starts: the leftmost match is the same, found without
#: retrying at every letter.
_PREV_WORD_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\.?\s{1,3}$|[#№]\s{0,2}$")


@functools.lru_cache(maxsize=65_536)  # the same words recur
def _is_month(word: str) -> bool:
    low = word.lower().rstrip(".")
    if _ARABIC_RE.match(low):
        return _norm(low) in _AR_MONTH_WORDS
    return low in _EN_MONTHS or bool(_RU_MONTH_FIND.fullmatch(low))


@functools.lru_cache(maxsize=65_536)  # the same words recur
def _is_unit(word: str) -> bool:
    low = word.lower().rstrip(".")
    if low in _EN_UNITS or low in _RU_UNITS:
        return True
    if _CYRILLIC_RE.match(low):
        return low.startswith(_RU_UNIT_STEMS)
    if _ARABIC_RE.match(low):
        norm = _norm(low)
        return norm in _AR_UNITS or norm.startswith("كيلو")
    return False


#: Every word that can start a number written in words ("a hundred", Arabic with a "و").
_NUMBER_STARTS = frozenset(
    {"a", *_EN_ONES, *_EN_TENS, *_EN_NUMBER_WORDS, *_RU_NUMBER_WORDS, *_AR_NUMBER_WORDS}
    | set(_AR_TEEN_UNITS)
)


class _WordInfo:
    """What a token may start: entries of each lexicon, a number word, a clause word."""

    __slots__ = ("norm", "script", "trigger", "air", "actor", "brk", "number")

    def __init__(self, raw: str) -> None:
        self.norm, self.script = norm, script = _word(raw)
        self.trigger = _TRIGGER_LEX.starts(norm, script, raw)
        self.air = _AIR_LEX.starts(norm, script, raw)
        self.actor = _ACTOR_LEX.starts(norm, script, raw)
        self.brk = _BREAK_LEX.starts(norm, script, raw)
        self.number = norm in _NUMBER_STARTS or norm[1:] in _NUMBER_STARTS


#: Words that open a new clause right after a comma (see :func:`_breaks`).
_COMMA_CLAUSE_WORDS = frozenset({"and", "и", "а", "но", "وفي"})


@functools.lru_cache(maxsize=262_144)  # the same words recur: look each up once
def _word_info(raw: str) -> _WordInfo | None:
    """What the token ``raw`` may start, or None for the many tokens that start nothing."""
    info = _WordInfo(raw)
    if (
        info.trigger
        or info.air
        or info.actor
        or info.brk
        or info.number
        or info.norm in _COMMA_CLAUSE_WORDS
    ):
        return info
    return None


def _word_numbers(toks: _Toks) -> list[tuple[int, int, int, bool]]:
    """Numbers written as words: (start, end, value, vague)."""
    out = []
    n_toks = len(toks.raws)
    i = 0  # tokens before ``i`` belong to a number already read
    for k, info in toks.hits:
        if k < i or not info.number:
            continue
        nxt = toks.norm(k + 1) if k + 1 < n_toks and toks.joined(k + 1) else ""
        used, value = 1, 0
        if info.script == "ar":
            word = info.norm
            if word not in _AR_NUMBER_WORDS and word not in _AR_TEEN_UNITS and word[:1] == "و":
                word = word[1:]  # "وثلاثة"
            unit = _AR_TEEN_UNITS.get(word, _AR_NUMBER_WORDS.get(word, 0))
            if nxt in _AR_TEN and 1 <= unit <= 9:
                used, value = 2, 10 + unit  # "ثلاثة عشر"
            elif word in _AR_NUMBER_WORDS:
                value = _AR_NUMBER_WORDS[word]
        elif info.script == "ru":
            value = _RU_NUMBER_WORDS.get(info.norm, 0)
        else:
            word = info.norm
            if (word == "a" or word in _EN_ONES) and nxt == "hundred":
                used, value = 2, 100 * _EN_NUMBER_WORDS.get(word, 1)
            elif word == "a" and nxt == "dozen":
                used, value = 2, 12
            elif word in _EN_TENS and nxt in _EN_ONES:
                used, value = 2, _EN_NUMBER_WORDS[word] + _EN_NUMBER_WORDS[nxt]
            else:
                value = _EN_NUMBER_WORDS.get(word, 0)
        if value:
            vague = used == 1 and info.norm.lstrip("و") in _VAGUE
            out.append((toks.start(k), toks.end(k + used - 1), value, vague))
        i = k + used
    return out


_Word = tuple[str, int, int]  # word, start, end


def _words_after(sent: str, pos: int) -> list[_Word]:
    """Up to four words after ``pos``, each after one to three spaces."""
    m = _WORDS_AFTER_RE.match(sent, pos)
    if m is None:
        return []
    return [(w, m.start(g), m.end(g)) for g, w in enumerate(m.groups(), 1) if w is not None]


def _noun_after(
    sent: str, words: Sequence[_Word], value: int, vague: bool
) -> tuple[str, int, int] | None:
    """The counted noun in ``words`` (the words after a number): (noun, start, end) or None."""
    low = [w.lower() for w, _, _ in words]
    if vague and low and low[0] in ("of", "من"):  # "dozens of civilians", "عشرات من ..."
        words, low = words[1:], low[1:]
    if not words or low[0] in _STOPWORDS or _is_unit(low[0]) or _is_month(low[0]):
        return None
    first = words[0][0]
    if _ARABIC_RE.match(first):
        n_words = 1  # Arabic adjectives follow their noun: "غارة جوية" counts غارة
    elif _CYRILLIC_RE.match(first):
        adjective = (
            len(words) > 1
            and low[0].endswith(_RU_ADJ_ENDINGS)
            and low[1] not in _STOPWORDS
            and not low[1].endswith(_RU_VERB_ENDINGS)
        )
        n_words = 2 if adjective else 1  # "12 боевых вылетов"
    else:
        # English modifiers come first: take words up to the first plural-looking one.
        n_words = 1
        if value != 1:
            for i, word in enumerate(low[:3]):
                if word in _STOPWORDS:
                    break
                if word in _EN_IRREGULAR or (
                    word.endswith("s") and not word.endswith(("ss", "us", "is"))
                ):
                    n_words = i + 1
                    break
    start, end = words[0][1], words[n_words - 1][2]
    return sent[start:end].lower(), start, end


_NON_DIGIT_RE = re.compile(r"\D")


def _counts(toks: _Toks, dates: Sequence[re.Match[str]]) -> list[tuple[Count, int, int]]:
    """Counts of a sentence, each with the span of its noun; ``dates`` are its date matches."""
    sent = toks.text
    date_spans = [(m.start(), m.end()) for m in dates]
    numbers: list[tuple[int, int, int, bool]] = []
    words_after: dict[int, list[_Word]] = {}  # by number end: read once, used twice
    for m in _DIGIT_NUMBER_RE.finditer(sent):
        digits, end = m.group(0), m.end()
        # Plain digits (any script: int() reads them as \d does) need no separator removal.
        value = int(digits) if digits.isdecimal() else int(_NON_DIGIT_RE.sub("", digits))
        if 1900 <= value <= 2100 and len(m.group(0)) == 4:
            continue  # a year
        prev = _PREV_WORD_RE.search(sent[max(0, m.start() - 20) : m.start()])
        if prev and (prev.group(1) is None or _is_month(prev.group(1))):
            continue  # "#5", "№ 5", "March 24"
        if prev and prev.group(1).lower() in ("no", "number", "номер", "رقم"):
            continue  # "No. 5"
        after = words_after[end] = _words_after(sent, end)
        key = _word(after[0][0])[0] if after else ""  # _word: memoised _norm
        if key in _MULTIPLIERS:  # "2 million", "5 тыс. человек", "3 آلاف"
            value *= _MULTIPLIERS[key]
            end = after[0][2] + sent.startswith(".", after[0][2])
        numbers.append((m.start(), end, value, False))
    taken = [(s, e) for s, e, _, _ in numbers]  # "50 ألف" is one number, not two
    if any(info.number for _, info in toks.hits):  # most sentences spell no number
        numbers += [n for n in _word_numbers(toks) if not any(s <= n[0] < e for s, e in taken)]
    out: list[tuple[Count, int, int]] = []
    for start, end, value, vague in sorted(numbers):
        if any(s <= start < e for s, e in date_spans):
            continue
        known = words_after.get(end)
        noun = _noun_after(sent, _words_after(sent, end) if known is None else known, value, vague)
        if noun is not None:
            out.append((Count(value, noun[0]), noun[1], noun[2]))
    return out


# ----------------------------------------------------------------------------- activity

#: A "sentence" longer than this (text without punctuation) is cut to a window around the
#: mention, so that one call never reads more than this many characters.
_MAX_CONTEXT = 2000


_Trigger = tuple[int, int, str, bool]  # start, end, event type, strong
_Break = tuple[int, int, bool]  # start, end, strong


def _breaks(toks: _Toks) -> list[_Break]:
    sent = toks.text
    out = [(m.start(), m.end(), m.lastgroup == "strong") for m in _PUNCT_BREAK_RE.finditer(sent)]
    brk = _BREAK_LEX.find(toks, [(k, info.brk) for k, info in toks.hits if info.brk])
    out += [(s, e, label == "strong") for s, e, label in brk]
    # ", and in Hama", "، وفي حماة", ", а в Хаме": a new clause about another place.
    n_toks = len(toks.raws)
    for k, info in toks.hits:
        norm = info.norm
        if k == 0 or norm not in _COMMA_CLAUSE_WORDS:
            continue
        nxt = toks.norm(k + 1) if k + 1 < n_toks else ""
        if (norm in ("and", "и") and nxt in _PLACE_PREPOSITIONS) or norm in ("а", "но", "وفي"):
            if any(c in ",،" for c in toks.gaps[k]):
                out.append((toks.start(k), toks.end(k), True))
    return sorted(out)


def _split(lo: int, hi: int, breaks: Iterable[_Break]) -> list[tuple[int, int]]:
    """Cut ``[lo, hi)`` at the breaks that lie inside it."""
    parts, pos = [], lo
    for s, e, _ in breaks:
        if lo <= s and e <= hi:
            parts.append((pos, s))
            pos = e
    parts.append((pos, hi))
    return parts


class _Analysis:
    """What one sentence says, with offsets relative to the sentence.

    Made once per sentence (see :func:`_analyse`). Several mentions usually share a sentence,
    so what their event types need (clauses, segments, the triggers in each) is worked out
    once, on first use, and so is each distinct :class:`Activity` (it is immutable).
    """

    __slots__ = (
        "length", "triggers", "air", "breaks", "counts", "actors", "date", "count_values",
        "stripped", "_clauses", "_segments", "_scopes", "_activities",
    )  # fmt: skip

    def __init__(
        self,
        sent: str,
        triggers: tuple[_Trigger, ...],
        air: tuple[int, ...],  # where aircraft words start
        breaks: tuple[_Break, ...],
        counts: tuple[tuple[Count, int, int], ...],  # count, noun start, noun end
        actors: tuple[str, ...],
        date: dt.date | None,
    ) -> None:
        self.length, self.stripped = len(sent), sent.strip()
        self.triggers, self.air, self.breaks, self.counts = triggers, air, breaks, counts
        self.actors, self.date = actors, date
        self.count_values = tuple(c for c, _, _ in counts)
        self._clauses: list[tuple[int, int]] | None = None
        self._segments: dict[tuple[int, int], _Segments] = {}
        self._scopes: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
        self._activities: dict[tuple[str, dt.date | None], Activity] = {}

    def clauses(self) -> list[tuple[int, int]]:
        if self._clauses is None:
            self._clauses = _split(0, self.length, [b for b in self.breaks if b[2]])
        return self._clauses

    def segments(self, clause: tuple[int, int]) -> _Segments:
        """The segments of ``clause`` and the triggers that start in each."""
        found = self._segments.get(clause)
        if found is None:
            segs = _split(*clause, [b for b in self.breaks if not b[2]])
            trigs = [[t for t in self.triggers if lo <= t[0] < hi] for lo, hi in segs]
            found = self._segments[clause] = (segs, trigs)
        return found

    def scope(self, lo: int, hi: int) -> tuple[bool, bool, bool]:
        """For ``[lo, hi)``: aircraft words? counted sorties? an airstrike trigger?"""
        found = self._scopes.get((lo, hi))
        if found is None:
            in_scope = [t for t in self.triggers if lo <= t[0] < hi]
            has_air = any(lo <= s < hi for s in self.air)
            counted = any(
                t[2] == "sortie" and any(s <= t[0] < e for _, s, e in self.counts) for t in in_scope
            )
            has_airstrike = any(t[2] == "airstrike" for t in in_scope)
            found = self._scopes[(lo, hi)] = (has_air, counted, has_airstrike)
        return found

    def activity(self, event_type: str, date: dt.date | None) -> Activity:
        found = self._activities.get((event_type, date))
        if found is None:
            found = self._activities[(event_type, date)] = Activity(
                event_type=event_type,
                counts=self.count_values,
                actors=self.actors,
                date=self.date or date,
                sentence=self.stripped,
            )
        return found


_Segments = tuple[list[tuple[int, int]], list[list[_Trigger]]]  # segments, their triggers


@functools.lru_cache(maxsize=256)
def _analyse(sent: str) -> _Analysis:
    toks = _Toks(sent)
    dates = list(_date_matches(sent))
    counts = _counts(toks, dates)
    found = _TRIGGER_LEX.find(toks, [(k, info.trigger) for k, info in toks.hits if info.trigger])
    triggers = tuple(
        (s, e, etype, strong)
        for s, e, (etype, strong) in cast("list[tuple[int, int, tuple[str, bool]]]", found)
        if strong or etype != "sortie" or any(ns <= s < ne for _, ns, ne in counts)
    )
    seen: dict[str, None] = {}
    actors = _ACTOR_LEX.find(toks, [(k, i.actor) for k, i in toks.hits if i.actor])
    for _, _, name in cast("list[tuple[int, int, str]]", actors):
        seen.setdefault(name, None)
    air = _AIR_LEX.find(toks, [(k, info.air) for k, info in toks.hits if info.air])
    # The first valid date, as find_date(sent) would read it from the same matches.
    date = next((d for m in dates if (d := _date_from_match(m)) is not None), None)
    return _Analysis(
        sent,
        triggers=triggers,
        air=tuple(s for s, _, _ in air),
        breaks=tuple(_breaks(toks)),
        counts=tuple(counts),
        actors=tuple(seen),
        date=date,
    )


def _nearest(trigs: Sequence[_Trigger], mention: tuple[int, int]) -> _Trigger:
    """Nearest strong trigger, else nearest weak one; ties go to the earlier trigger."""
    if len(trigs) == 1:
        return trigs[0]
    ms, me = mention
    return min(trigs, key=lambda t: (not t[3], max(ms - t[1], t[0] - me, 0), t[0]))


def _event_type(a: _Analysis, mention: tuple[int, int]) -> str:
    if not a.triggers:
        return "other"
    pos = mention[0]
    chosen, scope = None, (0, a.length)
    for clause in a.clauses():
        if clause[0] <= pos < clause[1]:
            segs, seg_trigs = a.segments(clause)
            k = next((i for i, (lo, hi) in enumerate(segs) if lo <= pos < hi), 0)
            # Own segment, then earlier ones (a list inherits its head), then later ones.
            order = (k,) if seg_trigs[k] else (*range(k - 1, -1, -1), *range(k + 1, len(segs)))
            for i in order:
                if seg_trigs[i]:
                    chosen, scope = _nearest(seg_trigs[i], mention), clause
                    break
            break
    if chosen is None:
        chosen = _nearest(a.triggers, mention)
    etype, strong = chosen[2], chosen[3]
    has_air, counted, has_airstrike = a.scope(*scope)
    if not strong and etype in ("airstrike", "shelling", "other") and has_air:
        etype = "airstrike"
    if etype == "airstrike" and counted:
        etype = "sortie"
    elif etype == "sortie" and not counted and has_airstrike:
        etype = "airstrike"
    return etype


_FIRST = operator.itemgetter(0)  # a C-level key: called a few times per mention


def _context(
    text: str, start: int, end: int, sentences: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """Span of the sentence holding the mention (widened to its end, capped in length)."""
    i = bisect.bisect_right(sentences, start, key=_FIRST) - 1
    if i < 0 or start > sentences[i][1] or (start == sentences[i][1] and start < end):
        s, e = start, end  # between sentences: the mention is its own context
    else:
        s, e = sentences[i]
        while e < end and i + 1 < len(sentences):
            i += 1
            e = sentences[i][1]
        e = max(e, end)
    if e - s > _MAX_CONTEXT:
        half = max(0, (_MAX_CONTEXT - (end - start)) // 2)
        lo, hi = max(s, start - half), min(e, end + half)
        # Do not cut words in two: move inwards to the nearest space (if any is near).
        if lo > s:
            sp = text.find(" ", lo, start)
            lo = sp + 1 if sp != -1 else lo
        if hi < e:
            sp = text.rfind(" ", end, hi)
            hi = sp if sp != -1 else hi
        s, e = lo, hi
    return s, e


def event_type_at(sentence: str, start: int, end: int) -> str:
    """The event type of ``sentence[start:end]`` read as this module reads a mention's: for
    an event word, its own type refined by its clause ("struck" with "aircraft" is an airstrike).

    >>> event_type_at("Aircraft struck 9 targets.", 9, 15)
    'airstrike'
    """
    return _event_type(_analyse(_check_text(sentence)), (start, end))


def sentence_of(
    text: str, start: int, end: int, sentences: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The span of the sentence that :func:`activity_for` reads for ``text[start:end]``.

    >>> text = "Shelling hit Hama. Jets struck Idlib."
    >>> sentence_of(text, 31, 36, sentence_spans(text))
    (19, 37)
    """
    return _context(text, start, end, sentences)


def activity_for(
    text: str,
    start: int,
    end: int,
    *,
    date: dt.date | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> Activity:
    """What the report says happened where ``text[start:end]`` is mentioned.

    Reads the sentence holding the mention (pass ``sentences`` from :func:`sentence_spans`
    when calling this for many mentions of one text). The event type comes from the nearest
    trigger word in the mention's clause (see the module docstring); counts, actors and a date
    come from the whole sentence; ``date`` is used when the sentence states none. A "sentence"
    over 2,000 characters (text without punctuation) is cut to the 2,000 characters around the
    mention. Raises TypeError for a non-str ``text`` or non-int offsets, ValueError unless
    ``0 <= start <= end <= len(text)``.

    >>> text = ("Over the past day, Russian aircraft carried out 12 sorties against 24 targets "
    ...         "near Idlib and Hama.")
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
    s, e = _context(text, start, end, spans)
    analysis = _analyse(text[s:e])
    return analysis.activity(_event_type(analysis, (start - s, end - s)), date)


def event_words(sentence: str) -> list[tuple[int, int, str]]:
    """The typed event words of one sentence: ``(start, end, event type)``, in text order.

    >>> event_words("Jets struck Idlib; shelling hit Hama.")
    [(5, 11, 'airstrike'), (19, 27, 'shelling'), (28, 31, 'other')]
    """
    return [(s, e, etype) for s, e, etype, _ in _analyse(_check_text(sentence)).triggers]
