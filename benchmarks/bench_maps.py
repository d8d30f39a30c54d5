"""HTML size of maps of the example reports, and of the time slider as mentions grow.

Usage (from the repository root)::

    python benchmarks/bench_maps.py [--copies 1,10,100,350]

The example reports (``examples/reports/*.txt``) are extracted once; for each ``--copies``
value their mentions are repeated that many times under new document ids (same places,
same dates), as a busy month of reports about the same towns would be. For each, the
time-slider map (``make_map(..., time_slider=True)``, the default online page with the
basemap) is rendered and measured:

* the whole page, and the slider's GeoJSON alone;
* the baseline in the same run: the slider data as it was built before issue 11, one
  feature per mention (``per_mention_slider``), which grew with mentions (24.6 MB for
  33.5k mentions in the issue).

The plain map's size with and without the shipped basemap is printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd
from folium import plugins

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))  # run from a checkout without installing

from geomentions import extract_many, to_geodataframe  # noqa: E402
from geomentions.maps import (  # noqa: E402
    _circle_style,
    _popup_html,
    _records,
    _script_safe,
    make_map,
)

REPORTS = sorted((REPO_ROOT / "examples" / "reports").glob("*.txt"))


def per_mention_slider(gdf: pd.DataFrame) -> str:
    """The baseline: one slider feature per dated mention, its own one-mention popup."""
    rows = sorted(
        (r for r in _records(gdf) if r["date"] is not None),
        key=lambda r: (r["date"], r["doc_id"] or "", r["start"]),
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["_lon"], r["_lat"]]},
            "properties": {
                "time": r["date"].strftime("%Y-%m-%d"),
                "popup": _popup_html([r]),
                "icon": "circle",
                "iconstyle": dict(_circle_style(r["event_type"], [r]), radius=7),
            },
        }
        for r in rows
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return _script_safe(json.dumps(collection, separators=(",", ":")))


def slider_data(m: object) -> str:
    stack = [m]
    while stack:
        el = stack.pop()
        if isinstance(el, plugins.TimestampedGeoJson):
            return el.data
        stack.extend(el._children.values())  # type: ignore[attr-defined]
    raise ValueError("no time slider on the map")


def mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", default="1,10,100,350", help="comma-separated repeat counts")
    args = parser.parse_args()
    copies = [int(c) for c in args.copies.split(",")]
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")

    docs = extract_many([str(p) for p in REPORTS], progress=False)
    gdf = to_geodataframe(docs)
    dated = gdf[gdf["date"].notna()]
    print(f"{len(REPORTS)} example reports: {len(gdf)} mentions, {len(dated)} with a date")

    with_basemap = len(make_map(gdf).get_root().render())
    without = len(make_map(gdf, basemap=False).get_root().render())
    print(f"plain map: {mb(with_basemap)} with the basemap, {mb(without)} without")
    print()
    header = ["copies", "mentions", "slider circles (place, type, day)", "page"]
    header += ["slider data", "baseline slider data", "baseline / slider", "seconds"]
    print(" | ".join(header))
    for k in copies:
        frames = [gdf.assign(doc_id=gdf["doc_id"].astype(str) + f"#{i}") for i in range(k)]
        big = pd.concat(frames, ignore_index=True) if k > 1 else gdf
        t0 = time.perf_counter()
        m = make_map(big, time_slider=True)
        page = len(m.get_root().render())
        seconds = time.perf_counter() - t0
        data = slider_data(m)
        features = len(json.loads(data.replace("<\\/", "</"))["features"])
        baseline = len(per_mention_slider(big))
        cells = [str(k), f"{len(big):,}", str(features), mb(page), mb(len(data)), mb(baseline)]
        print(" | ".join(cells + [f"{baseline / len(data):.0f}x", f"{seconds:.1f}"]))


if __name__ == "__main__":
    main()
