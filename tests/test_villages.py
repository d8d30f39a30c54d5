"""Issue 16: villages (Who's On First layers), Syria's sub-districts with OCHA p-codes
(OpenSyria) and OurAirports airfields, and disambiguation that still holds with them.

The report sentences are our own; the expected points are the villages' GeoNames points.
"""

from __future__ import annotations

import gzip

import pytest
from conftest import km_between

import geomentions as gm
from geomentions.build import PlaceRow
from geomentions.build_layers import _admin1_code, _country_indexes, read_wof
from geomentions.gazetteer import DEFAULT_LAYERS, GazetteerError

KHAN_TUMAN = "geonames:168323"
AYN_AL_ARAB = "geonames:172256"  # Kobani


def _mapped(doc: gm.Document, text: str) -> gm.Mention:
    found = [m for m in doc.places if m.text == text]
    assert found, f"{text!r} not mapped; mapped: {[(m.text, m.place.name) for m in doc.places]}"
    return found[0]


# (report, the village as written, lat, lon of the village): default layers, one or two per
# country, in English and, where the data has the name, Arabic, Russian or Ukrainian.
DEFAULT_REPORTS = [
    ("Government forces retook Khan Tuman, south-west of Aleppo.", "Khan Tuman", 36.117, 37.051),
    ("استعادت القوات الحكومية بلدة خان طومان جنوب غرب حلب.", "خان طومان", 36.117, 37.051),
    ("Displaced families returned to Hammam al-Alil, south of Mosul.", "Hammam al-Alil", 36.168, 43.258),
    ("عادت عائلات نازحة إلى حمام العليل جنوب الموصل.", "حمام العليل", 36.168, 43.258),
    ("Clashes were reported in Ain Zara, south of Tripoli, Libya.", "Ain Zara", 32.813, 13.270),
    ("اندلعت اشتباكات قرب زاوية مسوس شرق بنغازي.", "زاوية مسوس", 31.579, 21.010),
    ("Israeli strikes hit Aitaroun in south Lebanon, near Bint Jbeil.", "Aitaroun", 33.115, 35.471),
    ("غارات إسرائيلية على بلدة عيترون قرب بنت جبيل في جنوب لبنان.", "عيترون", 33.115, 35.471),
    ("Settlers attacked the village of Beita, south of Nablus in the West Bank.", "Beita", 32.143, 35.286),
    ("هاجم مستوطنون قرية جالود جنوب نابلس في الضفة الغربية.", "جالود", 32.068, 35.315),
    ("Taliban fighters overran Kajaki in Helmand province.", "Kajaki", 32.758, 64.548),
    ("Floods reached Dunqulah al Qadimah in Northern State, Sudan.", "Dunqulah al Qadimah", 18.217, 30.750),
    ("فيضانات في دنقلا العجوز بالولاية الشمالية في السودان.", "دنقلا العجوز", 18.217, 30.750),
    ("Al-Shabaab fighters raided a base in Leego, in the Bay region of Somalia.", "Leego", 2.716, 44.511),
    ("Clashes were reported near Diafarabé in the Mopti region of Mali.", "Diafarabé", 14.138, -5.018),
    ("Ukrainian troops advanced near Robotyne in Zaporizhzhia oblast.", "Robotyne", 47.446, 35.834),
    ("Обстріл у Роботине, Запоріжжя.", "Роботине", 47.446, 35.834),
    ("Бои идут у Клещеевки под Бахмутом.", "Клещеевки", 48.530, 37.961),
]  # fmt: skip

# Villages of five optional layers (switched on with layers=...).
OPTIONAL_LAYERS = ("ng", "et", "cd", "by", "td")
OPTIONAL_REPORTS = [
    ("Gunmen attacked Jakana in Borno State, Nigeria.", "Jakana", 11.665, 14.041),
    ("Fighting was reported around Samre in Tigray, Ethiopia.", "Samre", 13.212, 39.152),
    ("M23 rebels clashed with the army in Kiwanja, near Rutshuru in North Kivu.", "Kiwanja", -1.160, 29.430),
    ("Учения прошли у деревни Усохская Буда в Гомельской области.", "Усохская Буда", 52.136, 31.533),
    ("Refugees from Darfur reached Brahouné in Wadi Fira, Chad.", "Brahouné", 14.608, 21.439),
]  # fmt: skip


@pytest.fixture(scope="module")
def optional_gaz() -> gm.Gazetteer:
    return gm.Gazetteer.default(layers=OPTIONAL_LAYERS)  # those alone: a smaller load


@pytest.mark.parametrize("text, word, lat, lon", DEFAULT_REPORTS)
def test_default_layer_villages_map_within_10_km(text: str, word: str, lat: float, lon: float):
    m = _mapped(gm.extract(text), word)
    assert m.place.source == "wof"
    assert km_between(m.lat, m.lon, lat, lon) <= 10


@pytest.mark.parametrize("text, word, lat, lon", OPTIONAL_REPORTS)
def test_optional_layer_villages_map_when_switched_on(
    optional_gaz: gm.Gazetteer, text: str, word: str, lat: float, lon: float
):
    m = _mapped(gm.extract(text, gazetteer=optional_gaz), word)
    assert km_between(m.lat, m.lon, lat, lon) <= 10
    # Without the layer the village is not there to find.
    assert not any(
        km_between(m.lat, m.lon, lat, lon) <= 10 for m in gm.extract(text).places if m.text == word
    )


def test_resolve_finds_a_village_with_and_without_a_country():
    assert gm.resolve("Khan Tuman")[0].place_id == KHAN_TUMAN
    assert gm.resolve("Khan Tuman", country="SY")[0].place_id == KHAN_TUMAN
    assert gm.resolve("خان طومان")[0].place_id == KHAN_TUMAN


def test_two_word_village_is_not_read_as_its_first_word():
    doc = gm.extract("Rebels shelled Khan Tuman overnight, activists in Aleppo said.")
    assert "Khan" not in {m.text for m in doc.mentions}
    assert _mapped(doc, "Khan Tuman").place.place_id == KHAN_TUMAN


def test_village_without_evidence_stays_off_the_map():
    # A lone village name with nothing around it that says where: no dot (but resolve()
    # still answers the explicit question).
    assert gm.extract("Clashes in Khan Tuman.").places == []
    assert gm.extract("Clashes in Khan Tuman.", country="SY").places[0].place.place_id == KHAN_TUMAN


def test_kobani_is_ayn_al_arab_not_afrin():
    # Both WOF Afrin records list "Kobanî" among their labels; the build drops the label.
    assert gm.resolve("Kobani")[0].place_id == AYN_AL_ARAB
    doc = gm.extract("Turkish drones struck Kobani and villages around Afrin.")
    assert _mapped(doc, "Kobani").place.place_id == AYN_AL_ARAB
    afrin = _mapped(doc, "Afrin").place
    gaz = gm.Gazetteer.default()
    labelled = [
        r
        for r in gaz.lookup("Kobanî")
        if {"kobani", "kobanî"} & {n.casefold() for n in gaz.names_of(r)}
    ]
    assert labelled
    for row in labelled:
        place = gaz.place(row)
        assert km_between(place["lat"], place["lon"], afrin.lat, afrin.lon) > 50


WORLD_NEWS = [
    "KUALA LUMPUR - Prime Minister Anwar Ibrahim met Elon Musk on Tuesday to discuss a battery "
    "plant in Penang. Mustafa, a driver in Istanbul, said the Daring Mist tour had sold out in "
    "London. Blink and you miss it, Idris told reporters in Nairobi, before Akbar Khan flew on to "
    "Paris. Kind words came from Berlin and Rome.",
    "قال رئيس الوزراء البريطاني في لندن إن المحادثات في بروكسل كانت مثمرة، وأضاف أن السلام "
    "والأمن في أوروبا يتطلبان تعاونا أكبر. وفي باريس دعا الرئيس إلى النصر على التضخم، بينما "
    "ارتفعت أسعار الذهب في نيويورك.",
    "Премьер-министр заявил в Лондоне, что переговоры в Брюсселе прошли успешно. В Париже "
    "президент призвал к миру и победе над инфляцией. Надежда и Вера пришли на концерт в Берлине.",
]


@pytest.mark.parametrize("text", WORLD_NEWS)
def test_world_news_common_words_gain_no_village_dots(text: str):
    """Musk, Mist, Daring, Blink, Kind, Mustafa, Anwar, Idris, Akbar are village names in the
    default layers; the report's dots are exactly those of the gazetteer without villages."""
    with_villages = gm.extract(text)
    without = gm.extract(text, gazetteer=gm.Gazetteer.default(layers=()))
    assert [(m.text, m.place.place_id) for m in with_villages.places] == [
        (m.text, m.place.place_id) for m in without.places
    ]
    assert not any(m.place.source == "wof" for m in with_villages.places)


# --- sub-districts and p-codes ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, word",
    [
        ("Shelling hit the Tall Rifaat sub-district north of Aleppo.", "Tall Rifaat"),
        ("قصفت القوات التركية ناحية تل رفعت شمال حلب.", "تل رفعت"),
    ],
)
def test_subdistrict_resolves_with_its_pcodes(text: str, word: str):
    place = _mapped(gm.extract(text), word).place
    assert (place.feature_code, place.source) == ("ADM3", "opensyria")
    assert (place.admin1_pcode, place.admin2_pcode, place.admin3_pcode) == (
        "SY02",
        "SY0204",
        "SY020402",
    )


def test_pcodes_in_geodataframe_only_where_the_data_decides():
    doc = gm.extract("Strikes hit Idlib and Khan Tuman near Aleppo; protests in Beirut.")
    gdf = gm.to_geodataframe(doc).set_index("mention")
    assert gdf.loc["Idlib", "admin1_pcode"] == "SY07"
    assert gdf.loc["Khan Tuman", "admin1_pcode"] == "SY02"
    assert gdf.loc["Khan Tuman", "admin3_pcode"] == ""  # WOF says nothing of its nahiya
    assert gdf.loc["Khan Tuman", "source"] == "wof"
    assert (gdf.loc["Beirut", ["admin1_pcode", "admin2_pcode", "admin3_pcode"]] == "").all()


# --- airfields ---------------------------------------------------------------------------------
def test_hmeimim_stays_the_latakia_air_base_with_ourairports_names():
    gaz = gm.Gazetteer.default()
    top = gm.resolve("Hmeimim")[0]
    assert top.place_id == "gm:sy-airb-hmeimim"
    # OurAirports' OSLK keyword joined the curated row; no second row for the same field.
    assert "مطار الشهيد باسل الأسد الدولي" in gaz.names_of(gaz.row_of(top.place_id))
    assert gaz.row_of("ourairports:OSLK") is None


def test_ourairports_airfield_is_added_and_a_town_keyword_is_not_its_name():
    minaq = gm.resolve("Minaq air base")[0]
    assert (minaq.source, minaq.feature_code) == ("ourairports", "AIRB")
    # OurAirports lists "القصير" (the town) as a keyword of Al Qusayr Air Base.
    assert gm.resolve("القصير")[0].feature_class == "P"


# --- layers and build ------------------------------------------------------------------------
def test_layers_load_on_request_and_unknown_layers_are_refused():
    small = gm.Gazetteer.default(layers=())
    default = gm.Gazetteer.default()
    assert len(small) < len(default) and small.layers == () and default.layers == DEFAULT_LAYERS
    assert small.row_of(KHAN_TUMAN) is None
    assert default.place(default.row_of(KHAN_TUMAN))["source"] == "wof"
    with pytest.raises(GazetteerError, match="unknown gazetteer layer"):
        gm.Gazetteer.default(layers=["xx"])


def test_cli_layers_option(capsys):
    from geomentions.cli import main

    assert main(["--layers", "none", "resolve", "Khan Tuman", "--country", "SY"]) in (0, 1)
    assert KHAN_TUMAN not in capsys.readouterr().out
    assert main(["--layers", "default", "resolve", "Khan Tuman", "--limit", "1"]) == 0
    assert KHAN_TUMAN in capsys.readouterr().out


_HEADER = (
    "wof_id placetype is_current deprecated name gn_id gn_name gn_asciiname gn_feature_class "
    "gn_feature_code gn_population gn_admin1_code gn_country_code gn_timezone "
    "gn_modification_date lat lon country parent_id region_id county_id locality_id wd_id "
    "src_geom lastmodified concordances names"
).split()


def _wof_file(tmp_path, rows: list[dict]) -> object:
    path = tmp_path / "wof-admin-sy.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\t".join(_HEADER) + "\n")
        for r in rows:
            fh.write("\t".join(str(r.get(c, "")) for c in _HEADER) + "\n")
    return path


def test_read_wof_applies_the_manifest_caveats(tmp_path):
    base = [PlaceRow("geonames:172256", "Ayn al Arab", 36.891, 38.354, "SY", "P", "PPLA2")]
    base[0].names = ["Ayn al Arab", "Kobani"]
    town = {"placetype": "locality", "gn_feature_class": "P", "gn_country_code": "SY"}
    rows = [
        # An Afrin record carrying Kobani's name among its labels.
        town | {"name": "Afrin", "gn_id": "9001", "gn_name": "Afrin", "lat": 36.51, "lon": 36.87,
                "gn_admin1_code": "2.0", "names": '{"kur_x_preferred": ["Efrîn"], '
                '"eng_x_variant": ["Kobanî", "Afreen"]}'},
        town | {"name": "Deprecated", "gn_id": "9002", "lat": 36.0, "lon": 37.0,
                "deprecated": "2024-01-19"},
        town | {"name": "No Id", "lat": 36.0, "lon": 37.0},
        town | {"name": "Ayn al Arab", "gn_id": "172256", "lat": 36.89, "lon": 38.35},
        # Same name as the base row, 1 km away, another id: a twin record.
        town | {"name": "Ayn al Arab", "gn_id": "9003", "lat": 36.9, "lon": 38.355},
    ]  # fmt: skip
    out = read_wof(
        _wof_file(tmp_path, rows),
        known_ids={"geonames:172256"},
        base_index=_country_indexes(base, {"SY"})["SY"],
        admin1_names={"SY.02": "Aleppo"},
        admin1_pcodes={"SY.02": "SY02"},
    )
    assert [r.place_id for r in out] == ["geonames:9001"]
    afrin = out[0]
    assert (afrin.admin1, afrin.admin1_pcode, afrin.source) == ("Aleppo", "SY02", "wof")
    assert "Afreen" in afrin.names and "Kobanî" not in afrin.names
    assert _admin1_code("9.0") == "09" and _admin1_code("ENG") == "ENG"


@pytest.mark.parametrize(
    "text",
    [
        "Clashes were reported near Hodeidah on Tuesday.",
        "Fighters shelled the outskirts of Hodeidah overnight.",
    ],
)
def test_a_name_does_not_vouch_for_a_village_in_its_own_division(text: str) -> None:
    # The city's own vote for its governorate made the village Al Hudaydi (pop. unknown) the
    # only candidate; the port city of some 700,000 is meant.
    (mention,) = gm.extract(text).places
    assert mention.place.feature_code == "PPLA"
    assert mention.place.population > 500_000
