"""The shipped word-frequency table that tells ordinary words from place names."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from geomentions import commonness
from geomentions.commonness import FLOOR, LANGUAGES, zipf


def test_common_words_rank_above_place_names_and_rare_words_are_zero() -> None:
    assert zipf("she", "en") > 5.5 > zipf("aleppo", "en") >= 3.0
    assert zipf("она", "ru") > 5.5
    assert zipf("xqzvtw", "en") == zipf("щщщщ", "ru") == 0.0


def test_a_phrase_is_rarer_than_each_of_its_words() -> None:
    city, council = zipf("city", "en"), zipf("council", "en")
    assert 0 < zipf("city council", "en") < min(city, council)
    assert zipf("city xqzvtw", "en") == 0.0  # one unknown word makes the phrase unknown


def test_arabic_vowel_marks_and_tatweel_do_not_change_the_word() -> None:
    plain = zipf("حلب", "ar")
    assert plain > 3.0
    assert zipf("حَلَب", "ar") == zipf("حلـب", "ar") == plain


def test_elision_and_curly_apostrophes_are_read_as_words() -> None:
    # "l'est" is two words (as in the frequency data); a curly apostrophe reads as straight.
    assert zipf("l'est", "en") == zipf("l est", "en") > 0
    assert zipf("don’t", "en") == zipf("don't", "en") > 5


def test_numbers_count_as_rare() -> None:
    assert zipf("2015", "en") == zipf("m20", "en") == 0.0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_keeps_exactly_the_words_at_or_above_the_floor(lang: str) -> None:
    path = resources.files("geomentions") / "data" / f"zipf-{lang}.txt.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        steps = [int(line.split("\t")[0]) for line in fh]
    assert steps == sorted(steps) and len(steps) > 100
    assert 9 - max(steps) / 100 >= FLOOR  # Zipf = 9 - centibels / 100


def test_a_language_table_loads_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commonness, "_tables", {})
    zipf("aleppo", "en")
    assert set(commonness._tables) == {"en"}
