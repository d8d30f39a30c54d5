"""Divisions named after their seat: Russian reports use the seat's adjective ("в Курской
области"), English ones "the Kursk region". The division is meant, not its seat city."""

from __future__ import annotations

import pytest

import geomentions as gm
from geomentions.build import seat_name


def places(text: str) -> list[tuple[str, str, str]]:
    doc = gm.extract(text)
    return [(m.text, m.place.name, m.place.feature_code) for m in doc.mentions if m.place]


@pytest.mark.parametrize(
    ("text", "surface", "division"),
    [
        ("Ночью беспилотники сбили над Курской областью.", "Курской областью", "Kursk Oblast"),
        ("Обстрелы в Херсонской области не прекращались.", "Херсонской области", "Kherson"),
        ("Губернатор Белгородской области сообщил о ранениях.", "Белгородской области",
         "Belgorod Oblast"),
        ("Эвакуация из Сумской области продолжается.", "Сумской области", "Sumy"),
        ("Беспилотник упал в Краснодарском крае.", "Краснодарском крае", "Krasnodar Krai"),
    ],
)  # fmt: skip
def test_the_adjective_and_its_noun_are_the_division(text: str, surface: str, division: str):
    assert places(text) == [(surface, division, "ADM1")]


@pytest.mark.parametrize(
    ("text", "surface", "division"),
    [
        # The adjective is not the seat's name plus an ending: Москва, Орёл, Калуга.
        ("Беспилотники сбиты над Московской областью.", "Московской областью", "Moscow Oblast"),
        ("Пожар на складе в Калужской области потушен.", "Калужской области", "Kaluga Oblast"),
        # The seat lost an ending the other seats do not have: Ярославль, Тверь, Полтава.
        ("Дождь прошёл в Ярославской области.", "Ярославской области", "Yaroslavl Oblast"),
        # Leningrad Oblast's seat is no longer called Leningrad.
        ("Учения прошли в Ленинградской области.", "Ленинградской области",
         "Leningradskaya Oblast'"),
    ],
)  # fmt: skip
def test_divisions_whose_adjective_is_irregular(text: str, surface: str, division: str) -> None:
    assert places(text) == [(surface, division, "ADM1")]


def test_adjectives_listed_before_one_plural_noun_are_each_a_division() -> None:
    # "Over the Bryansk, Oryol and Kaluga oblasts": the noun is written once, in the plural.
    found = places("Над Брянской, Орловской и Калужской областями сбиты беспилотники.")
    assert [(name, code) for _, name, code in found] == [
        ("Bryansk Oblast", "ADM1"), ("Oryol oblast", "ADM1"), ("Kaluga Oblast", "ADM1")
    ]  # fmt: skip
    assert [surface for surface, _, _ in found] == ["Брянской", "Орловской", "Калужской областями"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Обстрел окраин Авдеевки в Донецкой Народной Республике.",
         "Донецкой Народной Республике"),
        ("Колонна вошла в Луганскую Народную Республику.", "Луганскую Народную Республику"),
        ("Глава ДНР посетил Горловку.", "ДНР"),
    ],
)  # fmt: skip
def test_a_peoples_republic_is_drawn_as_the_oblast_it_claims(text: str, surface: str) -> None:
    # Before, "Донецкой" alone was Donetsk city, and "Луганскую" the village of Luhanske.
    found = {m.text: m.place for m in gm.extract(text).places}
    assert found[surface].feature_code == "ADM1" and found[surface].country_code == "UA"
    assert found[surface].name in ("Donetsk", "Luhansk")


def test_an_oblast_whose_geonames_name_is_an_adjective_still_gets_its_seats_names() -> None:
    # GeoNames calls it "Kharkivs’ka Oblast’": the build borrows its seat Kharkiv's names.
    assert places("Удары по Харьковской области усилились.") == [
        ("Харьковской области", "Kharkivs’ka Oblast’", "ADM1")
    ]
    assert seat_name("Kharkivs’ka Oblast’") == "Kharkiv"


def test_the_seat_city_itself_stays_the_city() -> None:
    assert places("Взрывы прогремели в Курске и Белгороде.") == [
        ("Курске", "Kursk", "PPLA"),
        ("Белгороде", "Belgorod", "PPLA"),
    ]


def test_attack_and_battles_are_no_places() -> None:
    # "Атака" folds onto Ataq (Yemen), "Бои" onto Bowie: ordinary Russian words.
    assert places("Атака началась утром. Бои шли весь день у Алеппо.") == [
        ("Алеппо", "Aleppo", "PPLA")
    ]


@pytest.mark.parametrize(
    ("text", "division"),
    [
        ("Air defence units downed two drones over the Kursk region overnight.", "Kursk Oblast"),
        ("Aid convoys reached the Idlib region on Tuesday.", "Idlib"),
        ("Officials in the Krasnodar Krai reported a fire at a depot.", "Krasnodar Krai"),
    ],
)
def test_an_english_region_or_krai_after_a_seat_asks_for_the_division(text: str, division: str):
    [(_, name, code)] = places(text)
    assert (name, code) == (division, "ADM1")


def test_a_metro_region_with_no_division_of_its_name_stays_the_city() -> None:
    assert places("Commuters across the Chicago region faced delays.") == [
        ("Chicago region", "Chicago", "PPLA2")
    ]


def test_names_listed_before_regions_are_the_divisions() -> None:
    # "over the Kharkiv, Sumy and Poltava regions": three oblasts, not three cities.
    found = places("Air defences downed 35 drones over the Kharkiv, Sumy and Poltava regions.")
    assert [code for _, _, code in found] == ["ADM1", "ADM1", "ADM1"]
    assert [surface for surface, _, _ in found] == ["Kharkiv", "Sumy", "Poltava"]
    found = places("Pantsir crews shot down 12 drones over the Belgorod and Kursk regions.")
    assert [(name, code) for _, name, code in found] == [
        ("Belgorod Oblast", "ADM1"), ("Kursk Oblast", "ADM1")
    ]  # fmt: skip


def test_a_listed_name_with_no_division_is_not_made_one() -> None:
    # "Midwest Region" has only a town's key (Midwest City, Oklahoma): no list is read.
    assert places("Sales in the Midwest and Northeast regions rose.") == []
