"""The gazetteer on disk as memory-mapped Arrow columns, with a compact name index.

A gazetteer file (Parquet, see :mod:`geomentions.build`) is compressed: reading it costs
about a second and half a gigabyte, and a dict over its half a million name keys is
another hundred megabytes of Python strings. So on first use it is converted once into
uncompressed Arrow IPC files in a cache directory; later processes map those files, which
takes milliseconds, keeps the pages in the OS file cache, and shares them between forked
or Dask workers (nothing is copied into the process).

What the cache holds (one directory per source file's content hash, so a rebuilt
gazetteer never meets a stale cache):

* ``places.arrow``: every column of the Parquet file but ``keys``, whatever they are
  (extra columns are carried along as they are); low-cardinality text columns (country,
  feature code, admin names) are dictionary-encoded.
* ``names.arrow``: one row per (place, name), grouped by the name's key: ``name``, ``place``.
* ``keys.arrow`` and ``skeletons.arrow``: :class:`HashIndex` tables, from a name key to its
  run of rows in ``names.arrow``, and from a consonant skeleton (fuzzy lookup) to its keys.

A :class:`HashIndex` is a sorted array of 64-bit hashes of its strings, searched by
bisection; the strings themselves stay in the mapped Arrow buffer and are
compared only on a hash hit, so no Python string is made per key. (A trie such as
marisa-trie would be smaller on disk, but it is another compiled dependency, and lookups
are mostly memo hits: the sorted array needs nothing but NumPy.)

Where the cache goes: ``$GEOMENTIONS_CACHE_DIR`` when set (and only there), else
``$XDG_CACHE_HOME/geomentions`` (``~/.cache/geomentions``), else a per-user folder in the
temp directory; the first that holds a built cache, else the first writable one. When none is writable the store is built in memory
(slower to start, not shared, still correct).

>>> store = open_store(Path(__file__).parent.parent / "gazetteer" / "geonames.parquet")  # doctest: +SKIP
>>> store.keys.find("aleppo")  # doctest: +SKIP
(1234, 1241)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "HashIndex",
    "Store",
    "Strings",
    "build_tables",
    "cache_dirs",
    "column_array",
    "open_store",
]

#: Bumped whenever the cache layout changes, so an old cache is not misread.
STORE_VERSION = 1
_FILES = ("places", "names", "keys", "skeletons", "skeleton_keys")
#: Text columns with at most this share of distinct values are dictionary-encoded.
_DICTIONARY_SHARE = 0.25


def _hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (``hash()`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _numpy(array: pa.Array) -> np.ndarray:
    """A zero-copy NumPy view of a null-free numeric Arrow array (``Array.to_numpy`` would
    import pandas)."""
    dtype = np.dtype(array.type.to_pandas_dtype())
    data = np.frombuffer(array.buffers()[1], dtype=dtype)
    return data[array.offset : array.offset + len(array)]


def column_array(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    """A column as one Arrow array without copying it when it is one chunk already (as
    every mapped cache column is): ``combine_chunks`` always copies, even a single chunk,
    which would read every mapped page and duplicate it in private memory."""
    if isinstance(column, pa.ChunkedArray):
        return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    return column


def _view(array: pa.Array, code: str) -> memoryview:
    """The values of a null-free fixed-width Arrow array as a memoryview (struct ``code``):
    indexing it gives Python ints at once, with no NumPy scalar in between."""
    view = memoryview(array.buffers()[1]).cast(code)  # type: ignore[arg-type]
    return view[array.offset : array.offset + len(array)]


class Strings:
    """Random access to an Arrow string array without converting it: ``strings[i]``."""

    def __init__(self, array: pa.Array | pa.ChunkedArray) -> None:
        array = column_array(array)
        code = "q" if pa.types.is_large_string(array.type) else "i"
        offsets = memoryview(array.buffers()[1]).cast(code)  # type: ignore[arg-type]
        self._offsets = offsets[array.offset : array.offset + len(array) + 1]
        data = array.buffers()[2]
        self._data = memoryview(data) if data is not None else memoryview(b"")
        self._len = len(array)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> str:
        offsets = self._offsets
        return str(self._data[offsets[i] : offsets[i + 1]], "utf-8")


class HashIndex:
    """Strings -> runs of rows, as sorted hashes; see the module docstring.

    ``find(s)`` gives ``(start, end)`` of ``s``'s run in the table the index points into.
    """

    def __init__(self, table: pa.Table) -> None:
        self._hashes = _view(column_array(table.column("hash")), "Q")
        self._strings = Strings(table.column("string"))
        self._starts = _view(column_array(table.column("start")), "q")
        self._ends = _view(column_array(table.column("end")), "q")

    def __len__(self) -> int:
        return len(self._strings)

    def find(self, text: str) -> tuple[int, int] | None:
        hashes, h = self._hashes, _hash(text)
        i = bisect_left(hashes, h)  # on the memoryview: Python ints, no NumPy call per step
        while i < len(hashes) and hashes[i] == h:
            if self._strings[i] == text:  # a hash hit is checked against the string
                return self._starts[i], self._ends[i]
            i += 1
        return None

    def strings(self) -> list[str]:
        """Every indexed string (as Python strings: for a full scan only)."""
        return [self._strings[i] for i in range(len(self._strings))]


def _index_table(strings: list[str], starts: np.ndarray, ends: np.ndarray) -> pa.Table:
    hashes = np.fromiter((_hash(s) for s in strings), dtype=np.uint64, count=len(strings))
    order = np.argsort(hashes, kind="stable")
    return pa.table(
        {
            "hash": pa.array(hashes[order]),
            "string": pa.array([strings[i] for i in order], type=pa.string()),
            "start": pa.array(starts[order]),
            "end": pa.array(ends[order]),
        }
    )


def build_tables(table: pa.Table) -> dict[str, pa.Table]:
    """The four cache tables of a gazetteer table (columns as :mod:`geomentions.build` writes)."""
    from .names import skeleton

    n = len(table)
    places = {}
    for name in table.column_names:
        if name == "keys":
            continue
        column = table.column(name).combine_chunks()
        if pa.types.is_string(column.type) and len(pc.unique(column)) <= _DICTIONARY_SHARE * n:
            column = column.dictionary_encode()
        places[name] = column
    keys = table.column("keys").combine_chunks()
    names = table.column("names").combine_chunks()
    place_of = pc.list_parent_indices(keys)
    flat_keys, flat_names = keys.flatten(), names.flatten()
    # Group name rows by key, each group in file order (the order lookups have always had).
    encoded = flat_keys.dictionary_encode()
    codes = _numpy(encoded.indices)
    uniques = encoded.dictionary.to_pylist()  # in order of first appearance
    order = np.argsort(codes, kind="stable")
    counts = np.bincount(codes, minlength=len(uniques))
    bounds = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    names_out = pa.table(
        {
            "name": flat_names.take(pa.array(order)).cast(pa.string()),
            "place": place_of.take(pa.array(order)).cast(pa.int32()),
        }
    )
    keys_out = _index_table(uniques, bounds[:-1], bounds[1:])
    # Skeleton -> key codes (first-appearance order), for the fuzzy lookup.
    skeletons = [skeleton(k) for k in uniques]
    skel_codes = pa.array(skeletons).dictionary_encode()
    s_codes = _numpy(skel_codes.indices)
    s_order = np.argsort(s_codes, kind="stable").astype(np.int32)
    s_counts = np.bincount(s_codes, minlength=len(skel_codes.dictionary))
    s_bounds = np.concatenate([[0], np.cumsum(s_counts)]).astype(np.int64)
    skel_index = _index_table(skel_codes.dictionary.to_pylist(), s_bounds[:-1], s_bounds[1:])
    # The skeleton index points into the list of key codes; those point into keys_out rows.
    key_row = np.empty(len(uniques), dtype=np.int32)
    key_row[np.argsort(np.fromiter((_hash(k) for k in uniques), np.uint64), kind="stable")] = (
        np.arange(len(uniques), dtype=np.int32)
    )
    skel_keys = pa.table({"key_row": pa.array(key_row[s_order])})
    return {
        "places": pa.table(places).replace_schema_metadata(table.schema.metadata),
        "names": names_out,
        "keys": keys_out,
        "skeletons": skel_index,
        "skeleton_keys": skel_keys,
    }


@dataclass
class Store:
    """A gazetteer's tables, mapped from the cache (or held in memory)."""

    places: pa.Table
    names: pa.Table
    keys: HashIndex
    skeletons: HashIndex
    skeleton_keys: np.ndarray  # key rows (into ``keys``), in skeleton-run order
    key_strings: Strings  # the key of each ``keys`` row
    where: str  # the cache directory, or "memory"

    @classmethod
    def from_tables(cls, tables: dict[str, pa.Table], where: str) -> Store:
        return cls(
            places=tables["places"],
            names=tables["names"],
            keys=HashIndex(tables["keys"]),
            skeletons=HashIndex(tables["skeletons"]),
            skeleton_keys=_numpy(column_array(tables["skeleton_keys"].column("key_row"))),
            key_strings=Strings(tables["keys"].column("string")),
            where=where,
        )


def cache_dirs() -> list[Path]:
    """Where a cache may live, in order of preference (see the module docstring)."""
    if os.environ.get("GEOMENTIONS_CACHE_DIR"):  # set: that place only (memory if unusable)
        return [Path(os.environ["GEOMENTIONS_CACHE_DIR"])]
    out = []
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    out.append(Path(xdg) / "geomentions")
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    out.append(Path(tempfile.gettempdir()) / f"geomentions-cache-{uid}")
    return out


def _content_hash(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=12)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _map(folder: Path) -> dict[str, pa.Table]:
    tables = {}
    for name in _FILES:
        with pa.memory_map(str(folder / f"{name}.arrow")) as source:
            tables[name] = pa.ipc.open_file(source).read_all()
    return tables


def _write(folder: Path, tables: dict[str, pa.Table]) -> None:
    """Write the tables into a new folder beside ``folder`` and rename it into place, so a
    reader never sees half a cache (and two builders racing both end with a whole one)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        for name, table in tables.items():
            with pa.OSFile(str(work / f"{name}.arrow"), "wb") as sink:
                with pa.ipc.new_file(sink, table.schema) as writer:
                    writer.write_table(table)
        os.chmod(work, 0o755)  # mkdtemp makes it private; a shared cache must be readable
        try:
            os.rename(work, folder)
        except OSError:
            if not folder.is_dir():  # not a lost race: a real failure
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


_lock = threading.Lock()


def open_store(paths: Path | Sequence[Path], table_loader: object = None) -> Store:
    """The store of a gazetteer file (with its layer files): mapped from the cache, built
    there on first use.

    ``table_loader()`` returns the files' (checked) Arrow table; it is called only when the
    cache has to be built.
    """
    paths = [paths] if isinstance(paths, Path) else list(paths)
    hashes = [_content_hash(p) for p in paths]
    digest = hashes[0]  # the base file's hash first, so a folder listing shows which it is
    if len(hashes) > 1:
        digest += "-" + hashlib.blake2b("-".join(hashes[1:]).encode(), digest_size=6).hexdigest()
    name = f"gazetteer-{digest}-v{STORE_VERSION}"
    with _lock:
        dirs = cache_dirs()
        for d in dirs:
            if (d / name).is_dir():
                try:
                    return Store.from_tables(_map(d / name), str(d / name))
                except (OSError, pa.ArrowException):
                    shutil.rmtree(d / name, ignore_errors=True)  # damaged: build it again
        tables = build_tables(table_loader())  # type: ignore[operator]
        for d in dirs:
            try:
                _write(d / name, tables)
                return Store.from_tables(_map(d / name), str(d / name))
            except (OSError, pa.ArrowException):
                continue  # read-only or full: try the next place
        return Store.from_tables(tables, "memory")
