"""The ``geomentions`` command line.

    geomentions resolve "Dayr az Zawr" --country SY
    geomentions extract examples/reports/*.txt --format geojson -o places.geojson
    geomentions map examples/reports/*.txt -o activity.html
    geomentions gazetteer build --geonames ../shared/geonames -o gazetteer/geonames.parquet

Exit codes: 0 success, 1 nothing found / some documents failed, 2 usage or input error.
Errors go to stderr; ``-`` (or no FILE) reads a report from stdin.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_EMPTY, EXIT_USAGE = 0, 1, 2


def _gazetteer(args: argparse.Namespace):
    from .gazetteer import Gazetteer

    gaz = Gazetteer.from_file(args.gazetteer) if args.gazetteer else Gazetteer.default()
    for extra in getattr(args, "places", None) or ():
        gaz.add_places(extra)
    return gaz


def cmd_resolve(args: argparse.Namespace) -> int:
    from .resolution import resolve

    found = resolve(args.name, country=args.country, limit=args.limit, gazetteer=_gazetteer(args))
    if args.json:
        json.dump([c.to_dict() for c in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif not found:
        print(f"no plausible place for {args.name!r}", file=sys.stderr)
    else:
        for i, c in enumerate(found, 1):
            where = ", ".join(p for p in (c.admin1, c.country_code) if p)
            print(f"{i}. {c.name} ({where}) {c.lat:.5f},{c.lon:.5f} {c.feature_code} {c.place_id}")
            print(f"   score {c.score:.2f}: {c.why}")
    return EXIT_OK if found else EXIT_EMPTY


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from .build import build

    out = build(args.geonames, args.output, extra_csv=args.extra or ())
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return EXIT_OK


def cmd_gazetteer_info(args: argparse.Namespace) -> int:
    gaz = _gazetteer(args)
    print(f"{gaz!r}")
    print("Contains data from GeoNames (www.geonames.org), CC BY 4.0")
    return EXIT_OK


def cmd_gazetteer_add(args: argparse.Namespace) -> int:
    """Check a user CSV of places and show how each row resolves once layered."""
    from .resolution import resolve

    gaz = _gazetteer(args)
    gaz.add_places(args.csv)
    from .build import read_places_csv

    for row in read_places_csv(args.csv):
        top = resolve(row.name, gazetteer=gaz, limit=1)
        status = "ok" if top and top[0].place_id == row.place_id else "shadowed"
        print(f"{status}\t{row.place_id}\t{row.name}")
    return EXIT_OK


def _read_path(path: str) -> tuple[str, str]:
    """(doc id, text) of a report file or ``-`` for stdin; strict UTF-8 with a clear error."""
    if path == "-":
        data = sys.stdin.buffer.read()
        doc_id = "stdin"
    else:
        data = Path(path).read_bytes()
        doc_id = path
    try:
        return doc_id, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{doc_id}: not valid UTF-8 at byte {exc.start}; convert it first "
            "(e.g. iconv -f cp1256 -t utf-8)"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="geomentions",
        description="Find, resolve and map the places that reports mention (offline).",
    )
    p.add_argument("--version", action="version", version=f"geomentions {__version__}")
    p.add_argument("--gazetteer", metavar="FILE", help="gazetteer file (default: the shipped one)")
    p.add_argument(
        "--places", metavar="CSV", action="append", help="extra places CSV to layer (repeatable)"
    )
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("resolve", help="rank the places a name may refer to")
    r.add_argument("name")
    r.add_argument("--country", help="ISO country code(s) hint, e.g. SY or SY,IQ")
    r.add_argument("--limit", type=int, default=5)
    r.add_argument("--json", action="store_true", help="print JSON")
    r.set_defaults(func=cmd_resolve)

    g = sub.add_parser("gazetteer", help="build or inspect gazetteer files")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True)
    b = gsub.add_parser("build", help="build a gazetteer file from GeoNames dumps")
    b.add_argument("--geonames", required=True, metavar="DIR", help="folder of GeoNames files")
    b.add_argument("--extra", action="append", metavar="CSV", help="curated places CSV")
    b.add_argument("-o", "--output", required=True, metavar="FILE")
    b.set_defaults(func=cmd_gazetteer_build)
    i = gsub.add_parser("info", help="describe the gazetteer")
    i.set_defaults(func=cmd_gazetteer_info)
    a = gsub.add_parser("add", help="check a CSV of user places layered over the gazetteer")
    a.add_argument("csv")
    a.set_defaults(func=cmd_gazetteer_add)

    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, TypeError, FileNotFoundError, UnicodeDecodeError) as exc:
        print(f"geomentions: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
