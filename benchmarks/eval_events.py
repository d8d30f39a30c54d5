"""Evaluate event-location linking on the EventLocation corpus (Halterman 2019).

Usage::

    python benchmarks/eval_events.py [--corpus PATH]

Test set: the 496 ``source: RELABEL`` rows (494 with a verb span), never trained on.
Candidates are the places :func:`geomentions.extract` resolves in the sentence (what the map
shows). Scoring is mention-level: a predicted event location is right when it overlaps a gold
location span (token offsets); recall is the share of gold spans some prediction overlaps.
Gold spans our recogniser never resolves cap the recall (the "ceiling" line).

(a) verb given, as in the published task: the row's verb is the trigger; a place is
    predicted when the linker's probability for that verb reaches its threshold. Its losses
    are counted (totals only, no sentence shown): wrong event places in rows whose verb
    names no place, and wrong and missed places by ``linker_errors.cause``. The gold places
    we never resolve are split by cause by ``event_misses.py --part test``.
(b) end to end: our own trigger detection; a place is predicted when its role is "event";
    gold is the union of the locations of every RELABEL row of that sentence.
(c) cross-validated: the CV figures of ``train_linker.py`` on the rest of the corpus.

(a) also prints the average precision of its pair probabilities (threshold-free: the F1
moves with the threshold's 0.05 steps between retrainings; ``train_linker.py --seed``).

The baseline is what the map did before the linker: every resolved place is an event place.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_corpus as ec  # noqa: E402
import numpy as np  # noqa: E402
from linker_errors import CAUSES, cause  # noqa: E402
from train_linker import average_precision, kind_of, linker_span  # noqa: E402

from geomentions import extract  # noqa: E402
from geomentions.activity import event_words  # noqa: E402
from geomentions.event_features import Sentence  # noqa: E402
from geomentions.events import pair_probabilities, threshold, triggers  # noqa: E402


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.gold = self.found = 0

    def add(self, pred: list, gold: list) -> None:
        hits = [any(ec.overlaps(p, g) for g in gold) for p in pred]
        self.tp += sum(hits)
        self.fp += len(hits) - sum(hits)
        self.gold += len(gold)
        self.found += sum(any(ec.overlaps(p, g) for p in pred) for g in gold)

    def row(self, name: str) -> str:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.found / max(1, self.gold)
        f = 2 * p * r / max(1e-9, p + r)
        return f"{name:<46}{p:>7.3f}{r:>7.3f}{f:>7.3f}{self.tp:>6}{self.fp:>6}{self.gold:>6}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ec.DEFAULT_ZIP)
    args = ap.parse_args(argv)
    rows = [r for r in ec.load(args.corpus) if r.test]
    docs = {t: extract(t) for t in sorted({r.text for r in rows})}
    cut = threshold()
    base, given, ceiling = Score(), Score(), Score()
    # Where (a) loses, counted only (RELABEL is the test set: totals, never sentences): wrong
    # event places in rows whose verb names no place and in the others, and wrong and missed
    # places by what the pair's own features show (``linker_errors.cause``).
    empty_fp = 0
    # (a)'s pairs, threshold-free: its F1 moves with the threshold's 0.05 steps between
    # retrainings, the average precision of its probabilities less.
    pair_p: list[float] = []
    pair_gold: list[int] = []
    by_cause: dict[str, Counter] = {"wrong": Counter(), "missed": Counter()}
    for r in rows:
        places = [x for x in docs[r.text].mentions if x.place is not None]
        spans = [linker_span(x) for x in places]
        base.add(spans, r.gold)
        ceiling.add([g for g in r.gold if any(ec.overlaps(g, s) for s in spans)], r.gold)
        if not spans:
            given.add([], r.gold)
            continue
        sent = Sentence(r.text)
        kinds = [kind_of(x) for x in places]
        trig = [(t.start, t.end) for t in triggers(sent, event_words(r.text))]
        X = sent.matrix([r.verb], spans, kinds, trig, confidences=[x.confidence for x in places])
        p = pair_probabilities(X, 1, lists=sent.list_heads(spans))
        given.add([s for s, pi in zip(spans, p, strict=True) if pi >= cut], r.gold)
        for x, s, pi in zip(X, spans, p, strict=True):
            gold = any(ec.overlaps(s, g) for g in r.gold)
            pair_p.append(float(pi))
            pair_gold.append(int(gold))
            if (pi >= cut) != gold:
                by_cause["wrong" if not gold else "missed"][cause(np.asarray(x), r.text, s)] += 1
                empty_fp += not gold and not r.gold
    # (b) end to end: per sentence, gold is the union over its rows.
    by_text: dict[str, list] = defaultdict(list)
    verbs: dict[str, list] = defaultdict(list)
    for r in rows:
        by_text[r.text] += r.gold
        verbs[r.text].append(r.verb)
    e2e, e2e_base = Score(), Score()
    # Where (b) loses against (a), counted only: a wrong event place linked to the row's
    # verb or to another event word of the sentence (which the corpus does not annotate),
    # and the roles of gold places we resolve but do not call event places.
    wrong: Counter = Counter()
    missed: Counter = Counter()
    for text, gold in sorted(by_text.items()):
        places = [x for x in docs[text].mentions if x.place is not None]
        e2e.add([linker_span(x) for x in places if x.activity.role == "event"], gold)
        e2e_base.add([linker_span(x) for x in places], gold)
        for x in places:
            span, act = linker_span(x), x.activity
            is_gold = any(ec.overlaps(span, g) for g in gold)
            if act.role == "event" and not is_gold:
                trig = (act.trigger_start or 0, act.trigger_end or 0)
                own = any(ec.overlaps(trig, v) for v in verbs[text])
                wrong["the row's verb" if own else "another event word"] += 1
            elif act.role != "event" and is_gold:
                missed[act.role or "none"] += 1
    print(f"EventLocation RELABEL: {len(rows)} rows, {len(by_text)} sentences; "
          f"threshold {cut}; load {os.getloadavg()[0]:.2f}")  # fmt: skip
    print(f"{'':<46}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'gold':>6}")
    print(base.row("baseline: every resolved place (per verb row)"))
    print(given.row("(a) linker, verb given"))
    print(f"    (a) wrong event places: {empty_fp} in rows whose verb names no place, "
          f"{sum(by_cause['wrong'].values()) - empty_fp} in rows that name one")  # fmt: skip
    print("    (a) wrong / missed by what the pair's features show: " + ", ".join(
        f"{c} {by_cause['wrong'][c]}/{by_cause['missed'][c]}" for c in CAUSES
        if by_cause["wrong"][c] or by_cause["missed"][c]))  # fmt: skip
    print(f"    (a) threshold-free: average precision {average_precision(pair_p, pair_gold):.4f} "
          f"over its {len(pair_p)} pairs ({sum(pair_gold)} at a gold place)")  # fmt: skip
    print(ceiling.row("    recall ceiling: gold we resolve at all"))
    print(e2e_base.row("baseline: every resolved place (per sentence)"))
    print(e2e.row("(b) end to end, our triggers, role == event"))
    print("    (b) wrong event places linked to: "
          + ", ".join(f"{k} {v}" for k, v in wrong.most_common()))  # fmt: skip
    print("    (b) gold places resolved, other roles: "
          + ", ".join(f"{k} {v}" for k, v in missed.most_common()))  # fmt: skip
    print("(c) cross-validated on the rest of the corpus: python benchmarks/train_linker.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
