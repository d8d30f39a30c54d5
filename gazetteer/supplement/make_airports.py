"""Write ``airports.csv`` (supplement schema) from the ``airportsdata`` package.

Reproducible build step, not library code: ``airportsdata`` is needed only here
(``pip install airportsdata``). Run from the repository root::

    python gazetteer/supplement/make_airports.py -o gazetteer/supplement/airports.csv

Airports that a curated ``places.csv`` row already stands for are left out, so each
airfield appears once. A curated row is linked to an airport by a 4-letter ICAO code in its
``alt_names`` or by a ``source`` of ``airportsdata:<ICAO>``. With ``--sync-places`` the linked
curated rows take airportsdata's coordinates and source when both agree within 3 km; larger
disagreements are only reported, for a person to settle.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

if str(Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # from a checkout

from geomentions.geo import haversine_km  # noqa: E402

HERE = Path(__file__).resolve().parent

#: Columns shared by places.csv and airports.csv, in this order.
FIELDS: tuple[str, ...] = (
    "id", "name", "name_ar", "name_ru", "alt_names", "feature_class", "feature_code",
    "country_code", "admin1", "lat", "lon", "radius_km", "population", "source",
)  # fmt: skip

#: Countries whose airports conflict reporting on Syria, Iraq, Libya, Yemen and Ukraine names.
COUNTRIES: tuple[str, ...] = (
    "SY", "IQ", "LY", "YE", "UA", "LB", "JO", "TR", "IL", "PS", "IR", "SA", "QA", "KW", "AE",
    "AF", "RU",
)  # fmt: skip

#: Curated and airportsdata coordinates closer than this are the same point for our purposes.
AGREE_KM = 3.0

_MILITARY = re.compile(
    r"\b(air ?base|air force|army air ?field|military|naval air|naval base|air station"
    r"|air college)\b",
    re.I,
)
_AIRFIELD = re.compile(r"\b(airfield|air ?strip|highway strip|landing strip)\b", re.I)
_ICAO = re.compile(r"^[A-Z]{4}$")


def airport_id(icao: str) -> str:
    """Our id for an airportsdata code; pseudo-codes keep only letters and digits.

    >>> airport_id("OSDI"), airport_id("_AYM")
    ('gm:icao-osdi', 'gm:icao-aym')
    """
    slug = re.sub(r"[^a-z0-9]+", "-", icao.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make an id from airport code {icao!r}")
    return f"gm:icao-{slug}"


def feature_code_for(name: str) -> str:
    """GeoNames feature code for an airport name: AIRB (military), AIRF (airfield) or AIRP.

    >>> feature_code_for("Al Asad Air Base"), feature_code_for("Bashur Airfield")
    ('AIRB', 'AIRF')
    >>> feature_code_for("Mosul International Airport")
    'AIRP'
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    if _MILITARY.search(name):
        return "AIRB"
    if _AIRFIELD.search(name):
        return "AIRF"
    return "AIRP"


def linked_icao(row: Mapping[str, str]) -> set[str]:
    """ICAO codes a curated row claims: 4-letter codes in alt_names and an airportsdata source.

    >>> sorted(linked_icao({"alt_names": "Hmeimim|OSLK", "source": "wikipedia:Khmeimim_Air_Base"}))
    ['OSLK']
    >>> sorted(linked_icao({"alt_names": "Shayrat", "source": "airportsdata:OS65"}))
    ['OS65']
    """
    codes = {a.strip() for a in row.get("alt_names", "").split("|") if _ICAO.match(a.strip())}
    source = row.get("source", "")
    if source.startswith("airportsdata:"):
        codes.add(source.split(":", 1)[1])
    return codes


def airport_row(icao: str, rec: Mapping[str, object]) -> dict[str, str]:
    """One airportsdata record as a supplement row (names only in Latin script).

    Bare IATA codes are never names: three letters collide with ordinary words.

    >>> r = airport_row("OSDI", {"name": "Damascus International Airport", "subd": "Rif-dimashq",
    ...                          "country": "SY", "lat": 33.4115, "lon": 36.5156})
    >>> r["id"], r["feature_code"], r["alt_names"], r["source"]
    ('gm:icao-osdi', 'AIRP', 'Damascus Airport|OSDI', 'airportsdata:OSDI')
    """
    name = str(rec["name"]).strip()
    if not name:
        raise ValueError(f"airport {icao} has no name")
    lat, lon = float(rec["lat"]), float(rec["lon"])  # type: ignore[arg-type]
    alts: list[str] = []
    short = re.sub(r"\bInternational Airport$", "Airport", name)
    if short != name:
        alts.append(short)
    if _ICAO.match(icao):
        alts.append(icao)
    return {
        "id": airport_id(icao),
        "name": name,
        "name_ar": "",
        "name_ru": "",
        "alt_names": "|".join(alts),
        "feature_class": "S",
        "feature_code": feature_code_for(name),
        "country_code": str(rec["country"]).upper(),
        "admin1": str(rec.get("subd") or "").strip(),
        "lat": f"{lat:.5f}",
        "lon": f"{lon:.5f}",
        "radius_km": "0",
        "population": "",
        "source": f"airportsdata:{icao}",
    }


def airport_rows(
    airports: Mapping[str, Mapping[str, object]],
    countries: Iterable[str] = COUNTRIES,
    skip: Iterable[str] = (),
) -> list[dict[str, str]]:
    """Rows for all airports in ``countries`` except the ICAO codes in ``skip``, sorted.

    >>> data = {"OSDI": {"name": "Damascus International Airport", "country": "SY",
    ...                  "lat": 33.4, "lon": 36.5}, "EGLL": {"name": "Heathrow Airport",
    ...                  "country": "GB", "lat": 51.5, "lon": -0.5}}
    >>> [r["id"] for r in airport_rows(data, ["SY", "GB"], skip=["EGLL"])]
    ['gm:icao-osdi']
    """
    wanted, skipped = set(countries), set(skip)
    rows = [
        airport_row(icao, rec)
        for icao, rec in airports.items()
        if rec.get("country") in wanted and icao not in skipped
    ]
    return sorted(rows, key=lambda r: (r["country_code"], r["id"]))


def _row_km(a: Mapping[str, str], b: Mapping[str, str]) -> float:
    return haversine_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))


def merge_pseudo_duplicates(
    rows: list[dict[str, str]], km: float = 1.0
) -> tuple[list[dict[str, str]], list[str]]:
    """Fold airports with an internal pseudo-code into a real-ICAO airport within ``km``.

    airportsdata sometimes lists one airfield twice (a real ICAO code and a pseudo-code such
    as ``OS73``); one dot per airfield is what a map reader expects. The dropped row's name
    becomes an alternate name of the kept one.

    >>> real = airport_row("LLFK", {"name": "Fiq Airfield", "country": "IL",
    ...                             "lat": 32.78639, "lon": 35.7175})
    >>> pseudo = airport_row("OS73", {"name": "Al Al Airport", "country": "SY",
    ...                               "lat": 32.7867, "lon": 35.718})
    >>> kept, notes = merge_pseudo_duplicates([real, pseudo])
    >>> [r["id"] for r in kept], kept[0]["alt_names"]
    (['gm:icao-llfk'], 'LLFK|Al Al Airport')
    """

    def code(row: Mapping[str, str]) -> str:
        return row["source"].split(":", 1)[1]

    reals = [r for r in rows if _ICAO.match(code(r))]
    kept, notes = [], []
    for row in rows:
        if not _ICAO.match(code(row)):
            near = [r for r in reals if _row_km(r, row) <= km]
            if near:
                target = near[0]
                alts = [a for a in target["alt_names"].split("|") if a]
                if row["name"] != target["name"]:
                    alts.append(row["name"])
                target["alt_names"] = "|".join(dict.fromkeys(alts))
                notes.append(f"{code(row)} ({row['name']}) merged into {code(target)}")
                continue
        kept.append(row)
    return kept, notes


def sync_places(
    places: list[dict[str, str]], airports: Mapping[str, Mapping[str, object]]
) -> list[str]:
    """Move linked curated rows onto airportsdata coordinates where they agree; return notes.

    Rows are changed in place. A row whose coordinates differ by more than ``AGREE_KM``
    keeps its own and gets a note instead.

    >>> row = {"id": "gm:x", "alt_names": "OSDI", "lat": "33.41", "lon": "36.52", "source": "w"}
    >>> sync_places([row], {"OSDI": {"lat": 33.4115, "lon": 36.5156}})
    ['gm:x: OSDI 0.4 km -> airportsdata']
    >>> row["lat"], row["source"]
    ('33.41150', 'airportsdata:OSDI')
    """
    notes = []
    for row in places:
        for icao in sorted(linked_icao(row) & set(airports)):
            rec = airports[icao]
            lat, lon = float(rec["lat"]), float(rec["lon"])  # type: ignore[arg-type]
            d = haversine_km(float(row["lat"]), float(row["lon"]), lat, lon)
            if d <= AGREE_KM:
                row["lat"], row["lon"] = f"{lat:.5f}", f"{lon:.5f}"
                row["source"] = f"airportsdata:{icao}"
                notes.append(f"{row['id']}: {icao} {d:.1f} km -> airportsdata")
            else:
                notes.append(f"{row['id']}: {icao} DISAGREES by {d:.1f} km, kept curated")
    return notes


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a supplement CSV, checking its header."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != FIELDS:
            raise ValueError(f"{path}: columns must be exactly {','.join(FIELDS)}")
        return list(reader)


def write_csv(path: Path, rows: Iterable[Mapping[str, str]]) -> None:
    """Write rows with the fixed header, minimal quoting and ``\\n`` line ends (stable diffs)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, required=True, help="airports.csv to write")
    ap.add_argument("--places", type=Path, default=HERE / "places.csv", help="curated places.csv")
    ap.add_argument(
        "--sync-places", action="store_true", help="rewrite places.csv coordinates (see above)"
    )
    args = ap.parse_args(argv)

    import airportsdata  # a build-time tool only, so imported here and not by the library

    airports = airportsdata.load("ICAO")
    places = read_csv(args.places) if args.places.exists() else []
    if args.sync_places:
        for note in sync_places(places, airports):
            print(note, file=sys.stderr)
        write_csv(args.places, places)
    claimed = set().union(*(linked_icao(p) for p in places)) if places else set()
    rows, notes = merge_pseudo_duplicates(airport_rows(airports, COUNTRIES, skip=claimed))
    for note in notes:
        print(note, file=sys.stderr)
    write_csv(args.output, rows)
    version = getattr(airportsdata, "__version__", "?")
    print(
        f"airportsdata {version}: wrote {len(rows)} airports to {args.output} "
        f"({len(claimed & set(airports))} left to curated places)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
