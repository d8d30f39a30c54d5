"""Control characters in report text never cut a sentence in CSV or GeoJSON read back."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

import geomentions as gm
from geomentions.frames import to_csv, to_geojson

# NUL, a C0 control, a vertical tab, a terminal escape sequence, DEL and a C1 control.
TEXT = "Shells hit Homs on Monday,\x00 and rockets\x01 hit\x0b Aleppo\x1b[31m later\x7f\x85 again."


def test_csv_and_geojson_keep_the_whole_sentence(tmp_path: Path) -> None:
    gdf = gm.to_geodataframe(gm.extract(TEXT))
    assert gdf["mention"].tolist() == ["Homs", "Aleppo"]
    csv_back = pd.read_csv(to_csv(gdf, tmp_path / "m.csv"))
    geojson_back = gpd.read_file(to_geojson(gdf, tmp_path / "m.geojson"))
    for back in (csv_back, geojson_back):
        for sentence in back["sentence"]:
            assert sentence.startswith("Shells hit Homs") and sentence.endswith("again.")
            assert len(sentence) == len(TEXT)  # one space for each control character
            assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in sentence)
