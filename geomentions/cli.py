"""The ``geomentions`` command line.

    geomentions resolve "Dayr az Zawr" --country SY
    geomentions extract examples/reports/*.txt --format geojson -o places.geojson
    cat report.txt | geomentions extract --format csv > places.csv
    geomentions map examples/reports/*.txt -o activity.html
    geomentions evaluate --lgl ../shared/corpora/LGL/lgl.xml --limit 50
    geomentions gazetteer build --geonames ../shared/geonames -o gazetteer/geonames.parquet

Exit codes: 0 success; 1 nothing found, or some documents failed (each named on stderr,
the output is still written for the others); 2 usage or input error (bad option, no
readable input at all, unwritable output). Errors go to stderr as one line; ``-`` (or no
FILE with stdin piped) reads a report from stdin.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from . import __version__
from .model import Document

EXIT_OK, EXIT_EMPTY, EXIT_USAGE = 0, 1, 2
LAYERS_HELP = (
    "village layers to load: 'default' (SY IQ YE LY LB PS AF SD SO ML UA), 'all', 'none', "
    "or country codes, e.g. 'default,ng,et'"
)
#: Exit code when some documents failed: the same as "nothing found", the run is partial.
EXIT_PARTIAL = EXIT_EMPTY
FORMATS = ("json", "geojson", "csv", "parquet")
_SUFFIX_FORMATS = {".json": "json", ".geojson": "geojson", ".csv": "csv", ".parquet": "parquet"}
#: The corpus evaluation lives in the source checkout, not in the installed package: it is
#: found beside this package (an editable install) or in the current folder (``pip install .``
#: and then run from the checkout).
EVAL_SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_corpora.py"
EVAL_HOW = (
    "It needs the source checkout: run `geomentions evaluate` from the checkout's top folder "
    "(the one with benchmarks/), or `python benchmarks/eval_corpora.py` there."
)


def _places(args: argparse.Namespace) -> list[str]:
    """``--places`` given before the subcommand and after it, in that order."""
    return [*(getattr(args, "places", None) or ()), *(getattr(args, "sub_places", None) or ())]


def _gazetteer_file(args: argparse.Namespace) -> str | None:
    return getattr(args, "sub_gazetteer", None) or args.gazetteer


def _layers(args: argparse.Namespace) -> str | None:
    """``--layers`` given after the subcommand, else before it (None: the default ones)."""
    return getattr(args, "sub_layers", None) or getattr(args, "layers", None)


def _custom_gazetteer(args: argparse.Namespace) -> bool:
    """Whether the options ask for other than the shipped default gazetteer."""
    return bool(_gazetteer_file(args) or _places(args) or _layers(args) is not None)


def _gazetteer(args: argparse.Namespace):
    from .gazetteer import Gazetteer

    path = _gazetteer_file(args)
    layers = _layers(args)
    gaz = Gazetteer.from_file(path, layers=layers or ()) if path else Gazetteer.default(layers)
    for extra in _places(args):
        gaz.add_places(extra)
    return gaz


def _stdout() -> Any:
    """Standard output, or a usage error when it is closed (``>&-``)."""
    if sys.stdout is None or sys.stdout.closed:
        raise ValueError("standard output is closed: give -o FILE, or redirect it")
    return sys.stdout


def cmd_resolve(args: argparse.Namespace) -> int:
    from .resolution import resolve

    if args.limit < 1:
        raise ValueError(f"--limit must be at least 1, got {args.limit}")
    out = _stdout()
    found = resolve(args.name, country=args.country, limit=args.limit, gazetteer=_gazetteer(args))
    if args.json:
        json.dump([c.to_dict() for c in found], out, ensure_ascii=False, indent=2)
        print(file=out)
    elif not found:
        print(f"no plausible place for {args.name!r}", file=sys.stderr)
    else:
        for i, c in enumerate(found, 1):
            where = ", ".join(p for p in (c.admin1, c.country_code) if p)
            print(
                f"{i}. {c.name} ({where}) {c.lat:.5f},{c.lon:.5f} {c.feature_code} {c.place_id}",
                file=out,
            )
            print(f"   score {c.score:.2f}: {c.why}", file=out)
    return EXIT_OK if found else EXIT_EMPTY


def cmd_gazetteer_build(args: argparse.Namespace) -> int:
    from .build import build

    out = build(
        args.geonames, args.output, extra_csv=args.extra or (),
        gazetteers=args.gazetteers, layers_out=args.layers_out,
        admin1_points=args.admin1_points,
    )  # fmt: skip
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return EXIT_OK


def cmd_gazetteer_info(args: argparse.Namespace) -> int:
    gaz = _gazetteer(args)
    print(f"{gaz!r}")
    from . import ATTRIBUTION

    print(f"layers: {', '.join(gaz.layers) or 'none'}")
    print(ATTRIBUTION)
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


# --- reports in ---------------------------------------------------------------------------


def _warn(message: str) -> None:
    print(f"geomentions: {message}", file=sys.stderr)


def _read_report(path: str) -> tuple[str, str | None, str | None]:
    """(doc id, text, error) of a report file or ``-`` for stdin; strict UTF-8.

    A file that cannot be read gives an error text instead of raising, so that one bad
    file in a batch of hundreds does not cost the others.
    """
    doc_id = "stdin" if path == "-" else path
    try:
        if path == "-":
            if sys.stdin is None or sys.stdin.closed:
                return doc_id, None, "standard input is closed"
            stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            data = Path(path).read_bytes()
    except IsADirectoryError:
        return doc_id, None, "is a directory"
    except (OSError, ValueError) as exc:  # ValueError: a stream closed while being read
        return doc_id, None, (getattr(exc, "strerror", None) or str(exc)).lower()
    try:
        return doc_id, data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return doc_id, None, _decode_error(data, exc, "FILE" if path == "-" else path)


def _decode_error(data: bytes, exc: UnicodeDecodeError, name: str) -> str:
    """Why bytes are not a UTF-8 report, and what to do: binary files get no iconv advice."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return f"is UTF-16 text; convert it first: iconv -f utf-16 -t utf-8 {name}"
    head = data[:8192]
    # NUL bytes, or many other control bytes, are no text encoding's: a binary file.
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    if b"\x00" in head or controls > len(head) // 100:
        return "is a binary file, not a text report"
    hint = f"iconv -f cp1256 -t utf-8 {name}"
    return f"not valid UTF-8 at byte {exc.start}; convert it first (e.g. {hint})"


def _inputs(files: Sequence[str]) -> list[str]:
    if files:
        return list(files)
    if sys.stdin is None or sys.stdin.isatty():
        raise ValueError("no input: give report FILEs, or - (or a pipe) for stdin")
    return ["-"]


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--date {text!r} is not a date of the form YYYY-MM-DD") from None


def _check_run_options(args: argparse.Namespace) -> dt.date | None:
    """Validate the options shared by ``extract`` and ``map`` before any work is done."""
    if not 0.0 <= args.min_confidence <= 1.0:
        raise ValueError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    if args.workers < 0:
        raise ValueError(f"--workers must be 0 (one per CPU) or more, got {args.workers}")
    from .batch import n_workers
    from .countries import country_codes

    country_codes(args.country)  # a bad hint is a usage error before any work
    if n_workers(args.workers) < args.workers:
        _warn(f"note: --workers {args.workers} is more than the CPUs here; using {n_workers(0)}")
    return _parse_date(args.date)


def _check_output(path: str) -> Path:
    """Refuse an output path that cannot be written before spending time on extraction."""
    out = Path(path)
    if out.is_dir():
        raise ValueError(f"output {path} is a directory")
    if not out.parent.is_dir():
        raise ValueError(f"output folder {out.parent} does not exist")
    return out


def _run(args: argparse.Namespace, date: dt.date | None) -> tuple[list[Document], int]:
    """Read and extract every input, in order; returns the documents and how many failed.

    Failed documents (unreadable file, extraction error) come back with ``error`` set and
    are named on stderr.
    """
    from .batch import extract_many

    read = [_read_report(path) for path in _inputs(args.files)]
    ok = [(doc_id, text) for doc_id, text, error in read if not error]
    # None lets the batch load the shipped gazetteer once and share it with its workers.
    gaz = _gazetteer(args) if _custom_gazetteer(args) else None
    # A bar (tqdm, shown after half a second) only for several files on a terminal.
    show_bar = not args.no_progress and len(ok) > 1 and bool(sys.stderr and sys.stderr.isatty())
    extracted = iter(
        extract_many(
            ok,
            country=args.country,
            date=date,
            workers=args.workers,
            progress=show_bar,
            gazetteer=gaz,
            min_confidence=args.min_confidence,
        )
    )
    docs = [
        Document(doc_id=doc_id, text="", error=error) if error else next(extracted)
        for doc_id, _, error in read
    ]
    failures = [f"{d.doc_id}: {d.error}" for d in docs if d.error]
    if len(failures) == len(docs) == 1:
        raise ValueError(failures[0])  # the one input: a plain input error, one line
    for failure in failures:
        _warn(f"error: {failure}")
    if len(failures) == len(docs):
        # Nothing to write: a usage/input error (exit 2), for one bad input as for many.
        raise ValueError(f"none of the {len(docs)} inputs could be read or extracted")
    return docs, len(failures)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(docs: list[Document], failed: int, placed: int, where: str, target: str) -> str:
    """ "7 reports, 84 mentions, 79 on the map -> activity.html" """
    reports = _plural(len(docs), "report") + (f" ({failed} failed)" if failed else "")
    mentions = _plural(sum(len(d.mentions) for d in docs), "mention")
    return f"{reports}, {mentions}, {placed} {where} -> {target}"


def _exit_code(failed: int, placed: int) -> int:
    if failed:
        return EXIT_PARTIAL
    if not placed:
        _warn("no places found")
        return EXIT_EMPTY
    return EXIT_OK


# --- results out --------------------------------------------------------------------------


def _output_format(args: argparse.Namespace) -> str:
    """``--format``, else the one the output file's suffix names, else json."""
    if args.format:
        fmt = args.format
    elif args.output:
        fmt = _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "json")
    else:
        fmt = "json"
    if fmt == "parquet" and not args.output:
        raise ValueError("--format parquet writes a binary file: give -o FILE")
    return fmt


def _frame_text(fmt: str, gdf: Any) -> str:
    """A GeoJSON or CSV frame as text (the frames writers only write files)."""
    from .frames import to_csv, to_geojson

    writer = to_geojson if fmt == "geojson" else to_csv
    with tempfile.TemporaryDirectory() as tmp:
        return writer(gdf, Path(tmp) / f"out.{fmt}").read_text(encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    """``geomentions extract``: documents as JSON, or resolved mentions as a table file."""
    fmt = _output_format(args)
    out = _check_output(args.output) if args.output else None
    if out is None:
        _stdout()  # a closed stdout is a usage error before any work
    docs, failed = _run(args, _check_run_options(args))
    placed = sum(len(d.places) for d in docs)
    if fmt == "json":
        text = json.dumps([d.to_dict() for d in docs], ensure_ascii=False, indent=2) + "\n"
        if out is None:
            _stdout().write(text)
        else:
            out.write_text(text, encoding="utf-8")
    else:
        from .frames import to_csv, to_geodataframe, to_geojson, to_parquet

        gdf = to_geodataframe(docs, rows=args.rows)
        if out is None:
            _stdout().write(_frame_text(fmt, gdf))
        else:
            {"geojson": to_geojson, "csv": to_csv, "parquet": to_parquet}[fmt](gdf, out)
    if out is None:
        _stdout().flush()
    else:
        print(_summary(docs, failed, placed, "resolved", str(out)), file=sys.stderr)
    return _exit_code(failed, placed)


def cmd_map(args: argparse.Namespace) -> int:
    """``geomentions map``: an HTML map of the reports' resolved mentions."""
    from .frames import to_geodataframe
    from .maps import MapWarning, make_map, save_offline

    out = _check_output(args.output)
    offline = args.offline or args.assets is not None
    if args.assets is not None and not Path(args.assets).is_dir():
        raise ValueError(f"--assets {args.assets} is not a folder")
    docs, failed = _run(args, _check_run_options(args))
    gdf = to_geodataframe(docs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = make_map(
            gdf,
            heatmap=args.heatmap,
            time_slider=args.time_slider,
            offline=offline,
            mentioned=args.mentioned,
        )
    for w in caught:
        # Said in the terms the user typed: --time-slider, not time_slider=True.
        message = w.message.cli_message() if isinstance(w.message, MapWarning) else w.message
        _warn(f"warning: {message}")
    if offline:
        try:
            save_offline(m, out, asset_dir=args.assets)
        except FileNotFoundError as exc:
            raise ValueError(f"{exc} (on the command line: --assets DIR/node_modules)") from None
    else:
        m.save(str(out))
    print(_summary(docs, failed, len(gdf), "on the map", str(out)), file=sys.stderr)
    return _exit_code(failed, len(gdf))


# --- evaluation ---------------------------------------------------------------------------


def _eval_module() -> ModuleType:
    """``benchmarks/eval_corpora.py`` of the source checkout this package runs from."""
    script = next(
        (p for p in (EVAL_SCRIPT, Path.cwd() / "benchmarks" / "eval_corpora.py") if p.is_file()),
        None,
    )
    if script is None:
        raise ValueError(
            f"benchmarks/eval_corpora.py not found (not installed with the package). {EVAL_HOW}"
        )
    spec = importlib.util.spec_from_file_location("_geomentions_eval_corpora", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


def _corpora(args: argparse.Namespace, ev: ModuleType) -> tuple[Path | None, Path | None]:
    """(LGL, GeoWebNews) paths: the ones named (each must exist), else the script's
    defaults beside the checkout, a missing one skipped."""
    if args.lgl is None and args.gwn is None:
        found = []
        for name, default in (("LGL", Path(ev.DEFAULT_LGL)), ("GeoWebNews", Path(ev.DEFAULT_GWN))):
            if not default.is_file():
                _warn(f"{name} corpus not found at {default}, skipped")
            found.append(default if default.is_file() else None)
        return found[0], found[1]
    for given in (args.lgl, args.gwn):
        if given is not None and not Path(given).is_file():
            raise ValueError(f"corpus file {given} not found")
    return (
        Path(args.lgl) if args.lgl else None,
        Path(args.gwn) if args.gwn else None,
    )


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``geomentions evaluate``: the corpus scores of ``benchmarks/eval_corpora.py``."""
    from .extraction import extract

    if args.limit is not None and args.limit < 1:
        raise ValueError(f"--limit must be at least 1, got {args.limit}")
    if not 0.0 <= args.min_confidence <= 1.0:
        raise ValueError(f"--min-confidence must be between 0 and 1, got {args.min_confidence}")
    ev = _eval_module()
    lgl, gwn = _corpora(args, ev)
    if lgl is None and gwn is None:
        raise ValueError("no corpus found: pass --lgl PATH and/or --gwn PATH")
    gaz = _gazetteer(args) if _custom_gazetteer(args) else None

    def run(text: str, doc_id: str) -> Document:
        return extract(text, doc_id=doc_id, gazetteer=gaz)

    _, blocks = ev.evaluate(lgl, gwn, run, args.limit, args.min_confidence)
    print("\n\n".join([*blocks, ev.format_anchors()]))
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------


def _gazetteer_options() -> argparse.ArgumentParser:
    """``--gazetteer`` and ``--places``, also accepted after the subcommand."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--gazetteer", dest="sub_gazetteer", metavar="FILE",
        help="gazetteer file (default: the shipped one)",
    )  # fmt: skip
    p.add_argument(
        "--places", dest="sub_places", metavar="CSV", action="append",
        help="extra places CSV to layer (repeatable)",
    )  # fmt: skip
    p.add_argument("--layers", dest="sub_layers", metavar="LIST", help=LAYERS_HELP)
    return p


def _run_options() -> argparse.ArgumentParser:
    """Options shared by ``extract`` and ``map``."""
    from .extraction import MIN_CONFIDENCE

    p = argparse.ArgumentParser(add_help=False, parents=[_gazetteer_options()])
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="UTF-8 report text file(s); - or none (with a pipe) reads stdin",
    )
    p.add_argument(
        "--country",
        help="country or countries the reports are about: ISO codes or names, e.g. SY, SYR, "
        "Syria or SY,IQ",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="report date when the text states none (default: found in the text)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=MIN_CONFIDENCE,
        metavar="X",
        help=f"leave mentions below confidence X unplaced (default {MIN_CONFIDENCE})",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0: one per CPU; at most one per CPU)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    return p


_EXIT_CODES = (
    "exit codes: 0 ok; 1 nothing found or some documents failed (named on stderr, the "
    "others still written); 2 usage or input error"
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="geomentions",
        description="Find, resolve and map the places that reports mention (offline).",
        epilog=_EXIT_CODES,
    )
    p.add_argument("--version", action="version", version=f"geomentions {__version__}")
    p.add_argument("--gazetteer", metavar="FILE", help="gazetteer file (default: the shipped one)")
    p.add_argument(
        "--places", metavar="CSV", action="append", help="extra places CSV to layer (repeatable)"
    )
    p.add_argument("--layers", metavar="LIST", help=LAYERS_HELP)
    sub = p.add_subparsers(dest="command", required=True)

    gazetteer_options = _gazetteer_options()
    r = sub.add_parser(
        "resolve", parents=[gazetteer_options], help="rank the places a name may refer to"
    )
    r.add_argument(
        "name",
        help='a place name in any script or spelling, e.g. "Dayr az Zawr", "حلب", '
        '"Athens, Ga." (X, Y: the X inside Y)',
    )
    r.add_argument(
        "--country", help="country hint: ISO codes or names, e.g. SY, SYR, Syria or SY,IQ"
    )
    r.add_argument(
        "--limit", type=int, default=5, metavar="N", help="show at most N candidates (default 5)"
    )
    r.add_argument("--json", action="store_true", help="print JSON")
    r.set_defaults(func=cmd_resolve)

    shared = _run_options()
    e = sub.add_parser(
        "extract",
        parents=[shared],
        help="find and resolve the places in reports; JSON, GeoJSON, CSV or GeoParquet",
        description="Find and resolve the places that reports mention. json is one object "
        "per document (every mention, resolved or not, with its candidates); geojson, csv "
        "and parquet are one row per resolved mention.",
        epilog=_EXIT_CODES,
    )
    e.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o suffix, else json)",
    )
    e.add_argument(
        "-o", "--output", metavar="OUT", help="output file (default stdout; needed for parquet)"
    )
    e.add_argument(
        "--rows",
        choices=("mentions", "events"),
        default="mentions",
        help="table rows: one per resolved mention (default) or one per event location, "
        "with ACLED-like columns (geojson, csv, parquet)",
    )
    e.set_defaults(func=cmd_extract)

    m = sub.add_parser(
        "map",
        parents=[shared],
        help="draw the places in reports on an interactive HTML map",
        description="Draw the places that reports mention on a Leaflet/Folium HTML map: one "
        "circle per place and event type, popups quoting the report sentence.",
        epilog=_EXIT_CODES,
    )
    m.add_argument("-o", "--output", required=True, metavar="HTML", help="map file to write")
    m.add_argument("--heatmap", action="store_true", help="add a heat-map layer")
    m.add_argument(
        "--mentioned",
        action="store_true",
        help="show the grey layer of places that are only mentioned (origins, bases, "
        "datelines) from the start; otherwise it is off until ticked",
    )
    m.add_argument(
        "--time-slider", action="store_true", help="add a time slider over the mention dates"
    )
    m.add_argument(
        "--offline",
        action="store_true",
        help="self-contained HTML: no tiles, Leaflet inlined from a local copy "
        "(xstatic-leaflet packages or --assets)",
    )
    m.add_argument(
        "--assets",
        metavar="DIR",
        help="npm node_modules folder with leaflet and its plugins (implies --offline)",
    )
    m.set_defaults(func=cmd_map)

    v = sub.add_parser(
        "evaluate",
        parents=[gazetteer_options],
        help="score extraction on the LGL / GeoWebNews corpora (run in the source checkout)",
        description="Run benchmarks/eval_corpora.py of the source checkout: recognition "
        "and resolution scores on the LGL and GeoWebNews corpora (not shipped). " + EVAL_HOW,
    )
    v.add_argument(
        "--lgl",
        metavar="PATH",
        help="LGL lgl.xml (default: ../shared/corpora/LGL/lgl.xml if neither corpus is named)",
    )
    v.add_argument(
        "--gwn",
        metavar="PATH",
        help="GeoWebNews GWN.xml (default: ../shared/corpora/GeoWebNews/GWN.xml, likewise)",
    )
    v.add_argument("--limit", type=int, metavar="N", help="only the first N articles of each")
    v.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="count mentions below X as unresolved (default 0)",
    )
    v.set_defaults(func=cmd_evaluate)

    g = sub.add_parser("gazetteer", help="build or inspect gazetteer files")
    gsub = g.add_subparsers(dest="gazetteer_command", required=True)
    b = gsub.add_parser("build", help="build a gazetteer file from GeoNames dumps")
    b.add_argument("--geonames", required=True, metavar="DIR", help="folder of GeoNames files")
    b.add_argument("--extra", action="append", metavar="CSV", help="curated places CSV")
    b.add_argument("-o", "--output", required=True, metavar="FILE")
    b.add_argument(
        "--gazetteers",
        metavar="DIR",
        help="folder of deeper sources (WOF, OpenSyria, OurAirports; ../shared/gazetteers)",
    )
    b.add_argument("--layers-out", metavar="DIR", help="where to write the village layer files")
    b.add_argument(
        "--admin1-points",
        metavar="GEOJSON",
        help="label points for first-level divisions (Natural Earth admin-1 label points)",
    )
    b.set_defaults(func=cmd_gazetteer_build)
    i = gsub.add_parser("info", parents=[gazetteer_options], help="describe the gazetteer")
    i.set_defaults(func=cmd_gazetteer_info)
    a = gsub.add_parser(
        "add",
        parents=[gazetteer_options],
        help="check a CSV of user places layered over the gazetteer",
    )
    a.add_argument("csv")
    a.set_defaults(func=cmd_gazetteer_add)

    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``); returns the exit code.

    >>> main(["resolve", "Dayr az Zawr", "--limit", "1"])  # doctest: +ELLIPSIS
    1. Deir ez-Zor (Deir ez-Zor, SY) 35.33588,40.14084 PPLA geonames:170794
    ...
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, TypeError, OSError, UnicodeDecodeError) as exc:
        if isinstance(exc, BrokenPipeError):
            return EXIT_OK
        print(f"geomentions: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
