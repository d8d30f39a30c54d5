"""Features of a (trigger, place mention) pair in one sentence, for the event linker.

The linker (:mod:`geomentions.events`) asks, for every event word of a sentence and every
place the sentence names: did the event happen there? Its model reads the small, named
features below; the words they look for are language data in :mod:`geomentions.lang`.

>>> s = Sentence("Troops sent from Damascus shelled Aleppo.")
>>> trig = (26, 33)                                       # "shelled"
>>> f = dict(zip(FEATURE_NAMES, s.features(trig, (34, 40), [(17, 25), (34, 40)])))
>>> f["after"], f["prep_none"], f["mentions_between"]
(1.0, 1.0, 0.0)
>>> f = dict(zip(FEATURE_NAMES, s.features(trig, (17, 25), [(17, 25), (34, 40)])))
>>> f["prep_from"], f["after"]
(1.0, 0.0)
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geomentions.lang import ar, en, ru

if TYPE_CHECKING:
    import numpy as np

#: Bump when the list or the meaning of a feature changes: a model trained on another
#: version is refused (``LogisticModel.check_features``).
VERSION = "15"

Span = tuple[int, int]

#: Classes of the word that governs a place; "none" is a bare place ("shelled Aleppo").
PREP_CLASSES = ("in", "near", "from", "to", "of", "by", "none")

FEATURE_NAMES: tuple[str, ...] = (
    "after",  # the place comes after the event word
    "log_gap",  # log(1 + words between them)
    "adjacent",  # at most three words between them
    "mentions_between",  # other places between them (capped at 3)
    "rank",  # 0 for the place nearest the event word, 1 for the next... (capped at 3)
    "log_mentions",  # log(places in the sentence)
    "commas_between",  # capped at 3
    "clauses_between",  # ";", "where", "which", "after"... between them (capped at 2)
    "triggers_between",  # other event words between them (capped at 2)
    "where_link",  # "Erbil, where a bomb exploded": the clause happened at the place
    "that_between",  # "that"/"что"/"أن" between them: the place is in a reported clause
    "source_between",  # "killed in Homs, the ministry in Damascus said": a speech word between
    "closer_triggers",  # other event words nearer the place than this one (capped at 2)
    *(f"prep_{c}" for c in PREP_CLASSES),
    "from_leave",  # "fled from Mosul": an origin
    "object_leave",  # "fled Mosul": an origin
    "to_arrive",  # "arrived in Erbil": a destination
    "trigger_leave",
    "trigger_arrive",
    "trigger_event",  # the event word is in our list of event words
    "trigger_harm",  # its class: harm to people ("killed"), the place after a preposition
    "trigger_seize",  # taking or striking a place ("stormed", "shelled", "patrolled")
    "trigger_gather",  # a gathering ("protested", "marched")
    "object_seize",  # "stormed Zara": the place is the object of a taking verb
    "base_cue",  # "based at", "Hmeymim airbase", "flying from"
    "source_cue",  # "said in Moscow", "a statement from Damascus"
    "dateline",  # "BAGHDAD (AP) -"
    "container",  # "Palmyra in Homs province": Homs only holds the place before it
    "contains_next",  # "Palmyra, Homs": the place that a next one holds
    "modifier",  # "the Damascus government", "Iraqi forces": a place as an adjective
    "possessive",  # "Mogadishu's Wadajir district": the place holds another
    "named_by_noun",  # "the village of Jdeideh", "قرية الطيبة": the place is that locality
    "holds_named",  # "the Zaafaraniyah district of Baghdad": a named spot of the place
    "noun_after",  # "a Sarajevo corner", "Baghdad neighbourhood": the place sits before a spot
    "noun_of_after",  # "the Harare township of Highfield": the spot after "of" is the scene
    "area_of",  # "the southern countryside of Aleppo", "ريف حلب": somewhere in the place
    "holds_noun",  # "al-Tijara neighbourhood in central Damascus": a smaller spot is named
    "article_before",  # "a U.S. airstrike", "a Tampa woman": a modifier, not a scene
    "next_noun",  # a plain lowercase word follows ("Baghdad headquarters", "Dili students")
    "fronted",  # "Meanwhile in Tbilisi, ...": the scene of the sentence
    "nearest_in",  # governed by in/near, and no closer place to the event word is
    "more_specific_near",  # a smaller place (a city beside a province or country) is close
    "in_parens",
    "in_list",  # a later place of a list ("Hama and Homs"): its prep is the list's first one's
    "head_rank",  # "rank" of the list's first place (the place itself when in no list)
    "head_nearest_in",  # "nearest_in" of the list's first place
    "next_capital",  # a capitalised word follows ("Zahir Mulla"): perhaps a person's name
    "prev_capital",  # a capitalised word comes just before ("Kiwan Hamed")
    "holds_unknown",  # "Albuhrat neighborhood near Fallujah": holds a place we did not find
    "confidence",  # the mention's confidence (1 when not given): is it a place at all?
    "kind_country",
    "kind_admin",
    "unresolved",
)
_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}
# Column numbers of the pair features, read once (``matrix`` sets them for every pair).
(_X_AFTER, _X_LOG_GAP, _X_ADJACENT, _X_BETWEEN, _X_RANK, _X_COMMAS, _X_CLAUSES, _X_TRIGGERS, _X_WHERE,
 _X_THAT_BETWEEN, _X_SOURCE_BETWEEN, _X_CLOSER_TRIGGERS, _X_NEAREST_IN, _X_FROM_LEAVE, _X_OBJECT_LEAVE,
 _X_TO_ARRIVE, _X_TRIGGER_LEAVE, _X_TRIGGER_ARRIVE, _X_TRIGGER_EVENT) = (_INDEX[n] for n in (
    "after", "log_gap", "adjacent", "mentions_between", "rank", "commas_between",
    "clauses_between", "triggers_between", "where_link", "that_between", "source_between",
    "closer_triggers", "nearest_in", "from_leave", "object_leave", "to_arrive",
    "trigger_leave", "trigger_arrive", "trigger_event"))  # fmt: skip
_X_CLASSES = tuple((tag, _INDEX[f"trigger_{tag}"]) for tag in ("harm", "seize", "gather"))
_X_OBJECT_SEIZE = _INDEX["object_seize"]
_X_CONFIDENCE = _INDEX["confidence"]
_X_HEAD_RANK, _X_HEAD_NEAREST_IN = _INDEX["head_rank"], _INDEX["head_nearest_in"]
_NO_TAGS: frozenset[str] = frozenset()

_TOKEN_RE = re.compile(r"[\w\u064b-\u065f\u0670]+(?:[-'’.][\w\u064b-\u065f\u0670]+)*|[^\w\s]")
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_AR_NORM = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "\u0640": None}
    | {chr(c): None for c in range(0x064B, 0x0660)}
    | {"\u0670": None}
)
#: What may stand between two places of one list ("Idlib, Hama and Homs", "إدلب وحماة"),
#: with at most one lowercase word before the next place ("and eastern Aleppo").
_JOIN = "|".join(sorted({*en.LIST_WORDS, *ar.LIST_WORDS, *ru.LIST_WORDS}, key=len, reverse=True))
LIST_GAP = re.compile(
    rf"^(?:\s*[,،]\s*|\s+(?:{_JOIN})\s+|\s*[,،]\s*(?:{_JOIN})\s+|\s+و)"
    r"(?:[^\W\d_A-ZА-Я]+\s+)?$"
)
#: What may stand between two locative phrases of one list, after the first place: a word of
#: its own (Arabic adjectives follow), "and", and the second phrase's own words ("near Tadmur
#: and in eastern Aleppo", "في ريف دير الزور الشرقي وفي مدينة تدمر").
PHRASE_GAP = re.compile(
    rf"^\s*(?:[^\W\d_A-ZА-Я]+\s*)?[,،]?\s*(?:(?:{_JOIN})\s+|و)(?:[^\W\d_A-ZА-Я]+\s+){{1,4}}$"
)
#: The relations such phrases share: where something happened, not whence or whither.
_LOCATIVE = frozenset({"in", "near"})
_LOST_APOSTROPHE = re.compile(r"\s{2,}s\b")
_DATELINE_MARKS = frozenset({"(", "-", "—", "–", ":", "_"})
_COMMAS = frozenset({"punct:,", "punct:،"})
_CLAUSE_TAGS = frozenset({"clause", "where", "punct:;", "punct:؛"})
_THAT = frozenset({"that"})
#: Words of a locative phrase between two places ("on the edge of", "in the suburbs of").
_LOCATIVE_WORDS = frozenset({"filler", "placenoun", "areanoun"})
#: Words before an "of" that passes the place on to an earlier preposition ("in the city of").
_OF_NOUNS = frozenset({"filler", "placenoun", "areanoun"})
_SOURCE = frozenset({"source"})
#: What stands between a place and the bigger one holding it ("Palmyra in Homs province").
_CONTAINER_GAPS = frozenset({",", "،", "in", "of", "in the", "of the", "في", "'s", "’s"})
#: How big a place of each kind is, for "a smaller place is close".
_KIND_RANK = {"": 0, "unresolved": 0, "admin": 1, "country": 2}


def _capital(word: str) -> bool:
    """A capitalised Latin or Cyrillic word ("Mulla"), not one in capitals ("AP")."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


_NEAR_BEFORE_FROM = en.NEAR_BEFORE_FROM | ru.NEAR_BEFORE_FROM


def _near_before_from(word: str) -> bool:
    """Whether ``word`` before "from"/"от"/"من" makes it a distance from a landmark."""
    if _ARABIC_RE.match(word):
        w = word.translate(_AR_NORM)
        return w in ar.NEAR_BEFORE_FROM or (w[:1] == "و" and w[1:] in ar.NEAR_BEFORE_FROM)
    return word.lower() in _NEAR_BEFORE_FROM


def _inside(pos: int, spans: Sequence[Span]) -> bool:
    """Whether offset ``pos`` (a token's end) falls in one of the sorted ``spans``."""
    k = bisect.bisect_left(spans, (pos, pos))
    return any(s < pos <= e for s, e in spans[max(0, k - 1) : k + 1])


def _starts(word: str, stems: Sequence[str]) -> bool:
    return any(word.startswith(s) for s in stems)


@functools.lru_cache(maxsize=65_536)  # the same words recur across sentences
def word_tags(raw: str) -> frozenset[str]:
    """What a token may mark: ``prep:<class>``, ``filler``, ``clause``, ``where``, ``that``, ``base``,
    ``source``, ``leave``, ``arrive``, ``event``, ``case`` (Russian в/на) or ``punct:<c>``.

    >>> sorted(word_tags("from")), sorted(word_tags("из")), sorted(word_tags("وفي"))
    (['prep:from'], ['prep:from'], ['prep:in'])
    """
    tags: set[str] = set()
    if not raw[0].isalnum():
        return frozenset({f"punct:{raw}"})
    if _ARABIC_RE.match(raw):
        w = raw.translate(_AR_NORM)
        # A leading wa-/fa- ("and", "so") is split off longer words, and off short ones
        # whose rest is a preposition ("وفي", "and in").
        split = w[:1] in ("و", "ف") and (len(w) > 3 or w[1:] in ar.PREPOSITIONS)
        forms = [w] + [w[1:]] * split
        for f in forms:
            if f in ar.THAT_WORDS:
                tags.add("that")
            if f in ar.PREPOSITIONS:
                tags.add(f"prep:{ar.PREPOSITIONS[f]}")
            if f in ar.FILLERS or (f.startswith("ال") and f[2:] in ar.FILLERS):
                tags.add("filler")
            for tag, words in (("placenoun", ar.PLACE_NOUNS), ("areanoun", ar.AREA_NOUNS)):
                if f in words or (f.startswith("ال") and f[2:] in words):
                    tags.add(tag)
            for tag, stems in (
                ("clause", ar.CLAUSE_WORDS), ("where", ar.WHERE_WORDS), ("base", ar.BASE_WORDS),
                ("source", ar.SOURCE_WORDS), ("leave", ar.LEAVE_VERBS),
                ("arrive", ar.ARRIVE_VERBS), ("event", ar.EVENT_WORDS), ("harm", ar.HARM_VERBS),
                ("seize", ar.SEIZE_VERBS), ("gather", ar.GATHER_VERBS),
            ):  # fmt: skip
                if _starts(f, stems) or (f.startswith("ال") and _starts(f[2:], stems)):
                    tags.add(tag)
            # A verb in the imperfect ("يقصف", "لتقصف", "سيقتحم"): its perfect stem, with the
            # alef the prefix drops ("يستهدف" is "استهدف").
            g = f[1:] if f[:1] in ar.PARTICLE_PREFIXES and len(f) > 4 else f
            if g[:1] in ar.IMPERFECT_PREFIXES and len(g) >= 4:
                stem = g[1:]
                for tag, stems in (
                    ("leave", ar.LEAVE_VERBS), ("arrive", ar.ARRIVE_VERBS),
                    ("event", ar.EVENT_WORDS), ("harm", ar.HARM_VERBS),
                    ("seize", ar.SEIZE_VERBS), ("gather", ar.GATHER_VERBS),
                ):  # fmt: skip
                    if _starts(stem, stems) or _starts("ا" + stem, stems):
                        tags.add(tag)
        return frozenset(tags)
    w = raw.lower().replace("ё", "е")
    if _CYRILLIC_RE.match(raw):
        if w in ru.PREPOSITIONS:
            tags.add("case" if w in ru.CASE_PREPOSITIONS else f"prep:{ru.PREPOSITIONS[w]}")
        if w in ru.FILLERS:
            tags.add("filler")
        for tag, stems in (
            ("clause", ru.CLAUSE_WORDS), ("where", ru.WHERE_WORDS), ("base", ru.BASE_WORDS),
            ("source", ru.SOURCE_WORDS), ("leave", ru.LEAVE_VERBS), ("arrive", ru.ARRIVE_VERBS),
            ("event", ru.EVENT_WORDS), ("that", ru.THAT_WORDS), ("areanoun", ru.AREA_NOUNS),
            ("harm", ru.HARM_VERBS), ("seize", ru.SEIZE_VERBS), ("gather", ru.GATHER_VERBS),
        ):  # fmt: skip
            if (w in stems) if tag in ("clause", "where") else _starts(w, stems):
                tags.add(tag)
        # "пригороде" is no "город": an area noun is not a locality noun.
        if _starts(w, ru.PLACE_NOUNS) and "areanoun" not in tags:
            tags.add("placenoun")
        return frozenset(tags)
    if w in en.PREPOSITIONS:
        tags.add(f"prep:{en.PREPOSITIONS[w]}")
    for tag, words in (
        ("filler", en.FILLERS), ("clause", en.CLAUSE_WORDS), ("where", en.WHERE_WORDS),
        ("that", en.THAT_WORDS),
        ("base", en.BASE_WORDS), ("source", en.SOURCE_WORDS), ("leave", en.LEAVE_VERBS),
        ("arrive", en.ARRIVE_VERBS), ("event", en.EVENT_WORDS), ("placenoun", en.PLACE_NOUNS),
        ("areanoun", en.AREA_NOUNS), ("article", en.ARTICLES), ("harm", en.HARM_VERBS),
        ("seize", en.SEIZE_VERBS), ("gather", en.GATHER_VERBS),
    ):  # fmt: skip
        if w in words or (tag == "base" and w.endswith("-based")):
            tags.add(tag)
    return frozenset(tags)


class Sentence:
    """The tokens of one sentence and their tags, made once for all its pairs."""

    __slots__ = ("text", "starts", "ends", "raws", "tags", "_parts", "_spans", "_where", "_cues")

    def __init__(self, text: str) -> None:
        self.text = text
        # One split in C gives gaps and tokens; offsets are running sums of their lengths.
        parts = _SPLIT_RE.split(text)  # gap, token, gap, token, ..., gap
        offsets = list(itertools.accumulate(map(len, parts)))
        self.raws: list[str] = parts[1::2]
        self.starts = offsets[0:-1:2]
        self.ends = offsets[1::2]
        self.tags = list(map(word_tags, self.raws))
        self._parts: dict[tuple[Span, str], tuple[list[float], str, int, int]] = {}
        self._spans: dict[Span, tuple[int, int, str]] = {}
        self._cues: dict[Span, tuple[str, bool, bool, bool, bool]] = {}
        # Token indices of each tag: most tokens have none, so this is a short walk.
        self._where: dict[str, list[int]] = {}
        for j in itertools.compress(range(len(self.tags)), self.tags):
            for tag in self.tags[j]:
                self._where.setdefault(tag, []).append(j)

    def first(self, pos: int) -> int:
        """Index of the first token ending after ``pos``."""
        return bisect.bisect_right(self.ends, pos)

    def last(self, end: int) -> int:
        """Index of the last token starting before ``end``."""
        return max(0, bisect.bisect_left(self.starts, end) - 1)

    def has(self, i: int, tag: str) -> bool:
        return 0 <= i < len(self.tags) and tag in self.tags[i]

    def governing(self, span: Span) -> str:
        """Class of the word governing the place at ``span`` (see :data:`PREP_CLASSES`)."""
        text, start = self.text, span[0]
        # Arabic letters written on the place itself: "بحلب", "وفي" is a separate word.
        k = start
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if k < start:
            prefix = text[k:start].translate(_AR_NORM).lstrip("وف")
            prefix = prefix[:-2] if prefix.endswith("ال") else prefix
            if prefix[:1] in ar.ATTACHED:
                return ar.ATTACHED[prefix[:1]]
        i = self.first(start)
        found, j, stop = "none", i - 1, max(-1, i - 6)
        while j > stop:
            tags = self.tags[j]
            for t in tags:
                if t.startswith("prep:"):
                    if t == "prep:to" and j >= 1 and self.raws[j - 1].lower() in en.NEAR_BEFORE_TO:
                        return "near"  # "close to the town of Poso": near, no destination
                    if t == "prep:from" and j >= 1 and _near_before_from(self.raws[j - 1]):
                        return "near"  # "50 km from Baghdad", "к северу от Мосула": no origin
                    if t != "prep:of" or j < 1 or not self.tags[j - 1] & _OF_NOUNS:
                        return t[5:]
                    # "in the city of Mersin", "near the West Bank city of Ramallah": the
                    # locality noun's own preposition governs the place ("of" when none).
                    found, stop = "of", max(-1, stop - 3)
            if "case" in tags:  # Russian в/на: "в Мосуле" is in, "в Мосул" is to
                word = text[span[0] : span[1]].lower().split()[-1] if span[1] > span[0] else ""
                # A noun between them carries the case: "в провинции Идлиб" is in.
                nouns = [
                    w for w in map(str.lower, self.raws[j + 1 : i])
                    if not w.endswith(ru.CASE_ADJECTIVE_ENDINGS)
                ]  # fmt: skip
                word = nouns[0] if nouns else word
                return "in" if word.endswith(ru.LOCATIVE_ENDINGS) else "to"
            if "filler" not in tags and not self.raws[j][:1].isupper():
                break
            j -= 1
        return found

    def near_tag(self, lo: int, hi: int, tag: str) -> bool:
        where = self._where.get(tag)
        if where is None:
            return False
        k = bisect.bisect_left(where, max(0, lo))
        return k < len(where) and where[k] < hi

    def bounds(self, span: Span) -> tuple[int, int, str]:
        """First and last token of a place and the class of the word governing it."""
        found = self._spans.get(span)
        if found is None:
            found = self._spans[span] = (
                self.first(span[0]),
                self.last(span[1]),
                self.governing(span),
            )
        return found

    def mention_part(
        self, mention: Span, mentions: Sequence[Span], kinds: Sequence[str], kind: str
    ) -> tuple[list[float], str, int, int]:
        """The trigger-independent features of a place (made once per place and sentence):
        (row with those set, governing class, first token, last token)."""
        key = (mention, kind)
        found = self._parts.get(key)
        if found is not None:
            return found
        x = [0.0] * len(FEATURE_NAMES)
        ix = _INDEX
        m_lo, m_hi, _ = self.bounds(mention)
        prep, in_list, dateline, base, source = self.own_cues(mention, mentions)
        x[ix["in_list"]] = float(in_list)
        x[ix[f"prep_{prep}"]] = 1.0
        x[ix["log_mentions"]] = math.log(max(1, len(mentions)))
        x[ix["base_cue"]] = float(base)
        x[ix["source_cue"]] = float(source)
        nxt = self.raws[m_hi + 1] if m_hi + 1 < len(self.raws) else ""
        x[ix["dateline"]] = float(dateline)
        x[ix["possessive"]] = float(
            nxt in ("'s", "’s")
            or self.text.startswith(("'s", "’s"), mention[1])
            # An apostrophe lost in conversion ("Syria   s Aleppo province").
            or bool(_LOST_APOSTROPHE.match(self.text, mention[1]))
        )
        noun = self._noun_before(m_lo)
        # "the district of Baghdad" names Baghdad; "the Zaafaraniyah district of Baghdad"
        # names a spot inside it, which annotators and maps put the event at.
        named = noun == "placenoun" and self._name_before_noun(m_lo, mentions)
        x[ix["named_by_noun"]] = float(noun == "placenoun" and not named)
        x[ix["holds_named"]] = float(named)
        after_noun = self._noun_after(m_hi)
        x[ix["noun_after"]] = float(after_noun > 0)
        x[ix["noun_of_after"]] = float(after_noun == 2)
        x[ix["area_of"]] = float(noun == "areanoun")
        x[ix["holds_noun"]] = float(
            not noun and prep in ("in", "near", "of") and self._holds_noun(m_lo)
        )
        x[ix["article_before"]] = float(m_lo >= 1 and "article" in self.tags[m_lo - 1])
        x[ix["next_noun"]] = float(
            nxt.isalpha() and nxt.islower() and not word_tags(nxt) and len(nxt) > 2
        )
        x[ix["fronted"]] = float(m_lo <= 4 and prep in ("in", "near") and "punct:," in (
            self.tags[m_hi + 1] if m_hi + 1 < len(self.tags) else ()))  # fmt: skip
        rank = _KIND_RANK.get(kind, 0)
        for (s, e), k in zip(mentions, kinds, strict=True):
            if e <= mention[0]:
                gap = self.text[e : mention[0]].strip().lower()
                if gap in _CONTAINER_GAPS or self._locative_gap(e, mention[0]):
                    x[ix["container"]] = 1.0
            elif s >= mention[1]:
                gap = self.text[mention[1] : s].strip().lower()
                if gap in _CONTAINER_GAPS or self._locative_gap(mention[1], s):
                    x[ix["contains_next"]] = 1.0
            if (s, e) != mention and _KIND_RANK.get(k, 0) < rank:
                lo, hi = (e, mention[0]) if e <= mention[0] else (mention[1], s)
                if 0 <= hi - lo <= 40:
                    x[ix["more_specific_near"]] = 1.0
        x[ix["modifier"]] = float(
            prep == "none" and nxt.isalpha() and nxt.islower() and nxt.isascii()
        )
        x[ix["in_parens"]] = float(self.near_tag(m_lo - 1, m_lo, "punct:("))
        x[ix["next_capital"]] = float(_capital(nxt) and not _inside(self.ends[m_hi + 1], mentions))
        prev = self.raws[m_lo - 1] if m_lo >= 2 else ""  # not the sentence's first word
        x[ix["prev_capital"]] = float(_capital(prev) and not _inside(self.ends[m_lo - 1], mentions))
        x[ix["holds_unknown"]] = float(
            prep in ("in", "near", "of") and self._holds_unknown(m_lo, mentions)
        )
        if kind in ("country", "admin"):
            x[ix[f"kind_{kind}"]] = 1.0
        elif kind == "unresolved":
            x[ix["unresolved"]] = 1.0
        found = self._parts[key] = (x, prep, m_lo, m_hi)
        return found

    def _list_head(self, mention: Span, mentions: Sequence[Span]) -> Span:
        """The first place of the list ``mention`` ends (itself when in none)."""
        k = bisect.bisect_left(mentions, mention)
        while k > 0 and LIST_GAP.match(self.text[mentions[k - 1][1] : mentions[k][0]]):
            k -= 1
        if k == len(mentions):
            return mention
        start, end = mentions[k]
        return (start, end)

    def _own_phrase(self, mention: Span, mentions: Sequence[Span], prep: str) -> bool:
        """Whether the list ``mention`` starts ends on a word of class ``prep`` of its own:
        "took Sinai from Egypt, the Golan Heights and the West Bank from Syria" (the Golan
        Heights starts a phrase like the one before it, no list of "from Egypt")."""
        k = bisect.bisect_left(mentions, mention)
        while k + 1 < len(mentions) and LIST_GAP.match(
            self.text[mentions[k][1] : mentions[k + 1][0]]
        ):
            k += 1
        j = self.last(mentions[k][1]) + 1
        return j < len(self.tags) and f"prep:{prep}" in self.tags[j]

    def list_heads(self, mentions: Sequence[Span]) -> list[int]:
        """For each of the sorted ``mentions``, the index of the first place of the list it
        ends ("Idlib, Hama and Homs": 0, 0, 0); its own index when in no list."""
        index = {tuple(m): k for k, m in enumerate(mentions)}
        heads: list[int] = []
        for k, m in enumerate(mentions):
            if self.own_cues(m, mentions)[1]:
                heads.append(index.get(self._list_head(m, mentions), k))
            elif k and self._joined_phrase(mentions[k - 1], m, mentions):
                heads.append(heads[k - 1])  # "near Tadmur and in eastern Aleppo"
            else:
                heads.append(k)
        return heads

    def _joined_phrase(self, prev: Span, mention: Span, mentions: Sequence[Span]) -> bool:
        """Whether ``mention``'s own locative phrase is joined by "and" to ``prev``'s: "struck
        targets near Tadmur and in eastern Aleppo" (both places of the strikes, as a list)."""
        if not PHRASE_GAP.match(self.text[prev[1] : mention[0]]):
            return False
        return (
            self.own_cues(mention, mentions)[0] in _LOCATIVE
            and self.own_cues(prev, mentions)[0] in _LOCATIVE
        )

    def own_cues(
        self, mention: Span, mentions: Sequence[Span]
    ) -> tuple[str, bool, bool, bool, bool]:
        """What a place's own words say, with no event word needed (all a sentence without
        one is read for): (governing class, shared along a list; in a list; dateline;
        base cue; speech cue). Read once per place (``mentions`` is the same for a sentence)."""
        found = self._cues.get(mention)
        if found is not None:
            return found
        m_lo, m_hi, prep = self.bounds(mention)
        # "in Basra and Nasiriyah": Nasiriyah is "in" too (a place with a word of its own
        # governing it starts a phrase of its own).
        head = self._list_head(mention, mentions) if prep == "none" else mention
        if head != mention:
            prep = self.bounds(head)[2]
            if prep != "none" and self._own_phrase(mention, mentions, prep):
                head, prep = mention, "none"
        nxt = self.raws[m_hi + 1] if m_hi + 1 < len(self.raws) else ""
        dateline = m_lo <= 1 and (
            nxt in _DATELINE_MARKS or self.text[mention[0] : mention[1]].isupper()
        )
        base = self.near_tag(m_lo - 3, m_lo, "base") or self.near_tag(m_hi + 1, m_hi + 3, "base")
        source = self.near_tag(m_lo - 3, m_lo, "source") or self.near_tag(
            m_hi + 1, m_hi + 3, "source"
        )
        found = self._cues[mention] = (prep, head != mention, dateline, base, source)
        return found

    def _noun_before(self, m_lo: int) -> str:
        """ "placenoun" or "areanoun" when such a noun names the place: right before it
        ("قرية الطيبة", "capital Minsk") or before "of"/"of the" ("the village of Ashmi")."""
        j = m_lo - 1
        if j >= 0 and self.raws[j].lower() == "the":
            j -= 1
        if j >= 1 and self.raws[j].lower() == "of":
            j -= 1
        tags = self.tags[j] if j >= 0 else _NO_TAGS
        return "areanoun" if "areanoun" in tags else "placenoun" if "placenoun" in tags else ""

    def _locative_gap(self, lo: int, hi: int) -> bool:
        """The words from offset ``lo`` to ``hi`` are a locative phrase ending in "of" or a
        preposition, and nothing else: "Jobar on the edge of Damascus", "Harasta in the
        suburbs of Damascus" (the later place holds the earlier)."""
        a, b = self.first(lo), self.last(hi)
        if not 2 <= b - a + 1 <= 5 or not any(t.startswith("prep:") for t in self.tags[b]):
            return False
        return any(t.startswith("prep:") for t in self.tags[a]) and all(
            self.tags[j] & _LOCATIVE_WORDS or any(t.startswith("prep:") for t in self.tags[j])
            for j in range(a, b + 1)
        )

    def _name_before_noun(self, m_lo: int, mentions: Sequence[Span]) -> bool:
        """The locality noun before "of" (``_noun_before``) follows a capitalised word that
        is no place we found: "the Sayyida Zaynab suburb of Damascus" (the place holds the
        named suburb), not "the Baghdad district of Adhamiyah" (the place is the district)."""
        j = m_lo - 1 - (self.raws[m_lo - 1].lower() == "the") - 1  # at "of", then the noun
        if j < 1 or self.raws[j + 1].lower() != "of":
            return False
        prev = self.raws[j - 1]
        # "al-Asafir" counts; "the Syrian city of Azaz", "the Sunni district of Adhamiyah"
        # name the place itself.
        return (
            j - 1 > 0  # not the sentence's first word
            and any(c.isupper() for c in prev)
            and prev.lower() != "the"
            and prev not in en.DEMONYMS
            and prev not in en.GROUP_ADJECTIVES
            and not _inside(self.ends[j - 1], mentions)
        )

    def _noun_after(self, m_hi: int) -> int:
        """1 when a locality noun follows the place ("Baghdad neighbourhood", past a
        possessive and one lowercase word: "Baghdad's southern district"), 2 when "of"
        comes next ("the Harare township of Highfield"), else 0."""
        raws, tags, n = self.raws, self.tags, len(self.raws)
        j = m_hi + 1
        if j < n and raws[j] in ("'s", "’s"):
            j += 1
        for _ in range(2):
            if j >= n:
                return 0
            if "placenoun" in tags[j]:
                return 2 if j + 1 < n and raws[j + 1].lower() == "of" else 1
            if not (raws[j].isalpha() and raws[j].islower()):
                return 0
            j += 1
        return 0

    def _holds_noun(self, m_lo: int) -> bool:
        """A locality noun just before the preposition governing the place: "al-Tijara
        neighbourhood in central Damascus", "a school in western Baghdad"."""
        for j in range(m_lo - 1, max(0, m_lo - 5), -1):
            tags = self.tags[j]
            if any(t.startswith("prep:") or t == "case" for t in tags):
                return any("placenoun" in self.tags[k] for k in range(max(0, j - 2), j))
            if "filler" not in tags and not self.raws[j][:1].isupper():
                return False
        return False

    def _holds_unknown(self, m_lo: int, mentions: Sequence[Span]) -> bool:
        """A capitalised word that is no place we found, a few words before the preposition
        governing the place: "Manger Square in nearby Bethlehem"."""
        for j in range(m_lo - 2, max(0, m_lo - 6), -1):
            raw = self.raws[j]
            if _capital(raw):
                return not _inside(self.ends[j], mentions)
            if not (raw.isalpha() and raw.islower()):
                return False
        return False

    def features(
        self,
        trigger: Span,
        mention: Span,
        mentions: Sequence[Span],
        *,
        triggers: Sequence[Span] = (),
        kind: str = "",
        kinds: Sequence[str] | None = None,
    ) -> list[float]:
        """Feature row (in :data:`FEATURE_NAMES` order) of ``mention`` for ``trigger``.

        ``mentions`` are all place spans of the sentence (``mention`` among them) and
        ``kinds`` their kinds ("country", "admin", "unresolved" or ""; ``kind`` is the
        mention's own), ``triggers`` all event words. One row of :meth:`matrix`.
        """
        mention = (mention[0], mention[1])
        if kinds is None:
            kinds = [kind if tuple(m) == mention else "" for m in mentions]
        order = sorted(range(len(mentions)), key=lambda j: tuple(mentions[j]))
        spans = [(mentions[j][0], mentions[j][1]) for j in order]
        return self.matrix(
            [trigger], spans, [kinds[j] for j in order], sorted(triggers), only=spans.index(mention)
        )[0]

    def matrix(
        self,
        events: Sequence[Span],
        mentions: Sequence[Span],
        kinds: Sequence[str],
        triggers: Sequence[Span] = (),
        only: int | None = None,
        confidences: Sequence[float] | None = None,
    ) -> list[list[float]]:
        """Feature rows of every (place, event word) pair: for each of ``mentions`` in turn
        (sorted, not overlapping), one row per word of ``events``. ``triggers`` are all event
        words of the sentence (sorted, not overlapping; ``events`` may be among them).
        ``only``: the rows of that one place. ``confidences``: each place's
        ``Mention.confidence`` (default 1).

        What depends on one side only (a place's own words, an event word's tags, distances
        to the other places and event words) is read once; a pair adds its gap.
        """
        bounds = self.bounds
        m_b = [bounds(m) for m in mentions]
        t_b = [bounds(t) for t in events]
        o_b = [bounds(t) for t in triggers]
        tags = self.tags
        # Token indices of commas, clause words, "that" and speech words: a pair counts
        # those in its gap by bisection (most sentences have few).
        where = self._where
        commas_at, clauses_at, that_at, source_at = (
            sorted({j for tag in marks for j in where.get(tag, ())})
            for marks in (_COMMAS, _CLAUSE_TAGS, _THAT, _SOURCE)
        )
        left = bisect.bisect_left
        m_starts = [m[0] for m in mentions]
        m_ends = [m[1] for m in mentions]
        o_starts = [t[0] for t in triggers]
        o_ends = [t[1] for t in triggers]
        in_near = [b[2] in ("in", "near") for b in m_b]
        # Token distance from each event word to each place, as "a place is closer" reads it.
        near_t = []
        for t_lo, t_hi, _ in t_b:
            d = [min(abs(lo - t_hi), abs(t_lo - hi)) for lo, hi, _ in m_b]
            near_t.append((d, sorted(d), sorted(x for x, ok in zip(d, in_near, strict=True) if ok)))
        rows = []
        for i, (mention, kind) in enumerate(zip(mentions, kinds, strict=True)):
            if only is not None and i != only:
                continue
            part, prep, m_lo, m_hi = self.mention_part(mention, mentions, kinds, kind)
            part = part.copy()
            part[_X_CONFIDENCE] = 1.0 if confidences is None else float(confidences[i])
            where_next = self.near_tag(m_hi + 1, m_hi + 4, "where")
            # The list this place ends ("in Washington, New York and Boston"): its first
            # place stands where the list does.
            h = bisect.bisect_left(mentions, self._list_head(mention, mentions)) if self.own_cues(
                mention, mentions)[1] else i  # fmt: skip
            # Token distance from this place to each event word of the sentence.
            o_d = [
                abs(m_lo - o_hi) if s < mention[0] else abs(o_lo - m_hi)
                for s, (o_lo, o_hi, _) in zip(o_starts, o_b, strict=True)
            ]
            o_sorted = sorted(o_d)
            for k, trigger in enumerate(events):
                t_lo, t_hi, _ = t_b[k]
                x = part.copy()
                after = mention[0] >= trigger[1]
                if after:
                    gap_lo, gap_hi = t_hi + 1, m_lo
                    lo_c, hi_c = trigger[1], mention[0]
                    dist = abs(m_lo - t_hi)
                else:
                    gap_lo, gap_hi = m_hi + 1, t_lo
                    lo_c, hi_c = mention[1], trigger[0]
                    dist = abs(t_lo - m_hi)
                gap = max(0, gap_hi - gap_lo)
                hi = max(gap_lo, gap_hi)
                x[_X_AFTER] = float(after)
                x[_X_LOG_GAP] = math.log1p(gap)
                x[_X_ADJACENT] = float(gap <= 3)
                # Places and event words wholly inside the stretch between the two.
                between = bisect.bisect_right(m_ends, hi_c) - bisect.bisect_left(m_starts, lo_c)
                x[_X_BETWEEN] = float(min(max(0, between), 3))
                d, d_sorted, d_in = near_t[k]
                closer = bisect.bisect_left(d_sorted, dist) - (d[i] < dist)
                closer_in = bisect.bisect_left(d_in, dist) - (in_near[i] and d[i] < dist)
                x[_X_RANK] = float(min(closer, 3))
                x[_X_NEAREST_IN] = float(prep in ("in", "near") and closer_in == 0)
                if h == i:
                    x[_X_HEAD_RANK], x[_X_HEAD_NEAREST_IN] = x[_X_RANK], x[_X_NEAREST_IN]
                else:
                    x[_X_HEAD_RANK] = float(min(bisect.bisect_left(d_sorted, d[h]), 3))
                    x[_X_HEAD_NEAREST_IN] = float(
                        in_near[h] and bisect.bisect_left(d_in, d[h]) == 0
                    )
                x[_X_COMMAS] = float(min(left(commas_at, hi) - left(commas_at, gap_lo), 3))
                x[_X_CLAUSES] = float(min(left(clauses_at, hi) - left(clauses_at, gap_lo), 2))
                inside = bisect.bisect_right(o_ends, hi_c) - bisect.bisect_left(o_starts, lo_c)
                x[_X_TRIGGERS] = float(min(max(0, inside), 2))
                x[_X_WHERE] = float(not after and where_next)
                x[_X_THAT_BETWEEN] = float(left(that_at, hi) > left(that_at, gap_lo))
                x[_X_SOURCE_BETWEEN] = float(left(source_at, hi) > left(source_at, gap_lo))
                nearer = bisect.bisect_left(o_sorted, dist)
                if nearer:  # the event word itself, when listed, does not count
                    j = bisect.bisect_left(o_starts, trigger[0])
                    if j < len(o_starts) and triggers[j] == trigger and o_d[j] < dist:
                        nearer -= 1
                x[_X_CLOSER_TRIGGERS] = float(min(nearer, 2))
                t_tags = tags[t_lo] if t_lo < len(tags) else _NO_TAGS
                leave, arrive = "leave" in t_tags, "arrive" in t_tags
                x[_X_FROM_LEAVE] = float(leave and prep == "from")
                x[_X_OBJECT_LEAVE] = float(leave and after and prep == "none" and gap <= 2)
                x[_X_TO_ARRIVE] = float(arrive and after and prep in ("to", "in"))
                x[_X_TRIGGER_LEAVE] = float(leave)
                x[_X_TRIGGER_ARRIVE] = float(arrive)
                x[_X_TRIGGER_EVENT] = float("event" in t_tags)
                for tag, col in _X_CLASSES:
                    x[col] = float(tag in t_tags)
                x[_X_OBJECT_SEIZE] = float(
                    "seize" in t_tags and after and prep == "none" and gap <= 2
                )
                rows.append(x)
        return rows

    def triggers(self) -> list[tuple[Span, str]]:
        """Event words of the sentence by their tags: ``((start, end), "event"|"leave"|
        "arrive")``; typed event words from :mod:`geomentions.activity` are added by the caller."""
        kinds: dict[int, str] = {}
        for kind in ("arrive", "leave", "event"):  # a word with several tags: the last wins
            for j in self._where.get(kind, ()):
                kinds[j] = kind
        return [((self.starts[j], self.ends[j]), kinds[j]) for j in sorted(kinds)]


# --- the second stage: a place among its rivals ---------------------------------------------
#: Features of the second stage (``events.rivals``): the first stage's probability for the
#: pair, and how the other places of the sentence fare for the same event word. An event
#: word mostly happened at one place: "a school in Harasta, in the suburbs of Damascus"
#: names Damascus only to hold Harasta, and a strong rival says so.
RIVAL_SHARED = (
    "in_list", "rank", "head_rank", "after", "log_mentions", "container", "contains_next",
    "more_specific_near", "kind_country", "kind_admin",
)  # fmt: skip
RIVAL_FEATURE_NAMES: tuple[str, ...] = (
    "p_pair",  # the first stage's (uncalibrated) probability of this pair
    "p_best_rival",  # the highest of the other places for the same event word (0 if none)
    "best_of_all",  # this place's probability is the highest for that event word
    "likely_rivals",  # other places at 0.5 or more for that event word (capped at 3)
    *RIVAL_SHARED,
)
_RIVAL_SHARED_COLS = [_INDEX[n] for n in RIVAL_SHARED]


def rival_matrix(
    rows: Sequence[Sequence[float]] | np.ndarray,
    p: Sequence[float],
    n_events: int,
    rivals: Sequence[bool] | None = None,
    lists: Sequence[int] | None = None,
) -> list[list[float]]:
    """Second-stage rows of one sentence's first-stage ``rows`` (place-major: place ``i``'s
    rows for the ``n_events`` event words are ``i * n_events`` on) and their probabilities
    ``p``. ``rivals``: per place, whether it competes (the resolved places; default all);
    ``lists``: per place, its list (``Sentence.list_heads``): the places of one list share
    the event of its first ("struck Idlib, Hama and Homs"), so they are no rivals.

    Plain Python: a sentence has a few places and event words, where numpy's per-call cost
    would dominate (its rows become one array per batch of sentences)."""
    n = max(1, n_events)
    m = len(p) // n
    group = range(m) if lists is None else lists
    ok = [True] * m if rivals is None else rivals
    out = []
    for i in range(m):
        g = group[i]
        others = [j * n for j in range(m) if ok[j] and group[j] != g]
        for k in range(n):
            best, likely = 0.0, 0
            for j in others:
                v = p[j + k]
                if v > best:
                    best = v
                if v >= 0.5:
                    likely += 1
            own = p[i * n + k]
            row = rows[i * n + k]
            out.append(
                [own, best, float(own >= best), float(min(likely, 3))]
                + [row[c] for c in _RIVAL_SHARED_COLS]
            )
    return out
