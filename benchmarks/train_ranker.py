"""Train the ranker (which candidate place a mention means) and print its CV figures.

Usage (needs the ``train`` extra: ``pip install -e '.[train]'``)::

    python benchmarks/train_ranker.py [--lgl PATH] [--gwn PATH] [--folds 5] [--out PATH]

Every recognised span of an LGL or GeoWebNews article that overlaps a gold toponym with a
GeoNames id and coordinates is a group: its candidate pool (``extraction.prepare``), one row
of :mod:`geomentions.features` per candidate. The right candidate is the one with the gold id,
else the nearest within 161 km; a group with none teaches nothing but still counts as a miss
in the figures. The project's own annotated sentences (``benchmarks/data/ranker_examples.json``,
written for this project) are added with a weight, always in training, never scored; so are
its names looked up alone (``benchmarks/data/ranker_alone.json``: what ``resolve`` and the
Geocoder rank, a one-name report with no context), each with the place it means.

The model is a conditional logit (softmax over a mention's candidates) with an L2 penalty,
fitted by L-BFGS (scipy). Folds are whole documents, shared with the span model
(``train_spans.fold_of``). Confidence is calibrated by isotonic regression on out-of-fold
predictions of the training documents only (nested), so the printed reliability table and
ECE are for models that never saw the documents they judge. The same seed and data give a
byte-identical ``geomentions/data/ranker.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# One BLAS thread: a multi-threaded matrix product may sum in another order from run to run,
# and the rerun must write the same bytes.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from eval_corpora import (  # noqa: E402
    ACCURACY_KM,
    DEFAULT_GWN,
    DEFAULT_LGL,
    REPO_ROOT,
    Article,
    overlap,
    parse_gwn,
    parse_lgl,
)
from train_spans import fold_of  # noqa: E402

from geomentions import features  # noqa: E402
from geomentions.extraction import prepare  # noqa: E402
from geomentions.gazetteer import Gazetteer  # noqa: E402
from geomentions.geo import haversine_km  # noqa: E402
from geomentions.models import LogisticModel  # noqa: E402

SEED = 20261205
FOLDS = 5
#: L2 penalty on the standardised weights (per group of training data); fixed, not tuned.
L2 = 1.0
#: Weight of one of the project's own annotated mentions against one corpus mention.
OWN_WEIGHT = 20.0
OUT = REPO_ROOT / "geomentions" / "data" / "ranker.json"
EXAMPLES = HERE / "data" / "ranker_examples.json"
ALONE = HERE / "data" / "ranker_alone.json"
#: The example reports shipped with the project and their hand-made gold (every occurrence
#: of a surface form is that place).
REPORTS = REPO_ROOT / "examples" / "reports"
REPORT_GOLD = REPO_ROOT / "tests" / "data" / "example_gold.tsv"


@dataclass
class Table:
    """Candidate rows grouped by mention (``start[g]:start[g+1]``)."""

    x: np.ndarray
    start: np.ndarray  # group offsets, len = groups + 1
    label: np.ndarray  # per group: row of the right candidate within the group, -1 none
    doc: list[str]  # per group
    weight: np.ndarray  # per group
    scored: np.ndarray  # per group: counts in the CV figures (corpus gold, not own examples)
    # per row: where the candidate is, to score and calibrate by distance
    lat: np.ndarray
    lon: np.ndarray
    radius: np.ndarray
    # per group: the gold point and id
    gold_lat: np.ndarray
    gold_lon: np.ndarray
    gold_id: np.ndarray
    cand_id: np.ndarray  # per row

    def groups(self, docs: set[str] | None = None) -> np.ndarray:
        return np.array([docs is None or d in docs for d in self.doc], dtype=bool).nonzero()[0]


def _rows(art: Article, gaz: Gazetteer, scored: bool, weight: float) -> list[tuple]:
    """(x, label, weight, scored, lats, lons, radii, ids, gold lat, gold lon, gold id) per
    recognised span that overlaps a gold toponym with coordinates."""
    prep = prepare(art.text, gaz)
    out = []
    gold = [g for g in art.gold if g.has_coords and g.geonameid is not None]
    for i, r in enumerate(prep.readings):
        pool = prep.pools[i]
        if not pool:
            continue
        g = next((g for g in gold if overlap((g.start, g.end), (r.span.start, r.span.end))), None)
        if g is None:
            continue
        x = features.candidate_matrix(prep.context, i, pool, prep.admitted[i], prep.wanted[i])
        ids = [m.info["place_id"] for m in pool]
        gold_id = g.geonameid if isinstance(g.geonameid, str) else f"geonames:{g.geonameid}"
        label = ids.index(gold_id) if gold_id in ids else -1
        if label < 0:
            dist = [haversine_km(g.lat, g.lon, m.info["lat"], m.info["lon"]) for m in pool]
            k = int(np.argmin(dist))
            label = k if dist[k] <= ACCURACY_KM else -1
        out.append((
            x, label, weight, scored,
            [m.info["lat"] for m in pool], [m.info["lon"] for m in pool],
            [m.info["radius_km"] for m in pool], ids, g.lat, g.lon, gold_id,
        ))  # fmt: skip
    return out


def own_examples(path: Path = EXAMPLES) -> list[Article]:
    """The project's annotated sentences as articles (gold: name, GeoNames id, point)."""
    from eval_corpora import GoldToponym

    arts = []
    for n, ex in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        text = ex["text"]
        gold = []
        for name, gid, lat, lon in ex["places"]:
            start = text.index(name)
            gold.append(GoldToponym(start, start + len(name), name, gid, lat, lon))
        arts.append(Article(f"own:{n}", text, gold))
    return arts


def example_reports(gaz: Gazetteer) -> list[Article]:
    """The example reports with their gold (points from the gazetteer where the file has
    none; rows without a GeoNames id are left out)."""
    from eval_corpora import GoldToponym

    by_file: dict[str, list[GoldToponym]] = {}
    lines = REPORT_GOLD.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        name, surface, gid, lat, lon = line.split("\t")[:5]
        if not gid or not (REPORTS / name).is_file():
            continue
        row = gaz.row_of(f"geonames:{gid}")
        if not lat and row is None:
            continue
        info = gaz.place(row) if row is not None else None
        y = float(lat) if lat else info["lat"]  # type: ignore[index]
        x = float(lon) if lon else info["lon"]  # type: ignore[index]
        text = (REPORTS / name).read_text(encoding="utf-8")
        start = text.find(surface)
        while start >= 0:
            by_file.setdefault(name, []).append(
                GoldToponym(start, start + len(surface), surface, int(gid), y, x)
            )
            start = text.find(surface, start + len(surface))
    return [
        Article(f"own:{name}", (REPORTS / name).read_text(encoding="utf-8"), gold)
        for name, gold in sorted(by_file.items())
    ]


def alone_rows(gaz: Gazetteer, path: Path = ALONE) -> list[tuple]:
    """Rows (as :func:`_rows`) of the project's names looked up alone, each a group: the
    candidates ``resolve`` ranks and the one the name means."""
    from geomentions.names import HINT_CODES, feature_hint
    from geomentions.ranker import alone_matrix
    from geomentions.resolution import readings

    out = []
    for name, gold_id in json.loads(path.read_text(encoding="utf-8")):
        pool = readings(name, gaz)
        ids = [m.info["place_id"] for m in pool]
        if gold_id not in ids:
            raise ValueError(f"{path.name}: {name!r} has no candidate {gold_id}")
        asked = feature_hint(name)
        wanted = frozenset(HINT_CODES[asked]) if asked else frozenset()
        info = pool[ids.index(gold_id)].info
        out.append((
            alone_matrix(name, pool, wanted=wanted), ids.index(gold_id), OWN_WEIGHT, False,
            [m.info["lat"] for m in pool], [m.info["lon"] for m in pool],
            [m.info["radius_km"] for m in pool], ids, info["lat"], info["lon"], gold_id,
        ))  # fmt: skip
    return out


def build_table(articles: Sequence[Article], own: Sequence[Article], gaz: Gazetteer) -> Table:
    rows = []
    docs: list[str] = []
    for arts, scored, weight in ((articles, True, 1.0), (own, False, OWN_WEIGHT)):
        for art in arts:
            found = _rows(art, gaz, scored, weight)
            rows += found
            docs += [art.doc_id] * len(found)
    if ALONE.is_file():
        alone = alone_rows(gaz)
        rows += alone
        docs += [f"own:alone:{n}" for n in range(len(alone))]
    sizes = [len(r[0]) for r in rows]
    return Table(
        x=np.vstack([r[0] for r in rows]),
        start=np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        label=np.array([r[1] for r in rows], dtype=np.int64),
        doc=docs,
        weight=np.array([r[2] for r in rows]),
        scored=np.array([r[3] for r in rows], dtype=bool),
        lat=np.concatenate([r[4] for r in rows]),
        lon=np.concatenate([r[5] for r in rows]),
        radius=np.concatenate([r[6] for r in rows]),
        cand_id=np.array([i for r in rows for i in r[7]], dtype=object),
        gold_lat=np.array([r[8] for r in rows]),
        gold_lon=np.array([r[9] for r in rows]),
        gold_id=np.array([r[10] for r in rows], dtype=object),
    )


def _subset(t: Table, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows, group offsets, labels and weights of some groups."""
    idx = np.concatenate([np.arange(t.start[g], t.start[g + 1]) for g in groups])
    sizes = t.start[groups + 1] - t.start[groups]
    return t.x[idx], np.concatenate([[0], np.cumsum(sizes)]), t.label[groups], t.weight[groups]


def fit(t: Table, groups: np.ndarray) -> LogisticModel:
    """A conditional logit on the groups with a right candidate."""
    from scipy.optimize import minimize

    groups = groups[t.label[groups] >= 0]
    x, start, label, weight = _subset(t, groups)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    seg = np.repeat(np.arange(len(groups)), np.diff(start))
    pos = start[:-1] + label
    total = weight.sum()

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ w
        top = np.maximum.reduceat(s, start[:-1])
        e = np.exp(s - top[seg])
        den = np.add.reduceat(e, start[:-1])
        lse = top + np.log(den)
        nll = float(np.sum(weight * (lse - s[pos]))) / total
        p = e / den[seg] * weight[seg]
        p[pos] -= weight
        grad = z.T @ p / total
        reg = L2 / len(groups)
        return nll + 0.5 * reg * float(w @ w), grad + reg * w

    w0 = np.zeros(z.shape[1])
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return LogisticModel(
        feature_names=features.NAMES,
        weights=tuple(float(v) for v in res.x),
        bias=0.0,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        name="ranker",
        version=features.VERSION,
    )


@dataclass
class Judged:
    """Per group: the chosen row's distance to gold, whether its id is gold's, and the
    softmax mass at its spot (what confidence is calibrated from)."""

    km: np.ndarray
    id_hit: np.ndarray
    mass: np.ndarray


def judge(t: Table, model: LogisticModel, groups: np.ndarray) -> Judged:
    from geomentions.ranker import probabilities

    km, hit, mass = [], [], []
    for g in groups:
        a, b = t.start[g], t.start[g + 1]
        p = probabilities(model, t.x[a:b])
        order = sorted(range(b - a), key=lambda k: -p[k])  # stable: ties keep pool order
        top = a + order[0]
        km.append(haversine_km(t.gold_lat[g], t.gold_lon[g], t.lat[top], t.lon[top]))
        hit.append(t.cand_id[top] == t.gold_id[g])
        near = [
            p[k]
            for k in order[:5]
            if haversine_km(t.lat[top], t.lon[top], t.lat[a + k], t.lon[a + k])
            <= max(25.0, t.radius[top], t.radius[a + k])
        ]
        mass.append(round(min(1.0, float(sum(near))), 5))  # no float noise in calibration
    return Judged(np.array(km), np.array(hit, dtype=bool), np.array(mass))


def train(t: Table, groups: np.ndarray, k: int = FOLDS) -> LogisticModel:
    """A model on ``groups`` with its isotonic calibration from inner out-of-fold runs."""
    from sklearn.isotonic import IsotonicRegression

    folds = np.array([fold_of(t.doc[g], k) for g in groups])
    mass = np.zeros(len(groups))
    right = np.zeros(len(groups), dtype=bool)
    for f in sorted(set(folds.tolist())):
        inner = groups[folds != f]
        j = judge(t, fit(t, inner), groups[folds == f])
        mass[folds == f] = j.mass
        right[folds == f] = j.km <= ACCURACY_KM
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0, increasing=True)
    iso.fit(mass, right.astype(float))
    final = fit(t, groups)
    return LogisticModel(
        feature_names=final.feature_names,
        weights=final.weights,
        bias=0.0,
        mean=final.mean,
        scale=final.scale,
        calibration=(
            tuple(round(float(v), 6) for v in iso.X_thresholds_),
            tuple(round(float(v), 6) for v in iso.y_thresholds_),
        ),
        name="ranker",
        version=features.VERSION,
        meta=(
            ("training_groups", str(int((t.label[groups] >= 0).sum()))),
            ("seed", str(SEED)),
            ("folds", f"{k} (zlib.crc32(doc_id) % {k})"),
            ("l2", str(L2)),
        ),
    )


def cv_models(t: Table, k: int = FOLDS) -> dict[int, LogisticModel]:
    """One model per fold, trained (and calibrated) on the other folds' documents; the
    project's own examples are always in training."""
    out = {}
    for f in range(k):
        docs = {d for d in t.doc if d.startswith("own:") or fold_of(d, k) != f}
        out[f] = train(t, t.groups(docs), k)
    return out


def reliability(conf: np.ndarray, right: np.ndarray, bins: int = 10) -> tuple[list[str], float]:
    """Rows of a reliability table and the expected calibration error."""
    lines = ["  confidence    n   predicted  observed"]
    ece = 0.0
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sel = (conf >= lo) & ((conf < hi) if hi < 1 else (conf <= hi))
        if not sel.any():
            continue
        pred, obs = float(conf[sel].mean()), float(right[sel].mean())
        ece += sel.sum() / len(conf) * abs(pred - obs)
        lines.append(f"  {lo:.1f}-{hi:.1f}  {int(sel.sum()):>6}   {pred:>8.3f}  {obs:>8.3f}")
    return lines, ece


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", default=str(DEFAULT_LGL), help="path to LGL lgl.xml")
    ap.add_argument("--gwn", default=str(DEFAULT_GWN), help="path to GeoWebNews GWN.xml")
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--out", default=str(OUT), help="where to write the model")
    args = ap.parse_args(argv)
    lgl = Path(args.lgl) if Path(args.lgl).is_file() else None
    gwn = Path(args.gwn) if Path(args.gwn).is_file() else None
    if lgl is None or gwn is None:
        print("both corpora are needed: pass --lgl and --gwn", file=sys.stderr)
        return 2
    np.random.seed(SEED)  # nothing here draws at random; fixed all the same
    table = load_table(lgl, gwn)
    k = args.folds
    n_right = int((table.label[table.scored] >= 0).sum())
    print(f"{len(table.label)} mentions ({int(table.scored.sum())} corpus, {n_right} with the "
          f"right place among their candidates), {len(table.x)} candidate rows")  # fmt: skip
    models = cv_models(table, k)
    print(f"document-level {k}-fold CV, recognised gold toponyms (matched-only):")
    print("  corpus       mentions  in pool  acc@161km  exact id")
    conf_all, right_all = [], []
    for prefix, name in (("lgl:", "LGL"), ("gwn:", "GeoWebNews")):
        kms, hits = [], []
        for f, model in models.items():
            g = np.array(
                [n for n, d in enumerate(table.doc) if d.startswith(prefix) and fold_of(d, k) == f]
            )
            if not len(g):
                continue
            j = judge(table, model, g)
            kms.append(j.km)
            hits.append(j.id_hit)
            conf_all.append([_calibrated(model, v) for v in j.mass])
            right_all.append(j.km <= ACCURACY_KM)
        km, hit = np.concatenate(kms), np.concatenate(hits)
        n = len(km)
        in_pool = sum(
            int(table.label[g] >= 0) for g, d in enumerate(table.doc) if d.startswith(prefix)
        )
        print(f"  {name:<12} {n:>8}  {in_pool / n:>7.3f}  {np.mean(km <= ACCURACY_KM):>9.3f}  "
              f"{np.mean(hit):>8.3f}")  # fmt: skip
    lines, ece = reliability(np.concatenate(conf_all), np.concatenate(right_all))
    print("reliability of the calibrated confidence (right = within 161 km), CV:")
    print("\n".join(lines))
    print(f"  ECE {ece:.3f}")
    model = train(table, table.groups(), k)
    model.save(args.out)
    print(f"wrote {args.out}; weights (standardised):")
    for name, w in sorted(
        zip(model.feature_names, model.weights, strict=True), key=lambda t: -abs(t[1])
    ):
        print(f"  {name:<20} {w:+.3f}")
    return 0


def _calibrated(model: LogisticModel, mass: float) -> float:
    from geomentions.ranker import calibrated

    return calibrated(model, mass)


def load_table(lgl: Path | None, gwn: Path | None) -> Table:
    gaz = Gazetteer.default()
    articles: list[Article] = []
    if lgl is not None:
        articles += parse_lgl(lgl)[0]
    if gwn is not None:
        articles += parse_gwn(gwn)[0]
    own = own_examples() if EXAMPLES.is_file() else []
    own += example_reports(gaz) if REPORT_GOLD.is_file() else []
    return build_table(articles, own, gaz)


if __name__ == "__main__":
    sys.exit(main())
