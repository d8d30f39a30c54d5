"""Each span feature on sentences we wrote, and the shipped span model's file."""

from __future__ import annotations

import pytest

from geomentions import _native
from geomentions import span_features as sf
from geomentions.extraction import candidate_cases, shipped_span_model
from geomentions.gazetteer import Gazetteer


def feature(text: str, surface: str, name: str, nth: int = 0) -> float:
    """The value of feature ``name`` for the ``nth`` candidate span reading ``surface``."""
    cases = candidate_cases(text, Gazetteer.default())
    doc = sf.DocFacts.build(cases)
    found = [c for c in cases if c.span.text == surface]
    assert len(found) > nth, [c.span.text for c in cases]
    # A feature is a column over the report's cases: this case's value in it.
    return getattr(sf, name)(sf.Rows(cases), doc)[cases.index(found[nth])]


@pytest.mark.parametrize(
    ("text", "surface", "name", "value"),
    [
        ("Talks opened in Paris on Monday.", "Paris", "prev_preposition", 1.0),
        ("Paris hosted talks on Monday.", "Paris", "prev_preposition", 0.0),
        ("Smoke rose over the hills above Malibu.", "Malibu", "prev_preposition", 1.0),
        ("Fighting went on inside Zara at dawn.", "Zara", "prev_preposition", 1.0),
        ("Paris hosted talks on Monday.", "Paris", "sentence_initial", 1.0),
        ("Talks opened in Paris on Monday.", "Paris", "sentence_initial", 0.0),
        ("Mr Paris spoke to reporters.", "Paris", "prev_title", 1.0),
        # a legislator's party letter and the town he stands for
        ("The bill came from Rep. Ann Carter, R-Charleston, on Monday.", "Charleston",
         "party_tag", 1.0),
        ("Leader Larry Pogemiller, DFL-Minneapolis, said cuts loom.", "Minneapolis",
         "party_tag", 1.0),
        ("Rep. Ann Carter of Charleston spoke on Monday.", "Charleston", "party_tag", 0.0),
        ("Gov. Perdue signed the bill in Atlanta.", "Atlanta", "prev_title", 0.0),
        ("Coach Sarah Palin spoke.", "Palin", "prev_first_name", 1.0),
        ("The vote was close, Paulk said on Monday.", "Paulk", "next_said", 1.0),
        # "in London, said": the speaker is someone else
        ("Police in London, said the report, made arrests.", "London", "next_said", 0.0),
        ("The Georgia Party met on Monday.", "Georgia", "next_org_head", 1.0),
        # a lowercase head noun: the place says where the thing is
        ("Robbers hit a Kabul bank on Monday.", "Kabul", "next_org_head", 0.0),
        ("Shops on Haifa Street shut early.", "Haifa", "street_after", 1.0),
        ("Shops on a busy Baquba street shut early.", "Baquba", "street_after", 0.0),
        ("Paris Hilton went shopping.", "Paris", "title_run_after", 1.0),
        ("Crowds marched in Bonn Tuesday.", "Bonn", "title_run_after", 0.0),
        ("She sat on the Board of Georgia last year.", "Georgia", "org_head_of", 1.0),
        ("She moved to Georgia last year.", "Georgia", "org_head_of", 0.0),
        ("Troops reached the TIF depot.", "TIF", "short_all_caps", 1.0),
        ("Shelling Hits Aleppo As Talks Stall\nMore later.", "Aleppo", "headline", 1.0),
        ("Rockets hit Aleppo as the talks stalled.", "Aleppo", "headline", 0.0),
        ("THE STORM HIT TEXAS ON MONDAY.", "TEXAS", "all_caps", 0.0),  # the whole text shouts
        ("Reports from Aleppo and Idlib.", "Idlib", "focus_fit", 1.0),
        ("Fighting spread across Idlib province.", "Idlib province", "feature_word", 1.0),
        ("Fighting spread across Idlib.", "Idlib", "feature_word", 0.0),
        ("Fighting spread across Idlib province.", "Idlib province", "only_generic", 0.0),
        ("Trucks crossed into Syria at dawn.", "Syria", "country", 1.0),
        ("The NGOs met in Geneva.", "Geneva", "plural_acronym", 0.0),
        ("Aid reached Aleppo; later Aleppo was shelled, and in Aleppo markets shut.", "Aleppo",
         "locative_elsewhere", 1 / 3),
        ("Mr Paris arrived. In Paris, Paris Hilton shopped.", "Paris", "person_elsewhere", 1 / 3),
        ("Libyan officials met in Misrata.", "Libyan", "demonym", 1.0),
        ("Officials met in Misrata, Libya.", "Libya", "demonym", 0.0),
        ("The EU sent observers.", "EU", "demonym", 1.0),
        ("The DRC asked for vaccines.", "DRC", "abbreviation", 1.0),
        ("Storms hit Marion, Ohio, overnight.", "Marion", "contained", 1.0),
        ("Strikes hit Aitaroun in south Lebanon.", "Aitaroun", "contained", 1.0),
        ("Storms hit Marion overnight.", "Marion", "contained", 0.0),
        ("Sen. Warner visited the plant.", "Sen", "title_word", 1.0),
        ("A bridge over the Euphrates fell.", "Euphrates", "physical", 1.0),
        ("A bridge over the Euphrates fell.", "Euphrates", "prev_the", 1.0),
        ("A bridge in Raqqa fell.", "Raqqa", "physical", 0.0),
        ("A bridge in Raqqa fell.", "Raqqa", "prev_the", 0.0),
        ("THE SITUATION IN SYRIA\nShelling went on.", "SYRIA", "caps_heading", 0.0),
        ("قصفت الطائرات مدينة حلب.", "حلب", "arabic", 1.0),
        ("Удары нанесены в районе Пальмиры.", "Пальмиры", "cyrillic", 1.0),
    ],
)  # fmt: skip
def test_feature_values(text: str, surface: str, name: str, value: float) -> None:
    assert feature(text, surface, name) == pytest.approx(value)


def test_word_frequency_of_the_span_and_its_folded_form() -> None:
    # "Reading" is a common English word; "Tadmur" is not.
    assert feature("Reading is fun.", "Reading", "zipf") > 4
    assert feature("Troops entered Tadmur.", "Tadmur", "zipf") < 2


def test_a_literal_name_and_a_folded_one() -> None:
    assert feature("Shelling hit Aleppo.", "Aleppo", "literal") == 1.0
    # "Georgian" is a demonym: no place is called so as written (it once reached Gyurgyan
    # by folding).
    assert feature("The Georgian wine sold well.", "Georgian", "literal") == 0.0


def test_a_heading_word_is_scaled_by_how_common_it_is() -> None:
    text = "DAILY UPDATE\nShelling hit Idlib overnight."
    assert feature(text, "DAILY", "caps_heading") > 4.5  # "daily" is a very common word
    assert feature("Daily life resumed in Idlib.", "Idlib", "caps_heading") == 0.0


def test_feature_list_matches_the_shipped_model() -> None:
    model = shipped_span_model()
    assert model.feature_names == sf.NAMES
    assert model.version == sf.VERSION
    assert 0.0 < float(dict(model.meta)["threshold"]) < 1.0


def test_span_model_keeps_places_and_drops_people() -> None:
    import geomentions as gm

    doc = gm.extract("Mr Paulk said the water plant in Atlanta would reopen.")
    assert [m.text for m in doc.mentions] == ["Atlanta"]


def test_every_feature_has_a_reason() -> None:
    documented = _native.source("span_features").FEATURES  # compiled functions keep no docs
    assert all(f.__doc__ and f.__doc__.strip() for f in documented)
    assert len(set(sf.NAMES)) == len(sf.NAMES)


def test_match_facts_follow_the_matches_not_a_reused_identity() -> None:
    # The facts about a matches tuple are memoised by identity; a new tuple (even one that
    # equals nothing seen before) gets its own, and emptying the memo changes no value.
    cases = candidate_cases("Trucks crossed from Syria into Hama.", Gazetteer.default())
    syria = next(c for c in cases if c.span.text == "Syria")
    hama = next(c for c in cases if c.span.text == "Hama")
    doc = sf.DocFacts.build(cases)
    assert sf.country(sf.Rows([syria, hama]), doc) == [1.0, 0.0]
    # Hama's span with Syria's matches: the country facts are Syria's, read afresh.
    mixed = sf.Case(hama.span, tuple(syria.matches), syria.by_cc)
    assert sf.country(sf.Rows([mixed]), doc) == [1.0]
    assert sf.prominence(sf.Rows([mixed]), doc) == sf.prominence(sf.Rows([syria]), doc)
    before = sf.matrix(cases)
    sf._FACTS.cache_clear()
    assert (sf.matrix(cases) == before).all()
    # No match at all: nothing is literal, no population.
    empty = sf.Rows([sf.Case(hama.span, (), {})])
    assert (sf.literal(empty, doc), sf.population(empty, doc)) == ([0.0], [0.0])


def test_an_abbreviation_and_the_name_it_stands_for_keep_their_own_rows() -> None:
    # Both read China's matches; only the name itself is written as a place's name.
    text = "The PRC said China would send ships."
    assert feature(text, "China", "literal") == 1.0
    assert feature(text, "PRC", "literal") == 0.0
    cases = candidate_cases(text, Gazetteer.default())
    rows = {c.span.text: row for c, row in zip(cases, sf.matrix(cases), strict=True)}
    col = sf.NAMES.index("literal")
    assert (rows["PRC"][col], rows["China"][col]) == (0.0, 1.0)
