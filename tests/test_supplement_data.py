"""Checks on the curated gazetteer supplement (gazetteer/supplement/*.csv) and its generator.

The CSVs are data that people edit by hand, so these tests are the guard rails: schema,
ids, coordinates inside the country they claim, scripts of the Arabic and Russian names.
"""

from __future__ import annotations

import csv
import doctest
import importlib.util
import re
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

SUPPLEMENT = Path(__file__).resolve().parents[1] / "gazetteer" / "supplement"
PLACES = SUPPLEMENT / "places.csv"
AIRPORTS = SUPPLEMENT / "airports.csv"

FIELDS = [
    "id", "name", "name_ar", "name_ru", "alt_names", "feature_class", "feature_code",
    "country_code", "admin1", "lat", "lon", "radius_km", "population", "source",
]  # fmt: skip

#: Feature codes we allow, with their GeoNames class letter (featureCodes_en.txt).
FEATURE_CLASS = {
    "AIRB": "S", "AIRP": "S", "AIRF": "S", "AIRH": "S", "INSM": "S", "PSTB": "S",
    "MILB": "L", "NVB": "L", "PRT": "L", "RGN": "L", "AREA": "L", "OAS": "L",
    "PPL": "P", "PPLX": "P", "PPLL": "P",
    "MTS": "T", "MT": "T", "PLN": "T", "VAL": "T", "DSRT": "T", "PLAT": "T", "HLLS": "T",
    "PEN": "T", "GRGE": "T", "STRT": "H", "ADM1": "A", "ADM2": "A",
}  # fmt: skip
#: Codes for areas: these need an extent (radius_km > 0); everything else is a point.
AREA_CODES = {
    "RGN", "AREA", "OAS", "MTS", "PLN", "VAL", "GRGE", "DSRT", "PLAT", "HLLS", "PEN", "STRT",
    "ADM1", "ADM2",
}  # fmt: skip

#: Rough (generous) boxes per country: (min_lat, max_lat, min_lon, max_lon).
BOXES: dict[str, list[tuple[float, float, float, float]]] = {
    "SY": [(32.2, 37.4, 35.5, 42.5)],
    "IQ": [(29.0, 37.5, 38.7, 48.7)],
    "LY": [(19.4, 33.3, 9.3, 25.2)],
    "YE": [(12.0, 19.1, 41.8, 54.6)],
    "UA": [(44.3, 52.4, 22.1, 40.3)],
    "LB": [(33.0, 34.7, 35.1, 36.7)],
    "JO": [(29.1, 33.4, 34.9, 39.4)],
    "TR": [(35.8, 42.2, 25.6, 44.9)],
    "IL": [(29.4, 33.4, 34.2, 35.9)],
    "PS": [(31.2, 32.6, 34.2, 35.6)],
    "IR": [(25.0, 39.8, 44.0, 63.4)],
    "SA": [(16.3, 32.2, 34.5, 55.7)],
    "QA": [(24.4, 26.2, 50.7, 51.7)],
    "KW": [(28.5, 30.1, 46.5, 48.5)],
    "AE": [(22.6, 26.1, 51.5, 56.4)],
    "AF": [(29.3, 38.5, 60.5, 74.9)],
    "EG": [(22.0, 31.7, 24.7, 36.9)],
    "SD": [(8.6, 22.3, 21.8, 38.7)],
    "BA": [(42.5, 45.3, 15.7, 19.7)],
    "CD": [(-13.5, 5.4, 12.2, 31.3)],
    "HR": [(42.3, 46.6, 13.4, 19.5)],
    "GE": [(41.0, 43.6, 40.0, 46.8)],
    "PK": [(23.6, 37.1, 60.8, 77.9)],
    "IN": [(6.7, 37.1, 68.1, 97.5)],
    "NA": [(-29.0, -16.9, 11.7, 25.3)],
    "RU": [(41.1, 82.0, 19.6, 180.0), (64.0, 72.0, -180.0, -168.9)],  # Chukotka crosses 180°
}

ID_RE = re.compile(r"^gm:[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_RE = re.compile(
    r"^(?:wikipedia(?::[a-z]{2,3})?:\S+|airportsdata:[A-Z0-9_]+|ourairports:[A-Z0-9]+"
    r"|arab-ency:\d+|geonames:\d+(?:\+\d+)*|whosonfirst:\d+(?:\+\d+)*|naturalearth:[a-z0-9_]+:[A-Z0-9-]+(?:\+[A-Z0-9-]+)*)$"
)
ICAO_RE = re.compile(r"^[A-Z]{4}$")


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return _read(PLACES)[1]


@pytest.fixture(scope="module")
def airports() -> list[dict[str, str]]:
    return _read(AIRPORTS)[1]


@pytest.fixture(scope="module")
def all_rows(places: list[dict[str, str]], airports: list[dict[str, str]]) -> list[dict[str, str]]:
    return places + airports


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_airports", SUPPLEMENT / "make_airports.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _scripts(text: str) -> set[str]:
    """Unicode script-ish prefixes (ARABIC, CYRILLIC, LATIN, ...) of the letters in text."""
    return {unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha()}


# --- schema ---------------------------------------------------------------------------------
@pytest.mark.parametrize("path", [PLACES, AIRPORTS], ids=["places", "airports"])
def test_header_is_exactly_the_schema(path: Path) -> None:
    fields, rows = _read(path)
    assert fields == FIELDS
    assert rows, f"{path.name} is empty"
    assert all(None not in row for row in rows), "a row has more cells than the header"


def test_ids_are_unique_and_well_formed(all_rows: list[dict[str, str]]) -> None:
    ids = [r["id"] for r in all_rows]
    bad = [i for i in ids if not ID_RE.match(i)]
    assert not bad
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes


def test_place_ids_name_their_country_and_feature(places: list[dict[str, str]]) -> None:
    for r in places:
        cc, code = r["id"][3:].split("-")[:2]
        assert cc.upper() == r["country_code"], r["id"]
        assert code.upper() == r["feature_code"], r["id"]


def test_airport_ids_and_sources_match(airports: list[dict[str, str]]) -> None:
    for r in airports:
        assert r["id"].startswith("gm:icao-")
        assert r["source"].startswith("airportsdata:")
        code = r["source"].split(":", 1)[1]
        assert r["id"].removeprefix("gm:icao-") == re.sub(r"[^a-z0-9]+", "-", code.lower()).strip(
            "-"
        )


def test_feature_codes_known_and_class_matches(all_rows: list[dict[str, str]]) -> None:
    for r in all_rows:
        assert r["feature_code"] in FEATURE_CLASS, r["id"]
        assert r["feature_class"] == FEATURE_CLASS[r["feature_code"]], r["id"]


def test_coordinates_have_4_to_5_decimals_and_lie_in_their_country(
    all_rows: list[dict[str, str]],
) -> None:
    for r in all_rows:
        for key in ("lat", "lon"):
            frac = r[key].partition(".")[2]
            assert 4 <= len(frac) <= 5, (r["id"], key, r[key])
        lat, lon = float(r["lat"]), float(r["lon"])
        assert r["country_code"] in BOXES, r["id"]
        boxes = BOXES[r["country_code"]]
        inside = any(a <= lat <= b and c <= lon <= d for a, b, c, d in boxes)
        assert inside, (r["id"], r["country_code"], lat, lon)


def test_areas_have_an_extent_and_points_do_not(all_rows: list[dict[str, str]]) -> None:
    for r in all_rows:
        radius = float(r["radius_km"])
        if r["feature_code"] in AREA_CODES:
            assert 0 < radius <= 500, r["id"]
        else:
            assert radius == 0, r["id"]


def test_population_blank_or_positive_integer(all_rows: list[dict[str, str]]) -> None:
    for r in all_rows:
        assert r["population"] == "" or (r["population"].isdigit() and int(r["population"]) > 0)


def test_sources_are_named_publishers(all_rows: list[dict[str, str]]) -> None:
    bad = [(r["id"], r["source"]) for r in all_rows if not SOURCE_RE.match(r["source"])]
    assert not bad


# --- names ----------------------------------------------------------------------------------
def test_places_have_arabic_and_russian_names(places: list[dict[str, str]]) -> None:
    for r in places:
        assert _scripts(r["name_ar"]) == {"ARABIC"}, (r["id"], r["name_ar"])
        assert _scripts(r["name_ru"]) == {"CYRILLIC"}, (r["id"], r["name_ru"])
        assert _scripts(r["name"]) == {"LATIN"}, (r["id"], r["name"])


def test_alt_names_are_clean(all_rows: list[dict[str, str]]) -> None:
    for r in all_rows:
        if not r["alt_names"]:
            continue
        alts = r["alt_names"].split("|")
        assert all(a and a == a.strip() for a in alts), r["id"]
        assert len(set(alts)) == len(alts), r["id"]
        assert not {r["name"], r["name_ar"], r["name_ru"]} & set(alts), r["id"]
        # Bare IATA codes would match ordinary words ("BEN", "DAM"); ICAO codes are 4 letters.
        assert not [a for a in alts if re.fullmatch(r"[A-Z]{3}", a)], r["id"]


def test_every_place_lists_spelling_variants(
    places: list[dict[str, str]],
) -> None:
    # Reports spell names many ways; a row with only its three main names is likely unfinished.
    for r in places:
        assert len([a for a in r["alt_names"].split("|") if a]) >= 3, r["id"]


# --- curated rows and generated airports fit together ---------------------------------------
def test_airports_leave_out_what_places_curate(
    places: list[dict[str, str]], airports: list[dict[str, str]]
) -> None:
    gen = _load_generator()
    claimed = set().union(*(gen.linked_icao(p) for p in places))
    assert "OSLK" in claimed  # Hmeimim shares its runway with Latakia's civil airport
    in_airports = {r["source"].split(":", 1)[1] for r in airports}
    assert not claimed & in_airports


def test_curated_airport_rows_use_airportsdata_where_it_agrees(
    places: list[dict[str, str]],
) -> None:
    # The sync step must have run: a linked row keeps its own coordinates only where
    # airportsdata lacks the airport or disagrees by more than the generator's limit.
    airportsdata = pytest.importorskip("airportsdata")
    gen = _load_generator()
    known = airportsdata.load("ICAO")
    checked = 0
    for r in places:
        for icao in sorted(gen.linked_icao(r) & set(known)):
            checked += 1
            rec = known[icao]
            d = gen.haversine_km(float(r["lat"]), float(r["lon"]), rec["lat"], rec["lon"])
            assert r["source"] == f"airportsdata:{icao}" or d > gen.AGREE_KM, (r["id"], icao)
    assert checked > 0


def test_key_places_are_present(places: list[dict[str, str]]) -> None:
    ids = {r["id"] for r in places}
    for wanted in (
        "gm:sy-airb-hmeimim", "gm:sy-airb-tiyas", "gm:sy-airb-kuweires", "gm:sy-airb-shayrat",
        "gm:sy-nvb-tartus", "gm:sy-ppl-ithriyah", "gm:sy-rgn-jabal-al-zawiya",
        "gm:sy-rgn-eastern-ghouta", "gm:iq-mts-sinjar", "gm:ua-airp-hostomel",
    ):  # fmt: skip
        assert wanted in ids


def test_rows_are_sorted_for_stable_diffs(
    places: list[dict[str, str]], airports: list[dict[str, str]]
) -> None:
    assert [r["id"] for r in places] == sorted(r["id"] for r in places)
    keys = [(r["country_code"], r["id"]) for r in airports]
    assert keys == sorted(keys)


# --- the generator's logic (no airportsdata needed) -----------------------------------------
def test_generator_doctests_pass() -> None:
    result = doctest.testmod(_load_generator(), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_generator_classifies_military_fields() -> None:
    gen = _load_generator()
    assert gen.feature_code_for("Tall Afar Army Air Field") == "AIRB"
    assert gen.feature_code_for("King Faisal Naval Base") == "AIRB"
    assert gen.feature_code_for("Al Abdaliyah Highway Strip") == "AIRF"
    assert gen.feature_code_for("Sana'a International Airport") == "AIRP"
    with pytest.raises(TypeError):
        gen.feature_code_for(None)


def test_generator_keeps_curated_coordinates_when_sources_disagree() -> None:
    gen = _load_generator()
    row = {"id": "gm:sy-airb-x", "alt_names": "OSXX", "lat": "35.00000", "lon": "36.00000",
           "source": "wikipedia:X"}  # fmt: skip
    notes = gen.sync_places([row], {"OSXX": {"lat": 35.1, "lon": 36.0}})  # ~11 km away
    assert row["lat"] == "35.00000" and row["source"] == "wikipedia:X"
    assert "DISAGREES" in notes[0]


def test_generator_never_names_an_airport_by_its_iata_code() -> None:
    gen = _load_generator()
    rec = {"name": "Benina International Airport", "iata": "BEN", "country": "LY",
           "subd": "Banghazi", "lat": 32.0968, "lon": 20.2695}  # fmt: skip
    row = gen.airport_row("HLLB", rec)
    assert row["alt_names"].split("|") == ["Benina Airport", "HLLB"]
    with pytest.raises(ValueError):
        gen.airport_row("HLXX", {**rec, "name": " "})
