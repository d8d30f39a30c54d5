"""gm.extract on report texts written for these tests, in the styles users meet.

The texts (inline below and in ``tests/data/reports/``) imitate ministry briefings,
monitoring-group updates, news wires and UN situation reports in English, Arabic and
Russian. Expectations are what an analyst putting the dots on a map would accept; where
the library does not meet them yet the test is marked ``xfail(strict=True)`` with the
reason, so that a fix shows up as an unexpected pass.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
from conftest import km_between

import geomentions as gm

REPORTS = Path(__file__).parent / "data" / "reports"
REPORT_FILES = sorted(p.name for p in REPORTS.glob("*.txt"))

# GeoNames ids checked against the shipped gazetteer (gm.resolve(name)[0].place_id).
ALEPPO = "geonames:170063"
ALEPPO_ADM1 = "geonames:170062"
DEIR_EZ_ZOR = "geonames:170794"
TADMUR = "geonames:163808"
IDLIB = "geonames:169389"
IDLIB_ADM1 = "geonames:169387"
HAMA = "geonames:170017"
HOMS = "geonames:169577"
QAMISHLI = "geonames:173377"
LATAKIA = "geonames:173576"
RAQQA = "geonames:172955"
MOSUL = "geonames:99072"
SARAQIB = "geonames:164816"
SUKHNAH_SY = "geonames:172425"
TRIPOLI_LY = "geonames:2210247"
TRIPOLI_LB = "geonames:266826"
HALBA = "geonames:274723"
# Curated rows (gazetteer/supplement/places.csv).
ITHRIYAH = "gm:sy-ppl-ithriyah"
HMEIMIM = "gm:sy-airb-hmeimim"
KUWEIRES = "gm:sy-airb-kuweires"


@cache
def report(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


@cache
def extracted(name: str) -> gm.Document:
    """One shared extraction per report file (tests only read it)."""
    return gm.extract(report(name), doc_id=name)


def at(doc: gm.Document, word: str, nth: int = 0) -> gm.Mention:
    """The mention covering the ``nth`` occurrence of ``word`` in the document's text.

    Looking up by position, not by ``m.text``, keeps the tests indifferent to whether a
    span includes an article or clitic ("Al-Mayadin", "وحماة").
    """
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(word, pos + 1)
    covering = [m for m in doc.mentions if m.start < pos + len(word) and pos < m.end]
    listing = [(m.text, m.start, m.place.name if m.place else None) for m in doc.mentions]
    assert len(covering) == 1, f"{word!r} at {pos}: covered by {covering}; mentions {listing}"
    return covering[0]


def resolved_at(doc: gm.Document, word: str) -> gm.Candidate:
    m = at(doc, word)
    assert m.place is not None, f"{word!r} unresolved: {m!r}, candidates {m.candidates[:3]}"
    return m.place


def places_over(doc: gm.Document, word: str) -> list[gm.Mention]:
    """Resolved mentions overlapping any occurrence of ``word``."""
    out = []
    pos = doc.text.find(word)
    while pos >= 0:
        out += [m for m in doc.places if m.start < pos + len(word) and pos < m.end]
        pos = doc.text.find(word, pos + 1)
    return out


def point(m: gm.Mention) -> tuple[float, float]:
    assert m.lat is not None and m.lon is not None, f"{m!r} has no map point"
    return m.lat, m.lon


# --------------------------------------------------------------------------- lists


def test_briefing_list_resolves_every_place_in_the_areas_of() -> None:
    doc = extracted("ministry_briefing_en.txt")
    assert resolved_at(doc, "Tadmur").place_id == TADMUR
    assert resolved_at(doc, "Deir ez-Zor").place_id == DEIR_EZ_ZOR
    # A transliteration no GeoNames row carries; the curated row knows it.
    assert resolved_at(doc, "Itria").place_id == ITHRIYAH
    assert resolved_at(doc, "Aleppo").place_id == ALEPPO
    assert resolved_at(doc, "Qamishli").place_id == QAMISHLI  # a later paragraph


def test_eastern_aleppo_is_moved_east_into_the_city() -> None:
    m = at(extracted("ministry_briefing_en.txt"), "Aleppo")
    assert m.place is not None and m.place.place_id == ALEPPO
    assert m.qualifier is not None and "east" in m.qualifier.lower()
    assert m.precision == 2
    lat, lon = point(m)
    assert lon > m.place.lon
    assert abs(lat - m.place.lat) < 0.02  # due east, not north or south
    assert 1.0 < km_between(lat, lon, m.place.lat, m.place.lon) < 25.0


def test_unqualified_list_items_sit_on_their_place_with_precision_1() -> None:
    doc = extracted("ministry_briefing_en.txt")
    m = at(doc, "Deir ez-Zor")
    assert m.qualifier is None and m.precision == 1
    assert (m.lat, m.lon) == (m.place.lat, m.place.lon)


# --------------------------------------------------------------- qualifiers and features


def test_southern_countryside_of_idlib() -> None:
    m = at(extracted("ministry_briefing_en.txt"), "Idlib")
    assert m.place is not None and m.place.place_id == IDLIB
    assert "south" in m.qualifier.lower() and "countryside" in m.qualifier.lower()
    assert m.precision == 2
    lat, lon = point(m)
    assert lat < m.place.lat and abs(lon - m.place.lon) < 0.02


def test_outskirts_of_homs_stays_near_homs() -> None:
    m = at(extracted("ministry_briefing_en.txt"), "Homs")
    assert m.place is not None and m.place.place_id == HOMS
    assert "outskirts" in m.qualifier.lower()
    assert m.precision == 2
    assert km_between(*point(m), m.place.lat, m.place.lon) < 15.0


def test_near_is_a_qualifier_with_precision_2() -> None:
    doc = gm.extract("A car bomb exploded near Homs on the main road.")
    m = at(doc, "Homs")
    assert m.place is not None and m.place.place_id == HOMS
    assert m.qualifier is not None and "near" in m.qualifier.lower()
    assert m.precision == 2
    assert km_between(*point(m), m.place.lat, m.place.lon) < 15.0


@pytest.mark.parametrize(
    "text",
    [
        "A drone struck a position 10 km north of Hama.",
        "Удар нанесён в 10 км к северу от Хамы.",
    ],
)
def test_ten_km_north_of_hama(text: str) -> None:
    m = at(gm.extract(text), "Хамы" if "Хамы" in text else "Hama")
    assert m.place is not None and m.place.place_id == HAMA
    lat, lon = point(m)
    assert km_between(lat, lon, m.place.lat, m.place.lon) == pytest.approx(10.0, abs=1.0)
    assert lat > m.place.lat and abs(lon - m.place.lon) < 0.01  # north, not elsewhere
    assert m.precision == 2


def test_airbase_word_picks_the_air_base_not_a_town() -> None:
    doc = extracted("ministry_briefing_en.txt")
    base = resolved_at(doc, "Hmeymim airbase")
    assert base.place_id == HMEIMIM
    assert (base.feature_class, base.feature_code) == ("S", "AIRB")
    # The base, 20 km south of Latakia, not the city.
    assert km_between(base.lat, base.lon, 35.40, 35.95) < 3.0


def test_kuweires_airport_is_the_military_airfield() -> None:
    doc = gm.extract("Reinforcements arrived at Kuweires airport east of the city.")
    place = resolved_at(doc, "Kuweires")
    assert place.place_id == KUWEIRES and place.feature_code == "AIRB"


def test_bare_base_name_resolves_to_the_base() -> None:
    doc = gm.extract("The ministry said 3 drones were shot down near Hmeimim overnight.")
    assert resolved_at(doc, "Hmeimim").place_id == HMEIMIM


@pytest.mark.parametrize(
    "text, word",
    [
        ("Fighting spread across Idlib province on Monday.", "Idlib"),
        ("The Idlib governorate council met in the city.", "Idlib"),
        ("Clashes continued in the province of Idlib.", "Idlib"),
    ],
)
def test_province_words_give_the_first_level_division(text: str, word: str) -> None:
    m = at(gm.extract(text), word)
    assert m.place is not None
    assert (m.place.place_id, m.place.feature_code) == (IDLIB_ADM1, "ADM1")
    assert m.precision == 3  # ACLED: only the province is known


def test_northern_idlib_governorate_is_still_the_province() -> None:
    m = at(extracted("un_sitrep_en.txt"), "Idlib governorate")
    assert m.place is not None and m.place.place_id == IDLIB_ADM1
    assert "north" in m.qualifier.lower()
    assert m.precision == 3
    assert point(m)[0] > m.place.lat


def test_the_provinces_of_a_list() -> None:
    doc = gm.extract("Fighting in the provinces of Hama and Idlib intensified.")
    assert resolved_at(doc, "Hama").feature_code == "ADM1"
    assert resolved_at(doc, "Idlib").place_id == IDLIB_ADM1


def test_akkar_district_is_an_area_not_the_town_of_halba() -> None:
    doc = gm.extract("Fighting in Akkar district displaced families to Halba and Tripoli.")
    akkar = resolved_at(doc, "Akkar")
    assert akkar.place_id != HALBA
    assert akkar.country_code == "LB" and akkar.feature_code in ("ADM1", "ADM2")


# --------------------------------------------------------------------------- Arabic


def test_arabic_countryside_of_deir_ez_zor_east() -> None:
    doc = extracted("news_ar.txt")
    m = at(doc, "دير الزور")
    assert m.place is not None and m.place.place_id == DEIR_EZ_ZOR
    assert m.qualifier is not None and "ريف" in m.qualifier
    assert m.precision == 2
    assert point(m)[1] > m.place.lon  # الشرقي: the eastern part


@pytest.mark.parametrize("word, place_id", [("حلب", ALEPPO), ("حماة", HAMA), ("تدمر", TADMUR)])
def test_arabic_names_with_conjunction_prefix_resolve(word: str, place_id: str) -> None:
    # "مدينة حلب وحماة، وتدمر": the last two carry the conjunction و.
    assert resolved_at(extracted("news_ar.txt"), word).place_id == place_id


ARABIC_NEWS = (
    "شنت طائرات حربية غارات جوية على بلدة سراقب، ما أدى إلى مقتل خمسة مدنيين. "
    "ووقعت اشتباكات عنيفة في محيط مدينة الرقة وسط نزوح مئات العائلات."
)
# The same words with the article and after other verbs: "Russian warplanes launched raids".
ARABIC_NEWS_2 = "أفاد ناشطون بأن الطائرات الحربية الروسية شنت غارات على مدينة سراقب."


@pytest.mark.parametrize(
    "text, word",
    [
        (ARABIC_NEWS, "غارات"),  # raids
        (ARABIC_NEWS, "حربية"),  # military (war-)
        (ARABIC_NEWS, "جوية"),  # by air
        (ARABIC_NEWS, "مدنيين"),
        (ARABIC_NEWS, "عنيفة"),
        (ARABIC_NEWS, "العائلات"),
        (ARABIC_NEWS_2, "غارات"),
        (ARABIC_NEWS_2, "ناشطون"),  # activists
    ],
)
def test_ordinary_arabic_words_are_not_places(text: str, word: str) -> None:
    assert places_over(gm.extract(text), word) == []


def test_arabic_news_paragraph_still_finds_its_places() -> None:
    doc = gm.extract(ARABIC_NEWS)
    assert resolved_at(doc, "سراقب").place_id == SARAQIB
    raqqa = at(doc, "الرقة")
    assert raqqa.place is not None and raqqa.place.place_id == RAQQA
    assert raqqa.qualifier is not None and "محيط" in raqqa.qualifier


def test_arabic_span_stops_at_the_name() -> None:
    doc = gm.extract("شنت الطائرات 20 غارة على مدينة سراقب وبلدة كفرنبل في ريف إدلب.")
    assert at(doc, "سراقب").text == "سراقب"
    assert at(doc, "كفرنبل").place is not None


def test_arabic_dateline_is_a_place() -> None:
    doc = extracted("news_ar.txt")
    assert resolved_at(doc, "دمشق").place_id == "geonames:170654"


def test_arabic_governorate_word_gives_the_province() -> None:
    doc = gm.extract("اشتباكات في محافظة إدلب.")
    assert resolved_at(doc, "إدلب").place_id == IDLIB_ADM1


# --------------------------------------------------------------------------- Russian


@pytest.mark.parametrize(
    "text, places",
    [
        # Two big places in different countries, each an everyday word as well: neither is
        # a stray word for lying outside the other's country.
        (
            "خرج طلاب في القاهرة بمسيرة دعما لأهالي غزة",
            {"القاهرة": "geonames:360630", "غزة": "geonames:281133"},
        ),
        # "الخرطوم": the gazetteer writes Khartoum "خرطوم", without the article.
        (
            "سافر وفد من الخرطوم إلى موسكو",
            {"الخرطوم": "geonames:379252", "موسكو": "geonames:524901"},
        ),
        # Al Anbar has no Arabic name in the gazetteer: its main name is read instead.
        (
            "سقط قتلى في الأنبار واعتصم عمال في القاهرة",
            {"الأنبار": "geonames:99592", "القاهرة": "geonames:360630"},
        ),
    ],
)
def test_big_places_in_short_arabic_sentences_are_kept(text: str, places: dict) -> None:
    doc = gm.extract(text)
    assert {w: resolved_at(doc, w).place_id for w in places} == places


@pytest.mark.parametrize(
    "text",
    [
        "سقط ثلاثة جرحى في تدمر.",  # the only place of the sentence
        "قتل خمسة مدنيين في تدمر.",  # beside a word that reads as a Tunisian town
    ],
)
def test_a_notable_town_after_in_is_kept_in_a_short_arabic_sentence(text: str) -> None:
    # "تدمر" is also the verb "destroys"; after "في" it is the town, even when no other
    # Syrian place in the report vouches for it.
    assert resolved_at(gm.extract(text), "تدمر").place_id == TADMUR


def test_keeping_the_town_keeps_no_ordinary_word_beside_it() -> None:
    # "مدنيين" (civilians, read as Medenine) is still dropped when Tadmur is kept.
    assert places_over(gm.extract("قتل خمسة مدنيين في تدمر."), "مدنيين") == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("عادت الدوريات في الليل إلى حلب", "الليل"),  # the night, not Lille ("ليل")
        ("نهب المسلحون آثار تدمر", "آثار"),  # ruins, not Atar ("أطار"), though both read "atar"
        ("أغلقت البحرية الميناء قرب طرطوس", "الميناء"),  # the port, not Minna ("مينا")
        ("قصفت الطائرات ميناء اللاذقية", "ميناء"),
    ],
)
def test_arabic_words_that_spell_big_places_loosely_are_not_places(text: str, word: str) -> None:
    assert places_over(gm.extract(text), word) == []


@pytest.mark.parametrize("text", ["Силы ООН покинули Алеппо.", "В Хомсе собрались силы оппозиции."])
def test_russian_forces_are_not_sila_chad(text: str) -> None:
    # "Силы" (forces) opening a sentence read as Sila, a region of Chad.
    doc = gm.extract(text)
    assert [m.place.country_code for m in doc.places] == ["SY"]


def test_russian_in_the_area_of_palmyra() -> None:
    m = at(extracted("briefing_ru.txt"), "Пальмиры")
    assert m.place is not None and m.place.place_id == TADMUR
    assert m.qualifier is not None and "район" in m.qualifier
    assert m.precision == 2


@pytest.mark.parametrize(
    "word, place_id",
    [("Дейр-эз-Зора", DEIR_EZ_ZOR), ("Хмеймим", HMEIMIM), ("Алеппо", ALEPPO)],
)
def test_russian_inflected_names(word: str, place_id: str) -> None:
    assert resolved_at(extracted("briefing_ru.txt"), word).place_id == place_id


@pytest.mark.parametrize(
    "text, word, place_id",
    [
        ("В Дейр-эз-Зоре продолжаются бои.", "Дейр-эз-Зоре", DEIR_EZ_ZOR),
        ("Террористы обстреляли окрестности Идлиба.", "Идлиба", IDLIB),
        ("Колонна прибыла в Хомс.", "Хомс", HOMS),
    ],
)
def test_russian_case_forms(text: str, word: str, place_id: str) -> None:
    assert resolved_at(gm.extract(text), word).place_id == place_id


@pytest.mark.parametrize(
    "text, name, place_id",
    [
        ("Боевики обстреляли позиции в Восточной Гуте.", "Восточной Гуте", "gm:sy-rgn-eastern-ghouta"),
        ("Колонна вошла в Восточную Гуту.", "Восточную Гуту", "gm:sy-rgn-eastern-ghouta"),
        ("Делегация прибыла в Саудовскую Аравию.", "Саудовскую Аравию", "geonames:102358"),
        ("Совещание прошло в Нижнем Новгороде.", "Нижнем Новгороде", "geonames:520555"),
    ],
)  # fmt: skip
def test_russian_two_word_names_decline_their_adjective(
    text: str, name: str, place_id: str
) -> None:
    # The adjective opening the name is declined too: one mention for the whole name, not
    # "Восточной" alone and "Гуте" as some other place.
    m = at(gm.extract(text), name)
    assert m.text == name
    assert m.place is not None and m.place.place_id == place_id


def test_russian_pod_means_near() -> None:
    m = at(gm.extract("Под Алеппо продолжаются бои."), "Алеппо")
    assert m.place is not None and m.place.place_id == ALEPPO
    assert m.qualifier is not None and m.precision == 2


def test_russian_province_word_gives_the_province() -> None:
    doc = gm.extract("Удары нанесены в провинции Идлиб и в провинции Алеппо.")
    assert resolved_at(doc, "Идлиб").place_id == IDLIB_ADM1
    assert resolved_at(doc, "Алеппо").place_id == ALEPPO_ADM1


# --------------------------------------------------------------------------- disambiguation


def test_tripoli_among_libyan_towns_is_in_libya() -> None:
    doc = gm.extract(
        "Militias clashed in Tripoli, while strikes were reported in Gharyan and Sirte."
    )
    assert resolved_at(doc, "Tripoli").place_id == TRIPOLI_LY
    assert doc.focus[0] == "LY"


def test_tripoli_among_lebanese_places_is_in_lebanon() -> None:
    doc = gm.extract("Protesters gathered in Tripoli; the army deployed in Akkar and near Halba.")
    assert resolved_at(doc, "Tripoli").place_id == TRIPOLI_LB
    assert resolved_at(doc, "Halba").place_id == HALBA
    assert doc.focus[0] == "LB"


@pytest.mark.parametrize(
    "text, word, place_id",
    [
        ("Clashes erupted in Tripoli, Lebanon, on Monday.", "Tripoli", TRIPOLI_LB),
        ("Clashes erupted in Tripoli, Libya, on Monday.", "Tripoli", TRIPOLI_LY),
        # Al Khums in Libya is also written Homs; the country after the comma decides.
        ("Clashes broke out near Homs, Libya, on Friday.", "Homs", "geonames:2219905"),
    ],
)
def test_x_comma_country_is_read_inside_the_country(text: str, word: str, place_id: str) -> None:
    assert resolved_at(gm.extract(text), word).place_id == place_id


@pytest.mark.parametrize("country, place_id", [("LB", TRIPOLI_LB), ("LY", TRIPOLI_LY)])
def test_country_parameter_decides_a_bare_name(country: str, place_id: str) -> None:
    doc = gm.extract("Clashes in Tripoli.", country=country)
    assert resolved_at(doc, "Tripoli").place_id == place_id
    assert doc.focus == (country,)


def test_syrian_context_picks_syrian_ariha() -> None:
    doc = gm.extract("Airstrikes hit Ariha and Saraqib in the southern countryside of Idlib.")
    ariha = resolved_at(doc, "Ariha")
    assert ariha.country_code == "SY"
    assert km_between(ariha.lat, ariha.lon, 35.81, 36.61) < 5.0


def test_syrian_context_across_sentences_picks_syrian_ariha() -> None:
    doc = gm.extract(
        "Yesterday the ministry said 3 drones were shot down near Hmeimim. Separately, "
        "6 civilians were killed in an airstrike on Ariha on 4 January 2024."
    )
    assert resolved_at(doc, "Ariha").country_code == "SY"


@pytest.mark.xfail(
    strict=True,
    reason="'Al-Sukhnah' next to Palmyra resolves to As Sukhnah, Yemen (geonames:401672, "
    "confidence 0.52); the Syrian town (172425) 60 km from Palmyra is 2nd",
)
def test_sukhnah_next_to_palmyra_is_the_syrian_town() -> None:
    doc = gm.extract("Heavy shelling was reported in Palmyra and Al-Sukhnah.")
    assert resolved_at(doc, "Sukhnah").place_id == SUKHNAH_SY


# --------------------------------------------------------------------------- false hits


def test_months_titles_and_speakers_are_not_places() -> None:
    doc = gm.extract(
        "In March, President Assad said the army would retake the north. "
        "Mr Jones said the talks in Homs had failed."
    )
    assert [m.place.place_id for m in doc.places] == [HOMS]


def test_titled_person_who_shares_a_city_name_is_not_the_city() -> None:
    doc = gm.extract("Colonel Latakia briefed reporters. Mr Aleppo said nothing.")
    assert doc.places == []


def test_surname_after_title_and_first_name_is_not_a_place() -> None:
    doc = gm.extract("General Suheil al-Hassan visited troops in Hama.")
    assert places_over(doc, "Hassan") == []
    assert resolved_at(doc, "Hama").place_id == HAMA


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of Jabhat al-Nusra and Hayat Tahrir al-Sham withdrew from the front.",
        "Fighters of Ahrar al-Sham withdrew overnight.",
        "أعلنت هيئة تحرير الشام أن عناصرها صدوا هجوما.",
        "The Syrian Observatory for Human Rights reported the toll.",
        # The broadcaster is not the Jazira region of north-eastern Syria.
        "Footage aired by Al Jazeera showed the convoy.",
        "وقالت قناة الجزيرة إن القصف استمر.",
        "Телеканал Аль-Джазира показал кадры колонны.",
        # The movement is not Hamm in Germany, nor Hama.
        "A Hamas spokesman denied the claim.",
        "نفت حماس الاتهامات.",
        "Представитель ХАМАС опроверг заявление.",
        # Plural acronyms are not towns (NGOs was read as N'Gaous, Algeria).
        "Several NGOs and IEDs experts met on Monday.",
        # The Angolan movement is not Unity state (South Sudan) by its letters.
        "The army said it had captured two UNITA commanders.",
    ],
)
def test_organisation_names_do_not_produce_places(text: str) -> None:
    # "Sham" is an alias of Damascus; "Nusra" and "Syrian" collide with small towns.
    assert gm.extract(text).places == []


def test_organisations_do_not_hide_the_places_next_to_them() -> None:
    doc = gm.extract("Fighters of Hayat Tahrir al-Sham attacked positions near Hama.")
    assert [m.place.place_id for m in doc.places] == [HAMA]


def test_ministry_name_is_not_a_place() -> None:
    assert places_over(extracted("ministry_briefing_en.txt"), "Defence") == []


@pytest.mark.parametrize(
    "word",
    [
        "But",
        "She",
        "They",
        "Meanwhile",
        "Reinforcements",
        "Shelling",
        "Artillery",
        "Towns",
        "Dozens",
        "Camps",
    ],
)
def test_sentence_initial_common_words_are_not_places(word: str) -> None:
    doc = gm.extract(f"The convoy stopped. {word} were reported near Mosul on Tuesday.")
    assert places_over(doc, word) == []
    assert resolved_at(doc, "Mosul").place_id == MOSUL


def test_nationality_adjectives_are_not_countries() -> None:
    en = gm.extract("Israeli jets struck targets near Tyre.")
    ar = gm.extract("شنت الطائرات الحربية الروسية غارات على مدينة سراقب.")
    assert places_over(en, "Israeli") == []
    assert places_over(ar, "الروسية") == []


def test_title_case_headline_span_is_just_the_name() -> None:
    doc = gm.extract("Heavy Fighting Erupts In Northern Aleppo As Government Troops Advance")
    assert at(doc, "Aleppo").text == "Aleppo"


def test_name_with_separate_article_keeps_article_and_qualifier() -> None:
    m = at(gm.extract("Intense shelling hit the outskirts of Ar Raqqah."), "Raqqah")
    assert m.text == "Ar Raqqah"
    assert m.place is not None and m.place.place_id == RAQQA
    assert m.qualifier is not None and "outskirts" in m.qualifier


@pytest.mark.parametrize(
    "name",
    [n for n in REPORT_FILES],
)
def test_syria_reports_put_no_dot_outside_syria(name: str) -> None:
    doc = extracted(name)
    outside = [(m.text, m.place.name, m.place.country_code) for m in doc.places]
    assert [o for o in outside if o[2] != "SY"] == []
    assert len(outside) >= 3


# ------------------------------------------------------------- mentions fail on their own


def test_unknown_name_in_a_list_does_not_break_the_others() -> None:
    text = "Government forces shelled Aleppo, Qwertzuiopville and Homs overnight."
    doc = gm.extract(text)
    assert resolved_at(doc, "Aleppo").place_id == ALEPPO
    assert resolved_at(doc, "Homs").place_id == HOMS
    assert places_over(doc, "Qwertzuiopville") == []


@pytest.mark.parametrize("name", REPORT_FILES)
def test_confidence_and_resolved_fields(name: str) -> None:
    for m in extracted(name).mentions:
        assert 0.0 <= m.confidence <= 1.0
        if m.place is None:
            assert (m.lat, m.lon, m.precision) == (None, None, None)
        else:
            assert m.place == m.candidates[0]
            assert m.confidence >= gm.extraction.MIN_CONFIDENCE
            assert m.precision in (1, 2, 3)
            assert -90 <= m.lat <= 90 and -180 <= m.lon <= 180


def test_high_min_confidence_drops_weak_mentions_but_keeps_their_candidates() -> None:
    text = report("news_wire_en.txt")
    loose = gm.extract(text)
    strict = gm.extract(text, min_confidence=0.9)
    assert [(m.start, m.end) for m in strict.mentions] == [(m.start, m.end) for m in loose.mentions]
    dropped = 0
    for lo, hi in zip(loose.mentions, strict.mentions, strict=True):
        assert hi.confidence == lo.confidence
        assert hi.candidates == lo.candidates
        if hi.confidence < 0.9:
            assert hi.place is None and hi.candidates
            dropped += lo.place is not None
        else:
            assert hi.place == lo.place
    assert dropped >= 1  # the text has weak readings (e.g. "Palmyra" in passing)


def test_min_confidence_zero_and_one() -> None:
    text = "Clashes in Tripoli and near Homs."
    assert all(m.place is None for m in gm.extract(text, min_confidence=1.0).mentions)
    keep_all = gm.extract(text, min_confidence=0.0)
    assert all(m.place is not None for m in keep_all.mentions if m.candidates)


# --------------------------------------------------------------------------- activity


def test_list_of_places_shares_the_sortie_and_its_counts() -> None:
    doc = extracted("ministry_briefing_en.txt")
    for word in ("Tadmur", "Deir ez-Zor", "Itria", "Aleppo"):
        act = at(doc, word).activity
        assert act.event_type == "sortie", word
        assert gm.Count(12, "sorties") in act.counts
        assert gm.Count(24, "targets") in act.counts


@pytest.mark.parametrize(
    "file, word, event",
    [
        ("monitoring_update_en.txt", "Kafranbel", "clashes"),
        ("monitoring_update_en.txt", "Saraqib", "shelling"),
        ("monitoring_update_en.txt", "Binnish", "shelling"),
        ("monitoring_update_en.txt", "Aleppo", "airstrike"),
        ("ministry_briefing_en.txt", "Idlib", "shelling"),
        ("un_sitrep_en.txt", "Afrin", "displacement"),
        ("un_sitrep_en.txt", "Azaz", "displacement"),
        ("news_ar.txt", "دير الزور", "airstrike"),
        ("news_ar.txt", "حماة", "shelling"),
        ("briefing_ru.txt", "Пальмиры", "sortie"),
        ("briefing_ru.txt", "Алеппо", "shelling"),
    ],
)
def test_event_type_of_the_mentions_sentence(file: str, word: str, event: str) -> None:
    assert at(extracted(file), word).activity.event_type == event


def test_two_clauses_keep_their_own_events() -> None:
    doc = gm.extract("Aircraft struck Idlib and Saraqib, while clashes continued in Hama and Homs.")
    assert [at(doc, w).activity.event_type for w in ("Idlib", "Saraqib", "Hama", "Homs")] == [
        "airstrike",
        "airstrike",
        "clashes",
        "clashes",
    ]


def test_counts_are_tied_to_their_sentence() -> None:
    doc = extracted("un_sitrep_en.txt")
    assert gm.Count(2300, "people") in at(doc, "Afrin").activity.counts
    assert gm.Count(600, "families") in at(doc, "Jisr al-Shughur").activity.counts
    assert gm.Count(2300, "people") not in at(doc, "Jisr al-Shughur").activity.counts
    ru = at(extracted("briefing_ru.txt"), "Пальмиры").activity
    assert [c.value for c in ru.counts] == [20]


def test_document_date_from_the_text() -> None:
    assert extracted("ministry_briefing_en.txt").date == dt.date(2023, 11, 12)
    assert extracted("briefing_ru.txt").date == dt.date(2023, 11, 12)
    un = extracted("un_sitrep_en.txt")
    assert un.date == dt.date(2024, 6, 5)
    # A sentence without a date of its own takes the report's.
    assert at(un, "Jisr al-Shughur").activity.date == dt.date(2024, 6, 5)


def test_sarmada_is_known() -> None:
    # Sarmada (the IDP hub near Bab al-Hawa) is a curated row: GeoNames' cities500 lacks it.
    place = resolved_at(extracted("un_sitrep_en.txt"), "Sarmada")
    assert place.country_code == "SY"
    assert km_between(place.lat, place.lon, 36.18, 36.72) < 5.0


def test_date_parameter_is_used_where_the_text_states_none() -> None:
    report_date = dt.date(2024, 2, 1)
    doc = gm.extract(report("news_ar.txt"), date=report_date)
    assert doc.date == report_date
    assert {m.activity.date for m in doc.mentions} == {report_date}


def test_a_sentence_date_beats_the_report_date() -> None:
    text = "Shells fell on Homs. Aid reached Latakia on 2 February 2024."
    doc = gm.extract(text, date=dt.date(2024, 2, 5))
    assert at(doc, "Homs").activity.date == dt.date(2024, 2, 5)
    assert resolved_at(doc, "Latakia").place_id == LATAKIA
    assert at(doc, "Latakia").activity.date == dt.date(2024, 2, 2)


# --------------------------------------------------------------------------- invariants


INLINE_TEXTS = [
    "Clashes erupted in Tripoli, Lebanon, on Monday.",
    "В Дейр-эз-Зоре и под Алеппо продолжаются бои.",
    "قصفت قوات النظام مدينة حلب وحماة، وتدمر بالمدفعية الثقيلة.",
    "Strikes hit Idlib.\n\nStrikes hit Idlib again,\tnear Saraqib.",
]


@pytest.mark.parametrize("text", [*(report(n) for n in REPORT_FILES), *INLINE_TEXTS])
def test_offsets_order_and_document_fields(text: str) -> None:
    doc = gm.extract(text, doc_id="r-1")
    assert doc.doc_id == "r-1" and doc.text == text and doc.error is None
    assert doc.mentions, "every test text names a place"
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    for a, b in zip(doc.mentions, doc.mentions[1:], strict=False):
        assert a.end <= b.start  # no overlapping spans


def test_same_text_gives_the_same_document() -> None:
    text = report("monitoring_update_en.txt") + "\n" + report("news_ar.txt")
    assert gm.extract(text).to_dict() == gm.extract(text).to_dict()


def test_a_mention_does_not_depend_on_text_far_away_in_another_language() -> None:
    # Same places once alone and once after an unrelated Russian paragraph.
    alone = gm.extract(report("ministry_briefing_en.txt"))
    joined = gm.extract(report("briefing_ru.txt") + "\n" + report("ministry_briefing_en.txt"))
    ids = [m.place.place_id for m in alone.places]
    shift = len(report("briefing_ru.txt")) + 1
    later = [m.place.place_id for m in joined.places if m.start >= shift]
    assert later == ids


# --------------------------------------------------------------------------- bad input


def test_none_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        gm.extract(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [42, ["Aleppo"], 3.5])
def test_non_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        gm.extract(bad)  # type: ignore[arg-type]


def test_invalid_utf8_bytes_are_a_value_error() -> None:
    with pytest.raises(ValueError, match="UTF-8"):
        gm.extract(b"Shelling in \xff\xfe Aleppo")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n", "\u00a0\u2003"])
def test_empty_or_blank_text_has_no_mentions(text: str) -> None:
    doc = gm.extract(text)
    assert doc.mentions == [] and doc.places == []


def test_bad_options_are_rejected() -> None:
    with pytest.raises(ValueError):
        gm.extract("Clashes in Homs.", min_confidence=1.5)
    with pytest.raises(ValueError):
        gm.extract("Clashes in Homs.", min_confidence=-0.1)
    with pytest.raises(TypeError):
        gm.extract("Clashes in Homs.", date="2024-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "word", "place_id"),
    [
        ("Thirty aid trucks entered Idlib through Bab al-Hawa on Tuesday.", "Bab al-Hawa",
         "gm:sy-pstb-bab-al-hawa"),
        ("دخلت 30 شاحنة مساعدات عبر معبر باب الهوى إلى إدلب.", "باب الهوى",
         "gm:sy-pstb-bab-al-hawa"),
        ("Грузовики прошли через КПП Баб-эль-Хава в Идлиб.", "КПП Баб-эль-Хава",
         "gm:sy-pstb-bab-al-hawa"),
        # "crossing" belongs to the name: the point is the crossing, not the town beside it.
        ("Aid trucks went through the Rafah crossing on Monday.", "Rafah crossing",
         "gm:ps-pstb-rafah-crossing"),
    ],
)  # fmt: skip
def test_border_crossings_are_the_crossing(text: str, word: str, place_id: str) -> None:
    place = resolved_at(gm.extract(text), word)
    assert place.place_id == place_id and place.feature_code == "PSTB"


def test_the_word_for_crossing_is_not_a_town() -> None:
    # "ومعبر" ("and the crossing of") once read as Ma'bar, a town in Yemen.
    doc = gm.extract("أغلقت السلطات معبر باب الهوى ومعبر باب السلامة أمام الشاحنات.")
    assert all(m.place is None or m.place.country_code == "SY" for m in doc.mentions)
    assert {m.place.place_id for m in doc.places} == {
        "gm:sy-pstb-bab-al-hawa",
        "gm:sy-pstb-bab-al-salameh",
    }


def test_a_direction_inside_a_longer_word_is_no_qualifier() -> None:
    # "midwest" holds "west", but a qualifier starts where a word starts.
    doc = gm.extract("Supporters gathered at a midwest Tulsa rally.")
    assert at(doc, "Tulsa").qualifier is None
    doc = gm.extract("Shelling hit north-western Idlib on Sunday.")
    assert at(doc, "Idlib").qualifier == "north-western"


def test_wire_style_state_abbreviations_are_states_and_place_the_town() -> None:
    doc = gm.extract("Flooding closed roads in Charleston, W.Va., and in Athens, Ga., on Monday.")
    assert resolved_at(doc, "W.Va.").name == "West Virginia"
    assert resolved_at(doc, "Ga.").feature_code == "ADM1"
    # "Athens, Ga." is the town in Georgia, not the Greek capital.
    athens = resolved_at(doc, "Athens")
    assert (athens.country_code, athens.admin1) == ("US", "Georgia")


def test_state_abbreviations_need_a_town_before_them() -> None:
    # "Miss." is a title and "Ill." a word unless they follow "Town, ".
    doc = gm.extract("Miss. Ellery said the Ill. feeling passed.")
    assert doc.places == []
    doc = gm.extract("Officials in Washington, D.C. met on Friday.")
    assert resolved_at(doc, "D.C.").name == "District of Columbia"


@pytest.mark.parametrize(
    "text, abbreviation, country",
    [
        ("US troops pulled back from the base on Sunday.", "US", "US"),
        ("Talks between the UK and the UAE resumed.", "UK", "GB"),
        ("Talks between the UK and the UAE resumed.", "UAE", "AE"),
        ("The DPRK fired two missiles.", "DPRK", "KP"),
    ],
)
def test_country_abbreviations_are_the_countries(
    text: str, abbreviation: str, country: str
) -> None:
    # "US" once went to Osh, Kyrgyzstan, whose old name is Us.
    place = resolved_at(gm.extract(text), abbreviation)
    assert (place.country_code, place.feature_code) == (country, "PCLI")


def test_a_capitalised_word_after_a_town_once_does_not_make_it_a_person_throughout() -> None:
    # "Marion Public Library" reads like "Brian Lane" there, but the later "in Marion" is the
    # town: only a title, "said" or a first name before it carries over to the other uses.
    text = (
        "Marion Public Library closes early on Friday. Storms flooded several roads in Marion "
        "overnight, and crews cleared them by noon."
    )
    doc = gm.extract(text)
    later = [m for m in doc.mentions if m.start > text.index("roads")]
    assert [m.text for m in later] == ["Marion"]
    # Which of the many US towns called Marion is unknowable from this text: the candidates
    # are all American, and the calibrated confidence says the pick is a guess.
    assert {c.country_code for c in later[0].candidates} == {"US"}
    assert later[0].confidence < 0.5


def test_a_title_makes_the_name_a_person_throughout() -> None:
    # "Senator Lincoln" once: the later bare "Lincoln" is the senator, not Lincoln, Nebraska.
    doc = gm.extract(
        "Senator Lincoln opened the hearing on Syria. Lincoln later flew to Damascus and Aleppo."
    )
    assert places_over(doc, "Lincoln") == []
    assert [m.text for m in doc.places] == ["Syria", "Damascus", "Aleppo"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("An Alexandria grand jury indicted the driver on Monday.", "Alexandria"),
        ("At Aleppo, the convoy stopped for the night.", "Aleppo"),
        ("As Sukhnah fell after two days of fighting.", "As Sukhnah"),  # a real article
        ("Shelling hit Ar Raqqah and An Nabk.", "An Nabk"),
    ],
)
def test_an_english_word_is_not_read_as_an_arabic_article(text: str, name: str) -> None:
    # "An", "At", "As" are Arabic articles only before a word they assimilate to (An Nabk).
    assert name in [m.text for m in gm.extract(text).places]


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Flights to St. Petersburg resumed on Monday.", "St. Petersburg", "RU"),
        ("Storms hit St. Louis overnight.", "St. Louis", "US"),
        ("The convoy reached Ft. Worth before dawn.", "Ft. Worth", "US"),
    ],
)
def test_abbreviated_saint_fort_mount_stay_in_the_name(text: str, name: str, country: str) -> None:
    assert resolved_at(gm.extract(text), name).country_code == country


@pytest.mark.parametrize("title", ["Rep.", "Sen.", "Gov.", "Gen."])
def test_an_abbreviated_title_is_not_a_place(title: str) -> None:
    # "Rep." once resolved to a Portland alias.
    doc = gm.extract(f"{title} Torrey Westrom said the bill failed in committee.")
    assert doc.places == []


@pytest.mark.parametrize("word", ["Georgian", "Lebanese", "Kurdish", "Syrian"])
def test_a_nationality_word_is_not_the_place_it_folds_onto(word: str) -> None:
    # "Georgian" folds onto Gyurgyan, Azerbaijan: a wrong dot is worse than none.
    doc = gm.extract(f"{word} officials met the envoy in Tbilisi on Monday.")
    assert places_over(doc, word) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Lists, not "X inside Y": China was read inside India (Chennai), Iowa inside Kansas.
        ("Factories in China, India and Vietnam cut output in March.", ["CN", "IN", "VN"]),
        ("Farmers in Iowa, Kansas and Nebraska sold less grain.", ["Iowa", "Kansas", "Nebraska"]),
    ],
)
def test_comma_lists_of_countries_and_states_stay_lists(text: str, expected: list[str]) -> None:
    places = [m.place for m in gm.extract(text).places]
    got = [p.country_code if p.feature_code.startswith("PCL") else p.name for p in places]
    assert got == expected


def test_comma_still_puts_a_town_inside_its_state() -> None:
    doc = gm.extract("Protesters gathered in Washington, D.C., on Sunday.")
    assert resolved_at(doc, "Washington").feature_code == "PPLC"


def test_a_country_spelled_out_beats_places_that_only_fold_onto_it() -> None:
    # "China" folds onto Cheyenne's alias and Chennai; in a report about US states those
    # nearly won on the document's focus.
    doc = gm.extract("Officials in Texas, Ohio and Iowa said soybean exports to China fell again.")
    china = at(doc, "China")
    assert china.place is not None and china.place.feature_code == "PCLI"
    folded = [c for c in china.candidates[1:] if c.matched_name.casefold() != "china"]
    assert folded and all("only after folding" in c.why for c in folded)


def test_an_everyday_arabic_verb_is_not_a_clitic_and_a_place() -> None:
    # "وصلت" is "arrived", not "و" ("and") + a spelling of As Salt; a clitic on a rarer
    # word is still split off ("وحمص": and Homs).
    doc = gm.extract("وصلت القوات إلى المدينة صباح الاثنين.")
    assert [m.place.name for m in doc.mentions if m.place] == []
    doc = gm.extract("وصلت قافلة المساعدات إلى حلب وحمص صباح الاثنين.")
    assert [(m.text, m.place.name) for m in doc.mentions if m.place] == [
        ("حلب", "Aleppo"),
        ("وحمص", "Homs"),
    ]


def test_the_latitude_bound_decides_same_spot_as_the_distance_does() -> None:
    import random
    from types import SimpleNamespace

    from geomentions.extraction import _same_spot
    from geomentions.geo import haversine_km

    rng = random.Random(12)
    # A place and others around it, many near the 25 km (or radius) edge, some far.
    for _ in range(20_000):
        lat, lon = rng.uniform(-89, 89), rng.uniform(-180, 180)
        top = SimpleNamespace(lat=lat, lon=lon, radius_km=rng.choice([0.0, 10.0, 40.0]))
        d = rng.choice([0.25, 0.3, 1.0, 30.0])
        c = SimpleNamespace(
            lat=max(-90.0, min(90.0, lat + rng.uniform(-d, d))),
            lon=lon + rng.uniform(-d, d),
            radius_km=rng.choice([0.0, 5.0, 30.0]),
        )
        limit = max(25.0, top.radius_km, c.radius_km)
        assert _same_spot(top, c) == (haversine_km(lat, lon, c.lat, c.lon) <= limit)
