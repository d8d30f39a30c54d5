"""Why gold toponyms are missed in the strict end-to-end score, by cause, under document CV.

Usage (needs the ``train`` extra)::

    python benchmarks/strict_misses.py [--lgl PATH] [--gwn PATH] [--folds 5] [--show CAUSE]

Each article is read with the span model and ranker of the folds it is not in (as
``eval_corpora.py --cv``). Every gold toponym with a GeoNames id and coordinates is a hit
(the resolved place has its id) or falls under one cause: not recognised (the gold id in the
gazetteer or not), recognised but given no place (a demonym or bloc, by design; under
``min_confidence``; an empty pool), or resolved to a wrong id (the gold id missing from the
gazetteer, not among the name's matches, matched but not admitted or not in the pool, or a
ranking error, within 161 km or farther). ``--show WORDS`` also prints each miss whose cause
contains WORDS ("not recognised", "matches", "ranking", "min_confidence", or "all"): the gold
text and id, what was chosen, and the words around it, to group misses by hand.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import train_ranker  # noqa: E402
import train_spans  # noqa: E402
from eval_corpora import (  # noqa: E402
    ACCURACY_KM,
    DEFAULT_GWN,
    DEFAULT_LGL,
    haversine_km,
    overlap,
    parse_gwn,
    parse_lgl,
)

from geomentions import extract  # noqa: E402
from geomentions.extraction import prepare  # noqa: E402
from geomentions.gazetteer import Gazetteer  # noqa: E402


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    """The words around a span on one line, the span in [brackets]."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def causes(articles, span_models, rankers, k: int, gaz: Gazetteer, show: str = "") -> Counter[str]:
    """Hits and causes of misses over the articles' gold toponyms with an id and a point.

    With ``show``, each miss whose cause contains it (or every miss for "all") is printed.
    """
    out: Counter[str] = Counter()
    for art in articles:
        f = train_spans.fold_of(art.doc_id, k)
        doc = extract(art.text, doc_id=art.doc_id, span_model=span_models[f],
                      ranker_model=rankers[f])  # fmt: skip
        prep = prepare(art.text, gaz, (), span_models[f])
        for g in art.gold:
            if not g.has_coords or g.geonameid is None:
                continue
            gid = f"geonames:{g.geonameid}"
            in_gaz = gaz.row_of(gid) is not None
            m = next((m for m in doc.mentions if overlap((m.start, m.end), (g.start, g.end))), None)
            n = next(
                (i for i, r in enumerate(prep.readings)
                 if overlap((r.span.start, r.span.end), (g.start, g.end))),
                None,
            )  # fmt: skip
            if m is not None and m.place is not None and m.place.place_id == gid:
                out["hit"] += 1
                continue
            if n is None:
                why = "not recognised" + ("" if in_gaz else ", gold id not in the gazetteer")
            elif m is None:
                why = "recognised, no mention (no admitted candidate, or a stray word)"
            elif m.place is None:
                kind = prep.readings[n].span.kind
                why = (f"no place: a {kind}" if kind in ("demonym", "bloc") else
                       "no place: under min_confidence")  # fmt: skip
            else:
                near = haversine_km(g.lat, g.lon, m.place.lat, m.place.lon) <= ACCURACY_KM
                r = prep.readings[n]
                if not in_gaz:
                    why = "wrong id: gold id not in the gazetteer"
                elif gid not in {x.info["place_id"] for x in r.matches}:
                    why = "wrong id: gold not among the name's matches"
                elif gid not in {x.info["place_id"] for x in prep.admitted[n]}:
                    why = "wrong id: gold matched, not admitted"
                elif gid not in {x.info["place_id"] for x in prep.pools[n]}:
                    why = "wrong id: gold admitted, not in the pool"
                else:
                    why = "wrong id: ranking"
                why = f"{why} ({'within' if near else 'over'} {ACCURACY_KM:.0f} km)"
            out[why] += 1
            if show and (show == "all" or show in why):
                row = gaz.row_of(gid)
                gp = gaz.place(row) if row is not None else {}
                gold_name = f"{gp.get('name')}, {gp.get('country_code')} {gp.get('feature_code')}"
                got = "-"
                if m is not None and m.place is not None:
                    p = m.place
                    got = f"{p.name}, {p.country_code} {p.feature_code} {p.place_id}"
                elif m is not None:
                    got = f"no place (confidence {m.confidence:.2f})"
                print(f"{why} | {art.doc_id} | {g.text!r} gold {gid} {gold_name} | got {got}")
                print(f"    {_context(art.text, g.start, g.end)}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lgl", default=str(DEFAULT_LGL), help="path to LGL lgl.xml")
    ap.add_argument("--gwn", default=str(DEFAULT_GWN), help="path to GeoWebNews GWN.xml")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", default="", help="print the misses whose cause contains this")
    ap.add_argument("--only", choices=("LGL", "GeoWebNews"), help="read one corpus only")
    args = ap.parse_args(argv)
    lgl, gwn = Path(args.lgl), Path(args.gwn)
    if not (lgl.is_file() and gwn.is_file()):
        print("both corpora are needed: pass --lgl and --gwn", file=sys.stderr)
        return 2
    k = args.folds
    span_models = train_spans.cv_models(train_spans.load_table(lgl, gwn), k)
    rankers = train_ranker.cv_models(train_ranker.load_table(lgl, gwn), k)
    gaz = Gazetteer.default()
    for name, parse, path in (("LGL", parse_lgl, lgl), ("GeoWebNews", parse_gwn, gwn)):
        if args.only and name != args.only:
            continue
        found = causes(parse(path)[0], span_models, rankers, k, gaz, args.show)
        total = sum(found.values())
        print(f"{name}: {total} gold toponyms with an id and a point, {k}-fold document CV")
        for cause, count in found.most_common():
            print(f"  {count:>5}  {count / total:6.1%}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
