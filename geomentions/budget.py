"""A time budget for one document: long stages check it and stop with :class:`TimeoutError`.

Batch runs (:mod:`geomentions.batch`) give every document a budget; extraction checks it
between stages and every few hundred spans, so a document over it ends soon after, and the
batch turns it into an error Document and goes on. A context variable carries the deadline,
so concurrent threads each have their own.

>>> with time_budget(None):
...     check()  # no budget: never raises
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["time_budget", "check"]

_deadline: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar(
    "geomentions_deadline", default=None
)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Within the block, :func:`check` raises TimeoutError after ``seconds`` (None: never)."""
    token = _deadline.set(None if seconds is None else (time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise TimeoutError when the current budget is spent."""
    found = _deadline.get()
    if found is not None and time.monotonic() > found[0]:
        raise TimeoutError(f"document took longer than its time budget of {found[1]:g} s")
