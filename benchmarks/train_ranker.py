"""Train the shipped candidate ranker (``geomentions/data/ranker.json``). One command:

    python benchmarks/train_ranker.py --lgl ../shared/corpora/LGL/lgl.xml \\
        --gwn ../shared/corpora/GeoWebNews/GWN.xml

Needs the ``train`` extra (scikit-learn). What it does:

1. builds the candidate table: every name ``extract`` ranks in the LGL and GeoWebNews articles
   and in the project's annotated example reports (``tests/data/example_gold.tsv``), whose span
   overlaps a gold toponym with a GeoNames id, with the features of each of its candidates
   (:mod:`geomentions.features`) and a label: the candidate is the gold place (same GeoNames
   id, or within 161 km of the gold point); names that overlap no annotation are rows too,
   with every candidate wrong (the confidence is that the mention is this place);
2. document-level cross-validation (``--folds`` folds of whole documents, fixed ``--seed``):
   a logistic regression (scikit-learn) per fold, each fold's mentions ranked by the model that
   never saw them, through the package's own ranking code (so the rules apply as at run time);
   prints the CV table (top-1 right, per corpus) and the reliability table with the expected
   calibration error (the isotonic map of each fold is fitted on the other folds, so the
   figures are out of sample too);
3. fits the isotonic calibration on all out-of-fold decisions, the model on all rows, and
   writes the model file.

Why logistic regression: about fifty readable features, a model that ``why`` can explain as
contributions, a JSON file of a few kilobytes, and inference that is one numpy dot product.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from eval_corpora import (  # noqa: E402
    DEFAULT_GWN,
    DEFAULT_LGL,
    Article,
    GoldToponym,
    geonames_id,
    overlap,
    parse_gwn,
    parse_lgl,
    reliability,
)

from geomentions.extraction import reading_tables  # noqa: E402
from geomentions.features import FEATURE_NAMES, VERSION, Candidates, matrix  # noqa: E402
from geomentions.geo import haversine_km  # noqa: E402
from geomentions.models import LogisticModel  # noqa: E402
from geomentions.resolution import match_name, ranking, using_ranker  # noqa: E402

EXAMPLE_GOLD = REPO_ROOT / "tests" / "data" / "example_gold.tsv"
EXAMPLE_REPORTS = REPO_ROOT / "examples" / "reports"
OUTPUT = REPO_ROOT / "geomentions" / "data" / "ranker.json"
RIGHT_KM = 161.0
#: Regularisation of the logistic regression (inverse strength), chosen once, not tuned per run.
C = 1.0
#: How much each mention of the project's own example reports counts (tried 20: CV top-1
#: fell on every corpus, the examples' own included).
EXAMPLE_WEIGHT = 1.0


# --- data --------------------------------------------------------------------------------------
def example_articles(
    gold_path: Path = EXAMPLE_GOLD, reports: Path = EXAMPLE_REPORTS
) -> list[Article]:
    """The project's example reports with their annotated places (every occurrence of each
    annotated surface form; rows without a GeoNames id are left out)."""
    by_file: dict[str, list[dict]] = {}
    with open(gold_path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            by_file.setdefault(rec["file"], []).append(rec)
    out = []
    for name, recs in sorted(by_file.items()):
        text = (reports / name).read_text(encoding="utf-8")
        gold = []
        for rec in recs:
            if not rec["geonameid"]:
                continue
            lat = float(rec["lat"]) if rec["lat"] else None
            lon = float(rec["lon"]) if rec["lon"] else None
            start = text.find(rec["surface"])
            while start >= 0:
                end = start + len(rec["surface"])
                gold.append(
                    GoldToponym(start, end, rec["surface"], int(rec["geonameid"]), lat, lon)
                )
                start = text.find(rec["surface"], end)
        out.append(Article(f"example-{name}", text, gold))
    return out


@dataclass
class MentionRow:
    """One ranked name of one document: its candidates' features and labels."""

    doc: str
    corpus: str
    cands: Candidates
    context: object
    x: np.ndarray
    y: np.ndarray  # 1 where the candidate is the gold place
    #: None for a name that is no gold toponym at all: every reading of it is wrong.
    gold: GoldToponym | None
    #: Candidates from the fuzzy search of ``resolve`` (taught, not scored: extract never
    #: ranks them).
    fuzzy: bool = False


def _label(cands: Candidates, gold: GoldToponym) -> np.ndarray:
    """1 for the gold place: its GeoNames id when a candidate has it (so the city, not its
    province 20 km away), else any candidate within 161 km of the gold point."""
    ids = [geonames_id(i["place_id"]) for i in cands.infos]
    if gold.geonameid is not None and gold.geonameid in ids:
        return np.array([float(i == gold.geonameid) for i in ids])
    if not gold.has_coords:
        return np.zeros(len(cands))
    return np.array(
        [
            float(haversine_km(gold.lat, gold.lon, i["lat"], i["lon"]) <= RIGHT_KM)
            for i in cands.infos
        ]
    )


def _right(cands: Candidates, top: int, gold: GoldToponym | None) -> bool:
    """Whether choosing ``top`` is right: same id, or within 161 km of the gold."""
    if gold is None:
        return False
    info = cands.infos[top]
    if gold.geonameid is not None and geonames_id(info["place_id"]) == gold.geonameid:
        return True
    return (
        gold.has_coords and haversine_km(gold.lat, gold.lon, info["lat"], info["lon"]) <= RIGHT_KM
    )


def build_table(articles: Iterable[Article], corpus: str) -> list[MentionRow]:
    """The candidate table of some articles: names that overlap a gold toponym with an id or
    coordinates, and names that overlap no annotation at all (not places: all wrong)."""
    rows = []
    for art in articles:
        usable = [g for g in art.gold if g.geonameid is not None or g.has_coords]
        marked = [(g.start, g.end) for g in art.gold] + list(art.ignore)
        for span, cands, ctx in reading_tables(art.text):
            if not len(cands):
                continue
            where = (span.start, span.end)
            hits = [g for g in usable if overlap(where, (g.start, g.end))]
            if not hits:
                if not any(overlap(where, m) for m in marked):
                    x = matrix(cands, ctx)
                    rows.append(
                        MentionRow(art.doc_id, corpus, cands, ctx, x, np.zeros(len(cands)), None)
                    )
                continue
            gold = max(hits, key=lambda g: overlap((span.start, span.end), (g.start, g.end)))
            x = matrix(cands, ctx)
            rows.append(MentionRow(art.doc_id, corpus, cands, ctx, x, _label(cands, gold), gold))
            # resolve() also ranks near spellings: the same mention with them teaches the
            # model what a fuzzy match is worth.
            wide = Candidates(tuple(match_name(span.text)))
            if len(wide) > len(cands):
                y = _label(wide, gold)
                rows.append(
                    MentionRow(art.doc_id, corpus, wide, ctx, matrix(wide, ctx), y, gold, True)
                )
    return rows


def load_corpora(
    lgl: Path | None, gwn: Path | None, examples: bool = True
) -> dict[str, list[Article]]:
    out: dict[str, list[Article]] = {}
    if lgl is not None:
        out["LGL"] = parse_lgl(lgl)[0]
    if gwn is not None:
        out["GeoWebNews"] = parse_gwn(gwn)[0]
    if examples:
        out["examples"] = example_articles()
    return out


def doc_folds(docs: Sequence[str], k: int, seed: int) -> dict[str, int]:
    """Documents shuffled with ``seed`` and dealt round-robin into ``k`` folds."""
    order = sorted(set(docs))
    rng = np.random.default_rng(seed)
    rng.shuffle(order)
    return {d: i % k for i, d in enumerate(order)}


# --- fitting -----------------------------------------------------------------------------------
def fit(rows: Sequence[MentionRow], *, name: str = "ranker") -> LogisticModel:
    """A logistic regression on standardised features (scikit-learn), as a LogisticModel."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([r.x for r in rows])
    y = np.concatenate([r.y for r in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    w = np.concatenate(
        [np.full(len(r.y), EXAMPLE_WEIGHT if r.corpus == "examples" else 1.0) for r in rows]
    )
    lr = LogisticRegression(C=C, max_iter=5000)
    lr.fit((x - mean) / scale, y, sample_weight=w)
    return LogisticModel(
        FEATURE_NAMES, tuple(float(w) for w in lr.coef_[0]), float(lr.intercept_[0]),
        tuple(float(v) for v in mean), tuple(float(v) for v in scale), name=name, version=VERSION,
        lower=tuple(float(v) for v in x.min(axis=0)), upper=tuple(float(v) for v in x.max(axis=0)),
    )  # fmt: skip


@dataclass
class Decision:
    """How the pipeline decided one mention: the decision score and whether it was right."""

    doc: str
    corpus: str
    fold: int
    score: float
    right: bool


def decide(model: LogisticModel, rows: Sequence[MentionRow], fold: int = -1) -> list[Decision]:
    """Rank each mention with ``model`` through the package's ranking (rules included)."""
    out = []
    with using_ranker(model):
        for r in rows:
            ranks = ranking(r.cands.matches, r.context, cands=r.cands)
            top = ranks.order[0]
            q = ranks.decision_score()
            out.append(Decision(r.doc, r.corpus, fold, q, _right(r.cands, top, r.gold)))
    return out


def isotonic(decisions: Sequence[Decision]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The isotonic map decision score -> P(right), as the interpolation table the model keeps."""
    from sklearn.isotonic import IsotonicRegression

    xs = np.array([d.score for d in decisions])
    ys = np.array([d.right for d in decisions], dtype=float)
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(xs, ys)
    return (
        tuple(round(float(v), 6) for v in iso.X_thresholds_),
        tuple(round(float(v), 6) for v in iso.y_thresholds_),
    )


def fit_calibrated(
    rows: Sequence[MentionRow], *, folds: int, seed: int, meta: dict[str, str] | None = None
) -> tuple[LogisticModel, list[Decision]]:
    """The model on all ``rows`` with an isotonic calibration fitted on out-of-fold decisions
    (document folds), and those decisions."""
    fold_of = doc_folds([r.doc for r in rows], folds, seed)
    decisions: list[Decision] = []
    for f in range(folds):
        train = [r for r in rows if fold_of[r.doc] != f]
        test = [r for r in rows if fold_of[r.doc] == f and not r.fuzzy]
        if train and test:
            decisions += decide(fit(train), test, f)
    model = fit(rows)
    cal = isotonic(decisions)
    model = LogisticModel(
        model.feature_names, model.weights, model.bias, model.mean, model.scale, cal,
        name="ranker", version=VERSION, lower=model.lower, upper=model.upper,
        meta=tuple(sorted((meta or {}).items())),
    )  # fmt: skip
    return model, decisions


def cross_fitted(decisions: Sequence[Decision]) -> list[float]:
    """Each decision's calibrated probability from the isotonic map of the *other* folds."""
    out = []
    folds = sorted({d.fold for d in decisions})
    maps = {f: isotonic([d for d in decisions if d.fold != f]) for f in folds}
    for d in decisions:
        xs, ys = maps[d.fold]
        out.append(float(np.interp(d.score, xs, ys)))
    return out


def cv_table(decisions: Sequence[Decision], rows: Sequence[MentionRow]) -> list[str]:
    """Top-1 right (out of fold) per corpus; "reachable" counts mentions whose gold place is
    among the candidates at all."""
    lines = [
        f"  {'corpus':<12} {'mentions':>8} {'gold reachable':>15} {'top-1 right':>12} {'of reachable':>13}"
    ]
    by_corpus: dict[str, list[tuple[bool, bool]]] = {}
    for d, r in zip(decisions, rows, strict=True):
        if r.gold is not None:
            by_corpus.setdefault(d.corpus, []).append((d.right, bool(r.y.any())))
    for corpus, pairs in sorted(by_corpus.items()):
        n = len(pairs)
        reachable = sum(ok for _, ok in pairs)
        right = sum(hit for hit, _ in pairs)
        lines.append(
            f"  {corpus:<12} {n:>8} {reachable / n:>15.1%} {right / n:>12.1%} "
            f"{right / max(reachable, 1):>13.1%}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", default=str(DEFAULT_LGL), help="path to LGL lgl.xml")
    ap.add_argument("--gwn", default=str(DEFAULT_GWN), help="path to GeoWebNews GWN.xml")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("-o", "--output", default=str(OUTPUT))
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    corpora = load_corpora(
        Path(args.lgl) if Path(args.lgl).is_file() else None,
        Path(args.gwn) if Path(args.gwn).is_file() else None,
    )
    rows: list[MentionRow] = []
    for corpus, arts in corpora.items():
        rows += build_table(arts, corpus)
    n_docs = len({r.doc for r in rows})
    n_fuzzy = sum(r.fuzzy for r in rows)
    n_not = sum(r.gold is None for r in rows)
    n_cands = sum(len(r.y) for r in rows if not r.fuzzy)
    print(
        f"candidate table: {len(rows) - n_fuzzy - n_not} gold mentions, {n_not} names that are "
        f"no toponym, +{n_fuzzy} with fuzzy candidates; "
        f"{n_cands} candidates, {n_docs} documents "
        f"({', '.join(f'{c} {len(a)}' for c, a in corpora.items())}); {time.perf_counter() - t0:.0f} s"
    )
    meta = {
        "trained": dt.date.today().isoformat(),
        "corpora": ", ".join(corpora),
        "folds": str(args.folds),
        "seed": str(args.seed),
        "label": f"same GeoNames id or within {RIGHT_KM:.0f} km of the gold",
        "calibrated_on": "out-of-fold Ranking.decision_score",
    }
    model, decisions = fit_calibrated(rows, folds=args.folds, seed=args.seed, meta=meta)
    fold_of = doc_folds([r.doc for r in rows], args.folds, args.seed)
    # decisions come fold by fold: line the rows up with them
    by_fold = [r for f in range(args.folds) for r in rows if fold_of[r.doc] == f and not r.fuzzy]
    print(f"\n== document-level {args.folds}-fold CV (seed {args.seed}), top-1 out of fold ==")
    print("\n".join(cv_table(decisions, by_fold)))
    probs = cross_fitted(decisions)
    cal = reliability(probs, [d.right for d in decisions])
    ece = cal["ece"]
    print("\n== reliability of the calibrated confidence (out of fold, isotonic cross-fitted) ==")
    print(f"  {'bin':<9} {'n':>6} {'predicted':>10} {'observed':>9}")
    for b in cal["bins"]:
        print(f"  {b['bin']:<9} {b['n']:>6} {b['predicted']:>10.3f} {b['observed']:>9.3f}")
    print(f"  ECE {ece:.3f}")
    top = sorted(zip(model.feature_names, model.weights, strict=True), key=lambda t: -abs(t[1]))
    print("\n== weights (standardised features), largest first ==")
    print("\n".join(f"  {n:<26} {w:+.3f}" for n, w in top))
    final = LogisticModel(
        model.feature_names, model.weights, model.bias, model.mean, model.scale,
        model.calibration, name=model.name, version=model.version,
        lower=model.lower, upper=model.upper,
        meta=tuple(sorted({**meta, "cv_ece": f"{ece:.3f}"}.items())),
    )  # fmt: skip
    final.save(args.output)
    print(f"\nwrote {args.output} ({Path(args.output).stat().st_size / 1e3:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
