"""The example scripts run from top to bottom, offline, and write what they promise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geomentions.frames import AGGREGATE_COLUMNS, COLUMNS

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def run_example(name: str, out_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    # Run from an unrelated folder: the scripts must find their reports themselves.
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), str(out_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=out_dir.parent,
        timeout=300,
    )


def test_quickstart(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    proc = run_example("quickstart.py", out)
    assert proc.returncode == 0, proc.stderr
    reports = sorted(p.name for p in (EXAMPLES / "reports").glob("*.txt"))
    headers = [ln.split(" ")[0] for ln in proc.stdout.splitlines() if not ln.startswith(" ")]
    assert headers[:-1] == reports
    assert "'Mosul' -> Mosul, IQ" in proc.stdout and "'Пальмиры' -> Tadmur, SY" in proc.stdout
    page = (out / "quickstart_map.html").read_text(encoding="utf-8")
    assert "L.circleMarker(" in page and "GeoNames (CC BY 4.0)" in page


def test_walkthrough(tmp_path: Path) -> None:
    out = tmp_path / "out"  # created by the script
    proc = run_example("walkthrough.py", out)
    assert proc.returncode == 0, proc.stderr
    assert "parquet round trip identical: True" in proc.stdout
    gdf = gpd.read_parquet(out / "walkthrough.parquet")
    assert list(gdf.columns) == COLUMNS and len(gdf) > 20
    # The walkthrough keeps mentions of confidence 0.5 and more.
    assert gdf["confidence"].min() >= 0.5
    geojson = gpd.read_file(out / "walkthrough.geojson")
    assert list(geojson["place_id"]) == list(gdf["place_id"])
    places = pd.read_csv(out / "walkthrough_places.csv")
    assert [c for c in AGGREGATE_COLUMNS if c != "geometry"] == list(places.columns[:-2])
    assert places["mentions"].sum() == len(gdf)
    page = (out / "walkthrough_map.html").read_text(encoding="utf-8")
    assert "L.timeDimension" in page and "GeoNames (CC BY 4.0)" in page
