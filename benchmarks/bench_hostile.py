"""Time per MB of ``extract`` on pathological inputs, against ordinary report text.

Usage (from the repository root)::

    python benchmarks/bench_hostile.py [--mb 1.0] [--small-kb 64]

Every input is ``--mb`` megabytes of one kind of text, fed to ``geomentions.extract`` as
one document. The baseline is ordinary report text (the example reports in
``examples/reports/``, repeated) of the same size, timed in the same run. For each input
the script prints seconds per MB, the ratio to the ordinary text, and the ratio of its
per-MB time at ``--mb`` to that at ``--small-kb`` (a linear stage keeps it near 1; a
quadratic one grows it with the size). The load average is printed so a busy machine is
visible in the figures.

Inputs: a CamelCase run with no spaces ("AleppoIdlib..."), two-letter capitalised runs
("AbAb..."), one huge lowercase token, digits with and without spaces, repeated
punctuation, a run of capitalised words, dotted abbreviations ("A.B.A.B."), and mixed
Latin, Arabic and Cyrillic glued together.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))  # run from a checkout without installing

import geomentions as gm  # noqa: E402

#: How many times slower per MB than ordinary text a hostile input may be (issue 11).
MAX_RATIO = 3.0

_UNITS = {
    "camelcase run": "AleppoIdlib",
    "two-letter caps run": "Ab",
    "one huge token": "a",
    "digits": "7",
    "spaced numbers": "1 000 ",
    "repeated punctuation": "!?.,;",
    "dots and dashes": ". - ",
    "dotted abbreviations": "A.B.",
    "mixed scripts": "Aleppoحلب Алеппо",
    "mixed scripts glued": "AleppoحلبАлеппо",
    "hyphen and article chains": "al-qa-al-",
    "apostrophe chains": "Hay'at'",
    "numbers with separators": "1,000,",
    "dates": "24 March 2016, 2016-03-24 ",
    "arabic letters": "حلبادلب",
    "cyrillic letters": "АлеппоИдлиб",
}


def ordinary(n: int) -> str:
    """``n`` characters of the example reports, repeated."""
    folder = REPO_ROOT / "examples" / "reports"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    return (text * (n // len(text) + 1))[:n]


def hostile_inputs(n: int) -> dict[str, str]:
    """Each pathological input, ``n`` characters long."""
    out = {name: (unit * (n // len(unit) + 1))[:n] for name, unit in _UNITS.items()}
    # Real report words with no sentence end: every sentence-level stage sees one sentence.
    out["one endless sentence"] = ordinary(n).translate(str.maketrans(".!?\n؟", ",,,,،"))
    return out


#: Text that is nothing but place names: every word is a mention, so it does real work per
#: mention (ranking, activity) and is compared per mention, not per MB.
_DENSE = {"place names only": "Aleppo Idlib Homs ", "al-Sham chains": "al-Sham-al-"}


def seconds(text: str) -> tuple[float, int]:
    """(seconds, mentions) of one ``extract`` call; the faster of two runs."""
    best, n = float("inf"), 0
    for _ in range(2):
        gc.collect()
        t0 = time.perf_counter()
        n = len(gm.extract(text).mentions)
        best = min(best, time.perf_counter() - t0)
    return best, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of each input in MB")
    ap.add_argument("--small-kb", type=int, default=100, help="size of the linearity check")
    args = ap.parse_args(argv)
    big, small = int(args.mb * 1_000_000), args.small_kb * 1000
    gm.extract(ordinary(20_000))  # load the gazetteer and word lists outside the timings
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{args.mb:g} MB per input; growth = s/MB at {args.mb:g} MB / s/MB at {args.small_kb} KB")
    base_t, base_n = seconds(ordinary(big))
    base_mb, base_per_mention = base_t / args.mb, base_t / max(base_n, 1)
    base_small = seconds(ordinary(small))[0] / (small / 1e6)
    print(f"{'input':<26} {'s/MB':>7} {'x ordinary':>11} {'growth':>7}")
    print(f"{'ordinary reports':<26} {base_mb:7.2f} {1.0:11.2f} {base_mb / base_small:7.2f}")
    worst = 0.0
    small_inputs = hostile_inputs(small)
    for name, text in hostile_inputs(big).items():
        per_mb = seconds(text)[0] / args.mb
        per_mb_small = seconds(small_inputs[name])[0] / (small / 1e6)
        ratio = per_mb / base_mb
        worst = max(worst, ratio)
        print(f"{name:<26} {per_mb:7.2f} {ratio:11.2f} {per_mb / max(per_mb_small, 1e-9):7.2f}")
    print(f"\nordinary reports: {base_n:,} mentions, {base_per_mention * 1e6:.0f} us per mention")
    for name, unit in _DENSE.items():
        text = (unit * (big // len(unit) + 1))[:big]
        t, n = seconds(text)
        print(
            f"{name:<26} {t / args.mb:7.2f} s/MB, {n:,} mentions, "
            f"{t / max(n, 1) * 1e6:.0f} us per mention ({t / max(n, 1) / base_per_mention:.2f}x)"
        )
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"worst ratio to ordinary text per MB: {worst:.2f} (bound {MAX_RATIO})")
    return 0 if worst <= MAX_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
