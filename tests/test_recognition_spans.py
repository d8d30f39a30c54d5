"""Recognition classes of issue 14, on report sentences written for these tests: demonyms
and blocs, abbreviations read by their full name, masks, headings and titles (English,
Arabic and Russian where the class applies)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import geomentions as gm


def mention(doc: gm.Document, text: str) -> gm.Mention:
    found = [m for m in doc.mentions if m.text == text]
    assert found, [(m.text, m.place) for m in doc.mentions]
    return found[0]


# --- demonyms and blocs: a country named, but no dot -----------------------------------------
@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Libyan officials met rebel leaders in Misrata on Sunday.", "Libyan", "LY"),
        ("Aid workers said Sri Lankan troops had left the camp near Jaffna.", "Sri Lankan", "LK"),
        ("Palestinians queued for flour in Rafah.", "Palestinians", "PS"),
        ("Convoys crossed from Chad as Sudanese families fled El Geneina.", "Sudanese", "SD"),
    ],
)
def test_a_demonym_names_its_country_without_a_place(text: str, word: str, country: str) -> None:
    m = mention(gm.extract(text), word)
    assert m.place is None and m.lat is None
    assert m.feature_hint == "demonym"
    assert m.candidates and m.candidates[0].country_code == country


def test_a_demonym_does_not_pull_the_report_to_its_country() -> None:
    doc = gm.extract("Russian jets struck Idlib and Saraqib overnight.")
    assert [m.place.country_code for m in doc.places] == ["SY", "SY"]
    assert doc.focus == ("SY",)


def test_a_longer_place_name_wins_over_a_demonym() -> None:
    doc = gm.extract("A cyclone passed north of American Samoa on Friday.")
    m = mention(doc, "American Samoa")
    assert m.place is not None and m.place.country_code == "AS"


def test_a_bloc_is_named_but_not_mapped() -> None:
    doc = gm.extract("The EU pledged aid after floods hit Derna.")
    eu = mention(doc, "EU")
    assert eu.place is None and eu.feature_hint == "bloc"
    assert mention(doc, "Derna").place is not None


@pytest.mark.parametrize(
    ("text", "region", "area"),
    [
        # "Middle East" was a US village of that name, "Latin America" the United States.
        ("Diplomats toured the Middle East before the talks in Doha.", "Middle East", "Asia"),
        ("Drought hit coffee growers across Latin America.", "Latin America", "South America"),
    ],
)
def test_a_world_region_is_named_but_not_mapped(text: str, region: str, area: str) -> None:
    found = mention(gm.extract(text), region)
    assert found.place is None and found.feature_hint == "bloc"
    assert found.candidates[0].name == area


def test_the_arab_world_is_no_town_in_alabama() -> None:
    assert gm.extract("Protests spread across the Arab world this week.").places == []


# --- abbreviations read by what they stand for -----------------------------------------------
def test_a_country_abbreviation_is_matched_by_its_full_name() -> None:
    # "PRC" once went to Chennai, India, by its letters.
    m = mention(gm.extract("The PRC said its ships would stay near the islands."), "PRC")
    assert m.place is not None and (m.place.country_code, m.place.feature_code) == ("CN", "PCLI")


@pytest.mark.parametrize(
    ("word", "country"),
    [("США", "US"), ("РФ", "RU"), ("КНР", "CN"), ("ОАЭ", "AE"), ("КНДР", "KP")],
)
def test_russian_country_abbreviations(word: str, country: str) -> None:
    doc = gm.extract(f"Представители {word} провели переговоры в Женеве.")
    m = mention(doc, word)
    assert m.place is not None and m.place.country_code == country


# --- masks -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "An Ebola outbreak was declared in the province.",
        "Вспышка лихорадки Эбола унесла жизни шести человек.",
        "Число жертв Эболы выросло до девяти.",
        "أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس إيبولا.",
        "ما زال انتشار الإيبولا مستمرا.",
    ],
)
def test_ebola_is_no_place(text: str) -> None:
    # Eboli, Italy, by the folded spelling.
    assert gm.extract(text).places == []


@pytest.mark.parametrize(
    "text",
    [
        "Shiite clerics called for calm.",
        "دعا رجال الدين الشيعة إلى التهدئة.",
        "خرجت مسيرة شيعية في المدينة.",
        "Шиитские ополченцы покинули город.",
    ],
)
def test_shiite_is_no_place(text: str) -> None:
    # Chita, Russia, by the folded spelling.
    assert gm.extract(text).places == []


def test_an_arabic_name_after_and_the_is_still_found() -> None:
    # The conjunction is taken off running text before look-up ("والرقة": "and Raqqa").
    doc = gm.extract("شنت الطائرات غارات على حلب والرقة.")
    assert {m.place.name for m in doc.places} >= {"Aleppo", "Ar Raqqah"}


# --- headings and titles ---------------------------------------------------------------------
def test_a_heading_word_is_not_a_place() -> None:
    doc = gm.extract("DAILY UPDATE\nGovernment forces shelled Kafr Nabl on Tuesday.")
    assert [m.text for m in doc.places] == ["Kafr Nabl"]  # not Dili, Timor-Leste


def test_a_place_in_a_heading_is_kept() -> None:
    doc = gm.extract("WEEKLY NOTE ON THE SITUATION IN IRAQ\nShelling hit Tal Afar on Monday.")
    assert {m.text for m in doc.places} == {"IRAQ", "Tal Afar"}


def test_an_abbreviated_title_before_a_name_is_no_place() -> None:
    doc = gm.extract("Sen. Warner said the depot near Norfolk would stay open.")
    assert [m.text for m in doc.places] == ["Norfolk"]


# --- the project's annotated reports ---------------------------------------------------------
def _train_spans():
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    return importlib.import_module("train_spans")


def test_own_reports_are_read_with_their_marked_spans() -> None:
    pytest.importorskip("numpy")
    arts = _train_spans().parse_own()
    assert len(arts) >= 60
    assert len({a.doc_id for a in arts}) == len(arts)
    for a in arts:
        assert "[[" not in a.text and "]]" not in a.text
        for g in a.gold:
            assert a.text[g.start : g.end] == g.text
    first = arts[0]
    assert first.text.startswith("DAILY UPDATE\n")
    assert [g.text for g in first.gold] == ["Saraqib", "Maarat al-Numan", "Ariha"]


def test_the_keep_threshold_takes_the_lowest_of_tied_f1s() -> None:
    # 25 spans the model is sure of (15 of them gold) and 3 it doubts, of 19 gold toponyms.
    # When one doubted span is gold, keeping all scores F1 0.6809 against 0.6818 for the sure
    # ones alone: a tie, so the lowest threshold keeps all. When none is, 0.638 loses.
    np = pytest.importorskip("numpy")
    best = _train_spans()._best_threshold
    p = np.array([0.9] * 25 + [0.3] * 3)
    sure = [True] * 15 + [False] * 10
    assert best(p, np.array(sure + [True, False, False]), 19) == 0.2
    assert best(p, np.array(sure + [False, False, False]), 19) == 0.32


def test_a_gap_under_two_thousandths_of_f1_is_still_a_tie() -> None:
    # 20 sure spans (11 gold) and 3 doubted (1 gold), of 12 gold toponyms: the sure ones
    # alone score F1 0.6875, all of them 0.6857. A gap that small is the noise of a few spans
    # in thousands, so the lowest threshold, which keeps all, is taken.
    np = pytest.importorskip("numpy")
    best = _train_spans()._best_threshold
    p = np.array([0.9] * 20 + [0.3] * 3)
    y = np.array([True] * 11 + [False] * 9 + [True, False, False])
    assert best(p, y, 12) == 0.2


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Paris Public Library will open on Sunday.", "Paris"),
        ("Volunteers cleaned the Dublin Veterans Park on Saturday.", "Dublin"),
    ],
)
def test_a_place_that_names_an_institution_is_kept(text: str, word: str) -> None:
    # Capitalised words after a name usually make it a person ("Paris Hilton"); an
    # institution's head noun among them says the place is named.
    assert word in [m.text for m in gm.extract(text).places]


def test_a_state_abbreviation_alone_or_after_a_town_is_one_mention() -> None:
    doc = gm.extract("Flooding closed roads in S.C. and near Charleston, W.Va., on Monday.")
    states = [(m.text, m.place.name) for m in doc.places if m.text in ("S.C.", "W.Va.")]
    assert states == [("S.C.", "South Carolina"), ("W.Va.", "West Virginia")]


def test_the_city_alone_is_no_place() -> None:
    doc = gm.extract("The city council met on Monday. The city will vote in May.")
    assert doc.mentions == []


# --- the Persian and Urdu ezafe inside a name --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Government forces retook Mazar-e-Sharif after a week.", "Mazar-e-Sharif",
         "Mazār-e Sharīf"),
        ("Aid convoys reached Mazar-i-Sharif on Tuesday.", "Mazar-i-Sharif", "Mazār-e Sharīf"),
        ("A tanker was held off Bandar-e-Abbas overnight.", "Bandar-e-Abbas", "Bandar Abbas"),
    ],
)  # fmt: skip
def test_an_ezafe_joins_the_words_of_one_name(text: str, name: str, place: str) -> None:
    doc = gm.extract(text)
    assert [(m.text, m.place.name) for m in doc.places] == [(name, place)]


def test_a_lone_ezafe_letter_starts_no_name() -> None:
    doc = gm.extract("Talks in Kabul, i.e. the capital, and in Herat e-mail lists went quiet.")
    assert [m.text for m in doc.places] == ["Kabul", "Herat"]


def test_qualifier_cues_are_sought_only_near_the_name() -> None:
    from geomentions.recognition import _cue_near

    # A cue word inside a longer word counts ("northern", "kilometres"), from ``pos`` on only.
    assert _cue_near("shelling hit the northern", 0)
    assert _cue_near("some 12 kilometres", 3)
    assert not _cue_near("north of the river, then for a week the talks", 6)
    # "mi" only as a word: "mining" is no distance.
    assert _cue_near("about 6 mi", 0)
    assert not _cue_near("the mining town of", 0)


def test_both_windows_are_read_in_one_pass_as_each_alone() -> None:
    from geomentions.recognition import _cue_near, _cues_near

    before_and_after = [
        ("troops advanced towards the nor", "th of the town"),  # no cue across the join
        ("talks in the east of the country were followed by a week of quiet in", " the town"),
        ("a statement read by the mayor of", " said"),
        ("the convoy was stopped some 12 mi", " later"),
        ("officials in the village said", "'s outskirts were shelled"),
        ("witnesses in the town said it lay 3", " mi from the border"),
        ("", ""),
    ]
    for before, after in before_and_after:
        alone = _cue_near(before, len(before) - 45) or _cue_near(after, 0)
        assert _cues_near(before, after) == alone, (before, after)


# --- Span's written-out __init__ (fast when compiled) sets every field as declared ---------
def test_span_init_takes_the_fields_in_order_with_their_defaults() -> None:
    import inspect
    from dataclasses import MISSING, fields

    from geomentions import _native

    # The source's class: a compiled __init__ keeps no signature.
    span_class = _native.source("recognition").Span
    params = list(inspect.signature(span_class.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in fields(span_class)]
    for p, f in zip(params, fields(span_class), strict=True):
        assert p.default == (inspect.Parameter.empty if f.default is MISSING else f.default), p


def test_spans_found_hold_every_field_as_the_constructor_sets_it() -> None:
    from dataclasses import FrozenInstanceError, fields, replace

    from geomentions.recognition import find_spans

    text = (
        "Shelling hit the eastern outskirts of Deir ez-Zor on Monday, 10 km north of Mayadin.\n"
        "Governor Smith of Travis County said Austin, Texas, stayed calm."
    )
    spans = find_spans(text, gm.Gazetteer.default())
    by_text = {s.text: s for s in spans}
    assert by_text["Deir ez-Zor"].qualifier == "the eastern outskirts of"
    assert by_text["Mayadin"].offset_km == 10.0
    for s in spans:
        again = replace(s)  # through Span.__init__, every field named
        assert {f.name: getattr(again, f.name) for f in fields(s)} == {
            f.name: getattr(s, f.name) for f in fields(s)
        }
        assert again == s and hash(again) == hash(s)
    with pytest.raises(FrozenInstanceError):
        spans[0].start = 3  # type: ignore[misc]


# --- a list closed by "counties": each name is the county ---------------------------------
def test_names_listed_before_counties_are_the_counties() -> None:
    from geomentions.recognition import find_spans

    text = "Snow closed schools in Becker, Clay and Otter Tail counties on Monday."
    spans = {s.text: s for s in find_spans(text, gm.Gazetteer.default())}
    for name in ("Becker", "Clay", "Otter Tail"):
        assert spans[name].stands_for == f"{name} County", name
        assert spans[name].feature_hint == "admin"
    # Becker and Otter Tail County lie only in Minnesota: so does the Clay County meant.
    clay = mention(gm.extract(text), "Clay")
    assert clay.place is not None
    assert (clay.place.feature_code, clay.place.admin1) == ("ADM2", "Minnesota")


def test_one_name_before_counties_is_no_list() -> None:
    from geomentions.recognition import find_spans

    text = "Voters in Paris and London counties? No such places; Warren counties neither."
    assert not any(s.stands_for for s in find_spans(text, gm.Gazetteer.default()))


# --- one sense per report ----------------------------------------------------------------
def test_a_name_read_as_a_place_once_is_that_place_before_an_office_word() -> None:
    # "Dublin Mayor": a capitalised word after the name looks like a person's name, and alone
    # the span model would drop it; the report has already put Dublin on the map.
    text = (
        "Flooding closed two roads in Dublin on Monday. Dublin Mayor Anne Keller said crews "
        "worked overnight."
    )
    doc = gm.extract(text)
    dublins = [m for m in doc.mentions if m.text == "Dublin"]
    assert [m.start for m in dublins] == [29, 47]
    assert dublins[1].place is not None
    assert dublins[1].place.place_id == dublins[0].place.place_id  # type: ignore[union-attr]


def test_one_sense_per_report_spares_a_person_of_that_name() -> None:
    # A given name with a surname after it is a girl, whatever the first "Georgia" was.
    text = "Flooding hit Georgia on Monday. Georgia Smith, 12, said her school closed."
    assert [m.start for m in gm.extract(text).mentions if m.text == "Georgia"] == [13]


def test_a_formal_republic_name_is_one_span_for_the_country() -> None:
    # The gazetteer keeps short names: "the Republic of Armenia" is Armenia, read whole (not
    # "Republic", a US town), and the two Chinas and Congos stay apart.
    doc = gm.extract(
        "The envoy of the Republic of Armenia met officials of the Republic of China and of "
        "the Democratic Republic of the Congo."
    )
    got = {m.text: m.candidates[0].country_code for m in doc.mentions}
    assert got == {
        "Republic of Armenia": "AM",
        "Republic of China": "TW",
        "Democratic Republic of the Congo": "CD",
    }


# With the letters re.IGNORECASE reads as ASCII ones: a long s, a dotless and a dotted i.
_DIVISION_WORD_TEXTS = ["the COUNTIES of", "Regions,", "in two oblasts", "Provinces",
                        "countieſ", "Provınces", "PROVİNCES", "no list here", "regionss"]  # fmt: skip


@pytest.mark.parametrize("text", _DIVISION_WORD_TEXTS)
def test_the_quick_test_for_a_division_word_never_misses_one_the_pattern_finds(text) -> None:
    from geomentions.recognition import _DIVISION_LIST_RE, _DIVISION_LIST_WORDS, _may_hold

    if _DIVISION_LIST_RE.search(text) is not None:
        assert _may_hold(text, _DIVISION_LIST_WORDS), text
    assert all(w.isascii() and w.islower() for w in _DIVISION_LIST_WORDS)
