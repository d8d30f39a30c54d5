"""Screenshot of the example reports' map with the grey "mentioned" layer shown, for the README.

Usage (from the repository root)::

    npm ci --prefix tests/browser --no-audit --no-fund   # Leaflet and plugins, once
    python benchmarks/map_screenshot.py [--out examples/map_mentioned.png] [--focus SY]

Extracts ``examples/reports/*.txt``, draws ``make_map(..., offline=True, mentioned=True)``
(event locations coloured by event type; origins, bases and datelines grey), writes it as one
self-contained page and photographs it with headless Chromium (no network: every host but
127.0.0.1 fails to resolve). ``--focus`` keeps the places of one country, so the picture is
readable at README size. Prints the roles it drew.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import geomentions as gm  # noqa: E402
from geomentions.maps import make_map, save_offline  # noqa: E402

NODE_MODULES = REPO / "tests" / "browser" / "node_modules"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "examples" / "map_mentioned.png")
    ap.add_argument("--focus", default="SY", help="country code to keep ('' for all)")
    ap.add_argument("--size", default="1000,640", help="window width,height in pixels")
    args = ap.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not NODE_MODULES.is_dir():
        sys.exit("needs chromium and tests/browser/node_modules (see the usage line)")

    paths = sorted((REPO / "examples" / "reports").glob("*.txt"))
    docs = [gm.extract(p.read_text(encoding="utf-8"), doc_id=p.name) for p in paths]
    gdf = gm.to_geodataframe(docs)
    if args.focus:
        gdf = gdf[gdf["country_code"] == args.focus]
    roles = Counter(gdf["role"])
    print(f"{len(gdf)} mentions drawn; roles: {dict(sorted(roles.items()))}")
    m = make_map(gdf, offline=True, mentioned=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "map.html"
        save_offline(m, page, NODE_MODULES)
        done = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--window-size={args.size}",
                "--hide-scrollbars",
                "--virtual-time-budget=8000",
                f"--screenshot={args.out.resolve()}",
                page.as_uri(),
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=120,
        )
    if done.returncode != 0 or not args.out.is_file():
        sys.exit(f"chromium failed: {done.stderr[-1500:]}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
