"""Resolve one name to ranked real places: candidates, then a readable score.

Candidates come from the gazetteer's key index (exact key) and from the blocked skeleton
index (every key whose consonant skeleton is within one edit), so the right place is never
cut by a popularity sort before ranking. The trained ranker (:func:`ranker`, a logistic
regression over :mod:`geomentions.features`) gives each candidate a probability; the
``country``/``near`` hints of :func:`resolve` are read as a document's focus would be. Every
candidate carries a ``why`` naming the features that moved it most.

``prominence`` (population, notability, feature type) is a prior used only to weigh how a
name votes for the countries a document is about, not to rank.

>>> [c.name for c in resolve("Tadmur")][:1]
['Tadmur']
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .context import MentionContext, hint_context, outer_of
from .features import FEATURE_NAMES, Candidates, describe, matrix
from .gazetteer import Gazetteer
from .geo import haversine_km
from .model import Candidate
from .models import LogisticModel, shipped
from .names import (
    HINT_CODES,
    US_STATE_ABBREVIATIONS,
    feature_hint,
    plain_similarity,
    similarity,
    skeleton,
)
from .names import key as name_key

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
    if info["source"] != "geonames":
        value = max(value, 0.6)  # curated rows are there because reports name them
    code, fclass = info["feature_code"], info["feature_class"]
    return value * FEATURE_WEIGHT.get(code, _CLASS_WEIGHT.get(fclass, 0.5))


def _countries(country: str | Iterable[str] | None) -> frozenset[str]:
    """ISO 3166 alpha-2 codes from "SY", "sy,iq" or ["SY", "IQ"]; anything else is refused."""
    if country is None:
        return frozenset()
    if isinstance(country, str):
        country = country.replace(";", ",").split(",")
    codes = frozenset(str(c).strip().upper() for c in country if c and str(c).strip())
    bad = sorted(c for c in codes if len(c) != 2 or not c.isalpha())
    if bad:
        raise ValueError(f"country takes ISO 3166 alpha-2 codes such as 'SY' or 'SY,IQ', not {bad}")
    return codes


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


#: The shipped ranker (``geomentions/data/ranker.json``), see ``benchmarks/train_ranker.py``.
RANKER_FILE = "ranker.json"
_override: ContextVar[LogisticModel | None] = ContextVar("ranker_override", default=None)


def ranker() -> LogisticModel:
    """The model that ranks candidates: the shipped one, or the one set by :func:`using_ranker`."""
    model = _override.get() or shipped(RANKER_FILE)
    if model.feature_names != FEATURE_NAMES:
        model.check_features(FEATURE_NAMES)
    return model


@contextmanager
def using_ranker(model: LogisticModel) -> Iterator[None]:
    """Rank with ``model`` inside the block (cross-validation: each document is resolved by
    a model trained without it). The pipeline's memos do not hold rankings, so nothing leaks.

    >>> with using_ranker(ranker()):
    ...     resolve("Mexico")[0].feature_code
    'PCLI'
    """
    model.check_features(FEATURE_NAMES)
    token = _override.set(model)
    try:
        yield
    finally:
        _override.reset(token)


def rank(
    matches: Iterable[NameMatch],
    *,
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    feature_codes: Iterable[str] | None = None,
    limit: int = 5,
) -> list[Candidate]:
    """Rank name matches with the trained ranker and return the best ``limit`` candidates.

    ``country`` (ISO codes) and ``near`` ((lat, lon)) stand for what a document would say
    (its focus, a confident place nearby); ``feature_codes`` the feature types the text asks
    for. Scores are the ranker's probabilities.
    """
    return ranking(matches, country=country, near=near, feature_codes=feature_codes).candidates(
        limit
    )


class Ranking:
    """A mention's candidates in ranked order with their probabilities; Candidates (and
    their reasons) are made on demand, so a caller that looks at the top one pays for no more."""

    __slots__ = (
        "cands", "context", "scores", "order", "note", "ruled", "_hint", "_x", "_keys", "_model",
        "_made",
    )  # fmt: skip

    def __init__(
        self,
        cands: Candidates,
        context: MentionContext,
        model: LogisticModel,
        *,
        hint: frozenset[str] = frozenset(),
        note: str = "",
    ) -> None:
        self.cands, self.context, self._model, self.note = cands, context, model, note
        self._hint = hint
        self._x = matrix(cands, context)
        self.scores = model.raw(self._x) if len(cands) else np.zeros(0)
        ids = [i["place_id"] for i in cands.infos]
        x = self._x
        # Constraints, not scores: a country the caller names, a feature type the words ask
        # for ("Baghdad airport", "Idlib province"), and a place the text puts the name in
        # ("Paris, Texas", "Lima, a village in New York"): places that meet them come first.
        inside = bool(len(cands)) and bool(x[:, _COL["inside_named_outer"]].any())
        self._keys = [
            (
                bool(hint) and cands.cc[i] not in hint,
                bool(x[i, _COL["feature_unasked"]]),
                inside and not x[i, _COL["inside_named_outer"]],
                -self.scores[i],
                ids[i],
            )
            for i in range(len(cands))
        ]
        order = sorted(range(len(cands)), key=self._keys.__getitem__)
        chosen = _rule(cands, self._x, order)
        if chosen is not None and chosen != order[0]:
            order.remove(chosen)
            order.insert(0, chosen)
        self.ruled = chosen is not None and chosen == order[0]
        self.order = order
        self._made: list[Candidate] = []

    def __len__(self) -> int:
        return len(self.order)

    def confidence(self) -> float:
        """Calibrated probability that the top candidate is the place meant."""
        if not self.order:
            return 0.0
        return round(float(self._model.calibrate(self.decision_score())), 4)

    def decision_score(self) -> float:
        """What the calibration maps to a probability: the top candidate's share of the
        probability of the candidates that meet the same constraints, damped for a span that
        reads as an ordinary word. The share travels across kinds of text better than the
        probability itself: a transliterated Syrian town with one reading has a low
        probability (news text rarely names it that way) but no rival."""
        if not self.order:
            return 0.0
        top = float(self.scores[self.order[0]])
        rivals = [i for i in self.order if self._keys[i][:3] == self._keys[self.order[0]][:3]]
        # A rule is a constraint too: the places it passed over are not rivals.
        share = 1.0 if self.ruled else top / max(float(self.scores[rivals].sum()), 1e-12)
        return (
            share * (1.0 - self.context.word_penalty) * (0.5 if self.context.person_like else 1.0)
        )

    def candidates(self, limit: int, *, explain: bool = True) -> list[Candidate]:
        """The best ``limit`` candidates (a new list each call). ``explain=False`` words the
        ``why`` of the top one only (the others get their probability): a report's runners-up
        are rarely read, and wording them costs more than ranking."""
        made = self._made
        for i in self.order[len(made) : limit]:
            m = self.cands.matches[i]
            why = self.why(i) if explain or not made else f"p={float(self.scores[i]):.2f}"
            made.append(
                make_candidate(
                    m.info, matched_name=m.matched, score=round(float(self.scores[i]), 4), why=why
                )
            )
        return made[:limit]

    def top(self) -> Candidate | None:
        """The best candidate, or None when nothing matched."""
        return self.candidates(1)[0] if self.order else None

    def why(self, i: int, n: int = 3) -> str:
        """The features that moved candidate ``i`` most, in words."""
        info = self.cands.infos[i]
        row = self._x[i]
        # Reasons are features the place has (a zero flag below its average says little).
        said = [
            (name, c)
            for name, c in self._model.explain(row, top=12)
            if row[_COL[name]] != 0 or name.startswith(("km_", "log_"))
        ]
        parts = [
            describe(name, info, self.context, float(row[_COL[name]]), c) for name, c in said[:n]
        ]
        if i == self.order[0] and self.ruled:
            parts.insert(0, "rule: " + _RULE_WHY[_rule_kind(self.cands, self._x, i)])
        m = self.cands.matches[i]
        if m.matched != info["name"]:
            parts.insert(0, f"via name {m.matched!r}")
        if self._hint:
            inside = "in" if info["country_code"] in self._hint else "outside"
            parts.insert(0, f"{inside} {'/'.join(sorted(self._hint))}")
        if self.note:
            parts.insert(0, self.note)
        return f"p={float(self.scores[i]):.2f}: " + "; ".join(parts)


_COL = {name: i for i, name in enumerate(FEATURE_NAMES)}
_RULE_WHY = {
    "country": "the document names this country",
    "capital": "capital of a country the document names, no local evidence against it",
    "town": "the town the division is named after",
}


def _local_evidence(x: np.ndarray, i: int) -> bool:
    """Whether the text itself puts candidate ``i`` somewhere: "X, Y", "X in Y", the same
    name placed so elsewhere, or its state named in the sentence."""
    return bool(
        x[i, _COL["inside_named_outer"]]
        or x[i, _COL["inside_outer_elsewhere"]]
        or x[i, _COL["region_named_sentence"]]
    )


def _rule_kind(cands: Candidates, x: np.ndarray, i: int) -> str:
    if cands.code[i].startswith("PCL"):
        return "country"
    return "capital" if x[i, _COL["capital_of_named_country"]] else "town"


def _rule(cands: Candidates, x: np.ndarray, order: list[int]) -> int | None:
    """The rule the model must not break, as a constraint: a name the document spells as a
    country stays that country, unless the text puts the top town somewhere; the capital of
    a country the document names needs local evidence to lose (Moscow with Russia named);
    a division named after its town means the town. Returns the candidate the rule holds
    to (possibly the model's own top), or None."""
    if not order:
        return None
    top = order[0]
    if cands.code[top].startswith("PCL"):
        return top if cands.matches[top].literal else None
    if _local_evidence(x, top):
        return None
    # A state that shares a country's name ("Georgia") is the model's call, not the rule's.
    if cands.code[top] != "ADM1":
        country = [i for i in order if cands.code[i].startswith("PCL") and cands.matches[i].literal]
        if country:
            return country[0]
    capital = [
        i for i in order if x[i, _COL["capital_of_named_country"]] and cands.matches[i].exact
    ]
    if capital:
        return capital[0]
    # A division or base named after its town ("Idlib", "Hama") means the town, unless the
    # words ask for the division ("Idlib province").
    if x[top, _COL["named_after_town"]] and not x[top, _COL["feature_asked"]]:
        own = name_key(cands.infos[top]["name"])
        towns = [
            i for i in order
            if cands.fclass[i] == "P" and cands.matches[i].exact
            and name_key(cands.infos[i]["name"]) == own
            and haversine_km(cands.lat[i], cands.lon[i], cands.lat[top], cands.lon[top]) <= 100
        ]  # fmt: skip
        if towns:
            return towns[0]
    return None


def ranking(
    matches: Iterable[NameMatch],
    context: MentionContext | None = None,
    *,
    cands: Candidates | None = None,
    country: str | Iterable[str] | None = None,
    near: tuple[float, float] | None = None,
    feature_codes: Iterable[str] | None = None,
    note: str = "",
) -> Ranking:
    """What ``rank`` returns, before any Candidate is made: ``matches`` ranked in ``context``
    (a document's, see :mod:`geomentions.context`) or in the hints ``country``, ``near`` and
    ``feature_codes`` as :func:`rank` reads them. ``cands`` reuses the columns of the same
    matches worked out earlier; ``note`` starts every candidate's ``why``."""
    if cands is None:
        cands = Candidates(tuple(matches))
    hint = _countries(country)  # a caller's country is a constraint with a document too
    if context is None:
        context = hint_context(country=hint, near=check_point(near), feature_codes=feature_codes)
    return Ranking(cands, context, ranker(), hint=hint, note=note)


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
) -> list[Candidate]:
    """Ranked places a name may refer to, best first; ``[]`` when nothing is plausible.

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
    parts = [p.strip() for p in _COMMA.split(name)]
    # "Sarmada, Idlib" (or "Sarmada, Idlib, Syria"): the place called Sarmada that lies in
    # the best Idlib. Longer lists are not addresses.
    if 2 <= len(parts) <= 3 and all(parts) and not any(m.exact for m in matches):
        return _resolve_within(
            parts[0], ", ".join(parts[1:]), country=country, near=near, limit=limit,
            gazetteer=gazetteer, feature_codes=feature_codes,
        )  # fmt: skip
    if feature_codes is None and (asked := feature_hint(name)):
        feature_codes = HINT_CODES[asked]
    return rank(matches, country=country, near=near, feature_codes=feature_codes, limit=limit)


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
    matches = match_name(head, gazetteer)
    if feature_codes is None and (asked := feature_hint(head)):
        feature_codes = HINT_CODES[asked]
    outer_name = US_STATE_ABBREVIATIONS.get(outer_name, outer_name)  # "Athens, Ga."
    for outer in resolve(outer_name, country=country, near=near, gazetteer=gazetteer):
        inside = [m for m in matches if lies_in(m.info, outer)]
        if inside and outer.feature_code in CONTAINERS:
            break
    else:
        return rank(matches, country=country, near=near, feature_codes=feature_codes, limit=limit)
    # Only the places inside are kept (a filter); the ranker then reads the phrase as the
    # containment it is.
    ctx = hint_context(
        country=_countries(country), near=check_point(near), feature_codes=feature_codes
    )
    ctx = replace(ctx, outers=(outer_of(outer.to_dict()),))
    where = f"inside {outer.name} ({outer.feature_code} {outer.country_code})"
    return ranking(inside, ctx, note=where).candidates(limit)
