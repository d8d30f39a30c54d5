"""When a village-layer place may be a candidate at all (issue 16).

The village layers (Who's On First rows, ``source == "wof"``) hold some 160,000 small places
that share their names with towns, with each other and with ordinary words ("Al Hamidiyah"
alone is thirteen Syrian villages). They are not scored differently: they are admitted as
candidates only when there is evidence for them, and then ranked like any other place.

- ``resolve(name)``: a village counts when the name is exactly its own and no other kind of
  place has it exactly or nearly ("Khan Tuman"), or under ``"X, Y"`` when it lies in the named
  division (resolution does that).
- ``extract(text)``: a village counts when the caller names its country, when the report's
  other places put weight on its first-level division, or when they put weight on its country
  and the report's words point at a place (a qualifier, "village of", "in"). An ordinary word
  ("Mission", "الحمام") never reaches a village without a feature word. Once the report
  vouches for a village, a place of the same key in a country the report never names is no
  rival unless it is spelled as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = [
    "VILLAGE_SOURCES",
    "BULK_SOURCES",
    "BULK_PREFIXES",
    "is_bulk",
    "is_village",
    "admit_named",
    "admit_in_report",
]

#: ``source`` values of village-layer rows.
VILLAGE_SOURCES = frozenset({"wof"})
#: Sources imported in bulk (not chosen row by row because reports name them, as curated and
#: user rows are).
BULK_SOURCES = frozenset({"geonames", "opensyria", "ourairports"}) | VILLAGE_SOURCES
#: Supplement files imported whole: every Natural Earth river, sea and region is there, not
#: just the ones reports name (so "Inn" the river does not make "أين" a place).
BULK_PREFIXES = ("curated:naturalearth:",)
#: Share of the report's weight a division or country needs to vouch for a village in it.
REGION_SHARE = 0.25
COUNTRY_SHARE = 0.5
#: A fuzzy match this close is a spelling of that place, not a reason to reach for a village.
NEAR_MATCH = 0.9


def is_bulk(source: str) -> bool:
    """Whether a ``source`` value names bulk-imported rows rather than hand-picked ones.

    >>> is_bulk("geonames"), is_bulk("curated:naturalearth:rivers_lake_centerlines"), is_bulk("user")
    (True, True, False)
    """
    return source in BULK_SOURCES or source.startswith(BULK_PREFIXES)


def is_village(info: Mapping) -> bool:
    """Whether a gazetteer row (``Gazetteer.place`` attributes) comes from a village layer."""
    return info["source"] in VILLAGE_SOURCES


def admit_named(matches: Iterable) -> list:
    """Name matches for a bare name: village rows only when the name is exactly theirs and no
    other kind of place has it exactly or nearly ("Abu Kamel" is Abu Kamal, not Albu Kamil)."""
    matches = list(matches)
    if not any(is_village(m.info) for m in matches):
        return matches
    if any(not is_village(m.info) and (m.exact or m.match >= NEAR_MATCH) for m in matches):
        return [m for m in matches if not is_village(m.info)]
    return [m for m in matches if not is_village(m.info) or m.exact]


def admit_in_report(
    matches: Iterable,
    *,
    countries: Iterable[str] = (),
    others: Mapping[str, float],
    regions: Mapping[tuple[str, str], float],
    pointed: bool,
    common: bool,
) -> list:
    """Name matches of one mention in a report, village rows only with evidence.

    ``countries``: the caller's country hint; ``others``: country shares from the report's
    other names; ``regions``: shares of (country, first-level division); ``pointed``: the words
    around the mention point at a place (qualifier, feature word, locative); ``common``: the
    mention is also an ordinary word.
    """
    matches = list(matches)
    if not any(is_village(m.info) for m in matches):
        return matches
    hint = frozenset(countries)

    def evidence(info: Mapping) -> bool:
        if common and not pointed:
            return False
        cc = info["country_code"]
        if cc in hint:
            return True
        if info["admin1"] and regions.get((cc, info["admin1"]), 0.0) >= REGION_SHARE:
            return True
        return pointed and others.get(cc, 0.0) >= COUNTRY_SHARE

    admitted = [m for m in matches if is_village(m.info) and evidence(m.info)]
    if not admitted:
        return [m for m in matches if not is_village(m.info)]
    # The report vouches for a village here; a same-key place in a country the other names
    # never mention is no rival unless it is spelled as written (its own reading's vote must
    # not vouch for it: "Ain Zara" is not Insar, Russia, nor "Leego" Liège).
    return [
        m
        for m in matches
        if is_village(m.info)
        and evidence(m.info)
        or not is_village(m.info)
        and (
            m.literal
            or m.info["country_code"] in hint
            or others.get(m.info["country_code"], 0.0) >= REGION_SHARE
        )
    ]
