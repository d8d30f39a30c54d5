"""Dump extract() output on a fixed document set, and compare two dumps.

Speed work must not change what the library finds. Dump before and after a change and compare::

    python benchmarks/check_output.py dump before.jsonl      # on the old commit
    python benchmarks/check_output.py dump after.jsonl       # on the new one
    python benchmarks/check_output.py compare before.jsonl after.jsonl

The documents: the example reports, the synthetic benchmark reports
(``bench_throughput.make_corpus``, seed 13) and, when ``../shared/corpora`` is present,
the LGL and GeoWebNews articles (not shipped: GPL research data). Each line of a dump is one
document's ``Document.to_dict()`` (every mention field, place ids, candidates, confidences,
activity), with floats as Python writes them, so an identical dump means identical output.
``compare`` prints the documents that differ and the first field that differs in each, and
exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))

EXAMPLES = REPO_ROOT / "examples" / "reports"
# ``../shared`` beside a checkout (a worktree may sit one level deeper).
CORPORA = next(
    (p / "shared" / "corpora" for p in REPO_ROOT.parents if (p / "shared" / "corpora").is_dir()),
    REPO_ROOT.parent / "shared" / "corpora",
)


def documents(n_synthetic: int, n_corpus: int | None) -> Iterator[tuple[str, str]]:
    """(doc_id, text) of every document in the check set, in a fixed order."""
    for path in sorted(EXAMPLES.glob("*.txt")):
        yield f"example/{path.name}", path.read_text(encoding="utf-8")
    from bench_throughput import make_corpus

    yield from ((f"synthetic/{i}", t) for i, t in make_corpus(n_synthetic, seed=13))
    from eval_corpora import parse_gwn, parse_lgl

    for name, path, parse in (
        ("lgl", CORPORA / "LGL" / "lgl.xml", parse_lgl),
        ("gwn", CORPORA / "GeoWebNews" / "GWN.xml", parse_gwn),
    ):
        if path.is_file():
            articles, _ = parse(path, limit=n_corpus)
            yield from ((f"{name}/{a.doc_id}", a.text) for a in articles)
        else:
            print(f"{path} not found: {name} skipped", file=sys.stderr)


def dump(out: Path, n_synthetic: int, n_corpus: int | None) -> int:
    import geomentions as gm

    t0 = time.perf_counter()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, text in documents(n_synthetic, n_corpus):
            record = gm.extract(text, doc_id=doc_id).to_dict()
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} documents -> {out} in {time.perf_counter() - t0:.1f} s")
    return 0


def _first_difference(a: Any, b: Any, path: str = "") -> str:
    if type(a) is not type(b):
        return f"{path or '.'}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{path}.{k}")
    elif isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path or '.'}: {a!r} != {b!r}"


def _load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    return {r["doc_id"]: r for r in records}


def compare(before: Path, after: Path, show: int) -> int:
    old, new = _load(before), _load(after)
    only = sorted(set(old) ^ set(new))
    differing = [k for k in old if k in new and old[k] != new[k]]
    for k in only:
        print(f"only in {'before' if k in old else 'after'}: {k}")
    for k in differing[:show]:
        print(f"{k}: {_first_difference(old[k], new[k])}")
    if len(differing) > show:
        print(f"... and {len(differing) - show} more")
    print(f"{len(old)} / {len(new)} documents; {len(differing)} differ, {len(only)} unmatched")
    return 1 if differing or only else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write extract() output of the check set to a JSONL file")
    d.add_argument("out", type=Path)
    d.add_argument("--synthetic", type=int, default=400, help="synthetic reports (default 400)")
    d.add_argument("--corpus-limit", type=int, help="articles per corpus (default: all)")
    c = sub.add_parser("compare", help="compare two dumps; exit 1 if they differ")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--show", type=int, default=20, help="differing documents to print")
    args = ap.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.synthetic, args.corpus_limit)
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    raise SystemExit(main())
