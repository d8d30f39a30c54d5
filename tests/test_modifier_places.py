"""A place named as a modifier ("a Baquba street", "a Gaza clinic", "in Bonn Tuesday") is
still the place; sentences written for these tests."""

from __future__ import annotations

import pytest

import geomentions as gm
from geomentions.gazetteer import Gazetteer
from geomentions.recognition import find_spans


def placed(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.country_code) for m in gm.extract(text).mentions if m.place]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a lowercase street or institution word after the name: somewhere in the town
        ("A bomb went off near a busy Baquba street on Monday.", ("Baquba", "IQ")),
        ("Police said a man was shot on a Gaza street at night.", ("Gaza", "PS")),
        ("A Gaza clinic said it received three wounded men.", ("Gaza", "PS")),
        # a weekday after the name is the date, not the rest of a longer name
        (
            "A man was shot while driving through the suburb of Dobrinja Friday morning.",
            ("Dobrinja", "BA"),
        ),
    ],
)
def test_a_place_used_as_a_modifier_is_placed(text: str, want: tuple[str, str]) -> None:
    assert want in placed(text)


def test_an_article_opening_a_sentence_is_no_part_of_a_name_it_does_not_spell() -> None:
    gaz = Gazetteer.default()
    # "A Gaza" only shares a key with a town spelled otherwise: the name is "Gaza".
    assert [s.text for s in find_spans("A Gaza clinic reopened.", gaz)] == ["Gaza"]
    # Places whose own names open on the article keep it.
    assert [s.text for s in find_spans("A Coruña hosted the talks.", gaz)] == ["A Coruña"]
    assert [s.text for s in find_spans("The Hague hosted the talks.", gaz)] == ["The Hague"]


def test_a_place_after_above_or_over_is_placed() -> None:
    # "above", "over", "inside", "along" put a place in the slot as "in" and "near" do.
    assert ("Malibu", "US") in placed("The fire spread to the hills above Malibu.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bandits raided three villages in Maru LGA of Zamfara State.", "Maru"),
        ("Herders attacked farms in the Ukum local council on Monday.", "Ukum"),
        ("Nine people died in the Logo local government area of Benue State.", "Logo"),
    ],
)
def test_a_name_before_lga_is_the_nigerian_district(text: str, name: str) -> None:
    # "LGA", "local government area", "local council": the name asks for a district.
    found = {m.text: m.place for m in gm.extract(text).places}
    assert (found[name].country_code, found[name].feature_code) == ("NG", "ADM2")


def test_towns_whose_key_has_two_letters_are_found_when_spelled_as_named() -> None:
    # "Ibb", "Yei", "Wau" fold to two-letter keys, which alone are too often words; spelled
    # letter for letter as the town is named, they are the town.
    found = placed("Clashes spread from Ibb in Yemen; in South Sudan, Yei and Wau were calm.")
    assert {("Ibb", "YE"), ("Yei", "SS"), ("Wau", "SS")} <= set(found)
    # A common word with such a key stays a word.
    assert placed("The Bay Area was hit by storms.") == []
