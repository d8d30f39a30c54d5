"""A geopy geocoder over the offline gazetteer.

>>> import geopandas
>>> geopandas.tools.geocode(["Halab", "Dayr az Zawr"], provider=Geocoder)  # doctest: +SKIP
                 geometry      address
0  POINT (37.16117 36.20124)  Aleppo, SY
1  POINT (40.14084 35.33588)  Deir ez-Zor, SY
"""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL
from geopy.geocoders.base import Geocoder as _GeopyGeocoder
from geopy.location import Location
from geopy.point import Point

from . import commonness
from .countries import country_codes
from .gazetteer import Gazetteer
from .model import Candidate
from .names import script_of
from .resolution import MIN_SCORE, make_candidate, resolve

__all__ = ["Geocoder"]


#: Scripts of the languages ``language=`` can ask for; other languages get the main name.
_SCRIPTS = {"ar": "arabic", "ru": "cyrillic", "uk": "cyrillic", "en": "latin"}
#: The shipped word-frequency table that ranks a script's spellings (Ukrainian has none:
#: Russian's is the nearest).
_FREQUENCIES = {"arabic": "ar", "cyrillic": "ru"}


def _language(language: str | bool | None) -> str | None:
    """The first language code of a geopy ``language`` value ("ar", "ru,en", "en-US")."""
    if not language:
        return None
    if not isinstance(language, str):
        raise TypeError(f"language must be a string such as 'ar' or 'ru,en', not {language!r}")
    return language.split(",")[0].split(";")[0].split("-")[0].strip().lower() or None


def _name_in(gaz: Gazetteer, c: Candidate, language: str | None) -> str:
    """The place's name in the script of ``language``, else its main name."""
    script = _SCRIPTS.get(language or "")
    if script is None or script == "latin":
        return c.name
    row = gaz.row_of(c.place_id)
    names = [n for n in (gaz.names_of(row) if row is not None else []) if script_of(n) == script]
    # A place has several spellings in a script (Алеп, Алеппо): the one most used in the
    # language; max() keeps the first of equals, so the answer is stable.
    lang = _FREQUENCIES[script]
    return max(names, key=lambda n: commonness.zipf(n, lang), default=c.name)


def _location(c: Candidate, name: str | None = None) -> Location:
    address = ", ".join(p for p in (name or c.name, c.admin1, c.country_code) if p)
    return Location(address, (c.lat, c.lon), c.to_dict())


class Geocoder(_GeopyGeocoder):
    """Offline geocoding with :func:`geomentions.resolve`; no network, no rate limit.

    Called as geopy geocoders are: ``geocode(query, exactly_one=True, timeout=None,
    limit=None, language=False, country_codes=None)`` and ``reverse(query,
    exactly_one=True, timeout=None, language=False)``. ``exactly_one=True`` gives one
    Location or None, ``False`` a list or None; ``timeout`` is accepted and has nothing to
    wait for; ``language`` ("ar", "ru", "en") names each place in that language's script
    when the gazetteer has such a name. Readings of the name less plausible than
    ``min_score`` (default :data:`geomentions.resolution.MIN_SCORE`, see
    :func:`geomentions.resolution.plausibility`) are dropped, and everyday words are not places,
    so ``geocode("The")`` is None: a missing point beats a wrong one. ``reverse`` searches
    places added with ``gazetteer.add_places`` too.

    >>> Geocoder().geocode("Tadmur").address
    'Tadmur, Homs, SY'
    >>> Geocoder().geocode("Halab", language="ar").address
    'حلب, Aleppo, SY'
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        country: str | None = None,
        min_score: float = MIN_SCORE,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)  # geopy's own options (timeout=, user_agent=, ...)
        self.gazetteer = gazetteer
        self.country = ",".join(country_codes(country, gazetteer)) or None  # checked now
        self.min_score = min_score

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
        language: str | bool = False,
        country: str | None = None,
        country_codes: str | list[str] | None = None,
    ) -> Location | list[Location] | None:
        lang = _language(language)
        found = resolve(
            query,
            country=country or country_codes or self.country,
            limit=1 if exactly_one else (limit or 5),
            gazetteer=self.gazetteer,
            min_score=self.min_score,
        )
        if not found:
            return None
        gaz = self.gazetteer or Gazetteer.default()
        out = [_location(c, _name_in(gaz, c, lang)) for c in found]
        return out[0] if exactly_one else out

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        language: str | bool = False,
        limit: int = 5,
    ) -> Location | list[Location] | None:
        """Nearest gazetteer places to a point: ``(lat, lon)``, "lat, lon" or a geopy Point."""
        lang = _language(language)
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
        out = []
        for row, km in gaz.nearest(lat, lon, 1 if exactly_one else limit):
            info = gaz.place(row)
            cand = make_candidate(
                info,
                matched_name=info["name"],
                score=1.0,
                why=f"nearest gazetteer place, {km:.1f} km away",
            )
            out.append(_location(cand, _name_in(gaz, cand, lang)))
        return out[0] if exactly_one else out
