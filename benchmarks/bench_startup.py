"""Start-up cost: a fresh process that imports geomentions, loads the gazetteer and
extracts one report, against ``import geopandas`` in the same run.

Usage (from the repository root)::

    python benchmarks/bench_startup.py [--rounds N] [--baseline DIR] [--json OUT]

Each round starts new Python processes, interleaved so that machine load hits every
measurement alike, and the table shows medians:

* ``import geopandas``: the reference the issue-12 target is stated against (<= 1.5x);
* ``extract one report``: ``import geomentions`` + ``Gazetteer.default()`` + ``extract()`` of
  ``examples/reports/en_newswire.txt``; wall time, peak RSS (VmHWM) and, at the end, the
  private memory (``Private_*`` of ``/proc/self/smaps_rollup``: what the process does not
  share with other processes mapping the same files);
* ``geomentions resolve "Dayr az Zawr"``: the command line, fuzzy lookup included.

``--baseline DIR``: the same measurements for another checkout (e.g. ``git worktree add
/tmp/base <commit>``), run with ``PYTHONPATH=DIR``, in the same rounds. The gazetteer cache
(``geomentions.store``) is built before the rounds, so they measure the warm start every
later process gets; the one-time build is timed separately in an empty cache directory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
REPORT = REPO_ROOT / "examples" / "reports" / "en_newswire.txt"

_MEMORY = """
def _memory():
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
    private = 0
    try:
        for line in open("/proc/self/smaps_rollup"):
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                private += int(line.split()[1]) / 1024
    except OSError:
        private = float("nan")
    return peak, private
"""
_GEOPANDAS = _MEMORY + "import geopandas\nprint(*_memory())"
_EXTRACT = (
    _MEMORY
    + """
import sys, geomentions as gm
doc = gm.extract(open(sys.argv[1], encoding="utf-8").read())
assert doc.places, "no places found"
print(*_memory())
"""
)
_RESOLVE = (
    _MEMORY
    + """
import sys
from geomentions.cli import main
sys.argv = ["geomentions", "resolve", "Dayr az Zawr"]
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()):
    main()
print(*_memory())
"""
)


def _run(code: str, pythonpath: str | None, *args: str, env: dict | None = None) -> dict:
    environ = dict(env or os.environ)
    if pythonpath:
        environ["PYTHONPATH"] = os.pathsep.join([pythonpath, environ.get("PYTHONPATH", "")])
    t0 = time.perf_counter()
    # cwd elsewhere: with -c the current directory comes first on sys.path, before PYTHONPATH.
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tempfile.gettempdir(),
    )
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"a measured process failed:\n{out.stderr}")
    peak, private = (float(v) for v in out.stdout.split()[-2:])
    return {"wall_s": wall, "peak_rss_mb": peak, "private_mb": private}


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--baseline", type=Path, help="another checkout to measure alike")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    args = ap.parse_args(argv)
    say = lambda s: print(s, flush=True)  # noqa: E731
    say(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}, python {sys.version[:6]}")

    import geomentions

    ours = str(Path(geomentions.__file__).resolve().parents[1])
    code = {"ours": ours}
    if args.baseline:
        code["baseline"] = str(args.baseline.resolve())

    # The one-time cache build, in an empty cache directory (not for a baseline without one).
    with tempfile.TemporaryDirectory() as empty:
        env = {**os.environ, "GEOMENTIONS_CACHE_DIR": empty}
        build = _run(_EXTRACT, ours, str(REPORT), env=env)
    say(
        f"first use ever (builds the gazetteer cache): {build['wall_s']:.2f} s, "
        f"peak RSS {build['peak_rss_mb']:.0f} MB"
    )
    for path in code.values():
        _run(_EXTRACT, path, str(REPORT))  # the default cache is built before the rounds

    jobs = [("import geopandas", None, _GEOPANDAS, ())]
    for who, path in code.items():
        jobs.append((f"{who}: extract one report", path, _EXTRACT, (str(REPORT),)))
        jobs.append((f"{who}: cli resolve", path, _RESOLVE, ()))
    rows: dict[str, list[dict]] = {name: [] for name, *_ in jobs}
    for _ in range(args.rounds):
        for name, path, program, extra in jobs:
            rows[name].append(_run(program, path, *extra))

    geopandas_s = _median(rows["import geopandas"], "wall_s")
    head = (
        f"{'process':32} {'wall s':>7} {'x geopandas':>12} {'peak RSS MB':>12} {'private MB':>11}"
    )
    say(f"\nmedians of {args.rounds} rounds\n{head}\n{'-' * len(head)}")
    result: dict = {"rounds": args.rounds, "first_use_build": build, "runs": {}}
    for name, got in rows.items():
        wall, peak = _median(got, "wall_s"), _median(got, "peak_rss_mb")
        private = _median(got, "private_mb")
        result["runs"][name] = {"wall_s": wall, "peak_rss_mb": peak, "private_mb": private}
        say(f"{name:32} {wall:7.2f} {wall / geopandas_s:11.2f}x {peak:12.0f} {private:11.0f}")
    say(f"load average at end {os.getloadavg()[0]:.1f}")
    result["load_average"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
