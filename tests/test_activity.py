"""Tests for ``geomentions.activity``: sentences, dates and the activity tied to a mention.

All report texts below were written for these tests; they imitate the styles users read
(defence-ministry briefing, monitoring-group update, news wire, UN situation report) but
describe no real events.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomentions.activity import activity_for, find_date, sentence_spans
from geomentions.model import EVENT_TYPES, Activity, Count


def act(text: str, place: str, nth: int = 0, **kwargs) -> Activity:
    """Activity for the ``nth`` occurrence of ``place`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(place, start + 1)
    return activity_for(text, start, start + len(place), **kwargs)


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, trimmed, and hold every non-space character."""
    covered = 0
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert text[prev_end:s].strip() == ""
        covered += e - s
        prev_end = e
    assert text[prev_end:].strip() == ""
    assert covered >= len("".join(text.split()))


# ----------------------------------------------------------------------------- sentences


def test_sentences_english_abbreviations_and_numbers() -> None:
    text = (
        "The U.S. military said drone No. 4 crashed 3.5 km. north of the base. "
        "Lt. Col. J. Harper confirmed it! Was anyone hurt? Nobody was."
    )
    assert sentences(text) == [
        "The U.S. military said drone No. 4 crashed 3.5 km. north of the base.",
        "Lt. Col. J. Harper confirmed it!",
        "Was anyone hurt?",
        "Nobody was.",
    ]


def test_sentences_abbreviation_before_capital_or_number() -> None:
    # "km." may end a sentence before a capital; "No." never does, a list number neither.
    assert sentences("The convoy stopped after 12 km. Shelling resumed.") == [
        "The convoy stopped after 12 km.",
        "Shelling resumed.",
    ]
    assert sentences("1. Jets struck a depot.\n2. Mortars hit a school.") == [
        "1. Jets struck a depot.",
        "2. Mortars hit a school.",
    ]


def test_sentences_arabic_and_russian() -> None:
    ar = "هل استهدفت الغارات المستشفى؟ نعم، وفق مصادر محلية. وتواصل القصف ليلاً!"
    assert sentences(ar) == [
        "هل استهدفت الغارات المستشفى؟",
        "نعم، وفق مصادر محلية.",
        "وتواصل القصف ليلاً!",
    ]
    ru = "В 2019 г. в г. Хаме т.е. в центре было тихо. Об этом сообщил ген. В. Петров. Всё."
    assert sentences(ru) == [
        "В 2019 г. в г. Хаме т.е. в центре было тихо.",
        "Об этом сообщил ген. В. Петров.",
        "Всё.",
    ]


def test_sentences_lines_paragraphs_and_tables() -> None:
    text = (
        "DAILY UPDATE\n"
        "3 June 2021\n\n"
        "Shelling hit two villages\n"
        "near the front line. A second paragraph\n\n"
        "starts here after a blank line.\n"
        "- Camp A ................ 1,200 people\n"
        "- Camp B ................ 950 people\n"
    )
    assert sentences(text) == [
        "DAILY UPDATE",
        "3 June 2021",
        "Shelling hit two villages\nnear the front line.",
        "A second paragraph",
        "starts here after a blank line.",
        "- Camp A ................ 1,200 people",
        "- Camp B ................ 950 people",
    ]


def test_sentences_hard_wrapped_lines_join() -> None:
    text = (
        "Aircraft of the coalition carried out four strikes on positions held by the\n"
        "Islamic State near the town overnight, officials said.\n"
        "Short title\n"
        "Next line"
    )
    assert sentences(text) == [
        "Aircraft of the coalition carried out four strikes on positions held by the\n"
        "Islamic State near the town overnight, officials said.",
        "Short title",
        "Next line",
    ]


def test_sentences_edge_cases() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t ") == []
    assert sentences("  Only one  ") == ["Only one"]
    assert sentences('He said: "They fled." Then silence…  End') == [
        'He said: "They fled."',
        "Then silence…",
        "End",
    ]
    with pytest.raises(TypeError):
        sentence_spans(b"bytes are not text")  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z.!?؟…\n\t,\"')3ق ")), max_size=200))
def test_sentence_spans_invariants(text: str) -> None:
    check_spans(text, sentence_spans(text))


def test_five_megabytes_of_noise_returns() -> None:
    """No pathological regex: noise, long runs and one huge 'sentence' all finish."""
    rnd = random.Random(7)
    block = "".join(rnd.choices(".!?؟…  \n\t,;:-()\"'aZ19يد/.%", k=100_000))
    noise = (
        block * 46 + "." * 200_000 + " " * 100_000 + "1" * 50_000 + "\n" * 50_000 + "2016 " * 10_000
    )
    assert len(noise) > 5_000_000
    spans = sentence_spans(noise)
    check_spans(noise[:300_000], sentence_spans(noise[:300_000]))
    assert spans
    find_date(noise)
    a = activity_for(noise, 10, 11, sentences=spans)
    assert a.event_type in EVENT_TYPES
    # A "sentence" without any punctuation is cut to a window around the mention.
    flat = "word " * 1_000_000
    a = activity_for(flat, 2_500_000, 2_500_004)
    assert 0 < len(a.sentence) <= 2000


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Issued 24 March 2016 by the ministry", dt.date(2016, 3, 24)),
        ("on the 5th of June, 2019", dt.date(2019, 6, 5)),
        ("On March 24, 2016, jets struck", dt.date(2016, 3, 24)),
        ("Sept. 3 2015 update", dt.date(2015, 9, 3)),
        ("report 2017-05-30 (final)", dt.date(2017, 5, 30)),
        ("data as of 07/04/2019", dt.date(2019, 4, 7)),
        ("Брифинг 24.03.2016", dt.date(2016, 3, 24)),
        ("Брифинг от 24 марта 2016 года", dt.date(2016, 3, 24)),
        ("1 мая 2018 г. в районе", dt.date(2018, 5, 1)),
        ("сводка за 3 декабря 2020", dt.date(2020, 12, 3)),
        ("الخميس 24 آذار 2016", dt.date(2016, 3, 24)),
        ("الخميس 24 مارس 2016", dt.date(2016, 3, 24)),
        ("يوم ٢٤ آذار/مارس ٢٠١٦", dt.date(2016, 3, 24)),
        ("في 9 تشرين الأول 2019", dt.date(2019, 10, 9)),
        ("في 3 كانون الثاني من عام 2020", dt.date(2020, 1, 3)),
        ("بتاريخ 15 أغسطس 2021", dt.date(2021, 8, 15)),
    ],
)
def test_find_date_forms(text: str, expected: dt.date) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no date here",
        "in 2016 the war went on",
        "March 2016 and May 24",
        "31 February 2016",
        "29 February 2015",
        "13/13/2016",
        "03/24/2016",  # month-first is not read: day 3, month 24 does not exist
        "version 1.24.03.2016",
        "12 марта",
        "24 آذار",
    ],
)
def test_find_date_none(text: str) -> None:
    assert find_date(text) is None


def test_find_date_takes_first_valid_date_in_text_order() -> None:
    assert find_date("30 February 2016 was invalid; then 2 March 2016, then 2016-01-01") == (
        dt.date(2016, 3, 2)
    )
    assert find_date("March 4, 2017 and 1 January 2017") == dt.date(2017, 3, 4)
    assert find_date("29 February 2016") == dt.date(2016, 2, 29)  # a leap year


def test_find_date_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        find_date(None)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- briefings

MOD_EN = (
    "Over the past day, aircraft of the Russian Aerospace Forces carried out 18 sorties "
    "against 41 targets in the areas of Salma, Kinsabba and Rabia."
)


def test_ministry_briefing_english_sorties() -> None:
    for place in ("Salma", "Kinsabba", "Rabia"):
        a = act(MOD_EN, place)
        assert a.event_type == "sortie"
        assert a.counts == (Count(18, "sorties"), Count(41, "targets"))
        assert a.actors == ("Russian Aerospace Forces",)
        assert a.sentence == MOD_EN


def test_ministry_briefing_russian_sorties() -> None:
    text = (
        "За прошедшие сутки самолёты ВКС России выполнили 18 боевых вылетов, поражены "
        "41 объект в районах населённых пунктов Сальма, Кинсабба и Рабиа."
    )
    a = act(text, "Рабиа")
    assert a.event_type == "sortie"
    assert a.counts == (Count(18, "боевых вылетов"), Count(41, "объект"))
    assert a.actors == ("Russian Aerospace Forces",)


def test_ministry_briefing_arabic_sorties() -> None:
    text = "نفذت طائرات التحالف الدولي ١٢ طلعة جوية استهدفت 30 هدفاً لتنظيم داعش قرب الطبقة."
    a = act(text, "الطبقة")
    assert a.event_type == "sortie"
    assert a.counts == (Count(12, "طلعة"), Count(30, "هدفاً"))
    assert a.actors == ("US-led coalition", "Islamic State")


def test_sortie_wins_only_when_sorties_are_counted() -> None:
    text = "Russian jets flew sorties over the region and struck depots in Ariha."
    assert act(text, "Ariha").event_type == "airstrike"
    text = "Russian jets flew 14 sorties over the region and struck depots in Ariha."
    assert act(text, "Ariha").event_type == "sortie"


def test_generic_strike_words_read_with_aircraft() -> None:
    en = "In the area of Maadan, aircraft struck 7 targets, among them 2 depots."
    a = act(en, "Maadan")
    assert a.event_type == "airstrike"
    assert a.counts == (Count(7, "targets"), Count(2, "depots"))
    # Bare قصف is bombardment of any kind: aircraft make it an airstrike, else shelling.
    air = "قصفت الطائرات الروسية بلدة التمانعة، ما أدى إلى مقتل ثلاثة مدنيين."
    a = act(air, "التمانعة")
    assert (a.event_type, a.counts, a.actors) == (
        "airstrike",
        (Count(3, "مدنيين"),),
        ("Russian Aerospace Forces",),
    )
    ground = "قصفت قوات النظام بلدة التمانعة صباح اليوم."
    a = act(ground, "التمانعة")
    assert (a.event_type, a.actors) == ("shelling", ("Syrian government forces",))
    ru = "Российская авиация нанесла удары по 9 объектам у Кафр-Зиты."
    assert act(ru, "Кафр-Зиты").event_type == "airstrike"


# ----------------------------------------------------------------------------- event types


@pytest.mark.parametrize(
    "text, place, expected",
    [
        ("Turkish artillery shelled villages around Tal Tamr overnight.", "Tal Tamr", "shelling"),
        ("Mortar rounds landed in the old quarter of Daraa.", "Daraa", "shelling"),
        ("Heavy fighting raged on the outskirts of Marea.", "Marea", "clashes"),
        ("An IED exploded next to a patrol near Busra.", "Busra", "explosion"),
        ("A car bomb struck a checkpoint at the entrance of Azaz.", "Azaz", "explosion"),
        ("Thousands of families fled Saraqib towards the north.", "Saraqib", "displacement"),
        ("Hundreds of demonstrators gathered in Sweida.", "Sweida", "protest"),
        ("Warplanes carried out air raids on Khan Tuman.", "Khan Tuman", "airstrike"),
        ("Two drones attacked the airfield near Tiyas.", "Tiyas", "airstrike"),
        ("Officials visited a school in Salamiyah.", "Salamiyah", "other"),
        ("Gunmen attacked a checkpoint outside Jasim.", "Jasim", "other"),
        ("Commercial flights resumed at the airport of Qamishli.", "Qamishli", "other"),
        ("شنت الطائرات الحربية خمس غارات على مدينة أريحا.", "أريحا", "airstrike"),
        ("سقطت قذائف هاون على حي المشارقة.", "المشارقة", "shelling"),
        ("اندلعت اشتباكات عنيفة في محيط بلدة الزيارة.", "الزيارة", "clashes"),
        ("انفجرت عبوة ناسفة بسيارة عسكرية قرب الصنمين.", "الصنمين", "explosion"),
        ("تتواصل حركة نزوح المدنيين من مدينة سراقب.", "سراقب", "displacement"),
        ("خرجت مظاهرة في ساحة الكرامة بمدينة السويداء.", "السويداء", "protest"),
        ("Артиллерия обстреляла окраины Горловки.", "Горловки", "shelling"),
        ("Ожесточённые бои продолжаются у Марьинки.", "Марьинки", "clashes"),
        ("В центре Донецка прогремел взрыв.", "Донецка", "explosion"),
        ("В Ростов прибыли беженцы из Мариуполя.", "Ростов", "displacement"),
        ("В Хабаровске прошёл митинг в поддержку губернатора.", "Хабаровске", "protest"),
        ("Российская авиация нанесла авиаудар по Часову Яру.", "Часову Яру", "airstrike"),
    ],
)
def test_event_types_by_language(text: str, place: str, expected: str) -> None:
    assert act(text, place).event_type == expected


def test_list_of_places_shares_the_event_of_its_clause() -> None:
    text = "Airstrikes hit Kafr Nabl, Hass, and Kafr Sajna, and shelling was reported in Ariha."
    assert [act(text, p).event_type for p in ("Kafr Nabl", "Hass", "Kafr Sajna")] == [
        "airstrike"
    ] * 3
    assert act(text, "Ariha").event_type == "shelling"


def test_clauses_keep_their_own_events() -> None:
    text = (
        "Clashes continued in Jobar, while in Douma, Harasta and Arbin, regime helicopters "
        "dropped barrel bombs that killed 6 civilians."
    )
    assert act(text, "Jobar").event_type == "clashes"
    for place in ("Douma", "Harasta", "Arbin"):
        assert act(text, place).event_type == "airstrike"
    ar = "شنت طائرات روسية غارات على سراقب، فيما دارت اشتباكات في ريف حماة."
    assert act(ar, "سراقب").event_type == "airstrike"
    assert act(ar, "حماة").event_type == "clashes"
    ru = "Бои шли у Авдеевки, а беспилотники атаковали Донецк."
    assert act(ru, "Авдеевки").event_type == "clashes"
    assert act(ru, "Донецк").event_type == "airstrike"


def test_nearest_trigger_wins_within_a_clause() -> None:
    text = "Residents fled Kafr Zita after barrel bombs fell on Latamneh."
    assert act(text, "Kafr Zita").event_type == "displacement"
    assert act(text, "Latamneh").event_type == "airstrike"


# ----------------------------------------------------------------------------- counts


def test_counts_monitor_update_style() -> None:
    text = (
        "The group documented two civilians killed and a dozen wounded in Ain Tarma, and "
        "dozens of families leaving, as 2,300 people remain in 4 shelters."
    )
    assert act(text, "Ain Tarma").counts == (
        Count(2, "civilians"),
        Count(12, "wounded"),
        Count(24, "families"),
        Count(2300, "people"),
        Count(4, "shelters"),
    )


def test_counts_ignore_years_dates_times_and_distances() -> None:
    text = (
        "On 12 May 2019 at 10:30, in 2019's worst attack, shelling 15 km from Qalaat "
        "al-Madiq over 48 hours wounded 3 children, report No. 7 said on March 14."
    )
    assert act(text, "Qalaat").counts == (Count(3, "children"),)


def test_counts_take_modifiers_and_multipliers() -> None:
    text = "The strikes hit 24 terrorist targets and two Syrian army officers near Tadef."
    assert act(text, "Tadef").counts == (
        Count(24, "terrorist targets"),
        Count(2, "syrian army officers"),
    )
    ar = "نزح أكثر من 50 ألف شخص وثلاثة عشر عائلة من معرة النعمان خلال ٣ أيام."
    assert act(ar, "معرة النعمان").counts == (Count(50_000, "شخص"), Count(13, "عائلة"))
    ru = "Более 2 тыс. беженцев и пять семей прибыли в Ростов за 3 суток, в 10 км от границы."
    assert act(ru, "Ростов").counts == (Count(2000, "беженцев"), Count(5, "семей"))


def test_counts_arabic_number_words_and_digits() -> None:
    text = "شنت الطائرات خمس غارات و١٤ ضربة على بلدة كفرنبل."
    assert act(text, "كفرنبل").counts == (Count(5, "غارات"), Count(14, "ضربة"))


# ----------------------------------------------------------------------------- actors


def test_actors_canonical_deduplicated_in_text_order() -> None:
    text = (
        "SDF fighters and coalition jets pushed ISIS out of Hajin; Daesh later shelled the "
        "Syrian Democratic Forces, and Turkish-backed factions held Afrin."
    )
    assert act(text, "Hajin").actors == ("Syrian Democratic Forces", "coalition", "Islamic State")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Syrian Arab Army units and HTS fighters clashed near Kafr Nabudah.",
            ("Syrian government forces", "Hayat Tahrir al-Sham"),
        ),
        ("Regime forces advanced on Latamneh.", ("Syrian government forces",)),
        ("Pro-government forces entered the town.", ("government forces",)),
        ("The anti-ISIS coalition struck Baghuz.", ("US-led coalition",)),
        ("Israeli jets struck a depot; the IDF declined to comment.", ("Israeli forces",)),
        (
            "Houthi rebels fired drones; the Saudi-led coalition intercepted them.",
            ("Houthis", "Saudi-led coalition"),
        ),
        ("Ukrainian forces shelled the town, US troops said.", ("Ukrainian forces", "US forces")),
        ("Iranian-backed militias moved in.", ()),
        (
            "اشتبكت قوات سوريا الديمقراطية مع تنظيم داعش، وقصفت قوات النظام المنطقة.",
            ("Syrian Democratic Forces", "Islamic State", "Syrian government forces"),
        ),
        ("استهدفت المدفعية التركية مواقع قسد.", ("Turkish forces", "Syrian Democratic Forces")),
        (
            "وأعلنت هيئة تحرير الشام أن الطائرات الحربية الروسية قصفت المدينة.",
            ("Hayat Tahrir al-Sham", "Russian Aerospace Forces"),
        ),
        (
            "Боевики ИГИЛ атаковали позиции сирийской армии.",
            ("Islamic State", "Syrian government forces"),
        ),
        (
            "ВСУ обстреляли город, сообщили российские военные.",
            ("Ukrainian forces", "Russian forces"),
        ),
    ],
)
def test_actor_lexicon(text: str, expected: tuple[str, ...]) -> None:
    assert activity_for(text, 0, 1).actors == expected


# ----------------------------------------------------------------------------- date, sentence


def test_date_from_sentence_else_argument() -> None:
    text = "Clashes erupted in Nawa on 3 March 2021. Shelling followed in Jasim."
    fallback = dt.date(2021, 3, 5)
    assert act(text, "Nawa", date=fallback).date == dt.date(2021, 3, 3)
    a = act(text, "Jasim", date=fallback)
    assert a.date == fallback
    assert a.sentence == "Shelling followed in Jasim."
    assert act(text, "Jasim").date is None


def test_precomputed_sentences_give_the_same_activity() -> None:
    text = MOD_EN + " Meanwhile, 300 people fled Kinsabba.\n\nProtests broke out in Jableh."
    spans = sentence_spans(text)
    for place, nth in (("Salma", 0), ("Kinsabba", 1), ("Jableh", 0)):
        assert act(text, place, nth) == act(text, place, nth, sentences=spans)
    assert act(text, "Kinsabba", 1).event_type == "displacement"
    assert act(text, "Jableh").event_type == "protest"


def test_mentions_sharing_a_sentence_keep_their_own_event_and_date() -> None:
    # The sentence is analysed once and shared by its mentions: each must still get the event
    # of its own clause and the fallback date of its own call, in whatever order they come.
    text = "Warplanes struck Maarrat al-Numan, while artillery shelled Kafr Nabl and Hass."
    expected = {"Maarrat al-Numan": "airstrike", "Kafr Nabl": "shelling", "Hass": "shelling"}
    for order in (list(expected), list(reversed(expected))):
        for day in (dt.date(2019, 5, 1), dt.date(2019, 5, 2)):
            for place in order:
                a = act(text, place, date=day)
                assert (a.event_type, a.date) == (expected[place], day)
        assert act(text, order[0]).date is None


def test_activity_is_deterministic_and_serialisable() -> None:
    a = act(MOD_EN, "Salma")
    assert a == act(MOD_EN, "Salma")
    assert a.to_dict()["counts"][0] == {"value": 18, "noun": "sorties"}


# ----------------------------------------------------------------------------- bad input


def test_bad_input() -> None:
    with pytest.raises(TypeError):
        activity_for(b"Idlib", 0, 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        activity_for(None, 0, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        activity_for("Idlib", 0.0, 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        activity_for("Idlib", 0, 5, date="2016-03-24")  # type: ignore[arg-type]
    for start, end in ((-1, 3), (0, 6), (4, 2), (10, 12)):
        with pytest.raises(ValueError):
            activity_for("Idlib", start, end)
