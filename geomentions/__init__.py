"""geomentions: find, resolve and map the places that reports mention — offline.

>>> import geomentions as gm
>>> gm.resolve("Dayr az Zawr")[0].name
'Deir ez-Zor'
>>> doc = gm.extract("Aircraft struck 24 targets near Tadmur and in eastern Aleppo.")
>>> [(m.text, m.place.name) for m in doc.mentions]
[('Tadmur', 'Tadmur'), ('Aleppo', 'Aleppo')]

Contains data from GeoNames (www.geonames.org), CC BY 4.0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._native import setup as _native_setup

#: "compiled", "python" or "stale" (their sources, newer than the build): how the hot modules
#: run (geomentions/_native.py). Set first, as it decides where the imports below find them.
NATIVE = _native_setup()

from .batch import extract_many, iter_extract
from .extraction import extract
from .gazetteer import Gazetteer, GazetteerError
from .model import EVENT_TYPES, ROLES, Activity, Candidate, Count, Document, Event, Mention
from .names import key, similarity, skeleton
from .resolution import resolve

if TYPE_CHECKING:
    from .frames import aggregate, to_geodataframe
    from .geocoder import Geocoder
    from .maps import make_map

# GeoPandas, Folium and geopy load on first use: a resolve()/extract() job never pays for them.
_LAZY = {
    "aggregate": "frames",
    "to_geodataframe": "frames",
    "make_map": "maps",
    "Geocoder": "geocoder",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'geomentions' has no attribute {name!r}")


__version__ = "0.1.0"
ATTRIBUTION = (
    "Contains data from GeoNames (www.geonames.org), CC BY 4.0; villages from Who's On First "
    "(whosonfirst.org); Syria sub-districts and p-codes from OpenSyria Data Geography "
    "(CC BY 4.0), incl. OCHA COD (CC BY 3.0 IGO); airfields from OurAirports (public domain) "
    "and airportsdata (MIT)"
)

__all__ = [
    "ATTRIBUTION",
    "EVENT_TYPES",
    "ROLES",
    "Activity",
    "Candidate",
    "Count",
    "Document",
    "Event",
    "Gazetteer",
    "GazetteerError",
    "Geocoder",
    "Mention",
    "aggregate",
    "extract",
    "extract_many",
    "iter_extract",
    "key",
    "make_map",
    "resolve",
    "similarity",
    "skeleton",
    "to_geodataframe",
]
