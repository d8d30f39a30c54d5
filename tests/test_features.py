"""Every ranker feature on a sentence we wrote: the value it takes for a named candidate."""

from __future__ import annotations

import pytest

from geomentions.context import cue_after, cue_before, hint_context
from geomentions.extraction import reading_tables
from geomentions.features import FEATURE_NAMES, Candidates, values
from geomentions.resolution import match_name


def feature(text: str, mention: str, place_id: str, name: str, nth: int = 0) -> float:
    """Feature ``name`` of candidate ``place_id`` for the ``nth`` mention ``mention``."""
    found = [(c, x) for span, c, x in reading_tables(text) if span.text == mention]
    assert found, f"{mention!r} is not ranked in {text!r}"
    cands, ctx = found[nth]
    ids = [i["place_id"] for i in cands.infos]
    assert place_id in ids, f"{place_id} is not a candidate of {mention!r}"
    return values(cands, ctx, ids.index(place_id))[name]


MOSCOW_RU = "geonames:524901"
MOSCOW_ID = "geonames:5601538"  # Moscow, Idaho
PARIS_FR = "geonames:2988507"
PARIS_TX = "geonames:4717560"
VICTORIA_AU = "geonames:2145234"  # the state
LIMA_NY = "geonames:5124411"
TRIPOLI_LB = "geonames:266826"
TRIPOLI_LY = "geonames:2210247"
MEXICO_MX = "geonames:3996063"
ALEPPO_CITY = "geonames:170063"

US_BRIEF = "Officials in Washington and Texas said the United States would send envoys to Moscow."

# (sentence, mention, candidate, feature, expected value)
CASES = [
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "match_exact", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "match_literal", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "alias_match", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "population_unknown", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "population_gap", pytest.approx(0.17, abs=0.1)),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "class_populated", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "class_admin", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "class_site", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "is_capital", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_ID, "is_capital", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "is_admin_seat", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_ID, "is_minor_place", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "mention_capital_name", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "source_curated", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "source_other", 0.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "spells_country", 0.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "spells_country", 1.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "is_country", 1.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "folded_country", 0.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "beside_literal", 0.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "beside_spelled_country", 0.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "is_adm1", 0.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "is_adm2", 0.0),
    ("Exports to Mexico rose.", "Mexico", MEXICO_MX, "is_continent", 0.0),
    ("Shelling hit Aleppo on Monday.", "Aleppo", ALEPPO_CITY, "named_after_town", 0.0),
    # No other place in the text: no document context at all.
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "no_other_places", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "km_nearest_place", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "km_median_place", 1.0),
    ("Talks in Moscow ended.", "Moscow", MOSCOW_RU, "country_share_doc", 0.0),
    # A briefing about the US: the focus is the US, but it names Russia's capital.
    (US_BRIEF, "Moscow", MOSCOW_ID, "country_share_doc", 1.0),
    (US_BRIEF, "Moscow", MOSCOW_ID, "country_share_sentence", 1.0),
    (US_BRIEF, "Moscow", MOSCOW_ID, "country_share_paragraph", 1.0),
    (US_BRIEF, "Moscow", MOSCOW_ID, "country_named_doc", 1.0),
    (US_BRIEF, "Moscow", MOSCOW_ID, "country_named_sentence", 1.0),
    (US_BRIEF, "Moscow", MOSCOW_RU, "country_named_doc", 0.0),
    (US_BRIEF, "Moscow", MOSCOW_RU, "capital_of_named_country", 0.0),
    (US_BRIEF + " Russia did not reply.", "Moscow", MOSCOW_RU, "capital_of_named_country", 1.0),
    (US_BRIEF, "Moscow", MOSCOW_ID, "region_named_doc", 0.0),
    (US_BRIEF, "Moscow", MOSCOW_ID, "small_place_in_focus", pytest.approx(0.26, abs=0.02)),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_TX, "region_named_sentence", 1.0),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_TX, "region_named_doc", 1.0),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_FR, "region_named_sentence", 0.0),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_TX, "region_share_sentence", 1.0),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_TX, "region_share_doc", 1.0),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_TX, "no_other_places", 0.0),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_TX, "km_nearest_place", pytest.approx(0.62, abs=0.03)),
    ("Floods hit Paris and Dallas, Texas.", "Paris", PARIS_FR, "km_median_place", pytest.approx(0.91, abs=0.03)),
    # Containment next to the mention, and elsewhere in the same text.
    ("She was born in Paris, Texas.", "Paris", PARIS_TX, "inside_named_outer", 1.0),
    ("She was born in Paris, Texas.", "Paris", PARIS_FR, "outside_named_outer", 1.0),
    ("She was born in Paris, Texas.", "Paris", PARIS_TX, "sole_inside", 1.0),
    ("She was born in Paris, Texas.", "Paris", PARIS_FR, "sole_inside", 0.0),
    ("She was born in Paris, Texas.", "Paris", PARIS_TX, "outside_named_outer", 0.0),
    ("Crowds filled the Texas town of Paris.", "Paris", PARIS_TX, "inside_named_outer", 1.0),
    ("The fair was in Lima, a village in New York.", "Lima", LIMA_NY, "inside_named_outer", 1.0),
    ("Born in Paris, Texas. She left Paris at 18.", "Paris", PARIS_TX, "inside_outer_elsewhere", 1.0),
    ("Born in Paris, Texas. She left Paris at 18.", "Paris", PARIS_FR, "inside_outer_elsewhere", 0.0),
    # Script, nationality words, feature words, word-likeness.
    ("اشتباكات في طرابلس", "طرابلس", TRIPOLI_LY, "script_fits_country", 1.0),
    ("اشتباكات في طرابلس", "طرابلس", TRIPOLI_LB, "script_foreign", 0.0),
    ("Clashes in Tripoli.", "Tripoli", TRIPOLI_LY, "script_fits_country", 0.0),
    ("Australian crews fought fires in Victoria.", "Victoria", VICTORIA_AU, "demonym_in_doc", 1.0),
    ("Crews fought fires in Victoria.", "Victoria", VICTORIA_AU, "demonym_in_doc", 0.0),
    ("Jets struck Aleppo province.", "Aleppo province", "geonames:170062", "feature_asked", 1.0),
    ("Jets struck Aleppo province.", "Aleppo province", ALEPPO_CITY, "feature_unasked", 1.0),
    ("Jets struck Aleppo.", "Aleppo", ALEPPO_CITY, "feature_unasked", 0.0),
    ("Jets struck Deir ez-Zor.", "Deir ez-Zor", "geonames:170794", "word_penalty", 0.0),
    ("Jets struck Aleppo.", "Aleppo", ALEPPO_CITY, "word_penalty", pytest.approx(0.13, abs=0.02)),
    ("Jets struck Aleppo.", "Aleppo", ALEPPO_CITY, "person_like", 0.0),
]  # fmt: skip


@pytest.mark.parametrize(("text", "mention", "place_id", "name", "expected"), CASES)
def test_feature_value(text: str, mention: str, place_id: str, name: str, expected: float) -> None:
    assert feature(text, mention, place_id, name) == expected


def test_graded_place_features_order_candidates() -> None:
    # Moscow (Russia) is the bigger, better-known, less ambiguous... than Moscow, Idaho.
    big = {n: feature("Talks in Moscow ended.", "Moscow", MOSCOW_RU, n) for n in FEATURE_NAMES}
    small = {n: feature("Talks in Moscow ended.", "Moscow", MOSCOW_ID, n) for n in FEATURE_NAMES}
    assert big["log_population"] > 7 > small["log_population"] > 4
    assert big["log_alt_names"] > small["log_alt_names"]
    assert small["population_gap"] > 2
    assert big["match_quality"] >= 0.96 and big["ambiguity"] == small["ambiguity"] > 1


def test_fuzzy_candidates_have_lower_match_quality() -> None:
    cands = Candidates(tuple(match_name("Aleppro")))
    ctx = hint_context(country=None, near=None, feature_codes=None)
    row = [i["place_id"] for i in cands.infos].index(ALEPPO_CITY)
    got = values(cands, ctx, row)
    assert got["match_exact"] == 0.0 and got["match_quality"] < 0.96


def test_a_name_as_written_outranks_a_folded_one() -> None:
    # "Palmyra" is Tadmur's English name as written; Palmira (Colombia) only folds onto it.
    cands = Candidates(tuple(match_name("Palmyra", fuzzy=False)))
    ctx = hint_context(country=None, near=None, feature_codes=None)
    ids = [i["place_id"] for i in cands.infos]
    assert values(cands, ctx, ids.index("geonames:163808"))["beside_literal"] == 0.0
    assert values(cands, ctx, ids.index("geonames:3673164"))["beside_literal"] == 1.0


def test_folded_country_names() -> None:
    # "Suede" is the French "Suède" without its accent: Sweden reached only by folding.
    cands = Candidates(tuple(match_name("Suede", fuzzy=False)))
    ctx = hint_context(country=None, near=None, feature_codes=None)
    sweden = [i["place_id"] for i in cands.infos].index("geonames:2661886")
    assert values(cands, ctx, sweden)["folded_country"] == 1.0


def test_hints_stand_for_a_documents_context() -> None:
    cands = Candidates(tuple(match_name("Tripoli", fuzzy=False)))
    ids = [i["place_id"] for i in cands.infos]
    ctx = hint_context(country={"LB"}, near=(34.4, 35.9), feature_codes=None)
    lb = values(cands, ctx, ids.index(TRIPOLI_LB))
    ly = values(cands, ctx, ids.index(TRIPOLI_LY))
    assert lb["country_share_doc"] == 1.0 and ly["country_share_doc"] == 0.0
    assert lb["km_nearest_place"] < 0.3 < ly["km_nearest_place"]


def test_containment_cues() -> None:
    assert cue_after(", ") and cue_after(" in ") and cue_after(" (")
    assert cue_after(", 20 miles north of ") and cue_after(", a small town outside ")
    assert not cue_after(" and ") and not cue_after(", where officials said ")
    assert cue_before(" town of ") and cue_before("'s city of ")
    assert not cue_before(" and ")


def test_every_feature_has_a_case() -> None:
    covered = {name for *_, name, _ in CASES} | {
        "log_population", "log_alt_names", "ambiguity", "match_quality", "folded_country",
    }  # fmt: skip
    assert covered == set(FEATURE_NAMES)
