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

from geomentions.lang import ar, en, ru

#: Bump when the list or the meaning of a feature changes: a model trained on another
#: version is refused (``LogisticModel.check_features``).
VERSION = "3"

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
    "base_cue",  # "based at", "Hmeymim airbase", "flying from"
    "source_cue",  # "said in Moscow", "a statement from Damascus"
    "dateline",  # "BAGHDAD (AP) -"
    "container",  # "Palmyra in Homs province": Homs only holds the place before it
    "contains_next",  # "Palmyra, Homs": the place that a next one holds
    "modifier",  # "the Damascus government", "Iraqi forces": a place as an adjective
    "possessive",  # "Mogadishu's Wadajir district": the place holds another
    "fronted",  # "Meanwhile in Tbilisi, ...": the scene of the sentence
    "nearest_in",  # governed by in/near, and no closer place to the event word is
    "more_specific_near",  # a smaller place (a city beside a province or country) is close
    "in_parens",
    "kind_country",
    "kind_admin",
    "unresolved",
)
_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}

_TOKEN_RE = re.compile(r"[\w\u064b-\u065f\u0670]+(?:[-'’.][\w\u064b-\u065f\u0670]+)*|[^\w\s]")
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_AR_NORM = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "\u0640": None}
    | {chr(c): None for c in range(0x064B, 0x0660)}
    | {"\u0670": None}
)
_DATELINE_MARKS = frozenset({"(", "-", "—", "–", ":", "_"})
_COMMAS = frozenset({"punct:,", "punct:،"})
_CLAUSE_TAGS = frozenset({"clause", "where", "punct:;", "punct:؛"})
#: What stands between a place and the bigger one holding it ("Palmyra in Homs province").
_CONTAINER_GAPS = frozenset({",", "،", "in", "of", "in the", "of the", "في", "'s", "’s"})
#: How big a place of each kind is, for "a smaller place is close".
_KIND_RANK = {"": 0, "unresolved": 0, "admin": 1, "country": 2}


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
            for tag, stems in (
                ("clause", ar.CLAUSE_WORDS), ("where", ar.WHERE_WORDS), ("base", ar.BASE_WORDS),
                ("source", ar.SOURCE_WORDS), ("leave", ar.LEAVE_VERBS),
                ("arrive", ar.ARRIVE_VERBS), ("event", ar.EVENT_WORDS),
            ):  # fmt: skip
                if _starts(f, stems) or (f.startswith("ال") and _starts(f[2:], stems)):
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
            ("event", ru.EVENT_WORDS), ("that", ru.THAT_WORDS),
        ):  # fmt: skip
            if (w in stems) if tag in ("clause", "where") else _starts(w, stems):
                tags.add(tag)
        return frozenset(tags)
    if w in en.PREPOSITIONS:
        tags.add(f"prep:{en.PREPOSITIONS[w]}")
    for tag, words in (
        ("filler", en.FILLERS), ("clause", en.CLAUSE_WORDS), ("where", en.WHERE_WORDS),
        ("that", en.THAT_WORDS),
        ("base", en.BASE_WORDS), ("source", en.SOURCE_WORDS), ("leave", en.LEAVE_VERBS),
        ("arrive", en.ARRIVE_VERBS), ("event", en.EVENT_WORDS),
    ):  # fmt: skip
        if w in words or (tag == "base" and w.endswith("-based")):
            tags.add(tag)
    return frozenset(tags)


class Sentence:
    """The tokens of one sentence and their tags, made once for all its pairs."""

    __slots__ = ("text", "starts", "ends", "raws", "tags", "_parts", "_spans", "_prefix", "_where")

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
        self._prefix: tuple[list[int], list[int]] | None = None
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
        for j in range(i - 1, max(-1, i - 6), -1):
            tags = self.tags[j]
            for t in tags:
                if t.startswith("prep:"):
                    return t[5:]
            if "case" in tags:  # Russian в/на: "в Мосуле" is in, "в Мосул" is to
                word = text[span[0] : span[1]].lower().split()[-1] if span[1] > span[0] else ""
                return "in" if word.endswith(ru.LOCATIVE_ENDINGS) else "to"
            if "filler" not in tags and not self.raws[j][:1].isupper():
                break
        return "none"

    def near_tag(self, lo: int, hi: int, tag: str) -> bool:
        where = self._where.get(tag)
        if where is None:
            return False
        k = bisect.bisect_left(where, max(0, lo))
        return k < len(where) and where[k] < hi

    def _bounds(self, span: Span) -> tuple[int, int, str]:
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
        m_lo, m_hi, prep = self._bounds(mention)
        x[ix[f"prep_{prep}"]] = 1.0
        x[ix["log_mentions"]] = math.log(max(1, len(mentions)))
        x[ix["base_cue"]] = float(
            self.near_tag(m_lo - 3, m_lo, "base") or self.near_tag(m_hi + 1, m_hi + 3, "base")
        )
        x[ix["source_cue"]] = float(
            self.near_tag(m_lo - 3, m_lo, "source") or self.near_tag(m_hi + 1, m_hi + 3, "source")
        )
        nxt = self.raws[m_hi + 1] if m_hi + 1 < len(self.raws) else ""
        x[ix["dateline"]] = float(
            m_lo <= 1 and (nxt in _DATELINE_MARKS or self.text[mention[0] : mention[1]].isupper())
        )
        x[ix["possessive"]] = float(
            nxt in ("'s", "’s") or self.text.startswith(("'s", "’s"), mention[1])
        )
        x[ix["fronted"]] = float(m_lo <= 4 and prep in ("in", "near") and "punct:," in (
            self.tags[m_hi + 1] if m_hi + 1 < len(self.tags) else ()))  # fmt: skip
        rank = _KIND_RANK.get(kind, 0)
        for (s, e), k in zip(mentions, kinds, strict=True):
            if e <= mention[0]:
                gap = self.text[e : mention[0]].strip().lower()
                if gap in _CONTAINER_GAPS:
                    x[ix["container"]] = 1.0
            elif s >= mention[1]:
                gap = self.text[mention[1] : s].strip().lower()
                if gap in _CONTAINER_GAPS:
                    x[ix["contains_next"]] = 1.0
            if (s, e) != mention and _KIND_RANK.get(k, 0) < rank:
                lo, hi = (e, mention[0]) if e <= mention[0] else (mention[1], s)
                if 0 <= hi - lo <= 40:
                    x[ix["more_specific_near"]] = 1.0
        x[ix["modifier"]] = float(
            prep == "none" and nxt.isalpha() and nxt.islower() and nxt.isascii()
        )
        x[ix["in_parens"]] = float(self.near_tag(m_lo - 1, m_lo, "punct:("))
        if kind in ("country", "admin"):
            x[ix[f"kind_{kind}"]] = 1.0
        elif kind == "unresolved":
            x[ix["unresolved"]] = 1.0
        found = self._parts[key] = (x, prep, m_lo, m_hi)
        return found

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
        mention's own), ``triggers`` all event words.
        """
        if kinds is None:
            kinds = [kind if tuple(m) == mention else "" for m in mentions]
        part, prep, m_lo, m_hi = self.mention_part(mention, mentions, kinds, kind)
        x = list(part)
        ix = _INDEX
        t_lo, t_hi, _ = self._bounds(trigger)
        after = mention[0] >= trigger[1]
        gap_lo, gap_hi = (t_hi + 1, m_lo) if after else (m_hi + 1, t_lo)
        gap = max(0, gap_hi - gap_lo)
        x[ix["after"]] = float(after)
        x[ix["log_gap"]] = math.log1p(gap)
        x[ix["adjacent"]] = float(gap <= 3)
        lo_c, hi_c = (trigger[1], mention[0]) if after else (mention[1], trigger[0])
        dist = abs(m_lo - t_hi) if after else abs(t_lo - m_hi)
        between = closer = closer_in = 0
        for s, e in mentions:
            if lo_c <= s and e <= hi_c:
                between += 1
            if (s, e) == mention:
                continue
            lo, hi, prep_other = self._bounds((s, e))
            if min(abs(lo - t_hi), abs(t_lo - hi)) < dist:
                closer += 1
                closer_in += prep_other in ("in", "near")
        x[ix["mentions_between"]] = float(min(between, 3))
        x[ix["rank"]] = float(min(closer, 3))
        x[ix["nearest_in"]] = float(prep in ("in", "near") and closer_in == 0)
        tags = self.tags
        if self._prefix is None:  # running counts: a pair reads any gap in O(1)
            self._prefix = (
                [0, *itertools.accumulate(not _COMMAS.isdisjoint(t) for t in tags)],
                [0, *itertools.accumulate(not _CLAUSE_TAGS.isdisjoint(t) for t in tags)],
            )
        commas_at, clauses_at = self._prefix
        hi = max(gap_lo, gap_hi)
        commas = commas_at[hi] - commas_at[gap_lo]
        clauses = clauses_at[hi] - clauses_at[gap_lo]
        x[ix["commas_between"]] = float(min(commas, 3))
        x[ix["clauses_between"]] = float(min(clauses, 2))
        x[ix["triggers_between"]] = float(
            min(sum(1 for s, e in triggers if lo_c <= s and e <= hi_c), 2)
        )
        x[ix["where_link"]] = float(not after and self.near_tag(m_hi + 1, m_hi + 4, "where"))
        x[ix["that_between"]] = float(self.near_tag(gap_lo, gap_hi, "that"))
        x[ix["source_between"]] = float(self.near_tag(gap_lo, gap_hi, "source"))
        nearer = 0
        for s, e in triggers:
            if (s, e) != trigger:
                o_lo, o_hi, _ = self._bounds((s, e))
                nearer += (abs(m_lo - o_hi) if s < mention[0] else abs(o_lo - m_hi)) < dist
        x[ix["closer_triggers"]] = float(min(nearer, 2))
        t_tags = tags[t_lo] if t_lo < len(tags) else frozenset()
        leave, arrive = "leave" in t_tags, "arrive" in t_tags
        x[ix["from_leave"]] = float(leave and prep == "from")
        x[ix["object_leave"]] = float(leave and after and prep == "none" and gap <= 2)
        x[ix["to_arrive"]] = float(arrive and after and prep in ("to", "in"))
        x[ix["trigger_leave"]] = float(leave)
        x[ix["trigger_arrive"]] = float(arrive)
        x[ix["trigger_event"]] = float("event" in t_tags)
        return x

    def triggers(self) -> list[tuple[Span, str]]:
        """Event words of the sentence by their tags: ``((start, end), "event"|"leave"|
        "arrive")``; typed event words from :mod:`geomentions.activity` are added by the caller."""
        kinds: dict[int, str] = {}
        for kind in ("arrive", "leave", "event"):  # a word with several tags: the last wins
            for j in self._where.get(kind, ()):
                kinds[j] = kind
        return [((self.starts[j], self.ends[j]), kinds[j]) for j in sorted(kinds)]
