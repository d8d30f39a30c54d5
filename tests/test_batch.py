"""Batch extraction: order, workers, files, errors, laziness (geomentions.batch)."""

from __future__ import annotations

import copy
import datetime as dt
import multiprocessing as mp
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import geomentions as gm
from geomentions import batch
from geomentions.batch import extract_many, iter_extract

REPORTS = [
    "Rockets hit Aleppo overnight; 3 civilians were wounded.",
    "Airstrikes near Tadmur destroyed 2 depots on 4 May 2016.",
    "Government artillery shelled Kafr Nabl and Maarat al-Numan.",
    "No place is named in this sentence at all.",
    "Clashes continued in Mosul and on the road to Erbil.",
    "قصفت المدفعية مدينة حمص وقرى في ريف حماة.",
    "Самолёты нанесли удары в районе Пальмиры и Алеппо.",
    "",
    "Aid convoys reached Deir ez-Zor after the siege was lifted.",
    "Protesters gathered in Kharkiv and Odesa on Sunday.",
]


def _dicts(docs: list[gm.Document]) -> list[dict]:
    return [{**d.to_dict(), "text": d.text} for d in docs]


@pytest.fixture(scope="module")
def serial() -> list[gm.Document]:
    return extract_many(REPORTS, progress=False)


def test_results_in_input_order_with_index_ids(serial: list[gm.Document]) -> None:
    assert [d.doc_id for d in serial] == [str(i) for i in range(len(REPORTS))]
    assert [d.text for d in serial] == REPORTS
    assert [m.place.name for m in serial[0].places] == ["Aleppo"]
    assert serial[3].mentions == [] and serial[7].mentions == []
    assert all(d.error is None for d in serial)


def test_same_as_extract_one_by_one(serial: list[gm.Document]) -> None:
    one_by_one = [gm.extract(t, doc_id=str(i)) for i, t in enumerate(REPORTS)]
    assert _dicts(serial) == _dicts(one_by_one)


def test_two_workers_equal_one(serial: list[gm.Document]) -> None:
    # chunksize=1 interleaves the two workers, so any reordering would show.
    parallel = extract_many(REPORTS * 3, workers=2, chunksize=1, progress=False)
    assert [d.doc_id for d in parallel] == [str(i) for i in range(len(REPORTS) * 3)]
    assert _dicts(parallel[: len(REPORTS)]) == _dicts(serial)
    third = parallel[2 * len(REPORTS) :]
    assert [d.text for d in third] == REPORTS
    assert [d.to_dict()["mentions"] for d in third] == [d.to_dict()["mentions"] for d in serial]


def test_options_apply_to_every_item() -> None:
    text = "Clashes were reported in Tripoli."
    date = dt.date(2016, 3, 24)
    docs = extract_many([text, ("b", text)], country="LB", date=date, progress=False)
    for doc_id, doc in zip(["0", "b"], docs, strict=True):
        assert doc.to_dict() == gm.extract(text, country="LB", date=date, doc_id=doc_id).to_dict()
    assert [(m.text, m.place.country_code) for m in docs[0].places] == [("Tripoli", "LB")]


def test_files_bad_utf8_and_missing_are_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Clashes erupted in Homs.\r\nShells hit Hama.", encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffRockets hit Aleppo.".encode())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Rockets hit Aleppo \xff\xfe and Idlib.")
    missing = tmp_path / "missing.txt"
    for workers in (1, 2):
        docs = extract_many(
            [good, bad, str(good), missing, bom, "Shells hit Idlib."],
            workers=workers,
            progress=False,
        )
        assert [d.doc_id for d in docs] == [
            str(good), str(bad), str(good), str(missing), str(bom), "5",
        ]  # fmt: skip
        # Line ends kept as written: offsets index the file's own text.
        assert docs[0].text == good.read_bytes().decode("utf-8")
        assert [m.text for m in docs[0].places] == ["Homs", "Hama"]
        assert all(docs[0].text[m.start : m.end] == m.text for m in docs[0].mentions)
        assert docs[2].to_dict() == docs[0].to_dict()
        assert docs[1].error.startswith("UnicodeDecodeError:") and docs[1].mentions == []
        assert docs[3].error.startswith("FileNotFoundError:") and str(missing) in docs[3].error
        assert docs[4].text == "Rockets hit Aleppo." and docs[4].places[0].start == 12
        assert [m.text for m in docs[5].places] == ["Idlib"]
        assert [d.error is None for d in docs] == [True, False, True, False, True, True]


def test_str_naming_a_file_is_read_as_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = tmp_path / "Aleppo"
    named.write_text("Airstrikes near Tadmur.", encoding="utf-8")
    as_text = f"{named}\nShells hit Homs."  # a line break: never a file name
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    monkeypatch.chdir(empty)
    docs = extract_many([as_text, ("t", str(named)), "Aleppo"], progress=False)
    assert docs[0].doc_id == "0" and docs[0].text == as_text
    assert docs[1].doc_id == "t" and docs[1].text == str(named)  # tuples are always text
    assert docs[2].doc_id == "2" and docs[2].text == "Aleppo"  # no such file here
    # The documented pitfall: where a file of that name exists, the string is the file.
    monkeypatch.chdir(tmp_path)
    doc = extract_many(["Aleppo"], progress=False)[0]
    assert doc.doc_id == "Aleppo" and [m.text for m in doc.places] == ["Tadmur"]


def test_failing_document_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.extract

    def flaky(text: object, **kwargs: object) -> gm.Document:
        if isinstance(text, str) and "BOOM" in text:
            raise RuntimeError("simulated failure")
        return real(text, **kwargs)

    # Forked workers inherit the patch, so both modes see the same failure.
    monkeypatch.setattr(batch, "extract", flaky)
    items = [("a", "Shells hit Homs."), ("b", "BOOM in Hama"), ("c", None), ("d", b"\xffHoms")]
    items += [("e", "Rockets hit Aleppo.")]
    for workers in (1, 2):
        docs = extract_many(items, workers=workers, chunksize=1, progress=False)
        assert [d.doc_id for d in docs] == ["a", "b", "c", "d", "e"]
        assert docs[1].error == "RuntimeError: simulated failure" and docs[1].text == "BOOM in Hama"
        assert docs[2].error.startswith("TypeError: text must be str")
        assert docs[3].error.startswith("ValueError:") and "UTF-8" in docs[3].error
        assert [m.text for m in docs[0].places] == ["Homs"]
        assert [m.text for m in docs[4].places] == ["Aleppo"]


def _counting(texts: list[str], pulled: list[int]) -> Iterator[str]:
    for t in texts:
        pulled[0] += 1
        yield t


@pytest.mark.parametrize("workers", [1, 2])
def test_generators_are_read_lazily(workers: int) -> None:
    pulled = [0]
    texts = [f"Report {i}: shells hit Homs." for i in range(300)]
    stream = iter_extract(_counting(texts, pulled), workers=workers, chunksize=2, progress=False)
    first = next(stream)
    assert first.doc_id == "0" and [m.text for m in first.places] == ["Homs"]
    # At most a few chunks per worker are in flight, never the whole input.
    assert pulled[0] <= workers * batch._CHUNKS_PER_WORKER * 2 + 2
    stream.close()  # stopping early shuts the pool down


def test_progress_bar_does_not_change_results(capsys: pytest.CaptureFixture[str]) -> None:
    docs = extract_many(REPORTS[:3], workers=2, progress=True)
    assert [d.text for d in docs] == REPORTS[:3]
    stream = iter_extract(iter(REPORTS), progress=True)
    assert next(stream).doc_id == "0"
    stream.close()
    capsys.readouterr()  # the bar itself (if shown) is not checked


def test_full_generator_run() -> None:
    docs = extract_many((t for t in REPORTS[:3]), workers=2, progress=False)
    assert [d.doc_id for d in docs] == ["0", "1", "2"]
    assert [m.text for m in docs[1].places] == ["Tadmur"]


def test_bad_arguments_are_refused_up_front() -> None:
    with pytest.raises(TypeError, match="iterable"):
        iter_extract("Shells hit Homs.")
    with pytest.raises(ValueError, match="workers"):
        iter_extract(REPORTS, workers=-1)
    with pytest.raises(ValueError, match="chunksize"):
        iter_extract(REPORTS, chunksize=0)
    with pytest.raises(ValueError, match="min_confidence"):
        iter_extract(REPORTS, min_confidence=1.5)
    with pytest.raises(TypeError, match="date"):
        iter_extract(REPORTS, date="2016-03-24")
    with pytest.raises(ValueError, match="unknown country 'XX'"):
        iter_extract(REPORTS, country="XX")
    with pytest.raises(ValueError, match="time_budget"):
        iter_extract(REPORTS, time_budget=0)


@pytest.mark.parametrize("workers", [1, 2])
def test_malformed_items_become_error_documents_in_place(workers: int, tmp_path: Path) -> None:
    items = [
        "Shells hit Homs.", None, 42, b"\xff\xfeHoms", tmp_path / "missing.txt",
        ("a", "b", "c"), 3.5, ("last", "Rockets hit Aleppo."),
    ]  # fmt: skip
    docs = extract_many(items, workers=workers, chunksize=1, progress=False)
    assert len(docs) == len(items)
    assert [m.text for m in docs[0].places] == ["Homs"] and docs[0].error is None
    assert docs[1].error == (
        "TypeError: item 1: expected str, bytes, os.PathLike or (doc_id, text), got NoneType"
    )
    assert docs[2].error.endswith("got int") and docs[6].error.endswith("got float")
    assert docs[3].error.startswith("ValueError: text bytes are not valid UTF-8")
    assert docs[4].error.startswith("FileNotFoundError") and docs[4].doc_id.endswith("missing.txt")
    assert "tuple item must be (doc_id, text)" in docs[5].error
    assert docs[7].doc_id == "last" and [m.text for m in docs[7].places] == ["Aleppo"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_its_time_budget_is_an_error_and_the_batch_goes_on(workers: int) -> None:
    # Half a megabyte of report text takes about half a second; the others a few milliseconds.
    long_text = ("\n\n".join(REPORTS) + "\n\n") * (500_000 // (len("".join(REPORTS)) + 1) + 1)
    items = [("short", "Shells hit Homs."), ("long", long_text), ("after", "Rockets hit Aleppo.")]
    docs = extract_many(items, workers=workers, chunksize=1, progress=False, time_budget=0.05)
    assert [d.doc_id for d in docs] == ["short", "long", "after"]
    assert docs[1].error == "TimeoutError: document took longer than its time budget of 0.05 s"
    assert docs[1].mentions == []
    assert [m.text for m in docs[0].places] == ["Homs"] and docs[0].error is None
    assert [m.text for m in docs[2].places] == ["Aleppo"] and docs[2].error is None


def test_workers_are_capped_at_the_cpu_count() -> None:
    cpus = os.cpu_count() or 1
    assert batch.n_workers(cpus + 7) == cpus
    assert batch.n_workers(None) == cpus and batch.n_workers(1) == 1


def test_user_places_reach_forked_workers(private_gaz: gm.Gazetteer) -> None:
    private_gaz.add_places([{"name": "Qaryat Zeytunat", "lat": 35.51, "lon": 36.77}])
    items = ["Displaced families arrived in Qaryat Zeytunat.", "Shells hit Homs."]
    one = extract_many(items, gazetteer=private_gaz, progress=False)
    two = extract_many(items, gazetteer=private_gaz, workers=2, chunksize=1, progress=False)
    assert [m.place.name for m in one[0].places] == ["Qaryat Zeytunat"]
    assert _dicts(one) == _dicts(two)


def test_without_fork_user_places_need_one_worker(
    private_gaz: gm.Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_gaz.add_places([{"name": "Tall Waraqat", "lat": 35.2, "lon": 36.9}])
    in_memory = copy.copy(private_gaz)
    in_memory.path = None
    docs = extract_many(["Shells hit Homs."], gazetteer=in_memory, progress=False)
    assert [m.text for m in docs[0].places] == ["Homs"]
    # Forked workers inherit even a gazetteer that has no file.
    two = extract_many(["Shells hit Homs."], gazetteer=in_memory, workers=2, progress=False)
    assert _dicts(two) == _dicts(docs)
    # Spawned workers (macOS, Windows) reload the file, so they cannot see added places.
    monkeypatch.setattr(batch, "_pool_context", lambda: (mp.get_context("spawn"), False))
    for gaz in (in_memory, private_gaz):
        with pytest.raises(ValueError, match="workers=1"):
            extract_many(["Shells hit Homs."], gazetteer=gaz, workers=2)


def test_spawned_workers_load_the_same_village_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    # Khan Tuman is a village row (Syria's layer): a worker that reloaded the file alone
    # would not know it, and the batch would depend on how workers start.
    text = "Clashes were reported in Khan Tuman, south of Aleppo, Syria."
    gaz = gm.Gazetteer.default()
    one = extract_many([text], gazetteer=gaz, progress=False)
    assert "Khan Tuman" in [m.text for m in one[0].places]
    monkeypatch.setattr(batch, "_pool_context", lambda: (mp.get_context("spawn"), False))
    two = extract_many([text, text], gazetteer=gaz, workers=2, chunksize=1, progress=False)
    assert _dicts(two[:1]) == _dicts(one)
