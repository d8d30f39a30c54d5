"""Romanised Arabic names written with an ayn or hamza mark: "Ta‘izz" (a left single quote
inside the word), "the village of ‘Aqrab", "near 'Ariqah" (a mark opening the name)."""

from __future__ import annotations

import geomentions as gm


def _mention(text: str, name: str) -> gm.Mention:
    found = [m for m in gm.extract(text).mentions if name in m.text]
    assert found, f"{name!r} not found in {text!r}"
    return found[0]


def test_a_left_quote_inside_a_word_is_an_ayn() -> None:
    # Was no mention: the scan cut "Ta‘izz" into "Ta" and "izz".
    m = _mention("Fighting was reported in Ta‘izz on Monday, a local official said.", "izz")
    assert m.text == "Ta‘izz"
    assert m.place is not None and m.place.country_code == "YE"


def test_a_mark_opening_the_name_keeps_the_locality_noun_before_it() -> None:
    # "the village of ‘" asked for no kind of place, and the village was dropped.
    m = _mention("Artillery shelled the village of ‘Aqrab in Hama province overnight.", "Aqrab")
    assert m.place is not None and m.place.country_code == "SY"
    assert m.place.admin1 == "Hama"


def test_a_mark_opening_the_name_keeps_its_qualifier() -> None:
    m = _mention("Drones struck a depot near 'Ariqah in Suwayda province on Sunday.", "Ariqah")
    assert m.qualifier == "near" and m.precision == 2
    m = _mention("Clashes erupted 12 km east of ‘Amuda in Hasakah province.", "Amuda")
    assert m.qualifier == "12 km east of"


def test_quotes_around_words_make_no_name_of_them() -> None:
    names = [m.text for m in gm.extract("The ‘rebel’ fighters shelled ‘Idlib’ again.").mentions]
    assert names == ["Idlib"]
