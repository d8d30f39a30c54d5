"""Robustness: arbitrary text, bad input, huge documents, determinism, threads, bad files.

Property tests (hypothesis) run over extract, resolve, to_geodataframe and make_map with
a fixed seed (``derandomize``) so that CI is reproducible.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing as mp
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geomentions as gm
from geomentions import frames, maps
from geomentions.gazetteer import default_path
from geomentions.model import EVENT_TYPES

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces of report-like text in three scripts, with the phrasing recognition reads.
WORDS = [
    "Aleppo", "Tadmur", "Deir ez-Zor", "Idlib", "Kafr Nabl", "Mosul", "Kharkiv", "Tripoli",
    "Lebanon", "eastern", "the southern countryside of", "12 km north of", "near", "in",
    "Mr", "said", "airstrikes", "shelled", "killed", "24", "3,000", "12 March 2016",
    "province", "air base", "Jabhat al-Nusra", "U.S.", "UK", "St.", "al-", "'s", "(", ")",
    "حلب", "ريف", "دير الزور", "الشرقي", "في", "تدمر", "إدلب", "غارة",
    "Пальмира", "в районе", "Алеппо", "Дейр-эз-Зора", "к северу от", "Хмеймим", "удары",
]  # fmt: skip
# Characters that have broken text tools before: controls, BOM, bidi, zero-width,
# combining marks, tatweel, case changes that alter length.
ODD = "\x00\x07\x1b\x7f\u0085\ufeff\u202e\u202c\u200b\u200d\u0301\u0640İßﬁΣ\u3000\U0001d400"
SEPARATORS = [" ", ", ", ". ", "\n", "\t", "، ", "-", "", "  ", "; ", "\u00a0", "\r\n"]
# Markup a hostile report could carry; none of it may reach a map page unescaped.
PAYLOADS = [
    "<script>alert('gm-xss')</script>",
    "<img src=x onerror=gmxss()>",
    '"><svg/onload=gmxss()>',
    "</div><i>gm-xss</i>",
    "'); gmxss(); ('",
]

odd_text = st.text(alphabet=st.characters() | st.sampled_from(ODD), max_size=300)
mixed_text = st.lists(
    st.tuples(
        st.sampled_from(WORDS) | st.text(alphabet=st.sampled_from(ODD + "ab "), max_size=4),
        st.sampled_from(SEPARATORS),
    ),
    max_size=40,
).map(lambda parts: "".join(w + s for w, s in parts))
hostile_text = st.lists(
    st.sampled_from(WORDS) | st.sampled_from(PAYLOADS), min_size=1, max_size=25
).map(" ".join)


def check_document(doc: gm.Document, text: str) -> None:
    """What every Document must satisfy, whatever the text."""
    assert isinstance(doc, gm.Document) and doc.text == text and doc.error is None
    prev_end = 0
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, (m, text[m.start : m.end])
        assert m.start >= prev_end, f"mentions overlap or are out of order: {doc.mentions}"
        prev_end = m.end
        assert 0.0 <= m.confidence <= 1.0
        scores = [c.score for c in m.candidates]
        assert scores == sorted(scores, reverse=True)
        assert m.activity.event_type in EVENT_TYPES
        if m.place is None:
            assert m.lat is None and m.lon is None
        else:
            assert m.place == m.candidates[0]
            assert -90 <= m.lat <= 90 and -180 <= m.lon <= 180
            assert m.precision in (1, 2, 3) and m.uncertainty_km >= 0


# --- extract ---------------------------------------------------------------------------------
@PROPERTY
@given(odd_text)
def test_extract_any_unicode(text: str) -> None:
    check_document(gm.extract(text), text)


@PROPERTY
@given(mixed_text)
def test_extract_mixed_scripts_is_valid_and_deterministic(text: str) -> None:
    doc = gm.extract(text)
    check_document(doc, text)
    assert gm.extract(text).to_dict() == doc.to_dict()


@pytest.mark.parametrize("text", ["", " ", "\n\t\r\n", "\u200b\u3000\u00a0", "\x00" * 5, "\ufeff"])
def test_empty_and_blank_text(text: str) -> None:
    doc = gm.extract(text)
    assert doc.mentions == [] and doc.text == text and doc.focus == ()


def test_bad_text_types() -> None:
    with pytest.raises(TypeError, match="None"):
        gm.extract(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gm.extract(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="UTF-8"):
        gm.extract("Shells hit Aleppo \udcff".encode("utf-8", "surrogateescape"))
    with pytest.raises(ValueError, match="UTF-8"):
        gm.extract(b"\xd8\xad\xd9")  # Arabic cut in the middle of a character
    from_bytes = gm.extract(b"Shells hit Aleppo.")
    assert [m.text for m in from_bytes.places] == ["Aleppo"]


# --- resolve ---------------------------------------------------------------------------------
@PROPERTY
@given(st.one_of(st.sampled_from(WORDS), st.text(max_size=40), mixed_text.map(lambda t: t[:80])))
def test_resolve_any_name(name: str) -> None:
    found = gm.resolve(name)
    assert len(found) <= 5
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True) and all(0.0 <= s <= 1.0 for s in scores)
    assert all(-90 <= c.lat <= 90 and -180 <= c.lon <= 180 for c in found)
    assert gm.resolve(name) == found


def test_resolve_bad_input() -> None:
    with pytest.raises(TypeError):
        gm.resolve(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decode"):
        gm.resolve(b"Aleppo")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="extract"):
        gm.resolve("Aleppo " * 60)
    with pytest.raises(ValueError, match="limit"):
        gm.resolve("Aleppo", limit=0)


# --- frames and maps -------------------------------------------------------------------------
@settings(PROPERTY, max_examples=15)
@given(hostile_text)
def test_frames_and_maps_from_hostile_text(text: str) -> None:
    doc = gm.extract(text, doc_id="<b>id</b>")
    gdf = frames.to_geodataframe(doc)
    assert list(gdf.columns) == frames.COLUMNS
    assert {c: str(gdf[c].dtype) for c in frames.SCHEMA} == {
        c: str(frames.to_geodataframe([])[c].dtype) for c in frames.SCHEMA
    }
    assert len(gdf) == len(doc.places) and str(gdf.crs) == "EPSG:4326"
    assert gdf.geometry.x.tolist() == gdf["lon"].tolist()
    html = maps.make_map(doc, tiles=None).get_root().render()
    for payload in [*PAYLOADS, "<b>id</b>"]:
        assert payload not in html
    assert "<img src=x" not in html and "<svg/onload" not in html


def test_frames_and_maps_bad_input() -> None:
    for bad in (None, "Shells hit Aleppo.", 42, [None]):
        with pytest.raises(TypeError):
            frames.to_geodataframe(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            maps.make_map(bad, tiles=None)  # type: ignore[arg-type]


# --- a very long document ----------------------------------------------------------------------
SENTENCE = "Warplanes struck 4 targets near Tadmur and in eastern Aleppo on 12 March 2016. "
PROSE = (
    "the committee said that talks would resume after a short pause and that both sides "
    "had agreed to keep the crossings open for aid trucks. "
)
NOISE = "xq#@ 7 \t\u200b ~~ \x00\x07 \u202e|\u202c "


def test_five_megabyte_document_completes_with_valid_offsets() -> None:
    pieces, size, repeats = [], 0, 0
    i = 0
    while size < 5_000_000:
        # Every 50th piece names places; the rest is prose or noise.
        piece = SENTENCE if i % 50 == 0 else (NOISE + "\n" if i % 7 == 0 else PROSE)
        repeats += piece is SENTENCE
        pieces.append(piece)
        size += len(piece)
        i += 1
    text = "".join(pieces)
    started = time.perf_counter()
    doc = gm.extract(text)
    elapsed = time.perf_counter() - started
    check_document(doc, text)
    names = [m.text for m in doc.mentions]
    # Nothing lost in a long text: each repeat of the sentence gives both of its places.
    assert names.count("Tadmur") == repeats and names.count("Aleppo") == repeats
    assert {m.place.name for m in doc.places} == {"Tadmur", "Aleppo"}
    print(f"5 MB document: {len(doc.mentions)} mentions in {elapsed:.1f} s")


# --- determinism -----------------------------------------------------------------------------
REPORTS = [
    "Artillery shelled the southern countryside of Idlib; 5 civilians were killed in Kafr Nabl.",
    "Clashes near Tripoli, Lebanon, and in Halba left 2 dead on 3 May 2016.",
    "شنت طائرات حربية 9 غارات على ريف دير الزور الشرقي قرب مدينة الميادين.",
    "Авиация нанесла удары в районе Пальмиры и к северу от Хомса.",
    "Protesters marched in Basra while rockets hit 10 km north of Mosul.",
]


def _dicts(texts: list[str]) -> list[dict]:
    return [gm.extract(t).to_dict() for t in texts]


def test_results_do_not_depend_on_what_ran_before() -> None:
    forward = _dicts(REPORTS)
    backward = _dicts(REPORTS[::-1])[::-1]
    assert forward == backward == _dicts(REPORTS)


def test_fresh_process_gives_the_same_results() -> None:
    # A new interpreter has cold caches and a freshly loaded gazetteer.
    with cf.ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        fresh = pool.submit(_dicts, REPORTS).result(timeout=300)
    assert fresh == _dicts(REPORTS)


# --- threads ---------------------------------------------------------------------------------
NAMES = ["Dayr az Zawr", "Halab", "Tadmor", "Kharkov", "Mosoul", "Al Raqqah", "Idleb", "Hims"]


def test_threads_share_a_fresh_gazetteer_safely() -> None:
    # A fresh gazetteer: its lazy indexes (names, fuzzy skeletons) are built under the race.
    gaz = gm.Gazetteer.from_file(default_path())
    barrier = threading.Barrier(8)

    def work(_: int) -> tuple[list[dict], list[list[gm.Candidate]]]:
        barrier.wait()
        names = [gm.resolve(n, gazetteer=gaz) for n in NAMES]
        docs = [gm.extract(t, gazetteer=gaz).to_dict() for t in REPORTS]
        return docs, names

    with cf.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    serial = (
        [gm.extract(t, gazetteer=gaz).to_dict() for t in REPORTS],
        [gm.resolve(n, gazetteer=gaz) for n in NAMES],
    )
    assert all(r == serial for r in results)
    assert serial[1][0][0].name == "Deir ez-Zor"


# --- gazetteer files -------------------------------------------------------------------------
def _corrupt(kind: str, data: bytes) -> bytes:
    n = len(data)
    if kind == "truncated":
        return data[: n // 2]
    if kind == "tail cut":
        return data[:-8]
    if kind == "empty":
        return b""
    if kind == "garbage":
        return bytes(range(256)) * 64
    # "flipped": a block in the middle overwritten, footer intact.
    return (
        data[: n // 2]
        + bytes(b ^ 0xFF for b in data[n // 2 : n // 2 + 4096])
        + data[n // 2 + 4096 :]
    )


@pytest.mark.parametrize("kind", ["truncated", "tail cut", "empty", "garbage", "flipped"])
def test_corrupt_gazetteer_file_names_the_file(tmp_path: Path, kind: str) -> None:
    bad = tmp_path / f"{kind.replace(' ', '_')}.parquet"
    bad.write_bytes(_corrupt(kind, default_path().read_bytes()))
    with pytest.raises(gm.GazetteerError, match=str(bad)):
        gm.Gazetteer.from_file(bad)


def test_foreign_or_missing_gazetteer_file(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.parquet"
    pq.write_table(pa.table({"name": ["Aleppo"], "lat": [36.2]}), foreign)
    with pytest.raises(gm.GazetteerError, match=str(foreign)):
        gm.Gazetteer.from_file(foreign)
    with pytest.raises(gm.GazetteerError, match="not found"):
        gm.Gazetteer.from_file(tmp_path / "nowhere.parquet")
    with pytest.raises(gm.GazetteerError):
        gm.Gazetteer.from_file(tmp_path)  # a directory


# --- wrong places (a wrong dot is worse than none) --------------------------------------------
@pytest.mark.parametrize(
    "word",
    [
        "Shelling",
        "Clashes",
        "Fighting",
        "Airstrikes",
    ],
)
def test_sentence_initial_event_word_is_not_a_place(word: str) -> None:
    # "Shelling" once read as Jilin, CN through the alias "Chi-ling".
    doc = gm.extract(f"{word} hit Aleppo. {word} resumed near Homs.")
    assert [m.place.name for m in doc.places] == ["Aleppo", "Homs"]


def test_styled_letters_resolve_like_plain_ones() -> None:
    doc = gm.extract("Shells hit \U0001d400\U0001d425\U0001d41e\U0001d429\U0001d429\U0001d428.")
    assert not doc.places or doc.places[0].place.name == "Aleppo"
