# %% [markdown]
# # geomentions walkthrough
#
# From report texts to a GeoDataFrame, a per-place summary, a map and files, offline.
# Run it as a script (`python examples/walkthrough.py [OUTPUT_DIR]`) or cell by cell in an
# editor that understands `# %%` cells (VS Code, Spyder, Jupytext). Files go to
# OUTPUT_DIR (default: the current folder).

# %% Setup
import sys
from pathlib import Path

import geomentions as gm
from geomentions import frames
from geomentions.maps import save_offline

REPORTS = Path(__file__).resolve().parent / "reports"
# In a notebook sys.argv holds the kernel's own arguments: use the current folder there.
arg = sys.argv[1] if len(sys.argv) > 1 and "ipykernel" not in sys.argv[0] else "."
OUT = Path(arg)
OUT.mkdir(parents=True, exist_ok=True)

# %% Load the reports
# (doc_id, text) pairs: the id is what tables and map popups will show for each report.
items = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(REPORTS.glob("*.txt"))]
print(f"{len(items)} reports:", ", ".join(doc_id for doc_id, _ in items))

# %% Extract places from all of them
# workers=2 would use two processes; for seven short texts one is quicker.
docs = gm.extract_many(items, workers=1)
for doc in docs:
    print(
        f"{doc.doc_id:<18} {doc.date}  focus={','.join(doc.focus[:2]):<6} "
        f"{len(doc.places):>2} placed / {len(doc.mentions):>2} mentions"
    )

# %% One mention up close: the place, why it won, what happened there
doc = next(d for d in docs if d.doc_id == "en_mod_briefing")
m = next((m for m in doc.places if m.qualifier == "eastern"), doc.places[0])
print(m)
print("  chosen:", m.place, "-", m.place.why)
print("  runners-up:", m.candidates[1:3])
print("  qualifier:", m.qualifier, "-> map point", (m.lat, m.lon), f"±{m.uncertainty_km} km")
act = m.activity
print("  activity:", act.event_type, [str(c) for c in act.counts], act.date)

# %% One row per resolved mention: a GeoDataFrame (EPSG:4326)
# Mentions below 0.5 confidence are left out here; extraction already dropped those < 0.35.
gdf = gm.to_geodataframe(docs, min_confidence=0.5)
print(len(gdf), "rows;", gdf.crs)
print(gdf[["doc_id", "mention", "name", "event_type", "count", "confidence"]].head(8).to_string())

# %% One row per place: how often, in how many reports, what happened
places = gm.aggregate(gdf)
print(places[["name", "country_code", "mentions", "documents", "event_types"]].head(8).to_string())

# %% Map: circles by event type, popups quote the report sentence
m = gm.make_map(gdf, time_slider=True)
m.save(str(OUT / "walkthrough_map.html"))
print("map:", OUT / "walkthrough_map.html")

# %% The same map as one file that needs no network (Leaflet inlined from a local copy)
# Needs `pip install xstatic-leaflet xstatic-leaflet-markercluster`, or an npm folder:
# save_offline(m, path, asset_dir="DIR/node_modules").
try:
    save_offline(gm.make_map(gdf, offline=True), OUT / "walkthrough_offline.html")
    print("offline map:", OUT / "walkthrough_offline.html")
except FileNotFoundError as exc:
    print("offline map skipped:", exc)

# %% Export for QGIS, pandas or a spreadsheet, and read the GeoParquet back
frames.to_geojson(gdf, OUT / "walkthrough.geojson")
frames.to_csv(places, OUT / "walkthrough_places.csv")
frames.to_parquet(gdf, OUT / "walkthrough.parquet")
back = frames.read_parquet(OUT / "walkthrough.parquet")
print("parquet round trip identical:", back.equals(gdf))
