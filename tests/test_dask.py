"""Extraction over Dask collections on a two-process local cluster (geomentions.dask)."""

from __future__ import annotations

import copy
import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")
pytest.importorskip("dask_geopandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import geopandas as gpd  # noqa: E402
import pandas as pd  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from geopandas.testing import assert_geodataframe_equal  # noqa: E402

import geomentions as gm  # noqa: E402
from geomentions import dask as gmd  # noqa: E402
from geomentions.batch import extract_many  # noqa: E402
from geomentions.frames import COLUMNS, to_geodataframe  # noqa: E402
from geomentions.gazetteer import default_path  # noqa: E402

REPORTS = [
    ("w01", "Warplanes struck 6 targets near Jisr al-Shughur on 3 June 2016."),
    ("w02", "Artillery shelled the eastern outskirts of Deir ez-Zor; 4 people were killed."),
    ("w03", "Clashes broke out in Mosul and spread towards Tal Afar."),
    ("w04", "The convoy left Damascus for Douma in the morning."),
    ("w05", "No location is given in this short note."),
    ("w06", "شنت طائرات حربية غارات على مدينة إدلب وريف حلب الغربي."),
    ("w07", "Над Харьковом и Сумами сбиты 3 беспилотника."),
    ("w08", "Families fled Raqqa towards Tabqa after 2 nights of airstrikes."),
    ("w09", "Protests were held in Basra and Najaf on Friday."),
    ("w10", "Rockets landed north of Kirkuk, near the Baiji road."),
]


def _sorted(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def expected() -> gpd.GeoDataFrame:
    return _sorted(to_geodataframe(extract_many(REPORTS, progress=False)))


def test_bag_of_tuples_equals_extract_many(client: Client, expected: gpd.GeoDataFrame) -> None:
    lazy = gmd.extract(db.from_sequence(REPORTS, npartitions=4))
    assert list(lazy.columns) == COLUMNS
    got = lazy.compute()
    assert isinstance(got, gpd.GeoDataFrame) and len(got) > 10
    assert_geodataframe_equal(_sorted(got), expected, check_dtype=True, check_crs=True)
    # Rows actually came from several documents and scripts.
    assert {"w01", "w06", "w07"} <= set(got["doc_id"])


def test_bag_of_texts_gets_position_ids(client: Client) -> None:
    texts = [t for _, t in REPORTS]
    got = gmd.extract(db.from_sequence(texts, npartitions=3)).compute()
    want = to_geodataframe(extract_many(texts, progress=False))
    assert_geodataframe_equal(_sorted(got), _sorted(want))
    assert "9" in set(got["doc_id"])  # the last text, counted across partitions


def test_dataframe_with_id_column(client: Client, expected: gpd.GeoDataFrame) -> None:
    frame = pd.DataFrame({"rid": [i for i, _ in REPORTS], "body": [t for _, t in REPORTS]})
    ddf = dd.from_pandas(frame, npartitions=3)
    got = gmd.extract(ddf, text_column="body", id_column="rid").compute()
    assert_geodataframe_equal(_sorted(got), expected)


def test_gazetteer_by_path_and_options(client: Client) -> None:
    texts = [("t1", "Clashes were reported in Tripoli."), ("t2", "Shells hit Homs.")]
    bag = db.from_sequence(texts, npartitions=2)
    got = gmd.extract(bag, gazetteer=str(default_path()), country="LB").compute()
    want = to_geodataframe(extract_many(texts, country="LB", progress=False))
    assert_geodataframe_equal(_sorted(got), _sorted(want))
    assert got.loc[got["mention"] == "Tripoli", "country_code"].tolist() == ["LB"]


def test_gazetteer_that_cannot_travel_is_refused() -> None:
    bag = db.from_sequence(["Shells hit Homs."])
    in_memory = copy.copy(gm.Gazetteer.default())
    in_memory.path = None
    with pytest.raises(ValueError, match="path"):
        gmd.extract(bag, gazetteer=in_memory)
    with pytest.raises(TypeError, match="gazetteer"):
        gmd.extract(bag, gazetteer=42)


def test_bad_input_is_refused() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"text": ["Homs"]}), npartitions=1)
    with pytest.raises(ValueError, match="body"):
        gmd.extract(ddf, text_column="body")
    with pytest.raises(TypeError, match="workers"):
        gmd.extract(ddf, workers=2)
    with pytest.raises(TypeError, match="extract_many"):
        gmd.extract(["Shells hit Homs."])
    with pytest.raises(ValueError, match="min_confidence"):
        gmd.extract(ddf, min_confidence=2)


def test_missing_dask_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask_geopandas", None)  # import now fails
    with pytest.raises(ImportError, match=r"geomentions\[dask\]"):
        gmd.extract(db.from_sequence(["Homs"]))


def test_workers_load_the_village_layers_of_the_gazetteer_given() -> None:
    # Khan Tuman is a row of Syria's village layer: the base file alone does not have it.
    text = "Clashes were reported in Khan Tuman, south of Aleppo, Syria."
    bag = db.from_sequence([text], npartitions=1)
    with_villages = gmd.extract(bag).compute(scheduler="sync")
    base_only = gmd.extract(bag, gazetteer=gm.Gazetteer.default(layers=())).compute(
        scheduler="sync"
    )
    assert "Khan Tuman" in list(with_villages["mention"])
    assert "Khan Tuman" not in list(base_only["mention"])
