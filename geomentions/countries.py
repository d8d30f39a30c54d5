"""Country hints as users type them -> ISO 3166 alpha-2 codes, checked the same way everywhere.

A hint is an alpha-2 code ("SY"), an alpha-3 code ("SYR") or a country's name in any
language the gazetteer's country rows spell it in ("Syria", "Lebanon", "لبنان", "Сирия");
several are separated by "," or ";" or given as a list. The codes come from the shipped
table ``geomentions/data/countries.tsv`` (GeoNames ``countryInfo.txt``); the names from that
table and from the gazetteer's country rows. Anything else raises :class:`ValueError` with
the message the API and the CLI both show.

>>> country_codes("Lebanon; SYR, iq")
('LB', 'SY', 'IQ')
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .names import key as name_key

if TYPE_CHECKING:  # the gazetteer module reads user places through build, which uses this one
    from .gazetteer import Gazetteer

__all__ = ["country_codes", "alpha2", "COUNTRY_HINT_HELP"]

_TABLE = Path(__file__).resolve().parent / "data" / "countries.tsv"
#: What a country hint may be; the end of every error about one.
COUNTRY_HINT_HELP = "give ISO 3166 codes or country names, e.g. 'SY', 'SYR', 'Syria' or 'SY,IQ'"


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """(alpha-2 codes, alpha-3 -> alpha-2, casefolded English name -> alpha-2)."""
    alpha2: set[str] = set()
    alpha3: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        a2, a3, name = line.split("\t")
        alpha2.add(a2)
        alpha3[a3] = a2
        names[name.casefold()] = a2
    return frozenset(alpha2), alpha3, names


def _from_gazetteer(name: str, gazetteer: Gazetteer | None) -> str | None:
    """The country a gazetteer country row is called exactly ``name`` (case aside)."""
    from .gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.default()
    wanted = name.casefold()
    for row, matched in gaz.lookup_key(name_key(name)):
        info = gaz.place(row)
        if str(info["feature_code"]).startswith("PCL") and matched.casefold() == wanted:
            return str(info["country_code"])
    return None


def alpha2(text: str) -> str | None:
    """The alpha-2 code of an alpha-2 or alpha-3 code or an English country name, from the
    shipped table only (no gazetteer); None if it is none of these.

    >>> alpha2("syr"), alpha2("Lebanon"), alpha2("XX")
    ('SY', 'LB', None)
    """
    text = text.strip()
    codes2, codes3, names = _table()
    upper = text.upper()
    if len(text) == 2 and upper in codes2:
        return upper
    if len(text) == 3 and upper in codes3:
        return codes3[upper]
    return names.get(text.casefold())


def _one(hint: str, gazetteer: Gazetteer | None) -> str:
    text = hint.strip()
    code = alpha2(text) or (_from_gazetteer(text, gazetteer) if len(text) > 3 else None)
    if code is None:
        raise ValueError(f"unknown country {text!r}: {COUNTRY_HINT_HELP}")
    return code


def country_codes(
    hint: str | Iterable[str] | None, gazetteer: Gazetteer | None = None
) -> tuple[str, ...]:
    """Alpha-2 codes of a country hint, in the order given, without repeats; ``()`` for None.

    >>> country_codes("SY")
    ('SY',)
    >>> country_codes(["Iraq", "SYR"])
    ('IQ', 'SY')
    >>> country_codes("XX")
    Traceback (most recent call last):
    ...
    ValueError: unknown country 'XX': give ISO 3166 codes or country names, e.g. 'SY', 'SYR', 'Syria' or 'SY,IQ'
    """
    if hint is None:
        return ()
    if isinstance(hint, str):
        parts = hint.replace(";", ",").split(",")
    elif isinstance(hint, Iterable) and not isinstance(hint, (bytes, bytearray)):
        parts = list(hint)
    else:
        raise TypeError(
            f"country must be a string, a list of strings or None, not {type(hint).__name__}"
        )
    codes: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            raise TypeError(
                f"country must be a string, a list of strings or None, not {type(part).__name__}"
            )
        if part.strip():
            code = _one(part, gazetteer)
            if code not in codes:
                codes.append(code)
    if not codes and not (isinstance(hint, str) and not hint.strip()):
        raise ValueError(f"empty country hint {hint!r}: {COUNTRY_HINT_HELP}")
    return tuple(codes)  # a blank string is no hint, like None
