"""The memory-mapped gazetteer cache: built once, keyed by content, safe when unwritable."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import geomentions as gm
from geomentions import store
from geomentions.build import PlaceRow, write

PLACES = [
    PlaceRow("test:1", "Qasr Nadim", 35.1, 38.2, country_code="SY", feature_code="PPL",
             names=["Qasr Nadim", "Kasr Nadeem", "قصر نديم"], population=1200),
    PlaceRow("test:2", "Tell Umran", 36.3, 40.9, country_code="SY", feature_code="PPL",
             names=["Tell Umran", "Tal Omran"]),
    PlaceRow("test:3", "Nadim", 33.0, 44.0, country_code="IQ", feature_code="PPLX",
             names=["Nadim", "Qasr Nadim"]),
]  # fmt: skip


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEOMENTIONS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_first_load_builds_the_cache_and_the_next_maps_it(tmp_path: Path, cache: Path) -> None:
    path = write(PLACES, tmp_path / "g.parquet")
    first = gm.Gazetteer.from_file(path)
    built = list(cache.iterdir())
    assert len(built) == 1 and {f.name for f in built[0].iterdir()} >= {"places.arrow"}
    second = gm.Gazetteer.from_file(path)
    assert second._store.where == first._store.where == str(built[0])
    # Same answers as the in-memory tables the cache was built from.
    memory = gm.Gazetteer(pq.read_table(path))
    for gaz in (second, memory):
        assert sorted(gaz.lookup("Qasr Nadim")) == [0, 2]
        assert gaz.lookup("Kasr Nadeem") == [0, 2]  # a spelling that folds to the same key
        assert gaz.place(0)["population"] == 1200 and gaz.place(2)["country_code"] == "IQ"
        assert not gaz.has_key("nowhere")


def test_a_changed_file_gets_its_own_cache(tmp_path: Path, cache: Path) -> None:
    path = write(PLACES, tmp_path / "g.parquet")
    assert gm.Gazetteer.from_file(path).lookup("Tal Omran") == [1]
    write(PLACES[:1], path)  # rebuilt in place: same name, other content
    gaz = gm.Gazetteer.from_file(path)
    assert len(gaz) == 1 and gaz.lookup("Tal Omran") == []
    assert len(list(cache.iterdir())) == 2


def test_unwritable_cache_places_fall_back_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    # Every candidate lies under a file, so no directory can be made there (even as root).
    monkeypatch.setattr(store, "cache_dirs", lambda: [blocker / "x", blocker / "y"])
    gaz = gm.Gazetteer.from_file(write(PLACES, tmp_path / "g.parquet"))
    assert gaz._store.where == "memory"
    assert gm.resolve("Tell Umran", gazetteer=gaz)[0].place_id == "test:2"


def test_an_unwritable_place_falls_through_to_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    good = tmp_path / "second"
    monkeypatch.setattr(store, "cache_dirs", lambda: [blocker / "x", good])
    gaz = gm.Gazetteer.from_file(write(PLACES, tmp_path / "g.parquet"))
    assert Path(gaz._store.where).parent == good


def test_a_built_cache_is_used_without_writing_anything(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(PLACES, tmp_path / "g.parquet")
    gm.Gazetteer.from_file(path)

    def refuse(*args: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(store, "_write", refuse)  # as on a read-only file system
    gaz = gm.Gazetteer.from_file(path)
    assert Path(gaz._store.where).parent == cache and gaz.lookup("Nadim") == [2]


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, cache: Path) -> None:
    path = write(PLACES, tmp_path / "g.parquet")
    gm.Gazetteer.from_file(path)
    (folder,) = cache.iterdir()
    (folder / "names.arrow").write_bytes(b"truncated")
    gaz = gm.Gazetteer.from_file(path)
    assert gaz.lookup("Tell Umran") == [1]


def test_extra_columns_of_the_file_are_carried_into_places(tmp_path: Path, cache: Path) -> None:
    path = write(PLACES, tmp_path / "g.parquet")
    table = pq.read_table(path)
    # A column this version does not know (a later build's, a user's) comes along too.
    ids = pa.array(["Q1", "Q2", "Q3"])
    pq.write_table(table.append_column("wikidata", ids), path)
    gaz = gm.Gazetteer.from_file(path)
    assert [gaz.place(r)["wikidata"] for r in range(3)] == ["Q1", "Q2", "Q3"]


def test_fuzzy_lookup_reads_skeletons_from_the_cache(tmp_path: Path, cache: Path) -> None:
    gaz = gm.Gazetteer.from_file(write(PLACES, tmp_path / "g.parquet"))
    # "Tell Umrun" is one vowel off every key; the skeleton index finds it.
    assert gm.resolve("Tell Umrun", gazetteer=gaz)[0].place_id == "test:2"


def test_the_shipped_gazetteer_index_matches_a_plain_dict(default_gaz: gm.Gazetteer) -> None:
    # The hash index answers like a dict over all keys, for a sample of real keys.
    keys = default_gaz._store.key_strings
    for i in range(0, len(keys), 9973):
        k = keys[i]
        assert default_gaz.has_key(k)
        assert all(name for _, name in default_gaz.lookup_key(k))
    assert default_gaz.lookup_key("no such place key") == []


def test_a_chosen_cache_dir_is_the_only_place_used(tmp_path: Path, cache: Path) -> None:
    assert store.cache_dirs() == [cache]


def test_a_mapped_gazetteer_copies_no_column(tmp_path: Path, cache: Path) -> None:
    # Columns are read from the mapped files where they lie: a copy (combine_chunks copies
    # even a single chunk) would read every page and duplicate it in the process's memory.
    path = write(PLACES, tmp_path / "g.parquet")
    gm.Gazetteer.from_file(path)  # builds the cache
    before = pa.total_allocated_bytes()
    gaz = gm.Gazetteer.from_file(path)
    assert gaz.place(2)["name"] == "Nadim" and gaz.lookup("Tal Omran") == [1]
    assert pa.total_allocated_bytes() == before
