"""A/B throughput of this checkout against another one, in the same run.

Usage (from the repository root)::

    git worktree add /tmp/base <commit>      # or any copy of another version
    python benchmarks/bench_ab.py /tmp/base [--corpus lgl|synthetic] [--docs N] [--rounds 3]

Each round runs, in fresh processes and alternating which goes first (so machine load hits
both alike), the same documents through ``extract_many(workers=1)`` twice: a first pass with
empty memos (every name seen for the first time) and a second, warm pass. Each process
imports geomentions from its own checkout (checked, and the path printed) before anything else. Figures are documents per CPU-second of the
process (``time.process_time``: less sensitive to other jobs on the machine than wall time)
and per wall-second, medians over the rounds, with the load average.
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

HERE = Path(__file__).resolve().parent

#: A child process's start, shared with bench_instructions.py: this checkout's geomentions,
#: the documents, the gazetteer loaded. Arguments: code root, benchmarks folder, corpus, n.
SETUP = """
import json, os, sys, time
code_root, bench_dir, corpus, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# geomentions first, from PYTHONPATH: bench_throughput puts its own checkout on sys.path, and
# imported after it the baseline would run this checkout's code.
import geomentions as gm
assert os.path.realpath(gm.__file__).startswith(os.path.realpath(code_root) + os.sep), gm.__file__
sys.path.insert(0, bench_dir)
from bench_throughput import make_corpus, _lgl_path
if corpus == "lgl":
    from eval_corpora import parse_lgl
    docs = [a.text for a in parse_lgl(_lgl_path(), limit=n)[0]]
else:
    docs = [t for _, t in make_corpus(n, 13)]
from geomentions.batch import extract_many
gm.Gazetteer.default()
"""

_RUN = (
    SETUP
    + """
out = {"code": os.path.dirname(os.path.realpath(gm.__file__)), "native": getattr(gm, "NATIVE", "python")}
for name in ("cold", "warm"):
    c, w = time.process_time(), time.perf_counter()
    found = extract_many(docs, workers=1, progress=False)
    out[name] = [len(docs) / (time.process_time() - c), len(docs) / (time.perf_counter() - w)]
out["places"] = sum(len(d.places) for d in found)
print(json.dumps(out))
"""
)


def _once(code_root: str, corpus: str, n: int) -> dict:
    env = {**os.environ, "PYTHONPATH": code_root}
    out = subprocess.run(
        [sys.executable, "-c", _RUN, code_root, str(HERE), corpus, str(n)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),  # with -c the current directory would come first
        check=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout (the baseline)")
    ap.add_argument("--corpus", choices=["lgl", "synthetic"], default="lgl")
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    codes = {"baseline": str(args.other.resolve()), "this": str(HERE.parent)}
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}", flush=True)
    got: dict[str, list[dict]] = {k: [] for k in codes}
    for r in range(args.rounds):
        # Alternate which code runs first, so a change in machine load hits both alike.
        for who, root in sorted(codes.items(), reverse=r % 2 == 1):
            got[who].append(_once(root, args.corpus, args.docs))
            run = got[who][-1]
            print(f"  round {r + 1}: {who} ({run['code']}, {run['native']})", flush=True)
    print(f"{args.corpus}, {args.docs} documents max, medians of {args.rounds} rounds")
    print(f"{'code':10} {'pass':5} {'docs/CPU-s':>11} {'docs/s':>8}")
    for who, rows in got.items():
        for p in ("cold", "warm"):
            cpu = statistics.median(r[p][0] for r in rows)
            wall = statistics.median(r[p][1] for r in rows)
            print(f"{who:10} {p:5} {cpu:11.1f} {wall:8.1f}")
    same = {r["places"] for rows in got.values() for r in rows}
    print(f"places found: {sorted(same)}; load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
