"""The trained ranker on reports we wrote: the behaviours issue 13 asks for, and the model file."""

from __future__ import annotations

import pytest

import geomentions as gm
from geomentions.features import FEATURE_NAMES, VERSION
from geomentions.models import LogisticModel, ModelError, shipped
from geomentions.resolution import RANKER_FILE, ranker, using_ranker


def places(text: str, **kw: object) -> dict[str, list[tuple[str, str, str]]]:
    """Mention text -> [(place name, country, feature code)] for every resolved mention."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for m in gm.extract(text, **kw).mentions:
        if m.place is not None:
            out.setdefault(m.text, []).append(
                (m.place.name, m.place.country_code, m.place.feature_code)
            )
    return out


def test_moscow_stays_russias_capital_in_a_briefing_about_the_us() -> None:
    text = (
        "The State Department said on Tuesday that the United States would send a delegation "
        "to Moscow. US officials in Ohio, Texas and Idaho backed the plan, and American "
        "lawmakers in Chicago asked for details. Russia has not replied. The delegation will "
        "stay in Moscow for three days."
    )
    got = places(text)
    assert got["Moscow"] == [("Moscow", "RU", "PPLC")] * 2
    assert got["Russia"] == [("Russia", "RU", "PCLI")]


def test_russia_itself_is_confident() -> None:
    doc = gm.extract("Russia and the United States met in Geneva to discuss Ukraine.")
    russia = next(m for m in doc.mentions if m.text == "Russia")
    assert russia.place is not None and russia.place.feature_code == "PCLI"
    assert russia.confidence >= 0.7  # it was 0.49 before the ranker


def test_washington_with_the_united_states_named_is_the_capital() -> None:
    text = (
        "Officials in Washington said the United States would expand its sanctions. "
        "Governors in Florida and Georgia disagreed."
    )
    assert places(text)["Washington"] == [("Washington", "US", "PPLC")]


def test_countries_in_a_list_stay_countries_in_a_us_report() -> None:
    text = (
        "Farmers in Iowa and Nebraska export corn to countries such as Mexico, China and "
        "Japan, the Des Moines office said. Norway buys soybeans."
    )
    got = places(text)
    for name, cc in (("Mexico", "MX"), ("China", "CN"), ("Japan", "JP"), ("Norway", "NO")):
        assert got[name] == [(got[name][0][0], cc, "PCLI")], name


def test_victoria_in_an_australian_article_is_the_australian_state() -> None:
    text = (
        "Bushfires spread across Victoria on Sunday. Firefighters from Melbourne and "
        "Sydney joined crews near Geelong, the Australian fire service said."
    )
    name, cc, _ = places(text)["Victoria"][0]
    assert cc == "AU"


def test_paris_texas_holds_for_the_whole_obituary() -> None:
    text = (
        "Mary Smith was born in Paris, Texas, in 1931. She taught school in Paris for forty "
        "years. Paris remembers her as a patient teacher; she returned to Paris, Texas, "
        "after every summer."
    )
    got = places(text)["Paris"]
    assert {(n, cc) for n, cc, _ in got} == {("Paris", "US")}
    pids = {m.place.place_id for m in gm.extract(text).mentions if m.text == "Paris" and m.place}
    assert len(pids) == 1
    texas = next(m for m in gm.extract(text).mentions if m.text == "Paris")
    assert texas.place is not None and texas.place.admin1 == "Texas"


def test_lima_a_village_in_new_york() -> None:
    got = places("The fair was held in Lima, a village in New York, last weekend.")
    name, cc, _ = got["Lima"][0]
    assert cc == "US"


def test_edmonton_south_of_cairns() -> None:
    got = places("Police searched a house in Edmonton, south of Cairns, on Monday.")
    name, cc, _ = got["Edmonton"][0]
    assert cc == "AU"


def test_why_names_the_deciding_features_in_words() -> None:
    doc = gm.extract("Storms hit Paris, Texas, and the Texas town of Athens on Friday.")
    athens = next(m for m in doc.mentions if m.text == "Athens")
    assert athens.place is not None and athens.place.admin1 == "Texas"
    assert athens.place.why.startswith("p=")
    assert "Texas" in athens.place.why


def test_confidence_is_a_probability_and_min_confidence_keeps_its_meaning() -> None:
    text = "Aircraft struck targets near Tadmur and in eastern Aleppo."
    doc = gm.extract(text)
    assert all(0.0 <= m.confidence <= 1.0 for m in doc.mentions)
    strict = gm.extract(text, min_confidence=0.999)
    for loose, tight in zip(doc.mentions, strict.mentions, strict=True):
        assert (tight.place is not None) == (loose.confidence >= 0.999)


def test_shipped_model_matches_the_feature_list_and_is_small() -> None:
    model = shipped(RANKER_FILE)
    assert model.feature_names == FEATURE_NAMES and model.version == VERSION
    assert model.calibration[0], "the shipped ranker carries its isotonic calibration"
    xs, ys = model.calibration
    assert list(ys) == sorted(ys)  # isotonic: more score is never less probable


def test_a_model_for_another_feature_list_is_refused() -> None:
    other = LogisticModel(("a", "b"), (1.0, 1.0), 0.0, name="ranker")
    with pytest.raises(ModelError, match="another feature list"):
        with using_ranker(other):
            pass
    assert ranker() is shipped(RANKER_FILE)  # nothing left behind


def test_inputs_outside_the_training_range_are_clipped() -> None:
    # Trained on match quality 0.96..1.0: a fuzzy 0.5 must not extrapolate a linear term.
    m = LogisticModel(("match",), (-4.0,), 0.0, (0.98,), (0.01,), lower=(0.96,), upper=(1.0,))
    assert float(m.raw([0.5])) == float(m.raw([0.96]))
    assert float(m.raw([0.5])) < 0.9999
