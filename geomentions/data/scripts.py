"""Countries whose own reports are written in each script our users read.

An Arabic report naming "طرابلس" more likely means the Libyan or Lebanese Tripoli than the
Greek one; a Russian report naming "Победа" means a village in the former Soviet Union.
Read by the ranker's ``script_fits_country`` / ``script_foreign`` features.
"""

from __future__ import annotations

SCRIPT_COUNTRIES: dict[str, frozenset[str]] = {
    "arabic": frozenset(
        "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR AF PK TD EH".split()
    ),
    "cyrillic": frozenset("RU UA BY KZ KG TJ UZ BG RS MK MN ME BA MD AM AZ GE TM".split()),
}
