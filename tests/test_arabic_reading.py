"""Arabic running text: a conjunction or preposition joined to the first word of a longer
name, and ordinary words of military reports that fold onto names."""

from __future__ import annotations

import pytest

import geomentions as gm


def mapped(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.name) for m in gm.extract(text).places]


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        # "and Ma'arrat al-Nu'man": before, only "ومعرة" was read, as the village of Mari'.
        ("استهدفت الغارات خان شيخون ومعرة النعمان.", "ومعرة النعمان", "Ma‘arrat an Nu‘mān"),
        ("وصلت التعزيزات إلى ريف حلب ودير الزور.", "ودير الزور", "Deir ez-Zor"),
        ("سقطت قذائف بدير الزور صباحا.", "بدير الزور", "Deir ez-Zor"),
        ("قصف الطيران حلب وخان شيخون.", "وخان شيخون", "Khān Shaykhūn"),
    ],
)
def test_a_clitic_on_the_first_word_of_a_longer_name(text: str, surface: str, place: str):
    assert (surface, place) in mapped(text)


def test_an_arabic_word_is_not_read_as_latin_capitals() -> None:
    # "فككت" (dismantled) had the key of "FCT", Nigeria's Federal Capital Territory.
    text = "فككت الجهات المختصة عبوات ناسفة على الطريق بين الميادين والبوكمال."
    assert {m.place.country_code for m in gm.extract(text).places} == {"SY"}


def test_ordinary_words_of_military_reports_are_no_places() -> None:
    # "مسلحة" (armed) was the village of Al Jala, "سماء" (sky) the village of Samma.
    text = ("تصدت وحدات الجيش لهجوم شنته مجموعات مسلحة قرب حماة، "
            "وحلقت طائرة مسيرة في سماء اللاذقية.")  # fmt: skip
    assert mapped(text) == [("حماة", "Ḩamāh"), ("اللاذقية", "Latakia")]


def test_the_front_axis_of_a_village_points_at_it() -> None:
    # "على محور كفرنبودة": on the Kafr Nabudah front; the word points at a place, as "في" does.
    # The other names are in Idlib governorate: only the pointing word vouches for this
    # village of Hama's.
    text = "اندلعت اشتباكات عنيفة على محور كفرنبودة. ونفذ الطيران غارات على إدلب وسراقب وأريحا."
    assert ("كفرنبودة", "Kafr Nabūdah") in mapped(text)
