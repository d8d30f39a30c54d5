"""Event-location roles: where an event happened, and what other places are to it.

Every sentence here was written for these tests; places are real gazetteer rows.
"""

from __future__ import annotations

import json
import pickle
import re

import numpy as np
import pytest

import geomentions as gm
from geomentions.event_features import (
    FEATURE_NAMES,
    RIVAL_FEATURE_NAMES,
    Sentence,
    rival_matrix,
    word_tags,
)
from geomentions.events import link, model, rivals_model
from geomentions.frames import EVENT_COLUMNS


def roles(text: str) -> dict[str, str]:
    return {m.text: m.activity.role for m in gm.extract(text).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English
        ("Troops sent from Damascus shelled Aleppo on Monday.",
         {"Damascus": "origin", "Aleppo": "event"}),
        ("Warplanes flying from Hmeymim airbase struck targets near Idlib.",
         {"Hmeymim airbase": "base", "Idlib": "event"}),
        ("Refugees who fled Mosul arrived in Erbil, where a car bomb exploded.",
         {"Mosul": "origin", "Erbil": "event"}),
        ("The ministry said in Moscow that its aircraft bombed positions near Palmyra.",
         {"Moscow": "source", "Palmyra": "event"}),
        ("A convoy travelled from Homs to Hama.", {"Homs": "origin", "Hama": "destination"}),
        # Arabic
        ("قصفت طائرات حربية انطلقت من قاعدة حميميم مواقع في إدلب.",
         {"قاعدة حميميم": "base", "إدلب": "event"}),
        ("نزح آلاف المدنيين من حلب إلى عفرين.", {"حلب": "origin", "عفرين": "destination"}),
        ("قال مسؤول في دمشق إن اشتباكات اندلعت في درعا.", {"دمشق": "source", "درعا": "event"}),
        # Russian
        ("Самолёты, вылетевшие с авиабазы Хмеймим, нанесли удары по Идлибу.",
         {"Хмеймим": "base", "Идлибу": "event"}),
        ("Беженцы из Алеппо прибыли в Латакию.", {"Алеппо": "origin", "Латакию": "destination"}),
        ("Колонна направилась из Дамаска в Дераа, где попала под обстрел.",
         {"Дамаска": "origin", "Дераа": "event"}),
    ],
)  # fmt: skip
def test_roles(text: str, expected: dict[str, str]) -> None:
    assert roles(text) == expected


def test_a_place_with_no_event_word_is_only_mentioned() -> None:
    assert roles("The delegation visited Amman and Beirut.") == {
        "Amman": "other",
        "Beirut": "other",
    }


def test_an_event_place_carries_its_event_word_and_type() -> None:
    text = "Refugees who fled Mosul arrived in Erbil, where a car bomb exploded."
    doc = gm.extract(text)
    erbil = next(m for m in doc.mentions if m.text == "Erbil")
    act = erbil.activity
    assert act.event_type == "explosion"
    assert text[act.trigger_start : act.trigger_end] == act.trigger
    assert 0.5 < act.role_p <= 1.0
    assert [(e.event_type, [m.text for m in e.locations]) for e in doc.events] == [
        ("explosion", ["Erbil"])
    ]


def test_a_list_shares_the_event_of_its_head() -> None:
    doc = gm.extract("Aircraft struck 12 targets in the areas of Tadmur, Itria and eastern Aleppo.")
    assert {m.text: m.activity.role for m in doc.places} == {
        "Tadmur": "event", "Itria": "event", "Aleppo": "event"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Aircraft struck 24 targets near Tadmur and in eastern Aleppo.", ("Tadmur", "Aleppo")),
        ("Shells fell near Saraqib and near Maarat al-Numan overnight.", ("Saraqib", "Maarat al-Numan")),
        ("قصفت الطائرات مواقع في ريف دير الزور الشرقي وفي مدينة تدمر.", ("دير الزور", "تدمر")),
    ],
)  # fmt: skip
def test_locative_phrases_joined_by_and_are_one_list(text: str, places: tuple[str, str]) -> None:
    # Each place has a preposition of its own, so neither shares the other's: still both are
    # where the event happened, and they share it rather than compete for it.
    got = roles(text)
    assert [got[p] for p in places] == ["event", "event"], got
    spans = [(text.index(p), text.index(p) + len(p)) for p in places]
    assert Sentence(text).list_heads(spans) == [0, 0]
    # Not across other relations: a place left and a place reached are two phrases.
    assert roles("Families fled from Tadmur and into Homs.") == {
        "Tadmur": "origin",
        "Homs": "destination",
    }


@pytest.mark.parametrize(
    ("text", "spot", "holder"),
    [
        ("Two people were killed in Harasta in the suburbs of Damascus.", "Harasta", "Damascus"),
        ("Rockets struck Jobar on the edge of Damascus.", "Jobar", "Damascus"),
        ("Airstrikes hit Saraqib in Idlib province.", "Saraqib", "Idlib province"),
    ],
)  # fmt: skip
def test_the_bigger_place_holding_the_spot_is_not_the_event_place(
    text: str, spot: str, holder: str
) -> None:
    # One event word, two places: the event happened at the smaller one; the bigger one
    # only says where that is.
    got = roles(text)
    assert got[spot] == "event" and got[holder] != "event"


def test_rival_features_leave_out_list_mates_and_unresolved_places() -> None:
    # Four places, one event word: a list of two (0, 1), a place of its own (2), and an
    # unresolved mention (3) whose probability counts for nobody.
    rows = np.zeros((4, len(FEATURE_NAMES)))
    p = np.array([0.9, 0.6, 0.3, 0.95])
    x = np.asarray(rival_matrix(rows, p, 1, rivals=[True, True, True, False], lists=[0, 0, 2, 3]))
    col = {name: x[:, k].tolist() for k, name in enumerate(RIVAL_FEATURE_NAMES)}
    assert col["p_pair"] == p.tolist()
    assert col["p_best_rival"] == [0.3, 0.3, 0.9, 0.9]
    assert col["best_of_all"] == [1.0, 1.0, 0.0, 1.0]
    assert col["likely_rivals"] == [0.0, 0.0, 2.0, 2.0]


def test_rival_rows_follow_their_event_word() -> None:
    # Two places by two event words (place-major rows): each word has its own best place.
    p = np.array([0.8, 0.1, 0.2, 0.7])
    x = np.asarray(rival_matrix(np.zeros((4, len(FEATURE_NAMES))), p, 2))
    best = RIVAL_FEATURE_NAMES.index("p_best_rival")
    assert x[:, best].tolist() == [0.2, 0.7, 0.8, 0.1]


def test_russian_case_decides_in_or_to() -> None:
    s = Sentence("Колонна вошла в Мосул, бои идут в Мосуле.")
    assert s.governing((16, 21)) == "to"
    assert s.governing((34, 40)) == "in"
    # A foreign name that never declines gives no case: "in", and the verb decides.
    t = "Под Латакией спокойно, а в Алеппо и в Бамако идут бои; колонна ушла в Латакию."
    for name, cls in (("Алеппо", "in"), ("Бамако", "in"), ("Латакию", "to")):
        k = t.index(name)
        assert Sentence(t).governing((k, k + len(name))) == cls


def test_arabic_preposition_written_on_the_place() -> None:
    s = Sentence("وقع انفجار بحلب")
    assert s.governing((12, 15)) == "in"  # the place without its ب


def test_word_tags_are_language_data() -> None:
    assert "prep:from" in word_tags("من") and "prep:to" in word_tags("إلى")
    assert "prep:near" in word_tags("near") and "where" in word_tags("where")
    assert "leave" in word_tags("fled") and "source" in word_tags("заявили")


def test_link_without_places_is_empty_and_model_matches_features() -> None:
    assert link("Jets struck.", []) == []
    assert model().feature_names == FEATURE_NAMES
    assert rivals_model().feature_names == RIVAL_FEATURE_NAMES


def test_events_table_has_acled_columns_and_only_event_places() -> None:
    docs = [gm.extract("Troops sent from Damascus shelled Aleppo on 3 March 2024.", doc_id="r1")]
    gdf = gm.to_geodataframe(docs, rows="events")
    assert list(gdf.columns) == EVENT_COLUMNS
    assert gdf[["location", "event_type", "source"]].values.tolist() == [
        ["Aleppo", "shelling", "r1"]
    ]
    assert str(gdf["event_date"].iloc[0].date()) == "2024-03-03"
    with pytest.raises(ValueError, match="rows"):
        gm.to_geodataframe(docs, rows="places")  # type: ignore[arg-type]


def test_documents_with_events_pickle_and_serialise() -> None:
    doc = gm.extract("Refugees who fled Mosul arrived in Erbil, where a car bomb exploded.")
    back = pickle.loads(pickle.dumps(doc))
    assert back.events[0].locations[0] is back.mentions[1]
    assert doc.to_dict()["events"][0]["trigger"] == doc.events[0].trigger


def test_map_puts_other_roles_in_an_off_mentioned_layer() -> None:
    doc = gm.extract("Troops sent from Damascus shelled Aleppo.")
    html = gm.make_map(doc, tiles=None).get_root().render()
    assert "mentioned" in html and "role: origin" in html and "role: event" in html


def _shown_layers(html: str) -> set[str]:
    """Names of the layers shown when the page loads (folium writes ``x.addTo(map_...)``)."""
    added = set(re.findall(r"(feature_group_\w+)\.addTo\(map_\w+\)", html))
    labels = re.findall(r'"((?:[^"\\]|\\.)*)" : (feature_group_\w+)', html)
    return {
        re.sub(r"<[^>]*>|&#9679;", "", json.loads(f'"{label}"')).strip()
        for label, var in labels
        if var in added
    }


def test_the_mentioned_layer_is_off_unless_asked_for() -> None:
    doc = gm.extract("Troops sent from Damascus shelled Aleppo.")
    off = gm.make_map(doc, tiles=None).get_root().render()
    on = gm.make_map(doc, tiles=None, mentioned=True).get_root().render()
    assert _shown_layers(off) == {"shelling"}
    assert _shown_layers(on) == {"shelling", "mentioned"}


def feats(text: str, trigger: str, place: str, places: list[str], kinds: list[str] | None = None):
    s = Sentence(text)
    t0 = text.index(trigger)
    spans = [(text.index(p), text.index(p) + len(p)) for p in places]
    i = places.index(place)
    kinds = kinds or [""] * len(places)
    row = s.features((t0, t0 + len(trigger)), spans[i], spans, kind=kinds[i], kinds=kinds)
    return dict(zip(FEATURE_NAMES, row, strict=True))


def test_feature_where_link_and_distance() -> None:
    f = feats("Families reached Kirkuk, where a mortar round exploded.", "exploded", "Kirkuk",
              ["Kirkuk"])  # fmt: skip
    assert f["where_link"] == 1.0 and f["after"] == 0.0 and f["clauses_between"] >= 1.0


def test_feature_smaller_place_beside_a_province_and_possessive() -> None:
    text = "Gunmen attacked a checkpoint in Mosul's Nabi Younis district in Nineveh."
    far = "Jets struck Mosul on Monday after weeks of calm across the whole of Nineveh."
    assert (
        feats(far, "struck", "Nineveh", ["Mosul", "Nineveh"], ["", "admin"])["more_specific_near"]
        == 0.0
    )  # the town is more than 40 characters away
    f = feats("Shelling hit Tal Afar in Nineveh.", "Shelling", "Nineveh", ["Tal Afar", "Nineveh"],
              ["", "admin"])  # fmt: skip
    assert f["more_specific_near"] == 1.0 and f["container"] == 1.0
    assert feats(text, "attacked", "Mosul", ["Mosul", "Nineveh"])["possessive"] == 1.0


def test_feature_dateline_and_fronted_scene() -> None:
    assert (
        feats("KABUL - A bomb exploded near a market.", "exploded", "KABUL", ["KABUL"])["dateline"]
        == 1.0
    )
    f = feats("Later in Sanaa, guards fired on the crowd.", "fired", "Sanaa", ["Sanaa"])
    assert f["fronted"] == 1.0 and f["prep_in"] == 1.0


def test_feature_locality_nouns_around_a_place() -> None:
    text = "A shell killed two men in the village of Kafr Nabl in the countryside of Idlib."
    named = feats(text, "killed", "Kafr Nabl", ["Kafr Nabl", "Idlib"])
    part = feats(text, "killed", "Idlib", ["Kafr Nabl", "Idlib"])
    assert (named["named_by_noun"], named["area_of"]) == (1.0, 0.0)
    assert (part["named_by_noun"], part["area_of"]) == (0.0, 1.0)
    spot = "A mortar hit a bakery in Salah al-Din neighbourhood in eastern Aleppo."
    assert feats(spot, "hit", "Aleppo", ["Aleppo"])["holds_noun"] == 1.0
    assert feats("Rockets hit Aleppo on Monday.", "hit", "Aleppo", ["Aleppo"])["holds_noun"] == 0.0
    # Arabic and Russian name the locality right before the place.
    ar_text = "قتل مدنيان في قرية كفرنبل بريف إدلب"
    assert feats(ar_text, "قتل", "كفرنبل", ["كفرنبل", "إدلب"])["named_by_noun"] == 1.0
    ru_text = "В деревне Кафр-Набль погибли двое жителей."
    assert feats(ru_text, "погибли", "Кафр-Набль", ["Кафр-Набль"])["named_by_noun"] == 1.0


def test_feature_place_as_a_modifier() -> None:
    f = feats("A driver was killed in a Turkish and a Kabul convoy.", "killed", "Kabul", ["Kabul"])
    assert f["article_before"] == 1.0 and f["next_noun"] == 1.0
    g = feats("A driver was killed in Kabul on Monday.", "killed", "Kabul", ["Kabul"])
    assert g["article_before"] == 0.0 and g["next_noun"] == 0.0
    # A possessive whose apostrophe was lost in conversion still reads as one, and the
    # place it holds keeps the preposition before the possessor.
    lost = "Fighting flared in Syria   s Raqqa."
    assert feats(lost, "Fighting", "Syria", ["Syria", "Raqqa"])["possessive"] == 1.0
    assert feats(lost, "Fighting", "Raqqa", ["Syria", "Raqqa"])["prep_in"] == 1.0


def test_a_locality_noun_passes_the_place_to_its_preposition() -> None:
    text = "A bomb went off in the town of Tal Abyad; later the town of Suluk was quiet."
    s = Sentence(text)
    tal = text.index("Tal Abyad")
    suluk = text.index("Suluk")
    assert s.governing((tal, tal + 9)) == "in"  # "in the town of": in, not of
    assert s.governing((suluk, suluk + 5)) == "of"  # no preposition before the noun
    near = "Gunmen were seen near the West Bank city of Jenin."
    j = near.index("Jenin")
    assert Sentence(near).governing((j, j + 5)) == "near"
    war = "The siege of Homs lasted two years."
    h = war.index("Homs")
    assert Sentence(war).governing((h, h + 4)) == "of"  # "siege" names no locality


@pytest.mark.parametrize(
    ("text", "trigger", "place", "cls"),
    [
        ("Militiamen stormed Khan Shaykhun at dawn.", "stormed", "Khan Shaykhun", "seize"),
        ("A sniper killed a nurse in Daraa.", "killed", "Daraa", "harm"),
        ("Students marched through Sfax on Friday.", "marched", "Sfax", "gather"),
        ("Боевики штурмовали Пальмиру.", "штурмовали", "Пальмиру", "seize"),
        ("تظاهر المئات في حمص.", "تظاهر", "حمص", "gather"),
        ("قتل مدني في درعا.", "قتل", "درعا", "harm"),
    ],
)  # fmt: skip
def test_feature_event_word_class(text: str, trigger: str, place: str, cls: str) -> None:
    f = feats(text, trigger, place, [place])
    assert {c for c in ("harm", "seize", "gather") if f[f"trigger_{c}"]} == {cls}
    assert f["object_seize"] == float(cls == "seize" and text.index(place) > text.index(trigger))


def test_feature_object_of_a_taking_verb_needs_no_preposition() -> None:
    assert (
        feats("Rebels captured Kafr Nabl.", "captured", "Kafr Nabl", ["Kafr Nabl"])["object_seize"]
        == 1.0
    )
    held = "Rebels captured two soldiers in Kafr Nabl."
    assert feats(held, "captured", "Kafr Nabl", ["Kafr Nabl"])["object_seize"] == 0.0


def test_feature_a_list_stands_where_its_first_place_does() -> None:
    text = "Crowds protested in Amman, Irbid and Zarqa while police watched Aqaba."
    places = ["Amman", "Irbid", "Zarqa", "Aqaba"]
    last = feats(text, "protested", "Zarqa", places)
    assert last["in_list"] == 1.0 and last["rank"] == 2.0
    assert (last["head_rank"], last["head_nearest_in"]) == (0.0, 1.0)
    alone = feats(text, "protested", "Aqaba", places)
    assert (alone["head_rank"], alone["head_nearest_in"]) == (alone["rank"], alone["nearest_in"])


def test_feature_a_named_spot_of_the_place() -> None:
    # "the <name> district of X": X holds the district, which is where it happened; "the
    # district of X" and "the Sunni district of X" name X itself.
    spot = "Two men were killed in a blast in the Zaafaraniyah district of Baghdad."
    f = feats(spot, "killed", "Baghdad", ["Baghdad"])
    assert (f["holds_named"], f["named_by_noun"]) == (1.0, 0.0)
    plain = feats("Shells hit the district of Adhamiyah.", "hit", "Adhamiyah", ["Adhamiyah"])
    assert (plain["holds_named"], plain["named_by_noun"]) == (0.0, 1.0)
    sect = "Police shot two men in the Sunni district of Adhamiyah."
    assert feats(sect, "shot", "Adhamiyah", ["Adhamiyah"])["holds_named"] == 0.0
    # A place we found before the noun is the holder: the place after "of" is the district.
    city = "Gunmen shot a guard in the Baghdad district of Adhamiyah."
    g = feats(city, "shot", "Adhamiyah", ["Baghdad", "Adhamiyah"])
    assert (g["holds_named"], g["named_by_noun"]) == (0.0, 1.0)


def test_feature_a_locality_noun_after_the_place() -> None:
    text = "A sniper wounded a student in the Harare township of Highfield."
    f = feats(text, "wounded", "Harare", ["Harare"])
    assert (f["noun_after"], f["noun_of_after"]) == (1.0, 1.0)
    g = feats("A bomb went off near a Kabul checkpoint.", "bomb", "Kabul", ["Kabul"])
    assert (g["noun_after"], g["noun_of_after"]) == (1.0, 0.0)
    h = feats("A bomb went off in Kabul on Monday.", "bomb", "Kabul", ["Kabul"])
    assert (h["noun_after"], h["noun_of_after"]) == (0.0, 0.0)


def test_the_city_holding_a_named_district_is_not_the_event_place() -> None:
    assert roles("Two men were shot dead in the Zaafaraniyah district of Baghdad.") == {
        "Baghdad": "other"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speech word with an event word after it: the statement is about the place, not
        # from it.
        ("An Al-Masdar correspondent in Damascus said jets struck Douma overnight.",
         {"Damascus": "source", "Douma": "event"}),
        # "launched" names a base only when no event word stands between it and the place.
        ("Government forces launched attacks on Aleppo on Monday.", {"Aleppo": "event"}),
        ("Rebels launched rockets at Latakia, a military source in Hama said.",
         {"Latakia": "event", "Hama": "source"}),
        # "close to" is near, not toward.
        ("A bomb exploded close to the town of Poso, killing two people.", {"Poso": "event"}),
    ],
)  # fmt: skip
def test_cue_words_of_another_clause_leave_the_event_place(
    text: str, expected: dict[str, str]
) -> None:
    assert roles(text) == expected


def test_close_to_governs_as_near() -> None:
    f = feats("A bomb exploded close to the town of Poso.", "exploded", "Poso", ["Poso"])
    assert (f["prep_near"], f["prep_to"]) == (1.0, 0.0)
    g = feats("The convoy drove to Poso.", "drove", "Poso", ["Poso"])
    assert (g["prep_near"], g["prep_to"]) == (0.0, 1.0)


def test_feature_a_locative_phrase_between_two_places() -> None:
    # "Jobar on the edge of Damascus": Damascus holds the place before it.
    text = "Rockets struck Jobar on the edge of Damascus."
    assert feats(text, "struck", "Damascus", ["Jobar", "Damascus"])["container"] == 1.0
    assert feats(text, "struck", "Jobar", ["Jobar", "Damascus"])["contains_next"] == 1.0
    other = "Troops from Damascus shelled Aleppo."
    assert feats(other, "shelled", "Aleppo", ["Damascus", "Aleppo"])["container"] == 0.0


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        # A distance or a side of a landmark: the place is where it happened, no origin.
        ("Gunmen ambushed a police checkpoint not far from Kirkuk.", "Kirkuk", "event"),
        ("Rebels shelled a village a few miles away from Aleppo.", "Aleppo", "event"),
        ("قتل ثلاثة مدنيين بقصف على قرية بالقرب من إدلب.", "إدلب", "event"),
        ("هاجم مسلحون حاجزا على بعد 20 كيلومترا من كركوك.", "كركوك", "event"),
        ("Взрыв прогремел к северу от Мосула.", "Мосула", "event"),
        ("Боевики атаковали блокпост в 20 километрах от Киркука.", "Киркука", "event"),
        # A real "from" stays an origin.
        ("Troops sent from Damascus shelled Aleppo on Monday.", "Damascus", "origin"),
        ("Беженцы из Алеппо прибыли в Латакию.", "Алеппо", "origin"),
    ],
)  # fmt: skip
def test_a_distance_from_a_place_is_no_origin(text: str, place: str, expected: str) -> None:
    assert roles(text)[place] == expected


def test_distance_words_make_from_govern_as_near() -> None:
    for text, place in (
        ("A mortar round hit a market 30 km from Mosul.", "Mosul"),
        ("Артиллерия обстреляла село недалеко от Идлиба.", "Идлиба"),
        ("انفجرت عبوة ناسفة على مقربة من الرمادي.", "الرمادي"),
    ):
        k = text.index(place)
        assert Sentence(text).governing((k, k + len(place))) == "near", text
    k = "Refugees fled from Mosul.".index("Mosul")
    assert Sentence("Refugees fled from Mosul.").governing((k, k + 5)) == "from"


def test_russian_case_of_a_noun_before_the_name() -> None:
    # "в провинции Идлиб": the noun is locative, the name after it stays nominative.
    for text, name, cls in (
        ("Бои идут в провинции Идлиб.", "Идлиб", "in"),
        ("Бои идут в северной провинции Хама.", "Хама", "in"),
        ("Колонна вошла в город Ракка.", "Ракка", "to"),
    ):
        k = text.index(name)
        assert Sentence(text).governing((k, k + len(name))) == cls, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Погибли пять человек в Хан-Шейхуне, небольшом городе в провинции Идлиб.",
         {"Хан-Шейхуне": "event", "Идлиб": "other"}),
        # A correspondent's or a source's place is where the report comes from.
        ("Корреспондент агентства в Алеппо сообщил об ударах по Атаребу.",
         {"Алеппо": "source", "Атаребу": "event"}),
        ("Источник в Дамаске рассказал, что снаряды упали на Думу.", {"Дамаске": "source"}),
        ("قالت مصادر طبية في دمشق إن قذائف سقطت على دوما.", {"دمشق": "source"}),
    ],
)  # fmt: skip
def test_sources_and_containers_in_arabic_and_russian(text: str, expected: dict[str, str]) -> None:
    found = roles(text)
    assert {k: found[k] for k in expected} == expected


def test_arabic_verbs_in_the_imperfect_are_event_words() -> None:
    # "is shelling", "to shell", "will storm": the perfect stem after the prefix.
    assert {"event", "seize"} <= word_tags("يقصف") and {"event", "seize"} <= word_tags("لتقصف")
    assert "seize" in word_tags("سيقتحم") and "event" in word_tags("يستهدف")
    assert "leave" in word_tags("ينزح")
    # Names that open on the same letters stay names.
    assert not word_tags("تدمر") and not word_tags("تكريت") and not word_tags("ليبيا")
    assert roles("يقصف الطيران منذ الصباح بلدات في ريف دمشق.") == {"دمشق": "event"}
    found = roles("انطلقت الطائرات من قاعدة حميميم لتقصف مواقع في إدلب.")
    assert (found["قاعدة حميميم"], found["إدلب"]) == ("base", "event")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # The linker overrules a place's own words ("to", a base) when it is sure: the
        # protest happened where they marched to, the strike hit the base.
        ("Hundreds of farmers marched to Nairobi to protest against new taxes.", "Nairobi"),
        ("Two soldiers based in Kandahar were killed by a roadside bomb.", "Kandahar"),
        ("توجه آلاف المتظاهرين إلى بغداد للاحتجاج على الفساد.", "بغداد"),
        ("Тысячи демонстрантов собрались в Ереван на митинг.", "Ереван"),
    ],
)  # fmt: skip
def test_a_sure_linker_overrules_a_destination_or_a_base(text: str, place: str) -> None:
    assert roles(text)[place] == "event"


def test_a_statement_place_and_an_unsure_link_keep_their_own_role() -> None:
    # A statement's place is never overruled; a weak link (below OVERRULE_P) leaves the role.
    assert (
        roles("The ministry said in Moscow that its aircraft bombed positions near Palmyra.")[
            "Moscow"
        ]
        == "source"
    )
    assert roles("Беженцы из Алеппо прибыли в Латакию.")["Латакию"] == "destination"


def test_a_place_with_a_from_of_its_own_is_no_list_mate() -> None:
    # "the West Bank from Jordan" repeats the phrase before it: no list of "from Syria".
    text = "In 1967 Israel seized the Golan Heights from Syria, the West Bank from Jordan."
    names = ["Golan Heights", "Syria", "West Bank", "Jordan"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    s = Sentence(text)
    assert s.own_cues(spans[2], spans)[:2] == ("none", False)
    assert s.own_cues(spans[3], spans)[:2] == ("from", False)
    assert roles(text)["West Bank"] != "origin"
    # A plain list still shares its first place's "from".
    fled = "Refugees fled from Mosul, Tikrit and Baiji."
    spans = [(fled.index(n), fled.index(n) + len(n)) for n in ("Mosul", "Tikrit", "Baiji")]
    assert [Sentence(fled).own_cues(m, spans)[:2] for m in spans] == [
        ("from", False), ("from", True), ("from", True)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "place", "trigger"),
    [
        # Taking a place (back) is an event word in each language.
        ("The army retook Tikrit after a month of fighting.", "Tikrit", "retook"),
        ("اقتحمت القوات بلدة سراقب.", "سراقب", "اقتحمت"),
        ("احتل المسلحون مدينة الرمادي.", "الرمادي", "احتل"),
        ("Правительственные войска отбили Ракку.", "Ракку", "отбили"),
    ],
)  # fmt: skip
def test_taking_a_place_back_is_an_event_word(text: str, place: str, trigger: str) -> None:
    found = {m.text: m.activity for m in gm.extract(text).mentions}
    assert (found[place].role, found[place].trigger) == ("event", trigger)
