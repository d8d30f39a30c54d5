"""Gazetteer cost: load time and memory of each layer set, and the wheel size, against the
gazetteer of an earlier commit, in the same run.

Usage::

    python benchmarks/bench_gazetteer.py [--before-rev REV] [--repeat N] [--wheel]

Each load runs in a fresh process (``import geomentions`` first, then the timed load), so the
figures are what a user's new process pays: the fastest of ``--repeat`` runs for time (other
work on a shared machine only adds), the median for memory. "before" is ``gazetteer/geonames.parquet`` as
of ``--before-rev`` (default: the commit before the village layers), loaded by this code.
``--wheel`` also builds the wheel of this tree and of ``--before-rev`` (``pip wheel``) and
prints both sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BEFORE_REV = "45158f5"  # the last commit before issue 16 (village layers)

_PROBE = r"""
import json, os, sys, time
def rss_mb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
import geomentions
from geomentions.gazetteer import Gazetteer
before = rss_mb()
t = time.perf_counter()
path, layers = sys.argv[1], sys.argv[2]
gaz = Gazetteer.from_file(path, layers=layers) if path else Gazetteer.default(layers=layers)
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "rss_mb": rss_mb(), "delta_mb": rss_mb() - before,
                  "places": len(gaz)}))
"""


def _probe(path: str, layers: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, path, layers],
        check=True, capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    return json.loads(out.stdout)


def _measure(label: str, path: str, layers: str, repeat: int) -> dict:
    runs = [_probe(path, layers) for _ in range(repeat)]
    row = {
        "set": label,
        "places": runs[0]["places"],
        # The fastest run: on a shared machine other work only ever adds time.
        "load_s": min(r["seconds"] for r in runs),
        "rss_mb": statistics.median(r["rss_mb"] for r in runs),
        "delta_mb": statistics.median(r["delta_mb"] for r in runs),
    }
    print(
        f"  {label:<34} {row['places']:>9,} {row['load_s']:>8.2f} {row['rss_mb']:>9.0f}"
        f" {row['delta_mb']:>10.0f}",
        flush=True,
    )
    return row


def _wheel_mb(tree: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", str(tree), "--no-deps", "-q", "-w", out],
            check=True, capture_output=True,
        )  # fmt: skip
        (whl,) = Path(out).glob("*.whl")
        return whl.stat().st_size / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before-rev", default=BEFORE_REV)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--wheel", action="store_true", help="also build and size both wheels")
    args = ap.parse_args()
    print(
        f"load average {os.getloadavg()[0]:.2f}; {args.repeat} fresh processes each "
        "(load s: fastest; RSS: median)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "before.parquet"
        blob = subprocess.run(
            ["git", "show", f"{args.before_rev}:gazetteer/geonames.parquet"],
            check=True, capture_output=True, cwd=REPO,
        ).stdout  # fmt: skip
        before.write_bytes(blob)
        print(f"  {'gazetteer':<34} {'places':>9} {'load s':>8} {'RSS MB':>9} {'+load MB':>10}")
        rows = [
            _measure(f"before ({args.before_rev})", str(before), "none", args.repeat),
            _measure("after, base only (layers=())", "", "none", args.repeat),
            _measure("after, default (11 village layers)", "", "default", args.repeat),
            _measure("after, all 33 village layers", "", "all", args.repeat),
        ]
        base, default = rows[0], rows[2]
        print(
            f"default vs before: load x{default['load_s'] / base['load_s']:.2f}, "
            f"RSS x{default['rss_mb'] / base['rss_mb']:.2f}"
        )
        if args.wheel:
            src = Path(tmp) / "src"
            src.mkdir()
            archive = subprocess.run(
                ["git", "archive", args.before_rev], check=True, capture_output=True, cwd=REPO
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
            old, new = _wheel_mb(src), _wheel_mb(REPO)
            print(f"wheel: before {old:.1f} MB, after {new:.1f} MB (x{new / old:.2f})")


if __name__ == "__main__":
    main()
