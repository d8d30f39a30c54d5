"""Names of public figures that fold onto places are no places; the places that share
their letters still are."""

from __future__ import annotations

import pytest

import geomentions as gm


def mapped(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.country_code) for m in gm.extract(text).places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Putin was Pathein (Myanmar), Nasrallah a Tunisian town, Deif Ta'if (Saudi Arabia),
        # Ruto Routot (France), Baghdadi Baghdadeh (Iran), Muqtada al-Sadr Sadr City.
        ("Putin and Zelensky spoke by phone about the prisoner swap.", []),
        ("Nasrallah warned in a televised speech on Tuesday.", []),
        ("Deif survived several attempts on his life, officials said.", []),
        ("Ruto flew home after the vote, officials said.", []),
        ("Baghdadi and his aides met on Tuesday, officials said.", []),
        ("Followers of al-Sadr's movement rallied in Najaf.", [("Najaf", "IQ")]),
        ("Wagner Group fighters withdrew from Bakhmut.", [("Bakhmut", "UA")]),
    ],
)
def test_public_figures_are_no_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert mapped(text) == expected


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Shells fell on Sadr City overnight.", "Sadr City", "IQ"),
        ("A tanker docked at Bandar Abbas on Friday.", "Bandar Abbas", "IR"),
        ("Residents of Modi'in gathered on Friday.", "Modi'in", "IL"),
    ],
)
def test_places_that_share_their_letters_stay(text: str, surface: str, country: str) -> None:
    assert (surface, country) in mapped(text)
