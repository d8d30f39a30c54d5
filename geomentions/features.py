"""Candidate features: what the ranker (:mod:`geomentions.ranker`) weighs, one column each.

A row describes one candidate place of one mention in its report (:mod:`geomentions.context`):
how well the name matches, how big and important the place is, how much the report's *other*
names point to its country and division (document, paragraph, sentence), what the words
around the name say ("X, Y", "the Texas town of X"), how far it lies from the report's other
places, and whether the report names its country, division, county or people. The list is
versioned: a model trained on another list is refused (``LogisticModel.check_features``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import cast

import numpy as np

from .context import NEIGHBOURS, DocContext, outer_name_fits, plain, script_fit
from .countries import _table
from .evidence import BULK_SOURCES, is_village
from .memo import IdentityMemo
from .resolution import NameMatch, plausibility

__all__ = ["NAMES", "VERSION", "candidate_matrix", "candidate_matrices", "prior", "WORDS"]

VERSION = "ranker-features/4"

#: Column names, in order, with how each is said in a ``why`` (None: not said).
WORDS: dict[str, str | None] = {
    "match": "name match",
    "exact": "exact name",
    "literal": "spelled as written",
    "own_name": "the place's own name",
    "prior": "size and rank",
    "prior_best": "best reading alone",
    "log_pop": "population",
    "prominence": "prominence",
    "n_names": "named in many languages",
    "alias_share": "a name its languages share",
    "country": "a country",
    "capital": "a national capital",
    "adm1": "a first-level division",
    "adm2": "a second-level division",
    "seat": "a division seat",
    "town": "a town",
    "spot": "a site or building",
    "natural": "a natural feature",
    "curated": "a curated place",
    "village": "a village-layer place",
    "asked": "the feature type the text asks for",
    "unasked": "not the feature type the text asks for",
    "asked_site": "the site the text asks for",
    "after_town": "a division named after its town",
    "folded_country": "a country matched only after folding",
    "not_the_country": "not the country the name spells",
    "is_the_country": "the country the name spells",
    "doc_country": "its country is what the report is about",
    "doc_region": "its division is what the report is about",
    "para_country": "its country in the same paragraph",
    "sent_country": "its country in the same sentence",
    "sent_region": "its division in the same sentence",
    "country_named": "its country named in the report",
    "capital_of_named": "capital of a country the report names",
    "admin1_named": "its division named in the report",
    "admin1_in_sentence": "its division named in the same sentence",
    "county_named": "its county named in the report",
    "cue_inside": "inside the place named beside it",
    "cue_outside": "not inside the place named beside it",
    "near_min": "near the report's other places",
    "near_median": "close to most of the report's places",
    "no_neighbours": None,
    "script_fit": "the name's script fits its country",
    "demonym": "its people named in the report",
    "capital_politics": "a national capital, in a sentence about government",
    "said_division": "a division, as the words beside the name say",
    "said_town": "a town, as the words beside the name say",
    "said_division_doc": "a division, as the words beside the name say elsewhere",
    "said_town_doc": "a town, as the words beside the name say elsewhere",
}
NAMES: tuple[str, ...] = tuple(WORDS)
_COL = {n: i for i, n in enumerate(NAMES)}
_EARTH_LOG = math.log1p(20000.0)
_SPELLINGS_LOG = math.log1p(16.0)


#: How well a name reads as this place on its own: match cubed times prominence.
prior = plausibility


@cache
def _country_name(cc: str) -> str:
    """A country's English name from the shipped table ("" for an unknown code)."""
    return next((n for n, c in _table()[2].items() if c == cc), "")


def candidate_matrix(
    ctx: DocContext,
    i: int,
    matches: Sequence[NameMatch],
    all_matches: Sequence[NameMatch],
    wanted: frozenset[str] = frozenset(),
) -> np.ndarray:
    """One row per candidate in ``matches`` (a selection of reading ``i``'s ``all_matches``);
    ``wanted`` the feature codes the mention's words ask for ("province": ADM1)."""
    return candidate_matrices(ctx, [(i, matches, all_matches, wanted)])[0]


#: One reading's request to :func:`candidate_matrices`: (reading, matches, all_matches, wanted).
Request = tuple[int, Sequence[NameMatch], Sequence[NameMatch], frozenset[str]]


def candidate_matrices(ctx: DocContext, requests: Sequence[Request]) -> list[np.ndarray]:
    """:func:`candidate_matrix` of several readings of one report, the same rows: the
    distance columns of all of them are computed in one NumPy pass (per reading, the dozen
    small-array calls cost more than the arithmetic)."""
    if not requests:
        return []
    readings = np.array([i for i, *_ in requests], dtype=np.int64)
    # Each reading's window of points, once: it says whether the reading has neighbours, and
    # its candidates' distance columns below are measured to the same points.
    cols, valid = _windows(ctx, readings)
    rows: list[list[float]] = []
    bounds: list[int] = [0]
    nears = cast("list[bool]", valid.any(axis=1).tolist())
    for (i, matches, all_matches, wanted), has_near in zip(requests, nears, strict=True):
        if matches:
            rows.extend(_rows(ctx, i, matches, all_matches, wanted, has_near))
        bounds.append(len(rows))
    if not rows:
        return [np.zeros((0, _WIDTH), dtype=np.float64) for _ in requests]
    x = np.array(rows, dtype=np.float64)
    # Distances to the other names' points, all candidates at once (countries have none).
    near = np.flatnonzero(x[:, _NO_NEIGHBOURS] == 0.0)
    if len(near):
        owner = np.repeat(np.arange(len(requests)), np.diff(bounds))[near]
        lat = np.array([m.info["lat"] for _, ms, _, _ in requests for m in ms])[near]
        lon = np.array([m.info["lon"] for _, ms, _, _ in requests for m in ms])[near]
        row_cols, row_valid = cols[owner], valid[owner]
        d = _km_grid(lat, lon, ctx.lat[row_cols], ctx.lon[row_cols])
        d[~row_valid] = np.inf  # sorted last: each row's first k are its neighbours' distances
        d.sort(axis=1)
        k = row_valid.sum(axis=1)
        half, at = k // 2, np.arange(len(d))
        # The median of each row's k (np.median's values, without its per-call overhead).
        median = np.where(
            k % 2 == 1, d[at, half], (d[at, np.maximum(half - 1, 0)] + d[at, half]) / 2
        )
        x[near, _COL["near_min"]] = 1.0 - np.log1p(d[:, 0]) / _EARTH_LOG
        x[near, _COL["near_median"]] = 1.0 - np.log1p(median) / _EARTH_LOG
    return [
        x[a:b] if b > a else np.zeros((0, _WIDTH)) for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def _windows(ctx: DocContext, readings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per reading (rows): the indices of a window of points around it (columns) and which
    of them are its neighbours: the provisional points of other names' readings within
    ``NEIGHBOURS`` readings either side."""
    n = len(ctx.lat)
    width = min(2 * NEIGHBOURS + 1, n)
    start = np.clip(readings - NEIGHBOURS, 0, n - width)
    cols = start[:, None] + np.arange(width)[None, :]
    valid = (
        (np.abs(cols - readings[:, None]) <= NEIGHBOURS)
        & (ctx.name_id[cols] != ctx.name_id[readings][:, None])
        & ~np.isnan(ctx.lat[cols])
    )
    return cols, valid


def _rows(
    ctx: DocContext,
    i: int,
    matches: Sequence[NameMatch],
    all_matches: Sequence[NameMatch],
    wanted: frozenset[str],
    has_neighbours: bool,
) -> list[list[float]]:
    """The rows of :func:`candidate_matrix` as Python lists (setting numpy items one by one
    costs more than the arithmetic), the distance columns left at zero."""
    span = ctx.spans[i]
    doc = ctx.countries if ctx.hint else ctx.shares(i, "doc")
    doc_region = ctx.shares(i, "doc", regions=True)
    para = ctx.shares(i, "paragraph")
    sent = ctx.shares(i, "sentence")
    sent_region = ctx.shares(i, "sentence", regions=True)
    cue = ctx.cues[i]
    towns, seats, spelled, best_prior = _reading_facts(all_matches)
    offered = bool(wanted) and any(m.info["feature_code"] in wanted for m in all_matches)
    sentence_admin1 = ctx.sentence_admin1.get(ctx.sentence_of[i], {})
    government = ctx.government[i]
    said, said_doc = ctx.said[i], ctx.said_of_name.get(span.text, frozenset())
    outer_point = None
    if cue is not None and cue.reading is not None and not math.isnan(ctx.lat[cue.reading]):
        outer_point = (ctx.lat[cue.reading], ctx.lon[cue.reading])
    rows: list[list[float]] = []
    for m in matches:
        info = m.info
        cc, code, fclass = info["country_code"], info["feature_code"], info["feature_class"]
        template, p = _static(m)
        row = template.copy()
        row[_PRIOR_BEST] = p >= best_prior - 1e-9
        country = _is_country(info)
        if wanted and offered:
            row[_ASKED] = code in wanted
            # "Qasr Nadim Air Base": words that ask for a site are met by a site, whatever
            # the size of the town it is named after.
            row[_ASKED_SITE] = code in wanted and fclass == "S"
            row[_UNASKED] = code not in wanted
        if fclass in ("A", "S") and code not in wanted:
            seat = code == "ADM1" and (cc, info["name"]) in seats
            row[_AFTER_TOWN] = seat or any(
                abs(t["lat"] - info["lat"]) < 0.6 and abs(t["lon"] - info["lon"]) < 0.8
                for t in towns
            )
        row[_FOLDED_COUNTRY] = country and not m.literal
        # A cell whose value is 0 (False) whatever the candidate is left as the template has
        # it: the tests below are of the report, not of the candidate.
        if spelled:
            row[_NOT_THE_COUNTRY] = not (country and cc in spelled)
            row[_IS_THE_COUNTRY] = country and cc in spelled and m.literal
            # "Mexico" is the country's own name before it is its capital's in Spanish; the
            # country keeps its own ("Macedonia" for North Macedonia).
            if not (country and cc in spelled):
                row[_ALIAS_SHARE] = 0.0
        if doc:
            row[_DOC_COUNTRY] = doc.get(cc, 0.0)
        if doc_region or sent_region:
            region = (cc, info["name"] if code == "ADM1" else info["admin1"])
            if region[1]:
                row[_DOC_REGION] = doc_region.get(region, 0.0)
                row[_SENT_REGION] = sent_region.get(region, 0.0)
        if para:
            row[_PARA_COUNTRY] = para.get(cc, 0.0)
        if sent:
            row[_SENT_COUNTRY] = sent.get(cc, 0.0)
        named = bool(ctx.country_namers) and ctx.others_name(ctx.country_namers.get(cc), i)
        if named:
            row[_COUNTRY_NAMED] = not country
        if named or cc in ctx.demonyms:
            # A capital stands for its nation, named or by its people ("Canadian ministers
            # flew to Washington"); not when the name itself spells a country: "Mexico" is
            # the country, not its capital.
            row[_CAPITAL_OF_NAMED] = code == "PPLC" and not spelled
        if info["admin1"] and code != "ADM1" and ctx.admin1_namers:
            a1 = (cc, plain(info["admin1"]))
            row[_ADMIN1_NAMED] = ctx.others_name(ctx.admin1_namers.get(a1), i)
            row[_ADMIN1_IN_SENTENCE] = ctx.others_name(sentence_admin1.get(a1), i)
        if ctx.counties and info["admin2"]:
            row[_COUNTY_NAMED] = plain(info["admin2"]) in ctx.counties
        if cue is not None:
            inside = outer_name_fits(cue.outer, info, _country_name(cc))
            if not inside and outer_point is not None and not country:
                limit = 100.0 if cue.relation == "near" else 60.0
                inside = _km(info["lat"], info["lon"], *outer_point) <= limit
            row[_CUE_INSIDE] = inside
            row[_CUE_OUTSIDE] = not inside
        if not (has_neighbours and not country):
            row[_NO_NEIGHBOURS] = 1.0
        if span.script != "latin":  # a Latin name fits every country: 0
            # No Arabic or Cyrillic name is a place's own (GeoNames writes those in Latin):
            # there is no own name for an exonym to stand against.
            row[_ALIAS_SHARE] = 0.0
            row[_SCRIPT_FIT] = script_fit(span.script, cc)
        if ctx.demonyms:
            row[_DEMONYM] = cc in ctx.demonyms
        if government:
            # "Moscow denies": a capital standing for its government; not when the name
            # spells a country ("Mexico should send", where Mexico City only shares the
            # folded name).
            row[_CAPITAL_POLITICS] = code == "PPLC" and not spelled
        if said or said_doc:
            kind = _KIND_OF_CODE.get(code, "town" if fclass == "P" else "")
            row[_SAID_DIVISION] = kind in said and kind != "town"
            row[_SAID_TOWN] = kind == "town" and kind in said
            row[_SAID_DIVISION_DOC] = kind in said_doc and kind != "town"
            row[_SAID_TOWN_DOC] = kind == "town" and kind in said_doc
        rows.append(row)
    return rows


def _reading_facts(
    all_matches: Sequence[NameMatch],
) -> tuple[list[dict], set[tuple[str, str]], frozenset[str], float]:
    """What a reading's matches say whatever the candidate: its towns of that exact name,
    their (country, admin1), the countries its name spells as written, and its best prior."""
    if isinstance(all_matches, tuple):
        return _READING_FACTS(all_matches)
    return _work_out_reading_facts(all_matches)


def _work_out_reading_facts(
    all_matches: Sequence[NameMatch],
) -> tuple[list[dict], set[tuple[str, str]], frozenset[str], float]:
    towns = [m.info for m in all_matches if m.exact and m.info["feature_class"] == "P"]
    seats = {(t["country_code"], t["admin1"]) for t in towns}
    spelled = {m.info["country_code"] for m in all_matches if m.literal and _is_country(m.info)}
    return towns, seats, frozenset(spelled), max(prior(m) for m in all_matches)


#: A name's matches are one memoised tuple (``extraction._best``), met again in every report
#: that names it: what they say is worked out once.
_READING_FACTS = IdentityMemo(_work_out_reading_facts, 20_000)


def _km_grid(lat: np.ndarray, lon: np.ndarray, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) from each of some points (rows) to others: to each of
    ``lats``/``lons`` (1-D), or to each row's own points (2-D, one row per point)."""
    if lats.ndim == 1:
        lats, lons = lats[None, :], lons[None, :]
    p1, p2 = np.radians(lat)[:, None], np.radians(lats)
    dlmb = np.radians(lons - lon[:, None])
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, a)))


#: The leading columns depend on the name match alone (not on the report): made once.
_STATIC = (
    "match", "exact", "literal", "own_name", "prior", "log_pop", "prominence", "n_names",
    "alias_share", "country", "capital", "adm1", "adm2", "seat", "town", "spot", "natural",
    "curated", "village",
)  # fmt: skip
_WIDTH = len(NAMES)
(
    _PRIOR_BEST, _ASKED, _ASKED_SITE, _UNASKED, _AFTER_TOWN, _FOLDED_COUNTRY, _NOT_THE_COUNTRY,
    _IS_THE_COUNTRY, _DOC_COUNTRY, _DOC_REGION, _PARA_COUNTRY, _SENT_COUNTRY, _SENT_REGION,
    _COUNTRY_NAMED, _CAPITAL_OF_NAMED, _ADMIN1_NAMED, _ADMIN1_IN_SENTENCE, _COUNTY_NAMED,
    _CUE_INSIDE, _CUE_OUTSIDE, _NO_NEIGHBOURS, _SCRIPT_FIT, _DEMONYM, _CAPITAL_POLITICS,
    _SAID_DIVISION, _SAID_TOWN, _SAID_DIVISION_DOC, _SAID_TOWN_DOC,
) = (
    _COL[n]
    for n in (
        "prior_best", "asked", "asked_site", "unasked", "after_town", "folded_country", "not_the_country",
        "is_the_country", "doc_country", "doc_region", "para_country", "sent_country",
        "sent_region", "country_named", "capital_of_named", "admin1_named",
        "admin1_in_sentence", "county_named", "cue_inside", "cue_outside", "no_neighbours",
        "script_fit", "demonym", "capital_politics", "said_division", "said_town",
        "said_division_doc", "said_town_doc",
    )
)  # fmt: skip
#: The kind of place (``context.KINDS``) a feature code is; other populated places are towns.
_KIND_OF_CODE = {"ADM1": "division", "ADM2": "county"}
_ALIAS_SHARE = _COL["alias_share"]
_static_memo: dict[tuple, tuple[list[float], float]] = {}


def _static(m: NameMatch) -> tuple[list[float], float]:
    """A candidate's row with its report-independent columns filled in (zeros elsewhere),
    and its prior (memoised by the match's facts)."""
    key = (m.info["place_id"], m.matched, m.match, m.exact, m.literal, m.prominence, m.spellings)
    found = _static_memo.get(key)
    if found is not None:
        return found
    info = m.info
    code, fclass = info["feature_code"], info["feature_class"]
    p = prior(m)
    values = [
        m.match, m.exact, m.literal, m.matched == info["name"], p,
        math.log10(info["population"] + 1) / 7.0, m.prominence,
        math.log10(info["n_alt"] + 1) / 2.0, _alias_share(m), _is_country(info), code == "PPLC",
        code == "ADM1", code == "ADM2", code in ("PPLA", "PPLA2", "PPLA3"),
        fclass == "P" and code not in ("PPLC", "PPLA", "PPLA2", "PPLA3"), fclass == "S",
        fclass in ("H", "T", "V", "U"), info["source"] not in BULK_SOURCES,
        is_village(info),
    ]  # fmt: skip
    row = [0.0] * _WIDTH
    for name, v in zip(_STATIC, values, strict=True):
        row[_COL[name]] = float(v)
    found = (row, p)
    if len(_static_memo) > 200_000:
        _static_memo.clear()  # a bound for long-running processes
    _static_memo[key] = found
    return found


def _alias_share(m: NameMatch) -> float:
    """For a place matched by another of its names, how many of its languages spell it so
    (log scale, 16 and more count as 1): an exonym they share ("Palmyra" is Tadmur's in 7:
    Palmyre, Пальмира...) rather than a name once used (Mason, Ohio, has it once). 0 for
    the place's own name."""
    if m.matched == m.info["name"]:
        return 0.0
    return min(1.0, math.log1p(m.spellings) / _SPELLINGS_LOG)


def _is_country(info: dict) -> bool:
    return str(info["feature_code"]).startswith("PCL")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(_km_many(lat1, lon1, np.array([lat2]), np.array([lon2]))[0])


def _km_many(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) from one point to many."""
    p1, p2 = math.radians(lat), np.radians(lats)
    dphi = p2 - p1
    dlmb = np.radians(lons - lon)
    a = np.sin(dphi / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, a)))
