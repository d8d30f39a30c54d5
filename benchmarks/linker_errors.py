"""The event linker's cross-validated mistakes on the training part, grouped by cause.

Usage::

    python benchmarks/linker_errors.py [--corpus PATH] [--folds 5] [--show N] [--only GROUP]

The pairs and folds of ``train_linker.py`` (the EventLocation corpus without RELABEL and
``Masdar_RA``, plus ``benchmarks/data/event_roles.tsv``); each pair's score is held out. A
false positive is a pair the calibrated score puts at or over the best-F1 threshold whose
place is no gold location of the row's verb; it falls in the first group that fits:

- "row names no place": the row has no gold location (often an unannotated row, or a verb
  in another sense: "captured the title", "shooting scenes");
- "holds the gold, unresolved": a gold location within 40 characters that we never resolve
  ("the Zaafaraniyah district of Baghdad": Baghdad is predicted, the district is gold);
- "beside the gold, resolved": a gold location within 40 characters that we resolve;
- "gold elsewhere": the row's gold is further away (another clause, another event).

False negatives are counted by the word governing the place. Both kinds of mistake are
also grouped by what the pair's own features say of the place (``cause``: a role cue,
apposition, a bigger place holding another, a later place of a list, a modifier, another
event word nearer or between, another clause, or nothing of these); ``--show`` prints
examples of the false negatives too. RELABEL is never read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_corpus as ec  # noqa: E402
import train_linker as tl  # noqa: E402

from geomentions.event_features import FEATURE_NAMES, PREP_CLASSES  # noqa: E402

#: Characters between a predicted place and a gold one for "beside the gold".
NEAR = 40
GROUPS = (
    "row names no place",
    "holds the gold, unresolved",
    "beside the gold, resolved",
    "gold elsewhere",
)


#: "Tarmiyah, a town near Baghdad": a noun phrase in apposition after the place.
_APPOSITION = re.compile(
    r"^\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|district|province|"
    r"region|suburb|area|capital|neighbou?rhood|camp)\b",
    re.IGNORECASE,
)
CAUSES = (
    "source or dateline", "base", "origin", "destination", "apposition after",
    "bigger place holding another", "later place of a list", "modifier",
    "another event word nearer or between", "another clause", "none of these",
)  # fmt: skip


def cause(x: np.ndarray, text: str, span: tuple[int, int]) -> str:
    """The first of :data:`CAUSES` the pair's features (``x``) show."""
    f = dict(zip(FEATURE_NAMES, x, strict=True))
    if f["dateline"] or f["source_cue"] or f["source_between"]:
        return CAUSES[0]
    if f["base_cue"]:
        return CAUSES[1]
    if f["prep_from"] or f["from_leave"] or f["object_leave"]:
        return CAUSES[2]
    if f["prep_to"] or f["to_arrive"]:
        return CAUSES[3]
    if _APPOSITION.match(text[span[1] :]):
        return CAUSES[4]
    holds = ("container", "contains_next", "holds_named", "possessive", "noun_of_after",
             "area_of", "holds_noun")  # fmt: skip
    if any(f[n] for n in holds):
        return CAUSES[5]
    if f["in_list"]:
        return CAUSES[6]
    if f["modifier"] or f["article_before"] or f["noun_after"] or f["next_noun"]:
        return CAUSES[7]
    if f["closer_triggers"] or f["triggers_between"]:
        return CAUSES[8]
    if f["clauses_between"] or f["that_between"]:
        return CAUSES[9]
    return CAUSES[10]


def _group(span: tuple[int, int], gold: list, resolved_gold: bool) -> str:
    if not gold:
        return GROUPS[0]
    near = min(min(abs(span[0] - g[1]), abs(g[0] - span[1])) for g in gold) <= NEAR
    if not near:
        return GROUPS[3]
    return GROUPS[2] if resolved_gold else GROUPS[1]


def _marked(text: str, verb: tuple[int, int], span: tuple[int, int], gold: list) -> str:
    """The sentence with <<verb>>, [[place]] and {gold} marked."""
    marks = [(verb[0], "<<"), (verb[1], ">>"), (span[0], "[["), (span[1], "]]")]
    marks += [(g[0], "{") for g in gold] + [(g[1], "}") for g in gold]
    for pos, mark in sorted(marks, reverse=True):
        text = text[:pos] + mark + text[pos:]
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ec.DEFAULT_ZIP)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="examples per group")
    ap.add_argument("--only", choices=GROUPS, help="examples of this group only")
    args = ap.parse_args(argv)
    try:
        from sklearn.isotonic import IsotonicRegression
    except ImportError:
        sys.exit("linker_errors.py needs the 'train' extra: pip install -e '.[train]'")

    corpus = [r for r in ec.load(args.corpus) if not r.test]
    rows = [r for r in corpus if r.source not in tl.SKIP_SOURCES] + tl.own_rows(tl.OWN_TSV)
    cache: dict = {}
    X, y, groups, rid, lists, where = [], [], [], [], [], []
    for k, r in enumerate(rows):
        xs, ys, heads = tl.pairs(r.text, r.verb, r.gold, cache)
        # The resolved places in the order pairs() gives their rows.
        spans = sorted(tl.linker_span(m) for m in tl.mentions_of(r.text, cache) if m.place)
        X += xs
        y += ys
        lists += heads
        groups += [r.group] * len(ys)
        rid += [k] * len(ys)
        where += spans
    X, y, rid, lists = np.asarray(X), np.asarray(y), np.asarray(rid), np.asarray(lists)
    _, _, oof = tl.out_of_fold(X, y, np.asarray(groups), rid, lists, args.folds)
    cal = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y).predict(oof)
    cut = max(np.arange(0.2, 0.81, 0.05), key=lambda t: tl._prf(cal >= t, y)[2])
    pred = cal >= cut
    found = defaultdict(bool)  # row -> some gold place of it is resolved
    for i in np.flatnonzero(y == 1):
        found[rid[i]] = True
    fps: dict[str, list[int]] = defaultdict(list)
    for i in np.flatnonzero(pred & (y == 0)):
        fps[_group(where[i], rows[rid[i]].gold, found[rid[i]])].append(int(i))
    p, r, f = tl._prf(pred, y)
    print(f"{len(y)} pairs; threshold {cut:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}; "
          f"{int(pred.sum() - (pred & (y == 1)).sum())} false positives, "
          f"{int((~pred & (y == 1)).sum())} false negatives")  # fmt: skip
    for name in GROUPS:
        print(f"  {len(fps[name]):>5}  {name}")
    prep_cols = [FEATURE_NAMES.index(f"prep_{c}") for c in PREP_CLASSES]
    misses = Counter(
        PREP_CLASSES[int(np.argmax(X[i, prep_cols]))] for i in np.flatnonzero(~pred & (y == 1))
    )
    print(
        "false negatives by governing word: "
        + ", ".join(f"{c} {n}" for c, n in misses.most_common())
    )
    fns = np.flatnonzero(~pred & (y == 1))
    by_cause = {
        kind: Counter(cause(X[i], rows[rid[i]].text, where[i]) for i in idx)
        for kind, idx in (("fp", np.flatnonzero(pred & (y == 0))), ("fn", fns), ("tp", np.flatnonzero(pred & (y == 1))))
    }  # fmt: skip
    print(f"by what the pair's features show:  {'false pos':>9}{'false neg':>10}{'true pos':>9}")
    for c in CAUSES:
        print(f"  {c:<36}{by_cause['fp'][c]:>9}{by_cause['fn'][c]:>10}{by_cause['tp'][c]:>9}")
    for name in [args.only] if args.only else GROUPS:
        for i in fps[name][: args.show]:
            row = rows[rid[i]]
            print(
                f"[{name}] p={cal[i]:.2f} {_marked(row.text, row.verb, where[i], row.gold)[:300]}"
            )
    if not args.only:
        for i in fns[: args.show]:
            row = rows[rid[i]]
            why = cause(X[i], row.text, where[i])
            print(f"[missed: {why}] p={cal[i]:.2f} "
                  f"{_marked(row.text, row.verb, where[i], row.gold)[:300]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
