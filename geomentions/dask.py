"""Extraction over Dask collections: one GeoDataFrame row per resolved mention, in parallel.

Needs the optional extras: ``pip install geomentions[dask]``.

>>> import dask.bag as db
>>> from geomentions import dask as gmd
>>> bag = db.from_sequence([("r1", "Airstrikes hit Aleppo."), ("r2", "Clashes in Homs.")],
...                        npartitions=2)
>>> gdf = gmd.extract(bag)                      # a lazy dask_geopandas.GeoDataFrame
>>> gdf.compute()[["doc_id", "name"]].values.tolist()  # doctest: +SKIP
[['r1', 'Aleppo'], ['r2', 'Homs']]

A DataFrame works the same way, with its text (and optionally id) column named::

    ddf = dd.read_parquet("reports.parquet")          # columns: report_id, body, ...
    gdf = gmd.extract(ddf, text_column="body", id_column="report_id", country="SY")
    gdf.to_parquet("mentions/")                      # dask-geopandas writes GeoParquet

Each partition runs :func:`geomentions.batch.extract_many` in one process. Every worker
process loads the gazetteer once (the default one is a process-wide singleton) and keeps
it, so use workers with one or few threads and a few GB of memory each; threads in a
worker share the gazetteer safely. Bag items are texts, ``(doc_id, text)`` tuples or paths
(read on the worker). ``doc_id`` defaults to the item's position in the bag (each partition
is counted first, in the same graph) or, for a DataFrame, the row's index value.
Documents that fail give no rows (no error column): run :func:`extract_many` to see errors.
Keyword options are those of :func:`geomentions.extract`: ``country``, ``date``,
``min_confidence``, and ``gazetteer`` as a file path (or a Gazetteer loaded from a file
without added places), since a Gazetteer object cannot travel to remote workers.
"""

from __future__ import annotations

import operator
import os
import threading
from pathlib import Path
from typing import Any

import geopandas as gpd

from .batch import TIME_BUDGET, _check_options, _run_one, _tasks
from .countries import country_codes
from .extraction import MIN_CONFIDENCE
from .frames import to_geodataframe
from .gazetteer import DEFAULT_LAYERS, Gazetteer, default_path

__all__ = ["extract"]

#: A gazetteer file and the village layers loaded with it.
_Source = tuple[str, tuple[str, ...]]

_OPTIONS = {"country", "date", "min_confidence", "time_budget", "gazetteer"}
# Gazetteers loaded in this (worker) process, by (file, layers): each is loaded once.
_loaded: dict[_Source, Gazetteer] = {}
_loaded_lock = threading.Lock()


def _require_dask() -> tuple[Any, Any, Any, Any]:
    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
        import dask_geopandas
    except ImportError as exc:
        raise ImportError(
            f"geomentions.dask needs dask, distributed and dask-geopandas ({exc.name} is "
            "missing): pip install 'geomentions[dask]'"
        ) from exc
    return dask, db, dd, dask_geopandas


def _gazetteer_source(gazetteer: Any) -> _Source | None:
    """The file a worker loads the gazetteer from, with its village layers (None: the
    default gazetteer; a bare path: that file with the layers ``Gazetteer.default`` loads
    for the shipped file, none for any other)."""
    if gazetteer is None:
        return None
    if isinstance(gazetteer, (str, os.PathLike)):
        path = os.fsdecode(gazetteer)
        return path, DEFAULT_LAYERS if Path(path) == default_path() else ()
    if isinstance(gazetteer, Gazetteer):
        if gazetteer.path is None or len(gazetteer) > gazetteer.n_file_places:
            raise ValueError(
                "this gazetteer lives only in memory (no file, or places added with "
                "add_places); Dask workers cannot load it: build a gazetteer file and pass "
                "its path"
            )
        source = (gazetteer.path, gazetteer.layers)
        with _loaded_lock:  # a local (threaded) scheduler uses this very object
            _loaded.setdefault(source, gazetteer)
        return source
    raise TypeError(f"gazetteer must be a file path or a Gazetteer, not {type(gazetteer).__name__}")


def _worker_gazetteer(source: _Source | None) -> Gazetteer:
    if source is None:
        return Gazetteer.default()
    path, layers = source
    if Path(path) == default_path():
        return Gazetteer.default(layers=layers)  # shared with the rest of this process
    with _loaded_lock:  # threads of one worker must not load the same file twice
        if source not in _loaded:
            _loaded[source] = Gazetteer.from_file(path, layers=layers)
        return _loaded[source]


def _extract_items(
    items: Any, start: int, opts: dict[str, Any], gaz_source: _Source | None
) -> gpd.GeoDataFrame:
    gaz = _worker_gazetteer(gaz_source)
    return to_geodataframe([_run_one(task, opts, gaz) for task in _tasks(items, start)])


def _extract_frame(
    part: Any,
    text_column: str,
    id_column: str | None,
    opts: dict[str, Any],
    gaz_source: _Source | None,
) -> gpd.GeoDataFrame:
    ids = part[id_column] if id_column is not None else part.index.to_series()
    items = [
        (None if _missing(i) else str(i), t)
        for i, t in zip(ids.tolist(), part[text_column].tolist(), strict=True)
    ]
    return _extract_items(items, 0, opts, gaz_source)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)  # None or NaN


def extract(
    data: Any,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    **kwargs: Any,
) -> Any:
    """A lazy ``dask_geopandas.GeoDataFrame`` of the mentions in a Dask bag or DataFrame.

    ``data``: a ``dask.bag.Bag`` of texts / ``(doc_id, text)`` tuples, a dask DataFrame
    with a ``text_column`` (and ``id_column`` for ids; else the index), or a dask Series
    of texts. ``kwargs``: ``country``, ``date``, ``min_confidence``, ``time_budget``,
    ``gazetteer`` (a path). Columns and dtypes are exactly those of :func:`geomentions.frames.to_geodataframe`.

    >>> import dask.bag as db
    >>> gdf = extract(db.from_sequence(["Shells fell on Idlib."]))
    >>> gdf.compute()[["doc_id", "mention", "name"]].values.tolist()
    [['0', 'Idlib', 'Idlib']]
    """
    dask, db, dd, dask_geopandas = _require_dask()
    unknown = set(kwargs) - _OPTIONS
    if unknown:
        raise TypeError(f"unexpected option(s) {sorted(unknown)}; allowed: {sorted(_OPTIONS)}")
    opts = {
        "country": ",".join(country_codes(kwargs.get("country"))) or None,
        "date": kwargs.get("date"),
        "min_confidence": kwargs.get("min_confidence", MIN_CONFIDENCE),
        "time_budget": kwargs.get("time_budget", TIME_BUDGET),
    }
    _check_options(opts["date"], opts["min_confidence"], 1, opts["time_budget"])
    gaz_source = _gazetteer_source(kwargs.get("gazetteer"))
    meta = to_geodataframe([])

    if isinstance(data, dd.Series):
        data = data.to_frame(name=text_column)
    if isinstance(data, dd.DataFrame):
        for col in (text_column, id_column):
            if col is not None and col not in data.columns:
                raise ValueError(f"column {col!r} not in the DataFrame ({list(data.columns)})")
        out = data.map_partitions(
            _extract_frame, text_column, id_column, opts, gaz_source, meta=meta
        )
    elif isinstance(data, db.Bag):
        # Each partition needs the index of its first item: the counts of the partitions
        # before it. The partition is computed once and shared by both tasks.
        parts = [dask.delayed(list)(p) for p in data.to_delayed()]
        starts: list[Any] = []
        running: Any = 0
        for p in parts:
            starts.append(running)
            running = dask.delayed(operator.add)(running, dask.delayed(len)(p))
        frames = [
            dask.delayed(_extract_items)(p, s, opts, gaz_source)
            for p, s in zip(parts, starts, strict=True)
        ]
        out = dd.from_delayed(frames, meta=meta, verify_meta=False)
    else:
        raise TypeError(
            f"expected a dask Bag, DataFrame or Series, not {type(data).__name__}; "
            "for lists use geomentions.batch.extract_many"
        )
    if not isinstance(out, dask_geopandas.GeoDataFrame):
        out = dask_geopandas.from_dask_dataframe(out, geometry="geometry")
    return out
