"""Turn resolved :class:`~geomentions.model.Document` objects into GeoDataFrames and files.

One row per resolved mention (:func:`to_geodataframe`), one row per place
(:func:`aggregate`), and lossless GeoParquet / plain GeoJSON and CSV writers.
Every frame has a fixed column order and explicit dtypes, so an empty result looks
exactly like a full one and files written today read back the same tomorrow.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd
import shapely

from geomentions.model import Document, Mention

#: Column -> dtype of :func:`to_geodataframe` frames, in column order (geometry last).
SCHEMA: dict[str, str] = {
    "doc_id": "string",
    "mention": "string",
    "start": "int64",
    "end": "int64",
    "place_id": "string",
    "name": "string",
    "country_code": "string",
    "admin1": "string",
    "admin1_pcode": "string",
    "admin2_pcode": "string",
    "admin3_pcode": "string",
    "feature_code": "string",
    "source": "string",
    "confidence": "float64",
    "qualifier": "string",
    "event_type": "string",
    "role": "string",
    "role_p": "float64",
    "count": "Int64",
    "date": "datetime64[ns]",
    "sentence": "string",
    "lat": "float64",
    "lon": "float64",
    "precision": "Int64",
    "uncertainty_km": "float64",
    "counts": "string",
    "actors": "string",
    "runners_up": "string",
    "why": "string",
}
#: Column names of :func:`to_geodataframe` frames, in order.
COLUMNS: list[str] = [*SCHEMA, "geometry"]

#: Column -> dtype of ``to_geodataframe(docs, rows="events")`` frames: one row per event
#: location, with the columns of an ACLED table where the report gives them.
EVENT_SCHEMA: dict[str, str] = {
    "event_date": "datetime64[ns]",
    "event_type": "string",
    "trigger": "string",
    "actor1": "string",
    "actor2": "string",
    "location": "string",
    "admin1": "string",
    "admin2": "string",
    "country": "string",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "Int64",
    "count": "Int64",
    "counts": "string",
    "link_p": "float64",
    "confidence": "float64",
    "place_id": "string",
    "source": "string",
    "notes": "string",
}
EVENT_COLUMNS: list[str] = [*EVENT_SCHEMA, "geometry"]

#: Column -> dtype of :func:`aggregate` frames, in column order (geometry last).
AGGREGATE_SCHEMA: dict[str, str] = {
    "place_id": "string",
    "name": "string",
    "country_code": "string",
    "mentions": "int64",
    "documents": "int64",
    "doc_ids": "string",
    "event_types": "string",
    "total_count": "Int64",
    "first_date": "datetime64[ns]",
    "last_date": "datetime64[ns]",
    "confidence": "float64",
}
AGGREGATE_COLUMNS: list[str] = [*AGGREGATE_SCHEMA, "geometry"]

CRS = "EPSG:4326"
_RUNNERS_UP = 3


def _documents(docs: Document | Iterable[Document]) -> list[Document]:
    if isinstance(docs, Document):
        return [docs]
    # A str is iterable too; refuse it rather than iterate over characters.
    if isinstance(docs, str | bytes) or not isinstance(docs, Iterable):
        raise TypeError(f"expected a Document or an iterable of Documents, got {type(docs)!r}")
    out = list(docs)
    for d in out:
        if not isinstance(d, Document):
            raise TypeError(f"expected Document items, got {type(d)!r}")
    return out


def _check_confidence(min_confidence: float) -> float:
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, int | float):
        raise TypeError(f"min_confidence must be a number, got {type(min_confidence)!r}")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence}")
    return float(min_confidence)


def _runners_up(m: Mention) -> str:
    chosen = m.place.place_id if m.place else None
    others = [c for c in m.candidates if c.place_id != chosen][:_RUNNERS_UP]
    return "; ".join(f"{c.name} ({c.country_code}) {c.score:.2f}" for c in others)


def _row(doc: Document, m: Mention) -> dict[str, Any]:
    place = m.place
    assert place is not None  # callers filter unresolved mentions
    act = m.activity
    # The mention's own point wins: a qualifier ("eastern Aleppo") moves it off the centre.
    if m.lat is not None and m.lon is not None:
        lat, lon = m.lat, m.lon
    else:
        lat, lon = place.lat, place.lon
    # The event date if the report gives one, else the report's own date.
    date = act.date or doc.date
    return {
        "doc_id": doc.doc_id,
        "mention": m.text,
        "start": m.start,
        "end": m.end,
        "place_id": place.place_id,
        "name": place.name,
        "country_code": place.country_code,
        "admin1": place.admin1,
        # OCHA p-codes for joins (Syria); empty where the data does not decide them.
        "admin1_pcode": place.admin1_pcode,
        "admin2_pcode": place.admin2_pcode,
        "admin3_pcode": place.admin3_pcode,
        "feature_code": place.feature_code,
        "source": place.source,
        "confidence": m.confidence,
        "qualifier": m.qualifier,
        "event_type": act.event_type,
        "role": act.role,
        "role_p": act.role_p,
        "count": act.counts[0].value if act.counts else None,
        "date": pd.Timestamp(date) if date else None,
        "sentence": act.sentence,
        "lat": float(lat),
        "lon": float(lon),
        "precision": m.precision,
        "uncertainty_km": m.uncertainty_km,
        "counts": "; ".join(str(c) for c in act.counts),
        "actors": "; ".join(act.actors),
        "runners_up": _runners_up(m),
        "why": place.why,
    }


def _event_rows(doc: Document, threshold: float) -> list[dict[str, Any]]:
    out = []
    for ev in doc.events:
        for m in ev.locations:
            place = m.place
            if place is None or m.confidence < threshold:
                continue
            lat, lon = (m.lat, m.lon) if m.lat is not None and m.lon is not None else (
                place.lat, place.lon)  # fmt: skip
            date = ev.date or doc.date
            out.append(
                {
                    "event_date": pd.Timestamp(date) if date else None,
                    "event_type": ev.event_type,
                    "trigger": ev.trigger,
                    "actor1": ev.actors[0] if ev.actors else None,
                    "actor2": ev.actors[1] if len(ev.actors) > 1 else None,
                    "location": place.name,
                    "admin1": place.admin1 or None,
                    "admin2": place.admin2 or None,
                    "country": place.country_code,
                    "latitude": float(lat),
                    "longitude": float(lon),
                    "geo_precision": m.precision,
                    "count": ev.counts[0].value if ev.counts else None,
                    "counts": "; ".join(str(c) for c in ev.counts),
                    "link_p": m.activity.role_p,
                    "confidence": m.confidence,
                    "place_id": place.place_id,
                    "source": doc.doc_id,
                    "notes": ev.sentence,
                }
            )
    return out


def _frame(rows: list[dict[str, Any]], schema: dict[str, str], geometry: Any) -> gpd.GeoDataFrame:
    """Build a frame with exactly ``schema``'s columns and dtypes, even when empty."""
    data = {
        col: pd.Series([r[col] for r in rows], dtype="object").astype(dtype)
        for col, dtype in schema.items()
    }
    return gpd.GeoDataFrame(pd.DataFrame(data), geometry=geometry, crs=CRS)


def to_geodataframe(
    docs: Document | Iterable[Document],
    *,
    min_confidence: float = 0.0,
    rows: Literal["mentions", "events"] = "mentions",
) -> gpd.GeoDataFrame:
    """One row per resolved mention with ``confidence >= min_confidence``, in EPSG:4326.

    Columns are :data:`COLUMNS` with the dtypes of :data:`SCHEMA`; ``date`` is the
    activity's date, else the document's date, else NaT.

    ``rows="events"`` gives one row per event location instead (the resolved mentions of
    each ``Document.events`` entry): columns :data:`EVENT_COLUMNS`, named as in an ACLED
    table (``event_date``, ``actor1``, ``geo_precision``, ``notes`` is the sentence,
    ``source`` the document id, ``country`` an ISO 3166 code, ``link_p`` the linker's
    probability that the event happened there).

    >>> from geomentions.model import Candidate, Document, Mention
    >>> aleppo = Candidate("geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P",
    ...                    "PPLA", "09", "", 1602264, "Aleppo", 0.9, "exact name")
    >>> doc = Document("r1", "Shelling hit Aleppo.", [Mention("Aleppo", 13, 19, aleppo,
    ...                [aleppo], 0.9)])
    >>> gdf = to_geodataframe(doc)
    >>> gdf[["doc_id", "name", "lat", "lon"]].values.tolist()
    [['r1', 'Aleppo', 36.20124, 37.16117]]
    """
    threshold = _check_confidence(min_confidence)
    if rows == "events":
        table = [r for doc in _documents(docs) for r in _event_rows(doc, threshold)]
        points = shapely.points([r["longitude"] for r in table], [r["latitude"] for r in table])
        return _frame(table, EVENT_SCHEMA, gpd.GeoSeries(points, crs=CRS))
    if rows != "mentions":
        raise ValueError(f"rows must be 'mentions' or 'events', got {rows!r}")
    table = [
        _row(doc, m)
        for doc in _documents(docs)
        for m in doc.mentions
        if m.place is not None and m.confidence >= threshold
    ]
    points = shapely.points([r["lon"] for r in table], [r["lat"] for r in table])
    return _frame(table, SCHEMA, gpd.GeoSeries(points, crs=CRS))


def _require(gdf: Any, columns: Iterable[str]) -> None:
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise TypeError(f"expected a GeoDataFrame, got {type(gdf)!r}")
    missing = [c for c in columns if c not in gdf.columns]
    if missing:
        raise ValueError(f"GeoDataFrame lacks column(s) {missing}; build it with to_geodataframe")


def _joined(values: pd.Series) -> str:
    return "; ".join(sorted({str(v) for v in values.dropna()}))


def aggregate(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per ``place_id`` of a :func:`to_geodataframe` frame, most mentioned first.

    ``geometry`` is the place's own point when some mention had no qualifier;
    ``total_count`` sums the ``count`` column (NA if no mention had a count);
    ``confidence`` is the mean mention confidence.

    >>> from geomentions.model import Candidate, Document, Mention
    >>> aleppo = Candidate("geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P",
    ...                    "PPLA", "09", "", 1602264, "Aleppo", 0.9, "exact name")
    >>> docs = [Document(i, "Aleppo.", [Mention("Aleppo", 0, 6, aleppo, [aleppo], 0.9)])
    ...         for i in ("a", "b")]
    >>> aggregate(to_geodataframe(docs))[["name", "mentions", "doc_ids"]].values.tolist()
    [['Aleppo', 2, 'a; b']]
    """
    _require(gdf, [c for c in COLUMNS if c != "geometry"])
    gdf = gdf.to_crs(CRS) if gdf.crs is not None else gdf.set_crs(CRS)
    rows = []
    for place_id, g in gdf.groupby("place_id", sort=True, dropna=True):
        plain = g[g["qualifier"].isna()]
        first = (plain if len(plain) else g).iloc[0]
        counts = g["count"].dropna()
        dates = g["date"].dropna()
        rows.append(
            {
                "place_id": place_id,
                "name": first["name"],
                "country_code": first["country_code"],
                "mentions": len(g),
                "documents": g["doc_id"].nunique(dropna=True),
                "doc_ids": _joined(g["doc_id"]),
                "event_types": _joined(g["event_type"]),
                "total_count": int(counts.sum()) if len(counts) else None,
                "first_date": dates.min() if len(dates) else None,
                "last_date": dates.max() if len(dates) else None,
                "confidence": float(g["confidence"].mean()),
                "geometry": first["geometry"],
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], r["place_id"]))
    geometry = gpd.GeoSeries([r["geometry"] for r in rows], crs=CRS)
    return _frame(rows, AGGREGATE_SCHEMA, geometry)


def _path(path: Any) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path)!r}")
    return Path(path)


#: Control characters (C0 but tab, line feed and carriage return; DEL; C1) -> a space: a NUL
#: ends a string for GDAL and many CSV readers, cutting the sentence there, and escape
#: sequences reach terminals. One character for one keeps the text's length.
_CONTROLS = str.maketrans(
    {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}
)


def _clean(value: object) -> object:
    return value.translate(_CONTROLS) if isinstance(value, str) else value


def _dates_as_text(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """For text formats: datetime columns as ISO text ("2024-03-01", NA kept), and control
    characters in text cells replaced by spaces."""
    out = gdf.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype("string")
        elif out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            if col != getattr(out, "_geometry_column_name", None):
                out[col] = out[col].map(_clean, na_action="ignore")
    return out


def to_geojson(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``gdf`` as a UTF-8 GeoJSON FeatureCollection (WGS84, dates as ISO text, control
    characters in text as spaces, so a sentence is never cut when read back).

    >>> to_geojson(to_geodataframe([]), "/tmp/none.geojson").name
    'none.geojson'
    """
    _require(gdf, [])
    out = _path(path)
    text = _dates_as_text(gdf).to_json(na="null", drop_id=True, to_wgs84=True, ensure_ascii=False)
    out.write_text(text, encoding="utf-8")
    return out


def to_parquet(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``gdf`` as GeoParquet; :func:`read_parquet` gives it back unchanged.

    >>> to_parquet(to_geodataframe([]), "/tmp/none.parquet").suffix
    '.parquet'
    """
    _require(gdf, [])
    out = _path(path)
    gdf.to_parquet(out, index=False)
    return out


def read_parquet(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read a GeoParquet file written by :func:`to_parquet`.

    >>> list(read_parquet(to_parquet(to_geodataframe([]), "/tmp/none.parquet")).columns) == COLUMNS
    True
    """
    return gpd.read_parquet(_path(path))


def to_csv(
    gdf: gpd.GeoDataFrame,
    path: str | os.PathLike[str],
    *,
    geometry: Literal["wkt", "latlon"] = "latlon",
    spreadsheet_safe: bool = True,
) -> Path:
    """Write ``gdf`` as UTF-8 CSV; geometry as ``lat``/``lon`` columns or one WKT column.

    Report text is untrusted: control characters (NUL, escape, ...) become spaces, and with
    ``spreadsheet_safe`` (default) a text cell that starts with ``= + - @`` (or a tab/CR)
    gets a leading ``'`` so a spreadsheet shows it instead of running it as a formula.

    >>> to_csv(to_geodataframe([]), "/tmp/none.csv").read_text().startswith("doc_id,mention,")
    True
    """
    _require(gdf, [])
    if geometry not in ("wkt", "latlon"):
        raise ValueError(f"geometry must be 'wkt' or 'latlon', got {geometry!r}")
    out = _path(path)
    if gdf.crs is not None:
        gdf = gdf.to_crs(CRS)
    df = pd.DataFrame(_dates_as_text(gdf))
    geom = gdf.geometry
    if geometry == "wkt":
        df[geom.name] = geom.to_wkt()
    else:
        # Recomputed from geometry so frames without lat/lon columns (aggregate) get them.
        df = df.drop(columns=geom.name)
        df["lat"] = geom.y.to_numpy()
        df["lon"] = geom.x.to_numpy()
    if spreadsheet_safe:
        for col in df.columns:
            if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
                df[col] = df[col].map(_defuse)
    df.to_csv(out, index=False, encoding="utf-8", lineterminator="\n")
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
