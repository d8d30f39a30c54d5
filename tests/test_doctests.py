"""The examples in the public docstrings are true: run them as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "geomentions",
    "geomentions.names",
    "geomentions.geo",
    "geomentions.model",
    "geomentions.build",
    "geomentions.resolution",
    "geomentions.extraction",
    "geomentions.recognition",
    "geomentions.activity",
    "geomentions.batch",
    "geomentions.frames",
    "geomentions.countries",
    "geomentions.plausibility",
    "geomentions.budget",
    "geomentions.geocoder",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
