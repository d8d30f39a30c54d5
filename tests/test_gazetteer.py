"""gm.Gazetteer: loading (and refusing) files, and layering user places over the shipped data."""

from __future__ import annotations

import gc
import io
import os
import weakref
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq
import pytest
from shapely.geometry import Point

import geomentions as gm


def test_default_is_loaded_once_and_is_the_shipped_file(default_gaz: gm.Gazetteer) -> None:
    assert gm.Gazetteer.default() is default_gaz
    assert Path(default_gaz.path) == gm.gazetteer.default_path()
    # The shipped data covers the region and beyond, not a sample.
    assert len(default_gaz) > 100_000


def test_lookup_and_place_attributes(default_gaz: gm.Gazetteer) -> None:
    rows = default_gaz.lookup("Halab")
    ids = {default_gaz.place(r)["place_id"]: r for r in rows}
    assert "geonames:170063" in ids
    info = default_gaz.place(ids["geonames:170063"])
    assert (info["name"], info["country_code"], info["feature_code"]) == ("Aleppo", "SY", "PPLA")
    assert isinstance(info["lat"], float) and isinstance(info["population"], int)
    names = default_gaz.names_of(ids["geonames:170063"])
    assert {"Aleppo", "حلب", "Алеппо"} <= set(names)


def test_prefetched_places_are_the_places_read_one_by_one(default_gaz: gm.Gazetteer) -> None:
    # Name matching reads every place called "Springfield" at once, a column at a time: the
    # attributes must be the very values, types and key order that one row at a time gives.
    rows = default_gaz.lookup("Springfield")
    assert len(rows) > 20
    one_by_one = [default_gaz._build_place(r) for r in rows]
    default_gaz.cache.clear()
    default_gaz.prefetch(rows)
    prefetched = [default_gaz.cache.get(("place", r)) for r in rows]
    assert prefetched == one_by_one
    for got, want in zip(prefetched, one_by_one, strict=True):
        assert list(got) == list(want)
        assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
    assert {default_gaz.place(r)["country_code"] for r in rows} >= {"US"}


# --- files that are not gazetteers ----------------------------------------------------------
def _assert_refused(path: Path) -> None:
    with pytest.raises(gm.GazetteerError) as err:
        gm.Gazetteer.from_file(path)
    assert str(path) in str(err.value), "the message must name the file"
    # GazetteerError is a ValueError, so generic bad-input handlers catch it.
    assert isinstance(err.value, ValueError)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    _assert_refused(tmp_path / "nope.parquet")


def test_directory_is_refused(tmp_path: Path) -> None:
    _assert_refused(tmp_path)


def test_truncated_copy_of_the_shipped_file_is_refused(tmp_path: Path) -> None:
    head = gm.gazetteer.default_path().read_bytes()[:1000]
    path = tmp_path / "truncated.parquet"
    path.write_bytes(head)
    _assert_refused(path)


def test_shipped_file_missing_its_tail_is_refused(tmp_path: Path) -> None:
    data = gm.gazetteer.default_path().read_bytes()
    path = tmp_path / "tail_cut.parquet"
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path)


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.parquet"
    path.write_bytes(os.urandom(4096))
    _assert_refused(path)


def test_parquet_of_another_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    pd.DataFrame({"city": ["Aleppo"], "x": [37.16], "y": [36.2]}).to_parquet(path)
    _assert_refused(path)


def test_empty_gazetteer_file_is_refused(tmp_path: Path) -> None:
    from geomentions.build import write

    path = write([], tmp_path / "empty.parquet")
    _assert_refused(path)


def test_gazetteer_of_another_format_version_is_refused(tmp_path: Path) -> None:
    from geomentions.build import PlaceRow, to_table

    table = to_table([PlaceRow("test:1", "Qasr Nadim", 35.1, 38.2, names=["Qasr Nadim"])])
    path = tmp_path / "future.parquet"
    pq.write_table(table.replace_schema_metadata({"geomentions.format": "999"}), path)
    _assert_refused(path)
    # The same table with the current version loads, so the version alone was refused.
    good = tmp_path / "current.parquet"
    pq.write_table(table, good)
    assert gm.Gazetteer.from_file(good).lookup("Qasr Nadim") == [0]


def test_unused_gazetteer_is_freed_after_resolve(tmp_path: Path) -> None:
    from geomentions.build import PlaceRow, write

    path = write(
        [PlaceRow("test:1", "Qasr Nadim", 35.1, 38.2, names=["Qasr Nadim"])], tmp_path / "g.parquet"
    )
    gaz = gm.Gazetteer.from_file(path)
    assert gm.resolve("Qasr Nadim", gazetteer=gaz)[0].place_id == "test:1"
    ref = weakref.ref(gaz)
    del gaz
    gc.collect()
    assert ref() is None


# --- user places ----------------------------------------------------------------------------
# Every add_places call makes the next fuzzy lookup rebuild the skeleton index (a second
# or two), so the four input kinds are layered once, before any lookup, and checked below.
CAMPS_CSV = (
    "id,name,name_ar,name_ru,alt_names,feature_code,country_code,lat,lon\n"
    "test:testville,Camp Testville,مخيم تستفيل,лагерь Тествилль,Testville IDP camp,CMP,SY,"
    "36.4512,37.0123\n"
)


@pytest.fixture(scope="module")
def layered(
    private_gaz: gm.Gazetteer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[gm.Gazetteer, int]:
    """The private gazetteer with user places from a CSV, a DataFrame, a GeoDataFrame and
    records; also returns its size before."""
    n_before = len(private_gaz)
    csv_path = tmp_path_factory.mktemp("places") / "camps.csv"
    csv_path.write_text(CAMPS_CSV, encoding="utf-8")
    assert private_gaz.add_places(csv_path) is private_gaz
    frame = pd.DataFrame(
        {
            "name": ["Frobnitz Outpost", "Quarrel Ridge"],
            "lat": [34.101, 34.202],
            "lon": [39.201, 39.302],
            "feature_code": ["MILB", "PPL"],
        }
    )
    private_gaz.add_places(frame, source="analyst")
    gdf = gpd.GeoDataFrame(
        {"name": ["Quuxbury Hill"], "name_ar": ["تل كوكسبري"]},
        geometry=[Point(39.35, 34.25)],  # shapely order: x = lon, y = lat
        crs="EPSG:4326",
    )
    private_gaz.add_places(gdf)
    private_gaz.add_places([{"name": "Zyxt Junction", "lat": 33.3, "lon": 44.4}])
    return private_gaz, n_before


def test_add_places_counts_every_row(layered: tuple[gm.Gazetteer, int]) -> None:
    gaz, n_before = layered
    assert len(gaz) == n_before + 5


@pytest.mark.parametrize("query", ["Camp Testville", "مخيم تستفيل", "Testville IDP camp"])
def test_add_places_from_csv(layered: tuple[gm.Gazetteer, int], query: str) -> None:
    top = gm.resolve(query, gazetteer=layered[0])[0]
    assert top.place_id == "test:testville", (query, top)
    assert (top.lat, top.lon, top.feature_code, top.country_code, top.source) == (
        36.4512,
        37.0123,
        "CMP",
        "SY",
        "user",
    )


def test_other_gazetteers_do_not_see_user_places(
    layered: tuple[gm.Gazetteer, int], default_gaz: gm.Gazetteer
) -> None:
    assert layered[0] is not default_gaz
    assert all(c.place_id != "test:testville" for c in gm.resolve("Camp Testville"))


def test_add_places_from_dataframe(layered: tuple[gm.Gazetteer, int]) -> None:
    top = gm.resolve("Frobnitz Outpost", gazetteer=layered[0])[0]
    assert (top.name, top.lat, top.lon, top.feature_code, top.source) == (
        "Frobnitz Outpost",
        34.101,
        39.201,
        "MILB",
        "analyst",
    )
    assert gm.resolve("Quarrel Ridge", gazetteer=layered[0])[0].lat == 34.202


@pytest.mark.parametrize("query", ["Quuxbury Hill", "تل كوكسبري"])
def test_add_places_from_geodataframe_without_lat_lon(
    layered: tuple[gm.Gazetteer, int], query: str
) -> None:
    top = gm.resolve(query, gazetteer=layered[0])[0]
    assert top.name == "Quuxbury Hill"
    assert (top.lat, top.lon) == (34.25, 39.35)


def test_add_places_from_records(layered: tuple[gm.Gazetteer, int]) -> None:
    top = gm.resolve("Zyxt Junction", gazetteer=layered[0])[0]
    assert (top.lat, top.lon) == (33.3, 44.4)


def test_add_places_reprojects_a_projected_geodataframe(private_gaz: gm.Gazetteer) -> None:
    wgs84 = gpd.GeoDataFrame(
        {"name": ["Mercator Farm"]}, geometry=[Point(37.0, 36.0)], crs="EPSG:4326"
    )
    private_gaz.add_places(wgs84.to_crs("EPSG:3857"))
    top = gm.resolve("Mercator Farm", gazetteer=private_gaz)[0]
    assert (round(top.lat, 6), round(top.lon, 6)) == (36.0, 37.0)


def test_bad_lat_in_csv_names_the_row(private_gaz: gm.Gazetteer, tmp_path: Path) -> None:
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("name,lat,lon\nGood Place,35.0,38.0\nBad Place,north,38.1\n")
    n_before = len(private_gaz)
    with pytest.raises(ValueError, match=r"row 2.*Bad Place"):
        private_gaz.add_places(csv_path)
    # Nothing half-added: the good row before the bad one is not layered either.
    assert len(private_gaz) == n_before


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"name": "Far North", "lat": 95.0, "lon": 10.0}, r"row 1.*Far North.*range"),
        ({"name": "No Coordinates"}, r"row 1.*No Coordinates"),
        ({"name": "", "lat": 1.0, "lon": 1.0}, r"row 1.*no name"),
    ],
)
def test_bad_records_raise_value_error(
    private_gaz: gm.Gazetteer, record: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        private_gaz.add_places([record])


def test_bad_lat_in_dataframe_names_the_row(private_gaz: gm.Gazetteer) -> None:
    frame = pd.DataFrame({"name": ["Fine", "Broken"], "lat": [1.0, -91.0], "lon": [1.0, 1.0]})
    with pytest.raises(ValueError, match=r"row 2.*Broken"):
        private_gaz.add_places(frame)


def test_add_places_rejects_other_types(private_gaz: gm.Gazetteer) -> None:
    with pytest.raises(TypeError):
        private_gaz.add_places(42)


def test_add_places_row_with_existing_id_adds_aliases(private_gaz: gm.Gazetteer) -> None:
    # A name no gazetteer has; written for this test.
    assert not gm.resolve("Shahba Citadel Quarter", gazetteer=private_gaz, country="SY") or (
        gm.resolve("Shahba Citadel Quarter", gazetteer=private_gaz)[0].place_id != "geonames:170063"
    )
    private_gaz.add_places(
        io.StringIO("id,name,alt_names\ngeonames:170063,Shahba Citadel Quarter,حلب الشهباء\n")
    )
    for name in ("Shahba Citadel Quarter", "حلب الشهباء"):
        top = gm.resolve(name, gazetteer=private_gaz)[0]
        assert top.place_id == "geonames:170063", name
        assert (top.lat, top.lon) == (36.20124, 37.16117)  # the existing place, not a new row


def test_full_lookup_memo_drops_its_older_half_and_keeps_recent_names() -> None:
    from geomentions.gazetteer import LookupCache

    memo = LookupCache(size=10)
    for i in range(25):
        memo.put(f"name{i}", i)
    # The newest entries survive every eviction; the oldest are gone.
    assert memo.get("name24") == 24 and memo.get("name15") == 15
    assert memo.get("name0") is None and memo.get("name9") is None
    memo.clear()
    assert memo.get("name24") is None
