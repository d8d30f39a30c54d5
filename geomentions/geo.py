"""Spherical geometry used across the package: distances and moved points.

>>> round(haversine_km(36.20, 37.16, 35.34, 40.14))
285
>>> destination(36.0, 37.0, 0, 111.2)
(37.000044, 37.0)
"""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "haversine_km", "destination"]

#: Mean earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def destination(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along a compass bearing (0 = north, 90 = east)."""
    r = km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(r) * math.cos(p1), math.cos(r) - math.sin(p1) * math.sin(p2)
    )
    return round(math.degrees(p2), 6), round((math.degrees(l2) + 540) % 360 - 180, 6)
