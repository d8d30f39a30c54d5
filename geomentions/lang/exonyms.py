"""Names of well-known places that GeoNames' cities table lacks in a script our reports use
(data, no logic), by GeoNames id; the gazetteer builder adds them to those places' rows.

Arabic news writes Washington "واشنطن", yet the cities table names the US capital only in
Latin and Cyrillic letters, so "قالت واشنطن" found no capital, only US towns called
Washington. Spellings are the ones Arabic news uses, written by us.
"""

from __future__ import annotations

EXONYMS: dict[str, tuple[str, ...]] = {
    "geonames:4140963": ("واشنطن", "واشنطن العاصمة"),  # Washington, D.C.
    "geonames:2422465": ("كوناكري",),  # Conakry
    "geonames:3492908": ("سانتو دومينغو",),  # Santo Domingo
    "geonames:6611854": ("نايبيداو", "نايبيتاو"),  # Nay Pyi Taw
    "geonames:2993458": ("موناكو",),  # Monaco
    "geonames:1282027": ("ماليه",),  # Malé
}
