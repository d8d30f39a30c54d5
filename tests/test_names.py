"""geomentions.names: spellings of one place share a key; different places do not."""

from __future__ import annotations

import re

import pytest

import geomentions as gm
from geomentions.names import feature_hint, fold_tokens, script_of

# Spellings seen in reports for one place: Latin romanisations, Arabic and Russian.
SAME_KEY = {
    "Deir ez-Zor": [
        "Deir ez-Zor",
        "Dayr az Zawr",
        "Deir al-Zour",
        "Deir Ezzor",
        "دير الزور",
        "Дейр-эз-Зор",
    ],
    "Hama": ["Hama", "Hamah", "Ḩamāh", "Хама"],
    "Qamishli": ["Qamishli", "Al-Qamishli", "Kamishli"],
    "Hmeimim": ["Hmeimim", "Khmeimim", "Hmeymim", "Хмеймим"],
}

# Arabic writes no short vowels, so only the consonant skeleton is expected to agree.
SAME_SKELETON = [
    ("Hama", "حماة"),
    ("Hmeimim", "حميميم"),
    ("Qamishli", "القامشلي"),
    ("Homs", "حمص"),
    ("Aleppo", "Алеппо"),
]

# Distinct places whose names look alike; they must not fold together.
DIFFERENT = [
    ("Homs", "Hama"),
    ("Basra", "Bosra"),
    ("Idlib", "Ariha"),
    ("Raqqa", "Rakhine"),
    ("Jarabulus", "Tarabulus"),
    ("Kharkiv", "Kherson"),
]


@pytest.mark.parametrize("place", sorted(SAME_KEY))
def test_spellings_of_one_place_share_a_key(place: str) -> None:
    keys = {spelling: gm.key(spelling) for spelling in SAME_KEY[place]}
    assert len(set(keys.values())) == 1, keys
    assert next(iter(keys.values())), "the shared key must not be empty"


@pytest.mark.parametrize(("latin", "arabic"), SAME_SKELETON)
def test_arabic_and_cyrillic_forms_share_the_skeleton(latin: str, arabic: str) -> None:
    assert gm.skeleton(gm.key(latin)) == gm.skeleton(gm.key(arabic)) != ""


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_places_have_different_keys(a: str, b: str) -> None:
    assert gm.key(a) != gm.key(b)


def test_an_arabic_name_beginning_wal_or_bal_keeps_those_letters() -> None:
    # "والدرون" is Waldron in Arabic letters, not "and the" + "drwn": read that way it had
    # the key of the Russian word "Дроны" (drones), which then mapped to Arkansas.
    assert gm.key("والدرون") != gm.key("Дроны")
    assert gm.key("بالتيمور") != gm.key("تيمور")  # Baltimore is not Timor
    assert gm.key("الرقة") == gm.key("رقة")  # the article alone still goes


def test_homs_and_hama_do_not_collide_on_skeleton_either() -> None:
    # Both are hm- words; a skeleton collision would send Homs airstrikes to Hama.
    assert gm.skeleton(gm.key("Homs")) != gm.skeleton(gm.key("Hama"))


def test_article_and_hyphenation_do_not_matter() -> None:
    assert gm.key("Al-Bab") == gm.key("al Bab") == gm.key("Bab")
    assert gm.key("ALEPPO") == gm.key("aleppo") == gm.key("Aleppo")


def test_a_name_that_is_only_a_feature_word_keeps_it() -> None:
    # "Camp" alone is a name; only beside other words is it dropped as a descriptor.
    assert gm.key("Camp") != ""
    assert gm.key("Idlib province") == gm.key("Idlib")


@pytest.mark.parametrize("blank", ["", "   ", "-", "''", "\t\n"])
def test_empty_or_punctuation_gives_empty_key(blank: str) -> None:
    assert gm.key(blank) == ""
    assert gm.skeleton(gm.key(blank)) == ""


@pytest.mark.parametrize("bad", [None, b"Hama", 42, ["Hama"]])
def test_key_rejects_non_strings(bad: object) -> None:
    with pytest.raises(TypeError):
        gm.key(bad)  # type: ignore[arg-type]


def test_key_is_deterministic_and_in_the_folded_alphabet() -> None:
    names = [s for group in SAME_KEY.values() for s in group]
    first = [gm.key(n) for n in names]
    assert first == [gm.key(n) for n in names]
    # Lowercase a-z and digits, plus one letter for "sh" (ش, ш, sh/sch/ch all meet there).
    assert all(re.fullmatch("[a-z0-9\u0283]+", k) for k in first)


def test_similarity_ranks_variants_above_other_places() -> None:
    same = gm.similarity("Deir Ezzor", "Dayr az Zawr")
    other = gm.similarity("Deir Ezzor", "Dar'a")
    assert 0.0 <= other < same <= 1.0
    assert same > 0.8
    assert gm.similarity("", "Hama") == 0.0


def test_script_of_and_fold_tokens() -> None:
    assert [script_of(s) for s in ("دير الزور", "Хмеймим", "Hama")] == [
        "arabic",
        "cyrillic",
        "latin",
    ]
    # The Arabic article is written joined and dropped; the Latin one stays a token.
    assert fold_tokens("دير الزور")[-1] == fold_tokens("Deir ez-Zor")[-1]


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("Idlib province", "admin"),
        ("محافظة إدلب", "admin"),
        ("Hmeymim air base", "airbase"),
        ("авиабаза Хмеймим", "airbase"),
        ("Idlib", None),
        ("Camp", None),
    ],
)
def test_feature_hint(name: str, hint: str | None) -> None:
    assert feature_hint(name) == hint
