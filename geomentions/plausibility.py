"""Whether a word looked up on its own (``resolve``, the Geocoder) can be a place at all.

A one-word query that is an everyday word in English, Arabic or Russian ("the", "من",
"это": wordfreq Zipf of at least ``COMMON_ZIPF``) names a place only when it is, as
written, one of a notable place's names, and, in a script with capitals, is not written in
lower case:

* "The" is not Dezhou (via the folded "Te"), "في" not Balvi, "это" not Itō: no place is
  called so as written;
* "time", "police", "там" in lower case (and at least ``LOWERCASE_ZIPF``) are words;
  "Paris", "Nice", "Police" (a Polish district seat), "حلب" and "تدمر" are names; "Over"
  (a village) and "كان" ("was"; also the Arabic name of Cannes and of Kan, China) are not:
  those places are not notable enough.

Names of several words ("Damascus city", "مدينة دمشق") are not judged. Extraction does not
use these rules: in a report, the words around a name decide.

>>> is_common_word("the"), is_common_word("Tadmur")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

from . import commonness
from .evidence import BULK_PREFIXES, is_bulk

__all__ = ["COMMON_ZIPF", "is_common_word", "written_as_word", "notable", "spelled_as"]

#: A word this frequent (Zipf: log10 of uses per billion words) in any of the three
#: languages is an everyday word: "nyc" is 4.05, "aleppo" 3.56, "homs" 2.85.
COMMON_ZIPF = 3.5
#: A lower-case word this frequent is a word even when a place bears it ("police", "man").
LOWERCASE_ZIPF = 4.5


#: Places an everyday word may name: countries, first- and second-level divisions and their
#: seats, capitals, cities of ``NOTABLE_POPULATION`` or more, and curated rows.
_NOTABLE_CODES = frozenset({"ADM1", "ADM2", "PPLC", "PPLA", "PPLA2"})
NOTABLE_POPULATION = 500_000
#: From this Zipf up a word is among the few thousand commonest: only a notable place
#: spelled so may take it.
VERY_COMMON = 5.0
TOWN_POPULATION = 20_000


@lru_cache(maxsize=65_536)
def zipf(word: str) -> float:
    """How common ``word`` is in English, Arabic or Russian, whichever is highest."""
    low = word.strip().lower()
    return max(commonness.zipf(low, lang) for lang in ("en", "ar", "ru"))


def is_common_word(name: str) -> bool:
    """A single everyday word (several words are a name with its context, not judged)."""
    return len(name.split()) == 1 and zipf(name) >= COMMON_ZIPF


def written_as_word(name: str) -> bool:
    """A very common word written all in lower case in a script with capitals ("time", "там")."""
    return name == name.lower() and name != name.upper() and zipf(name) >= LOWERCASE_ZIPF


def notable(info: dict, word_zipf: float = 9.0) -> bool:
    """Whether a gazetteer place (``Gazetteer.place`` attributes) may be named by an everyday
    word of that frequency. The commoner the word, the more notable the place must be: for
    the commonest words (Zipf ``VERY_COMMON`` and up: "nice", "كان") a country, division,
    capital or seat ("Nice" and "Tadmur" may be, a village called "Over" may not); for rarer
    ones (Zipf 3.5 to 5: "جاسم", "Dana") also a third-level seat, a town of 20,000 or a
    Natural Earth river, sea or island.
    """
    code = str(info["feature_code"])
    population = int(info["population"] or 0)
    if (
        code.startswith("PCL")
        or code in _NOTABLE_CODES
        or population >= NOTABLE_POPULATION
        or not is_bulk(info["source"])  # curated and user rows were picked by hand
    ):
        return True
    # Natural Earth's rivers, seas and islands are drawn at world scale: as well known as a
    # town ("الفرات", "Java"), not enough for the commonest words ("أين" is no river Inn).
    world_scale = str(info["source"]).startswith(BULK_PREFIXES)
    return word_zipf < VERY_COMMON and (
        code == "PPLA3" or population >= TOWN_POPULATION or world_scale
    )


# Hamza seats, a final ة, ى or hamza, tatweel. Persian letters (ی, ک) stay: a Persian
# spelling is another language's name ("کان" is Caen, "كان" is "was").
_AR_SPELLING = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ء": None, "\u0640": None}
)


def _spelling(name: str) -> str:
    """A name as written, up to case and, in Arabic, hamza and common letter variants."""
    return name.strip().casefold().translate(_AR_SPELLING)


def spelled_as(query: str, name: str) -> bool:
    """Whether a query writes a gazetteer name as it is, or with the Arabic article added
    (الخرطوم is خرطوم; في is not بالفي, and حكومة is not الحكومة)."""
    q, n = _spelling(query), _spelling(name)
    return q == n or (q.startswith("ال") and q[2:] == n)
