"""Weapon systems are named like places: "Iskander" is also Iskandar in Uzbekistan, "Buk" a
town in Poland, "صماد" a village in Syria. Military reports name them constantly, and each
such name put a dot on the map far from anything that happened."""

from __future__ import annotations

import pytest

import geomentions as gm


def mapped(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.country_code) for m in gm.extract(text).places]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Iskander missiles were fired at dawn.", []),
        ("Waves of Geran drones hit Odesa overnight.", [("Odesa", "UA")]),
        ("A Pantsir battery was moved closer to Belgorod.", [("Belgorod", "RU")]),
        ("Два «Искандера» ударили по аэродрому под Миргородом.", [("Миргородом", "UA")]),
        ("Расчёт РСЗО «Град» уничтожил опорный пункт у Горловки.", [("Горловки", "UA")]),
        ("ЗРК Бук-М2 сбил беспилотник над Белгородом.", [("Белгородом", "RU")]),
        ("Герань поразила склад горючего в Одессе.", [("Одессе", "UA")]),
        ("أطلقت القوات صواريخ غراد على أطراف حلب.", [("حلب", "SY")]),
        ("أطلق الحوثيون طائرة مسيرة من طراز صماد باتجاه جيزان.", [("جيزان", "SA")]),
        ("رصدت الدفاعات طائرة من طراز غير معروف فوق حماة وإدلب.", [("حماة", "SY"), ("وإدلب", "SY")]),
    ],
)  # fmt: skip
def test_a_weapon_system_is_no_place(text: str, places: list[tuple[str, str]]) -> None:
    assert mapped(text) == places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Without a weapon noun beside them these names are the places.
        ("Residents of Buk, a town west of Poznan, voted on Sunday.", ("Buk", "PL")),
        ("قصفت الطائرات بلدة صماد في ريف درعا.", ("صماد", "SY")),
    ],
)
def test_a_place_named_like_a_weapon_stays_a_place(text: str, place: tuple[str, str]) -> None:
    assert place in mapped(text)


def test_russian_drones_and_fleets_are_no_places() -> None:
    # "Дроны" folded onto Dronero (Italy); "Черноморского флота" onto Chornomorsk (Ukraine).
    assert mapped("Дроны атаковали нефтебазу.") == []
    assert mapped("Штаб Черноморского флота находится в Севастополе.") == [("Севастополе", "UA")]
