"""Country hints, the score floor for names looked up alone, Document.focus, user places."""

from __future__ import annotations

from pathlib import Path

import pytest

import geomentions as gm
from geomentions.gazetteer import Gazetteer

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


COMMON_WORDS = _rows("common_words.txt")
PLACE_NAMES = _rows("place_names.txt")


# --- country hints ---------------------------------------------------------------------------


@pytest.mark.parametrize("hint", ["LB", "lb", "LBN", "Lebanon", "لبنان", "Ливан"])
def test_a_country_is_accepted_as_code_alpha3_or_name(hint: str) -> None:
    doc = gm.extract("Clashes in Tripoli.", country=hint)
    assert doc.places[0].place.country_code == "LB"
    assert gm.resolve("Tripoli", country=hint)[0].country_code == "LB"
    assert gm.Geocoder(country=hint).geocode("Tripoli").raw["country_code"] == "LB"


@pytest.mark.parametrize("hint", ["XX", "ZZZ", "Narnia", "Leb", "SY,QQ"])
def test_an_unknown_country_is_the_same_error_everywhere(hint: str) -> None:
    messages = set()
    for call in (
        lambda: gm.extract("Clashes in Tripoli.", country=hint),
        lambda: gm.resolve("Tripoli", country=hint),
        lambda: gm.Geocoder(country=hint),
        lambda: gm.extract_many(["Clashes in Tripoli."], country=hint),
    ):
        with pytest.raises(ValueError) as err:
            call()
        messages.add(str(err.value))
    assert len(messages) == 1
    assert messages.pop().startswith("unknown country ")


# --- the score floor -------------------------------------------------------------------------


def test_common_words_resolve_to_nothing() -> None:
    assert len(COMMON_WORDS) >= 300 and {lang for lang, _ in COMMON_WORDS} == {"en", "ar", "ru"}
    found = {w: gm.resolve(w, limit=1) for _, w in COMMON_WORDS}
    assert {w: c for w, c in found.items() if c} == {}
    geocoder = gm.Geocoder()
    assert [w for _, w in COMMON_WORDS if geocoder.geocode(w) is not None] == []


def test_real_place_names_still_resolve() -> None:
    wrong = {}
    for name, country in PLACE_NAMES:
        top = gm.resolve(name, limit=1)
        if not top or top[0].country_code != country:
            wrong[name] = top
    assert wrong == {}
    assert gm.Geocoder().geocode("Tadmur").raw["country_code"] == "SY"


def test_the_issue_examples_give_nothing() -> None:
    assert gm.Geocoder().geocode("Xyzzyqwerty") is None
    assert gm.resolve("The") == [] and gm.resolve("NYC") == []
    # The floor is a default: asking for everything still shows the weak reading.
    assert gm.resolve("Xyzzyqwerty", min_score=0.0)


# --- Document.focus --------------------------------------------------------------------------


def test_focus_is_the_resolved_countries_most_mentioned_first() -> None:
    doc = gm.extract(
        "Shelling hit Mosul. Later, strikes hit Aleppo, Idlib and Homs, and a convoy left Tikrit."
    )
    resolved = [m.place.country_code for m in doc.places]
    assert resolved.count("SY") == 3 and resolved.count("IQ") == 2
    assert doc.focus == ("SY", "IQ")


def test_focus_leaves_out_countries_only_candidates_lie_in() -> None:
    doc = gm.extract("Clashes in Tripoli, Lebanon.")
    candidate_countries = {c.country_code for m in doc.mentions for c in m.candidates}
    assert "LY" in candidate_countries  # Libya's Tripoli was a candidate ...
    assert doc.focus == ("LB",)  # ... but no resolved mention is in Libya


def test_a_document_without_resolved_places_has_no_focus() -> None:
    assert gm.extract("Nothing happened today.", country="SY").focus == ()


# --- geocoder: geopy's calling conventions -----------------------------------------------------


def test_geocoder_takes_geopy_options() -> None:
    geocoder = gm.Geocoder(timeout=10, user_agent="test")
    assert geocoder.geocode("Halab", timeout=3).raw["name"] == "Aleppo"
    many = geocoder.geocode("Tripoli", exactly_one=False, limit=2, timeout=None)
    assert isinstance(many, list) and len(many) == 2
    assert geocoder.geocode("The", exactly_one=False) is None
    assert geocoder.reverse((36.2, 37.16), timeout=1).raw["name"] == "Aleppo"
    assert isinstance(geocoder.reverse("36.2, 37.16", exactly_one=False, limit=3), list)


@pytest.mark.parametrize("language, name", [("ar", "حلب"), ("ru", "Алеппо"), ("en", "Aleppo")])
def test_geocoder_language_names_the_place_in_that_language(language: str, name: str) -> None:
    geocoder = gm.Geocoder()
    assert geocoder.geocode("Halab", language=language).address.split(",")[0] == name
    assert geocoder.reverse((36.2012, 37.1612), language=language).address.split(",")[0] == name


def test_geocoder_languages_without_a_frequency_table_of_their_own() -> None:
    geocoder = gm.Geocoder()
    # Ukrainian is written in Cyrillic but ships no word table: it still names the place
    # in Cyrillic (it raised FileNotFoundError before).
    uk = geocoder.geocode("Halab", language="uk").address.split(",")[0]
    assert uk and all("\u0400" <= ch <= "\u04ff" for ch in uk if ch.isalpha())
    # A language with no script of ours keeps the place's main name.
    assert geocoder.geocode("Halab", language="fr").address.split(",")[0] == "Aleppo"


def test_reverse_sees_added_places() -> None:
    gaz = Gazetteer.from_file(Gazetteer.default().path)
    gaz.add_places([{"name": "Camp Nakhla", "lat": 10.0, "lon": -30.0}])  # mid-Atlantic
    found = gm.Geocoder(gazetteer=gaz).reverse((10.01, -30.01))
    assert found.raw["name"] == "Camp Nakhla"


# --- add_places --------------------------------------------------------------------------------


def test_rows_without_id_get_distinct_stable_ids() -> None:
    rows = [
        {"name": "Tall Nakhla", "lat": 36.1, "lon": 37.1},
        {"name": "Tall Nakhla", "lat": 35.2, "lon": 38.4},
    ]
    ids = []
    for _ in range(2):
        gaz = Gazetteer.from_file(Gazetteer.default().path)
        gaz.add_places(rows)
        ids.append([gaz.place(r)["place_id"] for r in range(gaz.n_file_places, len(gaz))])
    assert ids[0] == ids[1] and len(set(ids[0])) == 2


def test_added_country_codes_are_checked() -> None:
    gaz = Gazetteer.from_file(Gazetteer.default().path)
    with pytest.raises(ValueError, match="country_code 'QQ'"):
        gaz.add_places([{"name": "Tall Nakhla", "lat": 36.1, "lon": 37.1, "country_code": "QQ"}])
    gaz.add_places([{"name": "Tall Nakhla", "lat": 36.1, "lon": 37.1, "country_code": "syr"}])
    assert gaz.place(len(gaz) - 1)["country_code"] == "SY"


@pytest.mark.parametrize(
    "content, needle",
    [
        (b"", "no places"),
        (b"name,lat,lon\n", "no places"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ],
)
def test_bad_places_file_names_the_file(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "my_places.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError) as err:
        Gazetteer.from_file(Gazetteer.default().path).add_places(path)
    assert str(path) in str(err.value) and needle in str(err.value)


def test_a_name_only_fuzzy_matching_finds_is_not_certain() -> None:
    # "Zorblatt" is no place; its nearest spelling belongs to a Greek village. As the only
    # reading the ranker's share would be 1.00; a fuzzy reading is held to its plausibility.
    found = gm.resolve("Zorblatt")
    assert all(c.score < 0.5 for c in found)
    assert all("fuzzy" in c.why for c in found)
    # Names found by their key keep the ranker's score.
    assert gm.resolve("Tadmur")[0].score > 0.9
    scores = [c.score for c in gm.resolve("Qwertyville", limit=5)]
    assert scores == sorted(scores, reverse=True)
