"""Why gold event locations never become a resolved place: the recall ceiling, by cause.

Usage::

    python benchmarks/event_misses.py [--part train|test] [--rows N] [--show N]

For every gold location span of the EventLocation corpus (``event_corpus.py``) that no
resolved mention overlaps, the first stage that loses it:

- "not scanned": recognition finds no span there;
- "scanned, no match": a span, but no gazetteer name for it;
- "span model rejects": a candidate span the span model (or, in Arabic and Russian, the
  word-frequency rule) drops;
- "kept, no candidate": kept, but only village rows matched and nothing vouches for them;
- "mention, no place": a mention below the confidence floor.

Each cause is split by whether the gazetteer holds a place under that exact name. ``--part
train`` (the default) reads the training part (without ``Masdar_RA``, as ``train_linker.py``);
``--show`` prints examples, and only for the training part: RELABEL is the test set, counted
but never read for tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import event_corpus as ec  # noqa: E402
from train_linker import SKIP_SOURCES, linker_span  # noqa: E402

from geomentions import extract  # noqa: E402
from geomentions.extraction import _judge, candidate_cases  # noqa: E402
from geomentions.gazetteer import Gazetteer  # noqa: E402
from geomentions.recognition import find_spans  # noqa: E402


def cause(text: str, gold: tuple[int, int], mentions: list, gaz: Gazetteer) -> str:
    def hit(spans) -> bool:
        return any(ec.overlaps(s, gold) for s in spans)

    if hit((m.start, m.end) for m in mentions):
        return "mention, no place"
    if not hit((s.start, s.end) for s in find_spans(text, gaz)):
        return "not scanned"
    if not hit((c.span.start, c.span.end) for c in candidate_cases(text, gaz)):
        return "scanned, no match"
    if not hit((r.span.start, r.span.end) for r in _judge(text, gaz, None)):
        return "span model rejects"
    return "kept, no candidate"


def exact_name(name: str, gaz: Gazetteer) -> bool:
    want = name.strip().removeprefix("the ").casefold()
    return any(want == n.casefold() for row in gaz.lookup(name) for n in gaz.names_of(row))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ec.DEFAULT_ZIP)
    ap.add_argument("--part", choices=("train", "test"), default="train")
    ap.add_argument("--rows", type=int, default=0, help="the first N rows only (0: all)")
    ap.add_argument("--show", type=int, default=0, help="examples per cause (train only)")
    args = ap.parse_args(argv)
    test = args.part == "test"
    rows = [r for r in ec.load(args.corpus) if r.test == test and r.source not in SKIP_SOURCES]
    rows = rows[: args.rows] if args.rows else rows
    gaz = Gazetteer.default()
    docs: dict[str, list] = {}
    counts: Counter = Counter()
    seen: dict[tuple, list] = defaultdict(list)
    gold_n = resolved = 0
    for r in rows:
        if r.text not in docs:
            docs[r.text] = extract(r.text).mentions
        mentions = docs[r.text]
        for g in r.gold:
            gold_n += 1
            if any(m.place is not None and ec.overlaps(linker_span(m), g) for m in mentions):
                resolved += 1
                continue
            name = r.text[g[0] : g[1]]
            key = (cause(r.text, g, mentions, gaz), exact_name(name, gaz))
            counts[key] += 1
            if not test:
                seen[key].append((name, r.text))
    missed = gold_n - resolved
    print(f"EventLocation {args.part}: {len(rows)} rows, {gold_n} gold locations, "
          f"{resolved} resolved ({resolved / max(1, gold_n):.1%}), {missed} missed")  # fmt: skip
    print(f"{'cause':<22}{'in gazetteer':>14}{'not':>8}")
    for c in sorted({k[0] for k in counts}, key=lambda c: -counts[c, True] - counts[c, False]):
        print(f"{c:<22}{counts[c, True]:>14}{counts[c, False]:>8}")
    held = sum(v for (_, g), v in counts.items() if g)
    print(f"{'all misses':<22}{held:>14}{missed - held:>8}")
    for key, found in sorted(seen.items()):
        for name, text in found[: args.show]:
            print(f"[{key[0]}{', in gazetteer' if key[1] else ''}] {name!r}: {text[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
