"""Physical and marine places from Natural Earth (gazetteer/supplement/physical.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import geomentions as gm

PHYSICAL = Path(__file__).resolve().parent.parent / "gazetteer" / "supplement" / "physical.csv"
CODES = {"ISL", "ISLS", "PEN", "DSRT", "MTS", "PLAT", "RGN", "ISTH", "GRGE", "SEA", "OCN",
         "GULF", "BAY", "STRT", "CHN", "SD", "LGN", "FJD", "INLT", "STM"}  # fmt: skip


def rows() -> list[dict[str, str]]:
    with open(PHYSICAL, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_physical_csv_is_well_formed() -> None:
    found = rows()
    ids = [r["id"] for r in found]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    for r in found:
        assert r["feature_code"] in CODES, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert float(r["radius_km"]) >= 0 and r["source"].startswith("naturalearth:")


@pytest.mark.parametrize(
    ("name", "code", "near"),
    [
        ("Red Sea", "SEA", (20.3, 38.5)),
        ("Gulf of Aden", "GULF", (12.9, 48.2)),
        ("Euphrates", "STM", (34.4, 42.3)),
        ("Java", "ISL", (-7.3, 109.6)),
        ("البحر الأحمر", "SEA", (20.3, 38.5)),
        ("Красное море", "SEA", (20.3, 38.5)),
        ("الفرات", "STM", (34.4, 42.3)),
    ],
)
def test_physical_places_resolve(name: str, code: str, near: tuple[float, float]) -> None:
    found = [c for c in gm.resolve(name) if c.feature_code == code]
    assert found, gm.resolve(name)
    assert abs(found[0].lat - near[0]) < 1.0 and abs(found[0].lon - near[1]) < 1.0


def test_a_report_names_a_gulf_and_a_river() -> None:
    doc = gm.extract(
        "Rebels attacked a ship in the Gulf of Aden; a bridge over the Euphrates fell."
    )
    codes = {m.text: m.place.feature_code for m in doc.places}
    assert codes.get("Gulf of Aden") == "GULF" and codes.get("Euphrates") == "STM"
