"""Resolve one name to ranked real places: candidates, then a readable score.

Candidates come from the gazetteer's key index (exact key) and from the blocked skeleton
index (every key whose consonant skeleton is within one edit), so the right place is never
cut by a popularity sort before ranking. A reading whose :func:`plausibility` (match cubed
times size and rank) is under ``min_score`` is no answer; the rest are ranked by the same
trained ranker as ``extract`` (:mod:`geomentions.ranker`), the name being a report of one
name whose context is the caller's hints. A candidate's ``score`` is the ranker's
probability that it is the place meant, and its ``why`` says what set it apart.

>>> [c.name for c in resolve("Tadmur")][:1]
['Tadmur']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .countries import country_codes
from .evidence import BULK_SOURCES, admit_named
from .gazetteer import Gazetteer
from .geo import haversine_km
from .model import Candidate
from .names import (
    HINT_CODES,
    US_STATE_ABBREVIATIONS,
    feature_hint,
    plain_similarity,
    similarity,
    skeleton,
)
from .names import key as name_key
from .plausibility import is_common_word, notable, spelled_as, written_as_word, zipf

__all__ = [
    "resolve",
    "match_name",
    "rank",
    "lies_in",
    "NameMatch",
    "candidates_for_key",
    "make_candidate",
    "prominence",
]

MAX_TEXT = 300  # longer "names" are text, not names: refuse them clearly
#: Least :func:`plausibility` of a reading :func:`resolve` and the Geocoder return by default:
#: below it a candidate is a weak fuzzy reading ("Xyzzyqwerty" -> Heuzert 0.33), and nothing
#: beats a wrong place. (The hand score's old floor, 0.5, less its neutral context share.)
MIN_SCORE = 0.42
# Below these a fuzzy match is not a plausible reading of the name; short names need more,
# since one edit in a 4-letter key is a different word.
_MIN_FUZZY = ((3, 1.01), (5, 0.84), (7, 0.80))
MIN_MATCH_LONG = 0.76


def min_match(qkey: str) -> float:
    """Least fuzzy similarity accepted for a key of this length (exact keys always pass)."""
    for length, need in _MIN_FUZZY:
        if len(qkey) <= length:
            return need
    return MIN_MATCH_LONG


_KEY_CUTOFF = 0.70
_MAX_FUZZY_KEYS = 300

#: How readily a feature type is the referent of a bare name (a city over its province).
FEATURE_WEIGHT: dict[str, float] = {
    "PCLI": 1.0, "CONT": 0.9, "PCLD": 0.9, "PCLS": 0.9, "PCLF": 0.9, "PCLIX": 0.8,
    "PPLC": 1.0, "PPLA": 0.95, "PPLA2": 0.9, "PPLA3": 0.85, "PPLA4": 0.85, "PPL": 0.85,
    "PPLX": 0.7, "PPLL": 0.75, "PPLF": 0.6, "PPLQ": 0.4, "PPLH": 0.4, "PPLW": 0.4,
    "ADM1": 0.85, "ADM2": 0.75, "ADM3": 0.6, "RGN": 0.8,
    "AIRB": 0.8, "AIRP": 0.75, "AIRF": 0.7, "MILB": 0.75, "NVB": 0.75,
}  # fmt: skip
_RANK_FLOOR = {
    "PCLI": 0.85,
    "CONT": 0.85,
    "PPLC": 0.8,
    "PPLA": 0.65,
    "ADM1": 0.75,
    "PPLA2": 0.55,
    "ADM2": 0.5,
    "PPLA3": 0.45,
}
_CLASS_WEIGHT = {"P": 0.8, "A": 0.75, "L": 0.75, "T": 0.7, "S": 0.65, "H": 0.6, "V": 0.5}


def prominence(info: dict) -> float:
    """0..1 prior that a bare name means this place.

    Log population and notability (how many languages name the place: Tadmur has 21
    alternate names, the Colombian Palmira one), floored by administrative rank, times a
    feature-type weight.
    """
    pop = min(1.0, math.log10(info["population"] + 10) / 7.2)
    notable = min(1.0, math.log10(info["n_alt"] + 1) / 1.8)
    value = 0.55 * pop + 0.45 * notable
    # Administrative rank says "a real town" where GeoNames has no population count.
    value = max(value, _RANK_FLOOR.get(info["feature_code"], 0.0))
    if info["source"] not in BULK_SOURCES:
        value = max(value, 0.6)  # curated rows are there because reports name them
    code, fclass = info["feature_code"], info["feature_class"]
    return value * FEATURE_WEIGHT.get(code, _CLASS_WEIGHT.get(fclass, 0.5))


def _countries(country: str | Iterable[str] | None) -> frozenset[str]:
    """ISO 3166 alpha-2 codes of a country hint (codes or names); anything else is refused."""
    return frozenset(country_codes(country))


def check_point(near: object) -> tuple[float, float] | None:
    """A valid (lat, lon) pair, or None; impossible coordinates raise ValueError."""
    if near is None:
        return None
    try:
        lat, lon = (float(v) for v in near)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise ValueError(f"near must be a (lat, lon) pair, not {near!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also false for NaN
        raise ValueError(f"near point {near!r} is not a valid (lat, lon)")
    return lat, lon


def candidates_for_key(gaz: Gazetteer, qkey: str) -> list[tuple[int, str, str]]:
    """(place row, name, name key) for every name with the exact key or a key whose
    skeleton is within one edit (best key-level similarity first, at most a few hundred keys)."""
    found = [(row, name, qkey) for row, name in gaz.lookup_key(qkey)]
    keys = [k for k in gaz.similar_keys(qkey) if k != qkey]
    if keys:
        qskel = skeleton(qkey)
        # Key-level prefilter (vectorised) before looking at individual names.
        n_scores = process.cdist([qkey], keys, scorer=Indel.normalized_similarity)[0]
        k_scores = process.cdist(
            [qskel], [skeleton(k) for k in keys], scorer=Indel.normalized_similarity
        )[0]
        combined = 0.5 * n_scores + 0.5 * k_scores
        order = sorted(
            (i for i in range(len(keys)) if combined[i] >= _KEY_CUTOFF),
            key=lambda i: (-combined[i], keys[i]),
        )[:_MAX_FUZZY_KEYS]
        for i in order:
            found.extend((row, name, keys[i]) for row, name in gaz.lookup_key(keys[i]))
    return found


def make_candidate(
    info: dict, *, matched_name: str, score: float, why: str | Callable[[], str]
) -> Candidate:
    """A Candidate from a gazetteer row's attributes (see ``Gazetteer.place``); ``why`` as
    text or as a callable that makes it when first read."""
    # Field order of Candidate (see its ``_from_values``: the dataclass __init__ costs more).
    return Candidate._from_values((  # type: ignore[attr-defined]
        info["place_id"], info["name"], info["lat"], info["lon"], info["country_code"],
        info["feature_class"], info["feature_code"], info["admin1"], info["admin2"],
        info["population"], matched_name, score, why, info["radius_km"], info["source"],
        info.get("admin1_pcode", ""), info.get("admin2_pcode", ""), info.get("admin3_pcode", ""),
    ))  # fmt: skip


class _WhyOf:
    """A candidate's ``why``, worded when first read (slotted: a kept Document holds one
    per candidate until then)."""

    __slots__ = ("match", "notes", "flags")

    def __init__(self, match: NameMatch, notes: Callable[..., list[str]], flags: tuple) -> None:
        self.match, self.notes, self.flags = match, notes, flags

    def __call__(self) -> str:
        return _why(self.match, self.notes(self.match.info, *self.flags))


def _why(m: NameMatch, notes: list[str]) -> str:
    how = "exact key" if m.exact else "fuzzy"
    alias = "" if m.matched == m.info["name"] else f" via name {m.matched!r}"
    info = m.info
    pop = f"pop {info['population']:,}" if info["population"] else "pop unknown"
    what = info["feature_code"] or info["feature_class"]
    return (
        f"{how} match {m.match:.2f}{alias}; {what} {pop} prominence {m.prominence:.2f}; "
        + "; ".join(notes)
    )


@dataclass(frozen=True, init=False)
class NameMatch:
    """A gazetteer place whose name matches a query, before any context is applied."""

    row: int
    info: dict
    matched: str
    match: float
    exact: bool
    prominence: float
    #: The query is the matched name as written (case aside).
    literal: bool = False
    #: How many of the place's names (spellings in its languages) share the query's key.
    spellings: int = 0

    # Written out: a dataclass's generated ``__init__`` runs as Python even in a compiled
    # module (1 us); compiled, this one sets C slots (0.1 us). Its parameters are the fields,
    # in order, with their defaults (tests/test_native.py checks).
    def __init__(
        self, row: int, info: dict, matched: str, match: float, exact: bool,
        prominence: float, literal: bool = False, spellings: int = 0,
    ) -> None:  # fmt: skip
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "info", info)
        object.__setattr__(self, "matched", matched)
        object.__setattr__(self, "match", match)
        object.__setattr__(self, "exact", exact)
        object.__setattr__(self, "prominence", prominence)
        object.__setattr__(self, "literal", literal)
        object.__setattr__(self, "spellings", spellings)


def _check_name(name: object) -> str:
    if isinstance(name, bytes):
        raise TypeError("name must be str; decode bytes first (e.g. name.decode('utf-8'))")
    if not isinstance(name, str):
        raise TypeError(f"name must be str, not {type(name).__name__}")
    if len(name) > MAX_TEXT:
        raise ValueError(
            f"name is {len(name)} characters long; resolve() takes a place name (use extract() for text)"
        )
    return name


def match_name(
    name: str,
    gazetteer: Gazetteer | None = None,
    *,
    key: str | None = None,
    fuzzy: bool = True,
) -> list[NameMatch]:
    """Every plausible place for a name with its match quality and prominence (no context).

    ``key`` overrides the name's own key (an inflected word's base form, see recognition);
    ``fuzzy=False`` keeps exact-key matches only (and skips the fuzzy search).
    """
    gaz = gazetteer or Gazetteer.default()
    name = _check_name(name)
    # The cache lives on the gazetteer (freed with it); ``generation`` changes when user
    # places are added, so cached matches never go stale.
    cache_key = (gaz.generation, name, key, fuzzy)
    found = gaz.cache.get(cache_key)
    if found is None:
        found = _match(gaz, name, key, fuzzy)
        gaz.cache.put(cache_key, found)
    return list(found)


def _match(gaz: Gazetteer, name: str, qkey: str | None, fuzzy: bool) -> tuple[NameMatch, ...]:
    qkey = qkey if qkey is not None else name_key(name)
    if len(qkey) < 2:
        return ()
    need = min_match(qkey)
    pairs = (
        candidates_for_key(gaz, qkey)
        if fuzzy
        else [(row, n, qkey) for row, n in gaz.lookup_key(qkey)]
    )
    # Every exact match's place is read below (its own name, then its attributes): at once.
    gaz.prefetch(row for row, _, mkey in pairs if mkey == qkey)
    best: dict[int, tuple[float, str, bool]] = {}
    # Many places share one spelling ("Washington"): its similarity is worked out once.
    literal_sims: dict[str, float] = {}
    folded = name.casefold()  # the query's, once (not per pair)
    # How many of each place's names share the query's key: the languages that spell the
    # name so. "Palmyra" is Tadmur's in seven of them (Palmyre, Пальмира...), an old name of
    # Mason, Ohio, in one.
    spellings: dict[int, int] = {}
    for row, matched, mkey in pairs:
        exact = mkey == qkey
        if exact:
            spellings[row] = spellings.get(row, 0) + 1
            # Same key; the literal spelling still separates "Sirte" from the alias "Cirta",
            # and a place's own name outranks another place's alias ("Mexico").
            sim = literal_sims.get(matched)
            if sim is None:
                sim = literal_sims[matched] = plain_similarity(name, matched)
            match = 0.96 + 0.03 * sim
            if matched == gaz.place_name(row):
                match += 0.01
        else:
            match = similarity(name, matched, query_key=qkey, name_key=mkey)
            if match < need:
                continue
        # A place keeps its best match; the name shown is the literal one when there is one.
        literal = matched.casefold() == folded
        old = best.get(row)
        if old is None or match > old[0]:
            shown = old[1] if old is not None and old[1].casefold() == folded else matched
            best[row] = (match, shown, exact)
        elif literal:
            best[row] = (old[0], matched, old[2])
    out = []
    for row in sorted(best):
        match, matched, exact = best[row]
        info = gaz.place(row)
        literal = matched.casefold() == folded
        out.append(
            NameMatch(
                row, info, matched, match, exact, prominence(info), literal, spellings.get(row, 0)
            )
        )
    return tuple(out)


def plausibility(m: NameMatch) -> float:
    """How well a name reads as this place on its own, before any context: match cubed
    (0.9 -> 0.73, 0.8 -> 0.51: fuzzy readings fall fast) times size and rank. ``resolve``'s
    ``min_score`` is a floor on it; the ranker weighs it as the feature ``prior``."""
    return m.match**3 * (0.6 + 0.25 * m.prominence)


def _region_at(gaz: Gazetteer, point: tuple[float, float]) -> tuple[str, str]:
    """(country, admin1) of the gazetteer place nearest a point."""
    [(row, _km)] = gaz.nearest(*point)
    info = gaz.place(row)
    region = info["name"] if info["feature_code"] == "ADM1" else info["admin1"]
    return info["country_code"], region or ""


def rank(
    matches: Iterable[NameMatch],
    *,
    name: str = "",
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    feature_codes: Iterable[str] | None = None,
    within: str | None = None,
    limit: int = 5,
    gazetteer: Gazetteer | None = None,
) -> list[Candidate]:
    """The best ``limit`` candidates of :func:`ranking` (same arguments), a reading that only
    fuzzy matching finds scored at most its plausibility (:func:`_fuzzy_capped`)."""
    matches = list(matches)
    ranked = ranking(
        matches, name=name, country=country, near=near, feature_codes=feature_codes,
        within=within, gazetteer=gazetteer,
    ).candidates(limit)  # fmt: skip
    return _fuzzy_capped(ranked, matches)


def _fuzzy_capped(ranked: list[Candidate], matches: Sequence[NameMatch]) -> list[Candidate]:
    """The ranker's score is a share among the readings, so a name that only fuzzy matching
    finds ("Zorblatt" -> a village once called Zorbatovo) would get 1.00 as its only reading.
    Such a reading's score is at most its :func:`plausibility`, and the list is ordered by
    the capped scores (stable: ties keep the ranker's order)."""
    fuzzy = {m.info["place_id"]: plausibility(m) for m in matches if not m.exact}
    out = [
        replace(c, score=round(min(c.score, fuzzy[c.place_id]), 4)) if c.place_id in fuzzy else c
        for c in ranked
    ]
    return sorted(out, key=lambda c: -c.score)


class Ranking:
    """Name matches in ranked order; Candidates (and their reasons) are made on demand, so
    a caller that looks at the top one and drops the name pays for no more."""

    __slots__ = ("_scored", "_notes", "_made")

    def __init__(
        self,
        scored: list[tuple[float, str, NameMatch, tuple]],
        notes: Callable[..., list[str]],
    ) -> None:
        self._scored = scored
        self._notes = notes
        self._made: list[Candidate] = []

    def __len__(self) -> int:
        return len(self._scored)

    def candidates(self, limit: int) -> list[Candidate]:
        """The best ``limit`` candidates (a new list each call)."""
        made, scored = self._made, self._scored
        for neg, _, m, flags in scored[len(made) : limit]:
            # The reason is worded only if someone reads it (most are never read).
            why = _WhyOf(m, self._notes, flags)
            made.append(
                make_candidate(m.info, matched_name=m.matched, score=round(-neg, 4), why=why)
            )
        return made[:limit]

    def top(self) -> Candidate | None:
        """The best candidate, or None when nothing matched."""
        return self.candidates(1)[0] if self._scored else None


def ranking(
    matches: Iterable[NameMatch],
    *,
    name: str = "",
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    feature_codes: Iterable[str] | None = None,
    within: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Ranking:
    """Name matches ranked by the trained ranker (:func:`geomentions.ranker.rank_alone`), as
    a one-name report: ``country`` (codes or names) keeps the places inside it when there are
    any, as ``extract(country=...)`` does; ``near`` is a point the place lies close to;
    ``feature_codes`` the feature types the text asks for; ``within`` the name of the place
    it lies in ("Idlib" for "Sarmada, Idlib"). ``name`` is the name as written (its script
    counts); by default the first match's matched name. Scores are probabilities."""
    from .ranker import rank_alone  # the ranker's features build on this module's matches

    hint = _countries(country)
    point = check_point(near)
    matches = list(matches)
    if hint:
        matches = [m for m in matches if m.info["country_code"] in hint] or matches
    return rank_alone(
        name or (matches[0].matched if matches else ""), matches, hint=hint, near=point,
        near_region=None if point is None else _region_at(gazetteer or Gazetteer.default(), point),
        wanted=frozenset(feature_codes or ()), within=within,
    )  # fmt: skip


#: A comma in any script ("سرمدا، إدلب").
_COMMA = re.compile("[,،]")

#: Feature codes of places that "X, Y" may put X inside (a town after a comma starts a list).
CONTAINERS = frozenset({"ADM1", "ADM2", "PCLI", "PCLD", "PCLS", "PCLF"})


def lies_in(info: dict, outer: Candidate) -> bool:
    """Whether a gazetteer place (``Gazetteer.place`` attributes) lies in ``outer``: its country,
    its first-level division (by name, or within 1.5 radii), or within 100 km of a town."""
    if outer.feature_code.startswith("PCL"):
        return info["country_code"] == outer.country_code
    if outer.feature_code in ("ADM1", "ADM2"):
        if info["country_code"] != outer.country_code:
            return False
        if outer.feature_code == "ADM1" and info["admin1"]:
            # Named divisions decide ("Paris, Texas" is not Paris, Arkansas, 800 km away).
            return info["admin1"] == outer.name or name_key(info["admin1"]) == name_key(outer.name)
        if info["admin1"] and info["admin1"] == outer.name:
            return True
        return haversine_km(info["lat"], info["lon"], outer.lat, outer.lon) <= max(
            outer.radius_km * 1.5, 50
        )
    return haversine_km(info["lat"], info["lon"], outer.lat, outer.lon) <= 100


def resolve(
    name: object,  # str: checked below, with a clearer error than mypyc's
    *,
    country: str | Sequence[str] | None = None,
    near: tuple[float, float] | None = None,
    limit: int = 5,
    gazetteer: Gazetteer | None = None,
    feature_codes: Sequence[str] | None = None,
    min_score: float = MIN_SCORE,
) -> list[Candidate]:
    """Ranked places a name may refer to, best first; ``[]`` when nothing is plausible.

    Nothing plausible: readings whose :func:`plausibility` is under ``min_score`` are
    dropped, and an everyday
    word ("The", "من", "это") names only a notable place called exactly so, not in lower case
    (:mod:`geomentions.plausibility`): ``resolve("The") == []``, ``resolve("Paris")`` is Paris.

    Candidates are ranked by the trained ranker (:func:`ranking`); ``score`` is its
    probability that the candidate is the place meant. ``country`` (ISO code or codes; places
    inside it when there are any) and ``near`` ((lat, lon)) are context hints;
    ``feature_codes`` prefers those feature types (e.g. ``["ADM1"]``); by default they come
    from the name's own words ("Idlib province", "Hmeymim air base"). "X, Y" means the X
    that lies in the country or division Y ("Athens, Georgia", "Sarmada, Idlib").

    >>> top = resolve("Dayr az Zawr", country="SY")[0]
    >>> top.name, top.place_id
    ('Deir ez-Zor', 'geonames:170794')
    """
    name = _check_name(name)
    matches = match_name(name, gazetteer)
    if limit < 1:
        raise ValueError("limit must be >= 1")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise TypeError(f"min_score must be a number, not {type(min_score).__name__}")
    parts = [p.strip() for p in _COMMA.split(name)]
    # "Sarmada, Idlib" (or "Sarmada, Idlib, Syria"): the place called Sarmada that lies in
    # the best Idlib. Longer lists are not addresses.
    if 2 <= len(parts) <= 3 and all(parts) and not any(m.exact for m in matches):
        return _resolve_within(
            parts[0], ", ".join(parts[1:]), country=country, near=near, limit=limit,
            gazetteer=gazetteer, feature_codes=feature_codes, min_score=min_score,
        )  # fmt: skip
    if feature_codes is None and (asked := feature_hint(name)):
        feature_codes = HINT_CODES[asked]
    return rank(
        readings(name, gazetteer, min_score), name=name, country=country, near=near,
        feature_codes=feature_codes, limit=limit, gazetteer=gazetteer,
    )  # fmt: skip


def readings(
    name: str,
    gazetteer: Gazetteer | None = None,
    min_score: float = MIN_SCORE,
    *,
    admit: bool = True,
) -> list[NameMatch]:
    """The places a name looked up on its own may mean: its plausible matches (an everyday
    word only as a notable place, village rows only with evidence unless ``admit`` is
    False) whose :func:`plausibility` reaches ``min_score``; what :func:`resolve` ranks."""
    matches = _plausible(name, match_name(name, gazetteer))
    if admit:
        matches = admit_named(matches)  # geomentions.evidence
    return [m for m in matches if plausibility(m) >= min_score]


def _plausible(name: str, matches: list[NameMatch]) -> list[NameMatch]:
    """The matches a name looked up on its own may mean (see :mod:`.plausibility`)."""
    if not is_common_word(name):
        return matches
    if written_as_word(name):
        return []
    common = zipf(name)
    return [m for m in matches if spelled_as(name, m.matched) and notable(m.info, common)]


def _resolve_within(
    head: str,
    outer_name: str,
    *,
    country: str | Sequence[str] | None,
    near: tuple[float, float] | None,
    limit: int,
    gazetteer: Gazetteer | None,
    feature_codes: Sequence[str] | None,
    min_score: float,
) -> list[Candidate]:
    """The places called ``head`` that lie in the best-ranked country or division called
    ``outer_name`` that holds any ("Athens, Georgia": the US state, not the country); ``head``
    alone when there is none."""
    # Village rows too: the division named beside the name vouches for them.
    matches = readings(head, gazetteer, min_score, admit=False)
    if feature_codes is None and (asked := feature_hint(head)):
        feature_codes = HINT_CODES[asked]
    outer_name = US_STATE_ABBREVIATIONS.get(outer_name, outer_name)  # "Athens, Ga."
    for outer in resolve(outer_name, country=country, near=near, gazetteer=gazetteer):
        inside = [m for m in matches if lies_in(m.info, outer)]
        if inside and outer.feature_code in CONTAINERS:
            break
    else:
        matches = admit_named(matches)  # no division holds it: as a bare name
        return rank(
            matches, name=head, country=country, near=near, feature_codes=feature_codes,
            limit=limit, gazetteer=gazetteer,
        )  # fmt: skip
    return rank(
        inside, name=head, country=country, feature_codes=feature_codes, limit=limit,
        within=outer.name,
    )  # fmt: skip
