"""Reports -> resolved mentions with context and activity: :func:`extract`.

One report is read in four steps: spans are found (:mod:`geomentions.recognition`), each
span's name is matched in the gazetteer (:mod:`geomentions.resolution`), the document's
focus (which countries it is about) and its containment phrases ("Tripoli, Lebanon") set
the context every mention is ranked in, and each mention gets a confidence, a map point
moved by its qualifier ("eastern Aleppo") and the activity of its sentence
(:mod:`geomentions.activity`). A mention without a good reading keeps its candidates and
gets ``place=None``: a missing dot beats a wrong one.

>>> doc = extract("Aircraft struck 24 targets near Tadmur and in eastern Aleppo.")
>>> [(m.text, m.place.name, m.qualifier) for m in doc.mentions]
[('Tadmur', 'Tadmur', 'near'), ('Aleppo', 'Aleppo', 'eastern')]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from . import budget, span_features
from .activity import activity_for, find_date, sentence_spans
from .commonness import zipf
from .context import NO_PLACE_KINDS, DocContext, outer_name_fits, plain, script_fit
from .context import build as build_context
from .countries import country_codes
from .events import link_document
from .evidence import admit_in_report, is_village
from .features import NAMES, candidate_matrices, prior
from .gazetteer import Gazetteer
from .geo import EARTH_RADIUS_KM, destination, haversine_km
from .lang.nations import ROMANISED
from .model import Candidate, Document, Mention
from .models import LogisticModel, shipped
from .names import HINT_CODES, PHYSICAL_HINTS, arabic_spelling, script_of, skeleton
from .names import key as name_key
from .plausibility import spelled_as
from .ranker import POOL, Lifts, calibrated, probabilities, reasons, shipped_ranker
from .recognition import Span, find_spans, inflection_variants
from .resolution import NameMatch, Ranking, match_name
from .span_features import Case

__all__ = ["extract", "MIN_CONFIDENCE", "MAX_CHARS"]

#: Below this confidence a mention keeps its candidates but gets no place.
MIN_CONFIDENCE = 0.35
#: Longer texts are refused with a clear error (split them; see ``extract_many``).
MAX_CHARS = 20_000_000
_CANDIDATES = 5
#: Curated places spelled as written that join a pool beyond its first ``POOL``.
_LITERAL_EXTRA = 2
#: What joins a name to the place holding it: a bare comma (group 1), "in", a bracket.
_CONTAINED_BY = re.compile(r"(\s*[,،]\s*)|\s*[,،]?\s*(?:in|в)\s+|\s*\(\s*")
_ADMIN = {"ADM1", "ADM2", "ADM3", "PCLI", "PCLD", "PCLS", "PCLF", "RGN"}


def _check_text(text: object) -> str:
    if text is None:
        raise TypeError("text must be str, not None")
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"text bytes are not valid UTF-8 (byte {exc.start}); decode them with the "
                "right encoding first, e.g. data.decode('cp1256')"
            ) from None
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise ValueError(f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    return text


@dataclass(init=False)
class _Reading:
    """One span with the matches of its best key, before context is applied."""

    span: Span
    best: _Best
    penalty: float  # 0..1: how likely the span is an ordinary word, not a name
    # ``votes`` once made (not a cached_property: a compiled class has no ``__dict__``).
    _voted: tuple[dict[str, float], dict[tuple[str, str], float]] | None = field(
        default=None, repr=False, compare=False
    )

    # Written out (as every dataclass of a compiled module that is made per span): compiled,
    # this sets C slots; a generated ``__init__`` runs as Python.
    def __init__(
        self, span: Span, best: _Best, penalty: float,
        _voted: tuple[dict[str, float], dict[tuple[str, str], float]] | None = None,
    ) -> None:  # fmt: skip
        self.span, self.best, self.penalty, self._voted = span, best, penalty, _voted

    @property
    def matches(self) -> tuple[NameMatch, ...]:
        return self.best.matches

    @property
    def votes(self) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
        """:func:`_votes` of this reading, worked out once: the report's focus, the evidence
        for village rows and the document context all ask (read only)."""
        if self._voted is None:
            self._voted = _votes(self)
        return self._voted


class _Best(NamedTuple):
    """The matches of a span's best key, and what the word penalty asks of them."""

    matches: tuple[NameMatch, ...]
    country: bool  # some match is a country
    notable: bool  # some exact match is a big or administrative place
    #: How strongly the matches prefer each country (what the span model is told) and, as
    #: votes (_votes: no town named after a country the name spells), each country and division.
    by_cc: dict[str, float]
    by_region: dict[tuple[str, str], float]
    vote_cc: dict[str, float]


def _word_penalty(span: Span, best: _Best) -> float:
    """How much an Arabic or Cyrillic span looks like an ordinary word rather than a place.

    The annotated corpora the span model learns from are English, so these scripts keep the
    word-frequency rules until annotated Arabic and Russian text exists to train on."""
    country = best.country
    if span.commonness >= 5.5 and not country:
        return 1.0  # "She", "But", "Once": only a country name is that common ("China")
    if span.sentence_initial and span.script != "arabic" and span.commonness >= 4.5 and not country:
        return 1.0  # "Among", "Daily" opening a sentence
    notable = best.notable
    if span.script == "arabic":
        # Unvowelled Arabic words collide with names far more often ("غارة", "حربية").
        penalty = min(1.0, max(0.0, (span.commonness - 2.8) / 2.0))
    else:
        penalty = min(1.0, max(0.0, (span.commonness - 3.0) / 1.5))
    if span.sentence_initial and span.script != "arabic":
        penalty = min(1.0, penalty + 0.25)
    if notable:
        penalty *= 0.35
    if span.locative:
        penalty *= 0.6
    if span.qualifier or span.feature_hint:
        penalty *= 0.5
    return penalty


#: An Arabic word at least this common (Zipf: once per million words) is an ordinary word.
_AR_ORDINARY = 3.0


def _native_best(span: Span, best: _Best, gaz: Gazetteer) -> _Best | None:
    """An ordinary Arabic word's matches, less the places it only spells: "استطلاع"
    ("reconnaissance") folds like Astley (GB), "تعاونا" ("cooperation") like Altoona's
    "التونا", "الحدود" ("the border") like the Yemeni village Al Khudud. A place keeps the
    word when it is a country, when the gazetteer cannot say how Arabic writes it
    (_unwritten_at_home), or when the word is its name as written (the article aside), at
    home or, abroad, for a well-known place: Paris is "باريس", but "الغاز" ("the gas") is
    no call for Gas, Kansas."""
    if span.script != "arabic" or span.commonness < _AR_ORDINARY or " " in span.text:
        return best  # a rare word, or a phrase: recognition has judged its spelling
    # Memoised as _best is: the same words recur, and a common word has hundreds of matches.
    memo_key = ("native", gaz.generation, span.text, span.stands_for, span.keys, span.kind)
    found = gaz.cache.get(memo_key)
    if found is None:
        found = _native_uncached(span, best, gaz) or ()
        gaz.cache.put(memo_key, found)
    return found or None


def _native_uncached(span: Span, best: _Best, gaz: Gazetteer) -> _Best | None:
    """:func:`_native_best`'s work, for an ordinary one-word Arabic span."""
    # "والهند" ("and India") is India's "الهند" as written.
    written = {
        _unprefixed(arabic_spelling(w))
        for w in (span.text, *inflection_variants(span.text, "arabic"))
    }
    kept = [
        m
        for m in best.matches
        if m.info["feature_code"].startswith("PCL")  # a country's name is no ordinary word
        or _unwritten_at_home(m, gaz)
        or (
            _unprefixed(arabic_spelling(m.matched)) in written
            and (_notable(m) or script_fit("arabic", m.info["country_code"]) > 0)
        )
    ]
    if len(kept) == len(best.matches):
        return best
    return _best_of(kept) if kept else None


def _notable(m: NameMatch) -> bool:
    """A division or a well-known place (prominence: population, languages, rank)."""
    return m.info["feature_class"] == "A" or m.prominence >= 0.6


def _unwritten_at_home(m: NameMatch, gaz: Gazetteer) -> bool:
    """A division or well-known place of a country that writes Arabic, for which the
    gazetteer has no Arabic name to check the word against: Iraq's Anbar governorate has
    Latin names only, yet "الأنبار" means it."""
    return (
        _notable(m)
        and script_fit("arabic", m.info["country_code"]) > 0
        and not any(script_of(n) == "arabic" for n in gaz.names_of(m.row))
    )


def _unprefixed(word: str) -> str:
    """An Arabic word without its article: the gazetteer writes "خرطوم" for "الخرطوم"."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _best(span: Span, gaz: Gazetteer) -> _Best | None:
    """The matches of the key that reads best (memoised: the same names recur).

    An abbreviation, demonym or bloc is matched by the name it stands for ("PRC" is China,
    not Chennai by its letters); a demonym or bloc only by a country-sized area."""
    text = span.stands_for or span.text
    areas = span.kind in _NO_PLACE
    variant = span.kind == "variant"
    memo_key = ("best", gaz.generation, text, span.keys, areas, variant)
    found = gaz.cache.get(memo_key)
    if found is None:
        found = _best_uncached(text, span.keys, gaz, areas, variant) or ()
        gaz.cache.put(memo_key, found)
    return found or None


#: Least name similarity (names.similarity) of a variant reading: "Al-Zorba" and "Az Zarbah"
#: 0.86; below it many places worldwide are as close.
VARIANT_MATCH = 0.85
#: The penalty (doubt that it is a place) of a variant reading: it is a guess.
VARIANT_DOUBT = 0.3
#: Span kinds that name a country or region but no place of the report: no dot, no vote.
_NO_PLACE: frozenset[str] = NO_PLACE_KINDS
#: Feature codes a demonym or bloc may stand for.
_AREAS = frozenset({"TERR", "ADM1", "CONT", "RGN", "PEN", "ISTH"})


def _best_uncached(
    text: str, keys: tuple[str, ...], gaz: Gazetteer, areas: bool = False, variant: bool = False
) -> _Best | None:
    best: tuple[float, list[NameMatch]] | None = None
    for k in keys:
        if variant:
            # A name in a place slot that no gazetteer name has: close spellings whose
            # consonant skeleton is within one edit (Arabic script writes no short vowels:
            # "Al-Zorba" and "Az Zarbah" are both z-r-b), each marked as no exact match; the
            # report's countries are asked in _variants_in_kept_countries.
            # A vowel does not come or go at the front ("Ansari" is no "Nesara", an alias
            # of Nazran): the two keys start alike, both on a vowel or both on a consonant.
            vowel = _opens_on_vowel(k)
            matches = [
                m
                for m in match_name(text, gaz, key=k, fuzzy=True)
                if not m.exact
                and m.match >= VARIANT_MATCH
                and _opens_on_vowel(name_key(m.matched)) == vowel
            ]
        else:
            # The span was found by its exact key; in running text a merely similar name
            # elsewhere is a guess, so only exact-key readings are kept.
            matches = match_name(text, gaz, key=k, fuzzy=False)
        if areas:
            matches = [
                m
                for m in matches
                if m.info["feature_code"].startswith("PCL") or m.info["feature_code"] in _AREAS
            ]
        if matches and script_of(text) != "latin":
            # An Arabic or Russian word is not a string of Latin capitals: "فككت" (dismantled)
            # had the key of "FCT", Nigeria's capital territory.
            matches = [m for m in matches if not _acronym(m.matched)]
        if not matches:
            continue
        top = max(m.match**3 * (0.6 + 0.25 * m.prominence) for m in matches)
        if best is None or top > best[0] + 1e-9:
            best = (top, matches)
    if best is None:
        return None
    return _best_of(best[1])


def _opens_on_vowel(k: str) -> bool:
    """Whether a key's first letter is one its consonant skeleton drops (names.skeleton)."""
    return bool(k) and not skeleton(k[:1])


def _acronym(name: str) -> bool:
    """Whether a name is Latin capitals only ("FCT", "D.C.")."""
    return name.isascii() and name.isupper() and len(name.replace(".", "")) <= 5


def _best_of(matches: Sequence[NameMatch]) -> _Best:
    """A _Best of these matches: what they say of countries and divisions."""
    country = any(m.info["feature_code"].startswith("PCL") for m in matches)
    notable = any(
        m.exact and (m.prominence >= 0.6 or m.info["feature_code"] in ("PCLI", "ADM1", "PPLC"))
        for m in matches
    )
    # A name that spells a country ("Brazil") votes through no town named after the country
    # (Brazil, Indiana): it would make a report about Brazil look partly about the US, and a
    # sentence about Brazil look like one about Indiana, to every other name in it.
    spells_country = any(
        m.exact and m.literal and m.info["feature_code"].startswith("PCL") for m in matches
    )
    by_cc: dict[str, float] = defaultdict(float)
    vote_cc: dict[str, float] = defaultdict(float)
    by_region: dict[tuple[str, str], float] = defaultdict(float)
    for m in matches:
        if is_village(m.info):
            continue  # a village is judged by the report's other places, never vouches for them
        w = (m.match**3 * (0.6 + 0.25 * m.prominence)) ** 8  # sharp: favour clear readings
        cc = m.info["country_code"]
        by_cc[cc] = max(by_cc[cc], w)
        if spells_country and m.info["feature_class"] == "P":
            continue
        vote_cc[cc] = max(vote_cc[cc], w)
        region = _region(m.info)
        if region[1]:
            by_region[region] = max(by_region[region], w)
    return _Best(tuple(matches), country, notable, dict(by_cc), dict(by_region), dict(vote_cc))


def candidate_cases(text: str, gaz: Gazetteer) -> list[Case]:
    """Every span recognition finds whose name has a place, with its matches: what the span
    model judges (and what ``benchmarks/train_spans.py`` learns from)."""
    return [case for case, _ in _cases_and_bests(text, gaz)]


def _cases_and_bests(text: str, gaz: Gazetteer) -> list[tuple[Case, _Best]]:
    """:func:`candidate_cases`, each with the matches it was made from (asked once)."""
    out = []
    for span in find_spans(text, gaz):
        best = _best(span, gaz)
        if best is not None:
            # Villages cast no vote (by_cc leaves them out); the span model still asks
            # whether the report's other names point to their countries (DocFacts.build).
            out.append((Case(span, best.matches, best.by_cc), best))
    return out


def _judge(text: str, gaz: Gazetteer, model: LogisticModel | None) -> list[_Reading]:
    """The spans kept as mentions, each with ``penalty``: how likely it is no place.

    Latin-script spans are judged by the span model (penalty: see ``_doubt``); Arabic
    and Cyrillic ones, which it was never trained on, by their word frequency."""
    found_cases = _cases_and_bests(text, gaz)
    budget.check()
    # The span model learnt from names spelled as the gazetteer has them: variants are not
    # its to judge (nor to learn from: benchmarks/train_spans.py leaves them out).
    latin = [c for c, _ in found_cases if c.span.script == "latin" and c.span.kind != "variant"]
    probs: dict[int, float] = {}
    if latin:
        model = model or shipped_span_model()
        threshold = float(dict(model.meta).get("threshold", 0.5))
        found = model.probability(span_features.matrix(latin))
        probs = {id(c): float(p) for c, p in zip(latin, found, strict=True) if p >= threshold}
        probs.update(_same_sense(latin, found, threshold))
    out = []
    for n, (c, best) in enumerate(found_cases):
        if n % 256 == 255:
            budget.check()
        if c.span.kind == "variant":
            # A name in a place slot, kept if the report's countries have a close spelling
            # (_variants_in_kept_countries): a guess, with a set doubt.
            out.append(_Reading(c.span, best, VARIANT_DOUBT))
            continue
        if c.span.script == "latin":
            if id(c) in probs:
                out.append(_Reading(c.span, best, _doubt(probs[id(c)])))
            continue
        native = _native_best(c.span, best, gaz)
        if native is None:
            continue
        penalty = _word_penalty(c.span, native)
        if penalty < 0.9:
            out.append(_Reading(c.span, native, penalty))
    if any(r.span.kind == "variant" for r in out):
        out = _variants_in_kept_countries(out)
    return out


def _variants_in_kept_countries(readings: list[_Reading]) -> list[_Reading]:
    """The readings, each variant kept to the countries of the names the span model kept
    (a rejected word, "Government" as Government Town, US, points nowhere)."""
    # Spellings vary where names are romanised from another script: "from Lurgan to
    # Belfast" is no Logan (GB), one letter off in a country that writes its names in Latin.
    named = {
        cc
        for r in readings
        if r.span.kind != "variant" and (cc := _top_country(r.best.by_cc)) in ROMANISED
    }
    out = []
    for r in readings:
        if r.span.kind != "variant":
            out.append(r)
            continue
        kept = [m for m in r.matches if m.info["country_code"] in named]
        if kept:
            out.append(_Reading(r.span, _best_of(kept), r.penalty))
    return out


def _top_country(by_cc: dict[str, float]) -> str:
    """The country a name's matches prefer most ("" for none)."""
    return max(by_cc.items(), key=lambda kv: (kv[1], kv[0]))[0] if by_cc else ""


def _same_sense(cases: list[Case], found: np.ndarray, threshold: float) -> dict[int, float]:
    """One sense per report: a name the span model is sure of somewhere ("in Dublin") is the
    same place where it doubts it ("Dublin Mayor Chinnici-Zuercher", "the Dublin Arts
    Council"), unless the words beside it make it a person ("Mr Dublin", "Dublin said").
    Such a span gets the sure reading's probability: it is that reading's name again."""
    sure: dict[str, float] = {}
    for c, p in zip(cases, found, strict=True):
        if p >= _SURE and c.span.kind == "name":
            sure[c.span.text] = max(sure.get(c.span.text, 0.0), float(p))
    if not sure:
        return {}
    return {
        id(c): sure[c.span.text]
        for c, p in zip(cases, found, strict=True)
        if p < threshold
        and c.span.kind == "name"
        and c.span.text in sure
        and not span_features._person_cue(c.span)
        and not span_features._given_name(c.span)
    }


#: From even odds up, a kept span carries no doubt into its confidence or its vote.
_SURE = 0.5


def _doubt(p: float) -> float:
    """The penalty of a kept Latin span: 0 when the span model is sure, growing below."""
    return max(0.0, 1.0 - p / _SURE)


def shipped_span_model() -> LogisticModel:
    """The shipped span model, checked against the feature list it was trained on."""
    model = shipped("spans.json")
    model.check_features(span_features.NAMES)
    return model


def _region(info: dict) -> tuple[str, str]:
    """(country, first-level division) a place lies in; a division is its own region."""
    admin1 = info["name"] if info["feature_code"] == "ADM1" else info["admin1"]
    return info["country_code"], admin1 or ""


def _votes(r: _Reading) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """How one reading votes for countries and divisions: in proportion to how strongly it
    prefers them (a clear reading counts, an ambiguous one spreads thin)."""
    by_cc, by_region = r.best.vote_cc, r.best.by_region  # worked out once per name (_best)
    scale = (1 - r.penalty) / (sum(by_cc.values()) or 1.0)
    return (
        {cc: w * scale for cc, w in by_cc.items()},
        {region: w * scale for region, w in by_region.items()},
    )


@dataclass
class _Focus:
    """What a document is about: shares of countries and divisions (the top one is 1.0)."""

    countries: dict[str, float]
    regions: dict[tuple[str, str], float]
    #: Raw country votes of all voters and of each name, for leave-one-out judgements.
    totals: dict[str, float]
    by_name: dict[str, dict[str, float]]
    #: Raw division votes of all voters and of each name (leave-one-out, as the countries).
    region_totals: dict[tuple[str, str], float] = field(default_factory=dict)
    region_by_name: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)
    _without: dict[str, dict[str, float]] = field(default_factory=dict)
    _regions_without: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)

    def without(self, name: str) -> dict[str, float]:
        """Country shares from the other names only ({} when no other name voted)."""
        if name not in self._without:  # a name repeats in a report: work it out once
            if len(self.by_name) - (name in self.by_name) < 1:
                self._without[name] = {}
            else:
                self._without[name] = _less(self.totals, self.by_name.get(name, {}))
        return self._without[name]

    def regions_without(self, name: str) -> dict[tuple[str, str], float]:
        """Division shares from the other names only: a name's own votes must not vouch for
        a village of its own division ("Hodeidah" is the city, not the village Al Hudaydi
        in its governorate)."""
        if name not in self._regions_without:
            own = self.region_by_name.get(name, {})
            self._regions_without[name] = _less(self.region_totals, own)
        return self._regions_without[name]


def _less(totals: dict, own: dict) -> dict:
    """Shares of the raw votes ``totals`` less one name's own votes ``own``."""
    return _normalised({k: v - own.get(k, 0.0) for k, v in totals.items()})


def _focus(readings: list[_Reading], country: tuple[str, ...], *, everyone: bool = False) -> _Focus:
    """Countries and first-level divisions the document is about; ``country`` overrides.
    ``everyone``: every name votes, ordinary words too (evidence for villages: in Arabic most
    big places' names are also common words)."""
    countries: dict[str, float] = defaultdict(float)
    regions: dict[tuple[str, str], float] = defaultdict(float)
    by_name: dict[str, dict[str, float]] = {}
    region_by_name: dict[str, dict[tuple[str, str], float]] = {}
    # Ordinary words must not steer what the document is about, unless nothing else can (the
    # span model has judged Latin-script words already: they vote with its belief). A name that
    # only villages match casts no vote: it is no voter either.
    voters = [
        r
        for r in readings
        if r.best.by_cc
        and (r.span.script == "latin" or not _common_word(r.span))
        and r.span.kind not in _NO_PLACE  # "Russian jets" say nothing of where the report is
    ] or [r for r in readings if r.span.kind not in _NO_PLACE]
    voters = readings if everyone else voters
    for r in voters:
        by_cc, by_region = r.votes
        own = by_name.setdefault(r.span.text, defaultdict(float))
        for cc, v in by_cc.items():
            countries[cc] += v
            own[cc] += v
        own_regions = region_by_name.setdefault(r.span.text, defaultdict(float))
        for region, v in by_region.items():
            regions[region] += v
            own_regions[region] += v
    totals = dict(countries)
    if country:
        countries = defaultdict(float, {c: 1.0 for c in country})
    return _Focus(
        _normalised(countries), _normalised(regions), totals, by_name, dict(regions), region_by_name
    )


def _normalised(votes: dict) -> dict:
    top = max(votes.values(), default=0.0)
    if top <= 0:
        return {}  # no votes, or only names that do not vote (villages)
    return {k: v / top for k, v in sorted(votes.items()) if v / top >= 0.05}


def _is_a_list(r: _Reading, outer: _Reading | None) -> bool:
    """Whether "X, Y" lists two places rather than putting X in Y: X spells a country's name
    (no country lies in another place), or X and Y both spell first-level divisions and no
    place of X's very name lies in Y ("Iowa, Kansas and Nebraska"; but "Athens, Georgia",
    "Washington, D.C." and, in a country, "Homs, Libya")."""
    spelled = {m.info["feature_code"] for m in r.matches if m.literal}
    if any(code.startswith("PCL") for code in spelled):
        return True
    if "ADM1" not in spelled or outer is None:
        return False
    outer_spelled = any(m.literal and m.info["feature_code"] == "ADM1" for m in outer.matches)
    # A place of X's very name in Y makes it an address after all ("Washington, D.C.").
    name = r.span.text.casefold()
    return outer_spelled and not any(
        m.info["name"].casefold() == name and outer_name_fits(plain(outer.span.text), m.info, "")
        for m in r.matches
    )


def _common_word(span: Span) -> bool:
    """Whether a span is also an ordinary word often enough to doubt it."""
    if span.script == "arabic":
        threshold = 2.8
    elif span.sentence_initial:
        threshold = 3.0  # "Shelling", "Towns" opening a sentence
    else:
        threshold = 3.8
    return span.commonness >= threshold


def _stray_word(
    reading: _Reading, top: Candidate, others: dict[str, float], gaz: Gazetteer
) -> bool:
    """An Arabic or Cyrillic ordinary word or adjective read as a place that does not fit the
    document ("مدنيين" civilians as Medenine, Tunisia); the span model judges Latin script."""
    span = reading.span
    if span.script == "arabic" and top.feature_code.startswith("PCL"):
        # "الروسية" (the Russian) is an adjective: Arabic nisba ending on a definite word.
        if span.text.startswith("ال") and (span.text.endswith("ية") or span.text.endswith("ي")):
            return True
    # Judged by the other places only: a stray word must not vouch for itself.
    outside = others.get(top.country_code, 0.0) < 0.3 if others else False
    if not _common_word(span) or top.feature_code.startswith("PCL"):
        return False
    # Names of big places are common words because they are big places ("London", "حلب"),
    # when the span writes the place's own name ("القاهرة" is Cairo's; "آثار", ruins, is
    # not Atar's "أطار", though both read "atar").
    # A notable town after "in"/"near" ("في تدمر") is that town too: the verb "تدمر"
    # (destroys) does not follow "في", and a short report may name no other place to vouch.
    major = (
        top.feature_code in ("PPLC", "PPLA", "ADM1", "CONT")
        or top.population >= 100_000
        or (span.locative and reading.best.notable)
    ) and _own_name(span, top, reading.matches, gaz)
    return outside and not major


_EVERYDAY = 4.0  # Zipf: "ليل" (night) 4.4; "خرطوم" (a hose) 3.2


def _own_name(span: Span, top: Candidate, matches: tuple[NameMatch, ...], gaz: Gazetteer) -> bool:
    """Whether ``span`` writes ``top``'s own name: in Latin script its main name (Jilin's old
    alias "Shelling" does not count); in Arabic one of its Arabic names as written, article and
    hamza seats aside; in Cyrillic one of its Cyrillic names, inflection aside. A place the
    gazetteer names in no word of the span's script is judged by its main name's reading
    ("الأنبار", Al Anbar)."""
    main = name_key(top.name) in span.keys
    if span.script == "latin":
        return main
    row = next((m.row for m in matches if m.info["place_id"] == top.place_id), None)
    names = [n for n in gaz.names_of(row) if script_of(n) == span.script] if row is not None else []
    if not names:
        return main
    if span.script == "arabic":
        # The article may be added to a bare name ("الخرطوم" writes "خرطوم"), unless the bare
        # name is itself an everyday word: "الليل" is the night, not Lille's "ليل".
        return any(
            spelled_as(span.text, n) and (spelled_as(n, span.text) or zipf(n, "ar") < _EVERYDAY)
            for n in names
        )
    return any(name_key(n) in span.keys for n in names)


def _confidence(
    model: LogisticModel, cands: list[Candidate], probs: Sequence[float], reading: _Reading
) -> float:
    """Calibrated chance that the chosen place is right: the softmax mass on it and on the
    candidates at the same spot (a city and its own district are one answer on a map), less
    the doubt that the span is a name at all. ``probs`` in the candidates' order (Python
    floats: no NumPy scalar per candidate)."""
    if not cands:
        return 0.0
    top = cands[0]
    same = sum(float(p) for c, p in zip(cands, probs, strict=False) if _same_spot(top, c))
    conf = calibrated(model, min(1.0, same))
    return round(max(0.0, min(1.0, conf * (1 - 0.7 * reading.penalty))), 4)


def _same_spot(top: Candidate, c: Candidate) -> bool:
    """Whether ``c`` lies within the larger radius of the two (at least 25 km) of ``top``.
    Most other readings of a name lie far off in latitude alone, and a great-circle
    distance is at least the Earth's radius times the latitude difference (in radians):
    those are told apart without the distance (a margin far above rounding error)."""
    limit = max(25.0, top.radius_km, c.radius_km)
    if abs(c.lat - top.lat) * _KM_PER_DEGREE > limit * (1 + 1e-9) + 1e-6:
        return False
    return haversine_km(top.lat, top.lon, c.lat, c.lon) <= limit


_KM_PER_DEGREE = math.radians(EARTH_RADIUS_KM)  # km of great circle per degree


class _Notes:
    """``why`` words of a candidate (by its row in ``x``) for ``Ranking``.

    It holds its Lifts rather than being one: compiled by mypyc, a subclass that adds
    ``__call__`` gets its call slot ahead of the fields it inherits, which the base class's
    compiled methods then overwrite (reading a ``why`` crashed); and the Python source of
    this module, run beside the compiled modules (its doctests), could not subclass one."""

    __slots__ = ("lifts",)

    def __init__(self, model: LogisticModel, x: np.ndarray) -> None:
        self.lifts = Lifts(model, x)

    def __call__(self, info: dict, row: int) -> list[str]:
        lifts = self.lifts
        out = reasons(lifts.model, lifts.x, row, lifted=lifts.get())
        out = out or ["no feature sets it apart"]
        if lifts.x[row, _FOLDED]:
            out.append("the text spells a country's name; this place matches only after folding")
        return out


_FOLDED = NAMES.index("not_the_country")


class _VariantNotes(_Notes):
    """``why`` words of a variant reading's candidate: the name is not the gazetteer's."""

    __slots__ = ()

    def __call__(self, info: dict, row: int) -> list[str]:
        return [f"read as a spelling variant of {info['name']!r}", *super().__call__(info, row)]


_BEARING = {
    "north": 0, "north-east": 45, "east": 90, "south-east": 135, "south": 180,
    "south-west": 225, "west": 270, "north-west": 315,
}  # fmt: skip


def _extent_km(place: Candidate) -> float:
    """A place's radius: its own extent, or one estimated from its population."""
    if place.radius_km:
        return place.radius_km
    return max(2.0, 0.5 * math.sqrt(max(place.population, 0) / 1000.0))


def _locate(mention: Mention, span: Span) -> None:
    """Map point, ACLED-style precision and uncertainty radius for a resolved mention."""
    place = mention.place
    assert place is not None
    extent = _extent_km(place)
    lat, lon = place.lat, place.lon
    admin = place.feature_code in _ADMIN
    precision, uncertainty = (
        (3 if place.feature_code in ("ADM1", "PCLI") else 2 if admin else 1),
        extent,
    )
    if span.offset_km and span.direction:
        lat, lon = destination(lat, lon, _BEARING.get(span.direction, 0), span.offset_km)
        precision, uncertainty = 2, 2.0 + 0.3 * span.offset_km
    elif span.direction:
        # "eastern Aleppo", "the southern countryside of Idlib": into that part of the place.
        lat, lon = destination(lat, lon, _BEARING.get(span.direction, 0), 0.5 * extent)
        precision, uncertainty = max(precision, 2), 0.6 * extent
    elif span.qualifier:
        precision, uncertainty = max(precision, 2), extent + 5.0
    mention.lat, mention.lon = lat, lon
    mention.precision, mention.uncertainty_km = precision, round(uncertainty, 1)


@dataclass
class Prepared:
    """A report read up to ranking: its kept spans, each one's admitted matches and the pool
    of candidates the ranker weighs, and the document context (what the ranker and
    ``benchmarks/train_ranker.py`` both start from)."""

    readings: list[_Reading]
    admitted: list[tuple[NameMatch, ...]]
    pools: list[list[NameMatch]]
    wanted: list[frozenset[str]]
    context: DocContext
    focus: _Focus
    sentences: list[tuple[int, int]]


def prepare(
    text: str,
    gaz: Gazetteer,
    country_hint: tuple[str, ...] = (),
    span_model: LogisticModel | None = None,
) -> Prepared:
    """Spans, their candidate pools and the document context of one report."""
    readings = _judge(text, gaz, span_model)
    budget.check()
    doc_focus = _focus(readings, country_hint)
    focus, regions = doc_focus.countries, doc_focus.regions

    def doc_context(info: dict) -> float:
        share = focus.get(info["country_code"], 0.0)
        if not regions:
            return share
        region = _region(info)
        return 0.65 * share + 0.35 * (regions.get(region, 0.0) if region[1] else 0.0)

    admitted: list[tuple[NameMatch, ...]] = []
    wanted: list[frozenset[str]] = []
    provisional: list[list[tuple[float, NameMatch]]] = []
    evidence: _Focus | None = None  # what all the report's names say, for village rows
    for n, r in enumerate(readings):
        if n % 256 == 255:
            budget.check()
        hint = r.span.feature_hint
        matches = r.matches
        if hint in PHYSICAL_HINTS:
            # No place rather than a town of the name: "the Qandil mountains" is not Kandel.
            matches = tuple(m for m in matches if m.info["feature_code"] in HINT_CODES[hint])
        elif hint not in (None, "city", "subdistrict"):
            matches = tuple(m for m in matches if not is_village(m.info))  # "Anbar province"
        elif any(is_village(m.info) for m in matches):  # village rows only with evidence
            evidence = evidence or _focus(readings, country_hint, everyone=True)
            matches = tuple(admit_in_report(
                matches, countries=country_hint, others=evidence.without(r.span.text),
                regions=evidence.regions_without(r.span.text), common=_common_word(r.span),
                pointed=bool(r.span.qualifier or r.span.locative or hint in ("city", "subdistrict")),
            ))  # fmt: skip
        if country_hint:
            # The caller's country is a constraint: places outside it only when none inside.
            matches = tuple(m for m in matches if m.info["country_code"] in country_hint) or matches
        admitted.append(matches)
        wanted.append(frozenset(HINT_CODES.get(hint or "", ())))
        # A first ordering by size and the document's countries: it picks the pool and
        # gives the other names a provisional point to measure distances from.
        if regions:
            scored = [(prior(m) * (1.0 + 0.25 * doc_context(m.info)), m) for m in matches]
        else:  # doc_context is the country's share: asked inline (a call per match costs)
            scored = [
                (prior(m) * (1.0 + 0.25 * focus.get(m.info["country_code"], 0.0)), m)
                for m in matches
            ]
        scored.sort(key=_provisional_order)
        provisional.append(scored)
    points: list[tuple[float, float] | None] = []
    for scored in provisional:
        top = scored[0][1].info if scored else None
        far = top is None or top["feature_code"].startswith("PCL") or top["feature_code"] == "CONT"
        points.append(None if far else (top["lat"], top["lon"]))  # type: ignore[index]
    sentences = sentence_spans(text)
    # Demonyms and blocs ("Russian jets") say nothing of where the report is: no votes.
    votes = [r.votes if r.span.kind not in _NO_PLACE else ({}, {}) for r in readings]
    context = build_context(
        text, [r.span for r in readings], admitted, [v[0] for v in votes], [v[1] for v in votes],
        focus, country_hint, sentences, points,
    )  # fmt: skip
    for i, r in enumerate(readings):
        cue = context.cues[i]
        outer = readings[cue.reading] if cue is not None and cue.reading is not None else None
        if cue is not None and (
            r.span.kind in _NO_PLACE
            or (outer is not None and outer.span.kind in _NO_PLACE)  # "Syrian, Russian and"
            or _is_a_list(r, outer)
        ):
            context.cues[i] = None
    pools = [_pool(context, i, [m for _, m in scored]) for i, scored in enumerate(provisional)]
    return Prepared(readings, admitted, pools, wanted, context, doc_focus, sentences)


def _curated(m: NameMatch) -> bool:
    """A hand-curated place of a country (not a physical feature across borders: the Albany
    river is no "Albany suburb")."""
    return bool(m.info["country_code"]) and str(m.info["source"]).startswith("curated")


def _provisional_order(scored: tuple[float, NameMatch]) -> tuple[float, str]:
    """Highest score first; ties by place id."""
    return -scored[0], scored[1].info["place_id"]


def _pool(context: DocContext, i: int, ordered: list[NameMatch]) -> list[NameMatch]:
    """The candidates the ranker weighs: the first ``POOL`` of the provisional order, plus
    any the words beside the name put inside a named place ("Paris, Texas"), plus the
    name's best reading by size alone: in a report about Ohio, US towns named Lebanon must
    not crowd the country out of the pool before the ranker hears "Lebanon's prime minister".
    """
    pool = ordered[:POOL]
    if len(ordered) <= POOL:
        return pool
    rest = ordered[POOL:]
    biggest = max(rest, key=prior)  # the first of equals: the provisional order breaks ties
    if prior(biggest) > max(prior(m) for m in pool):
        pool.append(biggest)
    # A curated place spelled exactly as written is weighed even where folding lets a hundred
    # others share the key ("Sinai" folds to "sina", as do Chennai's "Cennai" and Sanandaj's
    # "Sine"). Curated only: any place spelled as written cost LGL 0.2 points (CV).
    literal = [m for m in rest if m.literal and m is not biggest and _curated(m)][:_LITERAL_EXTRA]
    pool += literal
    cue = context.cues[i]
    if cue is not None:
        pool += [
            m for m in rest
            if m is not biggest
            and all(m is not a for a in literal)
            and outer_name_fits(cue.outer, m.info, "")
        ][:POOL]  # fmt: skip
    return pool


def extract(
    text: object,  # str (or UTF-8 bytes): checked below, with a clearer error than mypyc's
    *,
    country: str | None = None,
    doc_id: str | None = None,
    date: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    span_model: LogisticModel | None = None,
    ranker_model: LogisticModel | None = None,
) -> Document:
    """The places a report mentions, resolved in the document's context, in text order.

    ``country`` (ISO codes or country names: "SY", "SYR,IQ", "Syria") fixes the focus
    (ValueError for anything else); ``doc.focus`` lists the countries of the resolved mentions,
    most mentioned first; ``date`` is the report date used
    when a sentence states none (else the first date in the text). Mentions below
    ``min_confidence`` keep their candidates and get ``place=None``. ``span_model``
    and ``ranker_model`` replace the shipped models (for cross-validated evaluation).

    >>> doc = extract("Clashes near Tripoli, Lebanon, and in Halba.")
    >>> [(m.text, m.place.country_code) for m in doc.places]
    [('Tripoli', 'LB'), ('Lebanon', 'LB'), ('Halba', 'LB')]
    """
    text = _check_text(text)
    gaz = gazetteer or Gazetteer.default()
    country_hint = country_codes(country, gaz)  # checked first: a bad hint is an error
    if date is not None and not isinstance(date, dt.date):
        raise TypeError(f"date must be datetime.date or None, not {type(date).__name__}")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError("min_confidence must be between 0 and 1")
    doc_date = date or find_date(text)
    doc = Document(doc_id=doc_id, text=text, date=doc_date)
    if not text.strip():
        return doc
    prepared = prepare(text, gaz, country_hint, span_model)
    model = ranker_model or shipped_ranker()
    sentences = prepared.sentences
    # Every reading's candidate rows at once (the same rows as one by one, less overhead).
    matrices = candidate_matrices(prepared.context, [
        (n, pool, prepared.admitted[n], prepared.wanted[n]) for n, pool in enumerate(prepared.pools)
    ])  # fmt: skip
    ranked: list[tuple[list[Candidate], float] | None] = []
    for n in range(len(prepared.readings)):
        if n % 256 == 255:
            budget.check()
        ranked.append(_rank(model, prepared, n, matrices[n], gaz))
    for n, r in enumerate(prepared.readings):
        item = ranked[n]
        if item is None:
            continue
        span = r.span
        cands, confidence = item
        mention = Mention(
            text=span.text, start=span.start, end=span.end, candidates=cands,
            confidence=confidence, qualifier=span.qualifier, feature_hint=span.feature_hint,
            activity=activity_for(text, span.start, span.end, date=doc_date, sentences=sentences),
        )  # fmt: skip
        if span.kind in _NO_PLACE:
            mention.feature_hint = span.kind  # the country it names is candidates[0]
        elif cands and confidence >= min_confidence:
            outside = _outside_named_country(text, prepared, n, ranked, min_confidence)
            if outside is None:
                mention.place = cands[0]
                _locate(mention, span)
            else:
                # The words put it in a country where no place of its name lies: its
                # namesake abroad would be a wrong dot (a place the gazetteer lacks).
                mention.confidence = 0.0
                mention.why = (
                    f"no place called {span.text!r} in the gazetteer lies in {outside[0]}, "
                    f"the country of {outside[1]!r}, where the report puts it"
                )
        doc.mentions.append(mention)
    doc.focus = _resolved_countries(doc.mentions)
    doc.events = link_document(text, doc.mentions, sentences)
    return doc


def _rank(
    model: LogisticModel, prepared: Prepared, n: int, x: np.ndarray, gaz: Gazetteer
) -> tuple[list[Candidate], float] | None:
    """Reading ``n``'s candidates, best first, and the confidence in the first; None when
    it has no pool (only village rows matched, and nothing in the report vouches for them)
    or is a stray common word."""
    r, pool = prepared.readings[n], prepared.pools[n]
    if not pool:
        return None
    p = probabilities(model, x).tolist()  # Python floats: no NumPy scalars to sort
    order = sorted(range(len(pool)), key=lambda k: (-p[k], pool[k].info["place_id"]))
    ranks = Ranking(
        [(-p[k], pool[k].info["place_id"], pool[k], (k,)) for k in order],
        (_VariantNotes if r.span.kind == "variant" else _Notes)(model, x),
    )
    if r.span.script != "latin" and _common_word(r.span):
        top = ranks.top()
        assert top is not None
        if _stray_word(r, top, prepared.focus.without(r.span.text), gaz):
            return None  # only its top candidate was made
    cands = ranks.candidates(_CANDIDATES)
    return cands, _confidence(model, cands, [p[k] for k in order], r)


def _outside_named_country(
    text: str,
    prepared: Prepared,
    n: int,
    ranked: list[tuple[list[Candidate], float] | None],
    min_confidence: float,
) -> tuple[str, str] | None:
    """The country the words put reading ``n`` in, and the name that says so ("Palma in
    Cabo Delgado province", "Kani, Sagaing Region"), when none of the places of that name
    the gazetteer holds lies in that country: the name is a place the gazetteer lacks, and
    its namesake abroad would be a wrong dot. None when no such phrase holds the name, the
    place it names is not placed, or a namesake lies there.
    """
    cue = prepared.context.cues[n]
    if cue is None or cue.relation != "in" or cue.reading is None or cue.reading == n:
        return None
    outer = ranked[cue.reading]
    if outer is None or not outer[0] or outer[1] < min_confidence:
        return None
    outer_span = prepared.readings[cue.reading].span
    if outer_span.kind in _NO_PLACE:
        return None
    first = ranked[n]
    if first is None or not first[0][0].country_code or first[0][0].feature_code == "PPLC":
        return None  # a continent or sea may be there; "Moscow in Syria" is its government
    gap = _CONTAINED_BY.fullmatch(text[prepared.readings[n].span.end : outer_span.start])
    if gap is None:
        return None  # "Rutshuru, a town near the Congo's borders"
    top = outer[0][0]
    # A division holds what is named beside it. After a bare comma a country or a city is as
    # often the next item of a list ("Paris, London", "Korea, Japan") as a container, and so
    # is a division after a division ("the West Bank, Golan Heights, Gaza Strip").
    bare_comma = gap.group(1) is not None
    if bare_comma:
        if not top.feature_code.startswith("ADM") or first[0][0].feature_class in ("A", "L"):
            return None
    elif not top.feature_code.startswith(("ADM", "PCL")):
        return None
    cc = top.country_code
    if not cc or any(m.info["country_code"] == cc for m in prepared.pools[n]):
        return None
    return cc, outer_span.text


def _resolved_countries(mentions: list[Mention]) -> tuple[str, ...]:
    """Countries of the resolved mentions, most mentioned first (ties: first mentioned, as
    ``Counter.most_common`` keeps them)."""
    counts = Counter(m.place.country_code for m in mentions if m.place and m.place.country_code)
    return tuple(cc for cc, _ in counts.most_common())
