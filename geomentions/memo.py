"""A memo keyed by an object's identity.

Extraction memoises each name's tuple of matches on the gazetteer (``extraction._best``): every
span of that name, in every report, shares the one tuple. Facts worked out from such a tuple
(the span model's, the ranker's, the document context's) are kept here by its identity, so a
name met again costs a look-up, not a pass over its matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["IdentityMemo"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    """``compute(obj)``, memoised by ``id(obj)``. The object is held beside its value, so its
    id cannot be reused by another while the entry lives; for immutable objects only (a
    tuple: a list could change under its entry). Bounded (emptied when full);
    ``cache_clear`` empties it, like a ``functools`` cache."""

    def __init__(self, compute: Callable[[K], V], size: int) -> None:
        self._compute = compute
        self._data: dict[int, tuple[K, V]] = {}
        self._size = size
        # On the instance, not the class: whoever empties every module-level cache
        # (benchmarks) finds the instance's method and not an unbound one.
        self.cache_clear = self._data.clear

    def __call__(self, obj: K) -> V:
        entry = self._data.get(id(obj))
        if entry is not None and entry[0] is obj:
            return entry[1]
        value = self._compute(obj)
        if len(self._data) >= self._size:
            self._data.clear()
        self._data[id(obj)] = (obj, value)
        return value
