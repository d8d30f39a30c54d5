"""gm.Geocoder: a geopy geocoder over the offline gazetteer, usable from geopandas."""

from __future__ import annotations

import socket

import geopandas
import geopandas.tools.geocoding
import pytest
from conftest import km_between
from geopy.location import Location
from geopy.point import Point as GeopyPoint

import geomentions as gm

ALEPPO = (36.20, 37.16)
DEIR_EZ_ZOR = (35.34, 40.14)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: the geocoder must work offline."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _near(loc: Location, point: tuple[float, float], km: float = 10.0) -> bool:
    return km_between(loc.latitude, loc.longitude, *point) < km


def test_geocode_synonym_finds_aleppo() -> None:
    loc = gm.Geocoder().geocode("Halab")
    assert isinstance(loc, Location)
    assert _near(loc, ALEPPO)
    assert loc.address.startswith("Aleppo")
    assert loc.raw["place_id"] == "geonames:170063"
    assert loc.raw["matched_name"] == "Halab"


@pytest.mark.parametrize("query", ["xqzvwk", "", "   "])
def test_geocode_garbage_gives_none(query: str) -> None:
    assert gm.Geocoder().geocode(query) is None


def test_geocode_all_candidates() -> None:
    locs = gm.Geocoder().geocode("Tripoli", exactly_one=False, limit=3)
    assert isinstance(locs, list) and len(locs) == 3
    scores = [loc.raw["score"] for loc in locs]
    assert scores == sorted(scores, reverse=True)


def test_country_and_min_score_options() -> None:
    assert gm.Geocoder(country="LB").geocode("Tripoli").raw["country_code"] == "LB"
    assert gm.Geocoder().geocode("Tripoli", country="LY").raw["country_code"] == "LY"
    # A weak best match becomes None rather than a doubtful point: min_score is a floor on
    # how well the name reads as a place (resolution.plausibility), not on the ranker's odds.
    from geomentions.resolution import match_name, plausibility

    best = max(plausibility(m) for m in match_name("Halab"))
    assert gm.Geocoder(min_score=best + 0.01).geocode("Halab") is None
    assert gm.Geocoder(min_score=best).geocode("Halab") is not None


def test_geopandas_geocode_uses_the_offline_provider() -> None:
    gdf = geopandas.tools.geocode(["Halab", "Dayr az Zawr"], provider=gm.Geocoder)
    assert isinstance(gdf, geopandas.GeoDataFrame)
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf.index) == [0, 1]
    for geom, (lat, lon) in zip(gdf.geometry, [ALEPPO, DEIR_EZ_ZOR], strict=True):
        assert km_between(geom.y, geom.x, lat, lon) < 10  # x is lon, y is lat
    assert gdf.address.str.startswith("Aleppo")[0]
    assert gdf.address.str.startswith("Deir ez-Zor")[1]


def test_geopandas_geocode_leaves_unknown_names_empty() -> None:
    gdf = geopandas.tools.geocode(["Halab", "xqzvwk"], provider=gm.Geocoder)
    assert not gdf.geometry[0].is_empty
    assert gdf.geometry[1].is_empty


def test_geopandas_passes_options_to_the_provider() -> None:
    gdf = geopandas.tools.geocode(["Tripoli"], provider=gm.Geocoder, country="LB")
    assert km_between(gdf.geometry[0].y, gdf.geometry[0].x, 34.44, 35.84) < 10


def test_geopandas_does_not_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    # geopandas sleeps between queries for rate-limited web services; none is needed here.
    slept: list[float] = []
    monkeypatch.setattr(geopandas.tools.geocoding.time, "sleep", slept.append)
    geopandas.tools.geocode(["Halab", "Hama", "Idlib"], provider=gm.Geocoder)
    assert len(slept) == 3
    assert all(s == 0 for s in slept)


def test_reverse_finds_aleppo() -> None:
    loc = gm.Geocoder().reverse((36.2, 37.16))
    assert isinstance(loc, Location)
    assert loc.raw["country_code"] == "SY"
    assert _near(loc, ALEPPO, km=5)
    assert "km away" in loc.raw["why"]


def test_reverse_accepts_a_geopy_point_and_lists_nearest_first() -> None:
    geocoder = gm.Geocoder()
    one = geocoder.reverse(GeopyPoint(36.2, 37.16))
    assert _near(one, ALEPPO, km=5)
    several = geocoder.reverse((36.2, 37.16), exactly_one=False, limit=4)
    assert len(several) == 4
    dists = [km_between(loc.latitude, loc.longitude, 36.2, 37.16) for loc in several]
    assert dists == sorted(dists)
    assert several[0].raw["place_id"] == one.raw["place_id"]


def test_geopandas_reverse_geocode() -> None:
    points = geopandas.GeoSeries.from_xy([37.16, 40.14], [36.2, 35.34], crs="EPSG:4326")
    gdf = geopandas.tools.reverse_geocode(points, provider=gm.Geocoder)
    assert gdf.address[0].startswith("Aleppo")
    assert gdf.address[1].startswith("Deir ez-Zor")


def test_reverse_with_a_string_point_is_not_misread() -> None:
    try:
        loc = gm.Geocoder().reverse("36.2, 37.16")
    except (TypeError, ValueError):
        return  # refusing is fine; a wrong place is not
    assert _near(loc, ALEPPO, km=5)


@pytest.mark.parametrize("point", [(95.0, 0.0), (36.2, 200.0), (float("nan"), 37.0)])
def test_reverse_rejects_impossible_points(point: tuple[float, float]) -> None:
    with pytest.raises(ValueError):
        gm.Geocoder().reverse(point)
