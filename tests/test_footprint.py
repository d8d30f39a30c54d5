"""Footprint: what a plain extraction job loads, and how batches treat memory."""

from __future__ import annotations

import json
import subprocess
import sys

import geomentions as gm


def _modules_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_import_and_extract_load_no_frame_map_or_word_libraries() -> None:
    loaded = _modules_after(
        "import geomentions as gm\n"
        "doc = gm.extract('Shelling hit eastern Aleppo; удары по Алеппо; قصف على حلب.')\n"
        "assert [m.place.name for m in doc.places][:1] == ['Aleppo'], doc.places"
    )
    heavy = {"pandas", "geopandas", "folium", "shapely", "tqdm", "wordfreq"}
    assert not heavy & loaded, heavy & loaded


def test_frames_still_load_their_libraries_on_use() -> None:
    loaded = _modules_after(
        "import geomentions as gm\ngm.to_geodataframe(gm.extract('Clashes in Homs.'))"
    )
    assert {"pandas", "geopandas"} <= loaded


def test_a_batch_leaves_the_collector_as_it_found_it() -> None:
    import gc

    before = gc.get_threshold()
    docs = gm.extract_many(["Shelling in Homs.", "Clashes near Idlib."], workers=1)
    assert [d.places[0].place.name for d in docs] == ["Homs", "Idlib"]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_what_each_document_leaves_is_frozen_during_extract_many() -> None:
    import gc

    texts = ["Shelling in Homs.", "Clashes near Idlib and in eastern Aleppo.", "Floods in Sennar."]
    frozen = []

    def items():  # read one at a time, as the batch reaches each
        for text in texts:
            frozen.append(gc.get_freeze_count())
            yield text

    docs = gm.extract_many(items(), workers=1)
    assert [d.error for d in docs] == [None, None, None]
    # The memo entries and results each document made survive the batch: frozen, later
    # collections do not rescan them; the batch unfreezes all at its end.
    assert frozen[0] < frozen[1] < frozen[2]
    assert gc.get_freeze_count() == 0


def test_a_loop_over_iter_extract_keeps_its_garbage_collectable() -> None:
    import gc
    import weakref

    class Holder:
        pass

    texts = ["Shelling in Homs.", "Clashes near Idlib.", "Floods in Sennar."]
    dead = None
    for n, doc in enumerate(gm.iter_extract(texts, workers=1)):
        assert doc.error is None
        if n == 0:
            cycle = Holder()
            cycle.me = cycle  # type: ignore[attr-defined]  # garbage only the collector frees
            dead = weakref.ref(cycle)
            del cycle
        elif n == 1:
            gc.collect()  # the caller's own cycle, made mid-batch, is not frozen away
            assert dead is not None and dead() is None


def test_pooled_results_carry_their_texts_and_match_a_serial_run() -> None:
    texts = [f"Report {i}: airstrikes hit Aleppo and Tadmur." for i in range(40)]
    texts[7] = "Rockets fell on Kharkiv; удары по Харькову."
    pooled = gm.extract_many(texts, workers=2, chunksize=4)
    serial = gm.extract_many(texts, workers=1)
    assert [d.text for d in pooled] == texts
    assert [d.to_dict() for d in pooled] == [d.to_dict() for d in serial]
