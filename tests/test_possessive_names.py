"""Place names with a possessive inside them ("Cox's Bazar", "King's Lynn") are one name; a
possessive before another name ("Syria's Idlib") still leaves two. Sentences written for
these tests."""

from __future__ import annotations

import pytest

import geomentions as gm
from geomentions.recognition import find_spans


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.place and m.place.country_code) for m in gm.extract(text).mentions]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_name_with_a_possessive_inside_is_one_place(apostrophe: str) -> None:
    text = f"Aid lorries queued outside the camps near Cox{apostrophe}s Bazar on Friday."
    # Not Cox in Spain and a Kyrgyz town read from "Bazar".
    assert _found(text) == [(f"Cox{apostrophe}s Bazar", "BD")]


def test_english_towns_so_named() -> None:
    text = "Rail services between King's Lynn and Bishop's Stortford were cut by the storm."
    assert _found(text) == [("King's Lynn", "GB"), ("Bishop's Stortford", "GB")]


def test_a_small_canadian_community() -> None:
    text = "A barn was broken into overnight at a farm in Estey's Bridge, New Brunswick."
    assert ("Estey's Bridge", "CA") in _found(text)


def test_a_possessive_before_another_name_keeps_both() -> None:
    assert [m for m, _ in _found("Rebels regrouped in Syria's Idlib after the truce.")] == [
        "Syria",
        "Idlib",
    ]
    assert [m for m, _ in _found("Critics of Putin's Russia met in Vilnius.")] == [
        "Russia",
        "Vilnius",
    ]


def test_us_counties_named_for_a_person() -> None:
    text = "Schools in Prince George's County and Queen Anne's County opened late after the ice."
    assert _found(text) == [("Prince George's County", "US"), ("Queen Anne's County", "US")]


@pytest.mark.parametrize(
    ("text", "not_a_span"),
    [
        # Keys join words and fold a doubled letter: "Lincoln's Center" has the key of
        # Lincoln Center, but no place is called Lincoln's (or Lincolns) Center.
        ("Tickets for Lincoln’s Center for the Arts went on sale.", "Lincoln’s Center"),
        # "Mary's County" folds to the key of Maries County (Missouri), spelled otherwise.
        ("Roads in St. Mary's County were closed by snow.", "Mary's County"),
    ],
)
def test_a_name_must_be_spelled_with_the_s(
    default_gaz: gm.Gazetteer, text: str, not_a_span: str
) -> None:
    spans = [text[s.start : s.end] for s in find_spans(text, default_gaz)]
    assert not_a_span not in spans
