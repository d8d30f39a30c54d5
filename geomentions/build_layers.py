"""Deeper gazetteer layers from ``../shared/gazetteers`` (see its MANIFEST.md): villages, and
first-level divisions' names in other languages, from Who's On First; Syria's governorates,
districts and sub-districts with OCHA p-codes from OpenSyria; airfields from OurAirports.

The base file gains the sub-districts (ADM3), the p-codes and the airfields; the villages go
to one Parquet file per country in ``gazetteer/layers/`` (``villages-sy.parquet``), which
:meth:`geomentions.gazetteer.Gazetteer.default` loads as layers. Every row says where it
comes from in ``source``: ``wof``, ``opensyria``, ``ourairports`` (and ``geonames``,
``curated:...`` as before).

Caveats of the raw files are applied here (MANIFEST §1): deprecated WOF rows are dropped,
float-mangled admin1 codes ("9.0") are read as GeoNames codes ("09"), only rows with a
GeoNames id are kept (the rows without one carry most of the wrong labels), a row already in
the base file (same geonameid, or same name within a few km) is not added twice, and a WOF
label that is another place's name far away ("Kobanî" on both Afrin records) is dropped.
"""

from __future__ import annotations

import csv
import gzip
import json
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz.distance import Indel

from .build import PlaceRow, keep_name, write
from .geo import haversine_km
from .names import key as name_key
from .names import skeleton
from .plausibility import is_common_word

log = logging.getLogger(__name__)

#: Countries whose villages ship in the default gazetteer (lower-case layer names).
DEFAULT_VILLAGE_LAYERS: tuple[str, ...] = (
    "sy", "iq", "ye", "ly", "lb", "ps", "af", "sd", "so", "ml", "ua",
)  # fmt: skip
#: Countries whose villages ship as optional layers (``Gazetteer.default(layers=...)``).
OPTIONAL_VILLAGE_LAYERS: tuple[str, ...] = (
    "ng", "et", "cd", "bf", "ne", "mm", "ss", "cf", "mz", "cm", "td", "pk", "ht", "co", "il",
    "ir", "tr", "az", "am", "ge", "by", "md",
)  # fmt: skip
VILLAGE_SOURCE = "wof"
ATTRIBUTION_WOF = (
    "Villages: Who's On First (whosonfirst.org), contains data from GeoNames, CC BY 4.0"
)
ATTRIBUTION_OPENSYRIA = (
    "Syria sub-districts and p-codes: OpenSyria Data Geography (CC BY 4.0), incl. OCHA COD"
)
ATTRIBUTION_OURAIRPORTS = "Airfields: OurAirports (public domain)"

# WOF name languages worth indexing for our users (Arabic, Persian/Dari/Pashto, Russian,
# Ukrainian, Belarusian, English, French, undetermined variants).
_WOF_LANGS = ("ara", "fas", "prs", "pus", "rus", "ukr", "bel", "eng", "fra", "und")
_WOF_PLACETYPES = {"locality": "PPL", "neighbourhood": "PPLX"}
# A WOF label naming a place this far from the row belongs to that other place.
_LABEL_CLASH_KM = 25.0
# Two rows of the same name (or of names this alike) this close are one place.
_SAME_PLACE_KM = 5.0
_ALIKE = 0.8
_CELL = 0.05  # degrees: about 5 km


def _admin1_code(raw: str) -> str:
    """GeoNames admin1 code from WOF's float-mangled form: "9.0" -> "09", "ENG" stays."""
    raw = raw.strip()
    if re.fullmatch(r"\d+\.0", raw):
        return f"{int(float(raw)):02d}"
    return raw


def _gn_id(raw: str) -> str:
    raw = raw.strip()
    return raw if raw.isdigit() and int(raw) > 0 else ""


def _alike(a: str, b: str) -> bool:
    """Two keys that are spellings of one name ("shuafat"/"shufat", "isjum"/"izium")."""
    return Indel.normalized_similarity(a, b) >= _ALIKE


class _KeyIndex:
    """Name key -> places (lat, lon, place_id) in one country, for clash and duplicate checks,
    and a coarse grid of keys for "what is called what near here"."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
        self._grid: dict[tuple[int, int], set[str]] = defaultdict(set)

    def add(self, keys: Iterable[str], lat: float, lon: float, pid: str) -> None:
        cell = (int(lat // _CELL), int(lon // _CELL))
        for k in set(keys):
            if k:
                self._by_key[k].append((lat, lon, pid))
                self._grid[cell].add(k)

    def has(self, k: str) -> bool:
        return k in self._by_key

    def keys_near(self, lat: float, lon: float) -> set[str]:
        """Keys of places within about one grid cell (a few km) of a point."""
        i, j = int(lat // _CELL), int(lon // _CELL)
        out: set[str] = set()
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                for k in self._grid.get((i + di, j + dj), ()):
                    if self.near(k, lat, lon, _SAME_PLACE_KM):
                        out.add(k)
        return out

    def near(self, k: str, lat: float, lon: float, km: float) -> bool:
        return any(haversine_km(lat, lon, a, b) <= km for a, b, _ in self._by_key.get(k, ()))

    def far(self, k: str, lat: float, lon: float, km: float, own: str) -> bool:
        return any(
            pid != own and haversine_km(lat, lon, a, b) > km
            for a, b, pid in self._by_key.get(k, ())
        )


def _country_indexes(rows: Iterable[PlaceRow], countries: set[str]) -> dict[str, _KeyIndex]:
    out: dict[str, _KeyIndex] = defaultdict(_KeyIndex)
    for r in rows:
        if r.country_code in countries and r.feature_class in ("P", "A"):
            out[r.country_code].add((name_key(n) for n in r.names), r.lat, r.lon, r.place_id)
    return out


# --- Who's On First villages -----------------------------------------------------------------
def read_wof(
    path: Path,
    *,
    known_ids: set[str],
    base_index: _KeyIndex,
    admin1_names: dict[str, str],
    admin1_pcodes: dict[str, str],
) -> list[PlaceRow]:
    """Village rows of one WOF country file that the base gazetteer lacks."""
    records = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh, delimiter="\t"):
            # A short row (a stray tab in a source record) reads its missing fields as "".
            rec = {k: (v or "").strip() for k, v in raw.items() if k is not None}
            try:
                float(rec.get("lat", "")), float(rec.get("lon", ""))
            except ValueError:
                continue  # no usable point
            gid = _gn_id(rec.get("gn_id", ""))
            fcode = _WOF_PLACETYPES.get(rec.get("placetype", ""))
            if rec.get("deprecated") or not gid or fcode is None:
                continue
            if rec.get("gn_feature_class") and rec["gn_feature_class"] != "P":
                continue
            records.append((int(gid), rec))
    records.sort(key=lambda t: t[0])  # deterministic: GeoNames id order
    # Own names (WOF name, GeoNames name and ASCII name) of every record: a label in another
    # record's multilingual names that is one of these, far away, is a wrong label.
    own_index = _KeyIndex()
    for gid, rec in records:
        own = (rec.get("name", ""), rec.get("gn_name", ""), rec.get("gn_asciiname", ""))
        own_index.add((name_key(n) for n in own), float(rec["lat"]), float(rec["lon"]), str(gid))
    out: dict[str, PlaceRow] = {}
    for gid, rec in records:
        pid = f"geonames:{gid}"
        if pid in known_ids or pid in out:
            continue  # dedup by geonameid: the base row (or an earlier record) has it
        lat, lon = float(rec["lat"]), float(rec["lon"])
        cc = (rec.get("gn_country_code") or rec.get("country", "")).upper()
        own = [n for n in (rec.get("gn_name"), rec.get("name"), rec.get("gn_asciiname")) if n]
        if not own:
            continue
        own_keys = {name_key(n) for n in own}
        own_skeletons = {skeleton(k) for k in own_keys}
        if any(base_index.near(k, lat, lon, _SAME_PLACE_KM) for k in own_keys) or any(
            _alike(k, other) for k in own_keys for other in base_index.keys_near(lat, lon)
        ):
            continue  # dedup by name and distance: the base already has this place
        a1 = _admin1_code(rec.get("gn_admin1_code", ""))
        code = rec.get("gn_feature_code") or _WOF_PLACETYPES[rec["placetype"]]
        row = PlaceRow(
            place_id=pid,
            name=own[0],
            lat=lat,
            lon=lon,
            country_code=cc,
            feature_class="P",
            feature_code=code,
            admin1_code=a1,
            admin1=admin1_names.get(f"{cc}.{a1}", ""),
            population=int(float(rec.get("gn_population") or 0)),
            source=VILLAGE_SOURCE,
            # WOF's label lists are largely bot-made (Cebuano, Scots): no notability signal.
            n_alt=0,
        )
        row.admin1_pcode = admin1_pcodes.get(f"{cc}.{a1}", "")
        row.add_names(own)
        labels = []
        try:
            names = json.loads(rec.get("names") or "{}")
        except json.JSONDecodeError:
            names = {}
        for tag in sorted(names):
            if tag.split("_")[0] in _WOF_LANGS:
                labels.extend(names[tag])
        if any(base_index.near(name_key(n), lat, lon, _SAME_PLACE_KM) for n in labels):
            continue  # a twin record of a base place that another script spells alike (Izium)
        for label in labels:
            k = name_key(label)
            if k in own_keys or skeleton(k) in own_skeletons:
                row.add_names([label])  # a spelling of the row's own name, any script
            elif not (own_index.far(k, lat, lon, _LABEL_CLASH_KM, str(gid)) or base_index.has(k)):
                row.add_names([label])  # not a spelling of its own name, nor another place's
        out[pid] = row
    # Dedup by name and distance among the new rows too: GeoNames has twin records.
    kept: list[PlaceRow] = []
    seen = _KeyIndex()
    for row in out.values():
        keys = {name_key(row.name)}
        if any(seen.near(k, row.lat, row.lon, _SAME_PLACE_KM) for k in keys):
            continue
        seen.add(keys, row.lat, row.lon, row.place_id)
        kept.append(row)
    return kept


# --- OpenSyria: governorates, districts, sub-districts with OCHA p-codes ------------------------
def _read_json(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def add_opensyria(rows: list[PlaceRow], directory: Path, admin1: dict[str, str]) -> dict[str, str]:
    """Put OCHA p-codes on Syria's divisions and places and add the 272 sub-districts (ADM3).

    ``admin1`` maps GeoNames "SY.09" codes to their geonameid. Returns "SY.09" -> p-code.
    """
    govs = _read_json(directory / "governorates.json.gz")
    dists = _read_json(directory / "districts.json.gz")
    subs = _read_json(directory / "subdistricts.json.gz")
    gov_pcode = {g["id"]: g["externalIds"]["ochaPcode"] for g in govs}
    dist_pcode = {d["id"]: d["externalIds"]["ochaPcode"] for d in dists}
    by_id = {r.place_id: r for r in rows}
    # Governorates and districts: the GeoNames division rows with the same geonameid.
    pcode_of_gid = {}
    for rec in govs + dists:
        gid = rec["externalIds"].get("geonames")
        if gid:
            pcode_of_gid[f"geonames:{gid}"] = rec["externalIds"]["ochaPcode"]
    a1_pcode = {
        code: pcode_of_gid[f"geonames:{gid}"]
        for code, gid in admin1.items()
        if f"geonames:{gid}" in pcode_of_gid and code.startswith("SY.")
    }
    # A district's p-code goes to its places only through the district row's own name.
    a2_pcode: dict[tuple[str, str], str] = {}
    for pid, pcode in pcode_of_gid.items():
        row = by_id.get(pid)
        if row is None or row.country_code != "SY":
            continue
        if row.feature_code == "ADM1":
            row.admin1_pcode = pcode
        elif row.feature_code == "ADM2":
            row.admin1_pcode = pcode[:4]
            row.admin2_pcode = pcode
            a2_pcode[(row.admin1_code, row.admin2_code)] = pcode
    for row in rows:
        if row.country_code != "SY" or row.feature_code in ("ADM1", "ADM2"):
            continue
        row.admin1_pcode = a1_pcode.get(f"SY.{row.admin1_code}", "")
        if row.admin2_code:
            row.admin2_pcode = a2_pcode.get((row.admin1_code, row.admin2_code), "")
    a1_name = {
        r.admin1_pcode: r.name for r in rows if r.country_code == "SY" and r.feature_code == "ADM1"
    }
    # Curated rows name their governorate ("Latakia") but carry no GeoNames code.
    a1_by_key = {
        name_key(n): r.admin1_pcode
        for r in rows
        if r.country_code == "SY" and r.feature_code == "ADM1" and r.admin1_pcode
        for n in r.names
    }
    for row in rows:
        if row.country_code == "SY" and not row.admin1_pcode and row.admin1:
            row.admin1_pcode = a1_by_key.get(name_key(row.admin1), "")
    # Sub-districts: new ADM3 rows.
    added = 0
    for rec in sorted(subs, key=lambda s: s["externalIds"]["ochaPcode"]):
        ext = rec["externalIds"]
        gid = ext.get("geonames")
        pid = (
            f"geonames:{gid}"
            if gid and f"geonames:{gid}" not in by_id
            else f"opensyria:{rec['id']}"
        )
        area = float((rec.get("area") or {}).get("value") or 0)
        pop = (rec.get("population") or {}).get("value") or 0
        pcode = ext["ochaPcode"]
        row = PlaceRow(
            place_id=pid,
            name=rec["name"]["en"],
            lat=float(rec["centroid"]["latitude"]),
            lon=float(rec["centroid"]["longitude"]),
            country_code="SY",
            feature_class="A",
            feature_code="ADM3",
            admin1=a1_name.get(pcode[:4], ""),
            population=int(pop),
            radius_km=round(math.sqrt(area / math.pi), 1) if area else 0.0,
            source="opensyria",
            n_alt=10,  # divisions are notable by rank (as build does for ADM2)
        )
        row.admin1_pcode = gov_pcode.get(rec["governorateId"], pcode[:4])
        row.admin2_pcode = dist_pcode.get(rec["districtId"], pcode[:6])
        row.admin3_pcode = pcode
        row.add_names([rec["name"]["en"], rec["name"]["ar"]])
        # An alias that is an everyday word (غارة, "raid") would turn the word into the place.
        row.add_names(a["value"] for a in rec.get("aliases", ()) if not is_common_word(a["value"]))
        rows.append(row)
        by_id[pid] = row
        added += 1
    log.info("opensyria: %d sub-districts, p-codes on %d governorates", added, len(a1_pcode))
    return a1_pcode


# --- OurAirports airfields ------------------------------------------------------------------
_AIRBASE_WORDS = re.compile(r"air\s*base|airbase|military|army air|\bAAF\b|\bAB\b", re.I)
_ICAO = re.compile(r"^[A-Z]{4}$")
# An airfield's keyword that is its town's name would make the town's name an airfield.
_TOWN_KM = 50.0


def add_ourairports(
    rows: list[PlaceRow], path: Path, countries: Iterable[str], small_countries: Iterable[str]
) -> int:
    """Merge OurAirports airfields of ``countries`` into the airport rows; returns rows added.

    An airfield already present (same ICAO code, or an airport row within 5 km) gains the
    OurAirports name and keywords (Arabic names such as "مطار دمشق الدولي") as names; others
    become rows of their own. Small airfields count only in ``small_countries`` and heliports
    only when military; keywords that are a nearby town's name are left out.
    """
    countries, small = set(countries), set(small_countries)
    airports = [r for r in rows if r.feature_class == "S" and r.feature_code.startswith("AIR")]
    by_icao: dict[str, PlaceRow] = {}
    for r in airports:
        for n in [r.place_id.rsplit("-", 1)[-1].upper(), *r.names, r.source.rsplit(":", 1)[-1]]:
            if _ICAO.match(n):
                by_icao.setdefault(n, r)
    towns = _country_indexes(rows, countries)
    added = 0
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        recs = sorted(csv.DictReader(fh), key=lambda r: r["ident"])
    for rec in recs:
        cc, kind, name = rec["iso_country"], rec["type"], rec["name"].strip()
        military = bool(_AIRBASE_WORDS.search(name))
        wanted = kind in ("large_airport", "medium_airport") or (
            (kind == "small_airport" and cc in small) or (kind == "heliport" and military)
        )
        if cc not in countries or not wanted or not name:
            continue
        lat, lon = float(rec["latitude_deg"]), float(rec["longitude_deg"])
        index = towns.get(cc)
        labels = [name] + [k.strip().strip("\u200e") for k in rec["keywords"].split(",")]
        labels = [
            n
            for n in labels
            if n
            and keep_name(n)
            and (n == name or not is_common_word(n))  # keyword "Kurdish" is no airfield's name
            and not (index and index.near(name_key(n), lat, lon, _TOWN_KM))
        ]
        icao = next((c for c in (rec["gps_code"], rec["ident"]) if _ICAO.match(c or "")), "")
        same = by_icao.get(icao) or next(
            (a for a in airports if haversine_km(a.lat, a.lon, lat, lon) <= _SAME_PLACE_KM), None
        )
        if same is not None:
            same.add_names(labels)  # the curated row keeps its name, id and coordinates
            continue
        if not labels:
            continue
        code = "AIRB" if military else ("AIRF" if kind == "small_airport" else "AIRP")
        row = PlaceRow(
            place_id=f"ourairports:{rec['ident']}",
            name=name,
            lat=lat,
            lon=lon,
            country_code=cc,
            feature_class="S",
            feature_code=code,
            source="ourairports",
        )
        row.add_names(labels)
        if icao:
            row.names.append(icao)  # ICAO codes are safe names (4 capitals), as in airports.csv
        rows.append(row)
        airports.append(row)
        added += 1
    log.info("ourairports: %d airfields added", added)
    return added


# --- Who's On First names of first-level divisions ------------------------------------------
#: Shorter keys are codes ("EN", "GA", "KN"), not names.
_MIN_REGION_KEY = 4


def add_wof_region_names(rows: list[PlaceRow], paths: Iterable[Path]) -> int:
    """Give the base gazetteer's first-level divisions the names WOF's region records list
    for them in our users' languages ("Sud-Kivu", "Extrême-Nord", "ولاية بورنو",
    "Донецкая область"): GeoNames' admin codes file has one English name per division.

    A record is matched to its base row by GeoNames id. A label is added when its key is one
    of the row's own, or when it names no other place of the base gazetteer (WOF's label
    lists carry bot-made and generic names: "Nord", "South"), is no spelling of a town of the
    country (a division named after its seat city: the bare name is the city) and is not all
    everyday words ("Seventh Region"). Returns how many names were added."""
    adm1 = {r.place_id: r for r in rows if r.feature_code == "ADM1"}
    taken: dict[str, set[str]] = defaultdict(set)  # key -> place ids that have it
    towns: dict[str, set[str]] = defaultdict(set)  # country -> keys of its towns
    for r in rows:
        for n in r.names:
            taken[name_key(n)].add(r.place_id)
            if r.feature_class == "P":
                towns[r.country_code].add(name_key(n))
    added = 0
    for path in sorted(paths):
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            # Streamed: a file holds hundreds of thousands of localities and a few regions.
            regions = [
                {k: (v or "").strip() for k, v in raw.items() if k is not None}
                for raw in csv.DictReader(fh, delimiter="\t")
                if (raw.get("placetype") or "").strip() == "region"
            ]
        for rec in regions:
            if rec.get("deprecated"):
                continue
            try:
                concordances = json.loads(rec.get("concordances") or "{}")
                names = json.loads(rec.get("names") or "{}")
            except json.JSONDecodeError:
                continue
            gid = _gn_id(rec.get("gn_id", "")) or _gn_id(str(concordances.get("gn:id", "")))
            row = adm1.get(f"geonames:{gid}") if gid else None
            if row is None:
                continue
            own = {name_key(n) for n in row.names}
            before = len(row.names)
            for tag in sorted(names):
                if tag.split("_")[0] not in _WOF_LANGS:
                    continue
                for label in names[tag]:
                    k = name_key(label)
                    if len(k) < _MIN_REGION_KEY:
                        continue
                    if k not in own and (
                        taken.get(k)
                        # "خاركيف" is Kharkiv, the city, before its oblast (which borrowed
                        # the city's own spellings, "خاركوف", as a division named after it).
                        or _town_alike(k, towns[row.country_code])
                        # "Seventh Region" (Gao), "Centre": everyday words, in any report.
                        or all(is_common_word(w) for w in label.split())
                    ):
                        continue
                    row.add_names([label])
                    taken[k].add(row.place_id)
            added += len(row.names) - before
    return added


def _town_alike(k: str, town_keys: set[str]) -> bool:
    """Whether a key is a spelling of a town's name in the same country (an Arabic or
    Cyrillic label read into Latin letters differs from the town's key by a letter)."""
    return k in town_keys or any(_alike(k, t) for t in town_keys if abs(len(t) - len(k)) <= 2)


# --- assembly --------------------------------------------------------------------------------
def extend(
    rows: list[PlaceRow],
    gazetteers_dir: str | Path,
    admin1: dict[str, tuple[str, str, str]],
    layers_out: str | Path | None = None,
    layers: Iterable[str] = DEFAULT_VILLAGE_LAYERS + OPTIONAL_VILLAGE_LAYERS,
) -> list[Path]:
    """Add the deeper layers to a base gazetteer's rows (in place) and write village layer
    files to ``layers_out``; returns the files written."""
    d = Path(gazetteers_dir)
    if not d.is_dir():
        raise FileNotFoundError(f"gazetteers directory not found: {d}")
    admin1_gid = {code: gid for code, (_n, _a, gid) in admin1.items()}
    a1_pcode: dict[str, str] = {}
    if (d / "opensyria").is_dir():
        a1_pcode = add_opensyria(rows, d / "opensyria", admin1_gid)
    if (d / "ourairports" / "airports.csv.gz").exists():
        conflict = {c.upper() for c in DEFAULT_VILLAGE_LAYERS + OPTIONAL_VILLAGE_LAYERS}
        small = {c.upper() for c in DEFAULT_VILLAGE_LAYERS}
        add_ourairports(rows, d / "ourairports" / "airports.csv.gz", conflict, small)
    written: list[Path] = []
    if layers_out is not None:
        written = _write_village_layers(rows, d, layers, Path(layers_out), a1_pcode, admin1)
    # After the villages: their dedup against the base must not see these names.
    wof = sorted((d / "whosonfirst").glob("wof-admin-*.tsv.gz"))
    if wof:
        log.info("division names from WOF: %d added", add_wof_region_names(rows, wof))
    return written


def _write_village_layers(
    rows: list[PlaceRow],
    d: Path,
    layers: Iterable[str],
    out_dir: Path,
    a1_pcode: dict[str, str],
    admin1: dict[str, tuple[str, str, str]],
) -> list[Path]:
    """One village file per layer: WOF's populated places the base rows lack."""
    written: list[Path] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    known = {r.place_id for r in rows}
    layer_list = list(layers)
    indexes = _country_indexes(rows, {c.upper() for c in layer_list})
    admin1_names = {code: name for code, (name, _a, _g) in admin1.items()}
    for layer in layer_list:
        path = d / "whosonfirst" / f"wof-admin-{layer}.tsv.gz"
        if not path.exists():
            log.warning("no WOF file for layer %s: %s", layer, path)
            continue
        villages = read_wof(
            path,
            known_ids=known,
            base_index=indexes.get(layer.upper(), _KeyIndex()),
            admin1_names=admin1_names,
            admin1_pcodes=a1_pcode,
        )
        written.append(write(villages, out_dir / f"villages-{layer}.parquet"))
        log.info("layer %s: %d villages", layer, len(villages))
    return written
