"""Resolve one name to ranked real places: candidates, then a readable score.

Candidates come from the gazetteer's key index (exact key) and from the blocked skeleton
index (every key whose consonant skeleton is within one edit), so the right place is never
cut by a popularity sort before ranking. Each candidate is scored as

    score = match^3 x (0.60 + 0.25 x prominence + 0.15 x context)

``match`` is name similarity (:func:`geomentions.names.similarity`), ``prominence`` comes
from population and feature type, ``context`` from the ``country``/``near`` hints (0.5 when
there are none). Every candidate carries a ``why`` that spells these parts out.

>>> [c.name for c in resolve("Tadmur")][:1]
['Tadmur']
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

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
#: Least score :func:`resolve` and the Geocoder return by default: below it a candidate is a
#: weak fuzzy reading ("Xyzzyqwerty" -> Heuzert 0.32), and nothing beats a wrong place.
MIN_SCORE = 0.5
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
        lat, lon = (float(v) for v in near)  # type: ignore[union-attr]
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


def make_candidate(info: dict, *, matched_name: str, score: float, why: str) -> Candidate:
    """A Candidate from a gazetteer row's attributes (see ``Gazetteer.place``)."""
    return Candidate(
        place_id=info["place_id"],
        name=info["name"],
        lat=info["lat"],
        lon=info["lon"],
        country_code=info["country_code"],
        feature_class=info["feature_class"],
        feature_code=info["feature_code"],
        admin1=info["admin1"],
        admin2=info["admin2"],
        population=info["population"],
        matched_name=matched_name,
        score=score,
        why=why,
        radius_km=info["radius_km"],
        source=info["source"],
        admin1_pcode=info.get("admin1_pcode", ""),
        admin2_pcode=info.get("admin2_pcode", ""),
        admin3_pcode=info.get("admin3_pcode", ""),
    )


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


@dataclass(frozen=True)
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
    best: dict[int, tuple[float, str, bool]] = {}
    for row, matched, mkey in pairs:
        exact = mkey == qkey
        if exact:
            # Same key; the literal spelling still separates "Sirte" from the alias "Cirta",
            # and a place's own name outranks another place's alias ("Mexico").
            match = 0.96 + 0.03 * plain_similarity(name, matched)
            if matched == gaz.place_name(row):
                match += 0.01
        else:
            match = similarity(name, matched, query_key=qkey, name_key=mkey)
            if match < need:
                continue
        # A place keeps its best match; the name shown is the literal one when there is one.
        literal = matched.casefold() == name.casefold()
        old = best.get(row)
        if old is None or match > old[0]:
            shown = old[1] if old is not None and old[1].casefold() == name.casefold() else matched
            best[row] = (match, shown, exact)
        elif literal:
            best[row] = (old[0], matched, old[2])
    out = []
    for row in sorted(best):
        match, matched, exact = best[row]
        info = gaz.place(row)
        literal = matched.casefold() == name.casefold()
        out.append(NameMatch(row, info, matched, match, exact, prominence(info), literal))
    return tuple(out)


def rank(
    matches: Iterable[NameMatch],
    *,
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    feature_codes: Iterable[str] | None = None,
    limit: int = 5,
    context: Callable[[dict], float] | None = None,
    explain: Callable[[dict], str] | None = None,
) -> list[Candidate]:
    """Apply context to name matches and return the best ``limit`` candidates.

    ``country`` is an explicit constraint (outside it scores x0.7), ``near`` a point;
    ``feature_codes`` the feature types the text asks for. ``context(info) -> 0..1``
    replaces the country/near context with the caller's own (a document's focus), and
    ``explain(info)`` says why in words (asked only of the candidates returned).
    """
    return ranking(
        matches, country=country, near=near, feature_codes=feature_codes,
        context=context, explain=explain,
    ).candidates(limit)  # fmt: skip


class Ranking:
    """Name matches in ranked order; Candidates (and their reasons) are made on demand, so
    a caller that looks at the top one and drops the name pays for no more."""

    __slots__ = ("_scored", "_notes", "_made")

    def __init__(
        self,
        scored: list[tuple[float, str, NameMatch, tuple[bool, bool, bool, bool]]],
        notes: Callable[[dict, bool, bool, bool, bool], list[str]],
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
            why = _why(m, self._notes(m.info, *flags))
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
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    feature_codes: Iterable[str] | None = None,
    context: Callable[[dict], float] | None = None,
    explain: Callable[[dict], str] | None = None,
) -> Ranking:
    """What ``rank`` returns, before any Candidate is made (same arguments, no limit)."""
    hint = _countries(country)
    near = check_point(near)
    wanted = frozenset(feature_codes or ())
    matches = list(matches)
    # A division or base named after a town ("Hama" the governorate, "Dumayr" the air base)
    # is not what a bare name means: the town is. Remember the exact-match towns.
    towns = [m.info for m in matches if m.exact and m.info["feature_class"] == "P"]
    seats = {(t["country_code"], t["admin1"]) for t in towns}
    # Feature words count only when some candidate is of the type asked for.
    offered = any(m.info["feature_code"] in wanted for m in matches)
    # The text spells a country's own name ("China"): places that share only its folded key
    # (Cheyenne's alias "Šaiena", Chennai) are weaker readings.
    spelled_country = any(m.literal and m.info["feature_code"].startswith("PCL") for m in matches)
    scored: list[tuple[float, str, NameMatch, tuple[bool, bool, bool, bool]]] = []
    for m in matches:
        info = m.info
        if context is not None:
            ctx = context(info)
        elif hint:
            ctx = 1.0 if info["country_code"] in hint else 0.0
        else:
            ctx = 0.5
        if near is not None and context is None:
            d = haversine_km(near[0], near[1], info["lat"], info["lon"])
            ctx = max(ctx, math.exp(-d / 300.0)) if hint else math.exp(-d / 300.0)
        asked = unasked = False
        if wanted and offered:
            if info["feature_code"] in wanted:
                ctx = min(1.0, ctx + 0.5)
                asked = True
            else:
                unasked = True
        # Cubing spreads fuzzy matches away from exact ones: 0.9 -> 0.73, 0.8 -> 0.51.
        score = m.match**3 * (0.60 + 0.25 * m.prominence + 0.15 * ctx)
        if unasked:
            score *= 0.85  # the text names a feature type ("air base") this place is not
        if hint and info["country_code"] not in hint:
            score *= 0.7  # an explicit country is strong evidence
        after_town = False
        if info["feature_class"] in ("A", "S") and not (wanted and info["feature_code"] in wanted):
            seat = info["feature_code"] == "ADM1" and (info["country_code"], info["name"]) in seats
            if seat or any(
                haversine_km(t["lat"], t["lon"], info["lat"], info["lon"]) <= 60 for t in towns
            ):
                score *= 0.95
                after_town = True
        folded_country = info["feature_code"].startswith("PCL") and not m.literal
        if folded_country:
            # "Suède" is Sweden, but Suwayda (same key) is not: a country needs its own name.
            score *= 0.9
        folded_not_country = spelled_country and not m.literal
        if folded_not_country:
            score *= 0.9
        flags = (asked, after_town, folded_country, folded_not_country)
        scored.append((-score, info["place_id"], m, flags))
    scored.sort(key=lambda t: (t[0], t[1]))

    def notes(
        info: dict, asked: bool, after_town: bool, folded_country: bool, folded_not_country: bool
    ) -> list[str]:
        out: list[str] = []
        if explain is not None:
            out.append(explain(info))
        elif context is None and hint:
            inside = info["country_code"] in hint
            out.append(f"{'in' if inside else 'outside'} {'/'.join(sorted(hint))}")
        if near is not None and context is None:
            d = haversine_km(near[0], near[1], info["lat"], info["lon"])
            out.append(f"{d:.0f} km from near point")
        if not out:
            out.append("no context hint")
        if asked:
            out.append(f"feature {info['feature_code']} as asked")
        if after_town:
            out.append("named after its town")
        if folded_country:
            out.append("country matched only after folding")
        if folded_not_country:
            out.append("the text spells a country's name; this place matches only after folding")
        return out

    return Ranking(scored, notes)


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
    name: str,
    *,
    country: str | Sequence[str] | None = None,
    near: tuple[float, float] | None = None,
    limit: int = 5,
    gazetteer: Gazetteer | None = None,
    feature_codes: Sequence[str] | None = None,
    min_score: float = MIN_SCORE,
) -> list[Candidate]:
    """Ranked places a name may refer to, best first; ``[]`` when nothing is plausible.

    Nothing plausible: candidates scoring under ``min_score`` are dropped, and an everyday
    word ("The", "من", "это") names only a notable place called exactly so, not in lower case
    (:mod:`geomentions.plausibility`): ``resolve("The") == []``, ``resolve("Paris")`` is Paris.

    ``country`` (ISO code or codes) and ``near`` ((lat, lon)) are context hints;
    ``feature_codes`` prefers those feature types (e.g. ``["ADM1"]``); by default they come
    from the name's own words ("Idlib province", "Hmeymim air base"). "X, Y" means the X
    that lies in the country or division Y ("Athens, Georgia", "Sarmada, Idlib").

    >>> top = resolve("Dayr az Zawr", country="SY")[0]
    >>> top.name, top.place_id
    ('Deir ez-Zor', 'geonames:170794')
    """
    matches = match_name(name, gazetteer)
    if limit < 1:
        raise ValueError("limit must be >= 1")
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise TypeError(f"min_score must be a number, not {type(min_score).__name__}")
    parts = [p.strip() for p in _COMMA.split(name)]
    # "Sarmada, Idlib" (or "Sarmada, Idlib, Syria"): the place called Sarmada that lies in
    # the best Idlib. Longer lists are not addresses.
    if 2 <= len(parts) <= 3 and all(parts) and not any(m.exact for m in matches):
        found = _resolve_within(
            parts[0], ", ".join(parts[1:]), country=country, near=near, limit=limit,
            gazetteer=gazetteer, feature_codes=feature_codes,
        )  # fmt: skip
    else:
        if feature_codes is None and (asked := feature_hint(name)):
            feature_codes = HINT_CODES[asked]
        # Village rows only with evidence (geomentions.evidence).
        matches = admit_named(_plausible(name, matches))
        found = rank(
            matches, country=country, near=near, feature_codes=feature_codes, limit=limit
        )  # fmt: skip
    return [c for c in found if c.score >= min_score]


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
) -> list[Candidate]:
    """The places called ``head`` that lie in the best-ranked country or division called
    ``outer_name`` that holds any ("Athens, Georgia": the US state, not the country); ``head``
    alone when there is none."""
    matches = _plausible(head, match_name(head, gazetteer))
    if feature_codes is None and (asked := feature_hint(head)):
        feature_codes = HINT_CODES[asked]
    outer_name = US_STATE_ABBREVIATIONS.get(outer_name, outer_name)  # "Athens, Ga."
    for outer in resolve(outer_name, country=country, near=near, gazetteer=gazetteer):
        inside = [m for m in matches if lies_in(m.info, outer)]
        if inside and outer.feature_code in CONTAINERS:
            break
    else:
        matches = admit_named(matches)  # no division holds it: as a bare name
        return rank(matches, country=country, near=near, feature_codes=feature_codes, limit=limit)
    where = f"inside {outer.name} ({outer.feature_code} {outer.country_code})"
    return rank(
        inside, country=country, feature_codes=feature_codes, limit=limit,
        context=lambda info: 1.0, explain=lambda info: where,
    )  # fmt: skip
