"""What a document says around each mention: the context the ranker's features read.

Built once per document after recognition (:func:`document_context`), pure data afterwards.
For every mention it holds the country and division shares of the *other* mentions (in the
document, its paragraph and its sentence), the places named next to it in a containment
phrase ("Lima, a village in New York", "the Texas town of Paris"), the countries and
divisions the document spells out, the points of its other confident places, its script and
the nationalities it names. :func:`hint_context` makes the same object from the explicit
hints of :func:`geomentions.resolve` (a country, a point, feature types).

>>> ctx = hint_context(country={"LB"}, near=None, feature_codes=None)
>>> ctx.country_doc
{'LB': 1.0}
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .data.demonyms import DEMONYMS
from .geo import haversine_km
from .names import key as name_key

__all__ = [
    "Outer",
    "outer_of",
    "MentionContext",
    "Voter",
    "document_context",
    "hint_context",
    "contains",
]

_EMPTY: frozenset = frozenset()


@dataclass(frozen=True, slots=True)
class Outer:
    """A place named next to a mention in a containment phrase: a country, a first- or
    second-level division (by name key; ``cc`` "" when unknown), or a town (by distance)."""

    kind: str  # "country" | "adm1" | "adm2" | "place"
    cc: str
    key: str
    name: str
    lat: float = 0.0
    lon: float = 0.0


def outer_of(info: Mapping) -> Outer:
    """What a gazetteer place (``Gazetteer.place`` attributes) contains, as an :class:`Outer`."""
    code, cc = info["feature_code"], info["country_code"]
    if code.startswith("PCL"):
        return Outer("country", cc, "", info["name"])
    if code == "ADM1":
        return Outer("adm1", cc, name_key(info["name"]), info["name"])
    if code == "ADM2":
        return Outer("adm2", cc, _county_key(info["name"]), info["name"])
    return Outer("place", cc, "", info["name"], info["lat"], info["lon"])


def contains(outer: Outer, info: Mapping) -> bool:
    """Whether a gazetteer place (``Gazetteer.place`` attributes) lies in ``outer``."""
    if outer.kind == "place":
        return haversine_km(outer.lat, outer.lon, info["lat"], info["lon"]) <= 100.0
    if outer.cc and info["country_code"] != outer.cc:
        return False
    if outer.kind == "country":
        return not info["feature_code"].startswith("PCL")
    if outer.kind == "adm1":
        return bool(info["admin1"]) and name_key(info["admin1"]) == outer.key
    return bool(info["admin2"]) and _county_key(info["admin2"]) == outer.key


def _county_key(name: str) -> str:
    """ "Marion County" and "Marion" share a key: the word is how reports name counties."""
    return _COUNTY_WORD.sub("", name_key(name)).strip()


_COUNTY_WORD = re.compile(r"\s(county|parish|district|province|governorate)$")


@dataclass(frozen=True, slots=True)
class MentionContext:
    """Everything the features of one mention's candidates read besides the candidates."""

    #: Share of each country / (country, division) among the *other* names of the document.
    country_doc: Mapping[str, float] = field(default_factory=dict)
    region_doc: Mapping[tuple[str, str], float] = field(default_factory=dict)
    #: The same among the other names of the mention's paragraph and sentence.
    country_paragraph: Mapping[str, float] = field(default_factory=dict)
    country_sentence: Mapping[str, float] = field(default_factory=dict)
    region_sentence: Mapping[tuple[str, str], float] = field(default_factory=dict)
    #: Countries / (country, division key) that other names spell out, in the document and
    #: in the sentence.
    named_countries: frozenset[str] = _EMPTY
    named_countries_sentence: frozenset[str] = _EMPTY
    named_regions: frozenset[tuple[str, str]] = _EMPTY
    named_regions_sentence: frozenset[tuple[str, str]] = _EMPTY
    #: Places named next to this mention in a containment phrase, and next to other
    #: mentions of the same name (one sense per discourse).
    outers: tuple[Outer, ...] = ()
    outers_discourse: tuple[Outer, ...] = ()
    #: (lat, lon) rows of the document's other confident places (or the ``near`` hint).
    anchors: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    script: str = "latin"
    demonym_countries: frozenset[str] = _EMPTY
    feature_codes: frozenset[str] = _EMPTY
    #: How much the span looks like an ordinary word (0..1), and person evidence.
    word_penalty: float = 0.0
    person_like: bool = False


def hint_context(
    *,
    country: Iterable[str] | None,
    near: tuple[float, float] | None,
    feature_codes: Iterable[str] | None,
) -> MentionContext:
    """The context of a bare name: the caller's country and point are what a document would
    have said (its focus, a confident place nearby)."""
    codes = sorted(set(country or ()))
    return MentionContext(
        country_doc={cc: 1.0 for cc in codes},
        anchors=np.asarray([near], dtype=np.float64) if near else np.zeros((0, 2)),
        feature_codes=frozenset(feature_codes or ()),
    )


@dataclass(frozen=True, slots=True)
class Voter:
    """One mention as the document context sees it (made by ``extraction``)."""

    start: int
    end: int
    text: str
    script: str
    #: How strongly the mention votes for each country and (country, division).
    by_cc: Mapping[str, float]
    by_region: Mapping[tuple[str, str], float]
    #: Outers this mention stands for when it is named next to another (its exact readings).
    as_outer: tuple[Outer, ...]
    #: Countries / (country, division key) the mention spells out literally.
    spells_countries: frozenset[str]
    spells_regions: frozenset[tuple[str, str]]
    #: Spells a country's name literally ("China"): "X, Y" is then a list, not containment.
    is_country_name: bool
    #: Spells a first-level division's name literally, with the (cc, key) of what it spells.
    is_region_name: bool
    #: (lat, lon) of its one clear reading, or None.
    anchor: tuple[float, float] | None
    word_penalty: float = 0.0
    person_like: bool = False
    #: A vote only when the mention is not an ordinary word.
    votes: bool = True
    #: The places it spells as written (to tell "X, Y" containment from a list).
    literal_places: tuple[Mapping, ...] = ()


# "X, Y", "X in Y", "X (Y)", "X, south of Y", "X, 20 miles north of Y", "X, a village in Y",
# "X, a small town outside Y"; Arabic and Russian "X، Y", "X في Y", "X в Y".
_AFTER = re.compile(
    r"\s*[,،(]\s*|\s+(?:in|في|в)\s+|\s*,\s*in\s+"
    r"|\s*[,،]\s*(?:(?:about|some|just)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometers|kilometres|miles|mi)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?"
    r"|\s*[,،]\s*(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?(?:in|of|near|outside)\s+(?:the\s+)?"
)
# "the Texas town of X", "Ontario's city of X".
_BEFORE = re.compile(
    r"(?:'s?)?\s+(?:[a-z-]+\s+){0,2}?(?:town|city|village|suburb|community|hamlet|borough"
    r"|township|capital|county seat)\s+of\s+"
)
_FEATURE_WORD_END = re.compile(r"\s(?:town|city|village|suburb|community|hamlet|borough)$")
_COUNTY_AFTER = re.compile(r"\s+(?:County|Parish)\b")


def cue_after(gap: str) -> bool:
    """Whether the text between X and a following Y puts X inside Y.

    >>> cue_after(", a village in "), cue_after(", south of "), cue_after(" and ")
    (True, True, False)
    """
    return len(gap) <= 40 and _AFTER.fullmatch(gap) is not None


def cue_before(gap: str) -> bool:
    """Whether the text between a preceding Y and X puts X inside Y ("Texas town of").

    >>> cue_before(" town of "), cue_before(" said ")
    (True, False)
    """
    return len(gap) <= 30 and _BEFORE.fullmatch(gap) is not None


def _is_list(x: Voter, y: Voter) -> bool:
    """Whether "X, Y" lists places ("China, India", "Iowa, Kansas") rather than putting X in
    Y ("Paris, Texas"; "Lima, a village in New York": Lima is also a Peruvian region, but a
    Lima lies in New York)."""
    if x.is_country_name:
        return True
    return (
        x.is_region_name
        and y.is_region_name
        and not any(
            contains(o, i) for o in y.as_outer if o.kind != "place" for i in x.literal_places
        )
    )


def _shares(votes: Iterable[Mapping]) -> dict:
    """Summed votes as shares of the largest (1.0), small ones dropped."""
    total: dict = defaultdict(float)
    for v in votes:
        for k, w in v.items():
            total[k] += w
    if not total:
        return {}
    top = max(total.values())
    if top <= 0:
        return {}
    return {k: w / top for k, w in total.items() if w / top >= 0.05}


def _blocks(text: str, pattern: str) -> list[int]:
    """Start offsets of the text's blocks separated by ``pattern``."""
    return [0] + [m.end() for m in re.finditer(pattern, text)]


def document_context(
    text: str,
    voters: Sequence[Voter],
    sentences: Sequence[tuple[int, int]],
    *,
    country: Iterable[str] | None = None,
    feature_codes: Sequence[frozenset[str]] | None = None,
) -> list[MentionContext]:
    """One :class:`MentionContext` per voter, in order. ``country`` fixes the document's
    countries (the caller knows them)."""
    n = len(voters)
    sent_starts = [s for s, _ in sentences] or [0]
    para_starts = _blocks(text, r"\n\s*\n")
    sent_of = [max(0, bisect.bisect_right(sent_starts, v.start) - 1) for v in voters]
    para_of = [max(0, bisect.bisect_right(para_starts, v.start) - 1) for v in voters]
    fixed = sorted({c.strip().upper() for c in country or () if c.strip()})
    lowered = text.casefold()
    demonyms = frozenset(
        cc for word, cc in DEMONYMS.items() if word in lowered and _word_in(text, word)
    )

    # Containment cues: the outers next to each mention, and per name for the discourse.
    outers: list[list[Outer]] = [[] for _ in range(n)]
    for i in range(n - 1):
        x, y = voters[i], voters[i + 1]
        gap = text[x.end : y.start]
        if cue_after(gap) and not _is_list(x, y):
            outers[i].extend(y.as_outer)
            if _COUNTY_AFTER.match(text, y.end):  # "a city in Marion County"
                outers[i].append(Outer("adm2", "", _county_key(y.text), y.text))
        # "the Texas town of Paris" (the feature word may be read into the name before it).
        if cue_before(gap) or (gap == " of " and _FEATURE_WORD_END.search(x.text)):
            outers[i + 1].extend(x.as_outer)
    by_name: dict[str, list[Outer]] = defaultdict(list)
    for v, out in zip(voters, outers, strict=True):
        by_name[v.text].extend(out)

    def others(idx: Iterable[int], name: str, voting: bool = True) -> list[int]:
        return [j for j in idx if voters[j].text != name and (voters[j].votes or not voting)]

    in_sentence: dict[int, list[int]] = defaultdict(list)
    in_paragraph: dict[int, list[int]] = defaultdict(list)
    for j in range(n):
        in_sentence[sent_of[j]].append(j)
        in_paragraph[para_of[j]].append(j)
    contexts: list[MentionContext] = []
    memo: dict[tuple, tuple] = {}
    for i, v in enumerate(voters):
        doc_key = ("doc", v.text)
        if doc_key not in memo:  # a name repeats: its document-wide view is worked out once
            rest = others(range(n), v.text)
            named = others(range(n), v.text, voting=False)  # "Russia" is a common word too
            anchors = [voters[j].anchor for j in rest if voters[j].anchor is not None]
            memo[doc_key] = (
                {cc: 1.0 for cc in fixed} if fixed else _shares(voters[j].by_cc for j in rest),
                _shares(voters[j].by_region for j in rest),
                frozenset().union(*(voters[j].spells_countries for j in named)),
                frozenset().union(*(voters[j].spells_regions for j in named)),
                np.asarray(anchors, dtype=np.float64).reshape(-1, 2),
                tuple(dict.fromkeys(o for o in by_name[v.text])),
            )
        country_doc, region_doc, named_cc, named_rg, anchors, discourse = memo[doc_key]
        sent = others(in_sentence[sent_of[i]], v.text)
        para = others(in_paragraph[para_of[i]], v.text)
        named_here = others(in_sentence[sent_of[i]], v.text, voting=False)
        contexts.append(
            MentionContext(
                country_doc=country_doc,
                region_doc=region_doc,
                country_paragraph=_shares(voters[j].by_cc for j in para),
                country_sentence=_shares(voters[j].by_cc for j in sent),
                region_sentence=_shares(voters[j].by_region for j in sent),
                named_countries=named_cc,
                named_countries_sentence=frozenset().union(
                    *(voters[j].spells_countries for j in named_here)
                ),
                named_regions=named_rg,
                named_regions_sentence=frozenset().union(
                    *(voters[j].spells_regions for j in named_here)
                ),
                outers=tuple(outers[i]),
                outers_discourse=discourse,
                anchors=anchors,
                script=v.script,
                demonym_countries=demonyms,
                feature_codes=feature_codes[i] if feature_codes else _EMPTY,
                word_penalty=v.word_penalty,
                person_like=v.person_like,
            )
        )
    return contexts


def _word_in(text: str, word: str) -> bool:
    """``word`` starting a word of ``text`` (any case); English words must also end it,
    Russian and Arabic entries are stems ("российских", "السورية")."""
    end = r"(?!\w)" if word.isascii() else ""
    return re.search(rf"(?<!\w){re.escape(word)}{end}", text, re.I) is not None
