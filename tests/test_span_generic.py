"""The span model's "nothing but generic words" reads every word of a span: an Arabic name
opening on its article ("Al Kahla", "Al-Buwaydah") or "New York" is a name, not a generic
phrase like "the city"."""

from __future__ import annotations

import geomentions as gm
from geomentions import span_features
from geomentions.extraction import candidate_cases
from geomentions.gazetteer import Gazetteer


def _only_generic(text: str) -> dict[str, float]:
    cases = candidate_cases(text, Gazetteer.default())
    column = span_features.NAMES.index("only_generic")
    rows = span_features.matrix(cases)
    return {c.span.text: float(row[column]) for c, row in zip(cases, rows, strict=True)}


def test_a_name_opening_on_an_article_is_no_generic_phrase() -> None:
    found = _only_generic("Troops moved from Al-Mansura to New York and then to Al Kahla.")
    assert found["Al-Mansura"] == 0.0
    assert found["New York"] == 0.0
    assert found["Al Kahla"] == 0.0


def test_a_village_named_with_its_article_is_kept() -> None:
    # Was dropped: its first word alone ("Al") read as a generic phrase.
    places = [m for m in gm.extract("Drones were seen over Al Kahla before dawn.").mentions]
    assert [m.text for m in places] == ["Al Kahla"]
    assert places[0].place is not None and places[0].place.country_code == "IQ"
