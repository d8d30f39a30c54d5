"""Benchmark ``geomentions.resolve`` on hand-written spelling variants of real places.

Usage (from the repository root)::

    python benchmarks/bench_resolve.py [--variants PATH] [--baseline-sample N] [--seed S]
                                       [--limit N] [--show-failures] [--json OUT]

What is measured
----------------
*Load* - import time of ``geomentions``, time of the first ``Gazetteer.default()`` in the process
and the resident memory (RSS) after each step.

*Accuracy* - for every row of ``benchmarks/data/variants.tsv`` (a variant spelling and the
GeoNames id it names): top-1 accuracy of ``resolve(variant)`` with no hint, top-1 with
``country=`` the gold place's country (read from the gazetteer row of the gold id) and top-5
recall, overall and broken down by script, by kind and by *tier*:

* ``literal``  - the variant is, case aside, one of the gold place's names in the gazetteer;
* ``same-key`` - not literally, but its normalised key equals the key of one of those names;
* ``fuzzy``    - neither: only fuzzy matching (or nothing) can find the place.

A wrong top-1 answer within 25 km of the gold point (a governorate for its capital, a duplicate
row) is counted separately as a near miss; it is still wrong.

*Latency* - ``time.perf_counter`` around every query. The first query builds the lazy fuzzy index
and is reported on its own; before each timed pass the gazetteer's lookup memo and every
``functools.lru_cache`` in ``geomentions.gazetteer``, ``.names`` and ``.resolution`` are
cleared, so each query does its full work.

*Baseline* - plain rapidfuzz over the raw names of the same gazetteer: every name of every place,
lowercased, ``process.extractOne(query.lower(), names, scorer=fuzz.ratio)``; the best name's place
wins, ties going to the more populous place (names are ordered by population, and extractOne keeps
the first best). It is slow, so it runs on a fixed random sample of variants
(``--baseline-sample``, default 300, ``--seed`` 0), and geomentions is scored on the same sample.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_VARIANTS = REPO_ROOT / "benchmarks" / "data" / "variants.tsv"
SCRIPTS = ("latin", "arabic", "cyrillic")
NEAR_MISS_KM = 25.0
N_WORST = 30


# --- input -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Variant:
    """One benchmark row: a spelling and the GeoNames place it names."""

    gold_id: str
    text: str
    script: str
    kind: str


def letters_script(text: str) -> str:
    """The script of a spelling's letters: arabic, cyrillic, latin, or "mixed".

    >>> letters_script("Дейр-эз-Зор"), letters_script("دير الزور"), letters_script("Ḩamāh")
    ('cyrillic', 'arabic', 'latin')
    """
    found = set()
    for ch in text:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            found.add("arabic")
        elif 0x0400 <= o <= 0x052F:
            found.add("cyrillic")
        elif ch.isalpha():
            found.add("latin")
    return found.pop() if len(found) == 1 else "mixed"


def read_variants(path: Path) -> list[Variant]:
    """Rows of a variants TSV (``geonameid variant script kind``); bad rows raise ValueError.

    >>> read_variants(DEFAULT_VARIANTS)[0].gold_id  # doctest: +SKIP
    'geonames:170654'
    """
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        wanted = ["geonameid", "variant", "script", "kind"]
        if reader.fieldnames != wanted:
            raise ValueError(f"{path}: header must be {wanted}, not {reader.fieldnames}")
        out = []
        for n, row in enumerate(reader, start=2):
            gid, text = row["geonameid"].strip(), row["variant"].strip()
            if not gid.isdigit() or not text or row["script"] not in SCRIPTS or not row["kind"]:
                raise ValueError(f"{path}:{n}: malformed row {row}")
            if letters_script(text) != row["script"]:
                raise ValueError(f"{path}:{n}: {text!r} is not written in {row['script']} script")
            out.append(Variant(f"geonames:{gid}", text, row["script"], row["kind"].strip()))
    if not out:
        raise ValueError(f"{path} holds no variants")
    return out


# --- measurement helpers ---------------------------------------------------------------------
def rss_mb() -> float:
    """Current resident memory in MB (Linux /proc), else the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def latency_stats(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95 and mean of per-query times, in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    if not ms:
        return {"median": math.nan, "p95": math.nan, "mean": math.nan}
    p95 = ms[min(len(ms) - 1, math.ceil(0.95 * len(ms)) - 1)]
    return {"median": statistics.median(ms), "p95": p95, "mean": statistics.fmean(ms)}


def clear_caches(gaz: Any) -> None:
    """Empty the gazetteer's lookup memo and every lru_cache of the name folding and
    resolution modules, so that a timed query does all of its work."""
    import geomentions.gazetteer as gaz_mod
    import geomentions.names as names_mod
    import geomentions.resolution as res_mod

    memo = getattr(gaz, "cache", None)
    if callable(getattr(memo, "clear", None)):
        memo.clear()
    for mod in (gaz_mod, names_mod, res_mod):
        for obj in vars(mod).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


# --- one query's outcome ---------------------------------------------------------------------
@dataclass
class Outcome:
    variant: Variant
    country: str
    tier: str
    ambiguous: bool
    top_ids: list[str] = field(default_factory=list)
    top_ids_cc: list[str] = field(default_factory=list)
    got: dict[str, Any] | None = None
    got_cc: dict[str, Any] | None = None
    seconds: float = 0.0
    seconds_cc: float = 0.0
    near_miss: bool = False

    @property
    def top1(self) -> bool:
        return bool(self.top_ids) and self.top_ids[0] == self.variant.gold_id

    @property
    def top1_cc(self) -> bool:
        return bool(self.top_ids_cc) and self.top_ids_cc[0] == self.variant.gold_id

    @property
    def top5(self) -> bool:
        return self.variant.gold_id in self.top_ids

    @property
    def top5_cc(self) -> bool:
        return self.variant.gold_id in self.top_ids_cc


def scores(rows: Iterable[Outcome]) -> dict[str, float | int]:
    rows = list(rows)
    n = len(rows)
    if not n:
        return {"n": 0}
    return {
        "n": n,
        "top1": sum(o.top1 for o in rows) / n,
        "top1_country": sum(o.top1_cc for o in rows) / n,
        "top5": sum(o.top5 for o in rows) / n,
        "top5_country": sum(o.top5_cc for o in rows) / n,
        "no_answer": sum(not o.top_ids for o in rows) / n,
        "near_miss": sum(o.near_miss for o in rows) / n,
    }


def grouped(outcomes: list[Outcome], key: Callable[[Outcome], str]) -> dict[str, dict]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[key(o)].append(o)
    return {k: scores(v) for k, v in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))}


def brief(c: Any) -> dict[str, Any]:
    return {
        "id": c.place_id,
        "name": c.name,
        "cc": c.country_code,
        "code": c.feature_code,
        "score": c.score,
        "matched": c.matched_name,
        "lat": c.lat,
        "lon": c.lon,
    }


# --- the runs --------------------------------------------------------------------------------
def run_geomentions(variants: list[Variant], gm: Any, gaz: Any) -> tuple[list[Outcome], dict]:
    """Resolve every variant twice (no hint, then with the gold country) and time each call."""
    import pyarrow.parquet as pq

    from geomentions.geo import haversine_km

    # Gazetteer rows follow the file's row order, so the file's place_id column maps ids to rows.
    ids = pq.read_table(gaz.path, columns=["place_id"]).column("place_id").to_pylist()
    row_of = {pid: i for i, pid in enumerate(ids)}
    missing = sorted({v.gold_id for v in variants if v.gold_id not in row_of})
    if missing:
        raise ValueError(f"{len(missing)} gold ids are not in the gazetteer: {missing[:10]}")

    golds_of_text: dict[str, set[str]] = defaultdict(set)
    for v in variants:
        golds_of_text[v.text].add(v.gold_id)
    outcomes = []
    for v in variants:
        row = row_of[v.gold_id]
        names = gaz.names_of(row)
        if v.text.casefold() in {n.casefold() for n in names}:
            tier = "literal"
        elif gm.key(v.text) in {gm.key(n) for n in names}:
            tier = "same-key"
        else:
            tier = "fuzzy"
        country = gaz.place(row)["country_code"]
        outcomes.append(Outcome(v, country, tier, len(golds_of_text[v.text]) > 1))

    clear_caches(gaz)
    first, first_s = timed(lambda: gm.resolve(variants[0].text))
    for label in ("plain", "country"):
        clear_caches(gaz)
        for o in outcomes:
            hint = o.country if label == "country" else None
            cands, secs = timed(lambda o=o, hint=hint: gm.resolve(o.variant.text, country=hint))
            top = [c.place_id for c in cands]
            best = brief(cands[0]) if cands else None
            if label == "plain":
                o.top_ids, o.got, o.seconds = top, best, secs
            else:
                o.top_ids_cc, o.got_cc, o.seconds_cc = top, best, secs
    for o in outcomes:
        if o.got and not o.top1:
            gold = gaz.place(row_of[o.variant.gold_id])
            o.got["km"] = round(haversine_km(gold["lat"], gold["lon"], o.got["lat"], o.got["lon"]))
            o.near_miss = o.got["km"] <= NEAR_MISS_KM
    timing = {
        "first_call_ms": first_s * 1000,
        "plain": latency_stats([o.seconds for o in outcomes]),
        "country": latency_stats([o.seconds_cc for o in outcomes]),
        "first_call_found": bool(first),
    }
    return outcomes, timing


def run_baseline(sample: list[Outcome], gaz: Any) -> dict[str, Any]:
    """Plain rapidfuzz ratio over every lowercased gazetteer name; population breaks ties."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    from rapidfuzz import fuzz, process

    t0 = time.perf_counter()
    table = pq.read_table(gaz.path, columns=["place_id", "population", "names"])
    names = table.column("names").combine_chunks()
    parent = pc.list_parent_indices(names).to_pylist()
    lowered = pc.utf8_lower(names.flatten()).to_pylist()
    pop = table.column("population").to_pylist()
    ids = table.column("place_id").to_pylist()
    owner: dict[str, int] = {}
    for name, row in zip(lowered, parent, strict=True):
        if name and (name not in owner or pop[row] > pop[owner[name]]):
            owner[name] = row
    # extractOne keeps the first of equal scores, so order names by their place's population.
    choices = sorted(owner, key=lambda n: (-pop[owner[n]], n))
    build_s = time.perf_counter() - t0

    hits, secs = 0, []
    for o in sample:
        query = o.variant.text.lower()
        best, s = timed(lambda q=query: process.extractOne(q, choices, scorer=fuzz.ratio))
        secs.append(s)
        hits += best is not None and ids[owner[best[0]]] == o.variant.gold_id
    return {
        "n": len(sample),
        "names": len(choices),
        "index_build_s": build_s,
        "top1": hits / len(sample),
        "latency_ms": latency_stats(secs),
    }


# --- report ----------------------------------------------------------------------------------
HEADER = f"{'':<24} {'n':>5} {'top1':>6} {'+cc':>6} {'top5':>6} {'none':>6} {'near':>6}"


def table(title: str, groups: dict[str, dict], min_n: int = 1) -> list[str]:
    """One section of the accuracy table; groups smaller than ``min_n`` are only named."""
    lines = [title]
    other: list[str] = []
    for name, s in groups.items():
        if s["n"] < min_n:
            other.append(f"{name}({s['n']})")
            continue
        lines.append(
            f"  {name:<22} {s['n']:>5} {s['top1']:>6.3f} {s['top1_country']:>6.3f}"
            f" {s['top5']:>6.3f} {s['no_answer']:>6.3f} {s['near_miss']:>6.3f}"
        )
    if other:
        lines.append(f"  (n < {min_n}, figures in the JSON: {', '.join(other)})")
    return lines


def worst_failures(outcomes: list[Outcome], n: int) -> list[Outcome]:
    """Wrong no-hint answers, worst first: still wrong with the country hint, then a confident
    wrong place (a wrong dot on a map) before an empty answer, then higher wrong scores."""
    wrong = [o for o in outcomes if not o.top1]
    return sorted(
        wrong,
        key=lambda o: (
            o.top1_cc,
            o.got is None,
            -(o.got["score"] if o.got else 0.0),
            o.variant.text,
        ),
    )[:n]


def describe(got: dict[str, Any] | None) -> str:
    if got is None:
        return "(nothing)"
    return (
        f"{got['name']} ({got['cc']} {got['code']}, score {got['score']:.2f},"
        f" {got['km']:,} km off, via {got['matched']!r})"
    )


def failure_row(o: Outcome) -> dict[str, Any]:
    return {
        "variant": o.variant.text,
        "kind": o.variant.kind,
        "tier": o.tier,
        "expected": o.variant.gold_id,
        "got": o.got,
        "got_with_country": o.got_cc,
        "gold_rank": o.top_ids.index(o.variant.gold_id) + 1 if o.top5 else None,
    }


def calibration(outcomes: list[Outcome]) -> list[str]:
    """Is the top answer's score (no hint) a probability? Accuracy against mean score per
    tier, a reliability table in tenths and the expected calibration error."""
    answered = [o for o in outcomes if o.got is not None]
    out = ["score of the top answer (no hint) against how often it is right"]
    for tier in ("literal", "same-key", "fuzzy"):
        group = [o for o in answered if o.tier == tier]
        if group:
            acc = sum(o.top1 for o in group) / len(group)
            mean = sum(o.got["score"] for o in group) / len(group)
            out.append(
                f"  {tier:<10} answered {len(group):>5}  right {acc:.3f}  mean score {mean:.3f}"
            )
    ece = 0.0
    for b in range(10):
        group = [o for o in answered if min(9, int(o.got["score"] * 10)) == b]
        if group:
            acc = sum(o.top1 for o in group) / len(group)
            mean = sum(o.got["score"] for o in group) / len(group)
            ece += len(group) / len(answered) * abs(acc - mean)
            out.append(f"  score {b / 10:.1f}-{(b + 1) / 10:.1f} n {len(group):>5}  right {acc:.3f}"
                       f"  mean score {mean:.3f}")  # fmt: skip
    out.append(f"  expected calibration error {ece:.3f}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", type=Path, default=DEFAULT_VARIANTS)
    ap.add_argument("--baseline-sample", type=int, default=300, help="0 skips the baseline")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="use a random subset of N variants")
    ap.add_argument("--show-failures", action="store_true")
    ap.add_argument("--json", type=Path, help="write all figures (and every failure) here")
    args = ap.parse_args(argv)
    if args.baseline_sample < 0 or args.limit < 0:
        raise ValueError("--baseline-sample and --limit must be >= 0")

    variants = read_variants(args.variants)
    if args.limit:
        variants = random.Random(args.seed).sample(variants, min(args.limit, len(variants)))
    rss0 = rss_mb()
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))  # run from a checkout without installing
    gm, import_s = timed(lambda: __import__("geomentions"))
    rss_import = rss_mb()
    gaz, load_s = timed(gm.Gazetteer.default)
    rss_load = rss_mb()

    outcomes, timing = run_geomentions(variants, gm, gaz)
    rss_after = rss_mb()
    rng = random.Random(args.seed)
    sample = rng.sample(outcomes, min(args.baseline_sample, len(outcomes)))
    base = run_baseline(sample, gaz) if sample else None

    n_places = len({v.gold_id for v in variants})
    figures: dict[str, Any] = {
        "variants": len(variants),
        "places": n_places,
        "ambiguous_variants": sum(o.ambiguous for o in outcomes),
        "gazetteer": {
            "places": len(gaz),
            "path": gaz.path,
            "import_s": import_s,
            "load_s": load_s,
            "rss_mb": {
                "start": rss0,
                "after_import": rss_import,
                "after_load": rss_load,
                "after_queries": rss_after,
                "peak": peak_rss_mb(),
            },
        },
        "overall": scores(outcomes),
        "by_script": grouped(outcomes, lambda o: o.variant.script),
        "by_kind": grouped(outcomes, lambda o: o.variant.kind),
        "by_tier": grouped(outcomes, lambda o: o.tier),
        "latency_ms": timing,
    }
    if base:
        gm_secs = [o.seconds for o in sample]
        base["geomentions_top1"] = sum(o.top1 for o in sample) / len(sample)
        base["geomentions_latency_ms"] = latency_stats(gm_secs)
        figures["baseline"] = base

    g = figures["gazetteer"]
    rss = g["rss_mb"]
    out = [
        f"variants: {len(variants)} spellings of {n_places} places ({args.variants.name});"
        f" {figures['ambiguous_variants']} listed under more than one place",
        f"gazetteer: {len(gaz):,} places; import geomentions {import_s:.2f} s,"
        f" cold load {load_s:.2f} s; RSS {rss['start']:.0f} -> {rss['after_import']:.0f}"
        f" (import) -> {rss['after_load']:.0f} (load) -> {rss['after_queries']:.0f} MB"
        f" (after queries), peak {rss['peak']:.0f} MB",
        f"first query (builds the lazy fuzzy index): {timing['first_call_ms']:.0f} ms",
        "",
        "accuracy (top1 = no hint; +cc = country of the gold place given; none = empty answer;",
        f"          near = wrong top-1 within {NEAR_MISS_KM:.0f} km of the gold point)",
        HEADER,
        *table("all", {"all": figures["overall"]})[1:],
        *table("by script", figures["by_script"]),
        *table("by tier (is the variant already a name of the gold place?)", figures["by_tier"]),
        *table("by kind", figures["by_kind"], min_n=10),
        "",
        *calibration(outcomes),
        "",
        f"latency per query, warm index, caches cleared (ms) {'median':>9} {'p95':>7} {'mean':>7}",
    ]
    for label, call in (("plain", "resolve(name)"), ("country", "resolve(name, country=cc)")):
        s = timing[label]
        out.append(f"  {call:<48} {s['median']:>9.2f} {s['p95']:>7.2f} {s['mean']:>7.2f}")
    if base:
        b, gl = base["latency_ms"], base["geomentions_latency_ms"]
        acc_ratio = base["geomentions_top1"] / max(base["top1"], 1e-9)
        out += [
            "",
            f"baseline on the same {base['n']} variants (seed {args.seed}): rapidfuzz"
            f" extractOne, ratio over {base['names']:,} lowercased names"
            f" (list built in {base['index_build_s']:.1f} s)",
            f"  {'':<14} {'top1':>6} {'median ms':>10} {'p95 ms':>8} {'mean ms':>8}",
            f"  {'geomentions':<14} {base['geomentions_top1']:>6.3f} {gl['median']:>10.2f}"
            f" {gl['p95']:>8.2f} {gl['mean']:>8.2f}",
            f"  {'rapidfuzz':<14} {base['top1']:>6.3f} {b['median']:>10.2f}"
            f" {b['p95']:>8.2f} {b['mean']:>8.2f}",
            f"  geomentions / baseline: accuracy x{acc_ratio:.2f}"
            f" ({(base['geomentions_top1'] - base['top1']) * 100:+.1f} points),"
            f" speed x{b['mean'] / gl['mean']:.1f} faster (mean)",
        ]
    worst = worst_failures(outcomes, N_WORST)
    if args.show_failures:
        out += ["", f"{len(worst)} worst failures (no hint; ! = still wrong given the country):"]
        for o in worst:
            mark = " " if o.top1_cc else "!"
            out.append(
                f" {mark} {o.variant.text!r} [{o.variant.kind}/{o.tier}]"
                f" expected {o.variant.gold_id} -> {describe(o.got)}"
            )
    print("\n".join(out))
    if args.json:
        figures["failures"] = [failure_row(o) for o in outcomes if not (o.top1 and o.top1_cc)]
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
