"""geomentions.frames: mention/place GeoDataFrames and their file formats."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from geomentions.frames import (
    AGGREGATE_COLUMNS,
    AGGREGATE_SCHEMA,
    COLUMNS,
    SCHEMA,
    aggregate,
    read_parquet,
    to_csv,
    to_geodataframe,
    to_geojson,
    to_parquet,
)
from geomentions.model import Count, Document

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from gm_map_samples import ALEPPO, IDLIB, mention, sample_docs  # noqa: E402


def _row(gdf: gpd.GeoDataFrame, mention_text: str, doc_id: str | None) -> pd.Series:
    ids = gdf["doc_id"]
    hit = gdf[(gdf["mention"] == mention_text) & (ids.isna() if doc_id is None else ids == doc_id)]
    assert len(hit) == 1
    return hit.iloc[0]


def _assert_schema(gdf: gpd.GeoDataFrame, schema: dict[str, str], columns: list[str]) -> None:
    assert list(gdf.columns) == columns
    assert {c: str(t) for c, t in gdf.dtypes.items() if c != "geometry"} == schema
    assert gdf.crs == "EPSG:4326"
    assert gdf.geometry.name == "geometry"


def test_one_row_per_resolved_mention_with_fixed_schema() -> None:
    gdf = to_geodataframe(sample_docs())
    _assert_schema(gdf, SCHEMA, COLUMNS)
    # 6 mentions in the reports, "Qasr al-Hayr" unresolved.
    assert len(gdf) == 5
    assert "Qasr al-Hayr" not in set(gdf["mention"])
    assert list(gdf["mention"]) == ["Aleppo", "Deir ez-Zor", "Palmyra", "Aleppo", "Idlib"]


def test_point_is_the_mention_point_else_the_place_point() -> None:
    gdf = to_geodataframe(sample_docs())
    eastern = _row(gdf, "Aleppo", "rep-001")
    assert (eastern.geometry.x, eastern.geometry.y) == (37.19, 36.21)
    assert (eastern["lon"], eastern["lat"]) == (37.19, 36.21)
    plain = _row(gdf, "Aleppo", "rep-002")
    assert (plain.geometry.x, plain.geometry.y) == (ALEPPO.lon, ALEPPO.lat)


def test_row_values() -> None:
    gdf = to_geodataframe(sample_docs())
    a = _row(gdf, "Aleppo", "rep-001")
    assert (a["place_id"], a["name"], a["country_code"]) == ("geonames:170063", "Aleppo", "SY")
    assert (a["admin1"], a["feature_code"], a["qualifier"]) == ("09", "PPLA", "eastern")
    assert (a["event_type"], a["count"], a["counts"], a["actors"]) == (
        "airstrike",
        24,
        "24 targets",
        "warplanes",
    )
    assert a["sentence"].startswith("Warplanes hit 24 targets in eastern Aleppo")
    assert (a["precision"], a["uncertainty_km"], a["confidence"]) == (2, 5.0, 0.92)
    # Only the three best runners-up, the chosen place left out.
    assert a["runners_up"] == "Idlib (SY) 0.88; Deir ez-Zor (SY) 0.81; Tadmur (SY) 0.55"
    assert a["why"].startswith("exact name")
    assert a["date"] == pd.Timestamp("2024-03-01")  # the activity's own date
    p = _row(gdf, "Palmyra", "rep-002")
    assert (p["name"], p["count"], p["counts"]) == ("Tadmur", 12, "12 sorties; 3 aircraft")
    assert p["date"] == pd.Timestamp("2024-03-05")  # falls back to the report date
    i = _row(gdf, "Idlib", None)
    assert pd.isna(i["doc_id"]) and pd.isna(i["date"]) and pd.isna(i["count"])
    assert pd.isna(i["qualifier"]) and pd.isna(i["uncertainty_km"])
    assert (i["counts"], i["actors"], i["runners_up"]) == ("", "", "")


def test_start_end_are_document_offsets() -> None:
    for doc in sample_docs():
        gdf = to_geodataframe(doc)
        for _, r in gdf.iterrows():
            assert doc.text[r["start"] : r["end"]] == r["mention"]


@pytest.mark.parametrize(
    "docs",
    [
        [],
        Document("empty", "Nothing here."),
        [Document("u", "Qasr", [mention("Qasr", "Qasr", None, 0)])],
    ],
)
def test_empty_input_has_the_same_schema(docs: object) -> None:
    gdf = to_geodataframe(docs)
    assert len(gdf) == 0
    _assert_schema(gdf, SCHEMA, COLUMNS)


def test_accepts_one_document_or_any_iterable() -> None:
    docs = sample_docs()
    assert len(to_geodataframe(docs[0])) == 2
    assert len(to_geodataframe(d for d in docs)) == 5
    assert len(to_geodataframe(tuple(docs))) == 5


def test_min_confidence_filters_inclusively() -> None:
    docs = sample_docs()
    assert sorted(to_geodataframe(docs, min_confidence=0.6)["confidence"]) == [
        0.77,
        0.81,
        0.88,
        0.92,
    ]
    assert sorted(to_geodataframe(docs, min_confidence=0.81)["confidence"]) == [0.81, 0.88, 0.92]
    assert len(to_geodataframe(docs, min_confidence=1.0)) == 0


@pytest.mark.parametrize(
    ("docs", "kwargs", "error"),
    [
        ("Aleppo was shelled", {}, TypeError),
        ([Document("a", "x"), "b"], {}, TypeError),
        (42, {}, TypeError),
        ([], {"min_confidence": 1.5}, ValueError),
        ([], {"min_confidence": -0.1}, ValueError),
        ([], {"min_confidence": "0.5"}, TypeError),
    ],
)
def test_bad_input(docs: object, kwargs: dict, error: type[Exception]) -> None:
    with pytest.raises(error):
        to_geodataframe(docs, **kwargs)


def test_aggregate_one_row_per_place() -> None:
    agg = aggregate(to_geodataframe(sample_docs()))
    _assert_schema(agg, AGGREGATE_SCHEMA, AGGREGATE_COLUMNS)
    # Most mentioned first, ties by place_id.
    assert list(agg["place_id"]) == [
        "geonames:170063",
        "geonames:163345",
        "geonames:169389",
        "geonames:170794",
    ]
    a = agg.iloc[0]
    assert (a["name"], a["mentions"], a["documents"]) == ("Aleppo", 2, 2)
    assert (a["doc_ids"], a["event_types"], a["total_count"]) == (
        "rep-001; rep-002",
        "airstrike",
        24,
    )
    assert (a["first_date"], a["last_date"]) == (
        pd.Timestamp("2024-03-01"),
        pd.Timestamp("2024-03-05"),
    )
    assert a["confidence"] == pytest.approx((0.92 + 0.77) / 2)
    # The place's own point, not the "eastern Aleppo" one.
    assert (a.geometry.x, a.geometry.y) == (ALEPPO.lon, ALEPPO.lat)
    idlib = agg[agg["place_id"] == IDLIB.place_id].iloc[0]
    assert (idlib["documents"], idlib["doc_ids"]) == (0, "")
    assert pd.isna(idlib["total_count"]) and pd.isna(idlib["first_date"])


def test_aggregate_sums_counts_and_joins_event_types() -> None:
    s1, s2, s3 = "Strikes on Idlib hit 4 sites.", "Idlib was shelled, 7 dead.", "Idlib again."
    docs = [
        Document("a", s1, [mention("Idlib", s1, IDLIB, 0.9, event_type="airstrike",
                                   counts=(Count(4, "sites"),))]),
        Document("b", s2, [mention("Idlib", s2, IDLIB, 0.7, event_type="shelling",
                                   counts=(Count(7, "dead"), Count(2, "homes")))]),
        Document("b", s3, [mention("Idlib", s3, IDLIB, 0.8, event_type="shelling")]),
    ]  # fmt: skip
    agg = aggregate(to_geodataframe(docs))
    assert len(agg) == 1
    r = agg.iloc[0]
    assert (r["mentions"], r["documents"], r["doc_ids"]) == (3, 2, "a; b")
    assert (r["event_types"], r["total_count"]) == ("airstrike; shelling", 11)
    assert r["confidence"] == pytest.approx(0.8)


def test_aggregate_of_empty_frame_and_bad_input() -> None:
    agg = aggregate(to_geodataframe([]))
    assert len(agg) == 0
    _assert_schema(agg, AGGREGATE_SCHEMA, AGGREGATE_COLUMNS)
    with pytest.raises(TypeError):
        aggregate(pd.DataFrame({"place_id": []}))
    with pytest.raises(ValueError, match="count"):
        aggregate(to_geodataframe(sample_docs()).drop(columns=["count"]))


@pytest.mark.parametrize("kind", ["mentions", "places", "empty"])
def test_geoparquet_round_trip_is_lossless(tmp_path: Path, kind: str) -> None:
    gdf = to_geodataframe(sample_docs() if kind != "empty" else [])
    if kind == "places":
        gdf = aggregate(gdf)
    back = read_parquet(to_parquet(gdf, tmp_path / "out.parquet"))
    assert_geodataframe_equal(gdf, back, check_dtype=True, check_crs=True)
    assert list(back.columns) == list(gdf.columns)


def test_geojson(tmp_path: Path) -> None:
    sentence = "قصف الطيران مدينة حلب صباح اليوم"
    docs = sample_docs() + [Document("ar-1", sentence, [mention("حلب", sentence, ALEPPO, 0.9)])]
    path = to_geojson(to_geodataframe(docs), tmp_path / "m.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 6
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [37.19, 36.21]}
    assert first["properties"]["date"] == "2024-03-01"
    assert first["properties"]["count"] == 24
    assert list(first["properties"]) == COLUMNS[:-1]
    idlib = next(f for f in data["features"] if f["properties"]["mention"] == "Idlib")
    assert idlib["properties"]["doc_id"] is None and idlib["properties"]["date"] is None
    assert data["features"][-1]["properties"]["sentence"] == sentence
    empty = json.loads(to_geojson(to_geodataframe([]), tmp_path / "e.geojson").read_text())
    assert empty["features"] == []


def test_csv_latlon_and_wkt(tmp_path: Path) -> None:
    gdf = to_geodataframe(sample_docs())
    latlon = pd.read_csv(to_csv(gdf, tmp_path / "a.csv"), keep_default_na=False)
    assert "geometry" not in latlon.columns
    assert list(latlon.columns) == COLUMNS[:-1]
    assert (latlon.loc[0, "lat"], latlon.loc[0, "lon"], latlon.loc[0, "date"]) == (
        36.21,
        37.19,
        "2024-03-01",
    )
    wkt = pd.read_csv(to_csv(gdf, tmp_path / "b.csv", geometry="wkt"))
    assert wkt.loc[0, "geometry"] == "POINT (37.19 36.21)"
    places = pd.read_csv(to_csv(aggregate(gdf), tmp_path / "c.csv"))
    assert list(places.columns[-2:]) == ["lat", "lon"]
    assert (places.loc[0, "lat"], places.loc[0, "lon"]) == (ALEPPO.lat, ALEPPO.lon)
    with pytest.raises(ValueError, match="geometry"):
        to_csv(gdf, tmp_path / "d.csv", geometry="xy")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_csv(gdf, 42)  # type: ignore[arg-type]


def test_writers_reject_plain_dataframes(tmp_path: Path) -> None:
    df = pd.DataFrame(to_geodataframe(sample_docs()).drop(columns="geometry"))
    for write in (to_geojson, to_parquet, to_csv):
        with pytest.raises(TypeError):
            write(df, tmp_path / "x")


def test_dates_come_from_activity_then_document() -> None:
    s = "Idlib was quiet."
    doc = Document("d", s, [mention("Idlib", s, IDLIB, 0.9)], date=dt.date(2023, 12, 31))
    assert to_geodataframe(doc)["date"].tolist() == [pd.Timestamp("2023-12-31")]


def test_csv_defuses_formulas_from_report_text(tmp_path) -> None:
    import pandas as pd

    from geomentions import frames
    from geomentions.model import Activity, Candidate, Document, Mention

    place = Candidate(
        "geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P", "PPLA", "Aleppo", "",
        1602264, "Aleppo", 0.9, "test",
    )  # fmt: skip
    sentence = '=HYPERLINK("http://example.invalid","x") shelling hit Aleppo'
    doc = Document(
        "=cmd|' /C calc'!A0",
        sentence,
        [
            Mention(
                "Aleppo", sentence.index("Aleppo"), len(sentence), place, [place], 0.9,
                activity=Activity("shelling", sentence=sentence),
            )
        ],
    )  # fmt: skip
    gdf = frames.to_geodataframe(doc)
    safe = pd.read_csv(frames.to_csv(gdf, tmp_path / "safe.csv"))
    assert safe.loc[0, "doc_id"].startswith("'=") and safe.loc[0, "sentence"].startswith("'=")
    raw = pd.read_csv(frames.to_csv(gdf, tmp_path / "raw.csv", spreadsheet_safe=False))
    assert raw.loc[0, "sentence"] == sentence
