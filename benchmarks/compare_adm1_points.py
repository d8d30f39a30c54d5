"""Which first-level division point lies closer to the gold: ours or Natural Earth's?

Usage::

    python benchmarks/compare_adm1_points.py [--ne PATH] [--lgl PATH] [--gwn PATH]

For every gold toponym of LGL and GeoWebNews whose GeoNames id is an ADM1 row of the shipped
gazetteer, it measures the distance from the gold coordinates to (a) the gazetteer's point
(the middle of the division's towns) and (b) Natural Earth's admin-1 label point
(``ne_10m_admin_1_label_points.json.gz``, public domain), matched by country and name key.
It prints both, so the build (``geomentions.build``, ``--admin1-points``) ships the closer one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from eval_corpora import DEFAULT_GWN, DEFAULT_LGL, parse_gwn, parse_lgl  # noqa: E402

from geomentions.build import read_admin1_label_points  # noqa: E402
from geomentions.gazetteer import Gazetteer  # noqa: E402
from geomentions.geo import haversine_km  # noqa: E402
from geomentions.names import key as name_key  # noqa: E402

DEFAULT_NE = (
    REPO_ROOT / ".." / "shared" / "naturalearth" / "basemap" / "ne_10m_admin_1_label_points.json.gz"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ne", default=str(DEFAULT_NE))
    ap.add_argument("--lgl", default=str(DEFAULT_LGL))
    ap.add_argument("--gwn", default=str(DEFAULT_GWN))
    args = ap.parse_args()
    gaz = Gazetteer.default()
    ne = read_admin1_label_points(Path(args.ne))
    gold = parse_lgl(args.lgl)[0] + parse_gwn(args.gwn)[0]
    ours: list[float] = []
    theirs: list[float] = []
    unmatched = 0
    for art in gold:
        for g in art.gold:
            if g.geonameid is None or not g.has_coords:
                continue
            row = gaz.row_of(f"geonames:{g.geonameid}")
            if row is None:
                continue
            info = gaz.place(row)
            if info["feature_code"] != "ADM1":
                continue
            point = ne.get((info["country_code"], name_key(info["name"])))
            if point is None:
                unmatched += 1
                continue
            ours.append(haversine_km(g.lat, g.lon, info["lat"], info["lon"]))
            theirs.append(haversine_km(g.lat, g.lon, point[0], point[1]))
    print(f"gold ADM1 mentions with a Natural Earth point: {len(ours)} ({unmatched} without)")
    print(f"{'point':<26} {'mean km':>8} {'median km':>10} {'<=161 km':>9}")
    for label, ds in (("mid-of-towns (current)", ours), ("Natural Earth label", theirs)):
        within = sum(d <= 161 for d in ds) / len(ds)
        print(
            f"{label:<26} {statistics.fmean(ds):>8.0f} {statistics.median(ds):>10.0f} {within:>9.1%}"
        )
    closer = sum(t < o for o, t in zip(ours, theirs, strict=True))
    print(f"Natural Earth closer for {closer} of {len(ours)} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
