"""The compiled recognition scan (geomentions/_scan.pyx) and its pure-Python fallback agree."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomentions import recognition

try:
    from geomentions import _scan
except ImportError:  # installed without a compiler
    _scan = None

# CI installs with a compiler: there the compiled module must have been built.
needs_compiled = pytest.mark.skipif(
    _scan is None and not os.environ.get("CI"), reason="geomentions._scan not built"
)

REPORTS = [
    "Shelling hit St. Louis and Mt. Pleasant; later Deir ez-Zor, Ma`arrat al-Nu'man and "
    "Hawaii's coast. Officials in Washington, D.C. said nothing.",
    "قصفت الطائرات مدينة دير الزور وريف حلب الشمالي، وسراقب وبلدة في إدلب.",
    "Удары по Пальмире и в районе Дейр-эз-Зора; в Харькове тихо.",
    "Troops left Ras al\u2010Ain\u00a0town for Tell Abyad ‘north’ – then the_river Kh. Ali.",
    "",
    "   ...  '' ʿ ʾ `",
    "Fighting in Ta‘izz and Ra‘s al-‘Ayn; ‘Ayn ‘Issa held, ‘quoted’ words too.",
]

# Letters of three scripts, digits, and the marks the scan treats specially.
ALPHABET = st.sampled_from(
    list("abcAZStMtéÉ19 .,;-'‘’ʿʾ`‐_\u00a0\n") + list("دير الزورو") + list("ДейрэзЗора ")
)


def _pure(text: str) -> tuple[list, list[int]]:
    toks = recognition._tokens_py(text)
    return toks, [recognition._run_end_py(text, toks, i, len(toks)) for i in range(len(toks))]


@needs_compiled
@pytest.mark.parametrize("text", REPORTS)
def test_compiled_tokens_and_runs_match_pure_python(text: str) -> None:
    assert _scan is not None, "CI must build geomentions._scan (is Cython or gcc missing?)"
    toks, ends = _pure(text)
    assert _scan.tokens(text) == toks
    assert [_scan.run_end(text, toks, i, len(toks)) for i in range(len(toks))] == ends
    # A limit (a masked word ahead) stops a run in both.
    for i in range(len(toks)):
        n = min(i + 2, len(toks))
        assert _scan.run_end(text, toks, i, n) == recognition._run_end_py(text, toks, i, n)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_compiled_scan_matches_pure_python_on_any_text(text: str) -> None:
    assert _scan is not None
    toks, ends = _pure(text)
    assert _scan.tokens(text) == toks
    assert [_scan.run_end(text, toks, i, len(toks)) for i in range(len(toks))] == ends


def test_runs_stop_where_names_end() -> None:
    text = "Strikes near St. Louis, Deir ez-Zor; then Aleppo was quiet."
    toks = recognition._tokens(text)
    words = [t.text for t in toks]
    st_ = words.index("St")
    assert [t.text for t in toks[st_ : recognition._run_end(text, toks, st_, len(toks))]] == [
        "St",
        "Louis",
    ]  # the period of an abbreviation is inside a name, the comma ends it
    deir = words.index("Deir")
    assert recognition._run_end(text, toks, deir, len(toks)) == deir + 3  # ";" ends it
    aleppo = words.index("Aleppo")
    assert recognition._run_end(text, toks, aleppo, len(toks)) == aleppo + 1  # lowercase "was"
    assert toks[0][:3] == (0, 7, "Strikes")


def _spans_in_subprocess(pure: bool) -> list[list]:
    code = (
        "import json, geomentions as gm; from geomentions import recognition as r; "
        "g = gm.Gazetteer.default(); "
        f"print(json.dumps([r.SCAN] + [[(s.start, s.end, list(s.keys)) for s in "
        f"r.find_spans(t, g)] for t in {REPORTS!r}]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "GEOMENTIONS_PURE"}
    if pure:
        env["GEOMENTIONS_PURE"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout)


@needs_compiled
def test_pure_switch_gives_the_same_spans() -> None:
    pure, compiled = _spans_in_subprocess(True), _spans_in_subprocess(False)
    assert pure[0] == "python" and compiled[0] == "compiled"
    assert pure[1:] == compiled[1:]
    assert ["Deir ez-Zor"] == [
        REPORTS[0][a:b] for a, b, _ in compiled[1] if REPORTS[0][a:b].startswith("Deir")
    ]


def _masks(text: str) -> list[tuple[int, int]]:
    """Masked stretches as find_spans makes them (organisations, language masks)."""
    found = [(m.start(), m.end()) for m in recognition._ORG_RE.finditer(text)]
    found += [(m.start(), m.end()) for m in recognition._LANG_MASK_RE.finditer(text)]
    return sorted(found)


MASKED = [
    # An organisation's name is masked: no place starts inside it, and a run before it stops.
    "Fighters of Jabhat al-Nusra left Idlib; Hayat Tahrir al-Sham held Saraqib.",
    "Ас Сухна и As Sukhnah, An Alexandria jury; район Идлиб; область.",
    "في ريف حلب الشرقي، وفي مدينة دير الزور",
]


@needs_compiled
@pytest.mark.parametrize("text", REPORTS + MASKED)
def test_compiled_name_starts_match_pure_python(text: str) -> None:
    assert _scan is not None
    toks = recognition._tokens_py(text)
    masks = _masks(text)
    assert _scan.name_starts(toks, masks) == recognition._name_starts_py(toks, masks)
    # With made-up masks over every other word too.
    every_other = [(t.start, t.end) for t in toks[::2]]
    assert _scan.name_starts(toks, every_other) == recognition._name_starts_py(toks, every_other)


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=80), st.lists(st.tuples(st.integers(0, 80), st.integers(1, 9))))
def test_compiled_name_starts_match_pure_python_on_any_masks(text: str, cuts: list) -> None:
    assert _scan is not None
    toks = recognition._tokens_py(text)
    # Sorted, non-overlapping ranges, as find_spans' masks are.
    masks, end = [], 0
    for start, length in sorted(cuts):
        if start >= end:
            masks.append((start, start + length))
            end = start + length
    assert _scan.name_starts(toks, masks) == recognition._name_starts_py(toks, masks)


def test_masked_organisation_starts_no_name() -> None:
    text = MASKED[0]
    toks = recognition._tokens(text)
    starts = [toks[i].text for i, _ in recognition._name_starts(toks, _masks(text))]
    assert "Idlib" in starts and "Saraqib" in starts
    assert "Jabhat" not in starts and "Nusra" not in starts and "Hayat" not in starts
