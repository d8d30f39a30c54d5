"""A name the report puts inside a place of one country, with no namesake there in the
gazetteer, gets no place: its namesake abroad would be a wrong dot (the gazetteer lacks the
small town meant). Report text written for these tests."""

from __future__ import annotations

import pytest

from geomentions import extract


def _by_text(text: str) -> dict:
    return {m.text: m for m in extract(text).mentions}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # Neither town is in the shipped gazetteer; Palma, Spain and Kani, Japan are.
        ("Insurgents overran the town of Palma in Cabo Delgado province on Wednesday.",
         "Palma", "MZ"),
        ("Fighting went on near Kani in Sagaing Region, army units said.", "Kani", "MM"),
    ],
)  # fmt: skip
def test_no_namesake_abroad_when_the_report_says_where(text: str, name: str, country: str) -> None:
    mentions = _by_text(text)
    m = mentions[name]
    assert m.place is None
    assert m.candidates, "its namesakes stay listed as candidates"
    assert all(c.country_code != country for c in m.candidates)
    assert m.why is not None and country in m.why and name in m.why
    assert m.to_dict()["why"] == m.why
    # The place that says where keeps its own dot.
    container = next(x for x in mentions.values() if x is not m)
    assert container.place is not None and container.place.country_code == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The mayor of Paris, Texas, opened the new library.", "Paris", "US"),
        ("Gunfire was heard near Tripoli, Lebanon, overnight.", "Tripoli", "LB"),
        ("Shells fell on Sarmada, Idlib, at dawn.", "Sarmada", "SY"),
    ],
)
def test_a_namesake_inside_the_named_place_is_kept(text: str, name: str, country: str) -> None:
    m = _by_text(text)[name]
    assert m.place is not None and m.place.country_code == country
    assert m.why is None


def test_a_place_beside_another_country_is_no_containment() -> None:
    # "near" a place abroad does not put a town in that country: Kilis is in Turkey.
    m = _by_text("Rockets fired from Syria hit Kilis, near the border, on Monday.")["Kilis"]
    assert m.place is not None and m.place.country_code == "TR"
