"""A locality noun before a list asks for a locality for every name of it, names of several
words too: "the villages of Al Qaysiyah, Haymat ad Dayir and Hashshun"."""

from __future__ import annotations

import geomentions as gm


def _places(text: str) -> dict[str, tuple[str, str]]:
    return {
        m.text: (m.place.country_code, m.place.admin1)
        for m in gm.extract(text).mentions
        if m.place is not None
    }


def test_the_last_village_after_a_name_of_three_words() -> None:
    # Hashshun was dropped: the list was read only over one-word names.
    found = _places(
        "Government aircraft struck the villages of Al Qaysiyah, Haymat ad Dayir and "
        "Hashshun in Idlib province on Tuesday."
    )
    assert found["Haymat ad Dayir"] == ("SY", "Idlib")
    assert found["Hashshun"] == ("SY", "Idlib")


def test_a_list_closed_by_a_comma_and_and() -> None:
    # Nashamah was dropped: ", and" ended no list.
    found = _places(
        "Shells fell on the villages of Wadi al Khirbah, Ad Dayq, and Nashamah in Ma'rib "
        "province overnight."
    )
    assert found["Nashamah"][0] == "YE"


def test_lowercase_words_end_the_list() -> None:
    # "on Monday" is no list item: Hama gets no "city of" request from Homs's noun.
    from geomentions.recognition import _feature_words_before

    text = "Police patrolled the city of Homs on Monday and Hama"
    assert _feature_words_before(text, text.index("Hama"), "latin") is None
    text = "the city of Homs and Hama"
    assert _feature_words_before(text, text.index("Hama"), "latin") == "city"


def test_a_list_of_districts_keeps_to_one_word_names() -> None:
    # Reports call villages and city quarters districts too: the district hint (a division)
    # would push "Rasm Abu Sur" off its village, so names of several words get none.
    found = _places(
        "Gunmen attacked the districts of Abu al Qusur and Rasm Abu Sur in Hama province on Sunday."
    )
    assert found["Rasm Abu Sur"] == ("SY", "Hama")
