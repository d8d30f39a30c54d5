"""Quickstart: find the places in the example reports and draw them on a map.

python examples/quickstart.py [OUTPUT_DIR]    # writes OUTPUT_DIR/quickstart_map.html
"""

import sys
from pathlib import Path

import geomentions as gm

reports = sorted((Path(__file__).parent / "reports").glob("*.txt"))
out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ".")

docs = [gm.extract(p.read_text(encoding="utf-8"), doc_id=p.name) for p in reports]
for doc in docs:
    print(f"{doc.doc_id} ({doc.date}): {len(doc.places)} of {len(doc.mentions)} mentions placed")
    for m in doc.places[:3]:
        print(f"  {m.text!r} -> {m.place.name}, {m.place.country_code}  {m.confidence:.2f}")

out = out_dir / "quickstart_map.html"
gm.make_map(docs).save(str(out))
print(f"map: {out}")
