"""Shared fixtures for the core tests (names, gazetteer, resolve, build, geocoder, CLI)."""

from __future__ import annotations

import math

import pytest

import geomentions as gm


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km, written out here so tests do not trust the library's own."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="session")
def default_gaz() -> gm.Gazetteer:
    """The shipped gazetteer, shared process-wide. Tests must never add places to it."""
    return gm.Gazetteer.default()


@pytest.fixture(scope="module")
def private_gaz() -> gm.Gazetteer:
    """A separate copy of the shipped gazetteer that a test module may add places to.

    Loading costs about a second and a few hundred MB, so it is shared within a module.
    """
    return gm.Gazetteer.from_file(gm.gazetteer.default_path())
