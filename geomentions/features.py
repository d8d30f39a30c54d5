"""The candidate features the ranker weighs: one small named function each.

A mention's candidates (:class:`Candidates`, the gazetteer places its name matches) and its
:class:`~geomentions.context.MentionContext` give one row per candidate; the columns are
:data:`FEATURE_NAMES`, in this order, and the shipped model (``geomentions/data/ranker.json``)
was trained on exactly this list (:data:`VERSION`). Place features depend on the candidate
alone and are worked out once per name; context features on what the document says around
the mention. :func:`describe` turns a feature into words for ``why``.

>>> from geomentions.resolution import match_name
>>> from geomentions.context import hint_context
>>> cands = Candidates(tuple(match_name("Tripoli", fuzzy=False)))
>>> x = matrix(cands, hint_context(country={"LB"}, near=None, feature_codes=None))
>>> x.shape == (len(cands), len(FEATURE_NAMES))
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cached_property

import numpy as np

from .context import MentionContext, contains
from .data.scripts import SCRIPT_COUNTRIES
from .geo import haversine_km
from .names import key as name_key

__all__ = ["Candidates", "FEATURE_NAMES", "VERSION", "matrix", "describe"]

#: Bump when a feature is added, removed or changes meaning (the model must be retrained).
VERSION = "3"

_MINOR = frozenset({"PPLX", "PPLL", "PPLQ", "PPLH", "PPLW", "PPLF", "PPLR"})
_SEATS = frozenset({"PPLA", "PPLA2"})
_WORLD_KM = math.log1p(20_000.0)


class Candidates:
    """A name's matches as columns (worked out once per name and reused by every mention)."""

    def __init__(self, matches: tuple) -> None:
        self.matches = matches
        self.infos = [m.info for m in matches]
        self.cc = [i["country_code"] for i in self.infos]
        self.code = [i["feature_code"] for i in self.infos]
        self.fclass = [i["feature_class"] for i in self.infos]
        self.region = [(i["country_code"], _admin1_of(i)) for i in self.infos]
        self.region_key = [(cc, name_key(a)) if a else (cc, "") for cc, a in self.region]
        self.lat = np.array([i["lat"] for i in self.infos], dtype=np.float64)
        self.lon = np.array([i["lon"] for i in self.infos], dtype=np.float64)
        self.pop = np.array([i["population"] for i in self.infos], dtype=np.float64)

    def __len__(self) -> int:
        return len(self.matches)

    @cached_property
    def static(self) -> np.ndarray:
        """The place-feature columns (rows: candidates)."""
        if not self.matches:
            return np.zeros((0, len(PLACE_FEATURES)))
        return np.column_stack([np.asarray(f(self), dtype=np.float64) for _, f in PLACE_FEATURES])


def _admin1_of(info: dict) -> str:
    return info["name"] if info["feature_code"] == "ADM1" else info["admin1"]


def _flags(values: list[bool]) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


# --- place features: the candidate alone (and its rivals for the same name) ------------------
def match_exact(c: Candidates) -> np.ndarray:
    """The mention's key is one of the place's name keys (not a near spelling)."""
    return _flags([m.exact for m in c.matches])


def match_literal(c: Candidates) -> np.ndarray:
    """The text spells one of the place's names as written: "Mexico", not a folded alias."""
    return _flags([m.literal for m in c.matches])


def match_quality(c: Candidates) -> np.ndarray:
    """Name similarity 0..1 (spelling, transliteration, script)."""
    return np.array([m.match for m in c.matches])


def alias_match(c: Candidates) -> np.ndarray:
    """The matched name is an alternate name, not the place's own: weaker evidence."""
    return _flags([m.matched != m.info["name"] for m in c.matches])


def log_population(c: Candidates) -> np.ndarray:
    """Bigger places are named more often."""
    return np.log10(c.pop + 1.0)


def population_unknown(c: Candidates) -> np.ndarray:
    """GeoNames (and village layers) often have no count: unknown is not zero."""
    return _flags([p <= 0 for p in c.pop])


def population_gap(c: Candidates) -> np.ndarray:
    """Orders of magnitude below the biggest place of this name: the default reading."""
    logs = np.log10(c.pop + 1.0)
    return logs.max() - logs


def log_alt_names(c: Candidates) -> np.ndarray:
    """Prominence: places many languages name are the ones reports mean (Tadmur has 21)."""
    return np.log10(np.array([i["n_alt"] for i in c.infos], dtype=np.float64) + 1.0)


def class_populated(c: Candidates) -> np.ndarray:
    """A town or village (GeoNames class P)."""
    return _flags([f == "P" for f in c.fclass])


def class_admin(c: Candidates) -> np.ndarray:
    """A country or division (class A)."""
    return _flags([f == "A" for f in c.fclass])


def class_site(c: Candidates) -> np.ndarray:
    """A facility such as an air base or airport (class S)."""
    return _flags([f == "S" for f in c.fclass])


def is_country(c: Candidates) -> np.ndarray:
    """A country or territory: what a bare country name means."""
    return _flags([code.startswith("PCL") for code in c.code])


def is_adm1(c: Candidates) -> np.ndarray:
    """A first-level division (state, province, governorate)."""
    return _flags([code == "ADM1" for code in c.code])


def is_adm2(c: Candidates) -> np.ndarray:
    """A second-level division (county, district)."""
    return _flags([code == "ADM2" for code in c.code])


def is_capital(c: Candidates) -> np.ndarray:
    """A national capital (PPLC)."""
    return _flags([code == "PPLC" for code in c.code])


def is_admin_seat(c: Candidates) -> np.ndarray:
    """The seat of a first- or second-level division (PPLA, PPLA2)."""
    return _flags([code in _SEATS for code in c.code])


def is_minor_place(c: Candidates) -> np.ndarray:
    """A section of a town, a locality, an abandoned or historical place."""
    return _flags([code in _MINOR for code in c.code])


def is_continent(c: Candidates) -> np.ndarray:
    """A continent ("Africa")."""
    return _flags([code == "CONT" for code in c.code])


def source_curated(c: Candidates) -> np.ndarray:
    """A curated supplement row: it is there because reports name it."""
    return _flags([i["source"].startswith("curated") for i in c.infos])


def source_other(c: Candidates) -> np.ndarray:
    """A row from another layer (user places, village layers) than GeoNames or curation."""
    return _flags(
        [i["source"] != "geonames" and not i["source"].startswith("curated") for i in c.infos]
    )


def ambiguity(c: Candidates) -> np.ndarray:
    """How many places share the name (log): a lone reading is likelier right."""
    return np.full(len(c), math.log(len(c)))


def spells_country(c: Candidates) -> np.ndarray:
    """The mention spells a country's own name ("Mexico", "Norway")."""
    return np.full(
        len(c),
        float(any(m.literal and m.info["feature_code"].startswith("PCL") for m in c.matches)),
    )


def beside_literal(c: Candidates) -> np.ndarray:
    """The text spells some place's name exactly, and this one only folds onto it ("Palmyra"
    is Tadmur's name as written; Palmira, Colombia only folds onto it)."""
    spelled = any(m.literal for m in c.matches)
    return _flags([spelled and not m.literal for m in c.matches])


def folded_country(c: Candidates) -> np.ndarray:
    """A country reached only by folding the name ("Suède" is Sweden; Suwayda is not)."""
    return _flags(
        [
            code.startswith("PCL") and not m.literal
            for code, m in zip(c.code, c.matches, strict=True)
        ]
    )


def beside_spelled_country(c: Candidates) -> np.ndarray:
    """The text spells a country's name, and this place only folds onto it (Cheyenne's
    alias "Šaiena" for "China")."""
    spelled = spells_country(c)[0] if len(c) else 0.0
    return _flags([bool(spelled) and not m.literal for m in c.matches])


def named_after_town(c: Candidates) -> np.ndarray:
    """A division or base named after a town of the same name nearby: the bare name means
    the town ("Hama" the governorate, "Dumayr" the air base)."""
    towns = [m.info for m in c.matches if m.exact and m.info["feature_class"] == "P"]
    seats = {(t["country_code"], t["admin1"]) for t in towns}
    out = []
    for info in c.infos:
        hit = False
        if info["feature_class"] in ("A", "S") and towns:
            hit = (
                info["feature_code"] == "ADM1" and (info["country_code"], info["name"]) in seats
            ) or any(
                haversine_km(t["lat"], t["lon"], info["lat"], info["lon"]) <= 60 for t in towns
            )
        out.append(hit)
    return _flags(out)


def mention_capital_name(c: Candidates) -> np.ndarray:
    """The mention is the name of a national capital ("Moscow", "Washington")."""
    return np.full(
        len(c), float(any(m.exact and m.info["feature_code"] == "PPLC" for m in c.matches))
    )


# --- context features: what the document says around the mention ----------------------------
def country_share_doc(c: Candidates, x: MentionContext) -> np.ndarray:
    """Share of the document's other names in the candidate's country (its focus)."""
    return np.array([x.country_doc.get(cc, 0.0) for cc in c.cc])


def region_share_doc(c: Candidates, x: MentionContext) -> np.ndarray:
    """Share of the document's other names in the candidate's first-level division."""
    return np.array([x.region_doc.get(r, 0.0) if r[1] else 0.0 for r in c.region])


def country_share_paragraph(c: Candidates, x: MentionContext) -> np.ndarray:
    """The same country share within the paragraph: local topic beats document topic."""
    return np.array([x.country_paragraph.get(cc, 0.0) for cc in c.cc])


def country_share_sentence(c: Candidates, x: MentionContext) -> np.ndarray:
    """The same within the sentence ("Moscow and Kyiv", "Moscow and Boise")."""
    if not x.country_sentence:
        return np.zeros(len(c))
    return np.array([x.country_sentence.get(cc, 0.0) for cc in c.cc])


def region_share_sentence(c: Candidates, x: MentionContext) -> np.ndarray:
    """Division share within the sentence."""
    if not x.region_sentence:
        return np.zeros(len(c))
    return np.array([x.region_sentence.get(r, 0.0) if r[1] else 0.0 for r in c.region])


def country_named_doc(c: Candidates, x: MentionContext) -> np.ndarray:
    """The document spells the candidate's country elsewhere ("Russia" for Moscow)."""
    if not x.named_countries:
        return np.zeros(len(c))
    return _flags([cc in x.named_countries for cc in c.cc])


def country_named_sentence(c: Candidates, x: MentionContext) -> np.ndarray:
    """The sentence spells the candidate's country."""
    if not x.named_countries_sentence:
        return np.zeros(len(c))
    return _flags([cc in x.named_countries_sentence for cc in c.cc])


def region_named_doc(c: Candidates, x: MentionContext) -> np.ndarray:
    """The document spells the candidate's state or province elsewhere."""
    if not x.named_regions:
        return np.zeros(len(c))
    return _flags([bool(r[1]) and r in x.named_regions for r in c.region_key])


def region_named_sentence(c: Candidates, x: MentionContext) -> np.ndarray:
    """The sentence spells the candidate's state or province ("Texas named in the same
    sentence")."""
    if not x.named_regions_sentence:
        return np.zeros(len(c))
    return _flags([bool(r[1]) and r in x.named_regions_sentence for r in c.region_key])


def inside_named_outer(c: Candidates, x: MentionContext) -> np.ndarray:
    """ "X, Y", "X in Y", "X (Y)", "X, south of Y", "X, a village in Y", "the Y town of X":
    the candidate lies in Y."""
    if not x.outers:
        return np.zeros(len(c))
    return _flags([any(contains(o, i) for o in x.outers) for i in c.infos])


def sole_inside(c: Candidates, x: MentionContext) -> np.ndarray:
    """1 / how many candidates lie in the named Y: one place of the name inside Texas is
    nearly always the one meant (a score per candidate cannot see that by itself)."""
    inside = inside_named_outer(c, x)
    n = inside.sum()
    return inside / n if n else inside


def outside_named_outer(c: Candidates, x: MentionContext) -> np.ndarray:
    """Such a phrase names a Y, and the candidate is not in it."""
    if not x.outers:
        return np.zeros(len(c))
    return 1.0 - inside_named_outer(c, x)


def inside_outer_elsewhere(c: Candidates, x: MentionContext) -> np.ndarray:
    """Another mention of the same name was put inside the candidate's Y ("Paris, Texas"
    earlier in an obituary): one sense per discourse."""
    if not x.outers_discourse:
        return np.zeros(len(c))
    return _flags([any(contains(o, i) for o in x.outers_discourse) for i in c.infos])


def _distances(c: Candidates, x: MentionContext) -> np.ndarray:
    """Candidates x anchors, in km (great circle)."""
    lat1, lon1 = np.radians(c.lat)[:, None], np.radians(c.lon)[:, None]
    lat2, lon2 = np.radians(x.anchors[:, 0])[None, :], np.radians(x.anchors[:, 1])[None, :]
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def km_nearest_place(c: Candidates, x: MentionContext) -> np.ndarray:
    """Distance to the nearest other confident place (log scale, 1 = far side of the world
    or none): local news names places near each other."""
    if not len(x.anchors):
        return np.ones(len(c))
    return np.log1p(_distances(c, x).min(axis=1)) / _WORLD_KM


def km_median_place(c: Candidates, x: MentionContext) -> np.ndarray:
    """Median distance to the other confident places (log scale): the document's centre."""
    if not len(x.anchors):
        return np.ones(len(c))
    return np.log1p(np.median(_distances(c, x), axis=1)) / _WORLD_KM


def no_other_places(c: Candidates, x: MentionContext) -> np.ndarray:
    """The document has no other confident place to measure against."""
    return np.full(len(c), float(not len(x.anchors)))


def capital_of_named_country(c: Candidates, x: MentionContext) -> np.ndarray:
    """A national capital whose country the document spells: Moscow with Russia named."""
    if not x.named_countries:
        return np.zeros(len(c))
    return _flags(
        [code == "PPLC" and cc in x.named_countries for code, cc in zip(c.code, c.cc, strict=True)]
    )


def script_fits_country(c: Candidates, x: MentionContext) -> np.ndarray:
    """An Arabic or Russian report about a country that writes that script."""
    own = SCRIPT_COUNTRIES.get(x.script)
    if own is None:
        return np.zeros(len(c))
    return _flags([cc in own for cc in c.cc])


def script_foreign(c: Candidates, x: MentionContext) -> np.ndarray:
    """An Arabic or Russian report naming a place in a country that does not write it."""
    own = SCRIPT_COUNTRIES.get(x.script)
    if own is None:
        return np.zeros(len(c))
    return _flags([cc not in own for cc in c.cc])


def demonym_in_doc(c: Candidates, x: MentionContext) -> np.ndarray:
    """The document uses the nationality of the candidate's country ("Australian")."""
    if not x.demonym_countries:
        return np.zeros(len(c))
    return _flags([cc in x.demonym_countries for cc in c.cc])


def feature_asked(c: Candidates, x: MentionContext) -> np.ndarray:
    """The words around the name ask for this feature type ("Idlib province", "air base")."""
    if not x.feature_codes:
        return np.zeros(len(c))
    return _flags([code in x.feature_codes for code in c.code])


def feature_unasked(c: Candidates, x: MentionContext) -> np.ndarray:
    """The words ask for a type some other candidate has and this one has not."""
    if not x.feature_codes or not any(code in x.feature_codes for code in c.code):
        return np.zeros(len(c))
    return 1.0 - feature_asked(c, x)


def word_penalty(c: Candidates, x: MentionContext) -> np.ndarray:
    """How much the span reads as an ordinary word (0..1): every reading is then doubtful."""
    return np.full(len(c), x.word_penalty)


def person_like(c: Candidates, x: MentionContext) -> np.ndarray:
    """A title or "said" next to the name: it may be a person."""
    return np.full(len(c), float(x.person_like))


def small_place_in_focus(c: Candidates, x: MentionContext) -> np.ndarray:
    """Document focus matters most for small places (a village in the country the report
    is about), little for capitals: focus times smallness."""
    small = 1.0 - np.minimum(np.log10(c.pop + 1.0), 6.0) / 6.0
    return country_share_doc(c, x) * small


PLACE_FEATURES: tuple[tuple[str, Callable[[Candidates], np.ndarray]], ...] = tuple(
    (f.__name__, f)
    for f in (
        match_exact, match_literal, match_quality, alias_match, log_population,
        population_unknown, population_gap, log_alt_names, class_populated, class_admin,
        class_site, is_country, is_adm1, is_adm2, is_capital, is_admin_seat, is_minor_place,
        is_continent, source_curated, source_other, ambiguity, spells_country, folded_country,
        beside_spelled_country, beside_literal, named_after_town, mention_capital_name,
    )
)  # fmt: skip
CONTEXT_FEATURES: tuple[tuple[str, Callable[[Candidates, MentionContext], np.ndarray]], ...] = tuple(
    (f.__name__, f)
    for f in (
        country_share_doc, region_share_doc, country_share_paragraph, country_share_sentence,
        region_share_sentence, country_named_doc, country_named_sentence, region_named_doc,
        region_named_sentence, inside_named_outer, sole_inside, outside_named_outer,
        inside_outer_elsewhere,
        km_nearest_place, km_median_place, no_other_places, capital_of_named_country,
        script_fits_country, script_foreign, demonym_in_doc, feature_asked, feature_unasked,
        word_penalty, person_like, small_place_in_focus,
    )
)  # fmt: skip
#: The columns of :func:`matrix`, in order.
FEATURE_NAMES: tuple[str, ...] = tuple(n for n, _ in PLACE_FEATURES + CONTEXT_FEATURES)


def matrix(c: Candidates, x: MentionContext) -> np.ndarray:
    """Feature rows for a mention's candidates (``len(c)`` x ``len(FEATURE_NAMES)``)."""
    if not len(c):
        return np.zeros((0, len(FEATURE_NAMES)))
    ctx = np.column_stack([np.asarray(f(c, x), dtype=np.float64) for _, f in CONTEXT_FEATURES])
    return np.hstack([c.static, ctx])


def values(c: Candidates, x: MentionContext, row: int) -> dict[str, float]:
    """One candidate's features by name (for tests and for reading a decision)."""
    return dict(zip(FEATURE_NAMES, (float(v) for v in matrix(c, x)[row]), strict=True))


def _pop(n: float) -> str:
    if n >= 1e6:
        return f"{n / 1e6:.1f}M"
    if n >= 1e3:
        return f"{n / 1e3:.0f}k"
    return f"{n:.0f}"


def describe(name: str, info: dict, x: MentionContext, value: float, contribution: float) -> str:
    """A feature's part in a decision, in words ("Texas named in the same sentence")."""
    cc, admin1 = info["country_code"], _admin1_of(info)
    yes = value > 0
    against = contribution < 0
    phrases: dict[str, Callable[[], str]] = {
        "log_population": lambda: (
            f"population {_pop(info['population'])}" if info["population"] else "population unknown"
        ),
        "population_gap": lambda: (
            "the biggest place of this name"
            if not value
            else f"{value:.0f} orders of magnitude smaller than the biggest place of this name"
        ),
        "country_share_doc": lambda: f"document about {cc} ({value:.0%} of its other places)",
        "region_share_doc": lambda: (
            f"{admin1 or cc} has {value:.0%} of the document's other places"
        ),
        "country_share_paragraph": lambda: f"{cc} in the same paragraph ({value:.0%})",
        "country_share_sentence": lambda: f"{cc} in the same sentence ({value:.0%})",
        "region_share_sentence": lambda: f"{admin1} places in the same sentence",
        "country_named_doc": lambda: f"{cc} named in the document",
        "country_named_sentence": lambda: f"{cc} named in the same sentence",
        "region_named_doc": lambda: f"{admin1} named in the document",
        "region_named_sentence": lambda: f"{admin1} named in the same sentence",
        "inside_named_outer": lambda: "inside the place named next to it",
        "sole_inside": lambda: (
            "the only place of this name inside the place named next to it"
            if value == 1
            else "inside the place named next to it"
        ),
        "outside_named_outer": lambda: "outside the place named next to it",
        "inside_outer_elsewhere": lambda: "put inside the same place at another mention",
        "km_nearest_place": lambda: (
            f"{math.expm1(value * _WORLD_KM):.0f} km from the nearest other place"
        ),
        "km_median_place": lambda: (
            f"{math.expm1(value * _WORLD_KM):.0f} km from the document's places"
        ),
        "capital_of_named_country": lambda: f"capital of {cc}, which the document names",
        "demonym_in_doc": lambda: f"nationality of {cc} in the document",
        "match_literal": lambda: "name as written",
        "match_exact": lambda: "exact name",
        "alias_match": lambda: "matched an alternate name",
        "log_alt_names": lambda: f"named in {info['n_alt']} languages/variants",
    }
    if name in phrases and (yes or name.startswith(("log_", "km_", "population"))):
        text = phrases[name]()
    else:
        text = name.replace("_", " ") + ("" if yes else " (no)")
    return text + (" (against)" if against else "")
