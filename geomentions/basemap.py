"""The world basemap that maps draw under their dots: Natural Earth, public domain.

The shipped file ``geomentions/data/basemap.geojson`` is one GeoJSON FeatureCollection
whose features carry a ``layer`` property:

* ``land``: all land as one MultiPolygon (its outline is the coast);
* ``border``: land borders between countries (``kind`` is ``"border"`` or ``"disputed"``
  for disputed lines, lines of control and indefinite borders);
* ``admin1``: first-level boundaries where Natural Earth draws them at 1:50m (United
  States, Canada, Brazil, Australia);
* ``label``: one point per country with its ``name`` and the ``min_zoom`` from which
  Natural Earth labels it.

Rebuild it (reproducibly: same sources, same bytes) from the Natural Earth GeoJSON in
``../shared/naturalearth/basemap``::

    python -m geomentions.basemap ../shared/naturalearth/basemap \\
        -o geomentions/data/basemap.geojson

Made with Natural Earth (naturalearthdata.com), v4.0.0, 1:50m cultural layers.
"""

from __future__ import annotations

import argparse
import gzip
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.ops import polylabel

ATTRIBUTION = "Basemap made with Natural Earth (public domain)"
#: Simplification tolerance and coordinate grid, in degrees (0.04 deg is about 4 km):
#: coasts and borders read right up to about zoom 8, and the file stays small.
TOLERANCE = 0.04
GRID = 0.01
#: NE line classes drawn as disputed (dashed).
_DISPUTED = {"Disputed (please verify)", "Line of control (please verify)", "Indefinite (please verify)"}  # fmt: skip
_SOURCES = {
    "countries": "ne_50m_admin_0_countries.json.gz",
    "borders": "ne_50m_admin_0_boundary_lines_land.json.gz",
    "admin1": "ne_50m_admin_1_states_provinces_lines.json.gz",
}


@lru_cache(maxsize=1)
def basemap_json() -> str:
    """The shipped basemap as GeoJSON text (read once per process).

    >>> import json
    >>> layers = {f["properties"]["layer"] for f in json.loads(basemap_json())["features"]}
    >>> sorted(layers)
    ['admin1', 'border', 'label', 'land']
    """
    return (resources.files("geomentions") / "data" / "basemap.geojson").read_text("utf-8")


# --- build --------------------------------------------------------------------------------


def _features(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)["features"]


def _geoms(features: list[dict[str, Any]]) -> np.ndarray:
    return np.array([shapely.geometry.shape(f["geometry"]) for f in features])


def _on_grid(geom: shapely.Geometry) -> shapely.Geometry:
    """Snap to the grid (valid output) with coordinates that print as short decimals."""
    snapped = shapely.set_precision(geom, GRID)
    return shapely.transform(snapped, lambda xy: np.round(xy, 2))


def _lines(geoms: np.ndarray) -> shapely.Geometry:
    merged = shapely.line_merge(shapely.union_all(geoms))
    return _on_grid(shapely.simplify(merged, TOLERANCE))


def _feature(geom: shapely.Geometry, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": json.loads(shapely.to_geojson(geom)),
    }


def build(source: Path) -> dict[str, Any]:
    """The basemap FeatureCollection from the Natural Earth files in ``source``."""
    countries = _features(source / _SOURCES["countries"])
    polygons = shapely.make_valid(_geoms(countries))
    land = _on_grid(shapely.simplify(shapely.union_all(polygons), TOLERANCE))
    features = [_feature(land, layer="land")]

    borders = _features(source / _SOURCES["borders"])
    for kind in ("border", "disputed"):
        picked = [f for f in borders if (f["properties"]["featurecla"] in _DISPUTED) == (kind == "disputed")]  # fmt: skip
        features.append(_feature(_lines(_geoms(picked)), layer="border", kind=kind))
    admin1 = _features(source / _SOURCES["admin1"])
    features.append(_feature(_lines(_geoms(admin1)), layer="admin1"))

    labels = []
    for f, polygon in zip(countries, polygons, strict=True):
        parts = shapely.get_parts(polygon)
        largest = parts[int(np.argmax(shapely.area(parts)))]
        # The pole of inaccessibility: inside the country, unlike a centroid.
        point = polylabel(largest, tolerance=0.05)
        name, min_zoom = f["properties"]["NAME"], round(float(f["properties"]["MIN_LABEL"]), 1)
        labels.append(_feature(_on_grid(point), layer="label", name=name, min_zoom=min_zoom))
    labels.sort(key=lambda ft: (ft["properties"]["min_zoom"], ft["properties"]["name"]))
    return {
        "type": "FeatureCollection",
        "attribution": f"{ATTRIBUTION}: naturalearthdata.com, v4.0.0, 1:50m",
        "features": features + labels,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m geomentions.basemap", description="Build the shipped world basemap."
    )
    parser.add_argument("source", type=Path, help="folder with the Natural Earth .json.gz files")
    parser.add_argument("-o", "--output", type=Path, required=True, help="GeoJSON file to write")
    args = parser.parse_args(argv)
    text = json.dumps(build(args.source), separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(text):,} bytes")


if __name__ == "__main__":
    main()
