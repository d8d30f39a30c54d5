"""Generate ``physical.csv``: Natural Earth's physical and marine places as gazetteer rows.

Usage (from the repository root)::

    python gazetteer/supplement/make_physical.py [--naturalearth ../shared/naturalearth]

Reads the 1:10m layers described in the folder's MANIFEST.md (public domain): land regions
(islands, peninsulas, deserts, ranges, plains ...) and marine areas (seas, gulfs, bays,
straits) from ``*.v4geom_v5attrs.geojson.gz`` (v4 geometry with the v5 multilingual names),
rivers from ``ne_10m_rivers_lake_centerlines.json.gz`` (geometry) and its ``.csv.gz``
(names). Each area becomes a representative point (inside the shape) with the radius of a
circle of the same area; a river becomes the middle of its longest stretch with half its
length as radius. Feature codes are GeoNames': ISL, PEN, DSRT, MTS, RGN (land), SEA, GULF,
BAY, STRT, CHN, SD, LGN, FJD (marine), STM (rivers). Rows are sorted by id.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from shapely.geometry import MultiLineString, shape
from shapely.ops import linemerge

HERE = Path(__file__).resolve().parent
DEFAULT_NE = HERE.parents[1] / ".." / "shared" / "naturalearth"
OUT = HERE / "physical.csv"
COLUMNS = ["id", "name", "name_ar", "name_ru", "alt_names", "feature_class", "feature_code",
           "country_code", "admin1", "lat", "lon", "radius_km", "population", "source"]  # fmt: skip

#: Natural Earth ``featurecla`` -> (GeoNames class, code); classes not listed are skipped
#: (continents are already in the gazetteer; capes, lakes and "Dragons-be-here" are not).
LAND = {
    "Island": ("T", "ISL"), "Island group": ("T", "ISLS"), "Peninsula": ("T", "PEN"),
    "Pen/cape": ("T", "PEN"), "Desert": ("T", "DSRT"), "Range/mtn": ("T", "MTS"),
    "Plateau": ("T", "PLAT"), "Plain": ("L", "RGN"), "Geoarea": ("L", "RGN"),
    "Coast": ("L", "RGN"), "Basin": ("L", "RGN"), "Delta": ("L", "RGN"),
    "Valley": ("L", "RGN"), "Lowland": ("L", "RGN"), "Tundra": ("L", "RGN"),
    "Wetlands": ("L", "RGN"), "Depression": ("L", "RGN"), "Foothills": ("L", "RGN"),
    "Isthmus": ("T", "ISTH"), "Gorge": ("T", "GRGE"),
}  # fmt: skip
MARINE = {
    "sea": ("H", "SEA"), "ocean": ("H", "OCN"), "gulf": ("H", "GULF"), "bay": ("H", "BAY"),
    "strait": ("H", "STRT"), "channel": ("H", "CHN"), "sound": ("H", "SD"),
    "lagoon": ("H", "LGN"), "fjord": ("H", "FJD"), "inlet": ("H", "INLT"),
}  # fmt: skip
KM_PER_DEGREE = 111.32

#: Natural Earth's v5 ``name_en`` comes from Wikidata labels, and a few are wrong: a
#: vandalised label (a person's name on an island), a city, a single hill or a park named
#: for a whole region. Checked by hand against the row's other-language names; the English
#: name given here replaces the label, which is not kept as an alternate name either.
WRONG_ENGLISH = {
    "1159102333": ("Utupua", "label 'Ryan Bullard': a person's name"),
    "1159103977": ("Niger Delta", "label 'Enugu Nigeria': a city and a country"),
    "1159103105": ("Grampian Mountains", "label 'Cruach nam Miseag': one hill"),
    "1159103165": ("Taitao Peninsula", "label 'Taitailei': no such name"),
    "1159102705": ("Jeju Island", "label 'Chuk-to': another island"),
    "1730072149": ("Baltic Plains", "label 'North-Estonian Coastal Plain': a part of it"),
    "1730071811": ("Serra do Piaui", "label 'Serra da Capivara': a park within it"),
}


def _title(name: str) -> str:
    """Natural Earth writes large regions in capitals ("ARABIAN PENINSULA")."""
    return name.title().replace("'S ", "'s ") if name.isupper() else name


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _area_point(geom) -> tuple[float, float, float]:
    """(lat, lon, radius km) of a polygon: a point inside it and an equal-area circle."""
    p = geom.representative_point()
    lat = p.y
    km2 = geom.area * KM_PER_DEGREE**2 * max(0.05, math.cos(math.radians(lat)))
    return lat, p.x, math.sqrt(km2 / math.pi)


def _line_point(geom) -> tuple[float, float, float]:
    """(lat, lon, radius km) of a river: the middle of its longest stretch, half its length."""
    merged = linemerge(geom) if geom.geom_type == "MultiLineString" else geom
    parts = list(getattr(merged, "geoms", [merged]))
    longest = max(parts, key=lambda g: g.length)
    mid = longest.interpolate(0.5, normalized=True)
    km = geom.length * KM_PER_DEGREE * max(0.05, math.cos(math.radians(mid.y)))
    return mid.y, mid.x, km / 2


def _row(pid, name, props, fclass, code, lat, lon, radius, layer) -> dict[str, str]:
    fixed = WRONG_ENGLISH.get(str(props.get("ne_id") or ""))
    english = fixed[0] if fixed else _title(props.get("name_en") or name)
    alts = [_title(name), props.get("namealt") or "", props.get("name_alt") or ""]
    alts = [a for a in dict.fromkeys(a.strip() for a in alts) if a and a != english]
    return {
        "id": pid, "name": english, "name_ar": props.get("name_ar") or "",
        "name_ru": props.get("name_ru") or "", "alt_names": "|".join(alts),
        "feature_class": fclass, "feature_code": code, "country_code": "", "admin1": "",
        "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "radius_km": f"{radius:.0f}",
        "population": "", "source": f"naturalearth:{layer}",
    }  # fmt: skip


def areas(path: Path, codes: dict[str, tuple[str, str]], layer: str) -> list[dict[str, str]]:
    out = []
    for feat in json.load(gzip.open(path))["features"]:
        props = feat["properties"]
        kind = codes.get(props.get("featurecla") or "")
        name = (props.get("name") or "").strip()
        if kind is None or not name or feat.get("geometry") is None:
            continue
        lat, lon, radius = _area_point(shape(feat["geometry"]))
        pid = f"gm:ne-{props['ne_id']}"
        out.append(_row(pid, name, props, *kind, lat, lon, radius, layer))
    return out


def rivers(geometry: Path, names: Path) -> list[dict[str, str]]:
    """One row per river: segments joined by English name ("Firat", "Al Furat" and
    "Euphrates" are one river), names from the v5 attribute table."""
    attrs: dict[str, dict[str, str]] = {}
    with gzip.open(names, "rt", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            name = (rec.get("name") or "").strip()
            if name and name not in attrs and (rec.get("name_ar") or rec.get("name_ru")):
                attrs[name] = rec
    lines: dict[str, list] = defaultdict(list)
    written: dict[str, list[str]] = defaultdict(list)
    props_of: dict[str, dict[str, str]] = {}
    for feat in json.load(gzip.open(geometry))["features"]:
        props = feat["properties"]
        name = (props.get("name") or "").strip()
        if props.get("featurecla") != "River" or not name or not feat.get("geometry"):
            continue
        rec = attrs.get(name, {})
        english = (rec.get("name_en") or name).strip()
        geom = shape(feat["geometry"])
        lines[english].extend(getattr(geom, "geoms", [geom]))
        written[english].append(name)
        props_of.setdefault(english, rec)
    out = []
    for english in sorted(lines):
        lat, lon, radius = _line_point(MultiLineString(lines[english]))
        props = {**props_of[english], "name_en": english}
        props["namealt"] = "|".join(n for n in dict.fromkeys(written[english]) if n != english)
        pid = f"gm:ne-stm-{_slug(english)}"
        out.append(
            _row(pid, english, props, "H", "STM", lat, lon, radius, "rivers_lake_centerlines")
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--naturalearth", default=str(DEFAULT_NE))
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    ne = Path(args.naturalearth)
    rows = (
        areas(ne / "ne_10m_geography_regions_polys.v4geom_v5attrs.geojson.gz", LAND, "regions_polys")
        + areas(ne / "ne_10m_geography_marine_polys.v4geom_v5attrs.geojson.gz", MARINE, "marine_polys")
        + rivers(ne / "ne_10m_rivers_lake_centerlines.json.gz", ne / "ne_10m_rivers_lake_centerlines.csv.gz")
    )  # fmt: skip
    rows = sorted({r["id"]: r for r in rows}.values(), key=lambda r: r["id"])
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {args.output}: {len(rows)} places", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
