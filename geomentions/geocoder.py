"""A geopy geocoder over the offline gazetteer.

>>> import geopandas
>>> geopandas.tools.geocode(["Halab", "Dayr az Zawr"], provider=Geocoder)  # doctest: +SKIP
                 geometry      address
0  POINT (37.16117 36.20124)  Aleppo, SY
1  POINT (40.14084 35.33588)  Deir ez-Zor, SY
"""

from __future__ import annotations

from typing import Any

import numpy as np
from geopy.geocoders.base import Geocoder as _GeopyGeocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import Gazetteer
from .model import Candidate
from .resolution import make_candidate, resolve

__all__ = ["Geocoder"]


def _location(c: Candidate) -> Location:
    address = ", ".join(p for p in (c.name, c.admin1, c.country_code) if p)
    return Location(address, (c.lat, c.lon), c.to_dict())


class Geocoder(_GeopyGeocoder):
    """Offline geocoding with :func:`geomentions.resolve`; no network, no rate limit.

    ``min_score`` turns weak matches into ``None`` (a missing point beats a wrong one).

    >>> Geocoder().geocode("Tadmur").address  # doctest: +SKIP
    'Tadmur, Homs, SY'
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        country: str | None = None,
        min_score: float = 0.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.gazetteer = gazetteer
        self.country = country
        self.min_score = min_score

    def geocode(
        self, query: str, *, exactly_one: bool = True, country: str | None = None, limit: int = 5
    ) -> Location | list[Location] | None:
        found = resolve(
            query,
            country=country or self.country,
            limit=1 if exactly_one else limit,
            gazetteer=self.gazetteer,
        )
        found = [c for c in found if c.score >= self.min_score]
        if not found:
            return None
        return _location(found[0]) if exactly_one else [_location(c) for c in found]

    def reverse(
        self, query: Any, *, exactly_one: bool = True, limit: int = 5
    ) -> Location | list[Location] | None:
        """Nearest gazetteer places to a point: ``(lat, lon)``, "lat, lon" or a geopy Point."""
        try:
            if isinstance(query, (tuple, list)):
                # Checked as given: geopy's Point would wrap longitude 200 to -160 silently.
                lat, lon = float(query[0]), float(query[1])
            else:
                point = Point(query)
                lat, lon = point.latitude, point.longitude
        except (TypeError, ValueError, IndexError) as exc:
            raise ValueError(f"not a point: {query!r} ({exc})") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"not a valid (lat, lon): {query!r}")
        gaz = self.gazetteer or Gazetteer.default()
        lats, lons = (
            np.radians(gaz._cols["lat"].astype(float)),
            np.radians(gaz._cols["lon"].astype(float)),
        )
        p, l0 = np.radians(lat), np.radians(lon)
        a = np.sin((lats - p) / 2) ** 2 + np.cos(p) * np.cos(lats) * np.sin((lons - l0) / 2) ** 2
        dist = 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
        rows = np.argsort(dist, kind="stable")[: 1 if exactly_one else limit]
        out = []
        for row in rows:
            info = gaz.place(int(row))
            cand = make_candidate(
                info,
                matched_name=info["name"],
                score=1.0,
                why=f"nearest gazetteer place, {float(dist[row]):.1f} km away",
            )
            out.append(_location(cand))
        return out[0] if exactly_one else out
