"""What the span model reads: "is this candidate span a place name here?" as numbers.

Recognition (:mod:`geomentions.recognition`) finds every word run the gazetteer knows and
notes its wording; the features below turn one such span, the places its name matches and
what the rest of the report says into a row of numbers, and the shipped span model
(``geomentions/data/spans.json``, see :mod:`geomentions.models`) turns the row into a
probability. Each feature is a small function with the reason it helps, computed as a
column over all of a report's cases (:class:`Rows`); a case's row is the features' values in
:data:`FEATURES` order, and :data:`VERSION` changes with the list.
Word lists are language data in :mod:`geomentions.lang`.

>>> from geomentions.recognition import find_spans
>>> from geomentions.gazetteer import Gazetteer
>>> text = "Mr Paris said the talks in Paris went well."
>>> spans = find_spans(text, Gazetteer.default())
>>> cases = [Case(s, (), {}) for s in spans]
>>> doc, rows = DocFacts.build(cases), Rows(cases)
>>> list(zip([s.start for s in spans], prev_title(rows, doc), prev_preposition(rows, doc)))
[(3, 1.0, 0.0), (27, 0.0, 1.0)]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from .evidence import is_village
from .lang import ar, en, ru
from .memo import IdentityMemo
from .names import feature_hint
from .recognition import Span
from .resolution import NameMatch

__all__ = ["Case", "DocFacts", "FEATURES", "NAMES", "Rows", "VERSION", "matrix"]

VERSION = "spans/8"


@dataclass(frozen=True, init=False)
class Case:
    """One candidate span with the places its name matches (``by_cc``: how strongly the
    matches prefer each country, before scaling)."""

    span: Span
    matches: tuple[NameMatch, ...]
    by_cc: dict[str, float]

    # Written out: compiled, this stores the fields in C; @dataclass's own is Python that
    # sets them through object.__setattr__ (frozen), for every candidate span of a report.
    def __init__(self, span: Span, matches: tuple[NameMatch, ...], by_cc: dict[str, float]) -> None:
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "matches", matches)
        object.__setattr__(self, "by_cc", by_cc)


@dataclass(frozen=True)
class DocFacts:
    """What the whole report says about each name (built once per document)."""

    count: dict[str, int]  # how often the name occurs
    person: dict[str, int]  # occurrences with a person cue (title, first name, "said")
    locative: dict[str, int]  # occurrences after a locative preposition
    #: How well the name's countries fit the other names (0..1); absent: no other name.
    fit: dict[str, float]
    #: Cases (by id) followed by ", X" or "in X" where X names a country or first-level division.
    contained: frozenset[int] = frozenset()

    @classmethod
    def build(cls, cases: Sequence[Case], facts: Sequence[_MatchFacts] | None = None) -> DocFacts:
        """``facts``: each case's match facts, when already made (:class:`Rows` has them)."""
        if facts is None:
            facts = [_facts(c) for c in cases]
        count: Counter[str] = Counter()
        person: Counter[str] = Counter()
        locative: Counter[str] = Counter()
        own: dict[str, dict[str, float]] = {}
        #: Countries of villages spelled exactly as the name: they cast no vote, but a name
        #: with a village where the report is ("Kajaki" beside "Helmand") fits it however
        #: far its town is. Only exact spellings: among 158k villages nearly any word has a
        #: same-key one somewhere ("DAILY" and Dīllī, Syria).
        villages: dict[str, frozenset[str]] = {}
        for c, f in zip(cases, facts, strict=True):
            name = c.span.text
            count[name] += 1
            person[name] += _person_cue(c.span)
            locative[name] += c.span.locative
            if name not in villages:
                villages[name] = f.village_ccs  # read only below: no copy
            if name in own or c.span.kind in ("demonym", "bloc") or name.lower() in en.MONTHS:
                # The name has voted; "Russian jets" over Idlib: the country is no place of
                # the report; "Friday" (a hamlet somewhere) is a day.
                continue
            # A sea, river or desert of no country ("the Euphrates") neither votes nor is
            # judged by the others' countries.
            by_cc = {cc: w for cc, w in c.by_cc.items() if cc}
            if by_cc:
                # One vote per name, spread over its places' countries and weighted by how
                # well known its best place is: "Monday" (a hamlet) barely outvotes "Idlib".
                total = sum(by_cc.values()) or 1.0
                weight = f.prominence**2
                own[name] = {cc: weight * w / total for cc, w in by_cc.items()}
        totals: dict[str, float] = defaultdict(float)
        for votes in own.values():
            for cc, v in votes.items():
                totals[cc] += v
        fit = {}
        ranked = sorted(totals.items(), key=lambda kv: -kv[1])
        for name, village_ccs in villages.items():
            votes = own.get(name, {})
            mine_ccs = votes.keys() | village_ccs
            if not mine_ccs:
                continue
            # Leave the name out: a stray word must not vouch for itself. The others' top
            # country is the best of this name's countries (less its vote) and the first
            # country it has no place in.
            top = max([totals[cc] - votes.get(cc, 0.0) for cc in mine_ccs], default=0.0)
            top = max(top, next((t for cc, t in ranked if cc not in mine_ccs), 0.0))
            if top <= 1e-6:
                continue
            mine = sum(votes.values()) or 1.0
            share = sum([v / mine * (totals[cc] - v) / top for cc, v in votes.items()])
            # A village in the report's leading country fits as well as a vote there would.
            for cc in village_ccs:
                share = max(share, (totals[cc] - votes.get(cc, 0.0)) / top)
            # Other names that are all obscure ("Monday" is a hamlet somewhere) say little:
            # the fit leans towards "not contradicted" (1) as their weight shrinks.
            weight = min(1.0, top / _CLEAR_VOTE)
            fit[name] = weight * share + (1.0 - weight)
        contained = frozenset(
            id(a)
            for a, b, b_facts in zip(cases, cases[1:], facts[1:], strict=False)
            if a.span.kind != "demonym"
            and b.span.start - a.span.end <= _CONTAINER_GAP
            and a.span.container_after
            and b_facts.container
        )
        return cls(dict(count), dict(person), dict(locative), fit, contained)


#: "Aitaroun in south Lebanon": at most this many characters from a name to its container.
_CONTAINER_GAP = 16
_CONTAINERS = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR", "ADM1"})

#: The vote of one clearly known place (prominence about 0.5, squared): other names weighing
#: less than this together only partly decide whether a name fits the document.
_CLEAR_VOTE = 0.25

# --- word classes per script ---------------------------------------------------------------

_TITLES = {"latin": en.TITLES, "arabic": ar.TITLES, "cyrillic": ru.TITLES}
_SPEECH = {"latin": en.SPEECH, "arabic": ar.SPEECH, "cyrillic": ru.SPEECH}
_ORG_HEADS = {"latin": en.ORG_HEADS, "arabic": ar.ORG_HEADS, "cyrillic": ru.ORG_HEADS}
_OF = {"latin": "of", "cyrillic": "", "arabic": ""}


def _person_cue(s: Span) -> bool:
    return (
        s.before in _TITLES[s.script]
        # Not "in London, said", nor "a professor in Houston, Texas, said".
        or (s.after in _SPEECH[s.script] and not (s.locative or s.after_name_comma))
        or s.given_name_before
    )


def _given_name(s: Span) -> bool:
    """A one-word name that is also a given name, with a capitalised word glued after it
    ("Georgia Smith", "Chad Harris"): a person's first name, not the country."""
    return (
        s.script == "latin"
        and s.cap_after
        and s.text.lower() in en.FIRST_NAMES
        # "Paris Police Department", "Georgia Bureau of Investigation": named after the place.
        and not any(w in en.INSTITUTIONS for w in s.after_caps)
    )


class Rows:
    """The cases of one report as the features read them: the cases, their spans and the
    facts about their matches, side by side (a feature gives one value per case, in order)."""

    def __init__(self, cases: Sequence[Case]) -> None:
        self.cases = cases
        self.spans = [c.span for c in cases]
        self.facts = [_facts(c) for c in cases]


#: A feature: one value per case of a report. Each is a column over all of a report's cases
#: (one Python loop per feature and report, not a call per feature and span).
Feature = Callable[[Rows, DocFacts], list[float]]

# --- shape ---------------------------------------------------------------------------------


def all_caps(r: Rows, d: DocFacts) -> list[float]:
    """An all-capitals word in mixed-case text is an acronym (TIF, NOD) or a dateline."""
    return [
        float(s.script != "arabic" and not s.shouting and s.text.isupper() and len(s.text) > 1)
        for s in r.spans
    ]


def short_all_caps(r: Rows, d: DocFacts) -> list[float]:
    """Four letters or fewer in capitals: mostly acronyms, but also DRC, UAE, NSW."""
    return [
        caps * float(len(s.text.replace(".", "")) <= 4)
        for caps, s in zip(all_caps(r, d), r.spans, strict=True)
    ]


def sentence_initial(r: Rows, d: DocFacts) -> list[float]:
    """At a sentence start capitals say nothing ("Among", "Shelling")."""
    return [float(s.sentence_initial and s.script != "arabic") for s in r.spans]


def headline(r: Rows, d: DocFacts) -> list[float]:
    """A title-case line: capitals around the name say nothing there."""
    return [float(s.headline) for s in r.spans]


def title_run_before(r: Rows, d: DocFacts) -> list[float]:
    """A capitalised word glued before is another part of a proper name ("Brian Lane");
    not in a title-case headline, where every word is capitalised."""
    return [float(s.cap_before and not s.headline) for s in r.spans]


def title_run_after(r: Rows, d: DocFacts) -> list[float]:
    """A capitalised word glued after ("Paris Hilton"), other than a place's generic word;
    not in a title-case headline."""
    return [float(s.cap_after and not s.headline) for s in r.spans]


def words(r: Rows, d: DocFacts) -> list[float]:
    """Longer names are seldom accidents ("New York", "Deir ez-Zor")."""
    return [float(s.text.count(" ") + s.text.count("-") + 1) for s in r.spans]


def plural_acronym(r: Rows, d: DocFacts) -> list[float]:
    """NGOs, IEDs, MPs: a plural acronym is no place."""
    return [
        float(
            s.script == "latin"
            and 3 <= len(s.text) <= 6
            and s.text[-1] == "s"
            and s.text[:-1].isupper()
        )
        for s in r.spans
    ]


def month_or_direction(r: Rows, d: DocFacts) -> list[float]:
    """A month ("May") or a compass word alone ("West") is no place."""
    return [_month_or_direction(s.text) for s in r.spans]


@lru_cache(maxsize=50_000)
def _month_or_direction(text: str) -> float:
    low = text.lower()
    return float(low.split()[0] in en.MONTHS or low in en.DIRECTIONS)


def title_word(r: Rows, d: DocFacts) -> list[float]:
    """A title itself ("Sen.", "Gen.", "Governor") folds onto places (Sen -> a town)."""
    return [float(s.text.lower().rstrip(".") in en.TITLES) for s in r.spans]


def caps_heading(r: Rows, d: DocFacts) -> list[float]:
    """A word of an all-capitals line in mixed-case text ("DAILY UPDATE"): a heading, whose
    ordinary words fold onto places (Dili); scaled by how common the word is. After "IN"
    the heading names a place ("THE SITUATION IN SYRIA")."""
    return [
        float(s.caps_line and not s.shouting and not s.locative)
        * max(s.commonness, s.folded_commonness)
        for s in r.spans
    ]


# --- word frequency ------------------------------------------------------------------------


def zipf(r: Rows, d: DocFacts) -> list[float]:
    """How common the span is as an ordinary word: "Mobile", "Reading", "مدنيين"."""
    return [s.commonness for s in r.spans]


def zipf_folded(r: Rows, d: DocFacts) -> list[float]:
    """Its folded form reached the gazetteer: "Côte" folds to the common "cote"."""
    return [s.folded_commonness for s in r.spans]


def zipf_at_sentence_start(r: Rows, d: DocFacts) -> list[float]:
    """Common words open sentences: commonness counts double there."""
    return [s.commonness * v for s, v in zip(r.spans, sentence_initial(r, d), strict=True)]


# --- neighbouring words --------------------------------------------------------------------


def prev_preposition(r: Rows, d: DocFacts) -> list[float]:
    """ "in", "near", "في", "в" before a name: the classic place slot."""
    return [float(s.locative) for s in r.spans]


def prev_the(r: Rows, d: DocFacts) -> list[float]:
    """ "the" before a capitalised name: rivers, seas and regions ("the Euphrates", "the
    Sahel"), but also institutions ("the White House")."""
    return [float(s.before == "the") for s in r.spans]


def prev_title(r: Rows, d: DocFacts) -> list[float]:
    """A title before it ("Mr", "Gov.", "الرئيس") makes it a person."""
    return [float(s.before in _TITLES[s.script]) for s in r.spans]


def prev_first_name(r: Rows, d: DocFacts) -> list[float]:
    """A given name before it ("Sarah Palin", "Mark Lewis", "Mary Jordan" opening a
    sentence): a surname."""
    return [float(s.given_name_before) for s in r.spans]


def party_tag(r: Rows, d: DocFacts) -> list[float]:
    """A party letter glued before it ("McConnell, R-Charleston", "DFL-Minneapolis"): the
    place a legislator stands for, even when "said" follows."""
    return [float(s.script == "latin" and s.before in en.PARTY_TAGS) for s in r.spans]


def given_name(r: Rows, d: DocFacts) -> list[float]:
    """The name is itself a given name and a capitalised word follows ("Georgia Smith, 12,
    said"; "Chad Harris"): a person. Countries are no exception."""
    return [float(_given_name(s)) for s in r.spans]


def next_said(r: Rows, d: DocFacts) -> list[float]:
    """ "said" right after it: a speaker ("Paulk said") — but "in London, said" and
    "Houston, Texas, said" are not."""
    return [
        float(s.after in _SPEECH[s.script] and not (s.locative or s.after_name_comma))
        for s in r.spans
    ]


def next_org_head(r: Rows, d: DocFacts) -> list[float]:
    """An organisation's head noun after it ("Texas Department", "Nusra Front"); in Latin
    script only a capitalised one: "a Kabul bank" is the city naming where the bank is."""
    return [float(s.after in _ORG_HEADS[s.script] and _named_head(s)) for s in r.spans]


def street_after(r: Rows, d: DocFacts) -> list[float]:
    """A street word after it ("Darby Street", "Wichita Drive"): a street, named after a
    place or a person, not the place. Not a lowercase one: "a busy Baquba street" is a
    street somewhere in Baquba."""
    return [
        float(s.script == "latin" and s.after in en.STREETS and _named_head(s)) for s in r.spans
    ]


def _named_head(s: Span) -> bool:
    """The word after the span is capitalised (part of a longer name), or the script has no
    capitals."""
    return s.script != "latin" or s.after_caps[:1] == (s.after,)


def institution_after(r: Rows, d: DocFacts) -> list[float]:
    """The capitalised words after it end in an institution ("Paris Public Library",
    "Richmond Police Department"): an institution named after its place, not a person."""
    return [float(not en.INSTITUTIONS.isdisjoint(s.after_caps)) for s in r.spans]


def org_head_of(r: Rows, d: DocFacts) -> list[float]:
    """ "University of X", "Bank of X", "Department of X": the name is part of an organisation."""
    return [
        float(bool(_OF[s.script]) and s.before == _OF[s.script] and s.before2 in en.ORG_HEADS)
        for s in r.spans
    ]


def qualified(r: Rows, d: DocFacts) -> list[float]:
    """A qualifier or feature word ("eastern", "province of") says it is a place."""
    return [float(bool(s.qualifier or s.feature_hint)) for s in r.spans]


def feature_word(r: Rows, d: DocFacts) -> list[float]:
    """A name followed by its own feature word ("Hmeymim airbase", "Idlib province")."""
    return [_feature_word(s.text) for s in r.spans]


@lru_cache(maxsize=50_000)
def _feature_word(text: str) -> float:
    toks = _folded(text)
    return float(feature_hint(text) is not None and bool(toks) and toks[0] not in _GENERIC)


def only_generic(r: Rows, d: DocFacts) -> list[float]:
    """Nothing but articles and feature words ("The city", "City Council", "Air Force")."""
    # Every word ("Al-Buwaydah", "New York", "The Hague" are names); none: only punctuation.
    return [float(_GENERIC.issuperset(_folded(s.text))) for s in r.spans]


_GENERIC = en.GENERIC


@lru_cache(maxsize=50_000)
def _folded(text: str) -> tuple[str, ...]:
    """The span's words, lowercase."""
    return tuple(w for w in _SPLIT.split(text.lower()) if w)


_SPLIT = re.compile(r"[\s\-]+")


def demonym(r: Rows, d: DocFacts) -> list[float]:
    """A demonym or bloc ("Libyan", "EU"): annotators mark them, but they name no spot."""
    return [float(s.kind in ("demonym", "bloc")) for s in r.spans]


def abbreviation(r: Rows, d: DocFacts) -> list[float]:
    """A listed abbreviation ("DRC", "Ga."): matched by the name it stands for."""
    return [float(s.kind == "abbreviation") for s in r.spans]


# --- how it matched ------------------------------------------------------------------------


def literal(r: Rows, d: DocFacts) -> list[float]:
    """Some place has the name as written (not only a folded spelling: "Shiite" -> Chita);
    an inflected Russian or clitic-bearing Arabic word counts when its base form does. An
    abbreviation or demonym is no place's name as written ("Georgian")."""
    return [
        0.0 if s.kind != "name" else (f.literal_or_exact if s.script != "latin" else f.literal)
        for s, f in zip(r.spans, r.facts, strict=True)
    ]


def own_name(r: Rows, d: DocFacts) -> list[float]:
    """Some place has it as its main name, not an alias or old name ("Us" for Osh)."""
    return [f.own_name for f in r.facts]


# --- gazetteer prominence ------------------------------------------------------------------


def prominence(r: Rows, d: DocFacts) -> list[float]:
    """Big, well-known places are talked about: the gazetteer's prominence of the best match
    (population, how many languages name it, admin rank; curated rows count as notable)."""
    return [f.prominence for f in r.facts]


def population(r: Rows, d: DocFacts) -> list[float]:
    """log10 of the largest matching population; a curated row (a base, a crossing) has no
    count and is there because reports name it, so it counts as a town of 10,000."""
    return [f.population for f in r.facts]


def country(r: Rows, d: DocFacts) -> list[float]:
    """Country names are almost always places."""
    return [f.country for f in r.facts]


def division_or_capital(r: Rows, d: DocFacts) -> list[float]:
    """A first-level division or a capital (states, provinces, seats)."""
    return [f.division_or_capital for f in r.facts]


_MAJOR = frozenset({"ADM1", "PPLC", "PPLA"})


def places(r: Rows, d: DocFacts) -> list[float]:
    """How many places carry the name: ordinary words match many hamlets."""
    return [math.log1p(len(c.matches)) for c in r.cases]


def physical(r: Rows, d: DocFacts) -> list[float]:
    """A sea, river, desert or island of the Natural Earth layer ("Euphrates", "Red Sea"):
    such names are seldom ordinary words or surnames."""
    return [f.physical for f in r.facts]


class _MatchFacts(NamedTuple):
    """What the features read from a span's matches, worked out once per matches tuple."""

    literal: float
    literal_or_exact: float
    own_name: float
    prominence: float
    population: float
    country: float
    division_or_capital: float
    physical: float
    #: Some place of the very name is a country or first-level division ("X, Ohio").
    container: bool
    #: Countries of villages spelled exactly as the name (DocFacts.build).
    village_ccs: frozenset[str]


def _match_facts(matches: tuple[NameMatch, ...]) -> _MatchFacts:
    # One pass over the matches (a common name has hundreds), each fact as any()/max() of
    # the matches would give it.
    literal = literal_or_exact = own_name = country = major = physical = container = False
    prominences: list[float] = []
    pops: list[int] = []
    village_ccs: set[str] = set()
    for m in matches:
        info = m.info
        code = info["feature_code"]
        prominences.append(m.prominence)
        pops.append(info["population"] or (10_000 if info["source"] != "geonames" else 0))
        if m.literal:
            literal = True
            physical = physical or "naturalearth" in info["source"]
            container = container or code in _CONTAINERS
            if is_village(info):
                village_ccs.add(info["country_code"])
        literal_or_exact = literal_or_exact or m.literal or m.exact
        own_name = own_name or (m.exact and m.matched == info["name"])
        country = country or code.startswith("PCL")
        major = major or code in _MAJOR
    return _MatchFacts(
        literal=float(literal),
        literal_or_exact=float(literal_or_exact),
        own_name=float(own_name),
        prominence=max(prominences, default=0.0),
        population=math.log10(1 + max(pops, default=0)) / 7,
        country=float(country),
        division_or_capital=float(major),
        physical=float(physical),
        container=container,
        village_ccs=frozenset(village_ccs),
    )


#: A name's matches tuple is made once and shared by every span of that name, in every report
#: (extraction memoises it on the gazetteer): the facts about it are worked out once too.
_FACTS = IdentityMemo(_match_facts, 50_000)


def _facts(c: Case) -> _MatchFacts:
    return _FACTS(c.matches)


def contained(r: Rows, d: DocFacts) -> list[float]:
    """ "Aitaroun in south Lebanon", "Marion, Ohio": a name put inside a country or state
    named right after it is a place (villages and small towns have little else to show)."""
    return [float(id(c) in d.contained) for c in r.cases]


# --- the document --------------------------------------------------------------------------


def recurrence(r: Rows, d: DocFacts) -> list[float]:
    """A report names its places again and again."""
    return [math.log(d.count.get(s.text, 1)) for s in r.spans]


def person_elsewhere(r: Rows, d: DocFacts) -> list[float]:
    """Share of the name's uses with a person cue: one sense per discourse ("Mr Paulk")."""
    return [d.person.get(s.text, 0) / d.count.get(s.text, 1) for s in r.spans]


def locative_elsewhere(r: Rows, d: DocFacts) -> list[float]:
    """Share of the name's uses after "in", "near": a place elsewhere, a place here."""
    return [d.locative.get(s.text, 0) / d.count.get(s.text, 1) for s in r.spans]


def focus_fit(r: Rows, d: DocFacts) -> list[float]:
    """Its places lie in the countries the other names point to (1) or elsewhere (0); a
    name with no other name beside it is not contradicted (1)."""
    return [d.fit.get(s.text, 1.0) for s in r.spans]


# --- script --------------------------------------------------------------------------------


def arabic(r: Rows, d: DocFacts) -> list[float]:
    """Arabic script: no capitals, clitics, unvowelled words collide with names."""
    return [float(s.script == "arabic") for s in r.spans]


def cyrillic(r: Rows, d: DocFacts) -> list[float]:
    """Cyrillic script: names are inflected, reached through base forms."""
    return [float(s.script == "cyrillic") for s in r.spans]


FEATURES: tuple[Feature, ...] = (
    all_caps, short_all_caps, sentence_initial, headline, title_run_before, title_run_after, words,
    plural_acronym, month_or_direction, title_word, zipf, zipf_folded, zipf_at_sentence_start,
    prev_preposition, prev_title, prev_first_name, next_said, next_org_head, org_head_of,
    qualified, feature_word, only_generic, literal, own_name, prominence, population, country, division_or_capital,
    places, recurrence, person_elsewhere, locative_elsewhere, focus_fit, arabic, cyrillic,
    caps_heading, demonym, abbreviation, contained, physical, prev_the, institution_after,
    given_name, street_after, party_tag,
)  # fmt: skip
NAMES: tuple[str, ...] = tuple(f.__name__ for f in FEATURES)


def matrix(cases: Sequence[Case]) -> np.ndarray:
    """One row of feature values per case (the document is every case given)."""
    if not cases:
        return np.empty((0, len(FEATURES)), dtype=np.float64)
    r = Rows(cases)
    d = DocFacts.build(cases, r.facts)
    # Built column by column, returned row-major (C order) like any other feature matrix.
    return np.array([f(r, d) for f in FEATURES], dtype=np.float64).T.copy()
