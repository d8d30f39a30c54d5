""" "said" after the second name of a town-and-state pair ends an apposition: the state is
still a place. Sentences written for these tests."""

from __future__ import annotations

import geomentions as gm


def _places(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.place and m.place.feature_code) for m in gm.extract(text).mentions]


def test_a_state_after_its_town_before_said_is_a_place() -> None:
    text = "Ana Ruiz, who teaches economics in Dallas, Texas, said the tariffs would hurt farmers."
    assert ("Texas", "ADM1") in _places(text)


def test_a_speaker_named_like_a_country_is_still_no_place() -> None:
    # The apposition before the name is a lowercase word: a person's name, as before.
    assert _places("Its chairman, Ali Jordan, said the talks had failed.") == []
