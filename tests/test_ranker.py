"""The trained ranker (issue 13): features, context cues, the shipped model, and what a
reader of a report expects of resolution (sentences written for these tests)."""

from __future__ import annotations

import pickle
from importlib import resources

import numpy as np
import pytest

import geomentions as gm
from geomentions import features
from geomentions.context import demonym_countries, plain
from geomentions.extraction import _votes, prepare
from geomentions.gazetteer import Gazetteer
from geomentions.ranker import calibrated, probabilities, shipped_ranker


def placed(doc: gm.Document, word: str) -> gm.Candidate:
    m = next(m for m in doc.mentions if m.text == word)
    assert m.place is not None, (word, m.candidates[:3])
    return m.place


def test_moscow_stays_russias_capital_in_a_report_about_america() -> None:
    doc = gm.extract(
        "Russia protested again. The talks in Moscow ended without a deal, "
        "US officials in Ohio said."
    )
    moscow = placed(doc, "Moscow")
    assert (moscow.country_code, moscow.feature_code) == ("RU", "PPLC")
    assert placed(doc, "Russia").feature_code == "PCLI"


def test_countries_in_a_us_report_stay_countries() -> None:
    doc = gm.extract(
        "In a speech in Ohio, the senator said countries such as Mexico, China and Japan "
        "buy more corn every year."
    )
    for name, cc in (("Mexico", "MX"), ("China", "CN"), ("Japan", "JP")):
        place = placed(doc, name)
        assert (place.country_code, place.feature_code) == (cc, "PCLI"), name


def test_victoria_in_an_australian_story_is_the_state() -> None:
    doc = gm.extract("Melbourne and Geelong sweltered as Victoria recorded its hottest day.")
    victoria = placed(doc, "Victoria")
    assert (victoria.country_code, victoria.feature_code) == ("AU", "ADM1")


def test_washington_in_a_report_on_politics_is_the_capital() -> None:
    doc = gm.extract(
        "The senator flew back to Washington on Monday to vote on the budget bill before "
        "Congress breaks."
    )
    washington = placed(doc, "Washington")
    assert (washington.place_id, washington.feature_code) == ("geonames:4140963", "PPLC")
    assert "a national capital, in a sentence about government" in washington.why


def test_washington_state_and_its_towns_are_the_state() -> None:
    for text in (
        "Salmon runs in Washington state fell again, biologists in Seattle reported.",
        "Wildfires spread across eastern Washington, and crews from Spokane were sent.",
    ):
        washington = placed(gm.extract(text), "Washington")
        assert (washington.place_id, washington.feature_code) == ("geonames:5815135", "ADM1")


def test_a_town_south_of_another_lies_near_it() -> None:
    doc = gm.extract("Water was cut to a house in Edmonton, south of Cairns, after the storm.")
    assert placed(doc, "Edmonton").country_code == "AU"


def test_cues_demonyms_and_plain_names() -> None:
    gaz = Gazetteer.default()
    p = prepare("He lives in Paris, Texas, now.", gaz)
    cue = p.context.cues[0]
    assert cue is not None and (cue.relation, cue.outer, cue.reading) == ("in", "texas", 1)
    p = prepare("Police said the Texas town of Athens was quiet.", gaz)
    athens = [r.span.text for r in p.readings].index("Athens")
    assert p.context.cues[athens] is not None and p.context.cues[athens].outer == "texas"
    assert sorted(demonym_countries("Two Australians and a Syrian doctor")) == ["AU", "SY"]
    assert plain("Travis County") == "travis"


def test_lists_of_states_are_no_containment() -> None:
    p = prepare("Farmers in Iowa, Kansas and Nebraska sold less grain.", Gazetteer.default())
    assert p.context.cues[0] is None


def test_feature_rows_say_what_the_words_say() -> None:
    p = prepare("He lives in Paris, Texas, now.", Gazetteer.default())
    x = features.candidate_matrix(p.context, 0, p.pools[0], p.admitted[0], p.wanted[0])
    inside = x[:, features.NAMES.index("cue_inside")]
    texan = [m.info["admin1"] == "Texas" for m in p.pools[0]]
    assert inside.tolist() == [float(t) for t in texan] and any(texan)


def test_shipped_model_is_small_and_matches_the_features() -> None:
    model = shipped_ranker()  # raises if the feature list changed without retraining
    size = len((resources.files("geomentions") / "data" / "ranker.json").read_bytes())
    assert size < 20_000
    xs, ys = model.calibration
    assert xs and list(ys) == sorted(ys)  # isotonic: more mass never means less confidence
    assert calibrated(model, 0.99) > calibrated(model, 0.2)
    rows = np.zeros((3, len(features.NAMES)))
    rows[1, features.NAMES.index("log_pop")] = 1.0
    p = probabilities(model, rows)
    assert abs(p.sum() - 1.0) < 1e-9 and p.argmax() == 1


def test_why_names_the_evidence_in_words() -> None:
    doc = gm.extract("The fair in Paris, Texas, drew crowds all weekend.")
    paris = next(m for m in doc.mentions if m.text == "Paris")
    assert paris.place is not None and paris.place.admin1 == "Texas"
    assert "inside the place named beside it" in paris.place.why


def test_why_is_worded_when_read_and_the_same_text_as_given_one() -> None:
    worded: list[str] = []

    def words() -> str:
        worded.append("once")
        return "exact key match 1.00; PPLA pop 1,602,264"

    row = ("geonames:170063", "Aleppo", 36.20124, 37.16117, "SY", "P", "PPLA", "Aleppo", "")
    lazy = gm.Candidate(*row, 1602264, "Aleppo", 0.97, words)
    plain_text = gm.Candidate(*row, 1602264, "Aleppo", 0.97, words())
    worded.clear()
    assert repr(lazy) == repr(plain_text) and not worded  # printing does not word it
    assert lazy == plain_text and hash(lazy) == hash(plain_text)
    assert lazy.why == "exact key match 1.00; PPLA pop 1,602,264" and worded == ["once"]
    assert lazy.why is lazy.why and worded == ["once"]  # kept, not worded again
    again = gm.Candidate(*row, 1602264, "Aleppo", 0.97, words)
    back = pickle.loads(pickle.dumps(again))  # as batch workers send it
    assert type(back.why) is str and back == plain_text


def test_reasons_of_an_extracted_report_survive_pickling() -> None:
    doc = gm.extract("Shelling hit Aleppo and Homs; families fled towards Hama.")
    cands = [c for m in doc.mentions for c in m.candidates]
    assert len(cands) >= 3
    copy = pickle.loads(pickle.dumps(doc))
    assert [c.why for m in copy.mentions for c in m.candidates] == [c.why for c in cands]
    assert all(isinstance(c.why, str) and "match" in c.why for c in cands)


def test_words_beside_a_name_say_division_or_town() -> None:
    doc = gm.extract(
        "Farmers in Kaduna State say the rains came late. In the city of Kaduna, traders "
        "raised the price of maize."
    )
    state = next(m for m in doc.mentions if m.text.startswith("Kaduna") and m.start < 20)
    city = next(m for m in doc.mentions if m.text == "Kaduna" and m.start > 40)
    assert state.place is not None and state.place.feature_code == "ADM1"
    assert city.place is not None and city.place.feature_code.startswith("PPL")


def test_a_name_that_spells_a_country_is_the_country_in_a_sentence_on_politics() -> None:
    # Mexico City is also called "Mexico"; the government words must not pull it in.
    doc = gm.extract(
        "Mexican farmers are worried. The president said Mexico would answer the new "
        "tariffs with its own."
    )
    assert placed(doc, "Mexico").feature_code == "PCLI"


def test_said_kinds_read_one_word_each_side() -> None:
    from geomentions.context import said_kinds

    text = "Murmansk's governor resigned; the mayor of Tver stayed."
    assert said_kinds(text, 0, 8) == {"division"}
    assert said_kinds(text, text.index("Tver"), text.index("Tver") + 4) == {"town"}
    assert said_kinds("a state with Jerusalem in it", 13, 22) == frozenset()


def test_a_wire_style_state_after_a_town_puts_it_in_that_state() -> None:
    # "Kan." loses its dot and case in the cue ("kan"); it still names Kansas, so the
    # Kansas City on the Kansas side is the one inside it, not the larger one in Missouri.
    p = prepare("A man of Kansas City, Kan., was charged on Monday.", Gazetteer.default())
    cue = p.context.cues[0]
    assert cue is not None and (cue.outer, cue.reading) == ("kan", 1)
    x = features.candidate_matrix(p.context, 0, p.pools[0], p.admitted[0], p.wanted[0])
    inside = dict(zip((m.info["place_id"] for m in p.pools[0]),
                      x[:, features.NAMES.index("cue_inside")].tolist(), strict=True))  # fmt: skip
    assert inside["geonames:4273837"] == 1.0  # Kansas City, Kansas
    assert inside["geonames:4393217"] == 0.0  # Kansas City, Missouri


def test_a_county_is_read_as_inside_its_state() -> None:
    # Seven states have an Anderson County; the words after it say which.
    gaz = Gazetteer.default()
    county = gaz.place(gaz.row_of("geonames:4670756"))
    assert (county["feature_code"], county["admin1"]) == ("ADM2", "Texas")
    doc = gm.extract("Deputies searched a farm in Anderson County, Texas, after the storm.")
    assert placed(doc, "Anderson County").place_id == "geonames:4670756"


def test_calibration_lookup_gives_numpys_interpolation_bit_for_bit() -> None:
    """``ranker.interp`` replaces a per-mention ``np.interp`` call: the same float at the
    table's points, between them, beyond both ends, on the shipped table and a small one."""
    from geomentions.ranker import interp

    tables = [shipped_ranker().calibration, ((0.2, 0.5, 0.9), (0.1, 0.1, 0.95))]
    rng = np.random.default_rng(7)
    for xs, ys in tables:
        points = [*xs, *np.nextafter(xs, 0.0), *np.nextafter(xs, 1.0), -0.5, 0.0, 1.0, 1.5]
        points += rng.random(2000).tolist()
        for x in points:
            assert interp(float(x), xs, ys) == float(np.interp(x, xs, ys)), x


def test_a_country_is_weighed_even_when_its_us_namesakes_fill_the_pool() -> None:
    # A report about a US arms sale: the many US towns called Lebanon come first in the
    # provisional order, but the country must still reach the ranker, and win.
    text = (
        "The United States approved a new arms sale on Thursday, US officials in Washington "
        "said. The US deal follows a US tour by the crown prince, who last year detained "
        "Lebanon's prime minister."
    )
    p = prepare(text, Gazetteer.default())
    n = next(i for i, r in enumerate(p.readings) if r.span.text == "Lebanon")
    assert ("LB", "PCLI") in {(m.info["country_code"], m.info["feature_code"]) for m in p.pools[n]}
    lebanon = placed(gm.extract(text), "Lebanon")
    assert (lebanon.country_code, lebanon.feature_code) == ("LB", "PCLI")


def test_a_name_that_spells_a_country_votes_for_that_country_only() -> None:
    # Brazil, Indiana is a town named after the country: "Brazil" in a report must not
    # count as a vote for the US, nor for Indiana.
    p = prepare("More families keep crossing from Venezuela into Brazil.", Gazetteer.default())
    brazil = next(r for r in p.readings if r.span.text == "Brazil")
    countries, divisions = _votes(brazil)
    assert set(countries) == {"BR"}
    assert divisions == {}


def test_geneva_in_a_report_about_south_america_is_the_swiss_city() -> None:
    doc = gm.extract(
        "Refugee agencies working in Brazil and Venezuela briefed reporters at the Palais "
        "des Nations in Geneva on Friday."
    )
    geneva = placed(doc, "Geneva")
    assert geneva.country_code == "CH"


_BEFORE_TEXTS = ["in the Texas town of ", "the Syrian city of\n", "THE TOWN OF  ", "a town of",
                 "the county seat of ", "town of X ", "the city Of\t", "of ", "", "the capital of "]  # fmt: skip


@pytest.mark.parametrize("before", _BEFORE_TEXTS)
def test_the_quick_test_before_the_town_of_pattern_never_misses_a_match(before: str) -> None:
    from geomentions.context import _TOWN_OF, _ends_in_of

    if _TOWN_OF.search(before) is not None:
        assert _ends_in_of(before), before


def test_the_texas_town_of_paris_still_puts_paris_in_texas() -> None:
    from geomentions.context import _cue
    from geomentions.recognition import Span

    text = "Police in the Texas town of Paris said"
    span = Span(28, 33, "Paris", ("paris",), "latin")
    cue = _cue(text, [span], 0)
    assert cue is not None and (cue.relation, cue.outer) == ("in", "texas")
