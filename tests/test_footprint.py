"""What a plain extraction job loads: heavy libraries stay out until they are used."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_import_and_extract_load_no_frame_map_or_word_libraries() -> None:
    loaded = _modules_after(
        "import geomentions as gm\n"
        "doc = gm.extract('Shelling hit eastern Aleppo; удары по Алеппо; قصف على حلب.')\n"
        "assert [m.place.name for m in doc.places][:1] == ['Aleppo'], doc.places"
    )
    heavy = {"pandas", "geopandas", "folium", "shapely", "tqdm", "wordfreq"}
    assert not heavy & loaded, heavy & loaded


def test_frames_still_load_their_libraries_on_use() -> None:
    loaded = _modules_after(
        "import geomentions as gm\ngm.to_geodataframe(gm.extract('Clashes in Homs.'))"
    )
    assert {"pandas", "geopandas"} <= loaded
