"""The A/B benchmark compares two checkouts: each side must really run its own code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_ab_runs_each_checkout_own_code(tmp_path: Path) -> None:
    # A second checkout: a copy of the package (its gazetteer folder linked, not copied).
    other = tmp_path / "other"
    other.mkdir()
    shutil.copytree(
        REPO / "geomentions", other / "geomentions", ignore=shutil.ignore_patterns("__pycache__")
    )
    (other / "gazetteer").symlink_to(REPO / "gazetteer", target_is_directory=True)
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_ab.py"), str(other),
         "--corpus", "synthetic", "--docs", "2", "--rounds", "1"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": ""},
    )  # fmt: skip
    rounds = [line.split() for line in out.stdout.splitlines() if line.startswith("  round")]
    # Each side names the package it imported: the baseline the copy, "this" the checkout.
    used = {words[2]: words[3].strip("(),") for words in rounds}
    assert used == {
        "baseline": str(other.resolve() / "geomentions"),
        "this": str((REPO / "geomentions").resolve()),
    }
    assert "places found: [" in out.stdout
