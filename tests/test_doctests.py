"""The examples in the public docstrings are true: run them as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import geomentions
from geomentions import _native

# Every module of the package: a new module's examples are checked without editing a list.
# dask.py needs the optional dask extra; its docstrings hold no examples.
MODULES = ["geomentions"] + sorted(
    m.name
    for m in pkgutil.iter_modules(geomentions.__path__, "geomentions.")
    if m.name not in {"geomentions.dask", "geomentions.__main__"}
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    short = name.rpartition(".")[2]
    if short in _native.COMPILED:  # compiled functions keep no docstrings: run the source's
        module = _native.source(short)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
