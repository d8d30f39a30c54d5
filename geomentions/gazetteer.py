"""The gazetteer: places, their names in every script, and the indexes to look them up.

A gazetteer file is a Parquet table built by :mod:`geomentions.build` (one row per place,
with list columns ``names`` and ``keys``). On first use it is converted into memory-mapped
Arrow columns with hash indexes for name keys and fuzzy skeletons (:mod:`geomentions.store`);
later loads map that cache. User places added with :meth:`Gazetteer.add_places` layer over
the file in plain dicts.

>>> gaz = Gazetteer.default()
>>> gaz.place(gaz.lookup("Halab")[0])["name"]
'Aleppo'
"""

from __future__ import annotations

import csv
import io
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .build import FORMAT_VERSION, PlaceRow, read_place_records
from .build_layers import DEFAULT_VILLAGE_LAYERS, OPTIONAL_VILLAGE_LAYERS
from .geo import EARTH_RADIUS_KM
from .names import key as name_key
from .names import skeleton
from .store import Store, Strings, _numpy, build_tables, column_array, open_store

__all__ = ["Gazetteer", "GazetteerError", "default_path", "layer_path", "DEFAULT_LAYERS", "LAYERS"]

DEFAULT_FILE = "geonames.parquet"
#: Village layers (lower-case country codes) loaded by ``Gazetteer.default()``, and all of them.
DEFAULT_LAYERS: tuple[str, ...] = DEFAULT_VILLAGE_LAYERS
LAYERS: tuple[str, ...] = DEFAULT_VILLAGE_LAYERS + OPTIONAL_VILLAGE_LAYERS
#: Columns a file may lack (older files, user files): they read as empty.
_OPTIONAL_COLUMNS = ("admin1_pcode", "admin2_pcode", "admin3_pcode")
_PLACE_COLUMNS = [
    "place_id", "name", "lat", "lon", "country_code", "feature_class", "feature_code",
    "admin1", "admin2", "population", "radius_km", "source", "n_alt", *_OPTIONAL_COLUMNS,
]  # fmt: skip
# Consonants a skeleton can hold; used to enumerate skeletons one edit away from a query's.
_SKELETON_ALPHABET = "bcdfghjklmnpqrstvxz0123456789\u0283"


def _records(data: Any) -> tuple[list[dict], str]:
    """Dict records (and where they came from) from a CSV path/buffer, DataFrame or records."""
    if isinstance(data, (str, Path)):
        return _csv_file_records(Path(data)), str(data)
    if isinstance(data, io.TextIOBase):
        return list(csv.DictReader(data)), "<csv>"
    # A DataFrame exists only once pandas is imported: no need to import it here (200 ms).
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(data, pd.DataFrame):
        frame = data.copy()
        crs = getattr(frame, "crs", None)
        if crs is not None and crs.to_epsg() != 4326:
            frame = frame.to_crs(4326)  # a projected frame: lat/lon are wanted
        if "geometry" in frame.columns and ("lat" not in frame or "lon" not in frame):
            frame["lat"] = frame.geometry.y
            frame["lon"] = frame.geometry.x
        return frame.drop(columns=["geometry"], errors="ignore").to_dict("records"), "<DataFrame>"
    if isinstance(data, Iterable):
        return [dict(r) for r in data], "<records>"
    raise TypeError(f"add_places takes a CSV path, DataFrame or records, not {type(data).__name__}")


def _csv_file_records(path: Path) -> list[dict]:
    """Rows of a user places CSV; a binary, non-UTF-8 or empty file is a clear error."""
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError(f"{path}: a binary file, not a places CSV (name,lat,lon,...)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{path}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8"
        ) from None
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    if not rows:
        raise ValueError(
            f"{path}: no places (a header line name,lat,lon,... and one row per place)"
        )
    return rows


def _blank(value: Any) -> bool:
    return (
        value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""
    )


def _is_alias(rec: dict) -> bool:
    return not _blank(rec.get("id")) and _blank(rec.get("lat")) and _blank(rec.get("lon"))


def _record_names(rec: dict) -> list[str]:
    names = [rec.get("name"), rec.get("name_ar"), rec.get("name_ru")]
    names += str(rec.get("alt_names") or "").split("|")
    return [str(n).strip() for n in names if not _blank(n)]


class LookupCache:
    """A small thread-safe memo for lookups on one gazetteer, bounded: when full, the older
    half goes (insertion order), so a long batch keeps its recent names."""

    def __init__(self, size: int = 100_000) -> None:
        self._data: dict = {}
        self._size = size
        self._lock = threading.Lock()
        # ``get(key)``: the dict's own method, no Python call in between (asked hundreds of
        # thousands of times in a batch); the dict is emptied in place, never replaced.
        self.get: Callable[[Any], Any] = self._data.get

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._put(key, value)

    def put_many(self, items: Iterable[tuple[Any, Any]]) -> None:
        """``put`` of each (key, value) in turn, under one taking of the lock."""
        with self._lock:
            for key, value in items:
                self._put(key, value)

    def _put(self, key: Any, value: Any) -> None:
        if len(self._data) >= self._size:
            for old in list(islice(self._data, self._size // 2)):
                del self._data[old]
        self._data[key] = value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


class GazetteerError(ValueError):
    """A gazetteer file is missing, truncated, corrupt or of an unknown format."""


def default_path() -> Path:
    """Where the shipped default gazetteer lives: inside the installed package, or the
    ``gazetteer/`` folder of a source checkout (editable installs)."""
    packaged = resources.files("geomentions") / "_gazetteer" / DEFAULT_FILE
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "gazetteer" / DEFAULT_FILE


def _empty(row: int) -> str:
    return ""


def layer_path(layer: str) -> Path:
    """The file of a shipped village layer ("sy" -> ``layers/villages-sy.parquet``)."""
    if layer not in LAYERS:
        raise GazetteerError(
            f"unknown gazetteer layer {layer!r}; layers are {', '.join(LAYERS)} (or 'all')"
        )
    return default_path().parent / "layers" / f"villages-{layer}.parquet"


def _layer_names(layers: Iterable[str] | str | None) -> tuple[str, ...]:
    """Layer names from None (the default ones), "all", "none", "default,ng" or ["sy", "IQ"]."""
    if layers is None:
        return DEFAULT_LAYERS
    if isinstance(layers, str):
        layers = [p for p in layers.replace(";", ",").split(",")]
    names: list[str] = []
    for layer in layers:
        layer = str(layer).strip().lower()
        if layer == "all":
            names.extend(LAYERS)
        elif layer == "default":
            names.extend(DEFAULT_LAYERS)
        elif layer and layer != "none":
            layer_path(layer)  # refuses unknown names clearly
            names.append(layer)
    return tuple(sorted(set(names), key=LAYERS.index))


class Gazetteer:
    """Places and a name index over them. Thread-safe for lookups.

    Rows are addressed by an integer ``row``; :meth:`place` gives a row's attributes.
    """

    _defaults: dict[tuple[str, ...], Gazetteer] = {}
    _default_lock = threading.Lock()

    def __init__(
        self,
        table: pa.Table | None = None,
        *,
        path: str | None = None,
        store: Store | None = None,
        layers: tuple[str, ...] = (),
    ) -> None:
        if store is None:
            if table is None:
                raise TypeError("Gazetteer needs a table (or a store)")
            store = Store.from_tables(build_tables(table), "memory")
        self.path = path
        #: Village layers loaded with the file ("sy", "iq", ...).
        self.layers = layers
        self._store = store
        places = store.places
        # Columns stay in their Arrow buffers (mapped from the cache): numbers as NumPy
        # views, low-cardinality text as codes + a short list, other text read per row.
        self._cols: dict[str, Any] = {}
        self._categories: dict[str, list[str]] = {}
        self._columns: list[str] = []
        for c in places.column_names:
            column = column_array(places.column(c))
            if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
                continue
            self._columns.append(c)
            if pa.types.is_dictionary(column.type):
                self._cols[c] = _numpy(column.indices)
                self._categories[c] = column.dictionary.to_pylist()
            elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                self._cols[c] = Strings(column)
            else:
                self._cols[c] = _numpy(column)
        self._getters = [(c, self._getter(c)) for c in self._columns]
        # Files made before p-codes (user files) read them as empty.
        self._getters += [(c, _empty) for c in _OPTIONAL_COLUMNS if c not in self._columns]
        self._names_col = places.column("names")
        self._names = Strings(store.names.column("name"))
        self._name_place = _numpy(column_array(store.names.column("place")))
        self._skel_index: dict[str, list[str]] | None = None
        # Layered user places: extra rows after the file's, indexed by plain dicts.
        self._extra: list[PlaceRow] = []
        self._row_of: dict[str, int] | None = None
        self._extra_keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._lock = threading.Lock()
        self.n_file_places = len(places)
        #: Bumped by add_places so that caches keyed on it see the new places.
        self.generation = 0
        #: Memo for name matching (see geomentions.resolution.match_name).
        self.cache = LookupCache()

    # --- construction ------------------------------------------------------------------------
    @classmethod
    def from_file(cls, path: str | Path, *, layers: Iterable[str] | str = ()) -> Gazetteer:
        """Load a gazetteer file (and shipped village ``layers``, e.g. ``["sy", "ng"]``).
        A missing, truncated or foreign file raises GazetteerError.

        The file and its layers are converted once into memory-mapped columns in a cache
        directory (:mod:`geomentions.store`); later loads map them in milliseconds.
        """
        names = _layer_names(layers)
        paths = [Path(path)] + [layer_path(n) for n in names]
        files = [cls._open(p, base=i == 0) for i, p in enumerate(paths)]

        def read() -> pa.Table:
            tables = []
            for p, parquet in zip(paths, files, strict=True):
                try:
                    tables.append(parquet.read())
                except (pa.ArrowException, OSError) as exc:
                    raise GazetteerError(f"cannot read gazetteer file {p}: {exc}") from exc
            if len(tables) == 1:
                return tables[0]
            # Layers share the base file's columns; one a layer lacks is left out of all.
            columns = [
                c for c in tables[0].column_names if all(c in t.column_names for t in tables)
            ]
            meta = tables[0].schema.metadata
            return pa.concat_tables(
                [t.select(columns).replace_schema_metadata(meta) for t in tables]
            )

        return cls(path=str(path), store=open_store(paths, read), layers=names)

    @staticmethod
    def _open(path: Path, *, base: bool) -> pq.ParquetFile:
        """A checked gazetteer (or layer) file, not yet read."""
        if not path.is_file():
            raise GazetteerError(f"gazetteer file not found: {path}")
        try:
            # ParquetFile, not read_table: that one imports pyarrow.dataset, and with it pandas.
            parquet = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as exc:
            raise GazetteerError(f"cannot read gazetteer file {path}: {exc}") from exc
        schema = parquet.schema_arrow
        meta = schema.metadata or {}
        version = meta.get(b"geomentions.format", b"").decode()
        required = [c for c in [*_PLACE_COLUMNS, "names", "keys"] if c not in _OPTIONAL_COLUMNS]
        missing = [c for c in required if c not in schema.names]
        if version != FORMAT_VERSION or missing:
            raise GazetteerError(
                f"{path} is not a geomentions gazetteer of format {FORMAT_VERSION}"
                f" (format {version or 'none'}, missing columns {missing or 'none'})"
            )
        if base and parquet.metadata.num_rows == 0:
            raise GazetteerError(f"gazetteer file {path} holds no places")
        return parquet

    @classmethod
    def default(cls, layers: Iterable[str] | str | None = None) -> Gazetteer:
        """The shipped gazetteer with its village ``layers``, loaded once per process.

        ``layers=None`` loads the default ones (``DEFAULT_LAYERS``: villages of SY IQ YE LY LB
        PS AF SD SO ML UA); ``layers=()`` the smaller base alone; ``"all"`` or a list of
        lower-case country codes (``LAYERS``) other sets, e.g. ``[*DEFAULT_LAYERS, "ng"]``.

        >>> len(Gazetteer.default(layers=())) < len(Gazetteer.default())
        True
        """
        names = _layer_names(layers)
        gaz = cls._defaults.get(names)
        if gaz is None:
            with cls._default_lock:
                gaz = cls._defaults.get(names)
                if gaz is None:
                    gaz = cls.from_file(default_path(), layers=names)
                    cls._defaults[names] = gaz
        return gaz

    def add_places(self, data: Any, *, source: str = "user") -> Gazetteer:
        """Layer user places (a CSV path/buffer, a DataFrame/GeoDataFrame or dict records)
        over this gazetteer; returns ``self``. Columns as in ``gazetteer/supplement/README.md``:
        at least ``name`` and ``lat``/``lon`` (or a Point geometry). A row with the ``id`` of a
        place already in the gazetteer and no coordinates adds its names as aliases of it.

        >>> gaz.add_places([{"name": "Camp Hope", "lat": 36.1, "lon": 37.2}])  # doctest: +SKIP
        """
        records, origin = _records(data)
        # A row naming an existing place by id, without coordinates, adds aliases to it.
        is_alias = [_is_alias(r) and self.row_of(str(r["id"]).strip()) is not None for r in records]
        aliases = [r for r, alias in zip(records, is_alias, strict=True) if alias]
        rows = read_place_records(
            [r for r, alias in zip(records, is_alias, strict=True) if not alias],
            source=source,
            origin=origin,
        )
        with self._lock:
            for rec in aliases:
                row = self.row_of(str(rec["id"]).strip())
                for n in _record_names(rec):
                    k = name_key(n)
                    if k:
                        self._extra_keys[k].append((row, n))
            for place in rows:
                row = self.n_file_places + len(self._extra)
                self._extra.append(place)
                for n in place.names:
                    k = name_key(n)
                    if k:
                        self._extra_keys[k].append((row, n))
            self._skel_index = None  # rebuilt with the new keys on next fuzzy lookup
            self.generation += 1
        return self

    def row_of(self, place_id: str) -> int | None:
        """The row of a place id ("geonames:170063"), or None."""
        if self._row_of is None:
            with self._lock:
                if self._row_of is None:
                    ids = self._cols["place_id"]
                    self._row_of = {ids[i]: i for i in range(self.n_file_places)}
        row = self._row_of.get(place_id)
        if row is None:
            row = next(
                (
                    self.n_file_places + i
                    for i, p in enumerate(self._extra)
                    if p.place_id == place_id
                ),
                None,
            )
        return row

    # --- access ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return self.n_file_places + len(self._extra)

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} places, {self.path or 'in memory'})"

    def place(self, row: int) -> dict[str, Any]:
        """Attributes of one place row (a plain dict)."""
        if row >= self.n_file_places:
            r = self._extra[row - self.n_file_places]
            return {c: getattr(r, c) for c in _PLACE_COLUMNS}
        # A copy of the memoised attributes (immutable scalars and strings), so a caller may
        # change its dict without harm.
        return dict(self._file_place(row))

    def nearest(self, lat: float, lon: float, limit: int = 1) -> list[tuple[int, float]]:
        """The ``limit`` place rows nearest a point, as (row, great-circle km), nearest first;
        places added with :meth:`add_places` count too."""
        extra = self._extra
        lats = np.radians(np.concatenate([self._cols["lat"].astype(float), [p.lat for p in extra]]))
        lons = np.radians(np.concatenate([self._cols["lon"].astype(float), [p.lon for p in extra]]))
        p, l0 = np.radians(lat), np.radians(lon)
        a = np.sin((lats - p) / 2) ** 2 + np.cos(p) * np.cos(lats) * np.sin((lons - l0) / 2) ** 2
        dist = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
        rows = np.argsort(dist, kind="stable")[:limit]
        return [(int(row), float(dist[row])) for row in rows]

    def place_name(self, row: int) -> str:
        """The main name of one place row (``place(row)["name"]`` without building a dict)."""
        if row >= self.n_file_places:
            return self._extra[row - self.n_file_places].name
        return self._file_place(row)["name"]

    def _file_place(self, row: int) -> dict[str, Any]:
        """Attributes of a file row, shared and read-only: file rows never change, so each is
        built once (the memo is on ``cache``, emptied with it)."""
        memo_key = ("place", row)
        cached = self.cache.get(memo_key)
        if cached is None:
            cached = self._build_place(row)
            self.cache.put(memo_key, cached)
        return cached

    def _build_place(self, row: int) -> dict[str, Any]:
        return {c: get(row) for c, get in self._getters}

    def prefetch(self, rows: Iterable[int]) -> None:
        """Memoise the attributes of many file rows at once, as ``place`` will give them: a
        column at a time (one NumPy take per number or code column) costs less per row than
        a dict built cell by cell. Name matching asks for every row of a common name."""
        cache = self.cache
        todo = sorted(
            {r for r in rows if r < self.n_file_places and cache.get(("place", r)) is None}
        )
        if len(todo) < 4:
            return  # one by one costs as little
        at = np.array(todo, dtype=np.int64)
        columns: list[list[Any]] = []
        for c, get in self._getters:  # the keys, in their order, of _build_place
            column = self._cols.get(c)
            if c in self._categories:
                values = self._categories[c]
                columns.append(list(map(values.__getitem__, column[at].tolist())))
            elif isinstance(column, np.ndarray):
                columns.append(column[at].tolist())  # the Python values a memoryview gives
            else:
                columns.append(list(map(get, todo)))  # the loop in C
        names = [c for c, _ in self._getters]
        cache.put_many(
            (("place", r), dict(zip(names, values, strict=True)))
            for r, values in zip(todo, zip(*columns, strict=True), strict=True)
        )

    def _getter(self, c: str) -> Any:
        """A function row -> plain Python value (str, int or float) of column ``c``."""
        column = self._cols[c]
        # A memoryview over a NumPy column gives Python ints and floats at once (the values
        # ndarray.item gives, without a NumPy call per value).
        if c in self._categories:
            values, codes = self._categories[c], memoryview(column)
            return lambda row: values[codes[row]]
        if isinstance(column, np.ndarray):
            return memoryview(column).__getitem__
        return column.__getitem__

    def names_of(self, row: int) -> list[str]:
        if row >= self.n_file_places:
            return list(self._extra[row - self.n_file_places].names)
        return self._names_col[row].as_py()

    # --- lookup ------------------------------------------------------------------------------
    def lookup_key(self, k: str) -> list[tuple[int, str]]:
        """(place row, matched name) for every name whose key is exactly ``k``."""
        out: list[tuple[int, str]] = []
        run = self._store.keys.find(k)
        if run is not None:
            names, places = self._names, self._name_place[run[0] : run[1]].tolist()
            out.extend(zip(places, [names[i] for i in range(*run)], strict=True))
        out.extend(self._extra_keys.get(k, ()))
        return out

    def lookup(self, name: str) -> list[int]:
        """Place rows with a name whose key equals ``name``'s key, in row order."""
        return sorted({row for row, _ in self.lookup_key(name_key(name))})

    def has_key(self, k: str) -> bool:
        return k in self._extra_keys or self._store.keys.find(k) is not None

    def _extra_skeletons(self) -> dict[str, list[str]]:
        """Skeleton -> keys of the user places' names that the file does not hold."""
        if self._skel_index is None:
            with self._lock:
                if self._skel_index is None:
                    index: dict[str, list[str]] = defaultdict(list)
                    for k in self._extra_keys:
                        if self._store.keys.find(k) is None:
                            index[skeleton(k)].append(k)
                    self._skel_index = dict(index)
        return self._skel_index

    def _file_keys_of_skeleton(self, skel: str) -> list[str]:
        run = self._store.skeletons.find(skel)
        if run is None:
            return []
        keys = self._store.key_strings
        return [keys[r] for r in self._store.skeleton_keys[run[0] : run[1]].tolist()]

    def similar_keys(self, k: str) -> list[str]:
        """Every indexed key whose skeleton is within one edit of ``k``'s skeleton.

        The blocked index holds whole skeletons; the query's one-edit neighbourhood
        (deletions, substitutions, insertions) is enumerated, so nothing within one edit
        is missed however common the skeleton.
        """
        skel = skeleton(k)
        extra = self._extra_skeletons()
        variants = {skel}
        for i in range(len(skel) + 1):
            if i < len(skel):
                variants.add(skel[:i] + skel[i + 1 :])
                for ch in _SKELETON_ALPHABET:
                    variants.add(skel[:i] + ch + skel[i + 1 :])
            for ch in _SKELETON_ALPHABET:
                variants.add(skel[:i] + ch + skel[i:])
        out: list[str] = []
        for v in sorted(variants):
            if v:
                out.extend(self._file_keys_of_skeleton(v))
                out.extend(extra.get(v, ()))
        return out
