"""Many reports at once: :func:`iter_extract` streams Documents, :func:`extract_many` lists them.

Items may be mixed freely:

* a ``str`` is a report text, **unless** it names an existing file: a string without line
  breaks, shorter than 1024 characters, for which ``os.path.isfile`` is true is read as
  that file (so ``"reports/a.txt"`` is a file, a report text is never taken for one unless
  a file of exactly that name exists; pass ``pathlib.Path`` objects to be explicit, or
  ``(doc_id, text)`` tuples to be sure a text stays a text);
* an ``os.PathLike`` (``pathlib.Path``) is a file, read as strict UTF-8 (a leading BOM is
  dropped; line ends are kept as written, so offsets index the file's decoded text);
* ``bytes`` are UTF-8 report text;
* a ``(doc_id, text)`` tuple gives the document its id.

``doc_id`` defaults to the file path as given, else the item's index ("0", "1", ...).
Results come back in input order, one per item. A malformed item (``None``, a number, a
tuple of the wrong length), a file that cannot be read or decoded, bytes that are not
UTF-8, a text that makes extraction raise, or a document that takes longer than
``time_budget`` seconds gives a Document in its place with ``error`` set ("TypeName:
message") and no mentions; the batch goes on.

``workers > 1`` (``0``/``None``: one per CPU) runs documents in a process pool. More workers
than CPUs only add memory and switching (extraction is CPU-bound), so ``workers`` is capped
at ``os.cpu_count()``. On Linux
the pool forks, so the gazetteer loaded here is shared copy-on-write; elsewhere each worker
loads it once. Inputs are read lazily and at most a few chunks per worker are in flight, so
a generator of a million texts never sits in memory. Each distinct name is resolved once
per process and gazetteer: ``resolution.match_name`` memoises its matches on the gazetteer
(``Gazetteer.cache``; forked workers start with what this process had memoised), and
recognition memoises word folding (``functools.lru_cache``).

A custom ``gazetteer=`` works in the pool as it is on Linux (the forked workers inherit the
object, ``add_places`` layers included). Elsewhere each worker reloads ``gazetteer.path``,
so a gazetteer with ``add_places`` layers or without a file needs ``workers=1`` there
(ValueError otherwise).

>>> docs = extract_many(["Rockets hit Aleppo.", ("r2", "Airstrikes near Tadmur.")])
>>> [(d.doc_id, [m.place.name for m in d.places]) for d in docs]
[('0', ['Aleppo']), ('r2', ['Tadmur'])]
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .budget import time_budget as _budget
from .countries import country_codes
from .extraction import MIN_CONFIDENCE, extract
from .gazetteer import Gazetteer
from .model import Document

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = ["iter_extract", "extract_many", "n_workers", "MAX_PATH_CHARS", "TIME_BUDGET"]

#: A ``str`` item at least this long is always text, never a file name.
MAX_PATH_CHARS = 1024
#: Seconds one document may take by default: report text runs at about 1 s per MB (20 s for
#: the largest text ``extract`` takes), so only a pathological document reaches it.
TIME_BUDGET = 120.0
#: Progress bars appear (when ``progress=None``) for more items than this.
_PROGRESS_MIN = 50
#: Chunks kept in flight per worker: enough to keep workers busy, few enough to bound memory.
_CHUNKS_PER_WORKER = 4
#: Garbage-collector thresholds during a batch: a batch makes many long-lived objects (memos,
#: results), and the default first threshold (700) had the collector rescan them 21 times
#: in 10,000 documents, 18-21% of the wall time (issue 12).
_GC_THRESHOLDS = (10_000, 10, 10)

# (doc_id, kind, payload): kind "text" (payload str/bytes/anything extract will judge) or
# "path" (payload a str path, read in the worker so file contents never cross processes).
_Task = tuple[str, str, Any]
# Set in each pool worker by _init_worker.
_worker_gazetteer: Gazetteer | None = None


def _is_file_name(item: str) -> bool:
    return (
        len(item) < MAX_PATH_CHARS
        and "\n" not in item
        and "\r" not in item
        and os.path.isfile(item)
    )


def _tasks(items: Iterable[Any], start: int = 0) -> Iterator[_Task]:
    """Items -> tasks, lazily; a malformed item becomes an "error" task (an error Document).

    ``start`` is the index of the first item (a partition of a larger collection).
    """
    for i, item in enumerate(items, start):
        if isinstance(item, tuple):
            if len(item) != 2:
                msg = f"item {i}: a tuple item must be (doc_id, text), got {len(item)} values"
                yield str(i), "error", TypeError(msg)
                continue
            doc_id, text = item
            yield (str(i) if doc_id is None else str(doc_id)), "text", text
        elif isinstance(item, os.PathLike):
            path = os.fsdecode(item)
            yield path, "path", path
        elif isinstance(item, str):
            if _is_file_name(item):
                yield item, "path", item
            else:
                yield str(i), "text", item
        elif isinstance(item, (bytes, bytearray)):
            yield str(i), "text", bytes(item)
        else:
            msg = (
                f"item {i}: expected str, bytes, os.PathLike or (doc_id, text), "
                f"got {type(item).__name__}"
            )
            yield str(i), "error", TypeError(msg)


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _run_one(task: _Task, opts: dict[str, Any], gaz: Gazetteer | None) -> Document:
    doc_id, kind, payload = task
    if kind == "error":
        return Document(doc_id=doc_id, text="", error=_error(payload))
    if kind == "path":
        try:
            # Bytes, then strict decoding: no newline translation, so offsets match the file.
            text = Path(payload).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            return Document(doc_id=doc_id, text="", error=_error(exc))
    else:
        text = payload
    opts = dict(opts)
    seconds = opts.pop("time_budget")
    gaz = gaz or Gazetteer.default()  # loading the gazetteer is not the document's time
    try:
        with _budget(seconds):
            return extract(text, doc_id=doc_id, gazetteer=gaz, **opts)
    except Exception as exc:  # one bad document must not end a batch of thousands
        return Document(
            doc_id=doc_id, text=text if isinstance(text, str) else "", error=_error(exc)
        )


@contextmanager
def _gc_tuned() -> Iterator[None]:
    """Fewer collections while a batch runs, and none that rescan what exists when it starts
    (the gazetteer, memos; frozen, so forked workers do not copy their pages by touching
    them either). The caller's settings come back afterwards."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _tuned(results: Iterator[Document]) -> Iterator[Document]:
    with _gc_tuned():
        yield from results


def _freeze_survivors() -> None:
    """Freeze what a document left behind: its result and the names it added to the memos
    live as long as the batch, and rescanning them made the collector 5% of a pass over
    new documents (1.5% warm). They hold no reference cycles (a batch's collections find
    no garbage), so nothing is kept that would have been freed: they still go by reference
    counting, and any cycle is collected once the batch ends (``_gc_tuned`` unfreezes).
    Only where no caller's code runs between documents (``extract_many``, a pool's
    workers): a loop over ``iter_extract`` may leave cyclic garbage of its own, which a
    freeze would keep until the batch ends."""
    gc.freeze()


#: How a spawned worker finds its gazetteer: the file and the village layers loaded with it.
_FileSource = tuple[str, tuple[str, ...]]


def _init_worker(source: Gazetteer | _FileSource | None) -> None:
    """Pool initializer: the gazetteer this worker uses, loaded at most once."""
    global _worker_gazetteer
    if isinstance(source, Gazetteer):
        _worker_gazetteer = source  # inherited through fork, never pickled
    elif source is None:
        _worker_gazetteer = Gazetteer.default()  # a no-op when inherited through fork
    else:
        path, layers = source
        _worker_gazetteer = Gazetteer.from_file(path, layers=layers)
    # The worker is ours: tune its collector for good, and freeze what it inherited.
    gc.set_threshold(*_GC_THRESHOLDS)
    gc.freeze()


def _run_chunk(chunk: list[_Task], opts: dict[str, Any]) -> list[Document]:
    docs = []
    for task in chunk:
        docs.append(_run_one(task, opts, _worker_gazetteer))
        _freeze_survivors()
    for doc, (_, kind, payload) in zip(docs, chunk, strict=True):
        if kind == "text" and isinstance(payload, str):
            doc.text = ""  # the parent has it: do not send it back (see _restore_texts)
    return docs


def _restore_texts(docs: list[Document], chunk: list[_Task]) -> list[Document]:
    for doc, (_, kind, payload) in zip(docs, chunk, strict=True):
        if kind == "text" and isinstance(payload, str):
            doc.text = payload
    return docs


def _check_options(
    date: dt.date | None, min_confidence: float, chunksize: int, seconds: float | None
) -> None:
    if seconds is not None and (
        isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0
    ):
        raise ValueError(f"time_budget must be a number of seconds > 0 or None, got {seconds!r}")
    if date is not None and not isinstance(date, dt.date):
        raise TypeError(f"date must be datetime.date or None, not {type(date).__name__}")
    if isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)):
        raise TypeError(f"min_confidence must be a number, not {type(min_confidence).__name__}")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError("min_confidence must be between 0 and 1")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be an int >= 1, got {chunksize!r}")


def n_workers(workers: int | None) -> int:
    """Worker processes a run uses: ``workers``, at most one per CPU (0 or None: one per CPU).

    >>> n_workers(1)
    1
    """
    cpus = os.cpu_count() or 1
    if workers is None or workers == 0:
        return cpus
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 0:
        raise ValueError(f"workers must be an int >= 0 or None, got {workers!r}")
    return min(workers, cpus)


def _pool_context() -> tuple[mp.context.BaseContext, bool]:
    """(context, forks): fork where it is safe and the default (Linux), else spawn."""
    if sys.platform.startswith("linux"):
        return mp.get_context("fork"), True
    return mp.get_context("spawn"), False


def _worker_source(gazetteer: Gazetteer | None, forks: bool) -> Gazetteer | _FileSource | None:
    """What the pool initializer gets to find the gazetteer; ValueError if it cannot."""
    if gazetteer is None:
        if forks:
            Gazetteer.default()  # load it here, once, so that every worker shares it
        return None
    if not isinstance(gazetteer, Gazetteer):
        raise TypeError(f"gazetteer must be a Gazetteer or None, not {type(gazetteer).__name__}")
    if forks:
        return gazetteer  # inherited by the forked workers as it is, user places included
    if gazetteer.path is None or len(gazetteer) > gazetteer.n_file_places:
        raise ValueError(
            "this gazetteer lives only in memory (no file, or places added with add_places) "
            "and worker processes here start fresh (no fork), so they cannot load it; use "
            "workers=1, or build a gazetteer file with the places (see gazetteer/README.md)"
        )
    return gazetteer.path, gazetteer.layers  # the same villages as here, not the file alone


def _length(items: Iterable[Any]) -> int | None:
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return None


def iter_extract(
    items: Iterable[Any],
    *,
    country: str | None = None,
    date: dt.date | None = None,
    workers: int | None = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    chunksize: int = 16,
    time_budget: float | None = TIME_BUDGET,
) -> Iterator[Document]:
    """Extract places from many reports, yielding one Document per item in input order.

    Items and ``doc_id`` rules are in the module docstring; the options are those of
    :func:`geomentions.extract`, applied to every item. ``workers``: processes (1: run here;
    0 or None: one per CPU). ``progress``: a tqdm bar on stderr (None: when stderr is a
    terminal and there are more than 50 items or their number is unknown). ``chunksize``:
    documents sent to a worker at a time. ``time_budget``: seconds one document may take
    (None: no limit); a document over it comes back as an error Document ("TimeoutError:
    ..."). Arguments are checked now (a bad ``country`` raises ValueError), items as they
    are read.

    >>> [d.doc_id for d in iter_extract(iter(["Clashes in Idlib.", "Nothing here."]))]
    ['0', '1']
    """
    if isinstance(items, (str, bytes, os.PathLike)) or not isinstance(items, Iterable):
        raise TypeError(
            f"items must be an iterable of texts, paths or (doc_id, text); got "
            f"{type(items).__name__} (wrap a single text in a list)"
        )
    _check_options(date, min_confidence, chunksize, time_budget)
    codes = country_codes(country, gazetteer)
    procs = n_workers(workers)
    opts = {
        "country": ",".join(codes) or None,
        "date": date,
        "min_confidence": min_confidence,
        "time_budget": time_budget,
    }
    context, forks = _pool_context()
    source = _worker_source(gazetteer, forks) if procs > 1 else None
    total = _length(items)
    show = progress
    if show is None:
        show = sys.stderr.isatty() and (total is None or total > _PROGRESS_MIN)
    results = _tuned(
        _run_pool(_tasks(items), opts, procs, chunksize, context, source, forks)
        if procs > 1
        else (_run_one(task, opts, gazetteer) for task in _tasks(items))
    )
    if not show:
        return results
    from tqdm import tqdm  # only for a progress bar: not imported by a plain extract job

    return _with_progress(results, tqdm(total=total, unit="doc", desc="extract", delay=0.5))


def _with_progress(results: Iterator[Document], bar: tqdm) -> Iterator[Document]:
    # Closing this generator (a consumer that stops early) closes the bar and the pool too.
    try:
        for doc in results:
            bar.update(1)
            yield doc
    finally:
        bar.close()
        close = getattr(results, "close", None)
        if close is not None:
            close()


def _chunks(tasks: Iterator[_Task], size: int) -> Iterator[list[_Task]]:
    chunk: list[_Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_pool(
    tasks: Iterator[_Task],
    opts: dict[str, Any],
    procs: int,
    chunksize: int,
    context: mp.context.BaseContext,
    source: Gazetteer | _FileSource | None,
    forks: bool = False,
) -> Iterator[Document]:
    chunks = _chunks(tasks, chunksize)
    if forks:
        # The first chunk runs here, before the fork: every worker then starts with its
        # memos warm (word tables, name matches) instead of filling its own copy.
        first = next(chunks, None)
        if first is None:
            return
        gaz = source if isinstance(source, Gazetteer) else Gazetteer.default()
        yield from [_run_one(task, opts, gaz) for task in first]
        gc.freeze()  # and what the warm-up made stays out of the workers' collections
    # Executor.map would submit every input at once; a window of futures bounds memory.
    # A worker that dies (killed, out of memory) raises BrokenProcessPool instead of hanging.
    pool = ProcessPoolExecutor(
        max_workers=procs, mp_context=context, initializer=_init_worker, initargs=(source,)
    )
    window: deque[tuple[Future[list[Document]], list[_Task]]] = deque()
    try:
        for chunk in chunks:
            window.append((pool.submit(_run_chunk, chunk, opts), chunk))
            if len(window) >= procs * _CHUNKS_PER_WORKER:
                future, done = window.popleft()
                yield from _restore_texts(future.result(), done)
        while window:
            future, done = window.popleft()
            yield from _restore_texts(future.result(), done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_many(
    items: Iterable[Any],
    *,
    country: str | None = None,
    date: dt.date | None = None,
    workers: int | None = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    chunksize: int = 16,
    time_budget: float | None = TIME_BUDGET,
) -> list[Document]:
    """:func:`iter_extract` as a list.

    >>> docs = extract_many([("a", "Artillery fire in Homs."), ("b", "No places.")])
    >>> [(d.doc_id, len(d.places), d.error) for d in docs]
    [('a', 1, None), ('b', 0, None)]
    """
    docs = []
    for doc in iter_extract(
        items,
        country=country,
        date=date,
        workers=workers,
        progress=progress,
        gazetteer=gazetteer,
        min_confidence=min_confidence,
        chunksize=chunksize,
        time_budget=time_budget,
    ):
        docs.append(doc)
        _freeze_survivors()  # nothing but this loop runs between documents here
    return docs
