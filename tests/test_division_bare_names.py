"""A division that GeoNames names formally ("County of Ceredigion") is found by the name
reports use; sentences written for these tests."""

from __future__ import annotations

import geomentions as gm


def _place(text: str, name: str) -> tuple[str, str, str] | None:
    found = [m for m in gm.extract(text).mentions if m.text == name]
    if not found or found[0].place is None:
        return None
    p = found[0].place
    return p.place_id, p.feature_code, p.country_code


def test_a_welsh_county_written_after_its_town() -> None:
    text = "Two walkers were found near New Quay, Ceredigion, on Wednesday."
    assert _place(text, "Ceredigion") == ("geonames:2653814", "ADM2", "GB")
    # The county beside it also picks the right New Quay (not Newquay in Cornwall).
    assert _place(text, "New Quay") == ("geonames:2641588", "PPLA3", "GB")


def test_a_philippine_province_named_before_its_officials() -> None:
    text = "The governor of Laguna opened a sports complex in Calamba on Friday."
    assert _place(text, "Laguna") == ("geonames:1708026", "ADM2", "PH")


def test_a_town_that_shares_a_province_name_stays_the_town() -> None:
    # "Province of Córdoba" gains the bare name too; the town is still the reading here.
    place = _place("Fans travelled from Córdoba to Madrid for the final.", "Córdoba")
    assert place is not None and place[1] != "ADM2"


def test_states_by_their_bare_names() -> None:
    # admin1CodesASCII.txt writes "Borno State", "Benue State" and "Shan State"; reports drop
    # the formal word.
    text = (
        "Gunmen attacked farmers in Benue after raids near Maiduguri in Borno. "
        "In northern Shan, the army shelled two villages."
    )
    assert _place(text, "Borno")[1:] == ("ADM1", "NG")
    assert _place(text, "Benue")[1:] == ("ADM1", "NG")  # not the Benue river
    assert _place(text, "Shan")[1:] == ("ADM1", "MM")


def test_a_country_keeps_its_name_beside_a_state_of_that_name() -> None:
    # Nigeria's Niger State gains "Niger": the country stays the country.
    assert _place("Attacks in Niger killed 20 soldiers near Tillaberi.", "Niger")[1:] == (
        "PCLI",
        "NE",
    )
