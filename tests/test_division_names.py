"""First-level divisions by the names reports use for them in French, Arabic and Russian
(Who's On First region records, matched to the GeoNames row by id). Report sentences are our
own; the ids are the GeoNames rows of the shipped gazetteer."""

from __future__ import annotations

import gzip
import json

import pytest

import geomentions as gm
from geomentions.build import PlaceRow
from geomentions.build_layers import add_wof_region_names

SOUTH_KIVU = "geonames:205413"
FAR_NORTH = "geonames:2231755"
BORNO = "geonames:2346794"


@pytest.mark.parametrize(
    ("text", "name", "place_id"),
    [
        ("Clashes were reported near Bukavu, Sud-Kivu, on Monday.", "Sud-Kivu", SOUTH_KIVU),
        ("Boko Haram fighters raided two villages in Extrême-Nord, Cameroon.", "Extrême-Nord", FAR_NORTH),
        ("هاجم مسلحون قرية في ولاية بورنو شمال شرق نيجيريا.", "ولاية بورنو", BORNO),
        ("Вооружённые люди напали на деревню в провинции Южное Киву.", "Южное Киву", SOUTH_KIVU),
    ],
)  # fmt: skip
def test_a_division_by_another_languages_name(text: str, name: str, place_id: str) -> None:
    doc = gm.extract(text)
    found = [m for m in doc.places if name in m.text or m.text in name]
    assert found, [(m.text, m.place and m.place.name) for m in doc.mentions]
    assert found[0].place.place_id == place_id


def test_sud_kivu_is_one_name_not_haiti_and_kyiv() -> None:
    doc = gm.extract("Clashes were reported near Bukavu, Sud-Kivu, on Monday.")
    assert {m.place.country_code for m in doc.places} == {"CD"}
    assert gm.resolve("Sud-Kivu")[0].place_id == SOUTH_KIVU


@pytest.mark.parametrize(
    "text",
    ["Fighting in the Kivu region displaced thousands.", "Aid convoys crossed into the Kivus."],
)
def test_kivu_is_eastern_congo_not_kyiv(text: str) -> None:
    # GeoNames lists "Kievu" among Kyiv's names; the curated region row is the Kivus.
    (m,) = gm.extract(text).places
    assert m.place.country_code == "CD"


_HEADER = "wof_id placetype deprecated name gn_id lat lon concordances names".split()


def test_region_names_join_their_row_by_geonames_id(tmp_path) -> None:
    kivu = PlaceRow("geonames:205413", "South Kivu", -3.0, 28.3, "CD", "A", "ADM1")
    kivu.names = ["South Kivu"]
    nord = PlaceRow("geonames:3719543", "Nord", 19.6, -72.3, "HT", "A", "ADM1")
    nord.names = ["Nord"]
    labels = {
        "fra_x_preferred": ["Sud-Kivu"],
        "rus_x_preferred": ["Южное Киву"],
        # A code, another division's name, everyday words.
        "eng_x_variant": ["SK", "Nord", "Seventh Region"],
        "deu_x_preferred": ["Süd-Kivu"],  # not one of our users' languages
    }
    records = [
        {"placetype": "region", "name": "Sud-Kivu", "lat": -3.2, "lon": 28.2,
         "concordances": json.dumps({"gn:id": 205413}), "names": json.dumps(labels)},
        # A deprecated record and a locality add nothing.
        {"placetype": "region", "deprecated": "2020-01-01", "gn_id": "205413",
         "names": json.dumps({"fra_x_preferred": ["Ancien Kivu"]})},
        {"placetype": "locality", "gn_id": "205413",
         "names": json.dumps({"fra_x_preferred": ["Bukavu-Ville"]})},
    ]  # fmt: skip
    path = tmp_path / "wof-admin-cd.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\t".join(_HEADER) + "\n")
        for r in records:
            fh.write("\t".join(str(r.get(c, "")) for c in _HEADER) + "\n")
    assert add_wof_region_names([kivu, nord], [path]) == 2
    assert kivu.names == ["South Kivu", "Sud-Kivu", "Южное Киву"]
    assert nord.names == ["Nord"]
