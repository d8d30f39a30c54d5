"""What event-location linking costs: its share of extraction time, measured in one run.

Usage::

    python benchmarks/bench_linking.py [--corpus lgl|synthetic] [--docs N] [--rounds 3]

Runs the documents through ``extract_many(workers=1)`` (a first pass warms the memos, then
``--rounds`` timed passes) with ``extraction.link_document`` wrapped in a timer, so the
time spent linking and the time spent on everything else come from the same passes on the
same machine load. Prints the linking time as a share of the rest (the slowdown linking
adds to extraction), the median over rounds, per CPU-second (``time.process_time``) and
wall-second, with the load average. ``bench_ab.py`` against a copy with linking switched
off measures the same thing across processes, with more noise on a loaded machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import geomentions as gm  # noqa: E402
from geomentions import extraction  # noqa: E402
from geomentions.batch import extract_many  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=("lgl", "synthetic"), default="lgl")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    from bench_throughput import _lgl_path, make_corpus

    if args.corpus == "lgl":
        from eval_corpora import parse_lgl

        docs = [a.text for a in parse_lgl(_lgl_path(), limit=args.docs)[0]]
    else:
        docs = [t for _, t in make_corpus(args.docs, 13)]
    gm.Gazetteer.default()
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    real = extraction.link_document
    spent = [0.0, 0.0]

    def timed(*a):
        c, w = time.process_time(), time.perf_counter()
        try:
            return real(*a)
        finally:
            spent[0] += time.process_time() - c
            spent[1] += time.perf_counter() - w

    extraction.link_document = timed
    extract_many(docs, workers=1, progress=False)  # warm the memos
    cpu, wall = [], []
    for _ in range(args.rounds):
        spent[:] = [0.0, 0.0]
        c, w = time.process_time(), time.perf_counter()
        extract_many(docs, workers=1, progress=False)
        c, w = time.process_time() - c, time.perf_counter() - w
        cpu.append(spent[0] / (c - spent[0]))
        wall.append(spent[1] / (w - spent[1]))
    extraction.link_document = real
    print(
        f"{args.corpus}, {len(docs)} documents, warm, median of {args.rounds} rounds: "
        f"linking adds {statistics.median(cpu):.1%} CPU time "
        f"({statistics.median(wall):.1%} wall) to the rest of extraction; "
        f"load average at end {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
