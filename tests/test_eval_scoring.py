"""Scoring functions of ``benchmarks/eval_corpora.py`` on tiny hand-made inputs (no corpora)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from geomentions.geo import EARTH_RADIUS_KM

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_corpora.py"
_spec = importlib.util.spec_from_file_location("eval_corpora", _PATH)
ev = importlib.util.module_from_spec(_spec)
sys.modules["eval_corpora"] = ev  # dataclasses look their module up while being created
_spec.loader.exec_module(ev)

ALEPPO = (36.20124, 37.16117)
IDLIB = (35.93062, 36.63393)
HAMA = (35.13179, 36.75783)
MOSUL = (36.335, 43.11889)


# ----------------------------------------------------------------------------- haversine


def test_haversine_zero_symmetric_and_known_distances() -> None:
    assert ev.haversine_km(*ALEPPO, *ALEPPO) == 0.0
    assert ev.haversine_km(*ALEPPO, *MOSUL) == pytest.approx(ev.haversine_km(*MOSUL, *ALEPPO))
    one_degree = 2 * math.pi * EARTH_RADIUS_KM / 360
    assert ev.haversine_km(0, 0, 0, 1) == pytest.approx(one_degree)
    assert ev.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    # across the antimeridian is short, not half the world
    assert ev.haversine_km(0, 179.5, 0, -179.5) == pytest.approx(one_degree)
    # Aleppo to Idlib is roughly 60 km
    assert 50 < ev.haversine_km(*ALEPPO, *IDLIB) < 70


# ----------------------------------------------------------------------------- span matching


def test_overlap_counts_shared_characters_of_half_open_spans() -> None:
    assert ev.overlap((0, 5), (3, 9)) == 2
    assert ev.overlap((0, 5), (5, 9)) == 0  # touching is not overlapping
    assert ev.overlap((2, 4), (0, 10)) == 2


def test_match_exact_pairs_identical_spans_once() -> None:
    gold = [(0, 6), (10, 15), (10, 15)]
    pred = [(10, 15), (0, 5), (10, 15), (10, 15)]
    assert ev.match_exact(gold, pred) == [(1, 0), (2, 2)]
    assert ev.match_exact([], pred) == []


def test_match_overlap_is_one_to_one_and_prefers_the_larger_overlap() -> None:
    # one long prediction covering two gold toponyms matches only the one it overlaps more
    assert ev.match_overlap([(0, 6), (7, 20)], [(3, 20)]) == [(1, 0)]
    # two predictions inside one gold toponym: only one is a hit
    assert ev.match_overlap([(0, 10)], [(0, 3), (2, 9)]) == [(0, 1)]
    # ties go to the earlier gold span
    assert ev.match_overlap([(0, 4), (4, 8)], [(2, 6)]) == [(0, 0)]
    assert ev.match_overlap([(0, 5)], [(5, 9)]) == []


def test_prf_handles_empty_denominators() -> None:
    assert ev.prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert ev.prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert ev.prf(0, 3, 0) == (0.0, 0.0, 0.0)


# ----------------------------------------------------------------------------- AUC


def test_error_auc_bounds_and_shape() -> None:
    assert ev.error_auc([]) is None
    assert ev.error_auc([0.0, 0.0, 0.0]) == 0.0
    assert ev.error_auc([ev.MAX_ERROR_KM] * 3) == pytest.approx(1.0)
    assert ev.error_auc([0.0, ev.MAX_ERROR_KM]) == pytest.approx(0.5)
    # errors beyond the maximum are capped, and the order of the input does not matter
    assert ev.error_auc([50000.0, 0.0]) == pytest.approx(0.5)
    assert ev.error_auc([5.0, 900.0, 20.0]) == pytest.approx(ev.error_auc([900.0, 20.0, 5.0]))
    single = ev.error_auc([161.0])
    assert single == pytest.approx(math.log(162) / math.log(ev.MAX_ERROR_KM + 1))


def test_error_auc_is_trapezoid_over_sorted_log_errors() -> None:
    errors = [100.0, 1.0, 10.0]
    ys = sorted(math.log(1 + e) for e in errors)
    expected = ((ys[0] + ys[1]) / 2 + (ys[1] + ys[2]) / 2) / (2 * math.log(ev.MAX_ERROR_KM + 1))
    assert ev.error_auc(errors) == pytest.approx(expected)
    # a better geocoder (smaller errors) gets a smaller AUC
    assert ev.error_auc([e / 10 for e in errors]) < ev.error_auc(errors)


def test_geonames_id_parses_only_geonames_place_ids() -> None:
    assert ev.geonames_id("geonames:5128581") == 5128581
    assert ev.geonames_id("curated:acled:42") is None
    assert ev.geonames_id("geonames:") is None
    assert ev.geonames_id(None) is None


# ----------------------------------------------------------------------------- corpus parsing

LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <text><![CDATA[Paris police met in Lamar County on Main Street.]]></text>
    <toponyms>
      <toponym><start>0</start><end>5</end><phrase>Paris</phrase>
        <gaztag geonameid="4717560"><name>Paris</name><lat>33.66</lat><lon>-95.55</lon></gaztag>
      </toponym>
      <toponym><start>20</start><end>32</end><phrase>Lamar County</phrase>
        <gaztag geonameid="4705349"><lat>33.66</lat><lon>-95.57</lon></gaztag>
      </toponym>
      <toponym><start>36</start><end>47</end><phrase>Main Street</phrase></toponym>
      <toponym><start>1</start><end>5</end><phrase>Paris</phrase></toponym>
    </toponyms>
  </article>
  <article docid="8"><text><![CDATA[Nothing here.]]></text><toponyms count="0"/></article>
</articles>
"""


def test_parse_lgl_reads_spans_ids_and_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_XML, encoding="utf-8")
    articles, skipped = ev.parse_lgl(path)
    assert [a.doc_id for a in articles] == ["lgl:7", "lgl:8"]
    gold = articles[0].gold
    assert [(g.text, g.geonameid, g.has_coords) for g in gold] == [
        ("Paris", 4717560, True),
        ("Lamar County", 4705349, True),
        ("Main Street", None, False),
    ]
    assert gold[0].lat == pytest.approx(33.66) and gold[0].lon == pytest.approx(-95.55)
    assert skipped == {"offset does not match text": 1}
    assert len(ev.parse_lgl(path, limit=1)[0]) == 1


GWN_XML = """<?xml version="1.0" ?>
<articles>
  <article file="3">
    <title>Title</title>
    <text>Turkey shelled Afrin; Syrian residents fled the city.</text>
    <toponyms>
      <toponym><extractedName>Turkey</extractedName><type>Metonymic</type>
        <start>0</start><end>6</end><geonamesID>298795</geonamesID>
        <latitude>39.0</latitude><longitude>35.0</longitude></toponym>
      <toponym><extractedName>Afrin</extractedName><type>Literal</type>
        <start>15</start><end>20</end><geonamesID>170446</geonamesID>
        <latitude>36.51</latitude><longitude>36.87</longitude></toponym>
      <toponym><extractedName>Syrian</extractedName><type>Demonym</type>
        <start>22</start><end>28</end></toponym>
      <toponym><extractedName>residents</extractedName><type>Non_Lit_Expression</type>
        <nonLocational>Yes</nonLocational><start>29</start><end>38</end></toponym>
      <toponym><extractedName>city</extractedName><type>Literal_Expression</type>
        <start>48</start><end>52</end></toponym>
      <toponym><extractedName>Title</extractedName><type>Literal</type>
        <start>-20</start><end>-15</end><geonamesID/></toponym>
      <toponym><extractedName>the city</extractedName><type>Mixed</type>
        <start>44</start><end>52</end><geonamesID/>
        <latitude>36.5</latitude><longitude>36.8</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_parse_gwn_counts_toponym_types_and_skips_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "GWN.xml"
    path.write_text(GWN_XML, encoding="utf-8")
    (art,), skipped = ev.parse_gwn(path)
    assert art.doc_id == "gwn:3"
    assert [(g.text, g.kind) for g in art.gold] == [
        ("Turkey", "Metonymic"),
        ("Afrin", "Literal"),
        ("Syrian", "Demonym"),
        ("the city", "Mixed"),
    ]
    assert art.ignore == []
    # only toponyms with a GeoNames id are geocoded, as in the paper
    assert [g.has_coords for g in art.gold] == [True, True, False, False]
    assert skipped == {"offset outside text (title)": 1}


def test_parse_gwn_literal_view_moves_associative_toponyms_to_ignore(tmp_path: Path) -> None:
    path = tmp_path / "GWN.xml"
    path.write_text(GWN_XML, encoding="utf-8")
    (art,), _ = ev.parse_gwn(path, literal_only=True)
    assert [g.text for g in art.gold] == ["Afrin", "the city"]
    assert art.ignore == [(0, 6), (22, 28)]


# ----------------------------------------------------------------------------- end to end


def _gold(text: str, name: str, gid: int, where: tuple[float, float]) -> object:
    start = text.index(name)
    return ev.GoldToponym(start, start + len(name), name, gid, *where)


def _mention(text: str, surface: str, gid: int | None, where: tuple[float, float] | None, conf=0.9):
    start = text.index(surface)
    place = None
    if where is not None:
        place = SimpleNamespace(place_id=f"geonames:{gid}", lat=where[0], lon=where[1])
    return SimpleNamespace(start=start, end=start + len(surface), place=place, confidence=conf)


TEXT_A = "Fighting in Aleppo and Idlib spread to Hama."
TEXT_B = "Clashes near Mosul."


def _articles() -> list:
    return [
        ev.Article(
            "a",
            TEXT_A,
            [
                _gold(TEXT_A, "Aleppo", 170063, ALEPPO),
                _gold(TEXT_A, "Idlib", 169389, IDLIB),
                _gold(TEXT_A, "Hama", 170017, HAMA),
            ],
        ),
        ev.Article("b", TEXT_B, [_gold(TEXT_B, "Mosul", 99072, MOSUL)]),
    ]


def _fake_extract(text: str, doc_id: str) -> SimpleNamespace:
    """Aleppo right, 'Idlib spread' put at (0, 0), 'Fighting' a false positive, Hama missed."""
    if doc_id == "b":
        raise RuntimeError("gazetteer exploded")
    if doc_id == "warm-up":
        return SimpleNamespace(mentions=[], error=None)
    mentions = [
        _mention(text, "Aleppo", 170063, ALEPPO, conf=0.9),
        _mention(text, "Idlib spread", 1, (0.0, 0.0), conf=0.3),
        _mention(text, "Fighting", None, None, conf=0.2),
    ]
    return SimpleNamespace(mentions=mentions, error=None)


def test_score_recognition_resolution_strict_and_failures() -> None:
    run = ev.run_extractor(_articles(), _fake_extract)
    assert run.failures == {"b": "RuntimeError: gazetteer exploded"}
    assert run.n_bytes == len(TEXT_A) + len(TEXT_B)
    m = ev.score(_articles(), run)

    assert (m["gold_toponyms"], m["predicted"]) == (4, 3)
    exact, ovl = m["recognition"]["exact"], m["recognition"]["overlap"]
    assert (exact["tp"], ovl["tp"]) == (1, 2)
    assert exact["precision"] == pytest.approx(1 / 3) and exact["recall"] == pytest.approx(1 / 4)
    assert ovl["precision"] == pytest.approx(2 / 3) and ovl["recall"] == pytest.approx(1 / 2)

    far = ev.haversine_km(*IDLIB, 0.0, 0.0)
    res = m["resolution_matched"]
    assert (res["matched"], res["resolved"]) == (2, 2)
    assert res["acc_161km"] == 0.5 and res["exact_id"] == 0.5
    assert res["median_km"] == pytest.approx(far / 2)
    assert res["auc"] == pytest.approx(ev.error_auc([0.0, far]))

    strict = m["strict"]
    assert strict["acc_161km"] == 0.25 and strict["exact_id"] == 0.25
    assert strict["auc"] == pytest.approx(
        ev.error_auc([0.0, far, ev.MAX_ERROR_KM, ev.MAX_ERROR_KM])
    )
    assert m["failures"]["count"] == 1 and "b" in m["failures"]["articles"]
    assert m["throughput"]["docs_per_s"] > 0


def test_min_confidence_unresolves_but_keeps_the_span() -> None:
    run = ev.run_extractor(_articles(), _fake_extract, warm_up=False)
    m = ev.score(_articles(), run, min_confidence=0.5)
    assert m["recognition"]["overlap"]["tp"] == 2  # recognition is unchanged
    res = m["resolution_matched"]
    assert (res["matched"], res["resolved"], res["resolved_share"]) == (2, 1, 0.5)
    assert res["acc_161km"] == 1.0
    assert m["strict"]["acc_161km"] == 0.25


def test_a_demonym_counts_by_its_named_country_only_in_its_own_strict_line() -> None:
    text = "Syrian officials visited Homs."
    syria, homs = (35.0, 38.0), (34.73, 36.71)
    gold = [_gold(text, "Syrian", 163843, syria), _gold(text, "Homs", 169577, homs)]
    art = ev.Article("d", text, gold)
    start = text.index("Syrian")
    demonym = SimpleNamespace(
        start=start, end=start + 6, place=None, confidence=0.9, feature_hint="demonym",
        candidates=[SimpleNamespace(place_id="geonames:163843")],
    )  # fmt: skip
    wrong = SimpleNamespace(**{**vars(demonym), "candidates": [SimpleNamespace(place_id="x:1")]})

    def run_with(first: SimpleNamespace) -> dict:
        mentions = [first, _mention(text, "Homs", 169577, homs)]
        doc = SimpleNamespace(mentions=mentions, error=None)
        return ev.score([art], ev.run_extractor([art], lambda t, d: doc, warm_up=False))

    right = run_with(demonym)["strict"]
    assert right["exact_id"] == 0.5  # the demonym gets no place: still a strict miss
    assert right["exact_id_demonyms_named"] == 1.0
    assert run_with(wrong)["strict"]["exact_id_demonyms_named"] == 0.5


def test_predictions_on_ignored_spans_are_neither_right_nor_wrong() -> None:
    text = "Syrian troops entered Afrin near the border."
    art = ev.Article("x", text, [_gold(text, "Afrin", 170446, (36.51, 36.87))], [(0, 6)])

    def extract(t: str, doc_id: str) -> SimpleNamespace:
        return SimpleNamespace(
            error=None,
            mentions=[
                _mention(t, "Syrian", None, None),
                _mention(t, "Afrin", 170446, (36.51, 36.87)),
                _mention(t, "border", None, None),
            ],
        )

    m = ev.score([art], ev.run_extractor([art], extract, warm_up=False))
    assert m["predicted"] == 2  # "Syrian" dropped, "border" is a false positive
    assert m["recognition"]["exact"]["precision"] == 0.5


def test_document_error_and_bad_spans_count_as_failures() -> None:
    arts = [ev.Article("e", "حمص.", []), ev.Article("s", "Homs.", [])]

    def extract(text: str, doc_id: str) -> SimpleNamespace:
        if doc_id == "e":
            return SimpleNamespace(error="timeout", mentions=[])
        return SimpleNamespace(error=None, mentions=[SimpleNamespace(start=3, end=1)])

    run = ev.run_extractor(arts, extract, warm_up=False)
    assert sorted(run.failures) == ["e", "s"]
    assert "timeout" in run.failures["e"] and "bad span" in run.failures["s"]
    assert run.predictions == {"e": [], "s": []}
    assert run.n_bytes == 7 + 5  # UTF-8 bytes, not characters


def test_report_text_mentions_every_section() -> None:
    run = ev.run_extractor(_articles(), _fake_extract, warm_up=False)
    text = ev.format_report("Tiny", ev.score(_articles(), run))
    for part in ("recognition", "matched-only", "strict end-to-end", "docs/s", "failures: 1"):
        assert part in text
    assert "Edinburgh" in ev.format_anchors()


def test_main_without_corpora_returns_2(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.xml")
    assert ev.main(["--lgl", missing, "--gwn", missing]) == 2
    with pytest.raises(SystemExit):
        ev.main(["--limit", "0"])


# ----------------------------------------------------------------------------- event linker


def _train_linker():
    """benchmarks/train_linker.py as a module (it imports event_corpus beside it)."""
    path = _PATH.with_name("train_linker.py")
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location("train_linker", path)
        tl = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tl)
    finally:
        sys.path.remove(str(path.parent))
    return tl


def test_linker_mention_scores_count_unresolved_gold_as_misses() -> None:
    tl = _train_linker()
    import numpy as np

    rows = [
        # Two gold places, one of which no resolved place overlaps; a row with none.
        tl.ec.Row("a", "a", False, "x" * 30, (25, 28), [(0, 5), (10, 15)]),
        tl.ec.Row("b", "b", False, "x" * 30, (25, 28), []),
    ]
    where = [(0, 5), (20, 24), (3, 8)]
    rid = np.array([0, 0, 1])
    p, r, f = tl.mention_prf(rows, rid, where, np.array([True, True, True]))
    assert (p, r) == (pytest.approx(1 / 3), 0.5) and f == pytest.approx(0.4)
    p, r, _ = tl.mention_prf(rows, rid, where, np.array([True, False, False]))
    assert (p, r) == (1.0, 0.5)


def test_linker_average_precision_steps_over_tied_scores() -> None:
    tl = _train_linker()
    # Best first: one right (precision 1 at recall 1/2); the two tied at 0.8 are one step
    # (two right of three, recall 1); the last adds no recall.
    assert tl.average_precision([0.9, 0.8, 0.8, 0.1], [1, 0, 1, 0]) == pytest.approx(5 / 6)
    assert tl.average_precision([0.2, 0.7, 0.5], [1, 1, 1]) == 1.0
    assert tl.average_precision([0.3, 0.6], [1, 0]) == pytest.approx(0.5)
    assert tl.average_precision([0.3, 0.6], [0, 0]) == 0.0
    import numpy as np

    metrics = pytest.importorskip("sklearn.metrics")  # the train extra
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 20, 300) / 20  # many ties
    labels = rng.integers(0, 2, 300)
    assert tl.average_precision(scores, labels) == pytest.approx(
        metrics.average_precision_score(labels, scores)
    )
