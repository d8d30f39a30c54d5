"""Regions, territories and valleys that conflict reporting names and GeoNames' tables lack:
curated rows in gazetteer/supplement/places.csv (Golan Heights, Wadi Barada, South Ossetia,
the Kodori Gorge, ...), found by their English, Arabic and Russian names."""

from __future__ import annotations

import pytest

import geomentions as gm


def _place(text: str, mention: str):
    doc = gm.extract(text)
    found = {m.text: m.place for m in doc.mentions if m.place is not None}
    assert mention in found, (text, sorted(found))
    return found[mention]


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        ("Israeli jets struck an air defence site in the Golan Heights on Monday.",
         "Golan Heights", "gm:sy-rgn-golan-heights"),
        ("قصفت المدفعية مواقع قرب خط الفصل في الجولان المحتل.",
         "الجولان المحتل", "gm:sy-rgn-golan-heights"),
        ("Израильская авиация нанесла удар по целям на Голанских высотах.",
         "Голанских высотах", "gm:sy-rgn-golan-heights"),
        ("Water to the capital stopped after fighting around the springs of Wadi Barada.",
         "Wadi Barada", "gm:sy-val-wadi-barada"),
        ("انقطعت المياه عن العاصمة بعد معارك في وادي بردى.",
         "وادي بردى", "gm:sy-val-wadi-barada"),
        ("Rebels in West Ghouta agreed to a truce with government forces.",
         "West Ghouta", "gm:sy-rgn-western-ghouta"),
        ("Clashes broke out overnight on the edge of South Ossetia.",
         "South Ossetia", "gm:ge-rgn-south-ossetia"),
        ("تبادلت القوات إطلاق النار على حدود أوسيتيا الجنوبية.",
         "أوسيتيا الجنوبية", "gm:ge-rgn-south-ossetia"),
        ("Ночью в Южной Осетии возобновилась перестрелка.",
         "Южной Осетии", "gm:ge-rgn-south-ossetia"),
        ("Georgian police units moved into the Kodori Gorge in July.",
         "Kodori Gorge", "gm:ge-grge-kodori-gorge"),
        ("Грузинские силовики вошли в Кодорское ущелье.",
         "Кодорское ущелье", "gm:ge-grge-kodori-gorge"),
        ("Gunmen attacked a police post in Ingushetia on Tuesday.",
         "Ingushetia", "gm:ru-adm1-ingushetia"),
        ("Боевики обстреляли пост полиции в Ингушетии.",
         "Ингушетии", "gm:ru-adm1-ingushetia"),
        ("A drone strike hit a compound in South Waziristan.",
         "South Waziristan", "gm:pk-adm2-south-waziristan"),
        ("قتل مسلحون في غارة على منطقة باجور القبلية.",
         "باجور", "gm:pk-adm2-bajaur"),
        ("Serb forces handed Eastern Slavonia back under the UN plan.",
         "Eastern Slavonia", "gm:hr-rgn-eastern-slavonia"),
        ("Hezbollah fired mortars at an army post in the Shebaa Farms.",
         "Shebaa Farms", "gm:lb-rgn-shebaa-farms"),
        ("أطلق حزب الله قذائف على موقع عسكري في مزارع شبعا.",
         "مزارع شبعا", "gm:lb-rgn-shebaa-farms"),
        ("Turkish drones struck a village in the Kurdistan Region on Sunday.",
         "Kurdistan Region", "gm:iq-rgn-kurdistan-region"),
        ("قصفت طائرات مسيرة قرية حدودية في إقليم كردستان العراق.",
         "إقليم كردستان العراق", "gm:iq-rgn-kurdistan-region"),
        ("Беспилотники нанесли удар по селу в Иракском Курдистане.",
         "Иракском Курдистане", "gm:iq-rgn-kurdistan-region"),
    ],
)  # fmt: skip
def test_region_resolves_in_each_language(text: str, mention: str, place_id: str) -> None:
    assert _place(text, mention).place_id == place_id


def test_regions_are_areas_with_an_extent_inside_their_country() -> None:
    golan = _place("Shelling was reported in the Golan Heights.", "Golan Heights")
    assert golan.feature_code == "RGN" and golan.country_code == "SY" and golan.radius_km >= 30
    barada = _place("Troops advanced into Wadi Barada.", "Wadi Barada")
    assert barada.feature_code == "VAL" and 5 <= barada.radius_km <= 15
    # The Kodori Gorge lies in Abkhazia: within that division's extent, not a point elsewhere.
    kodori = _place("Troops entered the Kodori Gorge.", "Kodori Gorge")
    abkhazia = _place("Troops entered Abkhazia.", "Abkhazia")
    assert abs(kodori.lat - abkhazia.lat) < 1 and abs(kodori.lon - abkhazia.lon) < 1.5


def test_kashmir_is_the_region_not_the_town_in_washington() -> None:
    # GeoNames lists "Kashmir" among the names of Cashmere, Washington (population 3,159).
    place = _place("A curfew was imposed across Kashmir after the protests.", "Kashmir")
    assert place.place_id == "gm:in-rgn-kashmir" and place.country_code == "IN"


def test_kurdistan_region_of_iraq_is_not_irans_kurdistan_province() -> None:
    # Before the curated row, "Kurdistan Region" resolved to Iran's province: a wrong dot.
    region = _place("Oil exports from the Kurdistan Region resumed after Erbil and Baghdad "
                    "agreed terms.", "Kurdistan Region")  # fmt: skip
    assert region.country_code == "IQ" and region.feature_code == "RGN"
    erbil = _place("Oil exports resumed after talks in Erbil.", "Erbil")
    assert abs(region.lat - erbil.lat) < 1 and abs(region.lon - erbil.lon) < 1
    # Iran's province keeps its own name.
    province = _place("Protests spread from Sanandaj across Kurdistan Province in Iran.",
                      "Kurdistan Province")  # fmt: skip
    assert province.country_code == "IR"
