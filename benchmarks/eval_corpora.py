"""Evaluate geomentions on the LGL and GeoWebNews corpora.

Usage::

    python benchmarks/eval_corpora.py [--lgl PATH] [--gwn PATH] [--limit N]
                                      [--min-confidence X] [--json OUT] [--cv K]

The corpora are not part of the repository (GPL/MIT research data); paths default to
``../shared/corpora/...`` beside the repository root. A corpus whose file is missing is skipped.

What is scored
--------------
*Recognition* - precision, recall and F1 of predicted mention spans against gold toponym spans,
once with exact span match and once with overlapping spans (one-to-one, largest overlap first).

*Resolution, matched-only* (the score in the literature) - over gold toponyms with coordinates
whose span a prediction overlaps: the share of those the system resolved, and over the resolved
ones the share within 161 km, the exact GeoNames id share, mean/median error in km and the AUC
of the error curve (Gritta et al. 2018: sorted ln(1 + error km) integrated and scaled to 0..1;
0 is perfect, 1 is every answer at the far side of the earth).

*Strict end-to-end* - every gold toponym with coordinates counts; a missed or unresolved one is
an error of 20,039 km. Accuracy@161 km, exact-id share (over gold toponyms with an id) and AUC.

*Cross-validated recognition* (``--cv K``, needs the ``train`` extra) - the shipped span model
was trained on these corpora, so its own figures here would be in-sample. With ``--cv K`` each
document is read with a span model trained (``benchmarks/train_spans.py``) on the other folds'
documents of both corpora (folds ``zlib.crc32(doc_id) % K``), and resolved with a ranker
trained the same way (``benchmarks/train_ranker.py``): every figure is then held out.

*Throughput* - documents/s and MB/s (UTF-8) of the ``extract`` calls alone, after one warm-up
call that loads the gazetteer (its time is reported separately).

An article whose extraction raises (or returns a document with ``error`` set) is counted as a
failure and listed; it has no predictions, so its gold toponyms count as missed.
``--min-confidence X`` keeps mentions below X as recognised spans but treats them as unresolved:
on a map a low-confidence dot is dropped, not moved.

Corpus conventions
------------------
LGL (Lieberman et al. 2010): all 5,088 ``<toponym>`` spans count for recognition; the 4,462
with a ``<gaztag geonameid=...>`` and lat/lon count for resolution. Coordinate patches shipped
beside the corpus (``mlg_lgl_patches.tsv``) are not applied.

GeoWebNews (Gritta et al. 2019, "A pragmatic guide to geoparsing evaluation"): annotations
carry a ``<type>`` from the paper's pragmatic taxonomy. Recognition counts its 11 toponym types,
2,720 in all, which is the corpus's own count:

* literal: Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal
* associative: Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym, Language, Homonym

Non_Toponym, Literal_Expression and Non_Lit_Expression ("the city", "residents") are not
toponyms: predicting one is a false positive. A second view, ``gwn_literal``, counts only the
literal types; predictions that only touch associative toponyms are then ignored (neither
right nor wrong), since our library is meant to map where things happen. Resolution uses the
toponyms with a GeoNames id and coordinates (2,401, essentially the set in the paper's
``gwn_full.txt``); the ~200 with coordinates but no id (streets, buildings) are left out as in
the paper.
Annotations with negative offsets (they point into the title, which is not in ``<text>``) are
skipped and counted.
"""

from __future__ import annotations

import argparse
import json
import math
import operator
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))  # run from a checkout without installing

from geomentions.geo import haversine_km  # noqa: E402

DEFAULT_LGL = REPO_ROOT / ".." / "shared" / "corpora" / "LGL" / "lgl.xml"
DEFAULT_GWN = REPO_ROOT / ".." / "shared" / "corpora" / "GeoWebNews" / "GWN.xml"

#: Largest error the literature counts (half the earth's circumference, Gritta et al. 2018).
MAX_ERROR_KM = 20039.0
#: "Within 100 miles", the usual accuracy threshold.
ACCURACY_KM = 161.0

GWN_LITERAL = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"})
GWN_ASSOCIATIVE = frozenset(
    {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Language", "Homonym"}
)
GWN_TOPONYM = GWN_LITERAL | GWN_ASSOCIATIVE

#: Published numbers to compare against (as collected by the project; see the papers for setups).
ANCHORS: tuple[tuple[str, str, str], ...] = (
    ("LGL", "Edinburgh Geoparser", "recognition F1 .50; 82% of matched within 161 km"),
    ("LGL", "CamCoder (Gritta et al. 2018)", "recognition F1 .65"),
    ("GeoWebNews", "best system, Gritta et al. 2019", "recognition F1 .74"),
    ("news corpora", "Mordecai 3 (Halterman 2023)", "~67% exact GeoNames id, strict end-to-end"),
)

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldToponym:
    """One gold annotation; ``lat``/``lon`` are None when it has no coordinates."""

    start: int
    end: int
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str = ""

    @property
    def has_coords(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Article:
    """A corpus article: its text, the gold that counts, and spans to ignore when predicted."""

    doc_id: str
    text: str
    gold: list[GoldToponym]
    ignore: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Predicted:
    """A predicted mention reduced to what scoring needs."""

    start: int
    end: int
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float = 1.0
    #: For a demonym or bloc ("Syrian", "EU"), which gets no place by design: the id of the
    #: country or region it names (its first candidate). Scored in one extra strict line only.
    names_id: int | None = None

    def resolved(self, min_confidence: float = 0.0) -> bool:
        return self.lat is not None and self.lon is not None and self.confidence >= min_confidence


@dataclass
class Run:
    """Predictions for a list of articles plus what it cost to make them."""

    predictions: dict[str, list[Predicted]]
    failures: dict[str, str]
    seconds: float
    n_bytes: int
    load_seconds: float = 0.0


# ----------------------------------------------------------------------------- scoring helpers


def overlap(a: Span, b: Span) -> int:
    """Number of characters two half-open spans share.

    >>> overlap((0, 5), (3, 9)), overlap((0, 5), (5, 9))
    (2, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_exact(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair gold and predicted spans that are identical, each used at most once.

    >>> match_exact([(0, 5), (10, 14)], [(10, 14), (0, 4)])
    [(1, 0)]
    """
    free: dict[Span, list[int]] = {}
    for j, span in enumerate(pred):
        free.setdefault(tuple(span), []).append(j)
    pairs = []
    for i, span in enumerate(gold):
        if free.get(tuple(span)):
            pairs.append((i, free[tuple(span)].pop(0)))
    return pairs


def match_overlap(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair overlapping gold and predicted spans one-to-one, largest overlap first.

    Ties go to the earlier gold, then the earlier prediction, so the result is deterministic.

    >>> match_overlap([(0, 10)], [(0, 3), (2, 9)])
    [(0, 1)]
    """
    candidates = [
        (-overlap(g, p), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if overlap(g, p) > 0
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; 0.0 where a denominator is 0.

    >>> prf(3, 4, 6)
    (0.75, 0.5, 0.6)
    """
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def error_auc(errors_km: Iterable[float], max_km: float = MAX_ERROR_KM) -> float | None:
    """Area under the curve of sorted ln(1 + error) scaled to 0 (all exact) .. 1 (all max_km).

    As in Gritta et al. (2018): trapezoid rule over the sorted log errors divided by
    ``ln(max) * (n - 1)``. Errors are capped at ``max_km`` and the scale is ``ln(1 + max_km)``,
    so the range is exactly 0..1 (the paper's ``ln(max_km)`` differs in the 6th decimal).
    Returns None for no errors.

    >>> error_auc([0.0, 20039.0])
    0.5
    """
    ys = sorted(math.log1p(min(max(e, 0.0), max_km)) for e in errors_km)
    if not ys:
        return None
    scale = math.log1p(max_km)
    if len(ys) == 1:
        return ys[0] / scale
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False))
    return area / (scale * (len(ys) - 1))


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Confidence against being right (within 161 km) in equal-width bins, and the expected
    calibration error (bin share times |mean confidence - share right|).

    >>> reliability([(0.9, True), (0.9, False)])["ece"]
    0.4
    """
    rows, ece = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = [ok for c, ok in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        conf = [c for c, _ in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not sel:
            continue
        pred, obs = statistics.fmean(conf), sum(sel) / len(sel)
        ece += len(sel) / len(pairs) * abs(pred - obs)
        rows.append(
            {"bin": f"{lo:.1f}-{hi:.1f}", "n": len(sel), "predicted": pred, "observed": obs}
        )
    return {"bins": rows, "ece": round(ece, 4) if pairs else None}


def geonames_id(place_id: object) -> int | None:
    """The numeric id in ``"geonames:170063"``; None for other sources or junk.

    >>> geonames_id("geonames:170063"), geonames_id("user:my-base")
    (170063, None)
    """
    if not isinstance(place_id, str) or not place_id.startswith("geonames:"):
        return None
    digits = place_id.split(":", 1)[1]
    return int(digits) if digits.isdigit() else None


# ----------------------------------------------------------------------------- corpus parsing


def _float(text: str | None) -> float | None:
    text = (text or "").strip()
    return float(text) if text else None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def parse_lgl(path: str | Path, limit: int | None = None) -> tuple[list[Article], Counter[str]]:
    """Read LGL's ``lgl.xml``: every toponym counts; those with a gaztag have coordinates.

    Returns the articles and counts of skipped annotations by reason.
    """
    articles: list[Article] = []
    skipped: Counter[str] = Counter()
    for node in ET.parse(path).getroot().iter("article"):
        if limit is not None and len(articles) >= limit:
            break
        text = node.findtext("text") or ""
        gold = []
        for top in node.iter("toponym"):
            start, end = _int(top.findtext("start")), _int(top.findtext("end"))
            phrase = top.findtext("phrase") or ""
            if start is None or end is None or text[start:end] != phrase:
                skipped["offset does not match text"] += 1
                continue
            tag = top.find("gaztag")
            gid = _int(tag.get("geonameid")) if tag is not None else None
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            gold.append(GoldToponym(start, end, phrase, gid, lat, lon))
        articles.append(Article(f"lgl:{node.get('docid')}", text, gold))
    return articles, skipped


def parse_gwn(
    path: str | Path, limit: int | None = None, literal_only: bool = False
) -> tuple[list[Article], Counter[str]]:
    """Read GeoWebNews ``GWN.xml`` under the conventions in the module docstring.

    With ``literal_only`` the gold is the literal types and associative toponyms go to
    ``Article.ignore``.
    """
    counted = GWN_LITERAL if literal_only else GWN_TOPONYM
    articles: list[Article] = []
    skipped: Counter[str] = Counter()
    for node in ET.parse(path).getroot().iter("article"):
        if limit is not None and len(articles) >= limit:
            break
        text = node.findtext("text") or ""
        gold, ignore = [], []
        for top in node.iter("toponym"):
            kind = (top.findtext("type") or "").strip()
            if kind not in GWN_TOPONYM:
                continue  # not a toponym: a prediction here is a false positive
            name = top.findtext("extractedName") or ""
            start = int((top.findtext("start") or "-1").strip())
            end = int((top.findtext("end") or "-1").strip())
            if start < 0 or text[start:end] != name:
                skipped["offset outside text (title)" if start < 0 else "offset mismatch"] += 1
                continue
            if kind not in counted:
                ignore.append((start, end))
                continue
            gid = _int(top.findtext("geonamesID"))
            lat, lon = _float(top.findtext("latitude")), _float(top.findtext("longitude"))
            if gid is None:  # the paper geocodes only toponyms with a GeoNames id
                lat = lon = None
            gold.append(GoldToponym(start, end, name, gid, lat, lon, kind))
        articles.append(Article(f"gwn:{node.get('file')}", text, gold, ignore))
    return articles, skipped


# ----------------------------------------------------------------------------- extraction


Extractor = Callable[[str, str], Any]


def to_predicted(mention: Any) -> Predicted:
    """Reduce a ``geomentions`` mention (or anything shaped like one) to a :class:`Predicted`."""
    start, end = operator.index(mention.start), operator.index(mention.end)
    if not 0 <= start < end:
        raise ValueError(f"mention has a bad span: start={start!r}, end={end!r}")
    place = getattr(mention, "place", None)
    lat = getattr(place, "lat", None) if place is not None else None
    lon = getattr(place, "lon", None) if place is not None else None
    gid = geonames_id(getattr(place, "place_id", None)) if place is not None else None
    confidence = getattr(mention, "confidence", 1.0)
    names_id = None
    if place is None and getattr(mention, "feature_hint", None) in ("demonym", "bloc"):
        cands = getattr(mention, "candidates", None) or ()
        names_id = geonames_id(getattr(cands[0], "place_id", None)) if cands else None
    return Predicted(
        start, end, gid, lat, lon, float(confidence if confidence is not None else 0), names_id
    )


def run_extractor(articles: Sequence[Article], extract: Extractor, warm_up: bool = True) -> Run:
    """Call ``extract(text, doc_id)`` on every article; a failing article is recorded, not fatal."""
    load_seconds = 0.0
    if warm_up:  # the first call loads the gazetteer; keep that out of the throughput
        t0 = time.perf_counter()
        try:
            extract("Aleppo", "warm-up")
        except Exception:  # a broken extractor shows up per article below
            pass
        load_seconds = time.perf_counter() - t0
    predictions: dict[str, list[Predicted]] = {}
    failures: dict[str, str] = {}
    seconds = 0.0
    for art in articles:
        predictions[art.doc_id] = []  # a failed article keeps no predictions
        t0 = time.perf_counter()
        try:
            doc = extract(art.text, art.doc_id)
        except Exception as exc:  # one bad article must not stop the run
            failures[art.doc_id] = f"{type(exc).__name__}: {exc}"
            continue
        finally:
            seconds += time.perf_counter() - t0
        try:
            if getattr(doc, "error", None):
                raise RuntimeError(f"document error: {doc.error}")
            predictions[art.doc_id] = [to_predicted(m) for m in doc.mentions]
        except Exception as exc:
            failures[art.doc_id] = f"{type(exc).__name__}: {exc}"
    n_bytes = sum(len(a.text.encode("utf-8")) for a in articles)
    return Run(predictions, failures, seconds, n_bytes, load_seconds)


# ----------------------------------------------------------------------------- scoring


def score(articles: Sequence[Article], run: Run, min_confidence: float = 0.0) -> dict[str, Any]:
    """All metrics for one corpus view, as a JSON-ready dict."""
    n_gold = n_pred = tp_exact = tp_overlap = 0
    matched_with_coords = 0
    errors: list[float] = []  # matched and resolved
    id_hits = id_total = 0  # matched and resolved, gold has an id
    calib: list[tuple[float, bool]] = []  # matched and resolved: (confidence, within 161 km)
    strict_errors: list[float] = []
    strict_id_hits = strict_id_total = 0
    named_hits = 0  # demonyms and blocs whose named country is the gold id (not mapped)
    by_kind: dict[str, list[int]] = {}  # kind -> [gold, matched]
    for art in articles:
        preds = run.predictions.get(art.doc_id, [])
        gold_spans = [(g.start, g.end) for g in art.gold]
        # a prediction that only touches an ignored annotation is neither right nor wrong
        preds = [
            p
            for p in preds
            if any(overlap((p.start, p.end), s) for s in gold_spans)
            or not any(overlap((p.start, p.end), s) for s in art.ignore)
        ]
        pred_spans = [(p.start, p.end) for p in preds]
        n_gold += len(gold_spans)
        n_pred += len(pred_spans)
        tp_exact += len(match_exact(gold_spans, pred_spans))
        pairs = dict(match_overlap(gold_spans, pred_spans))
        tp_overlap += len(pairs)
        for i, g in enumerate(art.gold):
            counts = by_kind.setdefault(g.kind or "all", [0, 0])
            counts[0] += 1
            counts[1] += i in pairs
            if not g.has_coords:
                continue
            p = preds[pairs[i]] if i in pairs else None
            matched_with_coords += p is not None
            if p is not None and p.resolved(min_confidence):
                err = haversine_km(g.lat, g.lon, p.lat, p.lon)
                errors.append(err)
                calib.append((p.confidence, err <= ACCURACY_KM))
                hit = g.geonameid is not None and p.geonameid == g.geonameid
                id_total += g.geonameid is not None
            else:  # missed or unresolved: the worst possible error in the strict score
                err, hit = MAX_ERROR_KM, False
                named_hits += p is not None and p.names_id is not None and p.names_id == g.geonameid
            strict_errors.append(err)
            strict_id_total += g.geonameid is not None
            strict_id_hits += hit
            id_hits += hit

    def share(k: int, n: int) -> float | None:
        return k / n if n else None

    p_ex, r_ex, f_ex = prf(tp_exact, n_pred, n_gold)
    p_ov, r_ov, f_ov = prf(tp_overlap, n_pred, n_gold)
    secs = run.seconds
    return {
        "documents": len(articles),
        "gold_toponyms": n_gold,
        "gold_with_coords": len(strict_errors),
        "predicted": n_pred,
        "recognition": {
            "exact": {"tp": tp_exact, "precision": p_ex, "recall": r_ex, "f1": f_ex},
            "overlap": {"tp": tp_overlap, "precision": p_ov, "recall": r_ov, "f1": f_ov},
            "recall_by_type": {
                k: {"gold": n, "matched": m, "recall": m / n}
                for k, (n, m) in sorted(by_kind.items())
            },
        },
        "resolution_matched": {
            "matched": matched_with_coords,
            "resolved": len(errors),
            "resolved_share": share(len(errors), matched_with_coords),
            "acc_161km": share(sum(e <= ACCURACY_KM for e in errors), len(errors)),
            "exact_id": share(id_hits, id_total),
            "mean_km": statistics.fmean(errors) if errors else None,
            "median_km": statistics.median(errors) if errors else None,
            "auc": error_auc(errors),
        },
        "reliability": reliability(calib),
        "strict": {
            "acc_161km": share(sum(e <= ACCURACY_KM for e in strict_errors), len(strict_errors)),
            "exact_id": share(strict_id_hits, strict_id_total),
            "exact_id_demonyms_named": share(strict_id_hits + named_hits, strict_id_total),
            "auc": error_auc(strict_errors),
        },
        "throughput": {
            "seconds": secs,
            "load_seconds": run.load_seconds,
            "docs_per_s": len(articles) / secs if secs else None,
            "mb_per_s": run.n_bytes / 1e6 / secs if secs else None,
        },
        "failures": {"count": len(run.failures), "articles": dict(sorted(run.failures.items()))},
    }


# ----------------------------------------------------------------------------- output


def _fmt(value: float | None, spec: str = ".3f") -> str:
    return "-" if value is None else format(value, spec)


def format_report(name: str, m: dict[str, Any], skipped: Counter[str] | None = None) -> str:
    """A readable block of text for one corpus view."""
    rec, res, st, tp = m["recognition"], m["resolution_matched"], m["strict"], m["throughput"]
    lines = [
        f"== {name}: {m['documents']} documents, {m['gold_toponyms']} gold toponyms "
        f"({m['gold_with_coords']} with coordinates), {m['predicted']} predicted ==",
        "  recognition        precision  recall     F1",
    ]
    for kind in ("exact", "overlap"):
        r = rec[kind]
        lines.append(
            f"    {kind:<16} {_fmt(r['precision']):>9}  {_fmt(r['recall']):>6}  {_fmt(r['f1']):>6}"
        )
    by_type = rec["recall_by_type"]
    if len(by_type) > 1:
        parts = [f"{k} {v['matched']}/{v['gold']}" for k, v in by_type.items()]
        lines.append("    recall by type: " + ", ".join(parts))
    lines += [
        f"  resolution, matched-only: {res['matched']} matched, {res['resolved']} resolved "
        f"({_fmt(res['resolved_share'], '.1%')})",
        f"    acc@161km {_fmt(res['acc_161km'])}   exact id {_fmt(res['exact_id'])}   "
        f"mean {_fmt(res['mean_km'], '.0f')} km   median {_fmt(res['median_km'], '.1f')} km   "
        f"AUC {_fmt(res['auc'])}",
        "  reliability (matched and resolved; right = within 161 km): "
        + ", ".join(
            f"{r['bin']} n={r['n']} {r['predicted']:.2f}/{r['observed']:.2f}"
            for r in m["reliability"]["bins"]
        )
        + f"; ECE {_fmt(m['reliability']['ece'])}",
        f"  strict end-to-end: acc@161km {_fmt(st['acc_161km'])}   exact id {_fmt(st['exact_id'])}"
        f"   AUC {_fmt(st['auc'])}",
        f"    exact id counting a demonym or bloc by the country it names (no dot: not mapped) "
        f"{_fmt(st['exact_id_demonyms_named'])}",
        f"  throughput: {_fmt(tp['docs_per_s'], '.1f')} docs/s, {_fmt(tp['mb_per_s'], '.3f')} MB/s "
        f"({tp['seconds']:.2f} s extracting, {tp['load_seconds']:.2f} s warm-up)",
        f"  failures: {m['failures']['count']}",
    ]
    for doc_id, err in list(m["failures"]["articles"].items())[:5]:
        lines.append(f"    {doc_id}: {err[:120]}")
    if skipped:
        lines.append("  gold skipped: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    return "\n".join(lines)


def format_anchors() -> str:
    lines = ["== published anchors (matched-only unless stated) =="]
    lines += [f"  {corpus:<12} {system:<32} {result}" for corpus, system, result in ANCHORS]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- command line


def load_extractor(cv: int = 0, lgl: Path | None = None, gwn: Path | None = None) -> Extractor:
    """``geomentions.extract`` as ``f(text, doc_id)``; exits with a message if it is missing.

    With ``cv`` > 1 each document is read with the span model of the folds it is not in."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        import geomentions as gm
    except ImportError as exc:
        raise SystemExit(f"cannot import geomentions: {exc}") from exc
    extract = getattr(gm, "extract", None)
    if extract is None:
        raise SystemExit("geomentions.extract is not available (yet)")
    if cv < 2:
        return lambda text, doc_id: extract(text, doc_id=doc_id)
    try:
        import train_spans
    except ImportError as exc:  # scikit-learn missing
        raise SystemExit(f"--cv needs the train extra (pip install -e '.[train]'): {exc}") from exc
    print(f"training {cv} fold span models ...", file=sys.stderr)
    models = train_spans.cv_models(train_spans.load_table(lgl, gwn), cv)
    import train_ranker

    print(f"training {cv} fold ranker models ...", file=sys.stderr)
    rankers = train_ranker.cv_models(train_ranker.load_table(lgl, gwn), cv)

    def extract_cv(text: str, doc_id: str) -> Any:
        fold = train_spans.fold_of(doc_id, cv)
        return extract(text, doc_id=doc_id, span_model=models[fold], ranker_model=rankers[fold])

    return extract_cv


def evaluate(
    lgl: Path | None,
    gwn: Path | None,
    extract: Extractor,
    limit: int | None = None,
    min_confidence: float = 0.0,
) -> tuple[dict[str, Any], list[str]]:
    """Run and score every available corpus; returns the results and the printable blocks."""
    results: dict[str, Any] = {}
    blocks: list[str] = []
    if lgl is not None:
        arts, skipped = parse_lgl(lgl, limit)
        m = score(arts, run_extractor(arts, extract), min_confidence)
        m["gold_skipped"] = dict(skipped)
        results["lgl"] = m
        blocks.append(format_report("LGL", m, skipped))
    if gwn is not None:
        arts, skipped = parse_gwn(gwn, limit)
        run = run_extractor(arts, extract)  # one run serves both views
        literal_arts, literal_skipped = parse_gwn(gwn, limit, literal_only=True)
        for key, title, view, view_skipped in (
            ("gwn", "GeoWebNews (literal + associative)", arts, skipped),
            ("gwn_literal", "GeoWebNews (literal only)", literal_arts, literal_skipped),
        ):
            m = score(view, run, min_confidence)
            m["gold_skipped"] = dict(view_skipped)
            results[key] = m
            blocks.append(format_report(title, m, view_skipped))
    return results, blocks


def _existing(path: str, name: str) -> Path | None:
    p = Path(path)
    if p.is_file():
        return p
    print(f"[{name}] not found, skipped: {p}", file=sys.stderr)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", default=str(DEFAULT_LGL), help="path to LGL lgl.xml")
    ap.add_argument("--gwn", default=str(DEFAULT_GWN), help="path to GeoWebNews GWN.xml")
    ap.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="unresolve mentions below X")
    ap.add_argument("--json", dest="json_out", help="also write the results to this JSON file")
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validated span model")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")
    if not 0.0 <= args.min_confidence <= 1.0:
        ap.error("--min-confidence must be between 0 and 1")
    lgl, gwn = _existing(args.lgl, "LGL"), _existing(args.gwn, "GeoWebNews")
    if lgl is None and gwn is None:
        print("no corpus found; pass --lgl / --gwn", file=sys.stderr)
        return 2
    extractor = load_extractor(args.cv, lgl, gwn)
    results, blocks = evaluate(lgl, gwn, extractor, args.limit, args.min_confidence)
    print("\n\n".join([*blocks, format_anchors()]))
    if args.json_out:
        out = {
            "config": {
                "lgl": str(lgl) if lgl else None,
                "gwn": str(gwn) if gwn else None,
                "limit": args.limit,
                "min_confidence": args.min_confidence,
                "cv_folds": args.cv,
                "accuracy_km": ACCURACY_KM,
                "max_error_km": MAX_ERROR_KM,
            },
            "corpora": results,
            "anchors": [{"corpus": c, "system": s, "result": r} for c, s, r in ANCHORS],
        }
        Path(args.json_out).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
