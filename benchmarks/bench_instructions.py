"""A/B cost of this checkout against another one in CPU instructions, which load cannot move.

Usage (from the repository root; needs valgrind)::

    python benchmarks/bench_instructions.py /tmp/base [--docs 150] [--corpus lgl|synthetic]

On a shared 2-core machine, CPU seconds move by 10-20% from run to run with the other jobs
(they share caches and cores); ``valgrind --tool=callgrind`` counts the instructions a process
executes, the same on every run of the same code and input. Each side runs three fresh
processes under callgrind: import and load the gazetteer only, then also one pass of
``extract_many(workers=1)`` over the documents (empty memos), then two passes (the second
warm). The differences are each pass's instructions. Instructions are not seconds (a cache
miss costs more than an add), so confirm a change with ``bench_ab.py`` on a quiet machine;
but they rank two versions of the same pipeline reliably. About 5 minutes a side at 150
documents.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_ab import SETUP

HERE = Path(__file__).resolve().parent

# One more argument after bench_ab's four: how many passes over the documents.
_RUN = (
    SETUP
    + """
for _ in range(int(sys.argv[5])):
    extract_many(docs, workers=1, progress=False)
print(getattr(gm, "NATIVE", "python"))
"""
)


def instructions(code_root: str, corpus: str, n: int, passes: int) -> tuple[int, str]:
    """Instructions of one fresh process (callgrind's total) and how its modules ran."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
             sys.executable, "-c", _RUN, code_root, str(HERE), corpus, str(n), str(passes)],
            capture_output=True, text=True, check=True, cwd=tmp,
            env={**os.environ, "PYTHONPATH": code_root},
        )  # fmt: skip
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind:\n{out.stderr[-2000:]}")
    return int(found.group(1)), out.stdout.strip().splitlines()[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout (the baseline)")
    ap.add_argument("--corpus", choices=["lgl", "synthetic"], default="lgl")
    ap.add_argument("--docs", type=int, default=150)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    codes = {"baseline": str(args.other.resolve()), "this": str(HERE.parent)}
    passes: dict[str, list[int]] = {}
    for who, root in codes.items():
        counts = []
        for k in range(3):
            count, native = instructions(root, args.corpus, args.docs, k)
            counts.append(count)
            print(f"  {who} ({root}, modules {native}): {k} passes, {count:,} instructions")
        passes[who] = [counts[1] - counts[0], counts[2] - counts[1], counts[0]]
    print(f"{args.corpus}, {args.docs} documents; instructions (G), this / baseline")
    for i, name in enumerate(("empty memos", "warm", "import + load")):
        base, this = passes["baseline"][i], passes["this"][i]
        print(f"{name:14} {base / 1e9:8.3f} {this / 1e9:8.3f}   {this / base:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
