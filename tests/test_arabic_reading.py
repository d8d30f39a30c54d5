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


def places(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.place.country_code, m.place.feature_code) for m in gm.extract(text).places]


def test_an_ordinary_word_does_not_spell_a_place_abroad() -> None:
    # "وأسقطت" (and it downed) less its "و" folds like Ascot's Cyrillic "Аскът";
    # "استطلاع" (reconnaissance) like Astley. Both were British dots.
    text = "وأسقطت الدفاعات الجوية طائرة استطلاع فوق مدينة حلب مساء أمس."
    assert [(m.text, m.place.name) for m in gm.extract(text).places] == [("حلب", "Aleppo")]


@pytest.mark.parametrize(
    "text",
    [
        # "the border" folds like the Yemeni village Al Khudud, "hours" like Aş Şāt (Syria),
        # "with guaranteeing" like Damān (Syria), "a car" like Ceará (Brazil).
        "وصلت شاحنات المساعدات إلى نقطة قرب الحدود بعد ساعات من الانتظار.",
        "طالب المنسق بضمان وصول المساعدات إلى المحتاجين.",
        "انفجرت سيارة مفخخة أمام مبنى البلدية.",
    ],
)
def test_ordinary_words_fold_onto_no_village(text: str) -> None:
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "country", "code"),
    [
        # Ordinary words that are names as written, or of places the gazetteer writes only
        # in Latin letters, stay places.
        ("قتل جنديان في هجوم على دورية في الأنبار.", "الأنبار", "IQ", "ADM1"),
        ("تعقد القمة بمشاركة باكستان والهند.", "والهند", "IN", "PCLI"),
        ("التقى الوزير نظيره في بنغلادش.", "بنغلادش", "BD", "PCLI"),
        ("انتشرت وحدات الجيش في شمال سيناء.", "سيناء", "EG", "PEN"),
    ],
)
def test_ordinary_words_that_name_places_are_kept(text, surface, country, code) -> None:
    assert (surface, country, code) in places(text)


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        # Arabic writes a foreign v as ف and p as ب: the gazetteer has "Kharkiv" and
        # "Zaporizhzhya" but no such Arabic spelling.
        ("قصفت المدفعية أحياء في خاركيف ليلا.", "خاركيف", "Kharkiv"),
        ("سقطت صواريخ على أوديسا وزابوريجيا.", "وزابوريجيا", "Zaporizhzhya"),
        # The hamza below the alef, where the gazetteer writes a plain alef.
        ("اجتمع الوفدان في إسطنبول أمس.", "إسطنبول", "Istanbul"),
    ],
)
def test_foreign_names_in_arabic_letters(text: str, surface: str, name: str) -> None:
    assert (surface, name) in [(m.text, m.place.name) for m in gm.extract(text).places]


def test_a_particle_ends_a_name() -> None:
    # "كييف أن" ("Kyiv that"): the particle was read as part of the name.
    text = "أعلنت كييف أن الدفاعات الجوية تصدت للهجوم."
    assert [(m.text, m.place.name) for m in gm.extract(text).places] == [("كييف", "Kyiv")]


def test_two_words_of_running_text_are_no_one_word_name() -> None:
    # "حمص صباح" ("Homs, in the morning") has the key of Hemsbach's "همسباخ".
    text = "انفجرت سيارة مفخخة في حمص صباح اليوم."
    assert [(m.place.name, m.place.country_code) for m in gm.extract(text).places] == [
        ("Homs", "SY")
    ]


def test_washington_in_arabic_is_the_capital() -> None:
    # GeoNames' cities table names the US capital in Latin and Cyrillic letters only: the
    # builder adds the Arabic name (geomentions/lang/exonyms.py).
    text = "قال مسؤولون إن الوفد وصل إلى واشنطن صباح الثلاثاء."
    assert [(m.place.name, m.place.feature_code) for m in gm.extract(text).places] == [
        ("Washington", "PPLC")
    ]
