"""Train the event linker (``geomentions/data/linker.json``): one command, fixed seed.

Usage::

    python benchmarks/train_linker.py [--corpus PATH] [--out PATH] [--folds 5] [--seed 15]

Data: the EventLocation corpus (Halterman 2019, ``../shared/corpora``; see
``event_corpus.py``) without its 496 RELABEL test rows, plus the project's own annotated
Arabic and Russian sentences (``benchmarks/data/event_roles.tsv``). A pair is (the row's
event verb, a place our pipeline resolves in the sentence); the label is "the verb's event
happened there" (the place overlaps a gold location).

The ``Masdar_RA`` source is left out: 89% of its rows name no location, many of them
sentences whose event plainly happened at a named place ("killed ... in Idlib province"),
so its "no" labels are mostly unannotated rows, not negatives.

Model: gradient-boosted trees in two stages (scikit-learn at training time, applied in
numpy by :mod:`geomentions.trees` at run time). The first reads the pair's features
(``linker.json``); the second (``linker_rivals.json``, smaller) reads the first's probability
beside the other places' for the same verb (``event_features.rival_matrix``), and is trained
on the first stage's out-of-fold probabilities (an inner GroupKFold inside each outer fold,
so the CV figures stay held out). Cross-validation: GroupKFold by article (or sentence, see
``event_corpus.py``); the isotonic calibration is fitted on the second stage's out-of-fold
scores, and the decision threshold is the one with the best out-of-fold F1. Prints the CV
table and writes both models (needs the ``train`` extra: scikit-learn).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_corpus as ec  # noqa: E402

from geomentions import extract, extraction  # noqa: E402
from geomentions.activity import event_words  # noqa: E402
from geomentions.event_features import (  # noqa: E402
    FEATURE_NAMES,
    RIVAL_FEATURE_NAMES,
    VERSION,
    Sentence,
    rival_matrix,
)
from geomentions.events import triggers  # noqa: E402
from geomentions.trees import TreeModel  # noqa: E402

SEED = 15
#: Boosting settings: small trees (150 raised out-of-fold average precision from .816 with 60
#: to .826, for a 180 KB file and about 50 µs more per report; session 11, features 9, same
#: pairs: 150 of depth 5 .8639, 300 of depth 4 .8668, 300 of depth 5 at rate .05 .8660).
N_TREES, DEPTH, RATE = 300, 4, 0.1
#: The second stage reads 14 features: 60 trees of depth 3 (out-of-fold average precision
#: .843 -> .854 over the first stage alone in a first trial; .856 with 150 trees of depth 5).
RIVAL_TREES, RIVAL_DEPTH = 60, 3
#: Sources whose rows are left out (see the module docstring).
SKIP_SOURCES = frozenset({"Masdar_RA"})
OWN_TSV = ec.REPO_ROOT / "benchmarks" / "data" / "event_roles.tsv"
OUT = ec.REPO_ROOT / "geomentions" / "data" / "linker.json"
RIVALS_NAME = "linker_rivals.json"


def kind_of(m) -> str:
    """The place kind the features read: "country", "admin", "unresolved" or ""."""
    if m.place is None:
        return "unresolved"
    if m.place.feature_code.startswith("PCL"):
        return "country"
    return "admin" if m.place.feature_class == "A" else ""


def linker_span(m) -> tuple[int, int]:
    """The mention without an Arabic preposition written on it ("بحلب" -> "حلب")."""
    name = m.place.matched_name if m.place else ""
    if name and len(m.text) > len(name) and m.text.endswith(name):
        return m.end - len(name), m.end
    return m.start, m.end


def mentions_of(text: str, cache: dict) -> list:
    """The mentions of ``text`` without roles: training must not need the model it makes
    (the shipped one may be from an older feature list)."""
    if text not in cache:
        real = extraction.link_document
        extraction.link_document = lambda *args: []
        try:
            cache[text] = extract(text).mentions
        finally:
            extraction.link_document = real
    return cache[text]


def pairs(text: str, verb: tuple[int, int], gold: list, cache: dict):
    """Feature rows, labels and lists (``Sentence.list_heads``) of one (sentence, verb) row:
    one per place our pipeline
    resolves in the sentence (what the linker sees at run time); the unresolved mentions
    are context only. Gold places we never resolve are left out: the linker never sees
    them, and a row for them would need a confidence we do not have."""
    found = mentions_of(text, cache)
    order = sorted(range(len(found)), key=lambda i: linker_span(found[i]))
    found = [found[i] for i in order]
    spans = [linker_span(m) for m in found]
    sent = Sentence(text)
    trig = [(t.start, t.end) for t in triggers(sent, event_words(text))]
    rows = sent.matrix(
        [verb], spans, [kind_of(m) for m in found], trig,
        confidences=[m.confidence for m in found],
    )  # fmt: skip
    keep = [i for i, m in enumerate(found) if m.place is not None]
    labels = [int(any(ec.overlaps(spans[i], g) for g in gold)) for i in keep]
    heads = sent.list_heads(spans)
    return [rows[i] for i in keep], labels, [heads[i] for i in keep]


def own_rows(path: Path) -> list[ec.Row]:
    """Our annotated sentences: one row per (sentence, trigger word) with its event places."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(
            (line for line in fh if not line.startswith("#")), delimiter="\t"
        ):
            text, trig = rec["sentence"], rec["trigger"]
            t0 = text.index(trig)
            gold = []
            for place in filter(None, rec["event_places"].split("|")):
                p0 = text.index(place)
                gold.append((p0, p0 + len(place)))
            out.append(
                ec.Row(f"own:{rec['lang']}", f"own:{text}", False, text, (t0, t0 + len(trig)), gold)
            )
    return out


def rival_rows(X: np.ndarray, p: np.ndarray, rid: np.ndarray, lists: np.ndarray) -> np.ndarray:
    """Second-stage rows: each corpus row's pairs (one verb, consecutive) are rivals, but
    for places of one list."""
    out = np.empty((len(X), len(RIVAL_FEATURE_NAMES)))
    cuts = np.flatnonzero(np.diff(rid)) + 1
    for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, len(X)], strict=True):
        # Plain Python lists: the compiled event_features takes no numpy integers.
        out[lo:hi] = rival_matrix(
            X[lo:hi].tolist(), p[lo:hi].tolist(), 1, lists=lists[lo:hi].tolist()
        )
    return out


def two_stage(
    X: np.ndarray, y: np.ndarray, gid: np.ndarray, rid: np.ndarray, lists: np.ndarray, folds: int
) -> tuple[TreeModel, TreeModel, np.ndarray]:
    """Both stages on ``X``/``y``: the second trained on the first's out-of-fold
    probabilities (GroupKFold by ``gid``). Also returns those probabilities."""
    from sklearn.model_selection import GroupKFold

    inner = np.zeros(len(y))
    for a, b in GroupKFold(n_splits=folds).split(X, y, gid):
        inner[b] = fit(X[a], y[a]).raw(X[b])
    second = fit(
        rival_rows(X, inner, rid, lists), y, RIVAL_FEATURE_NAMES, RIVAL_TREES, RIVAL_DEPTH
    )  # fmt: skip
    return fit(X, y), second, inner


def out_of_fold(
    X: np.ndarray, y: np.ndarray, groups: np.ndarray, rid: np.ndarray, lists: np.ndarray, folds: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(fold group ids, first-stage and second-stage out-of-fold scores, uncalibrated) of
    every pair: both stages are trained on the other folds only (the second on an inner
    GroupKFold's out-of-fold first-stage probabilities), so each pair's score is held out."""
    from sklearn.model_selection import GroupKFold

    # GroupKFold is deterministic; shuffle the group order with the seed for varied folds.
    rng = np.random.default_rng(SEED)
    uniq = np.array(sorted(set(groups)))
    perm = dict(zip(uniq, rng.permutation(len(uniq)), strict=True))
    gid = np.array([perm[g] for g in groups])
    oof1, oof = np.zeros(len(y)), np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=folds).split(X, y, gid):
        first, second, _ = two_stage(X[tr], y[tr], gid[tr], rid[tr], lists[tr], folds - 1)
        oof1[te] = first.raw(X[te])
        oof[te] = second.raw(rival_rows(X[te], oof1[te], rid[te], lists[te]))
    return gid, oof1, oof


def fit(
    X: np.ndarray,
    y: np.ndarray,
    names: tuple[str, ...] = FEATURE_NAMES,
    n_trees: int = N_TREES,
    depth: int = DEPTH,
) -> TreeModel:
    """Boosted trees on ``X``/``y``, exported to a :class:`TreeModel` (uncalibrated)."""
    from sklearn.ensemble import GradientBoostingClassifier

    clf = GradientBoostingClassifier(
        n_estimators=n_trees, max_depth=depth, learning_rate=RATE, subsample=0.8,
        min_samples_leaf=10, random_state=SEED,
    ).fit(X, y)  # fmt: skip
    prior = float(y.mean())
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        leaf = t.children_left < 0
        trees.append({
            "feature": [int(f) if not lf else -1 for f, lf in zip(t.feature, leaf, strict=True)],
            "threshold": [float(v) if not lf else 0.0 for v, lf in zip(t.threshold, leaf, strict=True)],
            "left": [int(v) for v in t.children_left],
            "right": [int(v) for v in t.children_right],
            # The learning rate is folded into the leaves; inner nodes' values are unused.
            "value": [round(float(v) * RATE, 7) if lf else 0.0
                      for v, lf in zip(t.value[:, 0, 0], leaf, strict=True)],
        })  # fmt: skip
    model = TreeModel(names, float(np.log(prior / (1 - prior))), tuple(trees))
    # The numpy walk must give scikit-learn's own scores (leaf values are rounded to 1e-7).
    check = X[:: max(1, len(X) // 2000)]
    ours, theirs = model.raw(check), clf.predict_proba(check)[:, 1]
    assert np.abs(ours - theirs).max() < 1e-4, np.abs(ours - theirs).max()
    return model


def main(argv: list[str] | None = None) -> int:
    global SEED  # read by fit() and out_of_fold(): --seed sets it
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ec.DEFAULT_ZIP)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--seed", type=int, default=SEED,
        help="boosting and fold seed (the shipped models use the default; another one shows "
        "how far a retraining alone moves the figures)",
    )  # fmt: skip
    args = ap.parse_args(argv)
    try:
        from sklearn.isotonic import IsotonicRegression
    except ImportError:
        sys.exit("train_linker.py needs the 'train' extra: pip install -e '.[train]'")
    SEED = args.seed

    corpus = [r for r in ec.load(args.corpus) if not r.test]
    rows = [r for r in corpus if r.source not in SKIP_SOURCES] + own_rows(OWN_TSV)
    cache: dict = {}
    X, y, groups, lang, rid, lists, where = [], [], [], [], [], [], []
    for k, r in enumerate(rows):
        xs, ys, heads = pairs(r.text, r.verb, r.gold, cache)
        # The resolved places in the order pairs() gives their rows.
        where += sorted(linker_span(m) for m in mentions_of(r.text, cache) if m.place)
        lists += heads
        X += xs
        y += ys
        groups += [r.group] * len(ys)
        lang += [r.row_id.split(":")[1] if r.row_id.startswith("own:") else "en"] * len(ys)
        rid += [k] * len(ys)
    X, y, rid, lists = np.asarray(X), np.asarray(y), np.asarray(rid), np.asarray(lists)
    groups = np.asarray(groups)
    assert len(where) == len(y)
    print(f"{len(rows)} rows ({len(corpus) - len(rows) + len(own_rows(OWN_TSV))} of "
          f"{', '.join(sorted(SKIP_SOURCES))} left out), {len(set(groups))} groups, "
          f"{len(y)} pairs, {y.mean():.3f} positive")  # fmt: skip

    gid, oof1, oof = out_of_fold(X, y, groups, rid, lists, args.folds)
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y)
    cal = iso.predict(oof)
    best = max(((t, *_prf(cal >= t, y)) for t in np.arange(0.2, 0.81, 0.05)), key=lambda r: r[3])
    cut = round(float(best[0]), 2)
    from sklearn.metrics import average_precision_score, log_loss

    # Threshold-free figures too: the best-F1 threshold moves in 0.05 steps between runs.
    for name, o in (("first stage alone", oof1), ("both stages", oof)):
        print(f"\nout-of-fold average precision, {name}: {average_precision_score(y, o):.4f}, "
              f"log loss {log_loss(y, np.clip(o, 1e-6, 1 - 1e-6)):.4f}")  # fmt: skip
    print(f"\n{args.folds}-fold GroupKFold CV (pairs; out-of-fold, calibrated), threshold {cut}:")
    print(f"{'subset':<10}{'pairs':>7}{'P':>7}{'R':>7}{'F1':>7}")
    lang = np.asarray(lang)
    for name, mask in [("all", np.ones(len(y), bool))] + [
        (k, lang == k) for k in ("en", "ar", "ru")
    ]:
        if mask.any():
            p, r, f = _prf(cal[mask] >= cut, y[mask])
            print(f"{name:<10}{mask.sum():>7}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    # The calibration itself held out: isotonic fitted on the scores of the other groups (a
    # split by article; the reliability of ``cal`` is exact by construction).
    held = np.zeros(len(y))
    for f in np.unique(gid % args.folds):
        out = gid % args.folds == f
        held[out] = (
            IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
            .fit(oof[~out], y[~out])
            .predict(oof[out])
        )
    print("\nreliability (out-of-fold scores, calibration fitted on the other groups):")
    print("  bin, pairs, mean predicted, observed")
    ece = 0.0
    for lo in np.arange(0, 1, 0.2):
        mask = (held >= lo) & (held < lo + 0.2 + (lo >= 0.8) * 0.01)
        if mask.any():
            ece += mask.mean() * abs(held[mask].mean() - y[mask].mean())
            print(
                f"  [{lo:.1f},{lo + 0.2:.1f})  {mask.sum():>6}  {held[mask].mean():.3f}  {y[mask].mean():.3f}"
            )
    print(f"  ECE (5 bins) {ece:.3f}")
    # eval_events.py's line (a) on the training part: mention level, every gold place in the
    # recall (the ones we never resolve too), at each threshold around the chosen one.
    print("\nmention level (as eval_events.py (a); gold we never resolve count as misses):")
    print(f"{'threshold':<10}{'P':>7}{'R':>7}{'F1':>7}   pairs F1")
    for t in np.arange(0.3, 0.51, 0.05):
        p, r, f = mention_prf(rows, rid, where, cal >= t - 1e-9)
        mark = "  <- chosen" if abs(t - cut) < 1e-6 else ""
        print(f"{t:<10.2f}{p:>7.3f}{r:>7.3f}{f:>7.3f}   {_prf(cal >= t - 1e-9, y)[2]:.3f}{mark}")

    first, second, _ = two_stage(X, y, gid, rid, lists, args.folds)
    xs, ys = iso.X_thresholds_, iso.y_thresholds_
    common = {
        "features_version": VERSION, "seed": str(SEED),
        "folds": f"{args.folds} GroupKFold by article/sentence",
        "trained_on": "EventLocation (Halterman 2019) minus RELABEL and Masdar_RA; "
                      "benchmarks/data/event_roles.tsv",
        "pairs": str(len(y)),
    }  # fmt: skip
    model = TreeModel(
        first.feature_names, first.base, first.trees, name="linker", version="3",
        meta=tuple(sorted({
            **common, "stage": "first: read through linker_rivals.json, uncalibrated",
            "trees": f"{N_TREES} trees, depth {DEPTH}, learning rate {RATE}, subsample 0.8",
        }.items())),
    )  # fmt: skip
    rivals = TreeModel(
        second.feature_names, second.base, second.trees,
        (tuple(round(float(v), 6) for v in xs), tuple(round(float(v), 6) for v in ys)),
        name="linker-rivals", version="1",
        meta=tuple(sorted({
            **common, "threshold": str(cut), "cv_f1_pairs": f"{best[3]:.3f}",
            "stage": "second: on the first stage's out-of-fold probabilities",
            "trees": f"{RIVAL_TREES} trees, depth {RIVAL_DEPTH}, learning rate {RATE}, "
                     "subsample 0.8",
        }.items())),
    )  # fmt: skip
    model.save(args.out)
    rivals_out = args.out.with_name(RIVALS_NAME)
    rivals.save(rivals_out)
    for path in (args.out, rivals_out):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


def mention_prf(
    rows: list[ec.Row], rid: np.ndarray, where: list, pred: np.ndarray
) -> tuple[float, float, float]:
    """Mention-level precision, recall and F1 as ``eval_events.py`` scores line (a): a
    predicted place is right when it overlaps a gold location of its row; recall is the
    share of all gold locations (resolved or not) some prediction of the row overlaps."""
    by_row: dict[int, list] = {}
    for i in np.flatnonzero(pred):
        by_row.setdefault(int(rid[i]), []).append(where[i])
    tp = fp = found = gold = 0
    for k, r in enumerate(rows):
        got = by_row.get(k, [])
        hits = sum(any(ec.overlaps(p, g) for g in r.gold) for p in got)
        tp, fp = tp + hits, fp + len(got) - hits
        gold += len(r.gold)
        found += sum(any(ec.overlaps(p, g) for p in got) for g in r.gold)
    p, r = tp / max(1, tp + fp), found / max(1, gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    """Average precision of ``scores`` for the 0/1 ``labels`` (scikit-learn's definition:
    precision at each distinct score, weighted by the recall it adds; tied scores are one
    step). Threshold-free, so it does not jump with the 0.05 grid of the threshold; 0 when
    no label is 1. Plain numpy: ``eval_events.py`` runs without the train extra."""
    scores, labels = np.asarray(scores, float), np.asarray(labels, int)
    if not labels.sum():
        return 0.0
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    last = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]  # the last pair of each score
    tp = np.cumsum(y)[last]
    precision, recall = tp / (last + 1), tp / labels.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def _prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & (gold == 1)).sum())
    p = tp / max(1, pred.sum())
    r = tp / max(1, (gold == 1).sum())
    return p, r, 2 * p * r / max(1e-9, p + r)


if __name__ == "__main__":
    raise SystemExit(main())
